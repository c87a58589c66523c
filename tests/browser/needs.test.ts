// Browser test of regulatory needs (issue 4 item 4): on its project page the lead company sees the supply-chain
// strip of the project's needs (one met by its zone's exemption, one unmet with a precedent from another zone
// linking to the exemption), declares another need with the catalogue picker and sees its precedent appear.
// Needs the built UI (dist/web, `npx vite build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, skip, useBrowserServer } from './harness.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedDemoExemptions, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';
import { catalogues } from './catalogues.ts';

const ko = catalogues.ko;
const PROJECT = randomUUID();

describe('regulatory needs in the browser', { skip, timeout: 180_000 }, () => {
  const { signedIn, pageErrors, base } = useBrowserServer({
    seed: async (db) => {
      await seedReferenceRegulations(db);
      await seedDemoExemptions(db);
      await db.insertInto('demonstration_project').values({
        id: PROJECT, zone_id: zoneAt(7), title: JSON.stringify({ ko: '수소 운송 실증' }), summary: JSON.stringify({ ko: '요약' }), state: 'draft',
        lead_company: demoId('org:company'), partner_companies: [], sites: ['21010'], products: JSON.stringify([{ ko: '튜브 트레일러' }]),
        period_start: '2026-01-01', period_end: '2027-12-31', milestones: '[]', kpis: '[]', safety_plan: JSON.stringify({ ko: '안전' }),
        insurance_required: false, insurance: null, rules: '[]', version: 1, demo: false, created_by: null,
        needs: JSON.stringify([
          { stage: 'logistics', regulation: regulationId({ key: 'hydrogen_tube_trailer' }), note: '튜브 트레일러 운송' },
          { stage: 'rnd', regulation: regulationId({ key: 'lpg_ship_fuel' }), note: null },
        ]),
      }).execute();
    },
  });

  test('the company reads the strip, follows nothing yet, adds a drone need with the picker and sees its precedent', async () => {
    const { context, page } = await signedIn('company@demo.zonelink.kr', 'ko');
    try {
      await page.goto(`${base()}/projects/${PROJECT}`);
      await page.getByTestId('needs-strip').waitFor();
      await page.locator('[data-testid=needs-summary]', { hasText: '2' }).waitFor();
      assert.equal(await page.locator('[data-testid=needs-strip] > li[data-stage=logistics]').getAttribute('data-status'), 'covered');
      assert.equal(await page.locator('[data-testid=needs-strip] > li[data-stage=rnd]').getAttribute('data-status'), 'unmet');
      assert.equal(await page.locator('[data-testid=need-precedents-rnd] a').getAttribute('href'), `/exemptions/${demoId('exemption:busan-lpg-ship')}`);
      await assertAccessible(page, 'project page with needs (ko)');

      await page.getByTestId('needs-editor').locator('summary').click();
      await page.selectOption('#need-stage', 'logistics');
      await page.fill('#ex-reg-search', '드론');
      await page.locator('[data-testid=regulation-matches] button').first().click();
      await page.fill('#need-note', '비가시권 비행');
      await page.getByTestId('need-add').click();
      assert.equal(await page.locator('[data-testid=needs-table] tbody tr').count(), 3);
      await page.getByTestId('needs-save').click();
      await page.getByText(ko.needsSaved).waitFor();
      await page.locator('[data-testid=needs-summary]', { hasText: '3' }).waitFor();
      assert.equal(await page.locator('[data-testid=needs-strip] > li[data-stage=logistics]').getAttribute('data-status'), 'unmet');
      assert.equal(await page.locator('[data-testid=need-precedents-logistics] a').first().getAttribute('href'), `/exemptions/${demoId('exemption:gyeongbuk-drone')}`);
      await assertAccessible(page, 'project page after saving needs (ko)');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
