// One process at a time on an embedded data folder: real `zonelink` child processes on one PGlite folder. A second
// `serve` (or `migrate`) refuses naming the holder; the lock goes with SIGTERM/SIGINT; a lock left by a process killed
// with SIGKILL is taken over; a damaged folder stops the start with the way out, not a stack trace.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DataFolderLockedError, lockDataFolder } from '../../src/db/data-folder-lock.ts';

interface Exit { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

let dir: string;
let dataDir: string;
const env = (): NodeJS.ProcessEnv => ({ ...process.env, ZONELINK_DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'false', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });

function start(extraEnv: NodeJS.ProcessEnv, ...args: string[]): { child: ChildProcess; exit: Promise<Exit>; output: () => Exit } {
  const child = spawn(process.execPath, ['bin/zonelink.js', ...args], { env: { ...env(), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Exit = { code: null, signal: null, stdout: '', stderr: '' };
  child.stdout!.on('data', (c) => { out.stdout += String(c); });
  child.stderr!.on('data', (c) => { out.stderr += String(c); });
  const exit = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ ...out, code, signal }));
  });
  return { child, exit, output: () => out };
}

const run = (...args: string[]): Promise<Exit> => start({}, ...args).exit;

/** Starts `zonelink serve` and resolves once it listens. */
async function serve(): Promise<{ child: ChildProcess; exit: Promise<Exit> }> {
  const server = start({}, 'serve');
  for (let waited = 0; !/ZoneLink is serving on/.test(server.output().stdout); waited += 100) {
    if (server.child.exitCode !== null || waited > 120_000) assert.fail(`serve did not start: ${server.output().stderr.slice(-800)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server;
}

const lockFile = (): string => `${dataDir}.lock`;

describe('the embedded data folder is held by one process', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zonelink-lock-'));
    dataDir = join(dir, 'pglite');
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  test('a second serve and a migrate exit non-zero naming the holder; SIGTERM releases the folder', async () => {
    const first = await serve();
    try {
      const holder = JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number; command: string };
      assert.equal(holder.pid, first.child.pid);
      const second = await run('serve');
      assert.notEqual(second.code, 0);
      assert.doesNotMatch(second.stdout, /ZoneLink is serving/);
      assert.match(second.stderr, new RegExp(`in use by another ZoneLink process: pid ${first.child.pid} \\(zonelink\\.js serve\\), since \\d{4}-\\d\\d-\\d\\dT`));
      assert.doesNotMatch(second.stderr, /\n\s+at /, 'a message, not a stack trace');
      const migrate = await run('migrate');
      assert.equal(migrate.code, 1);
      assert.match(migrate.stderr, new RegExp(`pid ${first.child.pid} \\(zonelink\\.js serve\\)`));
      assert.equal(JSON.parse(readFileSync(lockFile(), 'utf8')).pid, first.child.pid, 'the refused processes left the lock alone');
    } finally {
      first.child.kill('SIGTERM');
    }
    const stopped = await first.exit;
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.equal(existsSync(lockFile()), false, 'released on SIGTERM');
    const migrate = await run('migrate');
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.equal(existsSync(lockFile()), false, 'released on normal exit');
  });

  test('SIGINT releases the folder', async () => {
    const server = await serve();
    server.child.kill('SIGINT');
    assert.equal((await server.exit).code, 0);
    assert.equal(existsSync(lockFile()), false);
  });

  test('the lock of a process killed with SIGKILL is taken over', async () => {
    const server = await serve();
    server.child.kill('SIGKILL');
    assert.equal((await server.exit).signal, 'SIGKILL');
    assert.equal(JSON.parse(readFileSync(lockFile(), 'utf8')).pid, server.child.pid, 'the killed process left its lock');
    const migrate = await run('migrate');
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.equal(existsSync(lockFile()), false);
  });

  test('a damaged folder stops the start with the way out, not a stack trace', async () => {
    const damaged = join(dir, 'damaged');
    const migrated = await run('migrate');
    assert.equal(migrated.code, 0);
    await rm(damaged, { recursive: true, force: true });
    await cp(dataDir, damaged, { recursive: true });
    writeFileSync(join(damaged, 'global', 'pg_control'), Buffer.alloc(8192, 7));
    const res = await start({ ZONELINK_DATA_DIR: damaged }, 'serve').exit;
    assert.equal(res.code, 1);
    assert.match(res.stderr, new RegExp(`The embedded database in ${damaged.replace(/[/.]/g, '\\$&')} cannot be opened`));
    assert.match(res.stderr, /zonelink restore <backup file>/);
    assert.match(res.stderr, /mv .*damaged .*damaged\.damaged/);
    assert.doesNotMatch(res.stderr, /\n\s+at /, 'a message, not a stack trace');
    assert.equal(existsSync(`${damaged}.lock`), false, 'the failed start released the folder');
  });
});

describe('lock files', () => {
  let folder: string;
  before(async () => {
    folder = join(await mkdtemp(join(tmpdir(), 'zonelink-lockfile-')), 'db');
  });
  after(async () => rm(join(folder, '..'), { recursive: true, force: true }));

  test('the same folder twice in one process is refused too; release lets the next one in', async () => {
    const lock = await lockDataFolder(folder);
    await assert.rejects(lockDataFolder(folder), (error: unknown) => error instanceof DataFolderLockedError && error.holder.pid === process.pid);
    lock.release();
    (await lockDataFolder(folder)).release();
    assert.equal(existsSync(`${folder}.lock`), false);
  });

  test('a live pid with another start time is a reused pid: the lock is stale', async () => {
    writeFileSync(`${folder}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z', command: 'zonelink.js serve', processStart: '1' }));
    const lock = await lockDataFolder(folder);
    assert.equal(JSON.parse(readFileSync(lock.path, 'utf8')).since === '2026-01-01T00:00:00.000Z', false);
    lock.release();
  });

  test('a holder on another host cannot be checked: refused, with how to remove it', async () => {
    writeFileSync(`${folder}.lock`, JSON.stringify({ pid: 1, host: 'elsewhere.example', since: '2026-01-01T00:00:00.000Z', command: 'zonelink.js serve', processStart: null }));
    await assert.rejects(lockDataFolder(folder), /pid 1 on host elsewhere\.example \(zonelink\.js serve\), since 2026-01-01T00:00:00\.000Z[\s\S]*remove .*db\.lock by hand/);
    await rm(`${folder}.lock`);
  });

  test('a lock file left half-written long ago is stale', async () => {
    writeFileSync(`${folder}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${folder}.lock`, old, old);
    (await lockDataFolder(folder)).release();
  });
});
