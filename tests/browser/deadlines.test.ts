// Browser test of the dashboard's exemption deadlines (/me): the holder company, the zone's local government and the
// responsible ministry each see their overdue items — a request window closed while the term runs, a results report
// overdue, an amendment plan overdue — and an expert sees no such panel. Needs the built UI (dist/web) and Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../src/db/database.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { addDays, type CivilDate } from '../../src/domain/calendar/civil-date.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { catalogues } from './catalogues.ts';
import { seriousViolations, skip, useBrowserServer } from './harness.ts';

const ko = catalogues.ko;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()) as CivilDate;
const INSURANCE = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };
const ids: Record<'closing' | 'lapsed' | 'planLate', string> = { closing: '', lapsed: '', planLate: '' };

async function seed(db: Database): Promise<void> {
  await seedReferenceRegulations(db);
  const zone = (await db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').orderBy('zone_id').limit(1).executeTakeFirstOrThrow()).zone_id;
  const make = (title: string, validUntil: string, state = 'active') => insertExemption(db, {
    kind: 'demonstration_exemption', title: { ko: title }, zoneId: zone, holders: [demoId('org:company')], regulationIds: [regulationId({ key: 'hydrogen_tube_trailer' })], stages: [],
    conditions: { text: { ko: '조건' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: INSURANCE },
    grantedOn: '2024-09-02', validFrom: '2024-09-02', validUntil, state: state as 'active', demo: false,
  });
  ids.closing = await make('창 닫힘 특례', addDays(today, 30));
  ids.lapsed = await make('보고 지연 특례', addDays(today, -60), 'expired');
  ids.planLate = await make('계획 지연 특례', addDays(today, 200), 'amendment_requested');
  await db.updateTable('exemption').set({ amendment_requested_on: addDays(today, -120) }).where('id', '=', ids.planLate).execute();
  await db.insertInto('law_amendment').values({
    exemption_id: ids.planLate, requested_on: addDays(today, -120), evidence: '[]', review_reported_on: addDays(today, -90), amendment_needed: true,
    review: JSON.stringify({ ko: '검토' }), plan_submitted_on: null, plan: null, schedule: '[]', progress: '[]', version: 1,
  }).execute();
}

describe('exemption deadlines on the dashboard', { skip, timeout: 240_000 }, () => {
  const { base, signedIn, pageErrors } = useBrowserServer({ seed });

  const rows = async (email: string) => {
    const { context, page } = await signedIn(email);
    try {
      await page.goto(`${base()}/me`);
      const panel = page.getByTestId('exemption-deadlines');
      await panel.locator('.zl-lead').waitFor(); // loaded (with or without items)
      const status = async (kind: string, id: string) => {
        const row = panel.getByTestId(`deadline-${kind}-${id}`);
        return (await row.count()) === 0 ? null : await row.getAttribute('data-status');
      };
      const seen = {
        closed: await status('extension_window', ids.closing),
        report: await status('results_report', ids.lapsed),
        plan: await status('amendment_plan', ids.planLate),
      };
      if (email === 'company@demo.zonelink.kr') {
        assert.deepEqual(await seriousViolations(page, { atRest: true }), [], 'axe on /me with deadlines');
        assert.match((await panel.textContent()) ?? '', new RegExp(ko.dlStatusClosed.split(' — ')[0]!));
      }
      return seen;
    } finally {
      await context.close();
    }
  };

  test('the holder, the zone\'s local government, MSS and the responsible ministry see the overdue items', async () => {
    const all = { closed: 'closed', report: 'overdue', plan: 'overdue' };
    assert.deepEqual(await rows('company@demo.zonelink.kr'), all, 'the holder');
    assert.deepEqual(await rows('busan@demo.zonelink.kr'), all, 'the zone\'s local government');
    assert.deepEqual(await rows('ministry@demo.zonelink.kr'), all, 'MSS');
    assert.deepEqual(await rows('motie@demo.zonelink.kr'), all, 'the responsible ministry');
    assert.deepEqual(await rows('ulsan@demo.zonelink.kr'), { closed: null, report: null, plan: null }, 'another region sees none of them');
  });

  test('an expert has no deadline panel', async () => {
    const { context, page } = await signedIn('expert@demo.zonelink.kr');
    try {
      await page.goto(`${base()}/me`);
      await page.getByTestId('notifications').waitFor();
      assert.equal(await page.getByTestId('exemption-deadlines').count(), 0);
    } finally {
      await context.close();
    }
    assert.deepEqual(pageErrors, []);
  });
});
