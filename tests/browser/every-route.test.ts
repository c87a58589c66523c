// Browser test of every route (ROUTE_PATHS) on a phone (390×844) and a laptop (1366×900), with the demo data a
// server starts with and signed in as a role that may see the page: fails on horizontal scrolling of the document,
// an uncaught page error, a console error (a failed request included) or an axe serious/critical violation.
// One server, one browser, one context per role (signed in once) for both screen sizes. Needs the built UI (dist/web) and Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations, signIn, skip, useBrowserServer } from './harness.ts';
import { DEMO_PLAN_ID, seedDemoPlan } from '../../src/db/seed/demo-plan.ts';
import { DEMO_PROJECT_ID, seedDemoDemonstrations } from '../../src/db/seed/demo-demonstrations.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedDemoExemptions, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { ROUTE_PATHS, type RouteName } from '../../src/web/app/route-paths.ts';

type Role = 'public' | 'ministry' | 'busan' | 'company' | 'expert';
const EMAIL: Record<Exclude<Role, 'public'>, string> = {
  ministry: 'ministry@demo.zonelink.kr',
  busan: 'busan@demo.zonelink.kr',
  company: 'company@demo.zonelink.kr',
  expert: 'expert@demo.zonelink.kr',
};

/** Who visits each route: signed out where the public may read it, else a role the page is made for. */
const VISITOR: Record<RouteName, Role> = {
  home: 'public', login: 'public', regions: 'public', region: 'public', zones: 'public', zone: 'public', search: 'public',
  reform: 'public', exemption: 'public', regulation: 'public',
  planner: 'busan', plans: 'busan', planNew: 'busan', plan: 'busan', me: 'busan',
  projects: 'company', projectNew: 'company', project: 'company', rapidConfirmations: 'company', rapidConfirmation: 'company',
  exemptionNew: 'ministry', committees: 'ministry', holidays: 'ministry', organisations: 'ministry',
  expert: 'expert',
};

const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 900 },
] as const;

describe('every route on a phone and a laptop', { skip, timeout: 300_000 }, () => {
  const { base, browser, server } = useBrowserServer({
    seed: async (db) => {
      await seedReferenceRegulations(db);
      await seedDemoPlan(db);
      await seedDemoExemptions(db);
      await seedDemoDemonstrations(db);
    },
  });

  /** The path of each route with demo ids (a rapid confirmation is filed by the demo company first). */
  async function paths(): Promise<Record<RouteName, string>> {
    const { app, login, db } = server();
    // A Busan zone that is still running (a rapid confirmation is filed in a running zone).
    const zone = await db.selectFrom('zone_region').innerJoin('zone', 'zone.id', 'zone_region.zone_id').select('zone_id')
      .where('region_code', '=', '21').where('zone.state', 'in', ['designated', 'evaluated', 'extended']).orderBy('zone_id').executeTakeFirstOrThrow();
    const company = await login(EMAIL.company);
    const filed = await app.inject({
      method: 'POST', url: '/api/rapid-confirmations', headers: { cookie: company.cookie, 'x-csrf-token': company.csrf },
      payload: { zoneId: zone.zone_id, activity: { ko: '항만 수소 트럭 충전' }, regulationIds: [regulationId({ key: 'drone_bvlos' })], ministryId: null },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const withId: Partial<Record<RouteName, string>> = {
      zone: zone.zone_id, plan: DEMO_PLAN_ID, project: DEMO_PROJECT_ID, exemption: demoId('exemption:ulsan-hydrogen-trailer'),
      regulation: regulationId({ key: 'hydrogen_tube_trailer' }), rapidConfirmation: (filed.json() as { id: string }).id,
    };
    const out = {} as Record<RouteName, string>;
    for (const name of Object.keys(ROUTE_PATHS) as RouteName[]) {
      const id = withId[name];
      out[name] = ROUTE_PATHS[name].replace(':code', '26').replace(':id', () => id ?? ':id');
      assert.ok(!out[name].includes(':'), `${name}: a demo id for ${out[name]}`);
    }
    return out;
  }

  test('no horizontal scrolling, page error, console error or serious axe violation', async () => {
    const started = performance.now();
    const routes = await paths();
    const problems: string[] = [];
    // One context per role, signed in once; each screen size in turn.
    const pages = new Map<Role, { context: BrowserContext; page: Page }>();
    const pageOf = async (role: Role): Promise<Page> => {
      let opened = pages.get(role);
      if (!opened) {
        const context = await browser().newContext({ viewport: { width: SCREENS[0].width, height: SCREENS[0].height } });
        const page = await context.newPage();
        if (role !== 'public') await signIn(page, base(), EMAIL[role]);
        opened = { context, page };
        pages.set(role, opened);
      }
      return opened.page;
    };
    try {
      for (const screen of SCREENS) {
        for (const name of Object.keys(ROUTE_PATHS) as RouteName[]) {
          const page = await pageOf(VISITOR[name]);
          await page.setViewportSize({ width: screen.width, height: screen.height });
          problems.push(...(await visit(page, `${base()}${routes[name]}`, `${screen.name} ${name} (${VISITOR[name]})`)));
        }
      }
    } finally {
      for (const { context } of pages.values()) await context.close();
    }
    console.log(`every route at two screen sizes: ${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(problems, []);
  });
});

/** Loads `url`, waits until the page has its heading and nothing says it is loading, and lists what is wrong. */
async function visit(page: Page, url: string, what: string): Promise<string[]> {
  const errors: string[] = [];
  const onPageError = (error: Error) => errors.push(`page error: ${error.message}`);
  const onConsole = (message: { type(): string; text(): string; location(): { url: string } }) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()} ${message.location().url}`);
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  try {
    await page.goto(url);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('.zl-loading')].every((e) => e.textContent?.trim() === ''), undefined, { timeout: 10_000 });
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    if (width.scroll > width.viewport) errors.push(`document is ${width.scroll} px wide in a ${width.viewport} px viewport`);
    errors.push(...(await seriousViolations(page)));
  } catch (error) {
    errors.push(`did not load: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    page.off('pageerror', onPageError);
    page.off('console', onConsole);
  }
  return errors.map((e) => `${what}: ${e}`);
}
