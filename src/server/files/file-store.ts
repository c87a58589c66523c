// Files kept outside the database (report attachments): received into a temporary file while hashing
// (SHA-256) and counting bytes, then made durable and moved into place with one rename, so a crash never
// leaves a half-written file under a name the database refers to. Read back only after the checksum
// recorded in the database matches again.
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';

export interface Received {
  /** The temporary file: not referenced by anything until {@link commitFile}. */
  readonly temp: string;
  readonly size: number;
  readonly sha256: string;
  /** The first `headBytes` bytes and the last `tailBytes` bytes (for recognising the file's type). */
  readonly head: Buffer;
  readonly tail: Buffer;
  discard(): Promise<void>;
}

export class FileStore {
  constructor(readonly dir: string, readonly area: string) {}

  private get tempDir(): string { return join(this.dir, 'tmp'); }
  private get areaDir(): string { return join(this.dir, this.area); }
  pathOf(id: string): string { return join(this.areaDir, id); }

  /**
   * Streams `stream` into a temporary file. More than `limit` bytes → 413 (`payload-too-large`) and
   * nothing is left behind.
   */
  async receive(stream: Readable, limit: number, headBytes: number, tailBytes: number): Promise<Received> {
    await mkdir(this.tempDir, { recursive: true });
    const temp = join(this.tempDir, `${randomUUID()}.part`);
    const out = createWriteStream(temp, { flags: 'wx' });
    const hash = createHash('sha256');
    const headParts: Buffer[] = [];
    let headLength = 0;
    let tail = Buffer.alloc(0);
    let size = 0;
    const discard = async () => { await rm(temp, { force: true }); };
    try {
      for await (const chunk of stream) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        size += buf.length;
        if (size > limit) throw new AppError('payload-too-large', { params: { limit } });
        hash.update(buf);
        if (headLength < headBytes) {
          const part = buf.subarray(0, headBytes - headLength);
          headParts.push(part);
          headLength += part.length;
        }
        tail = Buffer.concat([tail, buf]);
        if (tail.length > tailBytes) tail = tail.subarray(tail.length - tailBytes);
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
    return { temp, size, sha256: hash.digest('hex'), head: Buffer.concat(headParts), tail: Buffer.from(tail), discard };
  }

  /** Flushes the received file to disk and renames it to its final name (atomic on one file system). */
  async commitFile(received: Received, id: string): Promise<string> {
    await mkdir(this.areaDir, { recursive: true });
    const handle = await open(received.temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const target = this.pathOf(id);
    await rename(received.temp, target);
    const dir = await open(this.areaDir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    return target;
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  /**
   * Opens a stored file for sending after checking its size and SHA-256 against what the database
   * recorded; a missing or changed file is an error (never sent as if it were the original).
   */
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
