// Browser test of the route table: a page that fails to render or whose code cannot be fetched shows a panel in the
// reader's language in that page's place (header and other routes keep working), and only the reader's catalogue
// is downloaded.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, skip, useBrowserServer } from './harness.ts';
import { catalogues } from './catalogues.ts';

const fr = catalogues.fr;
const CATALOGUE_CHUNK = /\/assets\/(ko|en|ja|zh|fr)-[\w-]+\.js$/;

describe('routes', { skip, timeout: 240_000 }, () => {
  const { base, newPage } = useBrowserServer();

  test('a page that throws while rendering shows the route error panel; the header and other routes still work', async () => {
    const { context, page } = await newPage('fr');
    try {
      // The regions list arrives in a shape the page cannot render (a region without its names).
      const broken = /\/api\/regions\?level=province/;
      await page.route(broken, (route) => route.fulfill({ json: { items: [{ code: '26' }] } }));
      await page.goto(`${base()}/regions`);
      const panel = page.getByTestId('route-error');
      await panel.getByRole('heading', { name: fr.routeErrorTitle }).waitFor();
      await panel.getByText(fr.routeErrorText).waitFor();
      assert.equal(await page.title(), `${fr.routeErrorTitle} | ${fr.appName}`);
      await assertAccessible(page, 'route error panel');
      // The rest of the app is there: the navigation leads to another page (which lists regions too), which renders.
      await page.unroute(broken);
      await page.getByRole('navigation', { name: fr.navLabel }).getByRole('link', { name: fr.navZones, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: fr.zonesTitle }).waitFor();
      await page.locator('#zone-filter-region option').nth(2).waitFor({ state: 'attached' });
      assert.equal(await panel.count(), 0, 'the panel belongs to the failed route only');
    } finally {
      await context.close();
    }
  });

  test('a page whose code cannot be fetched shows the same panel, not a blank app', async () => {
    const { context, page } = await newPage('fr');
    try {
      await page.goto(`${base()}/`);
      await page.getByRole('navigation', { name: fr.navLabel }).waitFor();
      await page.route(/\/assets\/Zones-[\w-]+\.js$/, (route) => route.abort());
      await page.getByRole('navigation', { name: fr.navLabel }).getByRole('link', { name: fr.navZones, exact: true }).click();
      await page.getByTestId('route-error').getByRole('heading', { name: fr.routeErrorTitle }).waitFor();
      await page.getByRole('navigation', { name: fr.navLabel }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('each page is its own chunk and only the reader’s catalogue is downloaded', async () => {
    for (const lang of ['ko', 'fr'] as const) {
      const { context, page } = await newPage(lang);
      try {
        const scripts: string[] = [];
        page.on('request', (request) => {
          if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
        });
        await page.goto(`${base()}/regions`);
        await page.getByRole('heading', { level: 1, name: catalogues[lang].regionsTitle }).waitFor();
        const catalogueChunks = scripts.filter((s) => CATALOGUE_CHUNK.test(s)).map((s) => CATALOGUE_CHUNK.exec(s)?.[1]);
        assert.deepEqual(catalogueChunks, [lang], `${lang}: catalogue chunks fetched: ${scripts.join(', ')}`);
        assert.ok(scripts.some((s) => /\/assets\/Regions-/.test(s)), 'the regions page came in its own chunk');
        assert.ok(!scripts.some((s) => /\/assets\/(PlanWorkspace|ProjectPage|ExemptionPage|Planner)-/.test(s)), `no other page's chunk: ${scripts.join(', ')}`);
      } finally {
        await context.close();
      }
    }
  });

  test('on a phone the navigation is a menu behind a button, closed again after a choice', async () => {
    const { context, page } = await newPage('fr');
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base()}/`);
      const nav = page.getByRole('navigation', { name: fr.navLabel });
      const menu = nav.getByRole('button', { name: fr.navMenu });
      const zones = nav.getByRole('link', { name: fr.navZones, exact: true });
      await menu.waitFor();
      assert.equal(await zones.isVisible(), false, 'links hidden until the menu opens');
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      await zones.click();
      await page.getByRole('heading', { level: 1, name: fr.zonesTitle }).waitFor();
      await nav.locator('button[aria-expanded="false"]').waitFor();
      assert.equal(await zones.isVisible(), false);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no horizontal scrolling');
      await assertAccessible(page, 'phone navigation');
      await page.setViewportSize({ width: 1366, height: 900 });
      assert.equal(await menu.isVisible(), false, 'no menu button on a wide screen');
      assert.equal(await zones.isVisible(), true);
    } finally {
      await context.close();
    }
  });
});
