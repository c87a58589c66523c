// After the grant: cancellation after a hearing, the results report, the road to the amended law and
// the deadlines to watch — table tests with the article each row comes from.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { civilDate } from '../calendar/civil-date.ts';
import { createHolidayCalendar } from '../calendar/holidays.ts';
import type { RuleResult } from '../zones/transition-table.ts';
import {
  amendmentPath, amendmentPlanDue, amendmentStatus, checkEscalation, checkPlan, checkProgress, checkReview, escalationGround, type AmendmentTrack,
} from './amendment-tracking.ts';
import { checkCancellation, checkHearing } from './cancellation.ts';
import { exemptionDeadlines, watchList, type ExemptionFacts } from './deadlines.ts';
import { resultsReportStatus } from './results-report.ts';

const d = civilDate;
const calendar = createHolidayCalendar();
const codes = (r: RuleResult<unknown>) => (r.ok ? r.warnings.map((w) => w.code) : r.violations.map((v) => v.code));

describe('cancellation needs a ground and a hearing first (RFZ Act Art. 89, 141)', () => {
  const rows: [string, Parameters<typeof checkCancellation>[0], string[]][] = [
    ['fraud after a hearing: mandatory (Art. 89(1) proviso)', { ground: 'fraud', hearingHeldOn: d('2026-03-16'), decidedOn: d('2026-03-20') }, []],
    ['no hearing (Art. 141)', { ground: 'harm', hearingHeldOn: null, decidedOn: d('2026-03-20') }, ['hearing-not-held']],
    ['hearing after the decision (Art. 141)', { ground: 'harm', hearingHeldOn: d('2026-03-21'), decidedOn: d('2026-03-20') }, ['hearing-after-decision']],
    ['hearing on the day of the decision', { ground: 'conditions_breached', hearingHeldOn: d('2026-03-20'), decidedOn: d('2026-03-20') }, []],
    ['no ground of Art. 89(1)', { ground: null, hearingHeldOn: d('2026-03-16'), decidedOn: d('2026-03-20') }, ['no-cancellation-ground']],
  ];
  for (const [name, input, expected] of rows) it(name, () => assert.deepEqual(codes(checkCancellation(input)), expected));
  it('fraud is mandatory, the other grounds discretionary', () => {
    const r = checkCancellation({ ground: 'fraud', hearingHeldOn: d('2026-03-16'), decidedOn: d('2026-03-20') });
    assert.ok(r.ok && r.value.mandatory);
  });

  const hearings: [string, string, string[]][] = [
    ['notice 10 clear days before the hearing (Administrative Procedures Act Art. 21(2))', '2026-03-05', []],
    ['notice 9 days before: too late', '2026-03-06', ['hearing-notice-too-late']],
  ];
  for (const [name, noticeOn, expected] of hearings) {
    it(name, () => assert.deepEqual(codes(checkHearing({ noticeOn: d(noticeOn), heldOn: d('2026-03-16'), calendar })), expected));
  }
});

describe('results report within 30 days after expiry (RFZ Act Art. 87(11))', () => {
  const rows: [string, string | null, string | null, string, string][] = [
    ['before expiry', '2029-01-31', null, '2028-12-31', 'not_yet_due'],
    ['on the expiry day', '2029-01-31', null, '2029-01-01', 'not_yet_due'],
    ['the 30 days run', '2029-01-31', null, '2029-01-02', 'due'],
    ['on the due day', '2029-01-31', null, '2029-01-31', 'due'],
    ['the day after, no report: overdue', '2029-01-31', null, '2029-02-01', 'overdue'],
    ['filed in time', '2029-01-31', '2029-01-20', '2029-03-01', 'submitted'],
    ['filed late', '2029-01-31', '2029-02-03', '2029-03-01', 'submitted_late'],
    ['amendment requested: none required', null, null, '2029-03-01', 'not_required'],
  ];
  for (const [name, due, submitted, asOf, expected] of rows) {
    it(name, () => assert.equal(resultsReportStatus({ due: due ? d(due) : null, expiresOn: d('2029-01-01'), submittedOn: submitted ? d(submitted) : null, asOf: d(asOf) }).status, expected));
  }
});

