// Keeps the api-reads benchmark working: a smoke run on PostgreSQL (tiny scale, 1 s per run, no results written);
// skipped without a PostgreSQL server (TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runApiReadsBench } from './api-reads.ts';

describe('bench api-reads (smoke)', () => {
  it('loads every route of zonelink serve and of the bare baseline on a filled database', { skip: process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL', timeout: 300_000 }, async () => {
    const { metrics, extra } = await runApiReadsBench({ smoke: true });
    const routes = extra.routes as { route: string; rps: number; bare_rps: number; failures: number }[];
    assert.deepEqual(routes.map((r) => r.route), ['zones', 'zone', 'regions', 'exemptions_page', 'reform_board', 'search_repeated', 'search_distinct', 'plans_page_ministry', 'plans_page_company', 'rapid_confirmations_company']);
    for (const r of routes) assert.equal(r.failures, 0, `${r.route} failed requests`);
    // Cached public reads answer many requests even on a busy machine; every metric is a number.
    for (const r of routes.slice(0, 6)) assert.ok(r.rps > 0 && r.bare_rps > 0, r.route);
    for (const m of metrics) assert.ok(Number.isFinite(m.value) && Number.isFinite(m.baseline_value), m.metric);
    const fill = (extra.fills as { postgres: { counts: Record<string, number> } }).postgres.counts;
    assert.ok(fill.zone_plan! >= 200 && fill.exemption! >= 40 && fill.regulation! >= 2000 && fill.region! >= 250, JSON.stringify(fill));
  });
});
