// Exemptions: create with validity checks (Act Art. 85–90, Decree Art. 60), one extension, the law-amendment
// request and the reform board; refused requests name the rule and change nothing. Both engines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedDemoExemptions, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const INSURANCE = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };
const conditions = (over: Record<string, unknown> = {}) => ({
  text: { ko: '야간에만 비행', en: 'Night flights only' }, scope: { ko: '물류 배송' }, area: { ko: '지정 공역' },
  quantities: [{ item: { ko: '드론', en: 'drones' }, max: 5, unit: 'units' }], time: { ko: '22:00–06:00' },
  safetyMeasures: [{ ko: '낙하산 장착' }], insurance: INSURANCE, ...over,
});
const body = (over: Record<string, unknown> = {}) => ({
  kind: 'demonstration_exemption', title: { ko: '드론 야간 배송 실증', en: 'Night drone delivery' }, zoneId: zoneAt(25), holders: [demoId('org:company')],
  regulationIds: [regulationId({ key: 'drone_bvlos' })], conditions: conditions(), stages: ['logistics'],
  grantedOn: '2025-01-02', validFrom: '2025-01-02', validUntil: '2029-01-01', insuranceProofSubmitted: true, ...over,
});

for (const engine of engines()) {
  describe(`exemptions (${engine})`, () => {
    let t: TestApp;
    let ministry: Session;
    let company: Session;
    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      await seedDemoExemptions(t.db);
      ministry = await t.login('ministry@demo.zonelink.kr');
      company = await t.login('company@demo.zonelink.kr');
    });
    after(async () => t.close());

    const post = (s: Session, url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, headers: { ...asSession(s), 'accept-language': 'en' }, payload: payload as object });

    async function refused(s: Session, url: string, payload: unknown, status: number, mention: RegExp) {
      const before = await snapshot(t.db);
      const res = await post(s, url, payload);
      assert.equal(res.statusCode, status, res.body);
      const problem = problemOf(res);
      assert.match(`${problem.detail} ${JSON.stringify(problem.errors ?? [])} ${JSON.stringify(problem.violations ?? [])}`, mention);
      assert.deepEqual(await snapshot(t.db), before, 'nothing written');
      return problem;
    }

    test('public list with filters, and one exemption with its computed validity', async () => {
      const all = (await t.app.inject({ method: 'GET', url: '/api/exemptions' })).json().items;
      assert.ok(all.length >= 4 && all.every((e: { demo: boolean }) => e.demo));
      const amended = (await t.app.inject({ method: 'GET', url: '/api/exemptions?state=law_amended' })).json().items;
      assert.deepEqual(amended.map((e: { id: string }) => e.id), [demoId('exemption:busan-lpg-ship')]);
      const logistics2025 = (await t.app.inject({ method: 'GET', url: '/api/exemptions?stage=logistics&year=2025' })).json().items;
      assert.deepEqual(logistics2025.map((e: { id: string }) => e.id), [demoId('exemption:gyeongbuk-drone')]);
      const held = (await t.app.inject({ method: 'GET', url: `/api/exemptions?holder=${demoId('org:company')}` })).json().items;
      assert.equal(held.length, 2);
      const one = (await t.app.inject({ method: 'GET', url: `/api/exemptions/${demoId('exemption:ulsan-hydrogen-trailer')}` })).json();
      assert.equal(one.validity.until, '2028-09-01');
      assert.equal(one.validity.rule, 'RFZ Act Art. 86(10)');
      assert.equal(one.validity.extensionApplyBy.nominal, '2028-07-01', 'computed by extensionDeadline (docs/decisions/0004-periods.md)');
      assert.equal(one.regulations[0].ministry, 'MOTIE');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/exemptions/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
    });

    test('MSS records an exemption with structured conditions (audited)', async () => {
      const res = await post(ministry, '/api/exemptions', body());
      assert.equal(res.statusCode, 201, res.body);
      const e = res.json();
      assert.equal(e.state, 'active');
      assert.deepEqual(e.conditions.quantities, [{ item: { ko: '드론', en: 'drones' }, max: 5, unit: 'units' }]);
      assert.equal(e.validity.status, 'valid');
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', e.id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['exemption:create']);
      const granted = await post(ministry, '/api/exemptions', body({ insuranceProofSubmitted: false }));
      assert.equal(granted.json().state, 'granted', 'no insurance proof yet: granted, not active (Decree Art. 60(1))');
    });

    test('bad input names the field and the rule; nothing is written', async () => {
      await refused(ministry, '/api/exemptions', body({ regulationIds: [regulationId({ key: 'drone_bvlos' }), '00000000-0000-4000-8000-000000000001'] }), 400, /regulationIds\/1/);
      await refused(ministry, '/api/exemptions', body({ validUntil: '2029-01-05' }), 400, /\/body\/validUntil.*Art\. 86\(10\).*exceeds-maximum/);
      await refused(ministry, '/api/exemptions', body({ validFrom: '2025-03-01', validUntil: '2025-02-01' }), 400, /end-before-start/);
      await refused(ministry, '/api/exemptions', body({ grantedOn: '2023-01-02', validFrom: '2023-01-02', validUntil: '2026-01-01' }), 400, /exceeds-maximum.*Act No\. 20236/);
      // A Saturday and New Year do not lengthen a grant: 3 years from 2025-01-02 end on 2028-01-01 (Art. 90(11); ADR 0013).
      await refused(ministry, '/api/exemptions', body({ kind: 'temporary_permit', validUntil: '2028-01-03' }), 400, /exceeds-maximum.*"maxUntil":"2028-01-01"/);
      await refused(ministry, '/api/exemptions', body({ conditions: conditions({ insurance: { ...INSURANCE, propertyPerAccident: 500_000_000 } }) }), 400, /conditions\/insurance.*Decree Art\. 60/);
      await refused(ministry, '/api/exemptions', body({ kind: 'rapid_confirmation', conditions: conditions({ insurance: null }) }), 400, /no-validity-period.*Art\. 85/);
      await refused(ministry, '/api/exemptions', body({ zoneId: '00000000-0000-4000-8000-000000000002' }), 400, /zoneId/);
      await refused(ministry, '/api/exemptions', body({ holders: ['00000000-0000-4000-8000-000000000003'] }), 400, /holders\/0/);
      await refused(company, '/api/exemptions', body(), 403, /./);
    });

    test('the zone period caps the term and the extension', async () => {
      const zone = zoneAt(30);
      await t.db.updateTable('zone').set({ period_start: '2023-01-01', period_end: '2027-12-31' }).where('id', '=', zone).execute();
      await refused(ministry, '/api/exemptions', body({ zoneId: zone }), 400, /beyond-zone-period/);
      const created = await post(ministry, '/api/exemptions', body({ zoneId: zone, validUntil: '2026-12-31' }));
      assert.equal(created.statusCode, 201, created.body);
      await refused(ministry, `/api/exemptions/${created.json().id}/extend`, { requestedOn: '2025-06-02', newUntil: '2028-06-30', ground: 'law_not_amended' }, 400, /newUntil.*beyond-zone-period/);
    });

    test('one extension, applied for in time, within the maximum (Act Art. 86(10))', async () => {
      const id = (await post(ministry, '/api/exemptions', body())).json().id;
      const url = `/api/exemptions/${id}/extend`;
      // The longest lawful end is offered: 4 + 2 years from the first term's start, 2025-01-02 → 2031-01-01 (ADR 0013).
      const offered = (await t.app.inject({ method: 'GET', url: `/api/exemptions/${id}` })).json().validity.extensionLatestUntil;
      assert.equal(offered, '2031-01-01');
      await refused(ministry, url, { requestedOn: '2025-06-02', newUntil: '2031-01-05', ground: 'law_not_amended' }, 400, /newUntil.*exceeds-maximum.*"maxUntil":"2031-01-01"/);
      await refused(ministry, url, { requestedOn: '2025-06-02', newUntil: '2028-12-01', ground: 'law_not_amended' }, 400, /newUntil.*end-before-start/);
      await refused(company, url, { requestedOn: '2025-06-02', newUntil: '2031-01-01', ground: 'law_not_amended' }, 403, /./);
      const ok = await post(ministry, url, { requestedOn: '2025-06-02', newUntil: '2031-01-01', ground: 'law_not_amended' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().state, 'extended');
      assert.equal(ok.json().validity.until, '2031-01-01');
      assert.equal(ok.json().validity.extensionApplyBy, null);
      // No second extension, but the law amendment can still be requested by 2 months before the new expiry (Art. 87(9)).
      assert.equal(ok.json().validity.amendmentRequestBy.nominal, '2030-11-01');
      await refused(ministry, url, { requestedOn: '2025-07-01', newUntil: '2031-01-01', ground: 'law_not_amended' }, 409, /second-extension/);
    });

    test('an extension applied for after the 2-month window is refused (409 naming the rule)', async () => {
      const id = (await post(ministry, '/api/exemptions', body({ validUntil: '2025-12-31' }))).json().id;
      await refused(ministry, `/api/exemptions/${id}/extend`, { requestedOn: '2025-11-20', newUntil: '2027-12-31', ground: 'law_not_amended' }, 409, /extension-window-closed.*86\(10\)/);
    });

    test('the holder requests a law amendment: deemed valid while it runs (Art. 87(9)–(10)); others may not', async () => {
      const mine = demoId('exemption:ulsan-hydrogen-trailer');
      const payload = { requestedOn: '2026-01-05', results: { ko: '사고 없이 120회 운송', en: '120 deliveries without incident' }, evidence: ['https://example.kr/report.pdf'] };
      await refused(company, `/api/exemptions/${demoId('exemption:gyeongbuk-drone')}/amendment-request`, payload, 403, /./);
      const res = await post(company, `/api/exemptions/${mine}/amendment-request`, payload);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'amendment_requested');
      assert.equal(res.json().validity.rule, 'RFZ Act Art. 87(10)');
      assert.equal(res.json().validity.resultsReportDue, null, 'the request carries the results (Art. 87(11))');
      await refused(company, `/api/exemptions/${mine}/amendment-request`, payload, 409, /no-such-transition/);
      const late = (await post(ministry, '/api/exemptions', body({ validUntil: '2025-12-31' }))).json().id;
      await refused(ministry, `/api/exemptions/${late}/amendment-request`, { ...payload, requestedOn: '2025-11-20' }, 409, /amendment-window-closed.*87\(9\)/);
    });

    test('the responsible ministry records the amended law: law_amended, days from grant, the provision lists the amendment', async () => {
      const motie = await t.login('motie@demo.zonelink.kr');
      const id = demoId('exemption:ulsan-hydrogen-trailer');
      await refused(company, `/api/exemptions/${id}/law-amended`, { amendedOn: '2026-03-03', act: 'Act No. 1' }, 403, /./);
      await refused(motie, `/api/exemptions/${id}/law-amended`, { amendedOn: '2024-01-01', act: 'Act No. 1' }, 400, /amendedOn.*end-before-start/);
      await refused(motie, `/api/exemptions/${demoId('exemption:gyeongbuk-drone')}/law-amended`, { amendedOn: '2026-03-03', act: 'Act No. 1' }, 409, /no-such-transition.*active/);
      const res = await post(motie, `/api/exemptions/${id}/law-amended`, { amendedOn: '2026-03-03', act: 'Act No. 99999 (test)' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'law_amended');
      assert.equal(res.json().daysToAmendment, 547);
      const reg = (await t.app.inject({ method: 'GET', url: `/api/regulations/${regulationId({ key: 'hydrogen_tube_trailer' })}` })).json();
      assert.deepEqual(reg.amendments.at(-1), { date: '2026-03-03', act: 'Act No. 99999 (test)', note: null });
    });

    test('bundle: stages covered in a zone, gaps, and precedents from other zones for each gap', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/bundles/${zoneAt(25)}` });
      assert.equal(res.statusCode, 200, res.body);
      const b = res.json();
      assert.equal(b.total, 7);
      const logistics = b.stages.find((s: { stage: string }) => s.stage === 'logistics');
      assert.equal(logistics.covered, true);
      assert.deepEqual(logistics.precedents, []);
      const testing = b.stages.find((s: { stage: string }) => s.stage === 'testing_certification');
      assert.equal(testing.covered, false);
      assert.ok(testing.precedents.some((p: { id: string; zone: { id: string } }) => p.id === demoId('exemption:ulsan-hydrogen-trailer') && p.zone.id !== zoneAt(25)));
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/bundles/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
    });

    test('the reform board shows every exemption and the days from grant to amendment', async () => {
      const board = (await t.app.inject({ method: 'GET', url: '/api/reform-board' })).json();
      const lpg = board.items.find((i: { id: string }) => i.id === demoId('exemption:busan-lpg-ship'));
      assert.equal(lpg.state, 'law_amended');
      assert.equal(lpg.daysToAmendment, 1764);
      assert.equal(board.summary.lawAmended, 2);
      assert.equal(board.summary.total, board.items.length);
    });
  });
}