describe('law amendment: review, 60-day plan, progress, escalation (RFZ Act Art. 87(6)–(13); Decree Art. 59(8))', () => {
  const dueRows: [string, string, string][] = [
    ['60 days, ending on 노동절 2026-05-01 (Fri): rolls to Monday (Civil Act Art. 161)', '2026-03-02', '2026-05-04'],
    ['ending on Chuseok 2026-09-25, then a weekend', '2026-07-27', '2026-09-28'],
    ['month end: from 31 March', '2026-03-31', '2026-06-01'],
  ];
  for (const [name, reportedOn, due] of dueRows) it(name, () => assert.equal(amendmentPlanDue(d(reportedOn), calendar), due));

  const base: AmendmentTrack = { requestedOn: d('2026-01-05'), review: null, planSubmittedOn: null, schedule: [], progress: [], escalatedOn: null, effectiveOn: null };
  const reviewed: AmendmentTrack = { ...base, review: { reportedOn: d('2026-03-02'), needed: true } };
  const planned: AmendmentTrack = {
    ...reviewed, planSubmittedOn: d('2026-04-20'),
    schedule: [{ stage: 'legislative_notice', by: d('2026-06-30') }, { stage: 'promulgated', by: d('2026-12-31') }],
  };

  it('the review follows the request', () => {
    assert.deepEqual(codes(checkReview({ grantedOn: d('2025-01-02'), requestedOn: d('2026-01-05'), reportedOn: d('2026-01-04'), alreadyReviewed: false })), ['end-before-start']);
    assert.deepEqual(codes(checkReview({ grantedOn: d('2025-01-02'), requestedOn: null, reportedOn: d('2026-01-04'), alreadyReviewed: true })), ['already-reviewed']);
  });

  const schedule = [{ stage: 'legislative_notice' as const, by: d('2026-06-30') }, { stage: 'promulgated' as const, by: d('2026-12-31') }];
  const planRows: [string, AmendmentTrack, string, typeof schedule, string[]][] = [
    ['in time', reviewed, '2026-04-20', schedule, []],
    ['late: accepted, flagged (warning)', reviewed, '2026-05-05', schedule, ['plan-late']],
    ['no review yet', base, '2026-04-20', schedule, ['no-review']],
    ['the ministry found no amendment needed', { ...base, review: { reportedOn: d('2026-03-02'), needed: false } }, '2026-04-20', schedule, ['amendment-not-needed']],
    ['before the review', reviewed, '2026-03-01', schedule, ['end-before-start']],
    ['schedule out of order', reviewed, '2026-04-20', [schedule[1]!, schedule[0]!], ['schedule-out-of-order', 'missing-item']],
    ['schedule without promulgation', reviewed, '2026-04-20', [schedule[0]!], ['missing-item']],
    ['a second plan', planned, '2026-04-21', schedule, ['plan-already-submitted']],
  ];
  for (const [name, track, on, sched, expected] of planRows) {
    it(`plan: ${name}`, () => assert.deepEqual(codes(checkPlan({ track, submittedOn: d(on), schedule: sched, calendar })), expected));
  }

  it('progress goes forward only, after a plan', () => {
    assert.deepEqual(codes(checkProgress(reviewed, 'drafting', d('2026-05-01'))), ['no-plan']);
    assert.deepEqual(codes(checkProgress(planned, 'drafting', d('2026-05-01'))), []);
    const drafted = { ...planned, progress: [{ stage: 'legislative_notice' as const, on: d('2026-06-01') }] };
    assert.deepEqual(codes(checkProgress(drafted, 'drafting', d('2026-06-10'))), ['progress-out-of-order']);
    assert.deepEqual(codes(checkProgress(drafted, 'promulgated', d('2026-05-30'))), ['end-before-start']);
    assert.deepEqual(codes(checkProgress(drafted, 'promulgated', d('2026-11-30'))), [], 'a notice skips the National Assembly');
  });

  const escalations: [string, AmendmentTrack, string, string | null][] = [
    ['plan due, not yet late', reviewed, '2026-05-04', null],
    ['plan late (Art. 87(13))', reviewed, '2026-05-05', 'plan-overdue'],
    ['refused by the ministry (Art. 87(7))', { ...base, review: { reportedOn: d('2026-03-02'), needed: false } }, '2026-03-03', 'refused'],
    ['plan on schedule', planned, '2026-06-30', null],
    ['a scheduled stage missed', planned, '2026-07-01', 'schedule-slipped'],
    ['stage reached in time', { ...planned, progress: [{ stage: 'legislative_notice', on: d('2026-06-15') }] }, '2026-07-01', null],
    ['already effective', { ...reviewed, effectiveOn: d('2026-04-01') }, '2026-07-01', null],
    ['not yet reviewed', base, '2027-01-01', null],
  ];
  for (const [name, track, asOf, expected] of escalations) {
    it(`escalation: ${name}`, () => assert.equal(escalationGround(track, d(asOf), calendar)?.ground ?? null, expected));
  }
  it('the committee recommends once, only on a ground', () => {
    assert.deepEqual(codes(checkEscalation(reviewed, d('2026-05-04'), calendar)), ['no-escalation-ground']);
    assert.deepEqual(codes(checkEscalation(reviewed, d('2026-05-05'), calendar)), []);
    assert.deepEqual(codes(checkEscalation({ ...reviewed, escalatedOn: d('2026-05-05') }, d('2026-05-06'), calendar)), ['already-escalated']);
  });

  it('status and path from grant to the effective law', () => {
    assert.equal(amendmentStatus(base, d('2026-03-01'), calendar), 'awaiting_review');
    assert.equal(amendmentStatus(reviewed, d('2026-05-05'), calendar), 'plan_overdue');
    assert.equal(amendmentStatus(planned, d('2026-05-05'), calendar), 'amending');
    const done = { ...planned, progress: [{ stage: 'promulgated' as const, on: d('2026-12-01') }], effectiveOn: d('2027-01-01') };
    assert.equal(amendmentStatus(done, d('2027-01-02'), calendar), 'effective');
    assert.deepEqual(amendmentPath(d('2025-01-02'), done).map((s) => [s.step, s.daysFromGrant]), [
      ['granted', 0], ['amendment_requested', 368], ['reviewed', 424], ['plan_submitted', 473], ['promulgated', 698], ['effective', 729],
    ]);
  });
});

