// After the grant, on both engines: re-deliberation (once, within 60 days), cancellation after a hearing,
// expiry and the results report, and the law-amendment track (review, 60-day plan, progress, escalation,
// effective date) with the reform board's path. Refused requests name the rule and change nothing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedDemoExemptions, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';
import type { ExemptionState } from '../../src/domain/exemptions/lifecycle.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const INSURANCE = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };
const COMPANY = demoId('org:company');

for (const engine of engines()) {
  describe(`exemption lifecycle after the grant (${engine})`, () => {
    let t: TestApp;
    let ministry: Session;
    let company: Session;
    let motie: Session;
    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      await seedDemoExemptions(t.db);
      ministry = await t.login('ministry@demo.zonelink.kr');
      company = await t.login('company@demo.zonelink.kr');
      motie = await t.login('motie@demo.zonelink.kr');
    });
    after(async () => t.close());

    const fresh = (over: { state?: ExemptionState; grantedOn?: string; validFrom?: string | null; validUntil?: string | null; holders?: string[] } = {}) => insertExemption(t.db, {
      kind: 'demonstration_exemption', title: { ko: '수명주기 특례', en: 'Lifecycle exemption' }, zoneId: zoneAt(25), holders: over.holders ?? [COMPANY],
      regulationIds: [regulationId({ key: 'drone_bvlos' })], stages: ['logistics'],
      conditions: { text: { ko: '조건' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: INSURANCE },
      grantedOn: over.grantedOn ?? '2025-01-02', validFrom: over.validFrom === undefined ? '2025-01-02' : over.validFrom,
      validUntil: over.validUntil === undefined ? '2029-01-01' : over.validUntil, state: over.state ?? 'active', demo: false,
    });
    const post = (s: Session, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { ...asSession(s), 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    async function ok(s: Session, url: string, payload?: unknown, headers: Record<string, string> = {}) {
      const res = await post(s, url, payload, headers);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    }
    async function refused(s: Session, url: string, payload: unknown, status: number, mention: RegExp, headers: Record<string, string> = {}) {
      const before = await snapshot(t.db);
      const res = await post(s, url, payload, headers);
      assert.equal(res.statusCode, status, res.body);
      const problem = problemOf(res);
      assert.match(`${problem.detail} ${JSON.stringify(problem.errors ?? [])} ${JSON.stringify(problem.violations ?? [])}`, mention);
      assert.deepEqual(await snapshot(t.db), before, 'nothing written');
    }

    test('re-deliberation of a grant whose conditions the company objects to: before the business starts, conditions re-decided (Decree Art. 57-3(1))', async () => {
      const running = await fresh({ state: 'active', grantedOn: '2026-10-01', validFrom: '2026-10-01', validUntil: '2030-09-30' });
      const body = { notifiedOn: '2026-10-01', requestedOn: '2026-10-20', grounds: { ko: '비행 고도 조건이 과도함' } };
      await refused(company, `/api/exemptions/${running}/redeliberation`, body, 409, /Only a rejection or a grant with conditions can be re-deliberated; the exemption is now “active” \(Decree Art\. 57-3\(1\)/);
      const id = await fresh({ state: 'granted', grantedOn: '2026-10-01', validFrom: '2026-10-01', validUntil: '2030-09-30' });
      const asked = await ok(company, `/api/exemptions/${id}/redeliberation`, body);
      assert.deepEqual([asked.state, asked.lifecycle.redeliberation.decision, asked.lifecycle.redeliberation.deadline], ['redeliberation', 'granted', '2026-11-30']);
      const decision = `/api/exemptions/${id}/redeliberation/decision`;
      const conditions = { text: { ko: '고도 150 m 이하' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: INSURANCE };
      // The sentence names the years, the last day and the article in the reader's language.
      const ko = await post(ministry, decision, { decidedOn: '2026-11-02', outcome: 'granted', validFrom: '2026-11-02', validUntil: '2031-11-02', insuranceProofSubmitted: true, conditions }, { 'accept-language': 'ko' });
      assert.equal(ko.statusCode, 400);
      const problem = problemOf(ko);
      assert.deepEqual(problem.errors?.map((e) => e.path), ['/body/validUntil']);
      assert.match(problem.errors![0]!.message, /^유효기간은 최대 4년, 즉 2030년 11월 1일까지입니다\. 2031년 11월 2일은\(는\) 이를 넘습니다\(지역특구법 제86조제10항\)\.$/);
      assert.equal(problem.violations?.[0]?.code, 'exceeds-maximum');
      const granted = await ok(ministry, decision, { decidedOn: '2026-11-02', outcome: 'granted', validFrom: '2026-11-02', validUntil: '2030-09-30', insuranceProofSubmitted: true, conditions });
      assert.deepEqual([granted.state, granted.grantedOn, granted.conditions.text.ko, granted.lifecycle.redeliberation.outcome], ['active', '2026-11-02', '고도 150 m 이하', 'granted']);
    });

    test('re-deliberation: within 60 days of the notice (rolled past 개천절\'s substitute holiday), once only (Decree Art. 57-3)', async () => {
      const id = await fresh({ state: 'rejected', grantedOn: '2026-08-05', validFrom: null, validUntil: null });
      const url = `/api/exemptions/${id}/redeliberation`;
      const body = (requestedOn: string, notifiedOn = '2026-08-05') => ({ notifiedOn, requestedOn, grounds: { ko: '부가조건 재검토 요청' } });
      await refused(company, url, body('2026-10-07'), 409, /redeliberation-too-late.*Decree Art\. 57-3\(2\).*"deadline":"2026-10-06"/);
      await refused(company, url, body('2026-08-04', '2026-08-06'), 400, /requestedOn.*end-before-start/);
      await refused(company, url, body('2026-08-10', '2026-08-04'), 400, /notifiedOn.*end-before-start/);
      const other = await fresh({ state: 'rejected', grantedOn: '2026-08-05', validFrom: null, validUntil: null, holders: [demoId('org:ulsan')] });
      await refused(company, `/api/exemptions/${other}/redeliberation`, body('2026-09-01'), 403, /./);
      const e = await ok(company, url, body('2026-10-06'));
      assert.equal(e.state, 'redeliberation');
      assert.equal(e.lifecycle.redeliberation.deadline, '2026-10-06');
      await refused(company, url, body('2026-10-06'), 409, /redeliberation-already-used.*57-3\(4\)/);
      const decision = `/api/exemptions/${id}/redeliberation/decision`;
      await refused(company, decision, { decidedOn: '2026-10-20', outcome: 'rejected', validFrom: null, validUntil: null, insuranceProofSubmitted: false }, 403, /./);
      await refused(ministry, decision, { decidedOn: '2026-10-20', outcome: 'granted', validFrom: '2026-10-20', validUntil: '2031-10-20', insuranceProofSubmitted: true }, 400, /validUntil.*exceeds-maximum/);
      const rejected = await ok(ministry, decision, { decidedOn: '2026-10-20', outcome: 'rejected', validFrom: null, validUntil: null, insuranceProofSubmitted: false });
      assert.equal(rejected.state, 'rejected');
      await refused(company, url, body('2026-10-21', '2026-10-20'), 409, /redeliberation-already-used/);

      const second = await fresh({ state: 'rejected', grantedOn: '2026-08-05', validFrom: null, validUntil: null });
      await ok(company, `/api/exemptions/${second}/redeliberation`, body('2026-08-20'));
      const granted = await ok(ministry, `/api/exemptions/${second}/redeliberation/decision`, { decidedOn: '2026-09-01', outcome: 'granted', validFrom: '2026-09-01', validUntil: '2030-08-31', insuranceProofSubmitted: true });
      assert.deepEqual([granted.state, granted.grantedOn, granted.validity.until], ['active', '2026-09-01', '2030-08-31']);
    });

    test('cancellation only after a hearing the holder was told of 10 days before (Act Art. 89, 141)', async () => {
      const id = await fresh();
      await refused(ministry, `/api/exemptions/${id}/cancel`, { decidedOn: '2026-03-20', reason: { ko: '조건 위반' } }, 409, /hearing-not-held.*Art\. 141/);
      const hearing = `/api/exemptions/${id}/cancellation/hearing`;
      const h = (noticeOn: string, heldOn = '2026-03-16') => ({ ground: 'conditions_breached', noticeOn, heldOn, record: { ko: '청문 기록' } });
      await refused(ministry, hearing, h('2026-03-06'), 400, /noticeOn.*hearing-notice-too-late.*Procedures Act Art\. 21\(2\)/);
      await refused(ministry, hearing, { ...h('2026-03-05'), ground: 'boredom' }, 400, /ground/);
      await refused(company, hearing, h('2026-03-05'), 403, /./);
      const heard = await ok(ministry, hearing, h('2026-03-05'));
      assert.equal(heard.state, 'active', 'a hearing alone changes nothing');
      assert.equal(heard.lifecycle.cancellation.hearingOn, '2026-03-16');
      await refused(ministry, hearing, h('2026-03-05'), 409, /hearing-already-held/);
      await refused(ministry, `/api/exemptions/${id}/cancel`, { decidedOn: '2026-03-15', reason: { ko: '조건 위반' } }, 400, /decidedOn.*hearing-after-decision/);
      const cancelled = await ok(ministry, `/api/exemptions/${id}/cancel`, { decidedOn: '2026-03-20', reason: { ko: '조건 위반', en: 'conditions breached' } });
      assert.equal(cancelled.state, 'cancelled');
      assert.deepEqual(cancelled.lifecycle.deadlines, [], 'nothing is owed after a cancellation');
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', id).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['exemption:cancellation-hearing', 'exemption:cancel']);
    });

    test('a temporary permit past its 3 + 2 years stays valid until the law is amended and cannot be expired; unextended, it ends (Act Art. 90(11)–(12))', async () => {
      const permit = (over: { validUntil: string; extensions: number; state: ExemptionState; lawAmendedOn?: string }) => insertExemption(t.db, {
        kind: 'temporary_permit', title: { ko: '임시허가', en: 'Temporary permit' }, zoneId: zoneAt(25), holders: [COMPANY],
        regulationIds: [regulationId({ key: 'drone_bvlos' })], stages: ['sales_service'],
        conditions: { text: { ko: '조건' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: INSURANCE },
        grantedOn: '2020-01-02', validFrom: '2020-01-02', demo: false, ...over,
      });
      const validity = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/exemptions/${id}` })).json().validity;
      const extended = await permit({ validUntil: '2025-01-01', extensions: 1, state: 'extended' });
      const v = await validity(extended);
      assert.deepEqual([v.status, v.validThrough, v.openEnded, v.rule], ['deemed_valid_until_amendment', null, true, 'RFZ Act Art. 90(12)']);
      await refused(ministry, `/api/exemptions/${extended}/expire`, undefined, 409, /validity-not-ended/);
      const amended = await permit({ validUntil: '2025-01-01', extensions: 1, state: 'extended', lawAmendedOn: '2026-03-02' });
      assert.deepEqual([(await validity(amended)).status, (await validity(amended)).validThrough], ['ended_by_amendment', '2026-03-02']);
      const unextended = await permit({ validUntil: '2023-01-01', extensions: 0, state: 'active' });
      assert.equal((await validity(unextended)).status, 'expired');
      assert.equal((await ok(ministry, `/api/exemptions/${unextended}/expire`)).state, 'expired');
    });

    test('expiry, then the results report due 30 days after it: overdue until filed, filed late is marked (Act Art. 87(11))', async () => {
      const running = await fresh();
      await refused(ministry, `/api/exemptions/${running}/expire`, undefined, 409, /validity-not-ended/);
      const id = await fresh({ validUntil: '2025-12-31' });
      const before = (await t.app.inject({ method: 'GET', url: `/api/exemptions/${id}` })).json();
      assert.deepEqual(before.lifecycle.resultsReport, { due: '2026-01-30', submittedOn: null, status: 'overdue' });
      assert.ok(before.lifecycle.deadlines.some((d: { kind: string; status: string }) => d.kind === 'results_report' && d.status === 'overdue'));
      const expired = await ok(ministry, `/api/exemptions/${id}/expire`);
      assert.equal(expired.state, 'expired');
      const url = `/api/exemptions/${id}/results-report`;
      const report = (evidenceRefs: unknown[], submittedOn = '2026-02-02') => ({ submittedOn, results: { ko: '목표 달성, 사고 없음' }, evidenceRefs });
      await refused(company, url, report([{ type: 'demonstration_incident', id: randomUUID() }]), 400, /evidenceRefs\/0.*unknown-evidence/);
      await refused(company, url, report([], '2025-12-30'), 400, /submittedOn.*end-before-start/);
      const project = randomUUID();
      await t.db.insertInto('demonstration_project').values({
        id: project, zone_id: zoneAt(25), title: JSON.stringify({ ko: '실증' }), summary: JSON.stringify({ ko: '요약' }), state: 'completed', lead_company: COMPANY,
        partner_companies: [], sites: [], products: '[]', period_start: '2025-01-02', period_end: '2025-12-31', milestones: '[]', kpis: '[]',
        safety_plan: JSON.stringify({ ko: '안전' }), insurance_required: false, insurance: null, rules: '[]', version: 1, demo: false, created_by: null,
      }).execute();
      await t.db.insertInto('demonstration_project_exemption').values({ project_id: project, exemption_id: id, position: 1 }).execute();
      const filed = await ok(company, url, report([{ type: 'demonstration_project', id: project }]));
      assert.equal(filed.state, 'results_reported');
      assert.deepEqual(filed.lifecycle.resultsReport, { due: '2026-01-30', submittedOn: '2026-02-02', status: 'submitted_late' });
      // An active exemption whose term ran out expires when its report is filed.
      const lapsed = await fresh({ validUntil: '2025-12-31' });
      assert.equal((await ok(company, `/api/exemptions/${lapsed}/results-report`, report([], '2026-01-10'))).lifecycle.resultsReport.status, 'submitted');
    });

    test('law amendment: request with evidence, review, late plan escalated, progress, effective date; the reform board shows the path', async () => {
      const id = await fresh({ validUntil: '2027-06-30' });
      const request = { requestedOn: '2026-04-01', results: { ko: '안전성 입증' }, evidence: [], evidenceRefs: [{ type: 'demonstration_report', id: randomUUID(), period: 1 }] };
      await refused(company, `/api/exemptions/${id}/amendment-request`, request, 400, /evidenceRefs\/0/);
      await ok(company, `/api/exemptions/${id}/amendment-request`, { ...request, evidenceRefs: [] });
      const base = `/api/exemptions/${id}/amendment`;
      const plan = { submittedOn: '2026-06-20', targetLaw: { ko: '항공안전법 시행규칙' }, schedule: [{ stage: 'legislative_notice', by: '2026-08-31' }, { stage: 'promulgated', by: '2026-12-31' }] };
      await refused(motie, `${base}/plan`, plan, 409, /no-review/);
      await refused(company, `${base}/review`, { reportedOn: '2026-04-10', amendmentNeeded: true, text: { ko: '개정 필요' } }, 403, /./);
      await refused(motie, `${base}/review`, { reportedOn: '2026-03-31', amendmentNeeded: true, text: { ko: '개정 필요' } }, 400, /reportedOn.*end-before-start/);
      const reviewed = await ok(motie, `${base}/review`, { reportedOn: '2026-04-10', amendmentNeeded: true, text: { ko: '개정 필요' } });
      assert.equal(reviewed.lifecycle.amendment.planDue, '2026-06-09');
      assert.equal(reviewed.lifecycle.amendment.status, 'plan_overdue');
      assert.equal(reviewed.lifecycle.amendment.escalationGround.ground, 'plan-overdue');
      await refused(motie, `${base}/review`, { reportedOn: '2026-04-11', amendmentNeeded: true, text: { ko: '재검토' } }, 409, /already-reviewed/);
      await refused(ministry, `${base}/escalate`, { recommendedOn: '2026-06-09', recommendation: { ko: '개정 권고' } }, 409, /no-escalation-ground.*87\(13\)/);
      await refused(motie, `${base}/escalate`, { recommendedOn: '2026-06-10', recommendation: { ko: '개정 권고' } }, 403, /./);
      const version = String(reviewed.lifecycle.amendment.version);
      await refused(ministry, `${base}/escalate`, { recommendedOn: '2026-06-10', recommendation: { ko: '개정 권고' } }, 412, /./, { 'if-match': '"99"' });
      const escalated = await ok(ministry, `${base}/escalate`, { recommendedOn: '2026-06-10', recommendation: { ko: '개정 권고' } }, { 'if-match': `"${version}"` });
      assert.deepEqual(escalated.lifecycle.amendment.escalation.ground, 'plan-overdue');
      await refused(motie, `${base}/plan`, { ...plan, schedule: [plan.schedule[1], plan.schedule[0]] }, 400, /schedule.*schedule-out-of-order/);
      const planned = await ok(motie, `${base}/plan`, plan);
      assert.equal(planned.lifecycle.amendment.status, 'amending');
      await ok(motie, `${base}/progress`, { stage: 'legislative_notice', on: '2026-07-15' });
      await refused(motie, `${base}/progress`, { stage: 'drafting', on: '2026-07-20' }, 409, /progress-out-of-order/);
      await ok(motie, `${base}/progress`, { stage: 'promulgated', on: '2026-09-01' });
      await ok(motie, `/api/exemptions/${id}/law-amended`, { amendedOn: '2026-10-01', act: 'Act No. 99998 (test)' });
      const board = (await t.app.inject({ method: 'GET', url: '/api/reform-board' })).json();
      const item = board.items.find((i: { id: string }) => i.id === id);
      assert.equal(item.amendmentStatus, 'effective');
      assert.deepEqual(item.path.map((s: { step: string; daysFromGrant: number }) => [s.step, s.daysFromGrant]), [
        ['granted', 0], ['amendment_requested', 454], ['reviewed', 463], ['escalated', 524], ['plan_submitted', 534], ['legislative_notice', 559], ['promulgated', 607], ['effective', 637],
      ]);
    });

    test('a refused amendment may be escalated (Act Art. 87(7), 87(13)); no plan follows a refusal', async () => {
      const id = await fresh({ state: 'amendment_requested' });
      const base = `/api/exemptions/${id}/amendment`;
      await ok(motie, `${base}/review`, { reportedOn: '2026-04-10', amendmentNeeded: false, text: { ko: '개정 불필요' } });
      await refused(motie, `${base}/plan`, { submittedOn: '2026-04-20', targetLaw: { ko: '법' }, schedule: [{ stage: 'promulgated', by: '2026-12-31' }] }, 409, /amendment-not-needed/);
      const e = await ok(ministry, `${base}/escalate`, { recommendedOn: '2026-04-20', recommendation: { ko: '개정 권고' } });
      assert.equal(e.lifecycle.amendment.escalation.ground, 'refused');
    });
  });
}
