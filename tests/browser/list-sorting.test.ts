// Browser test of a list sorted on the server (issue 12): on /plans the ministry filters by model and clicks the
// "last change" header; the page asks the server for `sort=updated` with the filter (no sorting in the browser), shows
// the rows in the server's order, and after a reload keeps the filter and the order (both in the URL). axe at rest.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { assertAccessible, skip, useBrowserServer } from './harness.ts';
import { DEMO_PLAN_ID, seedDemoPlan } from '../../src/db/seed/demo-plan.ts';
import { seedReferenceRegulations } from '../../src/db/seed/regulations.ts';

// Single-region copies of the demo plan: made newest first A, B, C; changed last C, B, A; lead regions B < A < C.
const PLANS = [
  { name: 'A', lead: '26', createdMinutesAgo: 1, updatedMinutesAgo: 30 },
  { name: 'B', lead: '11', createdMinutesAgo: 2, updatedMinutesAgo: 10 },
  { name: 'C', lead: '37', createdMinutesAgo: 3, updatedMinutesAgo: 1 },
].map((p) => ({ ...p, id: randomUUID() }));
const ids = (names: string) => [...names].map((n) => PLANS.find((p) => p.name === n)!.id);

describe('a list sorted on the server', { skip, timeout: 120_000 }, () => {
  const { base, signedIn, pageErrors } = useBrowserServer({
    seed: async (db) => {
      await seedReferenceRegulations(db);
      await seedDemoPlan(db);
      for (const p of PLANS) {
        await sql`insert into zone_plan select (jsonb_populate_record(z, jsonb_build_object('id', ${p.id}::uuid, 'model', 'single', 'lead_region', ${p.lead}::text,
          'created_at', now() - make_interval(mins => ${p.createdMinutesAgo}), 'updated_at', now() - make_interval(mins => ${p.updatedMinutesAgo})))).*
          from zone_plan z where z.id = ${DEMO_PLAN_ID}`.execute(db);
      }
    },
  });
  after(() => assert.deepEqual(pageErrors, [], 'no page errors'));

  test('the ministry sorts the plans by last change on the server; the filter and the order survive a reload', async () => {
    const { context, page } = await signedIn('ministry@demo.zonelink.kr');
    const asked: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/plans') asked.push(url);
    });
    const rows = async () => page.getByTestId('plans-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-plan')));
    const shows = async (expected: string[]) => {
      await page.waitForFunction((want) => {
        const got = [...document.querySelectorAll('[data-testid="plans-table"] tbody tr')].map((tr) => tr.getAttribute('data-plan'));
        return JSON.stringify(got) === JSON.stringify(want);
      }, expected);
    };
    try {
      await page.goto(`${base()}/plans`);
      await page.getByTestId('plans-table').waitFor();
      await page.locator('#plans-filter-model').selectOption('single');
      await page.waitForURL(/[?&]model=single/);
      await shows(ids('ABC'));

      await page.locator('th button[data-sort="updated"]').click();
      await page.waitForURL(/[?&]sort=updated/);
      await shows(ids('CBA'));
      assert.ok(asked.some((u) => u.searchParams.get('sort') === 'updated' && u.searchParams.get('model') === 'single'), `asked the server: ${asked.join(' ')}`);
      const updatedHeader = page.locator('th', { has: page.locator('button[data-sort="updated"]') });
      assert.equal(await updatedHeader.getAttribute('aria-sort'), 'descending');
      await assertAccessible(page, 'plans sorted by last change');

      asked.length = 0;
      await page.reload();
      await page.getByTestId('plans-table').waitFor();
      await shows(ids('CBA'));
      assert.equal(await page.locator('#plans-filter-model').inputValue(), 'single', 'the filter survives a reload');
      assert.equal(await updatedHeader.getAttribute('aria-sort'), 'descending', 'the order survives a reload');
      assert.ok(asked.every((u) => u.searchParams.get('sort') === 'updated' && u.searchParams.get('model') === 'single'));

      await page.locator('th button[data-sort="region"]').click();
      await shows(ids('BAC'));
      assert.match(page.url(), /sort=region/);
      assert.deepEqual(await rows(), ids('BAC'));
    } finally {
      await context.close();
    }
  });
});
