// Regulatory needs of zone plans and demonstration projects (issue 4 item 4): declared per stage through the
// plan's and the project's update routes (checked against the regulation catalogue; refused input changes
// nothing), and their coverage with precedents from other zones, read in the parents' scope. Both engines.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedDemoExemptions, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';
import { common, planFixtures } from '../support/plans.ts';

const HYDROGEN = regulationId({ key: 'hydrogen_tube_trailer' });
const LPG = regulationId({ key: 'lpg_ship_fuel' });
const TELEMEDICINE = regulationId({ key: 'telemedicine_home' });
const DRONE = regulationId({ key: 'drone_bvlos' });

const update = (over: Record<string, unknown> = {}) => ({
  title: { ko: '수소 운송 실증' }, summary: { ko: '요약' }, partnerCompanies: [], exemptionIds: [], sites: ['21010'], products: [{ ko: '튜브 트레일러' }],
  periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [], kpis: [], safetyPlan: { ko: '안전 계획' }, insuranceRequired: false, insurance: null, rules: [], ...over,
});
const projectBody = (zoneId: string, over: Record<string, unknown> = {}) => ({ zoneId, ...update(over) });

interface NeedView { stage: string; regulation: { id: string }; met: boolean; metBy: { id: string }[]; requestedBy: string[]; precedents: { id: string; sameStage: boolean; zone: { id: string } }[] }
const needsOf = (coverage: { stages: { needs: NeedView[] }[] }) => coverage.stages.flatMap((s) => s.needs);
const find = (coverage: { stages: { needs: NeedView[] }[] }, stage: string, regulation: string) =>
  needsOf(coverage).find((n) => n.stage === stage && n.regulation.id === regulation)!;

