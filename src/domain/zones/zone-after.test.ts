import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { civilDate } from '../calendar/civil-date.ts';
import { defaultCalendar } from '../calendar/holidays.ts';
import { buildDesignationNotice, designationNumber } from './designation-notice.ts';
import { CHANGE_ITEMS, CHANGE_MACHINE, classifyChange, type ChangeItem } from './zone-changes.ts';
import { checkEvaluation, consequencesOf, evaluationDue, evaluationYears, gradeOf, GRADES } from './zone-evaluation.ts';
import { checkCancellation, checkDataRequest, checkExtension, hasExpired, type ExtensionInput } from './zone-period.ts';
import { attempt, validateMachine } from './transition-table.ts';
import { checkMachineProperties, coversAllStates } from './testing/machine-properties.ts';

const d = civilDate;
const calendar = defaultCalendar();
const codes = (vs: readonly { code: string }[]) => vs.map((v) => v.code);

describe('designation notice (RFZ Act Art. 75(4); Decree Art. 44(3))', () => {
  it('numbers designations per year', () => {
    assert.equal(designationNumber(2026, 1), 'RFZ-2026-001');
    assert.equal(designationNumber(2027, 42), 'RFZ-2027-042');
    assert.throws(() => designationNumber(2026, 0));
  });
  it('holds name, location and area, purpose, period, operators, special cases and the map regions', () => {
    const n = buildDesignationNotice({
      number: 'RFZ-2026-001', gazettedOn: d('2026-11-20'), name: { ko: '특구' }, summary: null,
      industries: [{ ko: '수소', en: 'Hydrogen' }, { ko: '물류', en: 'Logistics' }],
      sites: [{ regionCode: '26310', areaSqm: 100 }, { regionCode: '21120', areaSqm: 20 }, { regionCode: '21120', areaSqm: null }],
      companies: [{ name: { ko: '기업' }, address: null }], exemptions: [{ kind: 'demonstration', law: { ko: '법' }, provision: '제1조', request: { ko: '허용' } }],
      regions: ['21', '26'], periodStart: d('2026-12-01'), periodEnd: d('2030-11-30'), conditions: null,
    });
    assert.deepEqual(n.location, ['21120', '26310']);
    assert.equal(n.areaSqm, 120);
    assert.deepEqual(n.purpose, { ko: '수소, 물류', en: 'Hydrogen, Logistics' });
    assert.deepEqual(n.mapRegions, ['21', '26']);
    assert.equal(n.operators.length, 1);
  });
});

