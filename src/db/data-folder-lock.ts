// The embedded database's folder belongs to one process at a time: PGlite keeps its buffers in the process, so a
// second process writing the same files loses writes or ruins the folder. The opener creates `<folder>.lock`
// exclusively, holding its pid, host, start time and command; a lock whose process is gone (killed with SIGKILL)
// is taken over. Why a hand-written pid lock rather than an mtime lock library: docs/decisions/0028-embedded-database-lock-and-backups.md.
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockHolder {
  pid: number;
  host: string;
  /** When the holder took the lock (ISO 8601). */
  since: string;
  command: string;
  /** Start time of the holder process in clock ticks after boot (/proc/<pid>/stat), to tell a reused pid apart. */
  processStart: string | null;
}

export class DataFolderLockedError extends Error {
  constructor(readonly folder: string, readonly holder: LockHolder) {
    const where = holder.host === hostname() ? '' : ` on host ${holder.host}`;
    super(
      `The data folder ${folder} is in use by another ZoneLink process: pid ${holder.pid}${where} (${holder.command}), since ${holder.since}.\n` +
        `Only one process may open an embedded database. Stop that process first (it releases the folder on exit), ` +
        `or set ZONELINK_DATA_DIR to another folder.` +
        (where ? `\nIf that process no longer runs, remove ${folder}.lock by hand.` : ''),
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  readonly path: string;
  release(): void;
}

function processStartOf(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat, counted after the command name (which may hold spaces) in parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function commandLine(): string {
  const [script, ...args] = process.argv.slice(1);
  return [script ? basename(script) : basename(process.execPath), ...args].join(' ');
}

/** Whether the holder may still be running: always so on another host, where it cannot be checked. */
export function holderIsAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStartOf(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

type Read = { holder: LockHolder; raw: string } | { holder: null; raw: string; ageMs: number } | null;

function readLock(path: string): Read {
  let raw: string;
  let ageMs: number;
  try {
    raw = readFileSync(path, 'utf8');
    ageMs = Date.now() - statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const holder = JSON.parse(raw) as LockHolder;
    if (Number.isInteger(holder.pid) && typeof holder.host === 'string') return { holder, raw };
  } catch {
    // written by halves: the writer is between creating and writing it, or died there
  }
  return { holder: null, raw, ageMs };
}

function tryCreate(path: string, content: string): boolean {
  try {
    writeFileSync(path, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** A lock file left by a process that is gone, or one never finished being written (older than this). */
function isStale(read: NonNullable<Read>): boolean {
  return read.holder ? !holderIsAlive(read.holder) : read.ageMs > 5_000;
}

function removeIfUnchanged(path: string, raw: string): void {
  try {
    if (readFileSync(path, 'utf8') === raw) unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Takes the lock of a PGlite data folder, or throws DataFolderLockedError naming the holder. A stale lock is
 * removed under a short-lived `<folder>.lock.takeover` guard, so two processes finding the same stale lock do not
 * both take it. The lock goes on release() and, failing that, when the process exits.
 */
export async function lockDataFolder(folder: string): Promise<DataFolderLock> {
  const path = `${resolve(folder)}.lock`;
  const guard = `${path}.takeover`;
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command: commandLine(), processStart: processStartOf(process.pid) };
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (tryCreate(path, content)) {
      const releaseOnExit = (): void => removeIfUnchanged(path, content);
      process.on('exit', releaseOnExit);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          process.off('exit', releaseOnExit);
          removeIfUnchanged(path, content);
        },
      };
    }
    const current = readLock(path);
    if (current === null) continue;
    if (!isStale(current)) {
      if (current.holder) throw new DataFolderLockedError(resolve(folder), current.holder);
      await sleep(100);
      continue;
    }
    if (tryCreate(guard, content)) {
      try {
        removeIfUnchanged(path, current.raw);
      } finally {
        removeIfUnchanged(guard, content);
      }
      continue;
    }
    const guardHolder = readLock(guard);
    if (guardHolder !== null && isStale(guardHolder)) removeIfUnchanged(guard, guardHolder.raw);
    await sleep(20);
  }
  throw new Error(`Could not take the lock ${path}: it keeps changing hands.`);
}
