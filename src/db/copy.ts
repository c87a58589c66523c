// COPY … FROM STDIN on PostgreSQL inside a Kysely transaction: the pg client that holds the transaction is
// found by its backend process id among the pool's clients, and the rows are streamed to it with the COPY
// sub-protocol (CopyData messages, with back-pressure). On PGlite (no pg client) it reports "not available"
// and callers insert in batches instead.
import { sql } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.ts';

type Connection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
};

const clients = new Set<pg.PoolClient>();

/** Remembers the pool's clients (called by openDatabase for PostgreSQL pools). */
export function trackPool(pool: pg.Pool): void {
  pool.on('connect', (client) => { clients.add(client); });
  pool.on('remove', (client) => { clients.delete(client as pg.PoolClient); });
}

/** The pg Submittable for COPY FROM STDIN (what pg-copy-streams does, without the dependency). */
class CopyIn {
  private error: Error | null = null;
  constructor(private readonly text: string, private readonly batches: AsyncIterable<string>, private readonly done: (error: Error | null) => void) {}
  submit(connection: Connection): void { connection.query(this.text); }
  handleCopyInResponse(connection: Connection): void {
    void (async () => {
      let buf = '';
      for await (const batch of this.batches) {
        buf += batch;
        if (buf.length >= 1 << 18) {
          connection.sendCopyFromChunk(Buffer.from(buf));
          buf = '';
          if (connection.stream.writableNeedDrain) await new Promise((resolve) => connection.stream.once('drain', resolve));
        }
      }
      if (buf !== '') connection.sendCopyFromChunk(Buffer.from(buf));
      connection.endCopyFrom();
    })().catch((error: unknown) => {
      // The source's own error (e.g. a malformed line) is what the caller sees, not the server's echo of it.
      this.error = error instanceof Error ? error : new Error(String(error));
      connection.sendCopyFail(this.error.message);
    });
  }
  handleError(error: Error): void { this.error ??= error; }
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
  handleReadyForQuery(): void { this.done(this.error); }
}

/** Whether COPY FROM STDIN can be used: the database is a PostgreSQL server reached through pg. */
export const copyAvailable = (): boolean => clients.size > 0;

/**
 * Streams `batches` (COPY text format: whole lines, each ending in a newline) into `table (columns)` on the
 * connection of `trx`, in messages of about 256 KB. Returns false, having sent nothing, when the database is not
 * a PostgreSQL server.
 */
export async function copyFrom(trx: Database, table: string, columns: readonly string[], batches: AsyncIterable<string>): Promise<boolean> {
  if (clients.size === 0) return false;
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  const client = [...clients].find((c) => (c as unknown as { processID: number | null }).processID === rows[0]?.pid);
  if (!client) return false;
  const text = `copy ${table} (${columns.join(', ')}) from stdin`;
  await new Promise<void>((resolve, reject) => {
    void client.query(new CopyIn(text, batches, (error) => (error ? reject(error) : resolve())) as unknown as pg.QueryConfig);
  });
  return true;
}
