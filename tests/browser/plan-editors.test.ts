// Browser test of the structured plan editors (issue 3, items 1, 2 and 9): Busan and Ulsan each write their own
// section in rows and typed fields, see the other's section read-only, get a field-level error from the API next
// to the field, run into a stale save (412) with the other's changes shown, and read a field-level version diff;
// axe checks and screenshots in Korean and English.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible, screenshots, skip, useBrowserServer } from './harness.ts';
import { seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { catalogues } from './catalogues.ts';
import { common, section } from '../support/plans.ts';
import { addRow, fillCommonPart, fillSectionPart, startConnectedPlan } from './plan-forms.ts';

const ko = catalogues.ko;
const en = catalogues.en;

describe('structured plan editors in the browser', { skip, timeout: 300_000 }, () => {
  const { base, signedIn, pageErrors } = useBrowserServer({ seed: seedReferenceRegulations });

  async function saved(page: Page, part: string): Promise<void> {
    const outcome = page.getByTestId(part).locator('.zl-alert-success, .zl-alert-error, .zl-alert-warning').first();
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('role'), 'status', `refused: ${await outcome.textContent()}`);
    assert.match((await outcome.textContent()) ?? '', new RegExp(ko.planSavedVersion.slice(0, 6)));
  }

  test('two governments edit their own structured sections, read the other read-only, meet a 412 and a field-level diff', async () => {
    const busan = await signedIn('busan@demo.zonelink.kr');
    const ulsan = await signedIn('ulsan@demo.zonelink.kr');
    try {
      const b = busan.page;
      const c = common('connected');
      await b.goto(`${base()}/plans/new`);
      const planUrl = await startConnectedPlan(b, c);

      // The common part: rows and typed fields; the exemption from the regulation catalogue (search as you type).
      await fillCommonPart(b, c);
      // A translation through the disclosure: the KPI's name in English.
      await b.getByTestId('pc-kpis').locator('details.zl-translations summary').first().click();
      await b.fill('#pc-kpis-0-name-en', 'Vessels in demonstration');
      await b.getByTestId('plan-common-save').click();
      await saved(b, 'plan-common');
      assert.notEqual(await b.inputValue('#pc-exemptions-0-provision'), '', 'provision taken from the catalogue');

      await b.selectOption('#plan-invite', '26');
      await b.getByTestId('plan-invite-submit').click();
      await b.getByTestId('signoff-26').waitFor();

      // Busan's own section: a site in one of its municipalities, a company, a project referring to them, budget.
      await fillSectionPart(b, '21', section('21120', 'busan'));
      assert.equal(
        (await b.getByTestId('plan-budget-totals-21-total').textContent())?.replace(/\D/g, ''),
        '4000',
        'budget total under the rows: 3 000 national + 1 000 local',
      );
      await b.getByTestId('plan-section-save-21').click();
      await saved(b, 'plan-section-21');
      // Ulsan's section is read-only for Busan.
      await b.getByTestId('plan-section-view-26').waitFor();
      assert.equal(await b.getByTestId('plan-section-form-26').count(), 0);
      await assertAccessible(b, 'plan workspace as Busan (editors)');
      await b.screenshot({ path: `${screenshots}/plan-editors-busan-ko.png`, fullPage: true });

      // ---- Ulsan: the common part and Busan's section read-only; its own section editable.
      const u = ulsan.page;
      await u.goto(planUrl);
      await u.getByTestId('plan-section-26').waitFor();
      await u.getByTestId('plan-common-view').waitFor();
      assert.equal(await u.getByTestId('plan-common-form').count(), 0, 'a partner cannot edit the common part');
      await u.getByTestId('plan-section-view-21').getByText('busan 부지').first().waitFor();
      assert.equal(await u.getByTestId('plan-section-form-21').count(), 0, 'Ulsan cannot edit Busan’s section');
      await fillSectionPart(u, '26', section('26310', 'ulsan'));
      await u.getByTestId('ps-26-sites').locator('details.zl-translations summary').first().click();
      await u.fill('#ps-26-sites-0-name-en', 'Ulsan port site');
      // A bad business number: the API's message is shown next to the field, and in the summary with a link.
      await u.fill('#ps-26-companies-0-businessNumber', '123');
      await u.getByTestId('plan-section-save-26').click();
      const summary = u.getByTestId('plan-section-26').getByTestId('form-error-summary');
      await summary.waitFor();
      assert.match((await summary.textContent()) ?? '', new RegExp(ko.planEdBusinessNumber));
      assert.equal(await u.getAttribute('#ps-26-companies-0-businessNumber', 'aria-invalid'), 'true');
      await u.locator('#ps-26-companies-0-businessNumber-error').waitFor();
      await assertAccessible(u, 'plan workspace as Ulsan with a field error');
      await u.fill('#ps-26-companies-0-businessNumber', '123-45-67890');
      await u.getByTestId('plan-section-save-26').click();
      await saved(u, 'plan-section-26');

      // ---- Busan has not reloaded: its next save is stale (If-Match → 412) and shows Ulsan's changes.
      await b.fill('#ps-21-sites-0-areaSqm', '130000');
      await b.getByTestId('plan-section-save-21').click();
      const conflict = b.getByTestId('plan-section-conflict-21');
      await conflict.waitFor();
      assert.match((await conflict.textContent()) ?? '', new RegExp(ko.planEdConflictTitle));
      await conflict.locator('[data-change="26/sites/name/ko"]').waitFor();
      await conflict.locator('[data-change="26/companies/businessNumber"]').waitFor();
      await b.screenshot({ path: `${screenshots}/plan-editors-conflict-ko.png`, fullPage: true });
      await assertAccessible(b, 'the stale-save notice');
      // Keep my input, then the save goes through on the latest version; Ulsan's section now shows for Busan.
      await b.getByTestId('plan-section-conflict-21-keep').click();
      assert.equal(await b.inputValue('#ps-21-sites-0-areaSqm'), '130000');
      await b.getByTestId('plan-section-save-21').click();
      await saved(b, 'plan-section-21');
      await b.getByTestId('plan-section-view-26').getByText('ulsan 부지').first().waitFor();

      // ---- The version diff: field by field, with section and government (versions: create, common, invite, 21, 26, 21).
      await b.waitForFunction(() => (document.querySelector('#plan-diff-to') as HTMLSelectElement | null)?.value === '6');
      await b.getByTestId('plan-diff-submit').click();
      const diff = b.getByTestId('plan-diff');
      const row = diff.locator('[data-change="21/sites/areaSqm"]');
      await row.waitFor();
      const cells = await row.locator('td').allTextContents();
      assert.match(cells[0] ?? '', /부산/);
      assert.match(cells[4] ?? '', /120,000/);
      assert.match(cells[5] ?? '', /130,000/);
      assert.equal(await diff.locator('tbody tr').count(), 1, 'only the changed field is listed');
      await b.selectOption('#plan-diff-from', '1');
      await b.getByTestId('plan-diff-submit').click();
      await diff.locator('[data-change="26/budget/amountMillionKrw"]').first().waitFor();
      await assertAccessible(b, 'the version diff');
      await b.screenshot({ path: `${screenshots}/plan-editors-diff-ko.png`, fullPage: true });

      // ---- In English: Ulsan's site in its English translation, Korean-only texts with the visible notice.
      await b.getByTestId('language-switcher').click();
      await b.click('button[data-lang="en"]');
      await b.getByRole('heading', { name: en.planCommonTitle }).waitFor();
      const view26 = b.getByTestId('plan-section-view-26');
      await view26.getByText('Ulsan port site').first().waitFor();
      assert.ok((await view26.getByText(en.shownInKorean).count()) > 0, 'Korean-only texts carry the notice');
      await b.getByTestId('plan-diff-submit').click();
      await b.getByTestId('plan-diff').locator('caption', { hasText: 'Fields changed' }).waitFor();
      await assertAccessible(b, 'plan workspace in English');
      await b.screenshot({ path: `${screenshots}/plan-editors-busan-en.png`, fullPage: true });

      // Rows can be reordered and removed (nothing saved).
      const i = await addRow(b, 'ps-21-budget');
      await b.fill(`#ps-21-budget-${i}-year`, '2029');
      await b.getByTestId('ps-21-budget').locator(`[data-row="${i}"]`).getByRole('button', { name: /Move .* up/ }).click();
      assert.equal(await b.inputValue(`#ps-21-budget-${i - 1}-year`), '2029');
      await b.getByTestId('ps-21-budget').locator(`[data-row="${i - 1}"]`).getByTestId('row-remove').click();
      assert.equal(await b.getByTestId('ps-21-budget').locator('.zl-row').count(), i);
      assert.deepEqual(pageErrors, []);
    } finally {
      await busan.context.close();
      await ulsan.context.close();
    }
  });
});