describe('changes after designation (RFZ Act Art. 81; Decree Art. 52(2))', () => {
  // [items, area change %, minor?, why]
  const rows: [ChangeItem[], number | null, boolean, string][] = [
    [['typo'], null, true, 'Decree 52(2)2'],
    [['wording-after-law-change', 'name-after-boundary-change'], null, true, 'Decree 52(2)1, 3'],
    [['area'], 9.9, true, 'Decree 52(2)4: under 10 %'],
    [['area'], -9.99, true, 'a reduction counts by its size'],
    [['area'], 10, false, '10 % is not under 10 %'],
    [['area'], null, false, 'the size of an area change must be given'],
    [['detailed-plan', 'operator-name-or-address'], null, true, 'Decree 52(2)5, 6'],
    [['operators'], null, false, 'Art. 79(1)2: operators need the committee'],
    [['typo', 'exemptions'], null, false, 'one non-minor item makes the change non-minor'],
    [[], null, false, 'a change changes something'],
  ];
  for (const [items, pct, minor, why] of rows) {
    it(`${items.join('+') || '(none)'} ${pct ?? ''} → ${minor ? 'minor' : 'committee'} (${why})`, () => assert.equal(classifyChange(items, pct).minor, minor));
  }
  it('property: a change is minor exactly when every item is one of Decree 52(2)1–6 and an area change is under 10 %', () => {
    fc.assert(fc.property(fc.subarray([...CHANGE_ITEMS], { minLength: 1 }), fc.option(fc.double({ min: -50, max: 50, noNaN: true })), (items, pct) => {
      const minorItems = ['wording-after-law-change', 'typo', 'name-after-boundary-change', 'area', 'detailed-plan', 'operator-name-or-address'];
      const expected = items.every((i) => minorItems.includes(i)) && (!items.includes('area') || (pct !== null && Math.abs(pct) < 10));
      assert.equal(classifyChange(items, pct).minor, expected);
    }));
  });

  it('the change request machine is a sound table', () => {
    assert.deepEqual(validateMachine(CHANGE_MACHINE), []);
    assert.equal(coversAllStates(CHANGE_MACHINE).size, CHANGE_MACHINE.states.length);
  });
  const moves: [string, string, { role: string }, Record<string, boolean>, string][] = [
    ['filed', 'approve_minor', { role: 'ministry' }, { 'change-is-minor': true }, 'approved'],
    ['filed', 'approve_minor', { role: 'ministry' }, {}, 'guard-failed'],
    ['filed', 'approve_minor', { role: 'local_government' }, { 'change-is-minor': true }, 'role-not-allowed'],
    ['filed', 'accept_for_review', { role: 'ministry' }, { 'change-is-not-minor': true }, 'under_review'],
    ['under_review', 'approve', { role: 'committee' }, { 'meeting-notice-given': true }, 'guard-failed'],
    ['under_review', 'approve', { role: 'committee' }, { 'meeting-notice-given': true, 'ministry-replies-complete-or-due': true }, 'approved'],
    ['under_review', 'withdraw', { role: 'local_government' }, {}, 'withdrawn'],
    ['approved', 'withdraw', { role: 'local_government' }, {}, 'no-such-transition'],
  ];
  for (const [from, action, actor, facts, expected] of moves) {
    it(`${from} —${action}→ ${expected}`, () => {
      const r = attempt(CHANGE_MACHINE, from as never, action as never, actor as never, facts);
      assert.equal(r.ok ? r.to : r.code, expected);
    });
  }
  it('random (action, role) sequences only move through the table (property)', () => checkMachineProperties(CHANGE_MACHINE));
});

describe('yearly evaluation (RFZ Act Art. 83; Decree Art. 54)', () => {
  it('the evaluation of a year is due by 30 November of the next year, rolled over a Saturday or holiday (Civil Act Art. 161)', () => {
    assert.equal(evaluationDue(2026, calendar), '2027-11-30'); // Tuesday
    assert.equal(evaluationDue(2024, calendar), '2025-12-01'); // 2025-11-30 is a Sunday
    assert.equal(evaluationDue(2025, calendar), '2026-11-30'); // Monday
  });
  it('evaluation years run from the start year to the last full year', () => {
    assert.deepEqual(evaluationYears(d('2026-12-01'), d('2030-11-30'), d('2026-12-05')), []);
    assert.deepEqual(evaluationYears(d('2026-12-01'), d('2030-11-30'), d('2028-03-01')), [2026, 2027]);
    assert.deepEqual(evaluationYears(d('2026-12-01'), d('2030-11-30'), d('2035-01-01')), [2026, 2027, 2028, 2029, 2030]);
  });
  it('grades by the mean score of the four Decree 54(1) criteria', () => {
    const s = (v: number) => ({ 'kpi-achievement': v, 'regional-economy': v, 'use-of-special-cases': v, 'project-results': v });
    assert.deepEqual([s(95), s(90), s(89.9), s(75), s(60), s(59)].map(gradeOf), ['excellent', 'excellent', 'good', 'good', 'fair', 'poor']);
  });
  it('consequences: poor warns of cancellation (Art. 82(3)) and blocks extension; fair and poor need improvement (Art. 83(3))', () => {
    assert.deepEqual(GRADES.map((g) => consequencesOf(g).cancellationWarning), [false, false, false, true]);
    assert.deepEqual(GRADES.map((g) => consequencesOf(g).extensionEligible), [true, true, true, false]);
    assert.deepEqual(GRADES.map((g) => consequencesOf(g).improvementRequired), [false, false, true, true]);
  });
  it('one evaluation per operating year, confirmed no later than today', () => {
    const base = { periodStart: d('2026-12-01'), periodEnd: d('2030-11-30'), confirmedOn: d('2027-11-20'), today: d('2027-11-25'), alreadyEvaluated: [] };
    assert.deepEqual(codes(checkEvaluation({ ...base, year: 2026 })), []);
    assert.deepEqual(codes(checkEvaluation({ ...base, year: 2025 })), ['evaluation-year-outside-period']);
    assert.deepEqual(codes(checkEvaluation({ ...base, year: 2026, alreadyEvaluated: [2026] })), ['evaluation-already-recorded']);
    assert.deepEqual(codes(checkEvaluation({ ...base, year: 2026, confirmedOn: d('2027-12-01') })), ['evaluation-confirmed-in-future']);
  });
});

