// A fresh embedded database is prepared as `npm start` does it: migrations (0078 adds the special local governments
// before anything else), then the region reference — 17 provinces and 250 municipalities, 군위군 under Daegu
// (migration 0077's data) — whatever rows the migrations wrote first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../../src/db/database.ts';
import { prepareDatabase } from '../../src/db/setup.ts';

test('a fresh database gets the region reference beside the special local governments', { timeout: 120_000 }, async () => {
  const db = await openDatabase({ url: null, dataDir: 'memory://' });
  try {
    await prepareDatabase(db, { demo: false });
    const levels = await db.selectFrom('region').select(['level', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('level').orderBy('level').execute();
    assert.deepEqual(levels.map((r) => [r.level, Number(r.n)]), [['municipality', 250], ['province', 17], ['special', 1]]);
    const gunwi = await db.selectFrom('region').select(['parent_code', 'parents']).where('code', '=', '37310').executeTakeFirstOrThrow();
    assert.equal(gunwi.parent_code, '22');
    assert.equal(gunwi.parents?.length, 2);
    const union = await db.selectFrom('region').select(['members', 'name']).where('code', '=', 'CHUNGCHEONG-UNION').executeTakeFirstOrThrow();
    assert.deepEqual(union.members, ['25', '29', '33', '34']);
    assert.equal(union.name.ko, '충청광역연합');
  } finally {
    await db.destroy();
  }
});
