import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runPlannerBench } from './planner.ts';

describe('planner benchmark (smoke)', () => {
  it('runs 2 small instances against HiGHS and reports the metrics', { timeout: 20_000 }, async () => {
    const report = await runPlannerBench({ smoke: true });
    assert.equal(report.name, 'planner');
    assert.ok(!Number.isNaN(Date.parse(report.date)));
    assert.match(report.machine, /cores, node \d+/);
    assert.equal(report.instances.length, 2);
    for (const row of report.instances) {
      assert.equal(row.zonelink.status, 'optimal');
      assert.ok(row.zonelink.ms >= 0 && row.highs.ms >= 0);
      assert.equal(row.sameOptimum, true, `${row.id}: ZoneLink ${row.zonelink.objective} vs HiGHS ${row.highs.objective}`);
    }
    const names = report.metrics.map((m) => m.metric);
    assert.ok(names.includes('province_p95_ms'));
    assert.ok(names.includes('same_optimum_count'));
    for (const m of report.metrics) {
      assert.deepEqual(Object.keys(m), ['metric', 'value', 'baseline', 'baseline_value', 'ratio', 'target', 'met']);
    }
    assert.equal(report.metrics.find((m) => m.metric === 'same_optimum_count')?.met, true);
  });
});
