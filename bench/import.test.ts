// Keeps the import benchmark working: a smoke run on PostgreSQL (small file, no results written); skipped
// without a PostgreSQL server (TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseUrl, runImportBench } from './import.ts';

describe('bench import (smoke)', () => {
  it('imports the same file with zonelink import and psql \\copy, both complete', { skip: databaseUrl() === null ? 'needs TEST_DATABASE_URL' : false, timeout: 240_000 }, async () => {
    const { metrics, extra } = await runImportBench({ smoke: true });
    assert.deepEqual(metrics.map((m) => m.metric), ['rows_per_second', 'peak_rss_mb']);
    for (const m of metrics) assert.ok(Number.isFinite(m.value) && m.value > 0 && m.baseline_value > 0, m.metric);
    assert.equal(extra.rows, 20_000);
  });
});
