// Keeps the compliance benchmark working: a smoke run (small data, no results written).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runComplianceBench } from './compliance.ts';

describe('bench compliance (smoke)', () => {
  it('runs both engines on the same events and they agree', { timeout: 20_000 }, async () => {
    const { metrics, extra } = await runComplianceBench({ smoke: true });
    assert.deepEqual(metrics.map((m) => m.metric), ['events_per_second', 'speedup_vs_json_rules_engine']);
    for (const m of metrics) assert.ok(Number.isFinite(m.value) && m.value > 0 && m.baseline_value > 0, m.metric);
    assert.equal((extra.baseline as { identical_violation_counts: boolean }).identical_violation_counts, true);
  });
});
