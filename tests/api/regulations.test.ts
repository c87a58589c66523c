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

    test('CSV import: same checks and all or nothing as JSON, problems by row and column (localised), BOM and quoted breaks read', async () => {
      const csv = (payload: string | Buffer, s: Session = ministry, lang = 'en') => t.app.inject({
        method: 'POST', url: '/api/regulations/import', headers: { ...asSession(s), 'accept-language': lang, 'content-type': 'text/csv; charset=utf-8' }, payload,
      });
      const head = 'instrument,law_ko,law_en,article,paragraph,ministry,ministry_name_ko,title_ko,title_fr,body_ko,effective_from,amendments\r\n';
      const row = (article: string, from = '2021-02-05', law = '수소법 시행령 (CSV, 테스트)') =>
        `decree,"${law}",Hydrogen Decree,${article},,MOTIE,산업통상자원부,"충전소 ""기준""",,"첫 줄\n둘째 줄, 쉼표",${from},"2023-01-01 Decree No. 1"\r\n`;
      const before = await snapshot(t.db);
      // Cell count and fields first (row 3: no such day, row 5: four cells, row 6: a bad article), in row order …
      const bad = await csv(`${head}${row('30')}${row('31', '2021-02-30')}${row('30')}decree,법,,32\r\n${row('3 3')}`);
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(problemOf(bad).errors!.map((e) => e.path), ['/body/row/3/effective_from', '/body/row/5/*', '/body/row/6/article']);
      // … then dates and duplicates within the file, then provisions already in the catalogue.
      const second = await csv(`${head}${row('31')}${row('30')}${row('30')}`);
      assert.deepEqual(problemOf(second).errors!.map((e) => e.path), ['/body/row/4/*']);
      const existing = await csv(`${head}${row('10', '2021-02-05', '수소경제 육성 및 수소 안전관리에 관한 법률 시행령 (테스트)')}`);
      assert.deepEqual(problemOf(existing).errors!.map((e) => e.path), ['/body/row/2/*']);
      const header = await csv('instrument,law_ko,colour\n', ministry, 'ko');
      assert.deepEqual(problemOf(header).errors!.map((e) => e.path),
        ['/body/row/1/colour', '/body/row/1/article', '/body/row/1/ministry', '/body/row/1/ministry_name_ko', '/body/row/1/title_ko', '/body/row/1/body_ko', '/body/row/1/effective_from']);
      assert.match(problemOf(header).errors![0]!.message, /[가-힣]/);
      assert.deepEqual(problemOf(await csv(`${head}"open`)).errors!.map((e) => e.path), ['/body/row/2/*']);
      assert.deepEqual(problemOf(await csv(head)).errors!.map((e) => e.path), ['/body/row/2/*']);
      assert.equal((await csv(Buffer.from([0xff, 0xfe, 0x41]))).statusCode, 400);
      assert.equal((await csv(`${head}${row('34')}`, busan)).statusCode, 403);
      assert.deepEqual(await snapshot(t.db), before);

      const ok = await csv(`\uFEFF${head}${row('30')}${row('31')}`);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().created, 2);
      const saved = (await t.app.inject({ method: 'GET', url: `/api/regulations/${ok.json().ids[0]}` })).json();
      assert.deepEqual([saved.law, saved.title, saved.body.ko, saved.amendments], [
        { ko: '수소법 시행령 (CSV, 테스트)', en: 'Hydrogen Decree' }, { ko: '충전소 "기준"' }, '첫 줄\n둘째 줄, 쉼표', [{ date: '2023-01-01', act: 'Decree No. 1', note: null }],
      ]);
      const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('object_id', '=', ok.json().ids[0]).execute();
      assert.deepEqual(audit.map((a) => [a.action, (a.after as { format: string }).format]), [['regulation:import', 'csv']]);
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
