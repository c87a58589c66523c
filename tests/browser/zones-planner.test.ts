// Browser tests of the zones pages, the capability inventory, the consortium planner, notifications and
// the demo logins, against a real server (fresh embedded database with demo data and the 42 reference zones).
// Needs the built UI (dist/web, `npx vite build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { PASSWORD, screenshot, screenshots, seriousViolations, signIn, skip, useBrowserServer } from './harness.ts';
import { catalogues } from './catalogues.ts';
import { format, type Lang } from '../../src/web/i18n/index.ts';

interface ZoneItem {
  id: string;
  regions: { code: string }[];
  periodStart: string | null;
}

describe('browser UI: zones, inventory, planner, notifications', { skip, timeout: 300_000 }, () => {
  const { base, newPage, pageErrors, server } = useBrowserServer();

  const login = (page: Page, email: string): Promise<void> => signIn(page, base(), email);

  /** Switches the UI language with the header switcher (saved to the account when signed in). */
  async function switchLanguage(page: Page, lang: Lang): Promise<void> {
    await page.getByTestId('language-switcher').click();
    await page.click(`button[data-lang="${lang}"]`);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  async function zones(): Promise<ZoneItem[]> {
    const res = await fetch(`${base()}/api/zones`);
    return ((await res.json()) as { items: ZoneItem[] }).items;
  }

  /** Fills the planner with the needs of a marine hydrogen logistics demonstration around Busan. */
  async function fillMarineHydrogen(page: Page, portMin = '5'): Promise<void> {
    const rows = page.getByTestId('need-row');
    await rows.nth(0).locator('select').selectOption('hydrogen_refuelling_station');
    await rows.nth(0).locator('input').fill('10');
    if ((await rows.count()) < 2) await page.getByTestId('add-capability').click();
    await rows.nth(1).locator('select').selectOption('port');
    await rows.nth(1).locator('input').fill(portMin);
    for (const id of ['planner-stage-production', 'planner-stage-logistics', 'planner-exemption-ammonia_bunkering']) {
      if (!(await page.isChecked(`#${id}`))) await page.click(`label[for=${id}]`);
    }
    assert.ok(await page.isChecked('#planner-contiguous'), 'contiguity is on by default');
    await page.fill('#planner-max', '4');
  }

  test('the zones page lists the 42 reference zones, filters them and shades the provinces', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${base()}/zones`);
      await page.locator('[data-testid=zone-table] tbody tr').first().waitFor();
      assert.equal(await page.locator('[data-testid=zone-table] tbody tr').count(), 42);
      assert.equal(await page.getByTestId('zone-count').textContent(), format('ko', catalogues.ko.zonesCount, { count: 42 }));
      // The map: 17 provinces, each a link named with its number of zones; counts drawn on it.
      await page.locator('svg.zl-zones-map path.province').first().waitFor();
      assert.equal(await page.locator('svg.zl-zones-map path.province').count(), 17);
      const busanLabel = await page.locator('svg.zl-zones-map a[data-code="21"]').getAttribute('aria-label');
      assert.equal(busanLabel, format('ko', catalogues.ko.zonesMapAreaLabel, { name: '부산광역시', count: 3 }));
      assert.ok((await page.locator('svg.zl-zones-map text.zl-map-marker').count()) >= 10);
      // Filters go through the API and the address.
      await page.selectOption('#zone-filter-round', '1');
      await page.click('[data-testid=zone-filter] button[type=submit]');
      await page.waitForURL(`${base()}/zones?round=1`);
      await page.getByTestId('zone-count').filter({ hasText: format('ko', catalogues.ko.zonesCount, { count: 7 }) }).waitFor();
      assert.equal(await page.locator('[data-testid=zone-table] tbody tr').count(), 7);
      // A province on the map narrows the list to its zones.
      await page.click('svg.zl-zones-map a[data-code="21"]');
      await page.waitForURL(`${base()}/zones?round=1&region=21`);
      await page.getByTestId('zone-count').filter({ hasText: format('ko', catalogues.ko.zonesCount, { count: 1 }) }).waitFor();
      assert.equal(await page.inputValue('#zone-filter-region'), '21');
      await page.click(`text=${catalogues.ko.zonesClearFilters}`);
      await page.waitForURL(`${base()}/zones`);
      await page.getByTestId('zone-count').filter({ hasText: format('ko', catalogues.ko.zonesCount, { count: 42 }) }).waitFor();

      for (const lang of ['ko', 'en', 'fr'] as const) {
        await switchLanguage(page, lang);
        await page.locator('h1', { hasText: catalogues[lang].zonesTitle }).waitFor();
        await page.locator('svg.zl-zones-map path.province').first().waitFor();
        // The reference zones are named in all five languages (ZoneLink's translations): no fallback note.
        if (lang === 'fr') {
          await page.locator('[data-testid=zone-table] tbody tr').first().waitFor();
          assert.equal(await page.locator('.zl-table-note', { hasText: catalogues.fr.zonesShownInEnglish }).count(), 0);
        }
        await screenshot(page, `zones-${lang}`);
      }
      await switchLanguage(page, 'ko');
    } finally {
      await context.close();
    }
  });

  test('a zone page shows its facts and a map highlighting its region, linked to the region page', async () => {
    const busanZones = (await zones()).filter((z) => z.regions.some((r) => r.code === '21'));
    assert.equal(busanZones.length, 3);
    const zone = busanZones[0]!;
    const { context, page } = await newPage();
    try {
      await page.goto(`${base()}/zones/${zone.id}`);
      await page.getByTestId('zone-name').waitFor();
      assert.match((await page.getByTestId('zone-name').textContent()) ?? '', /^부산광역시 .+ 규제자유특구$/);
      assert.equal(await page.locator('h1').count(), 1);
      await page.locator('[data-testid=zone-map] svg path').first().waitFor();
      // Only the zone's region is a link on the map, drawn as selected.
      const links = page.locator('[data-testid=zone-map] svg a.zl-map-link');
      assert.equal(await links.count(), 1);
      assert.equal(await links.first().getAttribute('data-code'), '21');
      assert.equal(await page.locator('[data-testid=zone-map] svg path.zl-area-selected').count(), 1);
      // Reference zones carry their designation period (data/reference/zones.json cites the basis of each date).
      const facts = (await page.getByTestId('zone-facts').textContent()) ?? '';
      assert.ok(zone.periodStart, 'the reference zone has a period');
      assert.ok(facts.includes(zone.periodStart.slice(0, 4)) && !facts.includes(catalogues.ko.zonePeriodUnconfirmed), facts);
      await screenshot(page, 'zone-ko');
      await switchLanguage(page, 'en');
      await page.locator('h1', { hasText: 'Busan' }).waitFor();
      await screenshot(page, 'zone-en');
      await switchLanguage(page, 'ko');
      // The region page lists the zone and links back.
      await page.click('[data-testid=zone-regions] a[href="/regions/21"]');
      await page.waitForURL(`${base()}/regions/21`);
      await page.locator('[data-testid=region-zone-table] tbody tr').first().waitFor();
      assert.equal(await page.locator('[data-testid=region-zone-table] tbody tr').count(), 3);
      assert.equal(await page.locator(`[data-testid=region-zone-table] a[href="/zones/${zone.id}"]`).count(), 1);
    } finally {
      await context.close();
    }
  });

  test('Busan edits its province inventory and imports a CSV; per-line errors; Ulsan cannot edit Busan', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, 'busan@demo.zonelink.kr');
      await page.goto(`${base()}/regions/21`);
      const portRow = page.locator('[data-testid=inventory-asset] tr[data-key=port] td');
      await portRow.waitFor();
      assert.equal(await portRow.textContent(), '23', 'the province shows the sum of its municipalities');
      assert.ok((await page.getByTestId('inventory').textContent())?.includes(catalogues.ko.inventoryDemoNotice));
      await page.getByTestId('inventory-edit-toggle').click();
      const form = page.getByTestId('inventory-form');
      await form.waitFor();
      // The form holds the province's own entries, not the sum: none in the demo data.
      assert.equal(await form.locator('input[data-key=port]').inputValue(), '');
      await form.locator('input[data-key=port]').fill('-3');
      await page.getByTestId('inventory-save').click();
      await form.locator('.form-hint-invalid', { hasText: catalogues.ko.inventoryQuantityInvalid }).waitFor();
      await form.locator('input[data-key=port]').fill('5');
      await form.locator('label', { hasText: '암모니아 벙커링' }).click();
      await page.getByTestId('inventory-save').click();
      await form.locator('.zl-alert-success', { hasText: catalogues.ko.inventorySaved }).waitFor();
      await portRow.filter({ hasText: '28' }).waitFor();
      await page.locator('[data-testid=inventory-exemption] [data-key=ammonia_bunkering]').waitFor();
      await screenshot(page, 'region-inventory-ko');

      // CSV import: errors come back per line and column; nothing changes.
      const input = page.locator('#inventory-csv-file');
      await input.setInputFiles({
        name: 'inventory.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('region_code,kind,key,quantity\n21010,capability,port,x\n21010,capability,teleporter,1\n'),
      });
      await page.getByTestId('inventory-import-submit').click();
      const errors = page.locator('[data-testid=csv-errors] tbody tr');
      await errors.first().waitFor();
      assert.equal(await errors.count(), 2);
      assert.equal(await errors.nth(0).locator('td').first().textContent(), '2');
      assert.equal(await errors.nth(1).locator('td').first().textContent(), '3');
      assert.equal(await errors.nth(1).locator('td').nth(1).textContent(), 'key');
      await switchLanguage(page, 'fr');
      await screenshot(page, 'region-inventory-fr');
      await switchLanguage(page, 'ko');
      await input.setInputFiles({
        name: 'inventory.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('region_code,kind,key,quantity\n21,capability,port,6\n21,stage,rnd,\n'),
      });
      await page.getByTestId('inventory-import-submit').click();
      await page
        .getByTestId('inventory-import')
        .locator('.zl-alert-success', { hasText: format('ko', catalogues.ko.inventoryImported, { rows: 2, regions: '21' }) })
        .waitFor();
      await portRow.filter({ hasText: '29' }).waitFor();
    } finally {
      await context.close();
    }

    const ulsan = await newPage();
    try {
      await login(ulsan.page, 'ulsan@demo.zonelink.kr');
      await ulsan.page.goto(`${base()}/regions/21`);
      await ulsan.page.locator('[data-testid=inventory-asset] tr[data-key=port]').waitFor();
      assert.equal(await ulsan.page.getByTestId('inventory-edit-toggle').count(), 0);
      assert.equal(await ulsan.page.getByTestId('inventory-import').count(), 0);
    } finally {
      await ulsan.context.close();
    }
  });

  test('Busan plans in French: the optimal consortium on the map and in the coverage table, infeasible needs explained, saved', async () => {
    const fr = catalogues.fr;
    const { context, page } = await newPage();
    try {
      await login(page, 'busan@demo.zonelink.kr');
      await page.click('nav.zl-nav a[href="/planner"]');
      await page.getByTestId('planner-form').waitFor();
      await switchLanguage(page, 'fr');
      await page.locator('h1', { hasText: fr.plannerTitle }).waitFor();
      // A local government's own region is included from the start.
      await page.locator('[data-testid=planner-include-chips] [data-code="21"]').waitFor();
      await fillMarineHydrogen(page);
      await page.getByTestId('planner-submit').click();

      await page.getByTestId('coverage-table').waitFor();
      assert.equal(await page.getByTestId('planner-status').getAttribute('data-status'), 'optimal');
      assert.equal(await page.getByTestId('planner-status').textContent(), fr.plannerStatusOptimal);
      // Busan and Ulsan (Ulsan holds the ammonia bunkering exemption), shown on the map as links.
      const map = page.getByTestId('planner-map');
      await map.locator('svg a.zl-map-link').first().waitFor();
      const chosen = await map.locator('svg a.zl-map-link').evaluateAll((links) => links.map((a) => a.getAttribute('data-code')));
      assert.deepEqual(chosen.sort(), ['21', '26']);
      assert.equal(await map.locator('svg path.zl-area-selected').count(), 2);
      const ulsanLabel = await map.locator('svg a[data-code="26"]').getAttribute('aria-label');
      assert.match(ulsanLabel ?? '', /^2\. Ulsan/);
      // The coverage table: one row per need, one column per region.
      const rows = page.locator('[data-testid=coverage-table] tbody tr');
      assert.equal(await rows.count(), 5);
      assert.equal(await page.locator('[data-testid=coverage-table] thead th').count(), 5);
      const ammonia = page.locator('[data-testid=coverage-table] tr[data-need="exemption:ammonia_bunkering"]');
      assert.ok((await ammonia.locator('td[data-code="26"]').textContent())?.includes(fr.plannerCriticalShort));
      assert.ok((await ammonia.locator('td[data-code="21"]').textContent())?.includes(fr.plannerDoesNotCover));
      assert.equal(
        await page.locator('[data-testid=coverage-table] tr[data-need="capability:port"] td[data-code="26"]').textContent(),
        '30',
      );
      // What each region brings, and the optimality figures.
      await page.locator('[data-testid=planner-roles] [data-code="26"]', { hasText: fr.plannerCritical }).waitFor();
      assert.ok((await page.getByTestId('planner-stats').textContent())?.includes(fr.plannerProven));
      await screenshot(page, 'planner-fr');

      // Needs no set of regions can meet: the localised reason sits next to the need.
      await page.getByTestId('need-row').nth(1).locator('input').fill('100000000');
      await page.getByTestId('planner-submit').click();
      const needError = page.getByTestId('need-row').nth(1).getByTestId('need-error');
      await needError.waitFor();
      assert.match((await needError.textContent()) ?? '', /100000000 requis/);
      assert.equal(await page.getByTestId('planner-result').count(), 0);
      await screenshot(page, 'planner-infeasible-fr');

      // Back to a feasible request, then save it as a plan request.
      await page.getByTestId('need-row').nth(1).locator('input').fill('5');
      await page.getByTestId('planner-submit').click();
      await page.getByTestId('coverage-table').waitFor();
      await page.fill('#planner-request-title', 'Logistique hydrogène maritime');
      await page.getByTestId('save-request-submit').click();
      await page
        .getByTestId('save-request')
        .locator('.zl-alert-success', { hasText: format('fr', fr.plannerSaved, { title: 'Logistique hydrogène maritime' }) })
        .waitFor();
      const saved = page.locator('[data-testid=saved-requests-table] tbody tr', { hasText: 'Logistique hydrogène maritime' });
      await saved.waitFor();
      assert.ok((await saved.textContent())?.includes('Ulsan'));
      // Loading it puts the needs back into the form.
      await page.click('[data-testid=planner-form] [data-testid=need-row] button');
      await saved.getByRole('button').click();
      assert.equal(await page.getByTestId('need-row').nth(1).locator('select').inputValue(), 'port');
      await switchLanguage(page, 'ko');
      await page.locator('h1', { hasText: catalogues.ko.plannerTitle }).waitFor();
      await screenshot(page, 'planner-ko');

      // From the answer straight to a connected-zone plan led by Busan, with Ulsan invited.
      await page.getByTestId('planner-submit').click();
      await page.getByTestId('coverage-table').waitFor();
      await page.fill('#planner-request-title', '해양 수소 물류 연계');
      await page.getByTestId('save-request-submit').click();
      await page.getByTestId('start-plan').click();
      await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
      const planId = page.url().split('/').pop()!;
      const plan = await page.evaluate(async (id) => (await fetch(`/api/plans/${id}`)).json(), planId);
      assert.equal(plan.content.model, 'connected');
      assert.equal(plan.content.leadRegion, '21');
      assert.deepEqual(plan.content.partners, ['26']);
    } finally {
      await context.close();
    }
  });

  test('a company may plan but not save plan requests; signed-out users are sent to log in', async () => {
    const anonymous = await newPage();
    try {
      await anonymous.page.goto(`${base()}/planner`);
      await anonymous.page.waitForURL(`${base()}/login?next=%2Fplanner`);
    } finally {
      await anonymous.context.close();
    }
    const { context, page } = await newPage();
    try {
      await login(page, 'company@demo.zonelink.kr');
      await page.goto(`${base()}/planner`);
      await page.getByTestId('planner-form').waitFor();
      assert.equal(await page.locator('[data-testid=planner-include-chips]').count(), 0, 'no own region to include');
      await fillMarineHydrogen(page);
      await page.getByTestId('planner-submit').click();
      await page.getByTestId('coverage-table').waitFor();
      assert.equal(await page.getByTestId('save-request').count(), 0);
      assert.equal(await page.getByTestId('saved-requests').count(), 0);
    } finally {
      await context.close();
    }
  });

  test('the bell counts unread notifications; the inbox on /me marks them as read', async () => {
    await server().message('ulsan@demo.zonelink.kr', '공동 계획 서명 요청', '부산광역시가 서명을 요청했습니다.', '/regions/21');
    await server().message('ulsan@demo.zonelink.kr', '검토 의견', '중소벤처기업부가 의견을 남겼습니다.');
    const { context, page } = await newPage();
    try {
      await login(page, 'ulsan@demo.zonelink.kr');
      const bell = page.getByTestId('notification-bell');
      await page.locator('[data-testid=notification-bell] .zl-bell-count', { hasText: '2' }).waitFor();
      assert.equal(await bell.getAttribute('aria-label'), format('ko', catalogues.ko.notificationsBellUnread, { count: 2 }));
      await page.goto(`${base()}/regions`);
      await bell.click();
      await page.waitForURL(`${base()}/me#notifications`);
      const items = page.getByTestId('notification');
      await items.first().waitFor();
      assert.equal(await items.count(), 2);
      assert.equal(await page.locator('[data-testid=notification][data-read=false]').count(), 2);
      await screenshot(page, 'me-notifications-ko');
      await items.nth(0).getByTestId('notification-mark-read').click();
      await page.locator('[data-testid=notification-bell] .zl-bell-count', { hasText: '1' }).waitFor();
      await items.nth(1).getByTestId('notification-mark-read').click();
      await page.locator('[data-testid=notification-bell] .zl-bell-count').waitFor({ state: 'detached' });
      assert.equal(await bell.getAttribute('aria-label'), catalogues.ko.notificationsBell);
      await page.click('label[for=notifications-unread-only]');
      await page.locator('[data-testid=notifications] p', { hasText: catalogues.ko.notificationsNoneUnread }).waitFor();
      // A notification's link opens inside the app.
      await page.click('label[for=notifications-unread-only]');
      await page.click(`[data-testid=notification] a[href="/regions/21"]`);
      await page.waitForURL(`${base()}/regions/21`);
    } finally {
      await context.close();
    }
  });

  test('the login page offers the demo logins, clearly labelled demo', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${base()}/login`);
      const demo = page.getByTestId('demo-logins');
      await demo.waitFor();
      assert.ok((await demo.textContent())?.includes(catalogues.ko.demoBadge));
      assert.equal(await demo.locator('tbody tr').count(), 6);
      await demo.locator('tbody tr', { hasText: 'expert@demo.zonelink.kr' }).getByRole('button').click();
      assert.equal(await page.inputValue('#login-email'), 'expert@demo.zonelink.kr');
      assert.equal(await page.inputValue('#login-password'), PASSWORD);
      await page.click('form button[type=submit]');
      await page.waitForURL(`${base()}/me`);
      await screenshot(page, 'me-ko');
    } finally {
      await context.close();
    }
    const en = await newPage('en');
    try {
      await en.page.goto(`${base()}/login`);
      await en.page.getByTestId('demo-logins').waitFor();
      await screenshot(en.page, 'login-en');
    } finally {
      await en.context.close();
    }
  });

  test('axe-core finds no serious or critical violations on the new pages', async () => {
    const [zone] = await zones();
    assert.ok(zone);
    const pages: { path: string; user?: string; ready: string; act?: (page: Page) => Promise<void> }[] = [
      { path: '/zones', ready: 'svg.zl-zones-map path.province' },
      { path: '/zones?round=3&region=21', ready: '[data-testid=zone-table] tbody tr' },
      { path: `/zones/${zone.id}`, ready: '[data-testid=zone-map] svg path' },
      { path: '/login', ready: '[data-testid=demo-logins]' },
      { path: '/regions/21', ready: '[data-testid=inventory-asset]' },
      {
        path: '/regions/21',
        user: 'busan@demo.zonelink.kr',
        ready: '[data-testid=inventory-edit-toggle]',
        act: async (page) => {
          await page.getByTestId('inventory-edit-toggle').click();
          await page.getByTestId('inventory-form').waitFor();
        },
      },
      {
        path: '/planner',
        user: 'busan@demo.zonelink.kr',
        ready: '[data-testid=planner-form]',
        act: async (page) => {
          await fillMarineHydrogen(page);
          await page.selectOption('#planner-alternatives', '3');
          await page.getByTestId('planner-submit').click();
          await page.getByTestId('coverage-table').waitFor();
          await page.locator('[data-testid=planner-map] svg path').first().waitFor();
        },
      },
      {
        path: '/planner',
        user: 'busan@demo.zonelink.kr',
        ready: '[data-testid=planner-form]',
        act: async (page) => {
          await fillMarineHydrogen(page, '100000000');
          await page.getByTestId('planner-submit').click();
          await page.getByTestId('need-error').first().waitFor();
        },
      },
      { path: '/me', user: 'ulsan@demo.zonelink.kr', ready: '[data-testid=notifications] .zl-hint, [data-testid=notifications] p' },
    ];
    const failures: string[] = [];
    for (const lang of ['ko', 'en', 'fr'] as const) {
      for (const entry of pages) {
        const { context, page } = await newPage(lang);
        try {
          if (entry.user) {
            await login(page, entry.user);
            if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await switchLanguage(page, lang);
          }
          await page.goto(`${base()}${entry.path}`);
          await page.locator(entry.ready).first().waitFor();
          await entry.act?.(page);
          await page.waitForLoadState('networkidle');
          assert.equal(await page.locator('h1').count(), 1, `one h1 on ${entry.path}`);
          for (const v of await seriousViolations(page, { atRest: true })) failures.push(`[${lang}] ${entry.path}: ${v}`);
          if (entry.user) await switchLanguage(page, 'ko');
        } catch (error) {
          await page.screenshot({ path: `${screenshots}/failed-axe-${lang}-${entry.path.replace(/\W+/g, '_')}.png`, fullPage: true });
          failures.push(`[${lang}] ${entry.path}: ${(error as Error).message.split('\n')[0]}`);
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
