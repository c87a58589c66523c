// Browser test of the holiday calendar (/holidays): an MSS administrator adds a one-off holiday (refused first on a
// Saturday, the rule shown), sees it marked as added next to the gazetted holidays, and removes it; a company sees
// the list without the form. Needs the built UI (dist/web) and Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seriousViolations, skip, useBrowserServer } from './harness.ts';
import { addDays, type CivilDate } from '../../src/domain/calendar/civil-date.ts';
import { createHolidayCalendar } from '../../src/domain/calendar/holidays.ts';
import { catalogues } from './catalogues.ts';

const ko = catalogues.ko;
const calendar = createHolidayCalendar();
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()) as CivilDate;
const next = (from: CivilDate, ok: (d: CivilDate) => boolean): CivilDate => { let d = from; while (!ok(d)) d = addDays(d, 1); return d; };
const holiday = next(addDays(today, 30), (d) => calendar.isBusinessDay(d));
const saturday = next(addDays(today, 30), (d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6);

describe('holiday calendar in the browser', { skip, timeout: 180_000 }, () => {
  const { base, signedIn, pageErrors } = useBrowserServer();

  test('an MSS administrator adds a one-off holiday, sees it marked, and removes it', async () => {
    const { context, page } = await signedIn('ministry@demo.zonelink.kr');
    try {
      await page.goto(`${base()}/holidays`);
      await page.getByTestId('holiday-list').waitFor();
      assert.deepEqual(await seriousViolations(page, { atRest: true }), [], 'axe on /holidays');

      // A Saturday is already a non-business day: refused, the rule shown, nothing added.
      await page.fill('#hd-date', saturday);
      await page.fill('#hd-name-ko', '임시공휴일');
      await page.fill('#hd-basis', '대통령령 제99999호');
      await page.getByTestId('holiday-add').locator('button[type=submit]').click();
      await page.locator('.zl-alert').filter({ hasText: 'already-a-holiday' }).waitFor();

      await page.fill('#hd-date', holiday);
      await page.fill('#hd-name-en', 'Temporary public holiday');
      await page.getByTestId('holiday-add').locator('button[type=submit]').click();
      await page.getByTestId('holiday-notice').getByText(ko.hdAdded.split('{date}')[1]!.split('{count}')[0]!.trim()).waitFor();
      const row = page.getByTestId(`holiday-${holiday}`);
      assert.equal(await row.getAttribute('data-source'), 'added');
      assert.match((await row.textContent()) ?? '', /임시공휴일.*대통령령 제99999호/);

      await page.getByTestId(`holiday-remove-${holiday}`).click();
      await row.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });

  test('a company sees the year\'s holidays, without the form', async () => {
    const { context, page } = await signedIn('company@demo.zonelink.kr');
    try {
      await page.goto(`${base()}/holidays`);
      await page.getByTestId('holiday-list').waitFor();
      await page.getByRole('button', { name: ko.hdPrevYear }).click();
      await page.getByText(ko.hdListCaption.replace('{year}', String(Number(today.slice(0, 4)) - 1))).first().waitFor();
      assert.equal(await page.getByTestId('holiday-add').count(), 0);
      await page.getByText(ko.hdOnlyAdmin).waitFor();
      // A year after the gazetted list: computed by the rules, with Seollal (lunar 1/1 = 2028-01-27), not provisional.
      await page.locator('#hd-year').fill('2028');
      await page.getByTestId('holiday-basis').waitFor();
      await page.getByTestId('holiday-list').getByText('2028').first().waitFor();
      assert.ok((await page.getByTestId('holiday-list').innerText()).includes('설날'));
    } finally {
      await context.close();
    }
    assert.deepEqual(pageErrors, [], 'no page errors');
  });
});
