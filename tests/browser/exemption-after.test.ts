// Browser test of what happens after an exemption's decision (issue 4, DOMAIN.md §3, §11), clicking through the
// real exemption page: a company objects to the conditions of its grant and requests re-deliberation (a notice
// after the request is refused beside the field, in a Korean sentence citing the Decree); an MSS official holds
// the hearing (a notice given too late is refused beside the field) and cancels an exemption; the responsible
// ministry reports its review, records the 60-day amendment plan with a dated schedule and the first stage reached. Each step's date
// shows on the calendar and in the history. Axe at rest on every form; screenshots in Korean and in English.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible, screenshots, skip, tick, useBrowserServer } from './harness.ts';
import { catalogues } from './catalogues.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedDemoExemptions, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';
import type { ExemptionState } from '../../src/domain/exemptions/lifecycle.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import type { Database } from '../../src/db/database.ts';

const ko = catalogues.ko;
const en = catalogues.en;
const COMPANY = demoId('org:company');
const INSURANCE = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };

const seoulToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
/** A civil date moved by whole days. */
function plusDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const today = seoulToday();
const ids: Record<'granted' | 'active' | 'requested', string> = { granted: '', active: '', requested: '' };

async function exemption(db: Database, title: string, state: ExemptionState, over: { grantedOn?: string; amendmentRequestedOn?: string } = {}): Promise<string> {
  const grantedOn = over.grantedOn ?? plusDays(today, -10);
  return insertExemption(db, {
    kind: 'demonstration_exemption', title: { ko: title, en: `${title} (en)` }, zoneId: zoneAt(25), holders: [COMPANY],
    regulationIds: [regulationId({ key: 'drone_bvlos' })], stages: ['logistics'],
    conditions: { text: { ko: '주간 비행만 허용하고 고도는 50 m 이하로 한다.' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: INSURANCE },
    grantedOn, validFrom: grantedOn, validUntil: plusDays(grantedOn, 3 * 365), state, amendmentRequestedOn: over.amendmentRequestedOn ?? null, demo: false,
  });
}

describe('after the decision, in the browser', { skip, timeout: 300_000 }, () => {
  const { base, signedIn, pageErrors } = useBrowserServer({
    seed: async (db) => {
      await seedReferenceRegulations(db);
      await seedDemoExemptions(db);
      ids.granted = await exemption(db, '드론 야간 배송 실증 (조건 이의)', 'granted');
      ids.active = await exemption(db, '드론 항만 점검 실증 (취소 대상)', 'active', { grantedOn: plusDays(today, -400) });
      ids.requested = await exemption(db, '드론 택배 실증 (법령 정비)', 'amendment_requested', { grantedOn: plusDays(today, -900), amendmentRequestedOn: plusDays(today, -30) });
    },
  });
  after(() => {
    assert.deepEqual(pageErrors, [], 'no page errors');
  });

  async function submit(page: Page, panel: string): Promise<void> {
    await page.getByTestId(panel).locator('button[type=submit]').click();
  }
  async function done(page: Page): Promise<void> {
    await page.getByTestId('ex-action-done').locator('.zl-alert-success').waitFor();
  }
  async function view(page: Page, id: string): Promise<void> {
    await page.goto(`${base()}/exemptions/${id}`);
    await page.getByTestId('exemption-calendar').waitFor();
  }

  test('a company objects to the conditions of its grant and requests re-deliberation; MSS records the new conditions', async () => {
    const company = await signedIn('company@demo.zonelink.kr');
    try {
      const { page } = company;
      await view(page, ids.granted);
      const panel = page.getByTestId('ex-redeliberation');
      await panel.waitFor();
      assert.match((await panel.locator('.form-hint').first().textContent()) ?? '', /조건에 이의/);
      assert.equal(await page.getByTestId('ex-hearing').count(), 0, 'a company is not offered the hearing');
      assert.equal(await page.getByTestId('ex-amendment-plan').count(), 0, 'nor the amendment plan');

      // A notice after the request: refused, the sentence beside the field names both days and the Decree.
      await page.fill('#ex-redel-notified', plusDays(today, -1));
      await page.fill('#ex-redel-requested', plusDays(today, -3));
      await page.fill('#ex-redel-grounds', '고도 50 m 제한은 실증 목적에 비해 과도합니다.');
      await submit(page, 'ex-redeliberation');
      const error = page.locator('#ex-redel-requested-error');
      await error.waitFor();
      const sentence = (await error.textContent()) ?? '';
      assert.match(sentence, /^요청일\(.+\)은\(는\) 통지일\(.+\)보다 앞설 수 없습니다\(시행령 제57조의3제2항\)\.$/);
      assert.doesNotMatch(sentence, /end-before-start|=/);
      await assertAccessible(page, 're-deliberation form with an error');

      await page.fill('#ex-redel-notified', plusDays(today, -10));
      await page.fill('#ex-redel-requested', today);
      await submit(page, 'ex-redeliberation');
      await done(page);
      assert.equal(await page.locator('.zl-ex-state').first().getAttribute('data-state'), 'redeliberation');
      // The 60-day deadline on the calendar, its month drawn, and the request in the history.
      const deadline = await page.getByTestId('calendar-redel-deadline').getAttribute('data-date');
      assert.ok(deadline && deadline >= plusDays(today, 50), `deadline ${deadline}`);
      await page.getByTestId('month-event').waitFor();
      await page.getByTestId('exemption-history').getByText(`${ko.xaCalRedelRequested} (${ko.xaObjectedGrant})`).waitFor();
      assert.equal(await page.getByTestId('ex-redeliberation').count(), 0, 'once only');
      await assertAccessible(page, 'exemption under re-deliberation');
      await page.screenshot({ path: `${screenshots}/exemption-redeliberation-ko.png`, fullPage: true });
    } finally {
      await company.context.close();
    }

    const ministry = await signedIn('ministry@demo.zonelink.kr');
    try {
      const { page } = ministry;
      await view(page, ids.granted);
      await page.getByTestId('ex-redeliberation-decision').waitFor();
      await page.fill('#ex-redel-conditions', '주간 비행만 허용하고 고도는 150 m 이하로 한다.');
      await tick(page, 'ex-redel-insurance');
      await submit(page, 'ex-redeliberation-decision');
      await done(page);
      assert.equal(await page.locator('.zl-ex-state').first().getAttribute('data-state'), 'active');
      await page.getByText('고도는 150 m 이하로 한다').first().waitFor();
      await page.getByTestId('calendar-redel-decided').waitFor();
    } finally {
      await ministry.context.close();
    }
  });

  test('an MSS official holds the hearing (10 days\' notice) and cancels an exemption', async () => {
    const { context, page } = await signedIn('ministry@demo.zonelink.kr');
    try {
      await view(page, ids.active);
      await page.getByTestId('ex-hearing').waitFor();
      assert.equal(await page.getByTestId('ex-cancel').count(), 0, 'no cancellation before a hearing');
      await page.selectOption('#ex-hearing-ground', 'harm');
      assert.equal(await page.locator('#ex-hearing-ground option:checked').textContent(), ko.xaGround_harm);
      // Told only 3 days before: refused beside the notice day, naming the last day and Art. 141.
      await page.fill('#ex-hearing-notice', plusDays(today, -5));
      await page.fill('#ex-hearing-held', plusDays(today, -2));
      await page.fill('#ex-hearing-record', '보유자 출석, 추락 사고 경위 진술');
      await submit(page, 'ex-hearing');
      const error = page.locator('#ex-hearing-notice-error');
      await error.waitFor();
      assert.match((await error.textContent()) ?? '', /청문은 10일 전인 .+까지 알려야 합니다\. .+ 통지는 늦었습니다\(지역특구법 제141조, 행정절차법 제21조제2항\)/);
      await assertAccessible(page, 'hearing form with an error');

      await page.fill('#ex-hearing-notice', plusDays(today, -20));
      await submit(page, 'ex-hearing');
      await done(page);
      const cancel = page.getByTestId('ex-cancel');
      await cancel.waitFor();
      assert.match((await cancel.locator('.form-hint').first().textContent()) ?? '', new RegExp(ko.xaGround_harm.replace(/[·]/g, '.')));
      await page.fill('#ex-cancel-reason', '추락 사고로 인한 안전 위해');
      await submit(page, 'ex-cancel');
      await done(page);
      assert.equal(await page.locator('.zl-ex-state').first().getAttribute('data-state'), 'cancelled');
      assert.equal(await page.getByTestId('calendar-cancelled').getAttribute('data-date'), today);
      await page.getByTestId('calendar-hearing').waitFor();
      await page.getByTestId('exemption-history').getByText(`${ko.xaHistHearing} (${ko.xaGround_harm})`).waitFor();
      await page.getByTestId('exemption-audit').getByText(ko.xaCalCancelled).first().waitFor();
      await assertAccessible(page, 'cancelled exemption');
    } finally {
      await context.close();
    }

    // The same page in English: localised ground and dates.
    const english = await signedIn('ministry@demo.zonelink.kr', 'en');
    try {
      // The account's language wins at sign-in: switch (which also saves it as the account's language).
      await english.page.getByTestId('language-switcher').click();
      await english.page.click('button[data-lang="en"]');
      await english.page.waitForFunction(() => document.documentElement.lang === 'en');
      await view(english.page, ids.active);
      await english.page.getByTestId('exemption-history').getByText(`${en.xaHistHearing} (${en.xaGround_harm})`).waitFor();
      await assertAccessible(english.page, 'cancelled exemption (en)');
      await english.page.screenshot({ path: `${screenshots}/exemption-cancelled-en.png`, fullPage: true });
    } finally {
      await english.context.close();
    }
  });

  test('the responsible ministry reports its review and records the 60-day amendment plan', async () => {
    const { context, page } = await signedIn('motie@demo.zonelink.kr');
    try {
      await view(page, ids.requested);
      await page.getByTestId('ex-amendment-review').waitFor();
      assert.equal(await page.getByTestId('ex-amendment-plan').count(), 0, 'no plan before the review');
      await page.fill('#ex-review-on', plusDays(today, -7));
      await tick(page, 'ex-review-needed-yes');
      await page.fill('#ex-review-text', '실증 결과 안전성이 확인되어 항공안전법 시행규칙을 정비한다.');
      await submit(page, 'ex-amendment-review');
      await done(page);
      // The plan is due 60 days after the review: on the calendar with its month.
      const due = await page.getByTestId('calendar-plan-due').getAttribute('data-date');
      assert.ok(due && due >= plusDays(today, 53), `plan due ${due}`);
      const plan = page.getByTestId('ex-amendment-plan');
      await plan.waitFor();
      await assertAccessible(page, 'amendment plan form');
      await page.screenshot({ path: `${screenshots}/exemption-amendment-plan-ko.png`, fullPage: true });

      // Without promulgation: refused beside the schedule.
      await page.fill('#ex-plan-law', '항공안전법 시행규칙');
      await page.fill('#ex-plan-drafting', plusDays(today, 10));
      await submit(page, 'ex-amendment-plan');
      await page.locator('#ex-plan-schedule-error').waitFor();
      assert.match((await page.locator('#ex-plan-schedule-error').textContent()) ?? '', /일정의 공포일/);
      await page.fill('#ex-plan-legislative_notice', plusDays(today, 40));
      await page.fill('#ex-plan-promulgated', plusDays(today, 200));
      await submit(page, 'ex-amendment-plan');
      await done(page);
      await page.getByTestId('calendar-plan-submitted').waitFor();
      assert.equal(await page.getByTestId('calendar-planned-promulgated').getAttribute('data-date'), plusDays(today, 200));
      assert.equal(await page.getByTestId('calendar-plan-due').count(), 0, 'the plan is in');
      // Where the amendment stands: amending, the schedule against the stages reached.
      assert.equal(await page.getByTestId('amendment-status').getAttribute('data-status'), 'amending');
      assert.equal(await page.getByTestId('amendment-stages').locator('tbody tr').count(), 3);
      // Progress is next, from the first stage after the last reached.
      await page.getByTestId('ex-amendment-progress').waitFor();
      await page.getByTestId('exemption-history').getByText(ko.xaCalPlanSubmitted).waitFor();
      await page.selectOption('#ex-progress-stage', 'drafting');
      await page.fill('#ex-progress-on', today);
      await submit(page, 'ex-amendment-progress');
      await done(page);
      await page.getByTestId('calendar-stage-drafting').waitFor();
      assert.match((await page.getByTestId('amendment-stages').locator('tr[data-stage=drafting] td').nth(1).textContent()) ?? '', /\d/);
      assert.equal(await page.locator('#ex-progress-stage option[value=drafting]').count(), 0, 'a stage reached is not offered again');
      await assertAccessible(page, 'amendment plan submitted');
    } finally {
      await context.close();
    }
  });
});
