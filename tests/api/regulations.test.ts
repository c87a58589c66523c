// The regulation catalogue: public reads and search, ministry create and JSON import (all or nothing), on both engines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { regulationId, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const item = (article: string, over: Record<string, unknown> = {}) => ({
  instrument: 'decree', law: { ko: '수소경제 육성 및 수소 안전관리에 관한 법률 시행령 (테스트)', en: 'Hydrogen Economy Act Decree (test)' }, article, paragraph: null,
  ministry: 'MOTIE', ministryName: { ko: '산업통상자원부' }, title: { ko: '수소 충전소 설치 기준', fr: 'Normes des stations à hydrogène' },
  body: { ko: '충전소는 주거지역에서 일정 거리 이상 떨어져야 한다.' }, effectiveFrom: '2021-02-05',
  amendments: [{ date: '2023-01-01', act: 'Decree No. 1', note: null }], ...over,
});

for (const engine of engines()) {
  describe(`regulations (${engine})`, () => {
    let t: TestApp;
    let ministry: Session;
    let busan: Session;
    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      ministry = await t.login('ministry@demo.zonelink.kr');
      busan = await t.login('busan@demo.zonelink.kr');
    });
    after(async () => t.close());

    const post = (s: Session, url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, headers: { ...asSession(s), 'accept-language': 'en' }, payload: payload as object });

    test('reference items are real RFZ Act/Decree articles; demo items are marked', async () => {
      const all = (await t.app.inject({ method: 'GET', url: '/api/regulations' })).json().items;
      const reference = all.filter((r: { source: string }) => r.source === 'reference');
      assert.ok(reference.length >= 7 && reference.every((r: { demo: boolean; ministry: string }) => !r.demo && r.ministry === 'MSS'));
      assert.ok(all.filter((r: { demo: boolean }) => r.demo).every((r: { title: { ko: string } }) => r.title.ko.includes('(데모)')));
      const art86 = (await t.app.inject({ method: 'GET', url: `/api/regulations/${regulationId({ instrument: 'act', article: '86', paragraph: '10' })}` })).json();
      assert.equal(art86.amendments[0].act, 'Act No. 20236');
      const mof = (await t.app.inject({ method: 'GET', url: '/api/regulations?ministry=MOF' })).json().items;
      assert.deepEqual(mof.map((r: { id: string }) => r.id), [regulationId({ key: 'lpg_ship_fuel' })]);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/regulations/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
    });

    test('the ministry adds a provision (audited, searchable at once); a duplicate is a 409; others are refused', async () => {
      const res = await post(ministry, '/api/regulations', item('10'));
      assert.equal(res.statusCode, 201, res.body);
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', res.json().id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['regulation:create']);
      const found = (await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('충전소 설치')}` })).json().items;
      assert.ok(found.some((h: { id: string }) => h.id === res.json().id));
      const before = await snapshot(t.db);
      assert.equal((await post(ministry, '/api/regulations', item('10'))).statusCode, 409);
      assert.equal((await post(busan, '/api/regulations', item('11'))).statusCode, 403);
      const bad = await post(ministry, '/api/regulations', item('12', { effectiveFrom: '2025-02-30' }));
      assert.equal(bad.statusCode, 400);
      assert.ok(problemOf(bad).errors!.some((e) => e.path === '/body/effectiveFrom'));
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('JSON import is all or nothing and names each bad item', async () => {
      const before = await snapshot(t.db);
      const dup = await post(ministry, '/api/regulations/import', { items: [item('20'), item('20')] });
      assert.equal(dup.statusCode, 400);
      assert.deepEqual(problemOf(dup).errors!.map((e) => e.path), ['/body/items/1']);
      const existing = await post(ministry, '/api/regulations/import', { items: [item('21'), item('10')] });
      assert.deepEqual(problemOf(existing).errors!.map((e) => e.path), ['/body/items/1']);
      const badDate = await post(ministry, '/api/regulations/import', { items: [item('22', { amendments: [{ date: '2023-13-01', act: 'x', note: null }] })] });
      assert.equal(badDate.statusCode, 400);
      assert.deepEqual(await snapshot(t.db), before);
      const ok = await post(ministry, '/api/regulations/import', { items: [item('21'), item('22')] });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().created, 2);
    });

    test('the ministry records a later amendment of a provision (audited, kept in date order); bad ones change nothing', async () => {
      const id = regulationId({ key: 'drone_bvlos' });
      const url = `/api/regulations/${id}/amendments`;
      const read = async () => (await t.app.inject({ method: 'GET', url: `/api/regulations/${id}` })).json();
      const start = await read();
      const before = await snapshot(t.db);
      const refusedWith = async (s: Session, payload: unknown, status: number, path?: string) => {
        const res = await post(s, url, payload);
        assert.equal(res.statusCode, status, res.body);
        if (path) assert.deepEqual(problemOf(res).errors!.map((e) => e.path), [path]);
      };
      await refusedWith(busan, { date: '2026-03-01', act: 'Act No. 1', note: null }, 403);
      await refusedWith(ministry, { date: '1990-01-01', act: 'Act No. 1', note: null }, 400, '/body/date');
      await refusedWith(ministry, { date: '2026-02-30', act: 'Act No. 1', note: null }, 400, '/body/date');
      await refusedWith(ministry, { date: '2026-03-01', act: '', note: null }, 400);
      assert.equal((await post(ministry, '/api/regulations/00000000-0000-4000-8000-000000000000/amendments', { date: '2026-03-01', act: 'Act No. 1', note: null })).statusCode, 404);
      assert.deepEqual(await snapshot(t.db), before);

      const later = { date: '2026-03-01', act: 'Act No. 21000', note: { ko: '목시 외 비행 허용', en: 'BVLOS flights allowed' } };
      const earlier = { date: start.effectiveFrom, act: 'Act No. 20500', note: null };
      let res = await post(ministry, url, later);
      assert.equal(res.statusCode, 201, res.body);
      res = await post(ministry, url, earlier);
      assert.equal(res.statusCode, 201, res.body);
      const dates = res.json().amendments.map((a: { date: string }) => a.date);
      assert.deepEqual(dates, [...dates].sort());
      assert.equal(res.json().amendments.length, start.amendments.length + 2);
      assert.deepEqual(res.json().amendments.find((a: { act: string }) => a.act === 'Act No. 21000'), later);
      assert.deepEqual((await read()).amendments, res.json().amendments);
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', id).where('action', '=', 'regulation:amend').execute();
      assert.equal(audit.length, 2);
      await refusedWith(ministry, later, 409);
      assert.equal((await read()).amendments.length, start.amendments.length + 2);
    });
  });
}
