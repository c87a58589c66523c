import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileRules } from './engine.ts';
import { compileExemptionRules, dailyHours, type ExemptionConditionsInput } from './exemption-rules.ts';
import { DECREE_60_MINIMUM_COVER, validateRules, type AreaGeometry } from './rules.ts';

const area: AreaGeometry = { type: 'Polygon', coordinates: [[[129, 35], [129.2, 35], [129.2, 35.2], [129, 35.2], [129, 35]]] };
const policy = { id: 'P-1', from: '2026-01-01T00:00:00+09:00', to: '2027-01-01T00:00:00+09:00', cover: DECREE_60_MINIMUM_COVER };
const exemption = (over: Partial<ExemptionConditionsInput['conditions']> = {}, rest: Partial<ExemptionConditionsInput> = {}): ExemptionConditionsInput => ({
  id: 'ex-1', kind: 'demonstration_exemption', validFrom: '2026-01-01', validUntil: '2029-12-31',
  conditions: {
    quantities: [
      { item: { ko: '최고 속도' }, max: 30, unit: 'km/h' },
      { item: { ko: '비행 고도' }, max: 150, unit: 'm' },
      { item: { ko: '적재 중량' }, max: 2.5, unit: 't' },
      { item: { ko: '탑승 인원' }, max: 4, unit: '명' },
      { item: { ko: '하루 비행' }, max: 8, unit: '회/일' },
      { item: { ko: '운행 대수' }, max: 10, unit: '대' },
      { item: { ko: '통로 폭' }, max: 3, unit: 'm' },
    ],
    time: { ko: '주간 09:00~18:00에 한함' },
    insurance: null,
    ...over,
  },
  ...rest,
});

test('each structured condition becomes a rule; the rule set validates', () => {
  const { rules, notCheckable } = compileExemptionRules(exemption(), { area, policies: [policy] });
  assert.deepEqual(rules.map((r) => r.id), [
    'ex-1/area', 'ex-1/period', 'ex-1/quantity-1', 'ex-1/quantity-2', 'ex-1/quantity-3', 'ex-1/quantity-4', 'ex-1/quantity-5', 'ex-1/insurance', 'ex-1/fields',
  ]);
  const byId = Object.fromEntries(rules.map((r) => [r.id, r]));
  assert.deepEqual(byId['ex-1/quantity-1'], { id: 'ex-1/quantity-1', kind: 'maximum', label: 'Act Art. 86(4): 최고 속도 ≤ 30 km/h', measure: 'speed', max: 30 });
  assert.equal((byId['ex-1/quantity-2'] as { measure: string }).measure, 'altitude');
  assert.equal((byId['ex-1/quantity-3'] as { max: number }).max, 2500, 'tonnes in kg');
  assert.equal((byId['ex-1/quantity-4'] as { measure: string }).measure, 'people');
  assert.equal(byId['ex-1/quantity-5']!.kind, 'dailyCount');
  assert.deepEqual((byId['ex-1/period'] as { windows: unknown }).windows, [{ days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '18:00' }]);
  assert.deepEqual((byId['ex-1/fields'] as unknown as { fields: string[] }).fields, ['deviceId', 'sessionId', 'lon', 'lat', 'speed', 'altitude', 'load', 'people']);
  assert.deepEqual(notCheckable, [{ condition: 'quantity', index: 5, unit: '대' }, { condition: 'quantity', index: 6, unit: 'm' }]);
  const checked = validateRules(rules);
  assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.errors));
});

test('the compiled rules judge events: outside hours, above a maximum, outside the sites, uninsured', () => {
  const { rules } = compileExemptionRules(exemption({ quantities: [{ item: { ko: '속도' }, max: 30, unit: 'km/h' }] }), { area, policies: [policy] });
  const run = compileRules(rules).start({ examplesPerRule: 5 });
  const at = (iso: string) => Date.parse(iso);
  run.pushRows([
    { ts: at('2026-05-01T10:00:00+09:00'), deviceId: 1, sessionId: 1, lon: 129.1, lat: 35.1, speed: 20 },
    { ts: at('2026-05-01T20:00:00+09:00'), deviceId: 1, sessionId: 1, lon: 129.1, lat: 35.1, speed: 20 },
    { ts: at('2026-05-01T11:00:00+09:00'), deviceId: 1, sessionId: 1, lon: 129.1, lat: 35.1, speed: 45 },
    { ts: at('2026-05-01T12:00:00+09:00'), deviceId: 1, sessionId: 1, lon: 128.5, lat: 35.1, speed: 10 },
    { ts: at('2027-02-01T12:00:00+09:00'), deviceId: 1, sessionId: 1, lon: 129.1, lat: 35.1, speed: 10 },
  ]);
  const report = run.finish();
  const v = Object.fromEntries(report.rules.map((r) => [r.id, r.violations]));
  assert.deepEqual(v, { 'ex-1/area': 1, 'ex-1/period': 1, 'ex-1/quantity-1': 1, 'ex-1/insurance': 1, 'ex-1/fields': 0 });
  assert.equal(report.violatingEvents, 4);
});

test('insurance: cover below the exemption\'s stated cover does not count; exemptions without insurance need none', () => {
  const higher = { ...DECREE_60_MINIMUM_COVER, propertyPerAccident: 2_000_000_000 };
  const strict = compileExemptionRules(exemption({ insurance: higher }), { area: null, policies: [policy] });
  const rule = strict.rules.find((r) => r.kind === 'insurance') as unknown as { policies: unknown[] };
  assert.deepEqual(rule.policies, []);
  assert.deepEqual(strict.notCheckable, [{ condition: 'area' }, { condition: 'quantity', index: 5, unit: '대' }, { condition: 'quantity', index: 6, unit: 'm' }]);
  const rapid = compileExemptionRules(exemption({ quantities: [], time: null }, { kind: 'rapid_confirmation', validFrom: null, validUntil: null }), { area: null, policies: [] });
  assert.deepEqual(rapid.rules, []);
});

test('daily hours are read from the time condition', () => {
  assert.deepEqual(dailyHours('09:00~18:00'), [{ start: '09:00', end: '18:00' }]);
  assert.deepEqual(dailyHours('야간 22:00 - 6:00, 주간 9:30–12:00'), [{ start: '22:00', end: '06:00' }, { start: '09:30', end: '12:00' }]);
  assert.deepEqual(dailyHours('일출부터 일몰까지'), []);
  assert.deepEqual(dailyHours('25:00~26:00 10:00~10:00'), []);
});
