// Browser test of exemptions (issue 4): a company finds a drone precedent in another zone in Korean and English;
// an MSS official adds a provision to the catalogue, records an exemption with structured conditions (refused
// first, with the rule named beside the fields), sees its expiry and the request window on the calendar and
// extends it; the holder requests the law amendment, the responsible ministry records the amended law, and the
// public reform board shows the whole road. Needs the built UI (dist/web) and Chromium.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible, screenshots, signIn, skip, tick, useBrowserServer } from './harness.ts';
import { catalogues, text } from './catalogues.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { seedDemoExemptions, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';

const ko = catalogues.ko;
const DRONE = demoId('exemption:gyeongbuk-drone');
const COMPANY = demoId('org:company');

const seoulToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
/** A civil date moved by whole years (same month and day; 29 Feb → 28 Feb). */
function plusYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const dd = m === 2 && d === 29 ? 28 : d;
  return `${y + years}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

describe('exemptions in the browser', { skip, timeout: 300_000 }, () => {
  const { base, newPage, pageErrors } = useBrowserServer({
    seed: async (db) => {
      await seedReferenceRegulations(db);
      await seedDemoExemptions(db);
    },
  });
  let recorded = '';

  after(() => {
    assert.deepEqual(pageErrors, [], 'no page errors');
  });

  async function search(page: Page, q: string): Promise<void> {
    await page.fill('#ex-search-q', q);
    await page.locator('[data-testid=search-form] button[type=submit]').click();
    await page.waitForURL((url) => url.searchParams.get('q') === q);
    await page.getByTestId('search-results').or(page.locator('.zl-alert-error')).first().waitFor();
  }

  test('a company finds a drone precedent from another zone, in Korean, by initial consonants and in English', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, base(), 'company@demo.zonelink.kr');
      await page.click('nav.zl-nav a[href="/search"]');
      await page.locator('h1', { hasText: ko.exSearchTitle }).waitFor();
      await search(page, '드론');
      const hit = page.locator(`[data-testid=search-hit][data-type=exemption]:has(a[href="/exemptions/${DRONE}"])`);
      await hit.waitFor();
      // Another zone than the company's own exemptions (Ulsan hydrogen, Busan ships): the Gyeongbuk logistics zone.
      assert.match((await hit.getByTestId('search-hit-zone').textContent()) ?? '', /스마트 그린물류/);
      assert.ok((await hit.locator('mark').allTextContents()).includes('드론'), 'the query is highlighted');
      await assertAccessible(page, '/search?q=드론');
      await page.screenshot({ path: `${screenshots}/exemptions-search-ko.png`, fullPage: true });

      // 초성 and a filter on the stage.
      await search(page, 'ㄷㄹ');
      await page.locator(`[data-testid=search-hit] a[href="/exemptions/${DRONE}"]`).waitFor();
      await page.selectOption('#ex-f-stage', 'logistics');
      await search(page, '드론');
      assert.equal(new URL(page.url()).searchParams.get('stage'), 'logistics');
      assert.equal(await page.locator('[data-testid=search-hit][data-type=regulation]').count(), 0, 'a stage filter keeps exemptions only');

      await hit.locator('h3 a').click();
      await page.waitForURL(`${base()}/exemptions/${DRONE}`);
      await page.getByTestId('exemption-calendar').waitFor();
    } finally {
      await context.close();
    }

    const en = await newPage('en');
    try {
      await en.page.goto(`${base()}/search?q=drone`);
      const hit = en.page.locator(`[data-testid=search-hit]:has(a[href="/exemptions/${DRONE}"])`);
      await hit.waitFor();
      assert.match((await hit.getByTestId('search-hit-zone').textContent()) ?? '', /Smart green logistics/);
      assert.equal(await en.page.locator('h1').textContent(), catalogues.en.exSearchTitle);
      await assertAccessible(en.page, '/search?q=drone (en)');
      await en.page.screenshot({ path: `${screenshots}/exemptions-search-en.png`, fullPage: true });
    } finally {
      await en.context.close();
    }
  });

  test('an official adds a provision, records an exemption with structured conditions and extends it on the calendar', async () => {
    const { context, page } = await newPage();
    const zone = zoneAt(19);
    const from = seoulToday();
    const until = plusYears(from, 3);
    const extended = plusYears(until, 1);
    try {
      await signIn(page, base(), 'ministry@demo.zonelink.kr');
      await page.goto(`${base()}/zones/${zone}`);
      await page.getByTestId('supply-chain-strip').waitFor();
      await page.getByTestId('zone-exemption-new').click();
      await page.waitForURL(`${base()}/exemptions/new?zone=${zone}`);
      await page.getByTestId('exemption-form').waitFor();
      // Nothing written yet: checked against the contract before sending, each field says why in Korean, no pointer.
      await page.getByTestId('exemption-submit').click();
      await page.locator('#ex-title-ko-error').waitFor();
      assert.equal(await page.locator('#ex-title-ko-error').textContent(), ko.fieldRequired);
      assert.doesNotMatch((await page.getByTestId('form-error-summary').textContent()) ?? '', /\/(title|conditions|regulationIds)/);
      // The zone's option appears once the zones list has loaded.
      await page.locator(`#ex-zoneId option[value="${zone}"]`).waitFor({ state: 'attached' });
      assert.equal(await page.locator('#ex-zoneId').inputValue(), zone, 'the zone comes from the zone page');

      // A provision missing from the catalogue: refused without its article, then added and picked.
      await page.getByTestId('regulation-add-open').click();
      await page.fill('#ex-reg-law-ko', '항공안전법 (테스트)');
      await page.fill('#ex-reg-effectiveFrom', '2020-01-01');
      await page.fill('#ex-reg-ministry', 'MOLIT');
      await page.fill('#ex-reg-ministryName-ko', '국토교통부');
      await page.fill('#ex-reg-title-ko', '야간 드론 비행의 제한 (테스트)');
      await page.fill('#ex-reg-body-ko', '일몰 후 일출 전에는 드론을 비행할 수 없다.');
      await page.getByTestId('regulation-save').click();
      await page.locator('#ex-reg-article-error').waitFor();
      await page.fill('#ex-reg-article', '129');
      await page.getByTestId('regulation-save').click();
      await page.getByTestId('picked-regulations').getByText('야간 드론 비행의 제한 (테스트)').waitFor();

      // And one from the catalogue, found as you type.
      await page.fill('#ex-reg-search', '수소');
      await page.getByTestId('regulation-matches').locator('button').first().click();
      assert.equal(await page.getByTestId('picked-regulations').locator('li').count(), 2);

      await page.fill('#ex-title-ko', '야간 드론 항만 물류 실증 (테스트)');
      await page.locator('[data-pointer="/title"] summary').click();
      await page.fill('#ex-title-en', 'Night drone port logistics (test)');
      await tick(page, `ex-holders-${COMPANY}`);
      await tick(page, 'ex-stages-logistics');
      await page.fill('#ex-conditions-text-ko', '항만 구역 안에서만 야간 비행한다.');
      await page.fill('#ex-conditions-scope-ko', '야간 드론 화물 배송');
      await page.fill('#ex-conditions-area-ko', '부산 북항 지정 구역');
      await page.fill('#ex-conditions-time-ko', '20:00–05:00');
      await page.getByTestId('ex-conditions-quantities').getByTestId('row-add').click();
      await page.fill('#ex-conditions-quantities-0-item-ko', '드론');
      await page.fill('#ex-conditions-quantities-0-max', '5');
      await page.fill('#ex-conditions-quantities-0-unit', '대');
      await page.getByTestId('ex-conditions-safetyMeasures').getByTestId('row-add').click();
      await page.fill('#ex-conditions-safetyMeasures-0-ko', '낙하산 장착');
      await page.fill('#ex-conditions-insurance-deathPerPerson', '1000');
      await page.fill('#ex-validFrom', from);
      await page.fill('#ex-validUntil', plusYears(from, 5));
      await tick(page, 'ex-proof');

      // Refused: over the 4-year maximum and below the insurance minimum; the rules are named beside the fields.
      await page.getByTestId('exemption-submit').click();
      await page.locator('#ex-validUntil-error').waitFor();
      await page.getByTestId('insurance-error').waitFor();
      await page.getByTestId('form-error-summary').waitFor();
      assert.match((await page.locator('#ex-validUntil-error').textContent()) ?? '', /86/);
      assert.match((await page.getByTestId('insurance-error').textContent()) ?? '', /60/);
      await assertAccessible(page, '/exemptions/new with errors');
      await page.screenshot({ path: `${screenshots}/exemptions-new-errors-ko.png`, fullPage: true });

      await page.fill('#ex-conditions-insurance-deathPerPerson', '150000000');
      await page.fill('#ex-validUntil', until);
      await page.getByTestId('exemption-submit').click();
      await page.waitForURL(/\/exemptions\/[0-9a-f-]{36}$/);
      recorded = page.url().split('/').pop()!;

      // The detail page: conditions readable, expiry and request window on the calendar.
      await page.getByTestId('exemption-calendar').waitFor();
      assert.equal(await page.getByTestId('cond-area').textContent(), '부산 북항 지정 구역');
      assert.match((await page.getByTestId('cond-quantities').textContent()) ?? '', /드론.*5 대/);
      assert.match((await page.getByTestId('exemption-regulations').textContent()) ?? '', /제129조/);
      assert.equal(await page.getByTestId('calendar-expiry').getAttribute('data-date'), until);
      const windowCloses = await page.getByTestId('calendar-window').getAttribute('data-date');
      assert.ok(windowCloses && windowCloses < until, 'the request window closes before expiry');
      // The calendar shows the deadline the server checks and the alerts name (docs/decisions/0012-holidays.md).
      const checked = await page.evaluate(async (id) => ((await (await fetch(`/api/exemptions/${id}`)).json()) as { lifecycle: { deadlines: { kind: string; due: string }[] } }).lifecycle.deadlines.find((x) => x.kind === 'extension_window')?.due, recorded);
      assert.equal(windowCloses, checked);
      await page.getByTestId('month-window').waitFor();
      await assertAccessible(page, '/exemptions/:id');
      await page.screenshot({ path: `${screenshots}/exemptions-detail-ko.png`, fullPage: true });
      // The calendar alone, below the sticky header.
      await page.evaluate(() => window.scrollTo(0, document.querySelector('[data-testid=exemption-calendar]')!.getBoundingClientRect().top + window.scrollY - 160));
      await page.screenshot({ path: `${screenshots}/exemptions-calendar-ko.png` });

      // Extend once: the new expiry shows on the calendar; no second extension is offered.
      await page.fill('#ex-extend-until', extended);
      await page.getByTestId('ex-extend').locator('button[type=submit]').click();
      await page.getByTestId('ex-action-done').locator('.zl-alert-success').waitFor();
      await page.locator(`[data-testid=calendar-expiry][data-date="${extended}"]`).waitFor();
      assert.equal(await page.getByTestId('exemption-extensions').textContent(), ko.exExtensionsValue.replace('{used}', '1').replace('{max}', '1'));
      assert.match((await page.locator('#ex-month-expiry').textContent()) ?? '', new RegExp(String(Number(extended.slice(0, 4)))));
      await page.getByTestId('exemption-audit').getByText(ko.exHistExtend).waitFor();
      await page.reload();
      await page.getByTestId('exemption-calendar').waitFor();
      assert.equal(await page.getByTestId('calendar-expiry').getAttribute('data-date'), extended);
      assert.equal(await page.getByTestId('ex-extend').count(), 0, 'only one extension');
      // The law amendment can still be requested: its deadline moved with the new expiry.
      const requestBy = await page.getByTestId('calendar-window').getAttribute('data-date');
      assert.ok(requestBy && requestBy > windowCloses && requestBy < extended, `request deadline ${requestBy}`);
      assert.match((await page.locator('#ex-month-window').textContent()) ?? '', new RegExp(ko.exCalRequestCloses));
    } finally {
      await context.close();
    }
  });

  test('the holder requests the law amendment, the ministry records it, and the reform board shows the road', async () => {
    assert.ok(recorded, 'the previous test recorded an exemption');
    const company = await newPage();
    try {
      await signIn(company.page, base(), 'company@demo.zonelink.kr');
      await company.page.goto(`${base()}/exemptions/${recorded}`);
      const panel = company.page.getByTestId('ex-amendment-request');
      await panel.waitFor();
      await company.page.fill('#ex-request-results', '야간 비행 120회, 사고 없음.');
      await company.page.fill('#ex-request-evidence', 'https://example.org/results.pdf');
      await panel.locator('button[type=submit]').click();
      await company.page.getByTestId('ex-action-done').locator('.zl-alert-success').waitFor();
      await company.page.locator('[data-testid=calendar-requested]').waitFor();
    } finally {
      await company.context.close();
    }

    const motie = await newPage();
    try {
      await signIn(motie.page, base(), 'motie@demo.zonelink.kr');
      await motie.page.goto(`${base()}/exemptions/${recorded}`);
      const panel = motie.page.getByTestId('ex-law-amended');
      await panel.waitFor();
      await motie.page.fill('#ex-amended-act', '항공안전법 일부개정법률 (테스트)');
      await panel.locator('button[type=submit]').click();
      await motie.page.getByTestId('ex-action-done').locator('.zl-alert-success').waitFor();
    } finally {
      await motie.context.close();
    }

    // The public board, signed out, in Korean and in French.
    for (const lang of ['ko', 'fr'] as const) {
      const { context, page } = await newPage(lang);
      try {
        await page.goto(`${base()}/`);
        await page.click('nav.zl-nav a[href="/reform"]');
        await page.getByTestId('reform-table').waitFor();
        const row = page.locator(`[data-testid=reform-row][data-id="${recorded}"]`);
        await row.waitFor();
        assert.equal(await row.locator('.zl-ex-road li.is-done').count(), 3, 'granted, requested, amended');
        assert.equal(await row.getByTestId('reform-days').textContent(), text(lang, 'exDays', { count: 0 }));
        // The demo ship exemption: 2020-08-03 → 2025-06-02.
        const ship = page.locator(`[data-testid=reform-row][data-id="${demoId('exemption:busan-lpg-ship')}"]`);
        assert.equal(await ship.getByTestId('reform-days').textContent(), text(lang, 'exDays', { count: 1764 }));
        await page.selectOption('#rb-stage', 'amended');
        assert.equal(await page.locator('[data-testid=reform-row]').count(), 2);
        await assertAccessible(page, `/reform (${lang})`);
        await page.screenshot({ path: `${screenshots}/exemptions-reform-${lang}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    }
  });

  test('the zone page shows its exemptions and the supply-chain strip with precedents from other zones', async () => {
    const { context, page } = await newPage('ja');
    try {
      await page.goto(`${base()}/zones/${zoneAt(19)}`);
      const strip = page.getByTestId('supply-chain-strip');
      await strip.waitFor();
      assert.equal(await strip.locator('li[data-stage]').count(), 7);
      assert.equal(await strip.locator('li[data-stage=logistics]').getAttribute('data-covered'), 'true');
      // Testing and certification is a gap here; Ulsan's hydrogen exemption covers it elsewhere.
      await page.getByTestId('precedents-testing_certification').locator(`a[href="/exemptions/${demoId('exemption:ulsan-hydrogen-trailer')}"]`).waitFor();
      await page.getByTestId('zone-exemptions').waitFor();
      await assertAccessible(page, '/zones/:id (ja)');
      await page.screenshot({ path: `${screenshots}/exemptions-zone-ja.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });
});
