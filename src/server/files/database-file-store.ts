// Stored files in the database (FILE_STORE=database, decision record 0031), shared by every node, on PostgreSQL and
// PGlite alike: bytes are written as they arrive in chunks of at most CHUNK_BYTES (memory bounded by one chunk),
// under a fresh blob id nothing names yet; committing is one insert of the `stored_file` row naming the blob with its
// size and SHA-256, so a file exists under its name whole or not at all. Reading checks the size and checksum over
// the chunks first, then streams them one at a time. Chunks of an upload that never committed are swept
// (sweepOrphanChunks, run by the upload-expiry job).
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { asBuffer, Tally, type FileStore, type Received } from './file-store.ts';

export const CHUNK_BYTES = 256 * 1024;

interface DatabaseReceived extends Received {
  readonly blob: string;
}

export class DatabaseFileStore implements FileStore {
  constructor(readonly db: Database, readonly area: string) {}

  async receive(stream: Readable, limit: number, headBytes: number, tailBytes: number): Promise<DatabaseReceived> {
    const blob = randomUUID();
    const tally = new Tally(limit, headBytes, tailBytes);
    const discard = async () => { await this.db.deleteFrom('stored_file_chunk').where('blob', '=', blob).execute(); };
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    const write = async (bytes: Buffer) => {
      await this.db.insertInto('stored_file_chunk').values({ blob, seq, bytes }).execute();
      seq += 1;
    };
    try {
      for await (const chunk of stream) {
        const buf = asBuffer(chunk);
        tally.add(buf);
        pending.push(buf);
        pendingBytes += buf.length;
        while (pendingBytes >= CHUNK_BYTES) {
          const all = Buffer.concat(pending);
          await write(all.subarray(0, CHUNK_BYTES));
          pending = [all.subarray(CHUNK_BYTES)];
          pendingBytes = all.length - CHUNK_BYTES;
        }
      }
      if (pendingBytes > 0 || seq === 0) await write(Buffer.concat(pending));
    } catch (error) {
      await discard().catch(() => undefined);
      throw error;
    }
    return { blob, ...tally.done(), discard };
  }

  async commitFile(received: Received, id: string): Promise<void> {
    const { blob, size, sha256 } = received as DatabaseReceived;
    // One transaction: the name moves to the new bytes (a file committed again under its id) and the old ones go.
    await this.db.transaction().execute(async (trx) => {
      const old = await trx.selectFrom('stored_file').select('blob').where('area', '=', this.area).where('id', '=', id).forUpdate().executeTakeFirst();
      await trx.insertInto('stored_file').values({ area: this.area, id, blob, size_bytes: size, sha256 })
        .onConflict((oc) => oc.columns(['area', 'id']).doUpdateSet({ blob, size_bytes: size, sha256, created_at: new Date() })).execute();
      if (old) await trx.deleteFrom('stored_file_chunk').where('blob', '=', old.blob).execute();
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const gone = await trx.deleteFrom('stored_file').where('area', '=', this.area).where('id', '=', id).returning('blob').executeTakeFirst();
      if (gone) await trx.deleteFrom('stored_file_chunk').where('blob', '=', gone.blob).execute();
    });
  }

  async openVerified(id: string, size: number, sha256: string): Promise<Readable> {
    const file = await this.db.selectFrom('stored_file').select(['blob', 'size_bytes', 'sha256']).where('area', '=', this.area).where('id', '=', id).executeTakeFirst();
    if (!file || file.size_bytes !== size || file.sha256 !== sha256) throw new Error(`stored file ${id} is missing or not the one recorded`);
    const hash = createHash('sha256');
    let length = 0;
    for await (const bytes of this.#chunks(file.blob)) {
      hash.update(bytes);
      length += bytes.length;
    }
    if (length !== size || hash.digest('hex') !== sha256) throw new Error(`stored file ${id} does not match its checksum`);
    return Readable.from(this.#chunks(file.blob));
  }

  async openStored(id: string): Promise<Readable | null> {
    const file = await this.db.selectFrom('stored_file').select(['size_bytes', 'sha256']).where('area', '=', this.area).where('id', '=', id).executeTakeFirst();
    return file ? this.openVerified(id, file.size_bytes, file.sha256) : null;
  }

  async listOlderThan(cutoff: Date): Promise<string[]> {
    return (await this.db.selectFrom('stored_file').select('id').where('area', '=', this.area).where('created_at', '<', cutoff).execute()).map((r) => r.id);
  }

  /** The blob's chunks in order, one query (and one chunk in memory) at a time. */
  async *#chunks(blob: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq += 1) {
      const row = await this.db.selectFrom('stored_file_chunk').select('bytes').where('blob', '=', blob).where('seq', '=', seq).executeTakeFirst();
      if (!row) return;
      if (row.bytes.length > 0) yield asBuffer(row.bytes);
    }
  }
}

/** Removes chunks of uploads that never committed (no `stored_file` names their blob) once older than `maxAgeMs`. */
export async function sweepOrphanChunks(db: Database, maxAgeMs: number): Promise<number> {
  const result = await sql`delete from stored_file_chunk c
     where c.blob in (select o.blob from stored_file_chunk o
                       where o.seq = 0 and o.created_at < now() - make_interval(secs => ${maxAgeMs / 1000})
                         and not exists (select 1 from stored_file f where f.blob = o.blob))`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