describe('deadlines to watch (Art. 86(10), 87(6), 87(9), 87(11))', () => {
  const e: ExemptionFacts = {
    id: 'x', kind: 'demonstration_exemption', state: 'active', grantedOn: d('2025-01-02'), validUntil: d('2029-01-01'), extensions: 0,
    amendmentRequestedOn: null, resultsReportedOn: null, review: null, planSubmittedOn: null,
  };
  const table = (facts: ExemptionFacts) => exemptionDeadlines(facts, calendar).map((x) => [x.kind, x.due]);
  it('an active demonstration exemption: window (2 months before), expiry, results report (30 days after)', () => {
    assert.deepEqual(table(e), [['extension_window', '2028-11-01'], ['expiry', '2029-01-01'], ['results_report', '2029-01-31']]);
  });
  it('after an amendment request: no window, no report (Art. 87(10)–(11))', () => assert.deepEqual(table({ ...e, state: 'amendment_requested', amendmentRequestedOn: d('2028-10-01') }), []));
  it('extended temporary permit: no window left, expiry only', () => {
    assert.deepEqual(table({ ...e, kind: 'temporary_permit', state: 'extended', extensions: 1 }), [['expiry', '2029-01-01']]);
  });
  it('expired without a report: the report is owed; filed: nothing', () => {
    assert.deepEqual(table({ ...e, state: 'expired' }), [['results_report', '2029-01-31']]);
    assert.deepEqual(table({ ...e, state: 'results_reported', resultsReportedOn: d('2029-01-10') }), []);
  });
  it('the ministry owes its plan 60 days after the review', () => {
    assert.deepEqual(table({ ...e, state: 'amendment_requested', amendmentRequestedOn: d('2026-01-05'), review: { reportedOn: d('2026-03-02'), needed: true } }), [['amendment_plan', '2026-05-04']]);
  });
  it('keys name the term, so an extension starts new alerts', () => {
    assert.notDeepEqual(exemptionDeadlines(e, calendar).map((x) => x.key), exemptionDeadlines({ ...e, validUntil: d('2031-01-01'), extensions: 1 }, calendar).map((x) => x.key));
  });
  it('watch list: overdue duties stay, a closed window stays until expiry, the horizon limits what is due soon', () => {
    const list = (asOf: string, horizon: number) => watchList(exemptionDeadlines(e, calendar), d(asOf), horizon).map((x) => [x.kind, x.status, x.daysLeft]);
    assert.deepEqual(list('2028-10-01', 92), [['extension_window', 'due_soon', 31], ['expiry', 'due_soon', 92]]);
    assert.deepEqual(list('2028-10-01', 91), [['extension_window', 'due_soon', 31]]);
    assert.deepEqual(list('2028-11-02', 30), [['extension_window', 'closed', -1]], 'nothing can be filed any more: the exemption lapses on expiry');
    assert.deepEqual(list('2029-01-01', 0), [['extension_window', 'closed', -61], ['expiry', 'due_soon', 0]]);
    assert.deepEqual(list('2029-02-01', 30), [['results_report', 'overdue', -1]], 'expiry has passed (closed); the report is still owed');
  });
});
