// Browser test of zone plans (issue 3): Busan drafts a connected plan with Ulsan, both sign off, Busan records
// the consultation and submits; the ministry accepts, refers and designates; the public zones list shows the zone.
// Needs the built UI (dist/web, `npx vite build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible, screenshots, skip, tick, useBrowserServer, type OpenedPage } from './harness.ts';
import { seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { catalogues } from './catalogues.ts';
import { common, consultation, section } from '../support/plans.ts';
import { addRow, fillCommonPart, fillSectionPart, startConnectedPlan } from './plan-forms.ts';
import { guardText } from '../../src/domain/i18n/plan-terms.ts';

const ko = catalogues.ko;

const seoulDay = (offset: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );

describe('zone plans in the browser', { skip, timeout: 300_000 }, () => {
  const { base, browser, signedIn, pageErrors } = useBrowserServer({ seed: seedReferenceRegulations });

  /** Signed in as `email`; the page accepts confirmation dialogs. */
  async function loggedIn(email: string): Promise<OpenedPage> {
    const opened = await signedIn(email);
    opened.page.on('dialog', (dialog) => void dialog.accept());
    return opened;
  }

  /** Waits for a panel's success message (role=status) with this text. */
  async function done(page: Page, text: string): Promise<void> {
    const outcome = page.locator('.zl-alert-success, .zl-alert-error', { hasText: text }).or(page.locator('.zl-alert-error')).first();
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('role'), 'status', `refused: ${await outcome.textContent()}`);
  }

  async function reload(page: Page): Promise<void> {
    await page.reload();
    await page.getByTestId('plan-state').waitFor();
  }

  async function fillSection(page: Page, region: string, municipality: string, tag: string): Promise<void> {
    await fillSectionPart(page, region, section(municipality, tag));
    await page.getByTestId(`plan-section-save-${region}`).click();
    await page.getByTestId(`plan-section-${region}`).locator('.zl-alert-success').waitFor();
  }

  test('two governments draft and sign off a connected plan; the ministry designates it; the zone is public', async () => {
    const c = common('connected');
    const busan = await loggedIn('busan@demo.zonelink.kr');
    const ulsan = await loggedIn('ulsan@demo.zonelink.kr');
    const ministry = await loggedIn('ministry@demo.zonelink.kr');
    try {
      // ---- Busan starts a connected plan.
      const b = busan.page;
      await b.click('nav.zl-nav a[href="/plans"]');
      await b.locator('h1', { hasText: ko.plansTitle }).waitFor();
      await assertAccessible(b, '/plans', { atRest: false });
      await b.getByTestId('plan-new-link').click();
      await b.waitForURL(`${base()}/plans/new`);
      await assertAccessible(b, '/plans/new', { atRest: false });
      const planUrl = await startConnectedPlan(b, c);
      await b.getByTestId('plan-title').waitFor();
      assert.equal(await b.getByTestId('plan-state').textContent(), ko.planStateDrafting);

      // Common part (lead only).
      await fillCommonPart(b, c);
      await b.getByTestId('plan-common-save').click();
      await done(b, ko.planSavedVersion);

      // Invite Ulsan; each government then writes its own section.
      await b.selectOption('#plan-invite', '26');
      await b.getByTestId('plan-invite-submit').click();
      await b.getByTestId('signoff-26').waitFor();
      await fillSection(b, '21', '21120', 'busan');
      // Busan sees Ulsan's section read-only.
      await b.getByTestId('plan-section-view-26').waitFor();
      assert.equal(await b.getByTestId('plan-section-form-26').count(), 0);

      const u = ulsan.page;
      await u.goto(planUrl);
      await u.getByTestId('plan-section-26').waitFor();
      assert.equal(await u.getByTestId('plan-common-save').count(), 0, 'a partner cannot edit the common part');
      await fillSection(u, '26', '26310', 'ulsan');

      // Public notice, inspection, hearing and an opinion with its response.
      await reload(b);
      await b.fill('#pn-noticeOn', consultation.noticeOn);
      await b.fill('#pn-noticeUntil', consultation.noticeUntil);
      await b.fill('#pn-inspectionFrom', consultation.inspectionFrom);
      await b.fill('#pn-inspectionUntil', consultation.inspectionUntil);
      await b.fill('#pn-hearing-announcedOn', consultation.hearing.announcedOn);
      await b.fill('#pn-hearing-heldOn', consultation.hearing.heldOn);
      await tick(b, 'pn-heard');
      const opinion = consultation.opinions[0]!;
      await addRow(b, 'pn-opinions');
      await b.fill('#pn-opinions-0-from', opinion.from);
      await b.fill('#pn-opinions-0-receivedOn', opinion.receivedOn);
      await b.fill('#pn-opinions-0-summary-ko', opinion.summary.ko);
      await b.fill('#pn-opinions-0-response-ko', opinion.response.ko);
      await tick(b, 'pn-opinions-0-reflected');
      await b.getByTestId('plan-consultation-save').click();
      await done(b, ko.planConsultationSaved);

      // Sign-off round 1: Busan signs, then changes the summary — every sign-off is withdrawn, visibly.
      await b.getByTestId('plan-do-request_signoff').click();
      await done(b, ko.planSignOffRequested);
      assert.equal(await b.getByTestId('plan-state').textContent(), ko.planStateSigningOff);
      await b.getByTestId('plan-sign').click();
      await b.getByTestId('signoff-21').getByText(ko.planSignedCurrent).waitFor();
      await b.fill('#pc-summary-ko', `${c.summary.ko} (수정)`);
      await b.getByTestId('plan-common-save').click();
      await b.getByTestId('plan-signoffs-withdrawn').getByText(ko.planSignOffsWithdrawnByChange, { exact: false }).waitFor();
      assert.equal(await b.getByTestId('signoff-21').textContent(), ko.planNotSigned);
      assert.equal(await b.getByTestId('plan-state').textContent(), ko.planStateDrafting);

      // The diff between the first and the latest version names the changed summary.
      await b.selectOption('#plan-diff-from', '1');
      await b.getByTestId('plan-diff-submit').click();
      await b.getByTestId('plan-diff').locator('[data-change="common/-/summary/ko"]').waitFor();

      // Round 2: request again, Busan signs; submitting before Ulsan signs is refused with the guard named.
      await b.getByTestId('plan-do-request_signoff').click();
      await done(b, ko.planSignOffRequested);
      await b.getByTestId('plan-sign').click();
      await b.getByTestId('signoff-21').getByText(ko.planSignedCurrent).waitFor();
      await b.getByTestId('plan-do-submit').click();
      const refusal = b.getByTestId('plan-actions').locator('.zl-alert-error');
      await refusal.waitFor();
      assert.ok(((await refusal.textContent()) ?? '').includes(guardText('ko', 'all-signoffs-match-hash')), 'the refusal names the guard as a sentence, not its id');
      await b.screenshot({ path: `${screenshots}/plan-busan-ko.png`, fullPage: true });
      await assertAccessible(b, '/plans/:id as Busan', { atRest: false });

      await reload(u);
      await u.getByTestId('plan-sign').click();
      await u.getByTestId('signoff-26').getByText(ko.planSignedCurrent).waitFor();

      await reload(b);
      await b.getByTestId('plan-do-submit').click();
      await done(b, ko.planSubmitted);
      assert.equal(await b.getByTestId('plan-state').textContent(), ko.planStateSubmitted);
      await b.getByTestId('plan-clocks').locator('[data-clock=decision]').waitFor();

      // ---- The ministry accepts, refers and designates.
      const m = ministry.page;
      await m.click('nav.zl-nav a[href="/plans"]');
      await m.getByTestId('plans-table').getByText(c.title.ko).click();
      await m.waitForURL(planUrl);
      await m.getByTestId('plan-accept').click();
      await done(m, ko.planAccepted);
      assert.equal(await m.getByTestId('plan-state').textContent(), ko.planStateUnderReview);
      const replyClock = m.getByTestId('plan-clocks').locator('[data-clock=ministry-reply]');
      await replyClock.waitFor();
      assert.match((await replyClock.textContent()) ?? '', /30/);

      // A supplement request pauses both clocks; Busan's answer resumes them.
      await m.fill('#pr-supplement', '안전 대책 세부 자료 보완 (시험)');
      await m.getByTestId('plan-review').getByRole('button', { name: ko.planActionRequestSupplement }).click();
      await done(m, ko.planSupplementRequested);
      assert.equal(await m.getByTestId('plan-state').textContent(), ko.planStateSupplementRequested);
      assert.equal(await m.getByTestId('plan-clocks').getByText(ko.planClockPausedNow).count(), 2);
      await reload(b);
      await b.fill('#pr-answer', '안전 대책 세부 자료 제출 (시험)');
      await b.getByTestId('plan-review').getByRole('button', { name: ko.planActionAnswerSupplement }).click();
      await done(b, ko.planSupplementAnswered);
      await reload(m);
      assert.equal(await m.getByTestId('plan-state').textContent(), ko.planStateUnderReview);
      assert.equal(await m.getByTestId('plan-clocks').getByText(ko.planClockRunning).count(), 2);
      await tick(m, 'pr-replies');
      await m.getByTestId('plan-refer').click();
      await done(m, ko.planReferred);
      assert.equal(await m.getByTestId('plan-state').textContent(), ko.planStateDeliberation);
      await assertAccessible(m, '/plans/:id as the ministry', { atRest: false });

      const zoneName = '부산·울산 수소 해양물류 광역연계 규제자유특구 (시험)';
      await tick(m, 'pd-designate');
      await m.fill('#pd-meeting', seoulDay(0));
      await m.fill('#pd-notice', seoulDay(-14));
      await m.fill('#pd-minutes', '원안 지정 의결 (시험)');
      await m.fill('#pd-start', seoulDay(7));
      await m.fill('#pd-end', '2030-11-30');
      await m.fill('#pd-zone-name', zoneName);
      await m.getByTestId('plan-decide').click();
      await done(m, ko.planDecisionRecorded);
      assert.equal(await m.getByTestId('plan-state').textContent(), ko.planStateDesignated);
      const zoneLink = m.getByTestId('plan-zone-link');
      const href = (await zoneLink.getAttribute('href')) ?? '';
      assert.match(href, /^\/zones\/[0-9a-f-]{36}$/);
      await m.screenshot({ path: `${screenshots}/plan-ministry-ko.png`, fullPage: true });

      // The same page in English.
      await m.getByTestId('language-switcher').click();
      await m.click('button[data-lang="en"]');
      await m.getByTestId('plan-state').getByText(catalogues.en.planStateDesignated).waitFor();
      await m.screenshot({ path: `${screenshots}/plan-ministry-en.png`, fullPage: true });
      await assertAccessible(m, '/plans/:id in English', { atRest: false });

      // ---- The public (no session) finds the zone in the zones list and through the API.
      const publicContext = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const p = await publicContext.newPage();
        const zones = (await (await p.request.get(`${base()}/api/zones`)).json()) as { items: { id: string; name: { ko: string }; source: string }[] };
        const zone = zones.items.find((z) => z.name.ko === zoneName);
        assert.ok(zone, 'the designated zone is listed by GET /api/zones');
        assert.equal(zone.source, 'platform');
        assert.equal(`/zones/${zone.id}`, href);
        await p.goto(`${base()}/zones`);
        await p.getByText(zoneName).first().waitFor();
      } finally {
        await publicContext.close();
      }
      assert.deepEqual(pageErrors, []);
    } finally {
      await busan.context.close();
      await ulsan.context.close();
      await ministry.context.close();
    }
  });
});
