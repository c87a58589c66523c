// Browser test of the review (issue 3 item 5): MSS assigns the demo expert to a plan under review; the expert
// declares no conflict and scores it in its workspace; MSS sees the scores, consults MOTIE, refers the plan and
// records the committee decision — refused with a late meeting notice, accepted after a 7-day notice; the
// committee page lists it as decided.
// Needs the built UI (dist/web, `npx vite build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible, screenshots, skip, tick, useBrowserServer } from './harness.ts';
import { catalogues, text } from './catalogues.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { planFixtures } from '../support/plans.ts';
import { guardText } from '../../src/domain/i18n/plan-terms.ts';

const ko = catalogues.ko;
const seoulDay = (offset: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));

describe('review in the browser', { skip, timeout: 300_000 }, () => {
  const { base, server, signedIn, pageErrors } = useBrowserServer();

  /** Waits for a panel's outcome and fails on a refusal, showing it. */
  async function outcome(page: Page, text: string): Promise<void> {
    const alert = page.locator('.zl-alert-success', { hasText: text }).or(page.locator('.zl-alert-error')).first();
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'status', `refused: ${await alert.textContent()}`);
  }

  test('the expert declares no conflict and scores; the ministry records the committee decision after a 7-day notice', async () => {
    const f = planFixtures(server());
    const plan = await f.plan('under_review');
    await f.call('ministry', 'POST', `/api/plans/${plan.id}/experts`, { expertUserId: demoId('user:expert@demo.zonelink.kr') });

    // The expert: its workspace lists the plan; it declares no conflict, then scores every criterion.
    const { context: ec, page: e } = await signedIn('expert@demo.zonelink.kr');
    await e.getByRole('link', { name: ko.rvNav }).click();
    await e.getByTestId('rv-assignment').waitFor();
    assert.equal(await e.getByTestId('rv-declaration').textContent(), ko.rvDeclNone);
    await e.getByTestId('rv-declare').click();
    await e.getByTestId('rv-declaration').filter({ hasText: ko.rvDeclNoConflict }).waitFor();
    const scores = [7, 8, 6, 5, 7, 6, 8, 5];
    const inputs = e.locator('input[data-criterion]');
    assert.equal(await inputs.count(), 8);
    // A score out of the contract's range is refused beside its field, in the reader's language, before sending.
    await inputs.nth(0).fill('12');
    await e.getByTestId('rv-score').click();
    await e.locator('.form-hint-invalid', { hasText: text('ko', 'formNumberRange', { min: 0, max: 10 }) }).first().waitFor();
    for (let i = 0; i < 8; i++) await inputs.nth(i).fill(String(scores[i]));
    await e.fill(`#rv-comment-${plan.id}`, '혁신성이 높고 안전 대책이 충분함 (시험)');
    await assertAccessible(e, 'the expert workspace');
    await e.screenshot({ path: `${screenshots}/review-expert-ko.png`, fullPage: true });
    await e.getByTestId('rv-score').click();
    await e.locator('.zl-hint', { hasText: ko.rvScoredAt.split('{')[0]!.trim() }).first().waitFor();
    await ec.close();

    // The ministry: the review record shows the sheet; it consults MOTIE, which has 30 days.
    const { context: mc, page: m } = await signedIn('ministry@demo.zonelink.kr');
    await m.goto(`${base()}/plans/${plan.id}`);
    await m.getByTestId('review-record').waitFor();
    assert.equal((await m.getByTestId('review-average-total').textContent())?.trim(), '52');
    await m.getByTestId('review-consult').click();
    await m.getByTestId('review-ministries').waitFor();
    assert.match(await m.getByTestId('review-ministries').innerText(), /30/);
    await assertAccessible(m, 'the plan under review');
    await m.screenshot({ path: `${screenshots}/review-ministry-ko.png`, fullPage: true });

    // MOTIE replies in its own clock, through the API; then the ministry refers the plan.
    await f.call('motie', 'POST', `/api/plans/${plan.id}/opinions`, { position: 'agree', opinion: { ko: '이견 없음 (시험)' }, conditions: null });
    await m.reload();
    await m.getByTestId('plan-refer').click();
    await m.getByTestId('plan-decision-form').waitFor();

    // The committee decision: a notice given 3 days before the meeting is refused, naming the rule.
    await tick(m, 'pd-designate');
    await m.fill('#pd-meeting', seoulDay(0));
    await m.fill('#pd-notice', seoulDay(-3));
    await m.fill('#pd-minutes', '원안 지정 의결 (시험)');
    await m.fill('#pd-start', seoulDay(7));
    await m.fill('#pd-end', '2030-11-30');
    await m.getByTestId('plan-decide').click();
    const refusal = m.locator('.zl-alert-error').first();
    await refusal.waitFor();
    assert.ok((await refusal.innerText()).includes(guardText('ko', 'meeting-notice-given')), 'the refusal names the guard as a sentence');
    // After a notice 8 days before the meeting it is recorded.
    await m.fill('#pd-notice', seoulDay(-8));
    await m.getByTestId('plan-decide').click();
    await outcome(m, ko.planDecisionRecorded);
    await m.getByTestId('plan-zone-link').waitFor();

    // The committee page lists it among the decisions.
    await m.getByRole('link', { name: ko.rvCommitteeNav }).click();
    await m.getByTestId('committee-agenda').waitFor();
    await m.fill('#rv-meeting', '2026-12-15');
    assert.match(await m.getByTestId('committee-notice-latest').innerText(), /2026-12-08/);
    assert.ok(await m.getByRole('link', { name: '부산·울산 수소 해양물류 광역연계 특구 (시험)' }).count() > 0);
    await assertAccessible(m, 'the committee page');
    await m.screenshot({ path: `${screenshots}/review-committees-ko.png`, fullPage: true });
    await mc.close();
    assert.deepEqual(pageErrors, []);
  });
});
