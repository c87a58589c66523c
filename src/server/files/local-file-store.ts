// Stored files in a folder of this node (FILE_STORE=local, the default): received into a temporary file while
// hashing (SHA-256) and counting bytes, then made durable and moved into place with one rename, so a crash never
// leaves a half-written file under a name the database refers to. Read back only after the checksum recorded in the
// database matches again.
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { asBuffer, Tally, type FileStore, type Received } from './file-store.ts';

export interface LocalReceived extends Received {
  /** The temporary file: not referenced by anything until {@link LocalFileStore.commitFile}. */
  readonly temp: string;
}

export class LocalFileStore implements FileStore {
  constructor(readonly dir: string, readonly area: string) {}

  private get tempDir(): string { return join(this.dir, 'tmp'); }
  private get areaDir(): string { return join(this.dir, this.area); }
  pathOf(id: string): string { return join(this.areaDir, id); }

  async receive(stream: Readable, limit: number, headBytes: number, tailBytes: number): Promise<LocalReceived> {
    await mkdir(this.tempDir, { recursive: true });
    const temp = join(this.tempDir, `${randomUUID()}.part`);
    const out = createWriteStream(temp, { flags: 'wx' });
    const tally = new Tally(limit, headBytes, tailBytes);
    const discard = async () => { await rm(temp, { force: true }); };
    try {
      for await (const chunk of stream) {
        const buf = asBuffer(chunk);
        tally.add(buf);
        if (!out.write(buf)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'close');
    } catch (error) {
      out.destroy();
      await once(out, 'close').catch(() => undefined);
      await discard();
      throw error;
    }
    return { temp, ...tally.done(), discard };
  }

  /** Flushes the received file to disk and renames it to its final name (atomic on one file system). */
  async commitFile(received: Received, id: string): Promise<void> {
    const { temp } = received as LocalReceived;
    const target = this.pathOf(id);
    const folder = dirname(target);
    await mkdir(folder, { recursive: true });
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  async openStored(id: string): Promise<ReadStream | null> {
    const info = await stat(this.pathOf(id)).catch(() => null);
    return info?.isFile() ? createReadStream(this.pathOf(id)) : null;
  }

  async listOlderThan(cutoff: Date): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile()) {
          const info = await stat(path).catch(() => null);
          if (info !== null && info.mtimeMs < cutoff.getTime()) out.push(relative(this.areaDir, path));
        }
      }
    };
    await walk(this.areaDir);
    return out;
  }

  async openVerified(id: string, size: number, sha256: string): Promise<ReadStream> {
    const path = this.pathOf(id);
    const info = await stat(path).catch(() => null);
    if (info === null || info.size !== size) throw new Error(`stored file ${id} is missing or has the wrong size`);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    if (hash.digest('hex') !== sha256) throw new Error(`stored file ${id} does not match its checksum`);
    return createReadStream(path);
  }
}
