// Demonstration projects: create and read in scope, rules validated, the Decree Art. 60 insurance guard,
// streamed uploads (all or nothing, idempotent, skip-invalid) and the compliance report.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addDays, civilDate } from '../../src/domain/calendar/civil-date.ts';
import { seoulToday } from '../../src/domain/demonstrations/project.ts';
import { importCommand } from '../../src/server/demonstrations/import.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PROJECT_ID, seedDemoDemonstrations } from '../../src/db/seed/demo-demonstrations.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const today = seoulToday(Date.now());
const insurance = (over: Record<string, unknown> = {}) => ({
  insurer: '데모화재', policyNumber: 'P-2026-001',
  cover: { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 },
  validFrom: '2026-01-01', validUntil: addDays(today, 365), ...over,
});
const rules = [
  { id: 'speed', kind: 'maximum', measure: 'speed', max: 30 },
  { id: 'area', kind: 'geofence', area: { type: 'Polygon', coordinates: [[[128.8, 35.0], [129.3, 35.0], [129.3, 35.3], [128.8, 35.3], [128.8, 35.0]]] } },
  { id: 'fields', kind: 'requiredFields', fields: ['deviceId'] },
];
export const projectBody = (zoneId: string, over: Record<string, unknown> = {}) => ({
  zoneId,
  title: { ko: '수소 트럭 실증', en: 'Hydrogen truck demonstration' },
  summary: { ko: '부산항 수소 트럭 운행' },
  partnerCompanies: [],
  exemptionIds: [],
  sites: ['21010'],
  products: [{ ko: '수소 트럭' }, { ko: '이동형 충전소' }],
  periodStart: '2026-01-01',
  periodEnd: '2027-12-31',
  milestones: [{ title: { ko: '운행 개시' }, due: '2026-03-01', done: true }],
  kpis: [{ id: 'trips', name: { ko: '운행 횟수' }, unit: 'trips', target: 1000, frequency: 'quarterly' }],
  safetyPlan: { ko: '운행 전 점검, 속도 제한 30 km/h' },
  insuranceRequired: true,
  insurance: insurance(),
  rules,
  ...over,
});

const CSV = [
  'ts,deviceId,lon,lat,speed',
  '2026-11-20T10:00:00+09:00,1,129.0,35.1,20',
  '2026-11-20T10:01:00+09:00,1,129.0,35.1,45',
  '2026-11-20T10:02:00+09:00,,129.5,35.1,10',
  '2026-11-21T09:00:00+09:00,2,129.1,35.2,',
].join('\n');

