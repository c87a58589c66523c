// Browser test of rapid confirmation (/rapid-confirmations, Act Art. 85): a company files a request from the
// navigation (an incomplete one first: the server's field errors beside the fields), the zone's local government
// forwards it, the ministry's clock shows the days left, and the ministry's supplement request pauses it; axe on
// the page. Needs the built UI (dist/web) and Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seriousViolations, skip, useBrowserServer } from './harness.ts';
import { addDays } from '../../src/domain/calendar/civil-date.ts';
import { todayInSeoul } from '../../src/server/plans/evaluate.ts';
import { insertRegulation } from '../../src/server/regulations/store.ts';
import { catalogues } from './catalogues.ts';
import { insertZone } from '../support/zones.ts';

const ko = catalogues.ko;
const today = todayInSeoul();

describe('rapid confirmation in the browser', { skip, timeout: 180_000 }, () => {
  const { base, signedIn, pageErrors } = useBrowserServer({
    seed: async (db) => {
      await insertZone(db, { regions: ['21'], name: '신속확인 시험 특구', periodStart: addDays(today, -100), periodEnd: addDays(today, 1000) });
      await insertRegulation(db, {
        instrument: 'notice', law: { ko: '수소 충전소 고시 (시험)' }, article: '7', paragraph: null, ministry: 'MOTIE', ministryName: { ko: '산업통상자원부' },
        title: { ko: '이동식 수소 충전 기준' }, body: { ko: '본문' }, effectiveFrom: '2025-01-01', amendments: [],
      }, { demo: false, source: 'platform' });
    },
  });

  test('a company files, the local government forwards, the ministry pauses its clock with a supplement request', async () => {
    const company = await signedIn('company@demo.zonelink.kr');
    try {
      const { page } = company;
      await page.getByRole('link', { name: ko.rcNav }).first().click();
      await page.getByTestId('rapid-file').waitFor();
      assert.deepEqual(await seriousViolations(page, { atRest: true }), [], 'axe on /rapid-confirmations');
      // No zone, no activity, no regulation: refused, each field says why.
      await page.getByTestId('rapid-file-submit').click();
      await page.locator('#rc-zoneId-error, #rc-activity-ko-error').first().waitFor();
      // Checked in the browser against the contract's schema, before sending: sentences beside the fields, no pointer.
      assert.equal(await page.locator('#rc-activity-ko-error').textContent(), ko.fieldRequired);
      assert.doesNotMatch((await page.getByTestId('form-error-summary').textContent()) ?? '', /\/(zoneId|activity|regulationIds)/);
      await page.selectOption('#rc-zoneId', { label: '신속확인 시험 특구' });
      await page.fill('#rc-activity-ko', '이동식 수소 충전 차량으로 도심 충전');
      await page.fill('#ex-reg-search', '수소 충전');
      await page.getByTestId('regulation-matches').getByRole('button').first().click();
      await page.getByTestId('rapid-file-submit').click();
      await page.getByText(ko.rcFiled).waitFor();
      await page.getByTestId('rapid-list').getByText(ko.rcState_filed).waitFor();
    } finally {
      await company.context.close();
    }

    const busan = await signedIn('busan@demo.zonelink.kr');
    try {
      const { page } = busan;
      await page.goto(`${base()}/rapid-confirmations`);
      const item = page.getByTestId('rapid-list').locator('li.zl-card').first();
      await item.locator(':scope > details > summary').click();
      await item.getByTestId('rapid-forward').locator('button[type=submit]').click();
      await page.getByTestId('rapid-list').getByText(ko.rcState_forwarded).waitFor();
    } finally {
      await busan.context.close();
    }

    const motie = await signedIn('motie@demo.zonelink.kr');
    try {
      const { page } = motie;
      await page.goto(`${base()}/rapid-confirmations`);
      const item = page.getByTestId('rapid-list').locator('li.zl-card').first();
      await item.locator(':scope > details > summary').click();
      assert.match((await item.getByTestId('rapid-days-left').textContent()) ?? '', /^\d+일 남음/);
      await item.getByTestId('rapid-supplement-request').locator('textarea, input').first().fill('충전 차량 안전 인증서를 제출하십시오');
      await item.getByTestId('rapid-supplement-request').locator('button[type=submit]').click();
      // The request stays open after the action: the clock now says it is paused, and the form is gone.
      await page.getByTestId('rapid-paused').waitFor();
      assert.equal(await item.getByTestId('rapid-supplement-request').count(), 0);
      assert.deepEqual(await seriousViolations(page, { atRest: true }), [], 'axe with a request opened');
    } finally {
      await motie.context.close();
    }
    assert.deepEqual(pageErrors, [], 'no page errors');
  });
});
