// Conditions as rules and the evidence pack: an exemption's structured conditions checked against the
// project's events (per exemption), and the PDF (Korean text in an embedded font, extractable through its
// ToUnicode map) and CSV of the project's record, readable in the project's scope only.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { DEMO_PASSWORD, demoId } from '../../src/db/seed/demo.ts';
import { hashPassword } from '../../src/server/auth/secrets.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { insertRegulation } from '../../src/server/regulations/store.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

const TITLE = '수소 트럭 항만 실증 증빙';
const cover = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };

/** The text a PDF shows: content streams' hex strings mapped through the font's ToUnicode CMap. */
export function pdfText(pdf: Buffer): { text: string; embedded: boolean } {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /<<([^]*?)>>\s*stream\n/g;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    const length = Number(/\/Length (\d+)/.exec(m[1]!)![1]);
    const start = m.index + m[0].length;
    const data = pdf.subarray(start, start + length);
    streams.push(/FlateDecode/.test(m[1]!) ? inflateSync(data).toString('latin1') : data.toString('latin1'));
  }
  const map = new Map<string, string>();
  for (const s of streams.filter((x) => x.includes('beginbfchar'))) {
    for (const [, cid, uni] of s.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/g)) map.set(cid!, Buffer.from(uni!, 'hex').swap16().toString('utf16le'));
  }
  let text = '';
  for (const s of streams.filter((x) => x.includes(' Tj'))) {
    for (const [, hex] of s.matchAll(/<([0-9a-f]*)> Tj/g)) {
      for (let i = 0; i < hex!.length; i += 4) text += map.get(hex!.slice(i, i + 4)) ?? '\uFFFD';
      text += '\n';
    }
  }
  return { text, embedded: /\/FontFile3 \d+ 0 R/.test(raw) && /\/Subtype \/CIDFontType0C/.test(raw) };
}

const parseCsv = (csv: string): string[][] => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => {
  const cells: string[] = [];
  for (const m of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
    cells.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
    if (m[2] === '') break;
  }
  return cells;
});

