// A serious incident suspends one exemption for the project, not the project (issue 5, item 3): the incident names
// the project's exemptions it concerns; the zone's supervisors suspend them (audited, one transaction); only MSS
// lifts a suspension; events at suspended times violate the exemption's `suspension` rule; bad input changes
// nothing. Incident reporting deadlines come from INCIDENT_DEADLINE_HOURS and are sent with the incidents.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { demoId } from '../../src/db/seed/demo.ts';
import { addDays } from '../../src/domain/calendar/civil-date.ts';
import { seoulToday } from '../../src/domain/demonstrations/project.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const cover = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };
const HOUR = 3_600_000;

for (const engine of engines()) {
  describe(`exemption suspension after a serious incident (${engine})`, () => {
    let t: TestApp;
    let company: Session;
    let busan: Session;
    let ulsan: Session;
    let ministry: Session;
    let projectId: string;
    let a: string;
    let b: string;
    let incidentId: string;
    before(async () => {
      t = await startTestApp(engine, { INCIDENT_DEADLINE_HOURS: '48,12,6' });
      company = await t.login('company@demo.zonelink.kr');
      busan = await t.login('busan@demo.zonelink.kr');
      ulsan = await t.login('ulsan@demo.zonelink.kr');
      ministry = await t.login('ministry@demo.zonelink.kr');
      const zone = (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id;
      const exemption = (title: string) => insertExemption(t.db, {
        kind: 'demonstration_exemption', title: { ko: title, en: title }, zoneId: zone, holders: [demoId('org:company')], regulationIds: [],
        conditions: { text: { ko: '조건' }, scope: null, area: null, time: null, safetyMeasures: [], insurance: null, quantities: [] },
        stages: [], grantedOn: '2025-12-01', validFrom: '2026-01-01', validUntil: '2029-12-31', state: 'active', demo: false,
      });
      a = await exemption('A 자율주행 특례');
      b = await exemption('B 수소 충전 특례');
      const res = await send(company, 'POST', '/api/projects', {
        zoneId: zone, title: { ko: '항만 실증' }, summary: { ko: '요약' }, partnerCompanies: [], exemptionIds: [a, b], sites: ['21120'],
        products: [{ ko: '트럭' }], periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [],
        kpis: [{ id: 'trips', name: { ko: '운행 횟수' }, unit: 'trips', target: 1000, frequency: 'quarterly' }], safetyPlan: { ko: '안전계획' }, insuranceRequired: true,
        insurance: { insurer: '데모화재', policyNumber: 'P-1', cover, validFrom: '2026-01-01', validUntil: addDays(seoulToday(Date.now()), 365) }, rules: [],
      });
      assert.equal(res.statusCode, 201, res.body);
      projectId = res.json().id;
      const started = await send(company, 'POST', `/api/projects/${projectId}/transition`, { to: 'demonstrating' });
      assert.equal(started.statusCode, 200, started.body);
    });
    after(async () => t.close());

    const send = (s: Session, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: method as 'GET', url, headers: { ...asSession(s), 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    const incident = (over: Record<string, unknown> = {}) => ({
      severity: 'serious', occurredAt: new Date(Date.now() - 2 * HOUR).toISOString(), place: { ko: '신항' }, lon: null, lat: null,
      description: { ko: '충돌' }, immediateActions: { ko: '운행 중지' }, exemptionIds: [a], ...over,
    });
    const suspensionUrl = (id: string) => `/api/projects/${projectId}/incidents/${id}/suspension`;
    const liftUrl = (exemption: string) => `/api/projects/${projectId}/exemptions/${exemption}/lift-suspension`;

    test('a serious incident names at least one of the project\'s exemptions, each once; bad input changes nothing', async () => {
      const before = await snapshot(t.db);
      const paths = async (body: unknown) => {
        const res = await send(company, 'POST', `/api/projects/${projectId}/incidents`, body);
        assert.equal(res.statusCode, 400, res.body);
        return problemOf(res).errors!.map((e) => e.path);
      };
      assert.deepEqual(await paths(incident({ exemptionIds: [] })), ['/body/exemptionIds']);
      assert.deepEqual(await paths(incident({ exemptionIds: undefined })), ['/body/exemptionIds']);
      assert.deepEqual(await paths(incident({ exemptionIds: [a, randomUUID()] })), ['/body/exemptionIds/1']);
      assert.deepEqual(await paths(incident({ exemptionIds: [a, a] })), ['/body/exemptionIds/1']);
      assert.deepEqual(await paths(incident({ exemptionIds: ['not-a-uuid'] })), ['/body/exemptionIds/0']);
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('the server sends each incident\'s deadline from INCIDENT_DEADLINE_HOURS and the hours in force', async () => {
      const minor = await send(company, 'POST', `/api/projects/${projectId}/incidents`, incident({ severity: 'minor', exemptionIds: [] }));
      assert.equal(minor.statusCode, 201, minor.body);
      assert.equal(Date.parse(minor.json().reportDeadline) - Date.parse(minor.json().occurredAt), 48 * HOUR);
      const res = await send(company, 'POST', `/api/projects/${projectId}/incidents`, incident());
      assert.equal(res.statusCode, 201, res.body);
      incidentId = res.json().id;
      assert.deepEqual(res.json().exemptionIds, [a]);
      assert.equal(Date.parse(res.json().reportDeadline) - Date.parse(res.json().occurredAt), 12 * HOUR);
      const list = (await send(busan, 'GET', `/api/projects/${projectId}/incidents`)).json();
      assert.deepEqual(list.deadlineHours, { minor: 48, serious: 12, critical: 6 });
      assert.deepEqual(list.items.map((i: { exemptionIds: string[] }) => i.exemptionIds), [[], [a]]);
    });

    test('suspending: only the zone\'s supervisors, only exemptions the incident names, only serious incidents; refusals change nothing', async () => {
      const minorId = (await send(busan, 'GET', `/api/projects/${projectId}/incidents`)).json().items.find((i: { severity: string }) => i.severity === 'minor').id;
      const body = { exemptionIds: [a], reason: { ko: '중대 사고 조사' } };
      const before = await snapshot(t.db);
      assert.equal((await send(ulsan, 'POST', suspensionUrl(incidentId), body)).statusCode, 403);
      assert.equal((await send(company, 'POST', suspensionUrl(incidentId), body)).statusCode, 403);
      const notNamed = await send(busan, 'POST', suspensionUrl(incidentId), { ...body, exemptionIds: [b] });
      assert.equal(notNamed.statusCode, 400, notNamed.body);
      assert.deepEqual(problemOf(notNamed).errors!.map((e) => e.path), ['/body/exemptionIds/0']);
      assert.equal((await send(busan, 'POST', suspensionUrl(incidentId), { ...body, exemptionIds: [] })).statusCode, 400);
      assert.equal((await send(busan, 'POST', suspensionUrl(minorId), body)).statusCode, 409);
      assert.equal((await send(busan, 'POST', suspensionUrl(randomUUID()), body)).statusCode, 404);
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('the zone\'s government suspends exemption A for the project (audited); the project demonstrates on under B', async () => {
      const res = await send(busan, 'POST', suspensionUrl(incidentId), { exemptionIds: [a], reason: { ko: '중대 사고 조사' } });
      assert.equal(res.statusCode, 200, res.body);
      const p = res.json();
      assert.equal(p.state, 'demonstrating');
      assert.deepEqual(p.suspendedExemptions.map((s: { exemptionId: string; incidentId: string }) => [s.exemptionId, s.incidentId]), [[a, incidentId]]);
      assert.equal(p.canLiftSuspension, false);
      assert.equal((await send(ministry, 'GET', `/api/projects/${projectId}`)).json().canLiftSuspension, true);
      const rows = await t.db.selectFrom('demonstration_exemption_suspension').selectAll().where('project_id', '=', projectId).execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.lifted_at, null);
      assert.equal(rows[0]!.incident_id, incidentId);
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', projectId).where('action', '=', 'project:suspend').execute();
      assert.equal(audit.length, 1);
      const again = await send(ministry, 'POST', suspensionUrl(incidentId), { exemptionIds: [a], reason: { ko: '다시' } });
      assert.equal(again.statusCode, 409, again.body);
      assert.match(problemOf(again).detail ?? '', /already suspended/);
    });

    test('events after the suspension under exemption A are flagged; B\'s are not', async () => {
      const csv = ['ts,deviceId,lon,lat,speed', `${new Date(Date.now() - HOUR).toISOString()},1,128.83,35.08,10`, `${new Date(Date.now() + HOUR).toISOString()},1,128.83,35.08,10`].join('\n');
      const up = await send(company, 'PUT', `/api/projects/${projectId}/uploads/${randomUUID()}`, csv, { 'content-type': 'text/csv' });
      assert.equal(up.statusCode, 201, up.body);
      const report = (await send(company, 'GET', `/api/projects/${projectId}/compliance`)).json();
      const [ea, eb] = report.exemptions;
      assert.equal(ea.exemptionId, a);
      assert.ok(ea.suspendedSince);
      const rule = ea.report.rules.find((r: { id: string }) => r.id === `${a}/suspended`);
      assert.equal(rule.kind, 'suspension');
      assert.equal(rule.violations, 1);
      assert.equal(eb.suspendedSince, null);
      assert.equal(eb.rules.some((r: { kind: string }) => r.kind === 'suspension'), false);
    });

    test('only MSS lifts the suspension (audited); refusals change nothing', async () => {
      const body = { reason: { ko: '조치 완료' } };
      const before = await snapshot(t.db);
      assert.equal((await send(company, 'POST', liftUrl(a), body)).statusCode, 403);
      assert.equal((await send(busan, 'POST', liftUrl(a), body)).statusCode, 403);
      assert.equal((await send(ministry, 'POST', liftUrl(b), body)).statusCode, 409);
      assert.equal((await send(ministry, 'POST', liftUrl(a), { reason: {} })).statusCode, 400);
      assert.deepEqual(await snapshot(t.db), before);
      const res = await send(ministry, 'POST', liftUrl(a), body);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().suspendedExemptions, []);
      const row = await t.db.selectFrom('demonstration_exemption_suspension').selectAll().where('project_id', '=', projectId).executeTakeFirstOrThrow();
      assert.ok(row.lifted_at !== null && row.lifted_at.getTime() >= row.suspended_at.getTime());
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', projectId).where('action', '=', 'project:lift-suspension').execute();
      assert.equal(audit.length, 1);
      assert.equal((await send(ministry, 'POST', liftUrl(a), body)).statusCode, 409);
      // The event after the lifting is compliant again; the closed period stays in the rule.
      const report = (await send(company, 'GET', `/api/projects/${projectId}/compliance`)).json();
      const rule = report.exemptions[0].report.rules.find((r: { id: string }) => r.id === `${a}/suspended`);
      assert.equal(rule.violations, 0);
      assert.equal(report.exemptions[0].suspendedSince, null);
    });
  });
}
