import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { seedReferenceZones } from '../../src/db/seed/zones.ts';

for (const engine of engines()) {
  describe(`zones (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    test('the 42 zones of rounds 1–10 are browsable, per round as designated', async () => {
      const items = (await t.app.inject('/api/zones')).json().items;
      assert.equal(items.length, 42);
      const perRound = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((r) => items.filter((z: { round: number }) => z.round === r).length);
      assert.deepEqual(perRound, [7, 7, 7, 3, 4, 1, 3, 2, 5, 3]);
      assert.ok(items.every((z: { source: string; model: string }) => z.source === 'reference' && z.model === 'single'));
    });

    test('a reference zone carries the region name of its designation date; regions show today\'s (issue 15, item 5)', async () => {
      const gangwon = (await t.app.inject('/api/zones?region=32&round=1')).json().items;
      assert.equal(gangwon[0].name.ko, '강원도 디지털헬스케어 규제자유특구', 'designated 2019: 강원도');
      const jeonbuk = (await t.app.inject('/api/zones?region=35&round=10')).json().items;
      assert.match(jeonbuk[0].name.ko, /^전북특별자치도 /, 'designated 2025: 전북특별자치도');
      const earlier = (await t.app.inject('/api/zones?region=35&round=2')).json().items;
      assert.match(earlier[0].name.ko, /^전라북도 /, 'designated 2019: 전라북도');
      const region = (await t.app.inject('/api/regions/32')).json().region;
      assert.equal(region.name.ko, '강원특별자치도');
      assert.deepEqual(region.names.map((n: { from?: string; until?: string; name: { ko: string } }) => [n.from ?? null, n.until ?? null, n.name.ko]), [[null, '2023-06-10', '강원도'], ['2023-06-11', null, '강원특별자치도']]);
    });

    test('reference zones carry their designation periods; an unconfirmed end stays null (issue 15, item 3)', async () => {
      const daegu = (await t.app.inject('/api/zones?region=22&round=9')).json().items;
      assert.deepEqual([daegu[0].periodStart, daegu[0].periodEnd], ['2024-05-01', '2028-04-30']);
      const items = (await t.app.inject('/api/zones')).json().items as { round: number; state: string; periodStart: string | null; periodEnd: string | null }[];
      assert.ok(items.every((z) => z.periodStart !== null), 'every start is known');
      assert.ok(items.filter((z) => z.state === 'expired').every((z) => z.periodEnd !== null));
      assert.ok(items.some((z) => z.state === 'designated' && z.periodEnd === null), 'a continuing zone whose end was not found has none');
    });

    test('reference zones have names and fields in ja, zh and fr (ZoneLink\'s translations, issue 15, item 9), kept in step on a restart', async () => {
      const items = (await t.app.inject('/api/zones')).json().items as { name: Record<string, string>; field: Record<string, string> }[];
      for (const z of items) for (const lang of ['ja', 'zh', 'fr']) assert.ok((z.field[lang] ?? '').length > 0 && (z.name[lang] ?? '').length > 0, `${z.field.en} ${lang}`);
      const bunkering = items.find((z) => z.field.en === 'Ammonia bunkering')!;
      assert.deepEqual([bunkering.field.ja, bunkering.field.zh, bunkering.field.fr], ['アンモニアバンカリング', '氨燃料加注', 'Soutage d’ammoniac']);
      assert.equal(bunkering.name.ja, '蔚山広域市 アンモニアバンカリング 規制自由特区');
      const id = (await t.db.selectFrom('zone').select('id').where('source', '=', 'reference').limit(1).executeTakeFirstOrThrow()).id;
      await t.db.updateTable('zone').set({ field: JSON.stringify({ ko: 'x', en: 'x' }) }).where('id', '=', id).execute();
      await seedReferenceZones(t.db);
      const again = await t.db.selectFrom('zone').select('field').where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(again.field.fr && again.field.fr !== 'x', 'the seed restores the reference texts');
    });

    test('status notes of reference zones read in all five languages, and reach a database seeded before they were translated', async () => {
      type Noted = { field: { en: string }; statusNote: Record<string, string> | null };
      const noted = ((await t.app.inject('/api/zones')).json().items as Noted[]).filter((z) => z.statusNote !== null);
      assert.equal(noted.length, 22);
      for (const z of noted) for (const lang of ['ko', 'en', 'ja', 'zh', 'fr']) assert.ok((z.statusNote![lang] ?? '').length > 0, `${z.field.en} ${lang}`);
      const hydrogen = noted.find((z) => z.field.en === 'Hydrogen green mobility')!;
      assert.deepEqual([hydrogen.statusNote!.ja, hydrogen.statusNote!.fr], ['2025年11月に終了', 'Terminée en novembre 2025']);
      // A database seeded when the notes were ko and en only.
      const id = (await t.db.selectFrom('zone').select('id').where('source', '=', 'reference').where('status_note', 'is not', null).limit(1).executeTakeFirstOrThrow()).id;
      await t.db.updateTable('zone').set({ status_note: JSON.stringify({ ko: '종료', en: 'Ended' }) }).where('id', '=', id).execute();
      await seedReferenceZones(t.db);
      const again = await t.db.selectFrom('zone').select('status_note').where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(again.status_note?.zh, 'the seed brings the translated note');
    });

    test('filters by region (province), state and round', async () => {
      const ulsan = (await t.app.inject('/api/zones?region=26')).json().items;
      assert.equal(ulsan.length, 4);
      assert.ok(ulsan.some((z: { field: { en: string } }) => z.field.en === 'Ammonia bunkering'));
      const sejong = (await t.app.inject('/api/zones?region=29&round=1')).json().items;
      assert.equal(sejong.length, 1);
      assert.equal(sejong[0].state, 'expired');
      assert.equal(sejong[0].outcome, 'ended');
      assert.equal(sejong[0].name.ko, '세종특별자치시 자율주행 실증 규제자유특구');
      const cancelled = (await t.app.inject('/api/zones?state=cancelled')).json().items;
      assert.deepEqual(cancelled.map((z: { regions: { code: string }[] }) => z.regions[0]!.code), ['35']);
    });

    test('one zone by id; unknown ids are 404, bad ids 400', async () => {
      const [first] = (await t.app.inject('/api/zones?round=6')).json().items;
      const one = (await t.app.inject(`/api/zones/${first.id}`)).json();
      assert.equal(one.field.en, 'Ammonia eco-friendly energy');
      assert.equal(one.committeeDate, '2021-11-04');
      assert.equal(problemOf(await t.app.inject('/api/zones/00000000-0000-4000-8000-000000000000')).code, 'not-found');
      assert.equal((await t.app.inject('/api/zones/nope')).statusCode, 400);
      assert.equal((await t.app.inject('/api/zones?state=flourishing')).statusCode, 400);
    });
  });
}
