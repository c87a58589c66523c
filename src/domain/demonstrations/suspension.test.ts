import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRules } from '../compliance/engine.ts';
import { activeExemptions, exemptionIdIssues, suspendedAt, suspensionRule, type SuspensionRecord } from './suspension.ts';

const at = (iso: string) => Date.parse(iso);

describe('exemption suspension', () => {
  it('an incident names exemptions of the project, each once; a serious one names at least one', () => {
    assert.deepEqual(exemptionIdIssues(['a', 'b'], ['a', 'b', 'c'], true), { required: false, items: [] });
    assert.deepEqual(exemptionIdIssues([], ['a'], true), { required: true, items: [] });
    assert.deepEqual(exemptionIdIssues([], ['a'], false), { required: false, items: [] });
    assert.deepEqual(exemptionIdIssues(['a', 'x', 'a'], ['a'], true), { required: false, items: [{ index: 1, keyword: 'unknown' }, { index: 2, keyword: 'duplicate' }] });
  });

  const records: SuspensionRecord[] = [
    { id: 's1', exemptionId: 'a', suspendedAt: at('2026-03-05T03:00:00Z'), liftedAt: at('2026-03-07T00:00:00Z') },
    { id: 's2', exemptionId: 'a', suspendedAt: at('2026-03-10T00:00:00Z'), liftedAt: null },
  ];

  it('suspended from the suspension to the lifting; the other exemptions stay active', () => {
    assert.equal(suspendedAt(records, 'a', at('2026-03-05T02:59:59.999Z')), false);
    assert.equal(suspendedAt(records, 'a', at('2026-03-05T03:00:00Z')), true);
    assert.equal(suspendedAt(records, 'a', at('2026-03-07T00:00:00Z')), false);
    assert.equal(suspendedAt(records, 'a', at('2030-01-01T00:00:00Z')), true);
    assert.equal(suspendedAt(records, 'b', at('2026-03-06T00:00:00Z')), false);
    assert.deepEqual(activeExemptions(['a', 'b'], records, at('2026-03-11T00:00:00Z')), ['b']);
    assert.deepEqual(activeExemptions(['a'], records, at('2026-03-11T00:00:00Z')), []);
    assert.deepEqual(activeExemptions(['a', 'b'], records, at('2026-03-08T00:00:00Z')), ['a', 'b']);
  });

  it('the periods become a suspension rule whose violations are the events at suspended times', () => {
    assert.equal(suspensionRule(records, 'b'), null);
    const rule = suspensionRule(records, 'a')!;
    assert.deepEqual(rule.periods, [{ id: 's1', from: '2026-03-05T03:00:00.000Z', to: '2026-03-07T00:00:00.000Z' }, { id: 's2', from: '2026-03-10T00:00:00.000Z' }]);
    const times = ['2026-03-05T02:00:00Z', '2026-03-05T03:00:00Z', '2026-03-08T00:00:00Z', '2026-03-12T00:00:00Z'].map(at);
    const report = compileRules([rule]).evaluateRows(times.map((ts) => ({ ts })));
    assert.deepEqual(report.rules[0]!.examples.map((e) => e.index), [1, 3]);
    for (const [i, ts] of times.entries()) assert.equal(suspendedAt(records, 'a', ts), [1, 3].includes(i));
  });
});
