// The governed-region SQL (lists that decide visibility in the database) agrees with the policy's rule in code
// for every government and region: a province reaches the municipalities that belong to it today, not those its
// code prefixes — 군위군 (37310) is Daegu's since 2023-07-01 (「경상북도와 대구광역시 간
// 관할구역 변경에 관한 법률」), though its code starts with Gyeongbuk's 37.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { governs } from '../../src/domain/regions/provinces.ts';
import { regions } from '../../src/domain/regions/reference.ts';
import { governedRegion } from '../../src/server/auth/governed-region.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

for (const engine of engines()) {
  describe(`governed region in SQL (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    test('군위군 is stored under Daegu with its provinces through time, and /api/regions/22 lists it', async () => {
      const row = await t.db.selectFrom('region').select(['parent_code', 'parents']).where('code', '=', '37310').executeTakeFirstOrThrow();
      assert.equal(row.parent_code, '22');
      assert.deepEqual(row.parents?.map((p) => p.code), ['37', '22']);
      const daegu = (await t.app.inject('/api/regions/22')).json();
      assert.ok(daegu.municipalities.some((m: { code: string }) => m.code === '37310'));
      const gyeongbuk = (await t.app.inject('/api/regions/37')).json();
      assert.ok(!gyeongbuk.municipalities.some((m: { code: string }) => m.code === '37310'));
      const gunwi = (await t.app.inject('/api/regions/37310')).json();
      assert.equal(gunwi.parent.code, '22');
      assert.deepEqual(gunwi.region.parents.map((p: { code: string; from?: string }) => [p.code, p.from ?? null]), [['37', null], ['22', '2023-07-01']]);
    });

    test('for every province and a sample of municipalities, the SQL reaches exactly the regions the policy says it governs', async () => {
      const governments = [...regions.filter((r) => r.level === 'province').map((r) => r.code), '37310', '22310', '37320'];
      for (const code of governments) {
        const rows = await t.db.selectFrom('region').select('code').where(governedRegion('region.code', code)).orderBy('code').execute();
        const expected = regions.filter((r) => governs(code, r.code)).map((r) => r.code).sort();
        assert.deepEqual(rows.map((r) => r.code), expected, code);
      }
      const daegu = await t.db.selectFrom('region').select(sql<number>`count(*)`.as('n')).where(governedRegion('region.code', '22')).executeTakeFirstOrThrow();
      assert.equal(Number(daegu.n), 10, 'Daegu itself and its 9 districts and counties');
    });
  });
}
