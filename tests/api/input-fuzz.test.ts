// Every write route, generated from the route table, gets malformed and hostile bodies:
// the answer is a 4xx problem+json, never a 5xx, and a refused request changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';
import { common, consultation, decision, section } from '../support/plans.ts';
import { regulationId, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { addDays } from '../../src/domain/calendar/civil-date.ts';
import { createHolidayCalendar } from '../../src/domain/calendar/holidays.ts';
import { todayInSeoul } from '../../src/server/exemptions/view.ts';

const NO_PLAN = '00000000-0000-4000-8000-000000000000';

const projectBody = {
  title: { ko: '퍼즈 실증' }, summary: { ko: '요약' }, partnerCompanies: [], exemptionIds: [], sites: ['21010'], products: [{ ko: '제품' }],
  periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [{ title: { ko: '개시' }, due: '2026-03-01', done: false }],
  kpis: [{ id: 'trips', name: { ko: '운행' }, unit: 'trips', target: 10, frequency: 'monthly' }], safetyPlan: { ko: '안전' }, insuranceRequired: true,
  insurance: {
    insurer: '보험사', policyNumber: 'F-1', validFrom: '2026-01-01', validUntil: '2027-12-31',
    cover: { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 },
  },
  rules: [{ id: 'speed', kind: 'maximum', measure: 'speed', max: 30 }],
};

/** A valid body for each write route with a body, sent by a user allowed to make it. */
const VALID: Record<string, { url: string; body: Record<string, unknown> }> = {
  'POST /api/session': { url: '/api/session', body: { email: 'nobody@demo.zonelink.kr', password: 'wrong-password' } },
  'PATCH /api/me': { url: '/api/me', body: { displayName: 'Fuzz', locale: 'en' } },
  'POST /api/me/tokens': { url: '/api/me/tokens', body: { name: 'fuzz', scopes: ['read'] } },
  'PUT /api/regions/:code/inventory': {
    url: '/api/regions/21/inventory',
    body: { capabilities: [{ key: 'port', quantity: 2 }], stages: ['logistics'], exemptions: ['lpg_ship_fuel'] },
  },
  'POST /api/inventory/import': { url: '/api/inventory/import', body: { csv: 'region_code,kind,key,quantity\n21010,capability,port,2\n' } },
  'POST /api/planner/solve': { url: '/api/planner/solve', body: { level: 'province', needs: { capabilities: [{ key: 'port', min: 2 }], stages: ['logistics'], exemptions: [] }, contiguous: true } },
  'POST /api/planner/requests': { url: '/api/planner/requests', body: { title: 'fuzz', query: { needs: { capabilities: [{ key: 'port', min: 2 }], stages: [], exemptions: [] } } } },
  // Plans: an unknown plan id (bad bodies are refused before the plan is looked up; the ministry edits no plan).
  'POST /api/plans': { url: '/api/plans', body: { model: 'connected', leadRegion: '21', title: { ko: '퍼즈' } } },
  'PUT /api/plans/:id': { url: `/api/plans/${NO_PLAN}`, body: common() },
  'PUT /api/plans/:id/sections/:region': { url: `/api/plans/${NO_PLAN}/sections/21`, body: section('21120', 'fuzz') },
  'POST /api/plans/:id/partners': { url: `/api/plans/${NO_PLAN}/partners`, body: { regionCode: '26' } },
  'PUT /api/plans/:id/consultation': { url: `/api/plans/${NO_PLAN}/consultation`, body: consultation },
  'POST /api/plans/:id/signoff': { url: `/api/plans/${NO_PLAN}/signoff`, body: { contentHash: `sha256:${'0'.repeat(64)}` } },
  'POST /api/plans/:id/supplement-requests': { url: `/api/plans/${NO_PLAN}/supplement-requests`, body: { request: { ko: '보완' }, items: ['zone-maps'] } },
  'POST /api/plans/:id/supplement-answer': { url: `/api/plans/${NO_PLAN}/supplement-answer`, body: { answer: { ko: '답변' } } },
  'POST /api/plans/:id/refer': { url: `/api/plans/${NO_PLAN}/refer`, body: { committee: 'rfz_committee', ministryRepliesComplete: true, note: null } },
  'POST /api/plans/:id/decision': { url: `/api/plans/${NO_PLAN}/decision`, body: decision() },
  'PUT /api/experts/me/ties': { url: '/api/experts/me/ties', body: { ties: [{ kind: 'company', name: '퍼즈 기업', businessNumber: null }] } },
  'POST /api/plans/:id/experts': { url: `/api/plans/${NO_PLAN}/experts`, body: { expertUserId: NO_PLAN } },
  'POST /api/plans/:id/experts/me/declaration': { url: `/api/plans/${NO_PLAN}/experts/me/declaration`, body: { conflict: false, note: null } },
  'PUT /api/plans/:id/experts/me/scores': {
    url: `/api/plans/${NO_PLAN}/experts/me/scores`,
    body: { scores: { 'regional-fit': 7, innovativeness: 8, 'exemption-business-link': 6, funding: 5, 'safety-environment': 7, privacy: 6, 'economic-effect': 8, 'past-evaluation': 5 }, comment: null },
  },
  'POST /api/plans/:id/consultations': { url: `/api/plans/${NO_PLAN}/consultations`, body: { organisationId: NO_PLAN } },
  'POST /api/plans/:id/opinions': { url: `/api/plans/${NO_PLAN}/opinions`, body: { position: 'agree', opinion: { ko: '의견' }, conditions: null } },
  'POST /api/plans/:id/return': { url: `/api/plans/${NO_PLAN}/return`, body: { missingItems: ['zone-maps'], reason: { ko: '미비' } } },
  'POST /api/plans/:id/redeliberation': { url: `/api/plans/${NO_PLAN}/redeliberation`, body: { reason: { ko: '재심의' } } },
  // Demonstration projects: the ministry creates none (refused after validation); an unknown project id.
  'POST /api/projects': { url: '/api/projects', body: { zoneId: NO_PLAN, ...projectBody } },
  'PUT /api/projects/:id': { url: `/api/projects/${NO_PLAN}`, body: projectBody },
  'POST /api/projects/:id/transition': { url: `/api/projects/${NO_PLAN}/transition`, body: { to: 'demonstrating' } },
  'PUT /api/projects/:id/reports/:period': { url: `/api/projects/${NO_PLAN}/reports/1`, body: { kpiValues: [{ kpiId: 'trips', value: 3 }], narrative: { ko: '보고' } } },
  'POST /api/projects/:id/reports/:period/review': { url: `/api/projects/${NO_PLAN}/reports/1/review`, body: { decision: 'request-changes', comment: { ko: '보완' } } },
  'POST /api/projects/:id/incidents/:incidentId/suspension': { url: `/api/projects/${NO_PLAN}/incidents/${NO_PLAN}/suspension`, body: { exemptionIds: [NO_PLAN], reason: { ko: '중대 사고' } } },
  'POST /api/projects/:id/exemptions/:exemptionId/lift-suspension': { url: `/api/projects/${NO_PLAN}/exemptions/${NO_PLAN}/lift-suspension`, body: { reason: { ko: '조치 완료' } } },
  'DELETE /api/projects/:id/reports/:period/attachments/:attachmentId': { url: `/api/projects/${NO_PLAN}/reports/1/attachments/${NO_PLAN}`, body: { reason: '잘못 올린 파일' } },
  'POST /api/projects/:id/incidents': {
    url: `/api/projects/${NO_PLAN}/incidents`,
    body: { severity: 'serious', occurredAt: '2026-11-20T10:00:00+09:00', place: { ko: '부두' }, lon: 129, lat: 35.1, description: { ko: '충돌' }, immediateActions: { ko: '정지' } },
  },
  'PUT /api/regions/:code/profile': {
    url: '/api/regions/21/profile',
    body: { teamName: { ko: '팀', en: 'Team' }, contactEmail: 'a@b.kr', phone: '051-1', introduction: { ko: '소개' } },
  },
};

const regulationBody = { instrument: 'notice', law: { ko: '퍼즈 고시' }, article: '1', paragraph: null, ministry: 'MOLIT', ministryName: { ko: '국토교통부' }, title: { ko: '퍼즈' }, body: { ko: '본문' }, effectiveFrom: '2025-01-01', amendments: [] };
// A future working day: the only kind an administrator may add (docs/decisions/0012-holidays.md).
VALID['POST /api/holidays'] = { url: '/api/holidays', body: { date: (() => { let d = addDays(todayInSeoul(), 500); while (!createHolidayCalendar().isBusinessDay(d)) d = addDays(d, 1); return d; })(), name: { ko: '퍼즈 임시공휴일' }, basis: '관보' } };
VALID['POST /api/projects/:id/uploads/:uploadId/complete'] = { url: `/api/projects/${NO_PLAN}/uploads/${NO_PLAN}/complete`, body: { sha256: 'a'.repeat(64), mode: 'skip-invalid' } };
VALID['POST /api/regulations'] = { url: '/api/regulations', body: regulationBody };
VALID['PUT /api/organisations/:id/ministry-code'] = { url: `/api/organisations/${demoId('org:motie')}/ministry-code`, body: { ministryCode: 'MOTIE' } };
VALID['POST /api/regulations/import'] = { url: '/api/regulations/import', body: { items: [{ ...regulationBody, article: '2' }] } };
VALID['POST /api/regulations/:id/amendments'] = { url: `/api/regulations/${regulationId({ key: 'drone_bvlos' })}/amendments`, body: { date: '2026-03-01', act: 'Act No. 21000', note: { ko: '개정' } } };
VALID['POST /api/exemptions'] = {
  url: '/api/exemptions',
  body: {
    kind: 'demonstration_exemption', title: { ko: '퍼즈' }, zoneId: zoneAt(25), holders: [], regulationIds: [regulationId({ key: 'drone_bvlos' })],
    conditions: { text: { ko: '조건' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 } },
    stages: ['logistics'], grantedOn: '2025-01-02', validFrom: '2025-01-02', validUntil: '2029-01-01', insuranceProofSubmitted: true,
  },
};
VALID['POST /api/exemption-drafts/:id/confirm'] = { url: `/api/exemption-drafts/${NO_PLAN}/confirm`, body: (({ zoneId: _zone, ...rest }) => rest)(VALID['POST /api/exemptions']!.body as Record<string, unknown>) };
VALID['POST /api/exemption-drafts/:id/dismiss'] = { url: `/api/exemption-drafts/${NO_PLAN}/dismiss`, body: { reason: { ko: '사유' } } };
VALID['POST /api/exemptions/:id/extend'] = { url: `/api/exemptions/${NO_PLAN}/extend`, body: { requestedOn: '2025-06-02', newUntil: '2031-01-01', ground: 'law_not_amended' } };
VALID['POST /api/exemptions/:id/law-amended'] = { url: `/api/exemptions/${NO_PLAN}/law-amended`, body: { amendedOn: '2026-03-03', act: 'Act No. 1' } };
VALID['POST /api/exemptions/:id/amendment-request'] = { url: `/api/exemptions/${NO_PLAN}/amendment-request`, body: { requestedOn: '2026-01-05', results: { ko: '결과' }, evidence: [] } };
// Zones after designation: an unknown zone (bad bodies are refused before the zone is looked up).
const meeting = { committee: 'deliberation_committee', meetingOn: '2026-11-20', noticeGivenOn: '2026-11-10', urgent: false };
VALID['POST /api/zones/:id/changes'] = { url: `/api/zones/${NO_PLAN}/changes`, body: { items: ['area'], areaChangePercent: 5, description: { ko: '면적 조정' } } };
VALID['POST /api/zones/:id/changes/:changeId/review'] = { url: `/api/zones/${NO_PLAN}/changes/${NO_PLAN}/review`, body: { action: 'approve_minor', note: null } };
VALID['POST /api/zones/:id/changes/:changeId/committee-decision'] = { url: `/api/zones/${NO_PLAN}/changes/${NO_PLAN}/committee-decision`, body: { decision: 'approve', ...meeting, ministryRepliesComplete: true, note: { ko: '승인' } } };
VALID['POST /api/zones/:id/evaluations'] = { url: `/api/zones/${NO_PLAN}/evaluations`, body: { year: 2026, scores: { 'kpi-achievement': 80, 'regional-economy': 70, 'use-of-special-cases': 90, 'project-results': 75 }, summary: { ko: '평가' }, confirmedOn: '2026-11-20' } };
VALID['POST /api/zones/:id/extension'] = { url: `/api/zones/${NO_PLAN}/extension`, body: { newPeriodEnd: '2032-11-30', ...meeting, reason: { ko: '연장' } } };
VALID['POST /api/zones/:id/hearings'] = { url: `/api/zones/${NO_PLAN}/hearings`, body: { heldOn: '2026-11-20', ground: 'purpose-achieved', attendees: ['부산광역시'], summary: { ko: '청문' } } };
VALID['POST /api/zones/:id/cancellation'] = { url: `/api/zones/${NO_PLAN}/cancellation`, body: { ground: 'purpose-achieved', ...meeting, reason: { ko: '목적 달성' } } };
VALID['POST /api/zones/:id/data-requests'] = { url: `/api/zones/${NO_PLAN}/data-requests`, body: { organisationId: NO_PLAN, subject: { ko: '자료' }, dueOn: '2027-01-05' } };
VALID['POST /api/zones/:id/data-requests/:requestId/answer'] = { url: `/api/zones/${NO_PLAN}/data-requests/${NO_PLAN}/answer`, body: { answer: { ko: '답변' } } };
VALID['POST /api/rapid-confirmations'] = { url: '/api/rapid-confirmations', body: { zoneId: NO_PLAN, activity: { ko: '활동' }, regulationIds: [NO_PLAN], ministryId: null } };
VALID['POST /api/rapid-confirmations/:id/forward'] = { url: `/api/rapid-confirmations/${NO_PLAN}/forward`, body: { ministryIds: [] } };
VALID['POST /api/rapid-confirmations/:id/local-answer'] = { url: `/api/rapid-confirmations/${NO_PLAN}/local-answer`, body: { answer: { ko: '답변' } } };
VALID['POST /api/rapid-confirmations/:id/reply'] = { url: `/api/rapid-confirmations/${NO_PLAN}/reply`, body: { answer: 'permit_needed', rules: { ko: '허가' } } };
VALID['POST /api/rapid-confirmations/:id/supplement-request'] = { url: `/api/rapid-confirmations/${NO_PLAN}/supplement-request`, body: { request: { ko: '보완' } } };
VALID['POST /api/rapid-confirmations/:id/supplement'] = { url: `/api/rapid-confirmations/${NO_PLAN}/supplement`, body: { ministryId: NO_PLAN } };
VALID['POST /api/rapid-confirmations/:id/decision'] = { url: `/api/rapid-confirmations/${NO_PLAN}/decision`, body: { decision: 'no_permit_needed', note: null } };
VALID['POST /api/exemptions/:id/redeliberation'] = { url: `/api/exemptions/${NO_PLAN}/redeliberation`, body: { notifiedOn: '2026-08-05', requestedOn: '2026-09-01', grounds: { ko: '사유' } } };
VALID['POST /api/exemptions/:id/redeliberation/decision'] = { url: `/api/exemptions/${NO_PLAN}/redeliberation/decision`, body: { decidedOn: '2026-09-10', outcome: 'granted', validFrom: '2026-09-10', validUntil: '2030-09-09', insuranceProofSubmitted: true } };
VALID['POST /api/exemptions/:id/cancellation/hearing'] = { url: `/api/exemptions/${NO_PLAN}/cancellation/hearing`, body: { ground: 'harm', noticeOn: '2026-03-05', heldOn: '2026-03-16', record: { ko: '청문' } } };
VALID['POST /api/exemptions/:id/cancel'] = { url: `/api/exemptions/${NO_PLAN}/cancel`, body: { decidedOn: '2026-03-20', reason: { ko: '사유' } } };
VALID['POST /api/exemptions/:id/results-report'] = { url: `/api/exemptions/${NO_PLAN}/results-report`, body: { submittedOn: '2026-02-02', results: { ko: '결과' }, evidenceRefs: [{ type: 'demonstration_report', id: NO_PLAN, period: 1 }] } };
VALID['POST /api/exemptions/:id/amendment/review'] = { url: `/api/exemptions/${NO_PLAN}/amendment/review`, body: { reportedOn: '2026-04-10', amendmentNeeded: true, text: { ko: '검토' } } };
VALID['POST /api/exemptions/:id/amendment/plan'] = { url: `/api/exemptions/${NO_PLAN}/amendment/plan`, body: { submittedOn: '2026-05-01', targetLaw: { ko: '법' }, schedule: [{ stage: 'drafting', by: '2026-06-01' }, { stage: 'promulgated', by: '2026-12-31' }] } };
VALID['POST /api/exemptions/:id/amendment/progress'] = { url: `/api/exemptions/${NO_PLAN}/amendment/progress`, body: { stage: 'drafting', on: '2026-06-01' } };
VALID['POST /api/exemptions/:id/amendment/escalate'] = { url: `/api/exemptions/${NO_PLAN}/amendment/escalate`, body: { recommendedOn: '2026-06-10', recommendation: { ko: '권고' } } };

const LIMIT = 65_536;

for (const engine of engines()) {
  describe(`input fuzz (${engine})`, () => {
    let t: TestApp;
    let ministry: Session;
    before(async () => {
      t = await startTestApp(engine, { BODY_LIMIT_BYTES: String(LIMIT) });
      ministry = await t.login('ministry@demo.zonelink.kr');
      await seedReferenceRegulations(t.db);
    });
    after(async () => t.close());

    const writeRoutes = () => t.app.routeTable.filter((r) => r.action !== undefined && r.bodySchema !== undefined && r.method !== 'GET');

    async function send(method: string, url: string, payload: string | Buffer, contentType = 'application/json') {
      return t.app.inject({
        method: method as 'POST', url, payload,
        headers: { cookie: ministry.cookie, 'x-csrf-token': ministry.csrf, 'content-type': contentType, 'accept-language': 'en' },
      });
    }

    // The fingerprint after a route's refused requests is the one before the next route's.
    let known: Record<string, string> | null = null;
    const fingerprint = async () => (known ??= await snapshot(t.db));
    async function unchangedSince(before: Record<string, string>, message?: string) {
      const after = await snapshot(t.db);
      assert.deepEqual(after, before, message);
      known = after;
    }

    /** A 4xx problem+json; the database is compared once per route, after all its refused requests. */
    async function expectRefused(method: string, url: string, payload: string | Buffer, contentType?: string, status?: number) {
      const res = await send(method, url, payload, contentType);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} ${url} ${String(payload).slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (status !== undefined) assert.equal(res.statusCode, status, res.body.slice(0, 200));
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      const problem = res.json();
      assert.equal(problem.status, res.statusCode);
      assert.ok(problem.detail.length > 0);
      return problem;
    }

    test('every write route has a valid example here', () => {
      const missing = writeRoutes().map((r) => `${r.method} ${r.url}`).filter((k) => !(k in VALID));
      assert.deepEqual(missing, []);
    });

    test('malformed JSON, invalid UTF-8, wrong media type and oversize bodies', async () => {
      for (const route of writeRoutes()) {
        const { url, body } = VALID[`${route.method} ${route.url}`]!;
        const before = await fingerprint();
        for (const bad of ['{', '{"a":', '[1,', 'nul', '{"a":1}}', '', '   ', '{"__proto__":{"x":1}}']) {
          await expectRefused(route.method, url, bad);
        }
        const json = JSON.stringify(body);
        const invalidUtf8 = Buffer.concat([Buffer.from(json.slice(0, -2)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(json.slice(-2))]);
        await expectRefused(route.method, url, invalidUtf8, undefined, 400);
        await expectRefused(route.method, url, json, 'text/plain', 415);
        await expectRefused(route.method, url, JSON.stringify({ ...body, filler: 'x'.repeat(LIMIT) }), undefined, 413);
        const unknown = await expectRefused(route.method, url, JSON.stringify({ ...body, unknownField: 1 }), undefined, 400);
        assert.ok(unknown.errors.some((e: { path: string }) => e.path === '/body/unknownField'));
        await unchangedSince(before, `a refused request to ${route.method} ${route.url} changed the database`);
      }
    });

    test('a lone UTF-16 surrogate or NUL in any string of any write route is a 400 naming that string (issue 11, finding 3)', async () => {
      /** JSON pointers of every string in a valid body. */
      const strings = (value: unknown, pointer = ''): string[] => {
        if (typeof value === 'string') return [pointer];
        if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${pointer}/${i}`));
        if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${pointer}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`));
        return [];
      };
      const replaced = (value: unknown, pointer: string, by: string): unknown => {
        if (pointer === '') return by;
        const [head, ...rest] = pointer.slice(1).split('/');
        const key = head!.replaceAll('~1', '/').replaceAll('~0', '~');
        if (Array.isArray(value)) return value.map((v, i) => (String(i) === key ? replaced(v, rest.length ? `/${rest.join('/')}` : '', by) : v));
        return { ...(value as object), [key]: replaced((value as Record<string, unknown>)[key], rest.length ? `/${rest.join('/')}` : '', by) };
      };
      const before = await fingerprint();
      let checked = 0;
      for (const route of writeRoutes()) {
        const { url, body } = VALID[`${route.method} ${route.url}`]!;
        for (const pointer of strings(body)) {
          for (const bad of ['x\ud800', '\udc00', 'a\u0000b']) {
            const res = await send(route.method, url, JSON.stringify(replaced(body, pointer, bad)));
            assert.equal(res.statusCode, 400, `${route.method} ${url} ${pointer} ${JSON.stringify(bad)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
            assert.deepEqual(res.json().errors.map((e: { path: string }) => e.path), [`/body${pointer}`], `${route.method} ${url}`);
            checked += 1;
          }
        }
        // A key that cannot be stored, beside the valid fields.
        const res = await send(route.method, url, JSON.stringify({ ...body, 'k\ud800': 1 }));
        assert.equal(res.statusCode, 400, `${route.method} ${url} bad key → ${res.statusCode}`);
        assert.deepEqual(res.json().errors.map((e: { path: string }) => e.path), ['/body/k\uFFFD']);
      }
      assert.ok(checked > 300, `${checked} strings checked`);
      await unchangedSince(before, 'a refused request changed the database');
    });

    test('wrong types, huge strings, control characters and missing fields (property-based)', async () => {
      const hostile = fc.oneof(
        fc.jsonValue(),
        fc.constant('x'.repeat(20_000)),
        fc.constant('a\u0000b'),
        fc.constant('x\ud800'),
        fc.constant('\udc00y'),
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.constant('\u001b[31m'),
        fc.constant(-1),
        fc.constant(1e308),
        fc.constant([]),
        fc.constant({}),
      );
      for (const route of writeRoutes()) {
        const { url, body } = VALID[`${route.method} ${route.url}`]!;
        const keys = Object.keys(body);
        // Compared once per route: before its first request (or its last accepted one) and after its last.
        let before = await fingerprint();
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...keys), hostile, fc.boolean(), fc.jsonValue(), fc.nat(3), async (key, value, drop, whole, mode) => {
            let payload: unknown;
            if (mode === 0) payload = whole;
            else if (drop) payload = Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
            else payload = { ...body, [key]: value };
            const res = await send(route.method, url, JSON.stringify(payload));
            assert.ok(res.statusCode < 500, `${route.method} ${url} ${JSON.stringify(payload).slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            if (res.statusCode >= 400) assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
            else before = known = await snapshot(t.db);
          }),
          { numRuns: 40, seed: 20261125 },
        );
        await unchangedSince(before, `a refused request to ${route.method} ${route.url} changed the database`);
      }
    });
  });
}