describe('extension, cancellation, expiry, post-management (RFZ Act Art. 81, 82, 84(2), 141; Decree 53, 55(3))', () => {
  const ext: ExtensionInput = { periodEnd: d('2030-11-30'), newPeriodEnd: d('2032-11-30'), today: d('2030-06-01'), latestGrade: 'good' };
  const rows: [string, Partial<ExtensionInput>, string[]][] = [
    ['two more years after a good evaluation', {}, []],
    ['after the period ended', { today: d('2030-12-01') }, ['extension-after-expiry']],
    ['on the last day it still may be extended', { today: d('2030-11-30') }, []],
    ['an earlier end is no extension', { newPeriodEnd: d('2030-11-30') }, ['extension-not-later']],
    ['at most 4 years per extension (policy)', { newPeriodEnd: d('2034-12-01') }, ['extension-too-long']],
    ['exactly 4 years', { newPeriodEnd: d('2034-11-30') }, []],
    ['needs an evaluation', { latestGrade: null }, ['extension-needs-evaluation']],
    ['not after a poor grade', { latestGrade: 'poor' }, ['extension-poor-grade']],
  ];
  for (const [why, over, expected] of rows) it(`extension: ${why}`, () => assert.deepEqual(codes(checkExtension({ ...ext, ...over })), expected));

  it('cancellation needs a hearing held before the decision (Art. 141(2)2) and a poor grade for poor performance (Art. 82(3))', () => {
    const c = { ground: 'purpose-achieved' as const, hearingHeldOn: d('2028-03-02'), decidedOn: d('2028-03-10'), latestGrade: 'good' as const };
    assert.deepEqual(checkCancellation(c).violations, []);
    assert.equal(checkCancellation({ ...c, hearingHeldOn: null }).hearingHeld, false);
    assert.equal(checkCancellation({ ...c, hearingHeldOn: d('2028-03-11') }).hearingHeld, false);
    assert.equal(checkCancellation({ ...c, ground: 'poor-performance' }).groundValid, false);
    assert.equal(checkCancellation({ ...c, ground: 'poor-performance', latestGrade: 'poor' }).groundValid, true);
  });
  it('a zone expires the day after its last day (Civil Act Art. 159)', () => {
    assert.equal(hasExpired(d('2030-11-30'), d('2030-11-30')), false);
    assert.equal(hasExpired(d('2030-11-30'), d('2030-12-01')), true);
  });
  it('data requests: within the 2-year window, due after they are made', () => {
    assert.deepEqual(codes(checkDataRequest({ requestedOn: d('2031-01-05'), dueOn: d('2031-02-05'), windowEnd: d('2032-11-30') })), []);
    assert.deepEqual(codes(checkDataRequest({ requestedOn: d('2032-12-01'), dueOn: d('2033-01-05'), windowEnd: d('2032-11-30') })), ['post-management-over']);
    assert.deepEqual(codes(checkDataRequest({ requestedOn: d('2031-01-05'), dueOn: d('2031-01-05'), windowEnd: d('2032-11-30') })), ['data-request-due-too-early']);
  });
});
