// Stored files (report attachments) go through one interface with two implementations, chosen by FILE_STORE
// (decision record 0031): `local` keeps them under ZONELINK_FILES_DIR on this node's disk (local-file-store.ts),
// `database` keeps them in the database every node shares (database-file-store.ts). Either way a file is received
// as a stream while its SHA-256 and size are counted, exists under its name only once committed (never half a file
// under a name), and is read back only after the checksum recorded beside it matches again.
import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';

export interface Received {
  readonly size: number;
  readonly sha256: string;
  /** The first `headBytes` bytes and the last `tailBytes` bytes (for recognising the file's type). */
  readonly head: Buffer;
  readonly tail: Buffer;
  /** Forgets the received bytes (not committed). */
  discard(): Promise<void>;
}

export interface FileStore {
  /**
   * Streams `stream` in, counting and hashing. More than `limit` bytes → 413 (`payload-too-large`) and nothing is
   * left behind. Nothing refers to the bytes until {@link FileStore.commitFile}.
   */
  receive(stream: Readable, limit: number, headBytes: number, tailBytes: number): Promise<Received>;
  /** Makes received bytes the file `id`, durably and at once. */
  commitFile(received: Received, id: string): Promise<void>;
  remove(id: string): Promise<void>;
  /**
   * Opens a stored file for sending after checking its size and SHA-256 against what the caller recorded; a missing
   * or changed file is an error (never sent as if it were the original).
   */
  openVerified(id: string, size: number, sha256: string): Promise<Readable>;
  /** Opens a file whose checksum only the store records (the database store checks it); null when there is none. */
  openStored(id: string): Promise<Readable | null>;
  /** The ids of the files committed before `cutoff`. */
  listOlderThan(cutoff: Date): Promise<string[]>;
}

/** Counts, hashes and keeps the head and tail of bytes as they stream in, refusing more than `limit`. */
export class Tally {
  readonly #hash: Hash = createHash('sha256');
  readonly #headParts: Buffer[] = [];
  #headLength = 0;
  #tail = Buffer.alloc(0);
  size = 0;

  constructor(readonly limit: number, readonly headBytes: number, readonly tailBytes: number) {}

  add(buf: Buffer): void {
    this.size += buf.length;
    if (this.size > this.limit) throw new AppError('payload-too-large', { params: { limit: this.limit } });
    this.#hash.update(buf);
    if (this.#headLength < this.headBytes) {
      const part = buf.subarray(0, this.headBytes - this.#headLength);
      this.#headParts.push(part);
      this.#headLength += part.length;
    }
    if (this.tailBytes > 0) {
      this.#tail = Buffer.concat([this.#tail, buf.subarray(Math.max(0, buf.length - this.tailBytes))]);
      if (this.#tail.length > this.tailBytes) this.#tail = this.#tail.subarray(this.#tail.length - this.tailBytes);
    }
  }

  done(): { size: number; sha256: string; head: Buffer; tail: Buffer } {
    return { size: this.size, sha256: this.#hash.digest('hex'), head: Buffer.concat(this.#headParts), tail: Buffer.from(this.#tail) };
  }
}

export const asBuffer = (chunk: unknown): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
