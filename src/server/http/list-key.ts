// The key that signs list cursors: one per installation, in the database (migration 0060), so a cursor made by one
// node is read by every other. Made by the first node that asks (two at once keep the first), read once per process.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';

export function listKeyReader(db: Database): () => Promise<Buffer> {
  let key: Promise<Buffer> | null = null;
  return () => {
    key ??= db.insertInto('server_key').values({ name: 'list-cursor', secret: randomBytes(32) }).onConflict((oc) => oc.column('name').doNothing()).execute()
      .then(() => db.selectFrom('server_key').select('secret').where('name', '=', 'list-cursor').executeTakeFirstOrThrow())
      .then((row) => Buffer.from(row.secret))
      .catch((error: unknown) => { key = null; throw error; });
    return key;
  };
}