for (const engine of engines()) {
  describe(`demonstrations (${engine})`, () => {
    let t: TestApp;
    let company: Session;
    let busan: Session;
    let ulsan: Session;
    let expert: Session;
    let busanZone: string;
    let projectId: string;
    before(async () => {
      t = await startTestApp(engine);
      company = await t.login('company@demo.zonelink.kr');
      busan = await t.login('busan@demo.zonelink.kr');
      ulsan = await t.login('ulsan@demo.zonelink.kr');
      expert = await t.login('expert@demo.zonelink.kr');
      busanZone = (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id;
    });
    after(async () => t.close());

    const send = (s: Session, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: method as 'GET', url, headers: { ...asSession(s), 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    const upload = (id: string, body: string, type = 'text/csv', query = '') =>
      send(company, 'PUT', `/api/projects/${projectId}/uploads/${id}${query}`, body, { 'content-type': type });

    test('a company creates a project; its zone\'s government reads it, others do not', async () => {
      const res = await send(company, 'POST', '/api/projects', projectBody(busanZone));
      assert.equal(res.statusCode, 201, res.body);
      projectId = res.json().id;
      assert.equal(res.json().state, 'draft');
      assert.equal(res.json().canEdit, true);
      assert.equal((await send(busan, 'GET', `/api/projects/${projectId}`)).statusCode, 200);
      assert.equal((await send(ulsan, 'GET', `/api/projects/${projectId}`)).statusCode, 403);
      assert.equal((await send(expert, 'GET', `/api/projects/${projectId}`)).statusCode, 403);
      assert.equal((await send(busan, 'GET', '/api/projects')).json().items.length, 1);
      assert.equal((await send(ulsan, 'GET', '/api/projects')).json().items.length, 0);
      assert.equal((await send(busan, 'POST', '/api/projects', projectBody(busanZone))).statusCode, 403);
    });

    test('bad rules, sites, partners and periods are refused by path; nothing is written', async () => {
      const before = await snapshot(t.db);
      const res = await send(company, 'POST', '/api/projects', projectBody(busanZone, {
        rules: [{ id: 'x', kind: 'maximum', measure: 'speed', max: -1 }], sites: ['99999'], partnerCompanies: [randomUUID()], periodEnd: '2025-01-01',
        exemptionIds: [randomUUID()],
      }));
      assert.equal(res.statusCode, 400);
      const paths = problemOf(res).errors!.map((e) => e.path);
      for (const p of ['/body/rules/0/max', '/body/sites/0', '/body/partnerCompanies/0', '/body/periodEnd', '/body/exemptionIds/0']) assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
      assert.equal((await send(company, 'POST', '/api/projects', projectBody(randomUUID()))).statusCode, 400);
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('starting to demonstrate needs insurance valid today meeting Decree Art. 60', async () => {
      const low = projectBody(busanZone, { insurance: insurance({ cover: { ...insurance().cover, deathPerPerson: 100_000_000 } }) });
      delete (low as { zoneId?: string }).zoneId;
      let res = await send(company, 'PUT', `/api/projects/${projectId}`, low);
      assert.equal(res.statusCode, 200, res.body);
      res = await send(company, 'POST', `/api/projects/${projectId}/transition`, { to: 'demonstrating' });
      assert.equal(res.statusCode, 409);
      assert.ok(problemOf(res).errors!.some((e) => e.path === '/insurance/cover/deathPerPerson'), res.body);
      const expired = { ...low, insurance: insurance({ validUntil: addDays(today, -1) }) };
      assert.equal((await send(company, 'PUT', `/api/projects/${projectId}`, expired)).statusCode, 200);
      res = await send(company, 'POST', `/api/projects/${projectId}/transition`, { to: 'demonstrating' });
      assert.equal(res.statusCode, 409);
      assert.ok(problemOf(res).errors!.some((e) => e.path === '/insurance/validUntil'));
      const good = { ...low, insurance: insurance() };
      assert.equal((await send(company, 'PUT', `/api/projects/${projectId}`, good)).statusCode, 200);
      assert.equal((await send(busan, 'POST', `/api/projects/${projectId}/transition`, { to: 'demonstrating' })).statusCode, 403);
      res = await send(company, 'POST', `/api/projects/${projectId}/transition`, { to: 'demonstrating' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'demonstrating');
      assert.equal(civilDate(today), today);
    });

    test('an upload with bad rows stores nothing and names rows and columns', async () => {
      const before = await snapshot(t.db);
      const bad = [
        'ts,deviceId,lon,lat,speed',
        '2026-11-20T10:00:00+09:00,1,129.0,35.1,20',
        'yesterday,1,129.0,35.1,20',
        '2026-11-20T10:00:00+09:00,1.5,200,35.1,fast',
        '2030-01-01T00:00:00+09:00,1,129.0,,1',
        '2026-11-20T10:00:00+09:00,1',
      ].join('\r\n');
      const res = await upload(randomUUID(), bad);
      assert.equal(res.statusCode, 400, res.body);
      const paths = problemOf(res).errors!.map((e) => e.path);
      assert.deepEqual(paths, ['/body/row/3/ts', '/body/row/4/deviceId', '/body/row/4/lon', '/body/row/4/speed', '/body/row/5/ts', '/body/row/5/lat', '/body/row/6/*']);
      assert.deepEqual(await snapshot(t.db), before);
      assert.equal((await upload(randomUUID(), '')).statusCode, 400);
      assert.equal((await upload(randomUUID(), 'time,speed\n1,2')).statusCode, 400);
      assert.equal((await upload(randomUUID(), CSV, 'text/plain')).statusCode, 415);
      assert.equal((await upload(randomUUID(), '{"ts":"2026-11-20T10:00:00+09:00","extra":1}\n[1]', 'application/x-ndjson')).statusCode, 400);
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('uploads are idempotent by upload id; other content under the same id is refused', async () => {
      const id = randomUUID();
      const first = await upload(id, CSV);
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().rowsStored, 4);
      const again = await upload(id, CSV);
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().replayed, true);
      const count = await t.db.selectFrom('demonstration_event').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 4);
      assert.equal((await upload(id, `${CSV}\n`)).statusCode, 409);
      const other = await send(expert, 'PUT', `/api/projects/${projectId}/uploads/${randomUUID()}`, CSV, { 'content-type': 'text/csv' });
      assert.equal(other.statusCode, 403);
    });

    test('skip-invalid stores the valid rows and returns the invalid ones', async () => {
      const ndjson = [
        JSON.stringify({ ts: '2026-11-22T10:00:00+09:00', deviceId: 3, lon: 129.0, lat: 35.1, speed: 10 }),
        JSON.stringify({ ts: Date.parse('2026-11-22T11:00:00+09:00'), deviceId: 3, lon: 129.0, lat: 35.1, speed: 50 }),
        JSON.stringify({ ts: '2026-11-22T12:00:00+09:00', deviceId: 'three' }),
        '{oops',
      ].join('\n');
      const res = await upload(randomUUID(), ndjson, 'application/x-ndjson', '?mode=skip-invalid');
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().rowsStored, 2);
      assert.equal(res.json().rowsRejected, 2);
      assert.deepEqual(res.json().errors.map((e: { path: string }) => e.path), ['/body/row/3/deviceId', '/body/row/4/*']);
      assert.ok(res.json().errors[0].message.length > 0);
      const list = await send(busan, 'GET', `/api/projects/${projectId}/uploads`);
      assert.equal(list.json().items.length, 2);
    });

    test('the compliance report runs the rules over every stored event', async () => {
      const res = await send(busan, 'GET', `/api/projects/${projectId}/compliance?examples=5`);
      assert.equal(res.statusCode, 200, res.body);
      const { report, rules: ruleList } = res.json();
      assert.deepEqual(ruleList.map((r: { id: string }) => r.id), ['speed', 'area', 'fields', 'decree-60-insurance']);
      assert.equal(report.totalEvents, 6);
      const byId = Object.fromEntries(report.rules.map((r: { id: string; violations: number }) => [r.id, r.violations]));
      assert.deepEqual(byId, { speed: 2, area: 1, fields: 1, 'decree-60-insurance': 0 });
      assert.equal(report.violatingEvents, 3);
      assert.deepEqual(report.days.map((d: { day: string }) => d.day), ['2026-11-20', '2026-11-21', '2026-11-22']);
      assert.equal(report.rules[0].examples[0].value, 45);
      assert.equal((await send(expert, 'GET', `/api/projects/${projectId}/compliance`)).statusCode, 403);
    });

    test('a large upload goes in batches; one bad row at the end stores none of them', async () => {
      const rows = Array.from({ length: 2500 }, (_, i) => `${new Date(Date.parse('2026-11-23T00:00:00+09:00') + i * 1000).toISOString()},${i % 7},129.0,35.1,${i % 40}`);
      const header = 'ts,deviceId,lon,lat,speed';
      const before = await snapshot(t.db);
      const bad = await upload(randomUUID(), [header, ...rows, 'x,1,129,35,1'].join('\n'));
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(problemOf(bad).errors!.map((e) => e.path), ['/body/row/2502/ts']);
      assert.deepEqual(await snapshot(t.db), before);
      const good = await upload(randomUUID(), [header, ...rows].join('\n'));
      assert.equal(good.statusCode, 201, good.body);
      assert.equal(good.json().rowsStored, 2500);
      const report = (await send(company, 'GET', `/api/projects/${projectId}/compliance`)).json().report;
      assert.equal(report.totalEvents, 2506);
    });

    test('zonelink import: all or nothing from a file, a re-run imports it once', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'zl-import-'));
      try {
        const good = join(dir, 'trips.csv');
        const bad = join(dir, 'bad.csv');
        const rows = Array.from({ length: 1500 }, (_, i) => `${new Date(Date.parse('2026-11-24T00:00:00+09:00') + i * 1000).toISOString()},9,129.0,35.1,5`);
        await writeFile(good, ['ts,deviceId,lon,lat,speed', ...rows].join('\n'));
        await writeFile(bad, ['ts,deviceId,lon,lat,speed', ...rows, 'x,9,129,35,5'].join('\n'));
        const out: string[] = [];
        const err: string[] = [];
        const before = await snapshot(t.db);
        assert.equal(await importCommand(t.db, { file: bad, project: projectId }, (x) => out.push(x), (x) => err.push(x)), 1);
        assert.match(err.join(''), /row\/1502\/ts/);
        assert.deepEqual(await snapshot(t.db), before);
        assert.equal(await importCommand(t.db, { file: good, project: projectId }, (x) => out.push(x), (x) => err.push(x)), 0);
        assert.match(out.join(''), /1500 rows stored/);
        assert.equal(await importCommand(t.db, { file: good, project: projectId }, (x) => out.push(x), (x) => err.push(x)), 0);
        assert.match(out.at(-1)!, /already imported/);
        const n = await t.db.selectFrom('demonstration_event').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId).where('device_id', '=', 9).executeTakeFirstOrThrow();
        assert.equal(Number(n.n), 1500);
        assert.equal(await importCommand(t.db, { file: join(dir, 'x.txt'), project: projectId }, () => {}, () => {}), 2);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    test('reports: periods with due dates, late and missing flags; filing, review and refiling', async () => {
      let res = await send(company, 'GET', `/api/projects/${projectId}/reports`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().frequency, 'quarterly');
      const periods = res.json().items;
      assert.equal(periods.length, 8);
      assert.deepEqual([periods[0].from, periods[0].to, periods[0].due], ['2026-01-01', '2026-03-31', '2026-04-30']);
      assert.equal(periods[0].status, today > '2026-04-30' ? 'missing' : 'open');
      assert.equal(periods[7].status, 'upcoming');
      const body = { kpiValues: [{ kpiId: 'trips', value: 120 }], narrative: { ko: '1분기 운행 120회' } };
      res = await send(company, 'PUT', `/api/projects/${projectId}/reports/1`, { ...body, kpiValues: [{ kpiId: 'nope', value: 1 }] });
      assert.equal(res.statusCode, 400);
      assert.equal(problemOf(res).errors![0]!.path, '/body/kpiValues/0/kpiId');
      assert.equal((await send(company, 'PUT', `/api/projects/${projectId}/reports/8`, body)).statusCode, 409);
      assert.equal((await send(company, 'PUT', `/api/projects/${projectId}/reports/99`, body)).statusCode, 404);
      res = await send(company, 'PUT', `/api/projects/${projectId}/reports/1`, body);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, today > '2026-04-30' ? 'late' : 'submitted');
      assert.equal((await send(company, 'PUT', `/api/projects/${projectId}/reports/1`, body)).statusCode, 409);
      assert.equal((await send(company, 'POST', `/api/projects/${projectId}/reports/1/review`, { decision: 'accept', comment: { ko: '확인' } })).statusCode, 403);
      res = await send(busan, 'POST', `/api/projects/${projectId}/reports/1/review`, { decision: 'request-changes', comment: { ko: '안전 지표 추가' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().report.reviewState, 'changes_requested');
      const inbox = await send(company, 'GET', '/api/me/notifications');
      assert.ok(inbox.json().items.length >= 1, inbox.body);
      res = await send(company, 'PUT', `/api/projects/${projectId}/reports/1`, body);
      assert.equal(res.json().report.version, 2);
      res = await send(busan, 'POST', `/api/projects/${projectId}/reports/1/review`, { decision: 'accept', comment: { ko: '수리' } });
      assert.equal(res.json().report.reviewState, 'accepted');
    });

    test('incidents: reporting deadline by severity; MSS and the zone\'s government are notified', async () => {
      const ministry = await t.login('ministry@demo.zonelink.kr');
      const before = (await send(busan, 'GET', '/api/me/notifications')).json().items.length;
      const occurredAt = new Date(Date.now() - 30 * 3_600_000).toISOString();
      const incident = { severity: 'serious', occurredAt, place: { ko: '신항 3부두' }, lon: 128.8, lat: 35.08, description: { ko: '후진 중 펜스 접촉' }, immediateActions: { ko: '운행 중지, 점검' } };
      assert.equal((await send(company, 'POST', `/api/projects/${projectId}/incidents`, { ...incident, lat: null })).statusCode, 400);
      assert.equal((await send(company, 'POST', `/api/projects/${projectId}/incidents`, { ...incident, occurredAt: '2099-01-01T00:00:00Z' })).statusCode, 400);
      assert.equal((await send(busan, 'POST', `/api/projects/${projectId}/incidents`, incident)).statusCode, 403);
      const res = await send(company, 'POST', `/api/projects/${projectId}/incidents`, incident);
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().reportedLate, true);
      assert.equal(Date.parse(res.json().reportDeadline) - Date.parse(occurredAt), 24 * 3_600_000);
      assert.equal((await send(busan, 'GET', '/api/me/notifications')).json().items.length, before + 1);
      assert.ok((await send(ministry, 'GET', '/api/me/notifications')).json().items.length >= 1);
      const list = await send(busan, 'GET', `/api/projects/${projectId}/incidents`);
      assert.equal(list.json().items.length, 1);
      assert.deepEqual(list.json().items[0].exemptionIds, []);
      // A project using no exemption has none to suspend (tests/api/exemption-suspension.test.ts suspends one).
      const suspend = await send(ministry, 'POST', `/api/projects/${projectId}/incidents/${res.json().id}/suspension`, { exemptionIds: [randomUUID()], reason: { ko: '중대 사고 조사' } });
      assert.equal(suspend.statusCode, 400, suspend.body);
      assert.equal((await send(ministry, 'GET', `/api/projects/${projectId}`)).json().state, 'demonstrating');
    });

    test('the demo project is seeded once and has a compliance report to show', async () => {
      assert.equal(await seedDemoDemonstrations(t.db), true);
      assert.equal(await seedDemoDemonstrations(t.db), false);
      const res = await send(company, 'GET', `/api/projects/${DEMO_PROJECT_ID}/compliance`);
      assert.equal(res.statusCode, 200, res.body);
      const { report } = res.json();
      assert.equal(report.totalEvents, 240);
      assert.ok(report.violatingEvents > 0 && report.violatingEvents < 240, String(report.violatingEvents));
    });
  });
}
