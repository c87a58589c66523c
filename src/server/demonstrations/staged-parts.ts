// The received parts of resumable uploads, kept in the file store's `upload-staging` area (FILE_STORE: this node's
// folder, or the database every node shares — so a part sent to one node and the next to another make one file).
// Each part is its own stored file under a name of its own; the staging row lists the parts that count, in order.
// A part is stored before the row names it, so a part whose row update lost (a concurrent part, a crash) is a file
// no row names, which the scheduled expiry removes once old.
import { randomUUID, createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { StagedPart } from '../../db/schema.ts';
import type { Database } from '../../db/database.ts';
import type { Config } from '../../config.ts';
import type { FileStore, Received } from '../files/file-store.ts';
import { openFileStore } from '../files/open-file-store.ts';

export const STAGING_AREA = 'upload-staging';

export function stagingStore(config: Pick<Config, 'fileStore' | 'filesDir'>, db: Database): FileStore {
  return openFileStore(config, db, STAGING_AREA);
}

/** Stores a received part under a new name of its own, for a staging row to name. */
export async function storePart(files: FileStore, received: Received, projectId: string, uploadId: string, start: number): Promise<StagedPart> {
  const file = `${projectId}.${uploadId}.${start}.${randomUUID()}`;
  await files.commitFile(received, file);
  return { file, start, size: received.size, sha256: received.sha256 };
}

/** The whole staged file: the parts' bytes in order, each checked against the checksum recorded for it. */
export function stagedBytes(files: FileStore, parts: readonly StagedPart[]): Readable {
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      for await (const chunk of await files.openVerified(part.file, part.size, part.sha256)) yield chunk as Buffer;
    }
  }
  return Readable.from(bytes());
}

/** The SHA-256 of staged bytes `start`..`end` (inclusive); null when the parts are gone or do not reach `end`. */
export async function stagedRangeSha256(files: FileStore, parts: readonly StagedPart[], start: number, end: number): Promise<string | null> {
  const hash = createHash('sha256');
  let covered = 0;
  try {
    for (const part of parts) {
      const partEnd = part.start + part.size - 1;
      if (partEnd < start || part.start > end) continue;
      let at = part.start;
      for await (const chunk of await files.openVerified(part.file, part.size, part.sha256)) {
        const buf = chunk as Buffer;
        const from = Math.max(start - at, 0);
        const to = Math.min(end - at + 1, buf.length);
        if (to > from) {
          hash.update(buf.subarray(from, to));
          covered += to - from;
        }
        at += buf.length;
      }
    }
  } catch {
    return null;
  }
  return covered === end - start + 1 ? hash.digest('hex') : null;
}

export async function removeParts(files: FileStore, parts: readonly StagedPart[]): Promise<void> {
  for (const part of parts) await files.remove(part.file);
}

/**
 * Removes resumable uploads not added to for `maxAgeMs` with their parts, and stored parts no upload names (a part
 * whose row update lost) once as old. Returns how many uploads went.
 */
export async function expireStagedParts(db: Database, files: FileStore, maxAgeMs: number, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - maxAgeMs);
  const gone = await db.deleteFrom('demonstration_upload_staging').where('updated_at', '<', cutoff).returning(['parts']).execute();
  for (const g of gone) await removeParts(files, g.parts);
  const live = new Set((await db.selectFrom('demonstration_upload_staging').select('parts').execute()).flatMap((r) => r.parts.map((p) => p.file)));
  for (const file of await files.listOlderThan(cutoff)) if (!live.has(file)) await files.remove(file);
  return gone.length;
}