for (const engine of engines()) {
  describe(`conditions as rules and evidence pack (${engine})`, () => {
    let t: TestApp;
    let company: Session;
    let busan: Session;
    let ulsan: Session;
    let expert: Session;
    let projectId: string;
    let exemptionId: string;
    before(async () => {
      t = await startTestApp(engine);
      company = await t.login('company@demo.zonelink.kr');
      busan = await t.login('busan@demo.zonelink.kr');
      ulsan = await t.login('ulsan@demo.zonelink.kr');
      expert = await t.login('expert@demo.zonelink.kr');
      const zone = (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id;
      exemptionId = await insertExemption(t.db, {
        kind: 'demonstration_exemption', title: { ko: '항만 수소 트럭 실증특례' }, zoneId: zone, holders: [demoId('org:company')], regulationIds: [],
        conditions: {
          text: { ko: '항만 구역, 주간 06:00~22:00, 30 km/h 이하' }, scope: null, area: null, time: { ko: '주간 06:00~22:00' }, safetyMeasures: [], insurance: cover,
          quantities: [{ item: { ko: '최고 속도' }, max: 30, unit: 'km/h' }, { item: { ko: '운행 차량' }, max: 5, unit: '대' }],
        },
        stages: [], grantedOn: '2025-12-01', validFrom: '2026-01-01', validUntil: '2029-12-31', state: 'active', demo: false,
      });
      const res = await send(company, 'POST', '/api/projects', {
        zoneId: zone, title: { ko: TITLE, en: 'Hydrogen trucks in the port' }, summary: { ko: '요약' }, partnerCompanies: [], exemptionIds: [exemptionId], sites: ['21120'],
        products: [{ ko: '수소 트럭' }], periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [{ title: { ko: '운행 개시' }, due: '2026-03-01', done: true }, { title: { ko: '야간 운행' }, due: '2027-06-01', done: false }],
        kpis: [{ id: 'trips', name: { ko: '운행 횟수' }, unit: 'trips', target: 1000, frequency: 'quarterly' }], safetyPlan: { ko: '안전계획' }, insuranceRequired: true,
        insurance: { insurer: '데모화재', policyNumber: 'P-1', cover, validFrom: '2026-01-01', validUntil: '2027-12-31' }, rules: [{ id: 'speed-40', kind: 'maximum', measure: 'speed', max: 40 }],
      });
      assert.equal(res.statusCode, 201, res.body);
      projectId = res.json().id;
      const csv = [
        'ts,deviceId,sessionId,lon,lat,speed',
        '2026-11-20T10:00:00+09:00,1,1,128.83,35.08,20', // fine
        '2026-11-20T10:05:00+09:00,1,1,128.83,35.08,35', // above 30 km/h (exemption), under 40 (project)
        '2026-11-20T23:30:00+09:00,1,2,128.83,35.08,10', // outside 06:00–22:00
        '2026-11-21T09:00:00+09:00,2,3,129.30,35.20,10', // outside Gangseo-gu (21120)
      ].join('\n');
      const up = await send(company, 'PUT', `/api/projects/${projectId}/uploads/${randomUUID()}`, csv, { 'content-type': 'text/csv' });
      assert.equal(up.statusCode, 201, up.body);
      assert.equal((await send(company, 'PUT', `/api/projects/${projectId}/reports/1`, { kpiValues: [{ kpiId: 'trips', value: 312 }], narrative: { ko: '1분기' } })).statusCode, 200);
      const incident = await send(company, 'POST', `/api/projects/${projectId}/incidents`, {
        severity: 'minor', occurredAt: '2026-11-20T11:00:00+09:00', place: { ko: '신항 3부두' }, lon: 128.83, lat: 35.08, description: { ko: '경미한 접촉, "부상자 없음"' }, immediateActions: { ko: '운행 중지' },
      });
      assert.equal(incident.statusCode, 201, incident.body);
    });
    after(async () => t.close());

    const send = (s: Session, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: method as 'GET', url, headers: { ...asSession(s), 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });

    test('exemption ids are real references', async () => {
      const res = await send(company, 'GET', `/api/projects/${projectId}`);
      assert.deepEqual(res.json().exemptionIds, [exemptionId]);
      const links = await t.db.selectFrom('demonstration_project_exemption').selectAll().where('project_id', '=', projectId).execute();
      assert.deepEqual(links.map((l) => l.exemption_id), [exemptionId]);
      await assert.rejects(t.db.insertInto('demonstration_project_exemption').values({ project_id: projectId, exemption_id: randomUUID(), position: 9 }).execute());
    });

    test('the compliance report checks the exemption\'s conditions per exemption', async () => {
      const res = await send(busan, 'GET', `/api/projects/${projectId}/compliance`);
      assert.equal(res.statusCode, 200, res.body);
      const [e] = res.json().exemptions;
      assert.equal(e.exemptionId, exemptionId);
      assert.deepEqual(e.rules.map((r: { id: string }) => r.id.slice(exemptionId.length + 1)), ['area', 'period', 'quantity-1', 'insurance', 'fields']);
      assert.deepEqual(e.notCheckable, [{ condition: 'quantity', index: 1, unit: '대' }]);
      const v = Object.fromEntries(e.report.rules.map((r: { id: string; violations: number }) => [r.id.slice(exemptionId.length + 1), r.violations]));
      assert.deepEqual(v, { area: 1, period: 1, 'quantity-1': 1, insurance: 0, fields: 0 });
      assert.equal(e.report.violatingEvents, 3);
      assert.equal(res.json().report.violatingEvents, 0, 'the project\'s own 40 km/h rule is met');
    });

    test('the CSV holds the record under each exemption', async () => {
      const res = await send(busan, 'GET', `/api/projects/${projectId}/evidence-pack.csv`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      const rows = parseCsv(res.body);
      assert.deepEqual(rows[0], ['section', 'exemption_id', 'date', 'item', 'value', 'target', 'unit', 'detail']);
      const of = (section: string, exemption?: string) => rows.filter((r) => r[0] === section && (exemption === undefined || r[1] === exemption));
      assert.equal(of('project').length, 1);
      assert.equal(of('project')[0]![3], TITLE);
      assert.deepEqual(of('exemption').map((r) => r[1]), [exemptionId]);
      assert.equal(of('not_checkable').length, 1);
      assert.deepEqual(of('events_total').map((r) => [r[1], r[4], r[7]]), [[exemptionId, '4', 'violating 3'], ['', '4', 'violating 0']]);
      assert.deepEqual(of('events', exemptionId).map((r) => [r[2], r[3], r[4]]), [
        ['2026-11-20', 'events checked', '3'], ['2026-11-20', 'violating events', '2'], ['2026-11-21', 'events checked', '1'], ['2026-11-21', 'violating events', '1'],
      ]);
      assert.equal(of('violations', exemptionId).length, 5);
      assert.deepEqual(of('violations', '').map((r) => [r[3], r[4]]), [['speed-40', '0'], ['decree-60-insurance', '0']]);
      assert.deepEqual(of('incident').map((r) => [r[2], r[3], r[7]]), [['2026-11-20 11:00', 'minor', '신항 3부두: 경미한 접촉, "부상자 없음" / 운행 중지']]);
      assert.equal(of('report').length, 8, 'eight quarters in 2026–2027');
      assert.deepEqual(of('kpi').map((r) => [r[3], r[4], r[5], r[6]]), [['trips', '312', '1000', 'trips']]);
      assert.deepEqual(of('outcome').map((r) => [r[3], r[4]]), [['운행 개시', 'done'], ['야간 운행', 'open']]);
    });

    test('the PDF embeds a Korean font and its text (via ToUnicode) holds the project\'s Korean name', async () => {
      const res = await send(company, 'GET', `/api/projects/${projectId}/evidence-pack.pdf`);
      assert.equal(res.statusCode, 200, res.body.slice(0, 200));
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(res.rawPayload.subarray(0, 8).toString('latin1'), '%PDF-1.7');
      assert.ok(res.rawPayload.length < 3_000_000, `subset font keeps the file small (${res.rawPayload.length} bytes)`);
      const { text, embedded } = pdfText(res.rawPayload);
      assert.ok(embedded, 'CFF font embedded');
      assert.ok(text.includes(TITLE), text.slice(0, 300));
      assert.ok(text.includes('항만 수소 트럭 실증특례'));
      assert.ok(text.includes('신항 3부두'));
      assert.doesNotMatch(text, /\uFFFD/);
    });

    test('only who may read the project gets its evidence pack', async () => {
      for (const format of ['pdf', 'csv']) {
        const url = `/api/projects/${projectId}/evidence-pack.${format}`;
        assert.equal((await send(ulsan, 'GET', url)).statusCode, 403);
        assert.equal((await send(expert, 'GET', url)).statusCode, 403);
        assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401);
        assert.equal((await send(company, 'GET', `/api/projects/${randomUUID()}/evidence-pack.${format}`)).statusCode, 404);
      }
    });

    test('a responsible ministry reads the pack of a project whose exemption suspends its regulation (Art. 87), and only that', async () => {
      const motie = await t.login('motie@demo.zonelink.kr');
      const molitOrg = randomUUID();
      await t.db.insertInto('organisation').values({ id: molitOrg, kind: 'responsible_ministry', ministry_code: 'MOLIT', name: JSON.stringify({ ko: '국토교통부 (시험)' }), region_code: null, demo: false }).execute();
      await t.db.insertInto('app_user').values({
        id: randomUUID(), email: 'molit@test.zonelink.kr', display_name: '국토 (시험)', password_hash: await hashPassword(DEMO_PASSWORD), organisation_id: molitOrg, role: 'member', locale: 'ko', demo: false,
      }).execute();
      const molit = await t.login('molit@test.zonelink.kr');
      const packs = async (s: Session) => (await send(s, 'GET', '/api/evidence-packs')).json().items as { projectId: string; pdf: string; csv: string; exemptions: { id: string; title: { ko: string } }[] }[];

      // Before the exemption names a MOTIE regulation, MOTIE is an outsider to the project.
      assert.equal((await send(motie, 'GET', `/api/projects/${projectId}/evidence-pack.pdf`)).statusCode, 403);
      assert.deepEqual(await packs(motie), []);
      const regulation = await insertRegulation(t.db, {
        instrument: 'act', law: { ko: '고압가스 안전관리법 (시험)' }, article: '5', paragraph: null, ministry: 'MOTIE', ministryName: { ko: '산업통상자원부' },
        title: { ko: '수소 운송 (시험)' }, body: { ko: '본문' }, effectiveFrom: '2020-01-01', amendments: [],
      }, { demo: false, source: 'platform' });
      await t.db.insertInto('exemption_regulation').values({ exemption_id: exemptionId, regulation_id: regulation }).execute();

      for (const format of ['pdf', 'csv']) {
        const url = `/api/projects/${projectId}/evidence-pack.${format}`;
        const res = await send(motie, 'GET', url);
        assert.equal(res.statusCode, 200, res.body.slice(0, 300));
        assert.match(String(res.headers['content-type']), format === 'pdf' ? /^application\/pdf/ : /^text\/csv/);
        const other = await send(molit, 'GET', url);
        assert.equal(other.statusCode, 403, 'another ministry is refused like any outsider');
        assert.equal(problemOf(other).code, 'forbidden');
        assert.equal((await send(motie, 'GET', `/api/projects/${randomUUID()}/evidence-pack.${format}`)).statusCode, 404);
      }
      assert.equal((await send(motie, 'GET', `/api/projects/${projectId}`)).statusCode, 403, 'the pack, not the whole project record');
      assert.equal((await send(motie, 'GET', `/api/projects/${projectId}/reports`)).statusCode, 403);

      const listed = await packs(motie);
      assert.deepEqual(listed.map((p) => p.projectId), [projectId]);
      assert.equal(listed[0]!.pdf, `/api/projects/${projectId}/evidence-pack.pdf`);
      assert.deepEqual(listed[0]!.exemptions.map((e) => e.title.ko), ['항만 수소 트럭 실증특례']);
      assert.deepEqual(await packs(molit), []);
      assert.deepEqual(await packs(expert), []);
      assert.deepEqual(await packs(ulsan), []);
      assert.ok((await packs(company)).some((p) => p.projectId === projectId));
      assert.ok((await packs(busan)).some((p) => p.projectId === projectId));
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/evidence-packs' })).statusCode, 401);

      // An incident now reaches MOTIE too (the responsible ministry), not MOLIT.
      const incident = await send(company, 'POST', `/api/projects/${projectId}/incidents`, {
        severity: 'serious', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), place: { ko: '신항 2부두' }, lon: null, lat: null, description: { ko: '밸브 누출' }, immediateActions: { ko: '운행 중지' }, exemptionIds: [exemptionId],
      });
      assert.equal(incident.statusCode, 201, incident.body);
      const told = async (s: Session) => (await t.db.selectFrom('notification').select('link').where('user_id', '=', s.userId).where('object_id', '=', incident.json().id).execute()).map((n) => n.link);
      assert.deepEqual(await told(motie), ['/projects'], 'its list of evidence packs, not the project page it may not read');
      assert.deepEqual(await told(molit), []);
      assert.deepEqual(await told(busan), [`/projects/${projectId}`]);
    });
  });
}
