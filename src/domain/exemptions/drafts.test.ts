// Exemption drafts from a designated plan's special cases (issue 14, "From plan to zone"): kind, title, regulation
// and the longest lawful term proposed — RFZ Act Art. 86(10) (demonstration: 4 years within the zone's period),
// Art. 90(11) (temporary permit: 3 years, not capped by the zone), Art. 80(1) (menu: the zone's period), Art. 85
// (rapid confirmation: an answer, no term).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { civilDate } from '../calendar/civil-date.ts';
import { createHolidayCalendar } from '../calendar/holidays.ts';
import { draftsFromPlan, type PlanSpecialCase } from './drafts.ts';

const calendar = createHolidayCalendar();
const zone = { from: civilDate('2027-01-01'), until: civilDate('2030-12-31') };
const base = { law: { ko: '항공안전법', en: 'Aviation Safety Act' }, provision: '제129조', request: { ko: '비가시권 비행 허용', en: 'Allow flights beyond visual line of sight' }, stages: ['demonstration'] };
const cases: PlanSpecialCase[] = [
  { ...base, id: 'sc-1', kind: 'demonstration', regulationId: '6f1c7a3e-0000-4000-8000-000000000001' },
  { ...base, id: 'sc-2', kind: 'temporary_permit' },
  { ...base, id: 'sc-3', kind: 'menu', regulationId: null },
  { ...base, id: 'sc-4', kind: 'rapid_confirmation' },
];

test('each special case becomes one draft of the matching kind, in the plan\'s order, titled by law, provision and request', () => {
  const drafts = draftsFromPlan(cases, civilDate('2026-12-10'), zone, calendar);
  assert.deepEqual(drafts.map((d) => [d.planItem, d.kind]), [
    ['sc-1', 'demonstration_exemption'], ['sc-2', 'temporary_permit'], ['sc-3', 'menu_special_case'], ['sc-4', 'rapid_confirmation'],
  ]);
  assert.deepEqual(drafts[0]!.title, { ko: '항공안전법 제129조 — 비가시권 비행 허용', en: 'Aviation Safety Act 제129조 — Allow flights beyond visual line of sight' });
  assert.deepEqual(drafts[0]!.regulationIds, ['6f1c7a3e-0000-4000-8000-000000000001']);
  assert.deepEqual(drafts[2]!.regulationIds, []);
  assert.deepEqual(drafts[0]!.conditionsText, base.request);
});

test('terms: demonstration 4 years capped at the zone\'s end (Art. 86(10)); temporary permit 3 years (Art. 90(11)); menu the zone\'s period (Art. 80(1)); rapid confirmation none (Art. 85)', () => {
  // Designated before the zone's period starts: terms start with the zone.
  const drafts = draftsFromPlan(cases, civilDate('2026-12-10'), zone, calendar);
  assert.deepEqual(drafts.map((d) => [d.validFrom, d.validUntil]), [
    ['2027-01-01', '2030-12-31'],
    ['2027-01-01', '2029-12-31'],
    ['2027-01-01', '2030-12-31'],
    [null, null],
  ]);
  // A short zone caps the demonstration but not the temporary permit.
  const short = { from: civilDate('2027-01-01'), until: civilDate('2028-06-30') };
  const capped = draftsFromPlan(cases.slice(0, 2), civilDate('2027-03-15'), short, calendar);
  assert.deepEqual(capped.map((d) => [d.validFrom, d.validUntil]), [['2027-03-15', '2028-06-30'], ['2027-03-15', '2030-03-14']]);
});

test('a long title is cut to the 300 characters an exemption title may have', () => {
  const long = { ...cases[0]!, request: { ko: '가'.repeat(2000) } };
  const [draft] = draftsFromPlan([long], civilDate('2027-01-01'), zone, calendar);
  assert.equal(draft!.title.ko.length, 300);
  assert.equal(draft!.conditionsText.ko.length, 2000);
});
