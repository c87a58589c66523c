// From plan to zone (issue 14): designation turns each special case of the plan into an exemption draft; MSS confirms
// (as proposed or corrected) or dismisses each, once; the zone's governments read them; nobody else does.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';
import { decision, planFixtures } from '../support/plans.ts';

const INSURANCE = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };
const specialCase = (id: string, kind: string, request: string, regulation: string | null = null) => ({
  id, kind, law: { ko: '고압가스 안전관리법', en: 'High-Pressure Gas Safety Control Act' }, provision: '시행규칙 별표 (시험)',
  regulation: { ko: '충전 시설 기준' }, request: { ko: request }, stages: ['logistics'], responsibleMinistry: { ko: '산업통상자원부' }, regulationId: regulation,
});
const cases = (regulation: string) => [
  specialCase('ex-1', 'demonstration', '선박 충전 실증 허용', regulation),
  specialCase('ex-2', 'temporary_permit', '튜브 트레일러 임시허가'),
  specialCase('ex-3', 'menu', '메뉴판식 특례 적용'),
];

for (const engine of engines()) {
  describe(`exemption drafts from a designated plan (${engine})`, () => {
    let t: TestApp;
    let ministry: Session;
    let busan: Session;
    let ulsan: Session;
    let company: Session;
    let zoneId: string;
    let regulation: string;
    let drafts: { id: string; kind: string; planItem: string; validFrom: string | null; validUntil: string | null; title: { ko: string }; regulations: { id: string }[]; conditionsText: { ko: string } }[];

    before(async () => {
      t = await startTestApp(engine);
      const login = (who: string) => t.login(`${who}@demo.zonelink.kr`);
      [ministry, busan, ulsan, company] = [await login('ministry'), await login('busan'), await login('ulsan'), await login('company')];
      await seedReferenceRegulations(t.db);
      regulation = (await t.db.selectFrom('regulation').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
      const fixtures = planFixtures(t);
      // Ulsan's single plan with three special cases, designated by the committee.
      const plan = await fixtures.plan('deliberation', 'other', { exemptions: cases(regulation) });
      await fixtures.call('ministry', 'POST', `/api/plans/${plan.id}/decision`, decision());
      zoneId = (await t.db.selectFrom('zone_plan').select('zone_id').where('id', '=', plan.id).executeTakeFirstOrThrow()).zone_id!;
    });
    after(async () => t.close());

    const send = (s: Session | null, method: string, url: string, payload?: unknown, lang = 'en') =>
      t.app.inject({ method: method as 'GET', url, headers: { ...(s ? asSession(s) : {}), 'accept-language': lang }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    const confirmBody = (d: (typeof drafts)[number], over: Record<string, unknown> = {}) => ({
      kind: d.kind, title: d.title, holders: [], regulationIds: d.regulations.length > 0 ? d.regulations.map((r) => r.id) : [regulation],
      conditions: { text: d.conditionsText, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: INSURANCE },
      stages: ['logistics'], grantedOn: '2026-12-01', validFrom: d.validFrom, validUntil: d.validUntil, insuranceProofSubmitted: true, ...over,
    });

    test('designation wrote one draft per special case, with the kind, regulation and longest lawful term proposed', async () => {
      const res = await send(ministry, 'GET', `/api/zones/${zoneId}/exemption-drafts`);
      assert.equal(res.statusCode, 200, res.body);
      drafts = res.json().items;
      assert.deepEqual(drafts.map((d) => [d.planItem, d.kind]), [['ex-1', 'demonstration_exemption'], ['ex-2', 'temporary_permit'], ['ex-3', 'menu_special_case']]);
      assert.deepEqual(drafts[0]!.regulations.map((r) => r.id), [regulation]);
      assert.equal(drafts[0]!.title.ko, '고압가스 안전관리법 시행규칙 별표 (시험) — 선박 충전 실증 허용');
      // The zone runs 2026-12-01 to 2030-11-30 (the decision); designation today starts each term today or then.
      for (const d of drafts) assert.ok(d.validFrom !== null && d.validFrom >= '2026-12-01', JSON.stringify(d));
      assert.equal(drafts[0]!.validUntil! <= '2030-11-30', true, 'a demonstration is capped at the zone\'s end (Art. 86(10))');
      assert.equal(drafts[2]!.validUntil, '2030-11-30', 'a menu special case runs for the zone\'s period (Art. 80(1))');
    });

    test('the zone\'s government reads them; another government, a company and a visitor do not', async () => {
      assert.equal((await send(ulsan, 'GET', `/api/zones/${zoneId}/exemption-drafts`)).statusCode, 200);
      assert.equal((await send(busan, 'GET', `/api/zones/${zoneId}/exemption-drafts`)).statusCode, 403);
      assert.equal((await send(company, 'GET', `/api/zones/${zoneId}/exemption-drafts`)).statusCode, 403);
      assert.equal((await send(null, 'GET', `/api/zones/${zoneId}/exemption-drafts`)).statusCode, 401);
      assert.equal((await send(ulsan, 'POST', `/api/exemption-drafts/${drafts[0]!.id}/confirm`, confirmBody(drafts[0]!))).statusCode, 403);
    });

    test('ten parallel confirmations of one draft record one exemption and one audit entry of each', async () => {
      const d = drafts[0]!;
      // MSS corrects the term: two years instead of the longest.
      const body = confirmBody(d, { validUntil: '2028-11-30' });
      const answers = await Promise.all(Array.from({ length: 10 }, () => send(ministry, 'POST', `/api/exemption-drafts/${d.id}/confirm`, body)));
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, ...Array(9).fill(409)], answers[0]!.body);
      const created = answers.find((a) => a.statusCode === 201)!.json();
      assert.equal(created.validity.until, '2028-11-30');
      assert.equal(created.zone.id, zoneId);
      const row = await t.db.selectFrom('exemption_draft').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
      assert.equal(row.state, 'confirmed');
      assert.equal(row.exemption_id, created.id);
      const audit = await t.db.selectFrom('audit_log').select(['action', 'object_id']).where('object_id', 'in', [d.id, created.id]).execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['exemption-draft:confirm', 'exemption:create']);
      const refused = answers.find((a) => a.statusCode === 409)!;
      assert.match(problemOf(refused).detail ?? '', /already confirmed/);
    });

    test('a term beyond the lawful maximum is refused naming the rule; nothing is written', async () => {
      const d = drafts[1]!;
      const before = await snapshot(t.db);
      const res = await send(ministry, 'POST', `/api/exemption-drafts/${d.id}/confirm`, confirmBody(d, { validUntil: '2035-12-31' }), 'ko');
      assert.ok(res.statusCode === 400 || res.statusCode === 422, res.body);
      assert.deepEqual(problemOf(res).violations?.map((v) => v.code), ['exceeds-maximum']);
      assert.deepEqual(await snapshot(t.db), before);
      const bad = await send(ministry, 'POST', `/api/exemption-drafts/${d.id}/confirm`, { ...confirmBody(d), zoneId });
      assert.equal(bad.statusCode, 400, 'the zone is the draft\'s, not the caller\'s');
      assert.equal((await send(ministry, 'POST', '/api/exemption-drafts/00000000-0000-4000-8000-000000000000/confirm', confirmBody(d))).statusCode, 404);
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('a dismissed draft keeps its reason and can be neither dismissed again nor confirmed', async () => {
      const d = drafts[2]!;
      const res = await send(ministry, 'POST', `/api/exemption-drafts/${d.id}/dismiss`, { reason: { ko: '위원회가 부여하지 않음' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'dismissed');
      assert.deepEqual(res.json().reason, { ko: '위원회가 부여하지 않음' });
      const again = await send(ministry, 'POST', `/api/exemption-drafts/${d.id}/dismiss`, { reason: { ko: '다시' } }, 'ko');
      assert.equal(again.statusCode, 409);
      assert.match(problemOf(again).detail ?? '', /이미 기각되었습니다/);
      assert.equal((await send(ministry, 'POST', `/api/exemption-drafts/${d.id}/confirm`, confirmBody(d))).statusCode, 409);
      const list = (await send(ulsan, 'GET', `/api/zones/${zoneId}/exemption-drafts`)).json().items as { state: string }[];
      assert.deepEqual(list.map((x) => x.state), ['confirmed', 'open', 'dismissed']);
    });
  });
}
