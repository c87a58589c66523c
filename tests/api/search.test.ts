// Precedent search: recall on a fixed multilingual corpus, filters, ranking, snippets and bad queries, on both engines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedDemoExemptions, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { DEMO_PLAN_ID, seedDemoPlan } from '../../src/db/seed/demo-plan.ts';
import { problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const EX = {
  hydrogen: demoId('exemption:ulsan-hydrogen-trailer'),
  lpg: demoId('exemption:busan-lpg-ship'),
  drone: demoId('exemption:gyeongbuk-drone'),
  telemedicine: demoId('exemption:gangwon-telemedicine'),
};
const REG = {
  drone: regulationId({ key: 'drone_bvlos' }),
  hydrogen: regulationId({ key: 'hydrogen_tube_trailer' }),
  medical: regulationId({ key: 'telemedicine_home' }),
  ship: regulationId({ key: 'lpg_ship_fuel' }),
  art86: regulationId({ instrument: 'act', article: '86', paragraph: '10' }),
};

interface Hit { type: string; id: string; score: number; matchedFields: string[]; snippets: { field: string; text: string; highlights: number[][] }[]; zone: { id: string } | null }

for (const engine of engines()) {
  describe(`precedent search (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      await seedDemoExemptions(t.db);
    });
    after(async () => t.close());

    async function search(qs: string): Promise<Hit[]> {
      const res = await t.app.inject({ method: 'GET', url: `/api/search?${qs}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items;
    }
    const ids = (hits: Hit[]) => hits.map((h) => h.id).sort();
    const q = (text: string) => `q=${encodeURIComponent(text)}`;

    // Fixed query set: the expected hits are the whole answer (recall and precision on this corpus).
    const EXPECTED: [string, string[]][] = [
      ['드론', [EX.drone, REG.drone]],
      ['수소', [EX.hydrogen, REG.hydrogen]],
      ['의료', [EX.telemedicine, REG.medical]],
      ['선박', [EX.lpg, REG.ship]],
      ['튜브트레', [EX.hydrogen, REG.hydrogen]],
      ['원격의료', [EX.telemedicine, REG.medical]],
      ['drone delivery', [EX.drone]],
      ['Hydro', [EX.hydrogen, REG.hydrogen]],
      ['hydrogène', [EX.hydrogen, REG.hydrogen]],
      ['HYDROGENE remorque', [EX.hydrogen, REG.hydrogen]],
      ['télémédecine', [EX.telemedicine, REG.medical]],
      ['目視外', [EX.drone, REG.drone]],
      ['水素', [EX.hydrogen, REG.hydrogen]],
      ['远程医疗', [EX.telemedicine, REG.medical]],
      ['船舶', [EX.lpg, REG.ship]],
      ['잠수함', []],
    ];
    for (const [query, expected] of EXPECTED) {
      test(`"${query}" finds exactly its fixed set`, async () => {
        assert.deepEqual(ids(await search(q(query))), [...expected].sort());
      });
    }

    test('inflected Latin-script queries find their base forms, in the reader\'s language (issue 15, item 7)', async () => {
      const as = async (text: string, language: string) => {
        const res = await t.app.inject({ method: 'GET', url: `/api/search?${q(text)}`, headers: { 'accept-language': language } });
        assert.equal(res.statusCode, 200, res.body);
        return { ids: ids(res.json().items as Hit[]), hits: res.json().items as Hit[] };
      };
      const drone = await as('drones', 'en');
      assert.deepEqual(drone.ids, [EX.drone, REG.drone].sort(), '"drones" finds what "drone" finds');
      assert.deepEqual((await as('drones deliveries', 'en')).ids, [EX.drone]);
      assert.deepEqual((await as('remorques', 'fr')).ids, [EX.hydrogen, REG.hydrogen].sort());
      assert.deepEqual((await as('Hydrogènes', 'fr')).ids, [EX.hydrogen, REG.hydrogen].sort());
      const title = drone.hits.find((h) => h.id === EX.drone)!.snippets.find((x) => x.field === 'title' && x.highlights.length > 0);
      assert.ok(title && title.highlights.some(([a, b]) => /^drone/i.test(title.text.slice(a!, b!))), JSON.stringify(title));
      const reg = await t.app.inject({ method: 'GET', url: `/api/regulations?${q('drones')}`, headers: { 'accept-language': 'en' } });
      assert.deepEqual(reg.json().items.map((r: { id: string }) => r.id), [REG.drone]);
    });

    test('초성 and general words: recall of the expected items (other items may also match)', async () => {
      for (const [query, expected] of [
        ['ㅅㅅ', [EX.hydrogen, REG.hydrogen]],
        ['ㄷㄹ', [EX.drone, REG.drone]],
        ['유효기간', [REG.art86, regulationId({ instrument: 'act', article: '87', paragraph: '9' }), regulationId({ instrument: 'act', article: '90', paragraph: '11' })]],
      ] as const) {
        const found = ids(await search(q(query)));
        for (const id of expected) assert.ok(found.includes(id), `${query} misses ${id}`);
      }
    });

    test('a company finds a precedent in another zone, the exemption first, with the words highlighted', async () => {
      const company = await t.login('company@demo.zonelink.kr');
      const res = await t.app.inject({ method: 'GET', url: `/api/search?${q('드론 배송')}`, headers: { cookie: company.cookie } });
      const hits: Hit[] = res.json().items;
      assert.equal(hits[0]!.id, EX.drone);
      const own = await t.db.selectFrom('exemption').select('zone_id').where((eb) => eb('holders', '@>', eb.val([demoId('org:company')]))).execute();
      assert.ok(!own.some((o) => o.zone_id === hits[0]!.zone!.id), 'the precedent is in a zone the company does not operate in');
      const s = hits[0]!.snippets.find((x) => x.field === 'title')!;
      assert.deepEqual(s.highlights.map(([a, b]) => s.text.slice(a!, b!)), ['드론', '배송']);
    });

    test('ranking: a title match outranks a match only in the suspended regulation', async () => {
      const hits = await search(q('비가시권'));
      assert.deepEqual(hits.map((h) => h.id).slice(0, 2).sort(), [EX.drone, REG.drone].sort());
      assert.ok(hits.every((h) => h.matchedFields.length > 0));
    });

    test('filters: type, kind, state, stage, ministry, zone, year', async () => {
      assert.deepEqual(ids(await search(`${q('수소')}&type=regulation`)), [REG.hydrogen]);
      assert.deepEqual(ids(await search(`${q('선박')}&state=law_amended&kind=demonstration_exemption`)), [EX.lpg]);
      assert.deepEqual(ids(await search(`${q('수소')}&stage=logistics`)), [EX.hydrogen]);
      assert.deepEqual(ids(await search(`${q('수소')}&stage=recycling`)), []);
      assert.deepEqual(ids(await search(`${q('선박')}&ministry=MOF`)), [EX.lpg, REG.ship].sort());
      assert.deepEqual(ids(await search(`${q('드론')}&year=2025`)), [EX.drone]);
      const zone = (await t.db.selectFrom('exemption').select('zone_id').where('id', '=', EX.drone).executeTakeFirstOrThrow()).zone_id;
      assert.deepEqual(ids(await search(`${q('드론')}&zone=${zone}`)), [EX.drone]);
    });

    test('an exemption suspending regulations of several ministries reports them all, and each ministry filter finds it', async () => {
      const id = await insertExemption(t.db, {
        kind: 'demonstration_exemption', title: { ko: '수소 선박 드론 합동 특례', en: 'Joint hydrogen ship drone exemption' }, zoneId: zoneAt(19), holders: [],
        regulationIds: [REG.ship, REG.drone, REG.hydrogen], stages: [], grantedOn: '2025-03-03', validFrom: '2025-03-03', validUntil: '2027-03-02', state: 'active', demo: false,
        conditions: { text: { ko: '합동 조건' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: null },
      });
      try {
        const hit = (await search(q('합동 특례'))).find((h) => h.id === id) as (Hit & { ministries: string[] }) | undefined;
        assert.deepEqual(hit?.ministries, ['MOF', 'MOLIT', 'MOTIE']);
        for (const m of ['MOF', 'MOLIT', 'MOTIE']) assert.deepEqual(ids(await search(`${q('합동 특례')}&ministry=${m}`)), [id], m);
        assert.deepEqual(ids(await search(`${q('합동 특례')}&ministry=MOHW`)), []);
        const reg = (await search(`${q('선박')}&type=regulation`))[0] as Hit & { ministries: string[] };
        assert.deepEqual(reg.ministries, ['MOF']);
      } finally {
        await t.db.deleteFrom('exemption_regulation').where('exemption_id', '=', id).execute();
        await t.db.deleteFrom('exemption').where('id', '=', id).execute();
      }
    });

    test('plans: found by those who may read them, by everyone once designated; filters apply', async () => {
      await seedDemoPlan(t.db);
      const as = async (email: string | null, qs: string) => {
        const headers = email ? { cookie: (await t.login(email)).cookie } : {};
        const res = await t.app.inject({ method: 'GET', url: `/api/search?${qs}`, headers });
        assert.equal(res.statusCode, 200, res.body);
        return (res.json().items as Hit[]).filter((h) => h.type === 'plan').map((h) => h.id);
      };
      assert.deepEqual(await as('busan@demo.zonelink.kr', q('해양물류')), [DEMO_PLAN_ID], 'the lead government finds its draft');
      assert.deepEqual(await as('busan@demo.zonelink.kr', q('ammonia')), [DEMO_PLAN_ID], 'in English too');
      assert.deepEqual(await as(null, q('해양물류')), [], 'a draft is not public');
      assert.deepEqual(await as('company@demo.zonelink.kr', q('해양물류')), []);
      await t.db.updateTable('zone_plan').set({ state: 'designated' }).where('id', '=', DEMO_PLAN_ID).execute();
      assert.deepEqual(await as(null, q('해양물류')), [DEMO_PLAN_ID], 'a designated plan is public');
      assert.deepEqual(await as(null, `${q('해양물류')}&type=plan&stage=logistics`), [DEMO_PLAN_ID]);
      assert.deepEqual(await as(null, `${q('해양물류')}&stage=recycling`), []);
      assert.deepEqual(await as(null, `${q('해양물류')}&kind=demonstration_exemption`), [], 'exemption filters leave plans out');
      assert.deepEqual(await as(null, `${q('해양물류')}&type=regulation`), []);
      await t.db.updateTable('zone_plan').set({ state: 'drafting' }).where('id', '=', DEMO_PLAN_ID).execute();
    });

    test('new exemptions are searchable at once', async () => {
      const ministry = await t.login('ministry@demo.zonelink.kr');
      const res = await t.app.inject({
        method: 'POST', url: '/api/exemptions', headers: { cookie: ministry.cookie, 'x-csrf-token': ministry.csrf },
        payload: {
          kind: 'rapid_confirmation', title: { ko: '선박 원격 검사 신속확인', en: 'Rapid confirmation: remote ship inspection' }, zoneId: (await t.db.selectFrom('zone').select('id').limit(1).executeTakeFirstOrThrow()).id,
          holders: [], regulationIds: [REG.ship], conditions: { text: { ko: '허가 불필요' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: null },
          stages: ['testing_certification'], grantedOn: '2026-01-05', validFrom: null, validUntil: null, insuranceProofSubmitted: false,
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.ok(ids(await search(q('원격 검사'))).includes(res.json().id));
      assert.ok(ids(await search(q('inspection'))).includes(res.json().id));
    });

    test('bad queries: too long, control characters, nothing searchable, missing → 400 naming q; nothing changes', async () => {
      const before = await snapshot(t.db);
      for (const bad of [q('가'.repeat(201)), q('x'.repeat(10_000)), q('드론\u0001'), q('드론\u001b[31m'), q('!!! ...'), '']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/search?${bad}`, headers: { 'accept-language': 'en' } });
        assert.equal(res.statusCode, 400, `${bad.slice(0, 40)} → ${res.statusCode}`);
        const problem = problemOf(res);
        assert.ok(problem.errors?.some((e) => e.path.includes('q')), JSON.stringify(problem));
      }
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('the regulation list searches the same way', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/regulations?${q('드론')}` });
      assert.deepEqual(res.json().items.map((r: { id: string }) => r.id), [REG.drone]);
    });
  });
}
