// Cached public responses: the bytes once serialised and once per encoding, bounded in total size (least recently
// used go first), each tagged with the topics it shows so a newer version of a topic drops them at once.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { COMPRESSION_THRESHOLD_BYTES } from '../http/compression.ts';

export interface CachedResponse {
  etag: string;
  contentType: string;
  cacheControl: string;
  identity: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  topics: readonly string[];
}

export function encodeResponse(body: Buffer, head: Omit<CachedResponse, 'identity' | 'br' | 'gzip'>): CachedResponse {
  const big = body.length >= COMPRESSION_THRESHOLD_BYTES;
  return {
    ...head,
    identity: body,
    br: big ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : null,
    gzip: big ? gzipSync(body, { level: 6 }) : null,
  };
}

const sizeOf = (entry: CachedResponse): number => entry.identity.length + (entry.br?.length ?? 0) + (entry.gzip?.length ?? 0) + 256;

export class ResponseCache {
  readonly #maxBytes: number;
  readonly #entries = new Map<string, CachedResponse>();
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    const size = sizeOf(entry);
    if (size > this.#maxBytes / 8) return;
    this.#delete(key);
    this.#entries.set(key, entry);
    this.#bytes += size;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= sizeOf(old);
    }
  }

  /** Drops every entry showing one of these topics. */
  dropTopics(topics: ReadonlySet<string>): void {
    for (const [key, entry] of this.#entries) {
      if (entry.topics.some((topic) => topics.has(topic))) this.#delete(key);
    }
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= sizeOf(entry);
  }
}
