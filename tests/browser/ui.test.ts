// Browser tests of the UI in src/web against a real server (fresh embedded database with demo data).
// Needs the built UI (dist/web, `npx vite build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshots, seriousViolations, signIn, skip, useBrowserServer } from './harness.ts';
import { seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { catalogues } from './catalogues.ts';
import { LANGS } from '../../src/web/i18n/index.ts';

describe('browser UI', { skip, timeout: 300_000 }, () => {
  const { base, newPage, pageErrors } = useBrowserServer({ seed: seedReferenceRegulations });

  const login = (page: Page, email: string): Promise<void> => signIn(page, base(), email);

  test('logging in as Busan shows the own page', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, 'busan@demo.zonelink.kr');
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal(await page.getByTestId('me-email').textContent(), 'busan@demo.zonelink.kr');
      assert.ok(((await page.getByTestId('org-name').textContent()) ?? '').length > 0);
      // The header now offers logout and the own page.
      await page.locator('nav.zl-nav a[href="/me"]').waitFor();
    } finally {
      await context.close();
    }
  });

  test('the five languages translate the page, set <html lang> and Accept-Language', async () => {
    const { context, page } = await newPage();
    try {
      const acceptLanguages: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/')) {
          acceptLanguages.push(request.headers()['accept-language'] ?? '');
        }
      });
      await page.goto(`${base()}/regions`);
      for (const lang of [...LANGS.filter((l) => l !== 'ko'), 'ko' as const]) {
        await page.getByTestId('language-switcher').click();
        await page.click(`button[data-lang="${lang}"]`);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        assert.equal(await page.locator('h1').textContent(), catalogues[lang].regionsTitle, `h1 in ${lang}`);
        assert.equal(
          await page.getByTestId('attribution').textContent(),
          catalogues[lang].footerAttribution,
          `attribution in ${lang}`,
        );
        // A new API call carries the language.
        acceptLanguages.length = 0;
        await page.click('nav.zl-nav a[href="/"]');
        await page.locator('h1', { hasText: catalogues[lang].homeTitle }).waitFor();
        await page.click('nav.zl-nav a[href="/regions"]');
        await page.getByTestId('province-table').waitFor();
        assert.ok(acceptLanguages.length > 0, 'an API call was made');
        assert.ok(
          acceptLanguages.every((h) => h === lang),
          `Accept-Language ${acceptLanguages.join(',')} for ${lang}`,
        );
      }
      // The choice persists across reloads.
      await page.getByTestId('language-switcher').click();
      await page.click('button[data-lang="ja"]');
      await page.reload();
      await page.locator('h1', { hasText: catalogues.ja.regionsTitle }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    } finally {
      await context.close();
    }
  });

  test('a logged-in user’s language choice is saved to the account', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, 'expert@demo.zonelink.kr');
      await page.getByTestId('language-switcher').click();
      await page.click('button[data-lang="fr"]');
      await page.locator('h1', { hasText: catalogues.fr.meTitle }).waitFor();
      await page.waitForFunction(async () => {
        const res = await fetch('/api/session', { credentials: 'same-origin' });
        const body = (await res.json()) as { user: { locale: string } };
        return body.user.locale === 'fr';
      });
      await page.getByTestId('language-switcher').click();
      await page.click('button[data-lang="ko"]');
      await page.locator('h1', { hasText: catalogues.ko.meTitle }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('the regions map draws exactly 17 provinces, each a named link', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${base()}/regions`);
      await page.locator('svg.zl-province-map path.province').first().waitFor();
      assert.equal(await page.locator('svg.zl-province-map path.province').count(), 17);
      const labels = await page
        .locator('svg.zl-province-map a.zl-map-link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
      assert.equal(labels.length, 17);
      assert.ok(labels.every((l) => l.length > 3));
      assert.ok(labels.some((l) => l.startsWith('서울특별시') && l.includes(catalogues.ko.statusCapital)));
      assert.equal(await page.locator('[data-testid=province-table] tbody tr').count(), 17);
      // Capital-area provinces use the hatch pattern, not only another colour.
      const capitalFill = await page
        .locator('svg.zl-province-map a[data-code="11"] path')
        .getAttribute('fill');
      assert.match(capitalFill ?? '', /^url\(#/);
      // The map links navigate inside the app.
      await page.click('svg.zl-province-map a[data-code="21"]');
      await page.waitForURL(`${base()}/regions/21`);
      await page.locator('h1', { hasText: '부산광역시' }).waitFor();

        for (const lang of ['ko', 'fr'] as const) {
        await page.goto(`${base()}/regions`);
        await page.evaluate((l) => localStorage.setItem('zonelink.lang', l), lang);
        await page.reload();
        await page.locator('h1', { hasText: catalogues[lang].regionsTitle }).waitFor();
        await page.locator('svg.zl-province-map path.province').first().waitFor();
        await page.getByTestId('province-table').waitFor();
        await page.screenshot({ path: `${screenshots}/regions-${lang}.png`, fullPage: true });
      }
    } finally {
      await context.close();
    }
  });

  test('Busan edits its regional promotion team; Ulsan sees no edit form on Busan', async () => {
    const teamName = `부산 지역추진단 ${Date.now()}`;
    const busan = await newPage();
    try {
      await login(busan.page, 'busan@demo.zonelink.kr');
      await busan.page.goto(`${base()}/regions/21`);
      const field = busan.page.locator('#profile-teamName-ko');
      await field.waitFor();
      await field.fill(teamName);
      await busan.page.fill('#profile-teamName-en', 'Busan promotion team (test)');
      await busan.page.fill('#profile-contactEmail', 'team@busan.example.kr');
      await busan.page.fill('#profile-introduction-ko', '브라우저 테스트로 저장한 소개입니다.');
      await busan.page.getByTestId('profile-save').click();
      await busan.page.locator('.zl-alert-success', { hasText: catalogues.ko.profileSaved }).waitFor();
      assert.equal(await busan.page.getByTestId('profile-team-name').textContent(), teamName);
      await busan.page.reload();
      await busan.page.getByTestId('profile-team-name').waitFor();
      assert.equal(await busan.page.getByTestId('profile-team-name').textContent(), teamName);
      // In English the English team name shows; in Japanese the Korean one with a notice.
      await busan.page.getByTestId('language-switcher').click();
      await busan.page.click('button[data-lang="ja"]');
      await busan.page.locator('[data-testid=profile-team-name]', { hasText: catalogues.ja.shownInKorean }).waitFor();
      await busan.page.getByTestId('language-switcher').click();
      await busan.page.click('button[data-lang="ko"]');
      await busan.page.locator('h1', { hasText: '부산광역시' }).waitFor();
    } finally {
      await busan.context.close();
    }

    const ulsan = await newPage();
    try {
      await login(ulsan.page, 'ulsan@demo.zonelink.kr');
      await ulsan.page.goto(`${base()}/regions/21`);
      await ulsan.page.getByTestId('profile-team-name').waitFor();
      assert.equal(await ulsan.page.getByTestId('profile-team-name').textContent(), teamName);
      assert.equal(await ulsan.page.locator('#profile-teamName-ko').count(), 0);
      assert.equal(await ulsan.page.locator('form.zl-profile-form').count(), 0);
      // Ulsan can edit its own region.
      await ulsan.page.goto(`${base()}/regions/26`);
      await ulsan.page.locator('#profile-teamName-ko').waitFor();
    } finally {
      await ulsan.context.close();
    }
  });

  test('API tokens: create (shown once), list and revoke', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, 'company@demo.zonelink.kr');
      await page.fill('#token-name', 'browser-test');
      await page.click('label[for=token-scope-write]');
      assert.ok(await page.isChecked('#token-scope-write'));
      await page.click('#token-name >> xpath=ancestor::form//button[@type="submit"]');
      const value = await page.locator('#token-value').inputValue({ timeout: 10_000 });
      assert.ok(value.length >= 16, 'token value shown');
      const row = page.locator('[data-testid=tokens] tbody tr', { hasText: 'browser-test' });
      await row.waitFor();
      page.once('dialog', (dialog) => void dialog.accept());
      await row.getByRole('button', { name: catalogues.ko.tokenRevokeLabel.replace('{name}', 'browser-test') }).click();
      await row.locator('.krds-badge', { hasText: '폐기됨' }).waitFor();
      await page.reload();
      await page.getByTestId('tokens').waitFor();
      assert.equal(await page.locator('#token-value').count(), 0, 'the token is not shown again');
    } finally {
      await context.close();
    }
  });

  test('axe-core finds no serious or critical violations on any page', async () => {
    const pages: { path: string; user?: string; ready: string }[] = [
      { path: '/', ready: 'h1' },
      { path: '/login', ready: '#login-email' },
      { path: '/regions', ready: 'svg.zl-province-map path.province' },
      { path: '/regions/21', ready: '[data-testid=municipalities]' },
      { path: '/regions/21010', ready: 'svg.zl-map path' },
      { path: '/regions/11', ready: 'svg.zl-map path' },
      { path: '/nowhere', ready: 'h1' },
      { path: '/regions/21', user: 'busan@demo.zonelink.kr', ready: '#profile-teamName-ko' },
      { path: '/me', user: 'busan@demo.zonelink.kr', ready: '[data-testid=tokens], .zl-section p' },
    ];
    const failures: string[] = [];
    for (const lang of ['ko', 'en'] as const) {
      for (const entry of pages) {
        const { context, page } = await newPage(lang);
        try {
          if (entry.user) await login(page, entry.user);
          await page.goto(`${base()}${entry.path}`);
          await page.locator(entry.ready).first().waitFor();
          await page.waitForLoadState('networkidle');
          assert.equal(await page.locator('h1').count(), 1, `one h1 on ${entry.path}`);
          for (const v of await seriousViolations(page)) failures.push(`[${lang}] ${entry.path}: ${v}`);
          // The open language menu must pass too.
          if (entry.path === '/') {
            await page.getByTestId('language-switcher').click();
            for (const v of await seriousViolations(page)) failures.push(`[${lang}] ${entry.path} (menu): ${v}`);
          }
        } finally {
          await context.close();
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  test('no uncaught errors in the pages', () => {
    assert.deepEqual(pageErrors, []);
  });
});