for (const engine of engines()) {
  describe(`regulatory needs and coverage (${engine})`, () => {
    let t: TestApp;
    let company: Session;
    let busan: Session;
    let expert: Session;
    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      await seedDemoExemptions(t.db);
      company = await t.login('company@demo.zonelink.kr');
      busan = await t.login('busan@demo.zonelink.kr');
      expert = await t.login('expert@demo.zonelink.kr');
    });
    after(async () => t.close());

    const send = (s: Session, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: method as 'GET', url, headers: { ...asSession(s), 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });

    async function refused(s: Session, method: string, url: string, payload: unknown, headers: Record<string, string>, path: string) {
      const before = await snapshot(t.db);
      const res = await send(s, method, url, payload, headers);
      assert.equal(res.statusCode, 400, res.body);
      const problem = problemOf(res);
      assert.ok(problem.errors?.some((e) => e.path === path), `${path} named: ${res.body}`);
      assert.deepEqual(await snapshot(t.db), before, 'nothing written');
      return problem;
    }

    test('a project declares needs; its zone\'s exemption meets one, the rest list precedents from other zones', async () => {
      const needs = [
        { stage: 'logistics', regulation: HYDROGEN, note: '  튜브 트레일러 운송  ' },
        { stage: 'production', regulation: HYDROGEN, note: null },
        { stage: 'rnd', regulation: LPG, note: '' },
        { stage: 'sales_service', regulation: TELEMEDICINE, note: null },
      ];
      const created = await send(company, 'POST', '/api/projects', projectBody(zoneAt(7), { needs }));
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      assert.deepEqual(created.json().needs.map((n: { note: string | null }) => n.note), ['튜브 트레일러 운송', null, null, null], 'notes trimmed, empty is none');

      const coverage = (await send(company, 'GET', `/api/projects/${id}/coverage`)).json();
      assert.equal(coverage.zone.id, zoneAt(7));
      assert.deepEqual([coverage.needs, coverage.met], [4, 1]);
      assert.deepEqual(find(coverage, 'logistics', HYDROGEN).metBy.map((e) => e.id), [demoId('exemption:ulsan-hydrogen-trailer')]);
      assert.deepEqual(find(coverage, 'production', HYDROGEN).precedents, [], 'the only hydrogen exemption is the own zone\'s, at another stage');
      assert.deepEqual(find(coverage, 'rnd', LPG).precedents.map((p) => [p.id, p.sameStage]), [[demoId('exemption:busan-lpg-ship'), false]]);
      assert.deepEqual(find(coverage, 'sales_service', TELEMEDICINE).precedents, [], 'an ended exemption is no precedent');
      const status = Object.fromEntries(coverage.stages.map((s: { stage: string; status: string }) => [s.stage, s.status]));
      assert.deepEqual([status.logistics, status.production, status.rnd, status.recycling], ['covered', 'unmet', 'unmet', 'none']);

      // Editing through the update route: left out, the needs stay; replaced, they change.
      let etag = String(created.headers.etag);
      const kept = await send(company, 'PUT', `/api/projects/${id}`, update(), { 'if-match': etag });
      assert.equal(kept.statusCode, 200, kept.body);
      assert.equal(kept.json().needs.length, 4);
      etag = String(kept.headers.etag);
      await refused(company, 'PUT', `/api/projects/${id}`, update({ needs: [{ stage: 'rnd', regulation: randomUUID(), note: null }] }), { 'if-match': etag }, '/body/needs/0/regulation');
      await refused(company, 'PUT', `/api/projects/${id}`, update({ needs: [{ stage: 'mining', regulation: LPG, note: null }] }), { 'if-match': etag }, '/body/needs/0/stage');
      await refused(company, 'PUT', `/api/projects/${id}`, update({ needs: [needs[2], needs[2]] }), { 'if-match': etag }, '/body/needs/1');
      const replaced = await send(company, 'PUT', `/api/projects/${id}`, update({ needs: [{ stage: 'logistics', regulation: DRONE, note: null }] }), { 'if-match': etag });
      assert.equal(replaced.statusCode, 200, replaced.body);
      const after = (await send(company, 'GET', `/api/projects/${id}/coverage`)).json();
      assert.deepEqual(find(after, 'logistics', DRONE).precedents.map((p) => [p.id, p.sameStage]), [[demoId('exemption:gyeongbuk-drone'), true]]);

      assert.equal((await send(expert, 'GET', `/api/projects/${id}/coverage`)).statusCode, 403, 'read like the project');
      assert.equal((await send(company, 'GET', `/api/projects/${randomUUID()}/coverage`)).statusCode, 404);
    });

    test('a plan declares needs in its content; special cases carry the catalogue regulation; undesignated, nothing is met', async () => {
      const plans = planFixtures(t);
      const plan = await plans.plan('drafting');
      const body = common();
      const withNeeds = {
        ...body,
        exemptions: [{ ...body.exemptions[0]!, regulationId: HYDROGEN }],
        needs: [{ stage: 'logistics', regulation: HYDROGEN, note: '수소 운송' }, { stage: 'production', regulation: DRONE, note: null }],
      };
      await refused(busan, 'PUT', `/api/plans/${plan.id}`, { ...withNeeds, needs: [{ stage: 'logistics', regulation: randomUUID(), note: null }] }, { 'if-match': plan.etag }, '/body/needs/0/regulation');
      await refused(busan, 'PUT', `/api/plans/${plan.id}`, { ...withNeeds, exemptions: [{ ...body.exemptions[0]!, regulationId: randomUUID() }] }, { 'if-match': plan.etag }, '/body/exemptions/0/regulationId');
      await refused(busan, 'PUT', `/api/plans/${plan.id}`, { ...withNeeds, needs: [{ stage: 'space', regulation: HYDROGEN, note: null }] }, { 'if-match': plan.etag }, '/body/needs/0/stage');
      const saved = await send(busan, 'PUT', `/api/plans/${plan.id}`, withNeeds, { 'if-match': plan.etag });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().content.needs.length, 2);
      assert.equal(saved.json().content.exemptions[0].regulationId, HYDROGEN);

      const coverage = (await send(busan, 'GET', `/api/plans/${plan.id}/coverage`)).json();
      assert.equal(coverage.zone, null);
      assert.deepEqual([coverage.needs, coverage.met], [2, 0]);
      const hydrogen = find(coverage, 'logistics', HYDROGEN);
      assert.deepEqual(hydrogen.requestedBy, ['ex-1'], 'the special case asking for it is named');
      assert.deepEqual(hydrogen.precedents.map((p) => [p.id, p.sameStage]), [[demoId('exemption:ulsan-hydrogen-trailer'), true]]);
      assert.deepEqual(find(coverage, 'production', DRONE).precedents.map((p) => [p.id, p.sameStage]), [[demoId('exemption:gyeongbuk-drone'), false]]);

      // Left out, the plan's needs stay.
      const again = await send(busan, 'PUT', `/api/plans/${plan.id}`, body, { 'if-match': String(saved.headers.etag) });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().content.needs.length, 2);

      const other = await plans.plan('drafting', 'other');
      assert.equal((await send(busan, 'GET', `/api/plans/${other.id}/coverage`)).statusCode, 403, 'read like the plan');
    });
  });
}
