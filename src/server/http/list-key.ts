// The key that signs list cursors: one per installation, in the database (migration 0060), so a cursor made by one
// node is read by every other. Read once, when the first page is asked for.
import type { Database } from '../../db/database.ts';

export function listKeyReader(db: Database): () => Promise<Buffer> {
  let key: Promise<Buffer> | null = null;
  return () => {
    key ??= db.selectFrom('server_key').select('secret').where('name', '=', 'list-cursor').executeTakeFirstOrThrow()
      .then((row) => Buffer.from(row.secret))
      .catch((error: unknown) => { key = null; throw error; });
    return key;
  };
}
