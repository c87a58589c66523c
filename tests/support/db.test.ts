// The database fingerprint the "nothing changed" assertions rely on must see every kind of write.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, snapshot, type TestDatabase } from './db.ts';

let t: TestDatabase;
before(async () => {
  t = await openTestDatabase('pglite', { demo: false });
});
after(async () => t.close());

test('the fingerprint is stable while nothing is written, and a rolled-back write leaves it as it was', async () => {
  const first = await snapshot(t.db);
  assert.deepEqual(await snapshot(t.db), first);
  await t.db.transaction().execute(async (trx) => {
    await sql`update region set capital_area = capital_area where code = '26'`.execute(trx);
    throw new Error('roll back');
  }).catch(() => undefined);
  assert.deepEqual(await snapshot(t.db), first);
  assert.ok(Object.keys(first).includes('region') && Object.keys(first).includes('audit_log'));
});

test('an update writing the same values, a delete and an insert each change the fingerprint', async () => {
  const start = await snapshot(t.db);
  await sql`update region set capital_area = capital_area where code = '26'`.execute(t.db);
  const updated = await snapshot(t.db);
  assert.notEqual(updated.region, start.region);
  const link = (await sql<{ a: string; b: string; kind: string; note: string | null }>`select * from region_link order by a, b limit 1`.execute(t.db)).rows[0]!;
  await sql`delete from region_link where a = ${link.a} and b = ${link.b}`.execute(t.db);
  const deleted = await snapshot(t.db);
  assert.notEqual(deleted.region_link, updated.region_link);
  await sql`insert into region_link (a, b, kind, note) values (${link.a}, ${link.b}, ${link.kind}, ${link.note})`.execute(t.db);
  const reinserted = await snapshot(t.db);
  assert.notEqual(reinserted.region_link, deleted.region_link);
  assert.notEqual(reinserted.region_link, updated.region_link, 'the same row written again is a change');
});
