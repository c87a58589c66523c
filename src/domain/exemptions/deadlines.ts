/**
 * The deadlines an exemption's holders, its zone's governments and the ministries must watch, and
 * which of them are overdue or due soon on a given day. Each deadline has a stable key (it names
 * the term it belongs to, so an extension starts new keys) for notices sent once, ever.
 */
import { diffDays, type CivilDate } from '../calendar/civil-date.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import { amendmentPlanDue } from './amendment-tracking.ts';
import { extensionDeadline, resultsReportDue, validityLimits, type ExemptionKind } from './validity.ts';

export const DEADLINE_KINDS = ['extension_window', 'expiry', 'results_report', 'amendment_plan'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Days before a deadline when alerts go out, unless configured otherwise (issue 4 "Deadlines"). */
export const DEFAULT_ALERT_OFFSETS = [90, 30, 7] as const;

export interface ExemptionFacts {
  readonly id: string;
  readonly kind: ExemptionKind;
  readonly state: string;
  readonly grantedOn: CivilDate;
  readonly validUntil: CivilDate | null;
  readonly extensions: number;
  readonly amendmentRequestedOn: CivilDate | null;
  readonly resultsReportedOn: CivilDate | null;
  readonly review: { readonly reportedOn: CivilDate; readonly needed: boolean } | null;
  readonly planSubmittedOn: CivilDate | null;
}

export interface ExemptionDeadline {
  readonly key: string;
  readonly kind: DeadlineKind;
  readonly due: CivilDate;
  /** A window or an event (nothing is owed after it) rather than a duty that stays owed. */
  readonly closes: boolean;
  /**
   * A closed window stays on the watch list until this day (the term's last day): once the extension and
   * amendment-request window has closed, the exemption lapses on expiry and nothing can be filed any more.
   */
  readonly watchUntil?: CivilDate;
  readonly rule: string;
}

const RUNNING = new Set(['granted', 'active', 'extended']);

/** Open deadlines of one exemption, whatever the day. */
export function exemptionDeadlines(e: ExemptionFacts, calendar: HolidayCalendar): ExemptionDeadline[] {
  const out: ExemptionDeadline[] = [];
  const limits = validityLimits(e.kind, e.grantedOn);
  if (e.validUntil !== null && RUNNING.has(e.state) && e.amendmentRequestedOn === null) {
    const canExtend = limits !== null && e.extensions < limits.maxExtensions;
    // Extension application (Art. 86(10), 90(11)) and law-amendment request (Art. 87(9)): 2 months before expiry.
    if (canExtend || e.kind === 'demonstration_exemption') {
      out.push({
        key: `exemption:${e.id}:extension_window:${e.validUntil}`, kind: 'extension_window', due: extensionDeadline(e.validUntil, calendar).nominal, closes: true, watchUntil: e.validUntil,
        rule: e.kind === 'temporary_permit' ? 'RFZ Act Art. 90(11)' : 'RFZ Act Art. 86(10), 87(9)',
      });
    }
    out.push({ key: `exemption:${e.id}:expiry:${e.validUntil}`, kind: 'expiry', due: e.validUntil, closes: true, rule: limits?.rule ?? 'RFZ Act Art. 86(10)' });
  }
  // Results report within 30 days after expiry, unless an amendment was requested (Art. 87(11)).
  if (e.kind === 'demonstration_exemption' && e.validUntil !== null && e.resultsReportedOn === null && (RUNNING.has(e.state) || e.state === 'expired')) {
    const report = resultsReportDue(e.validUntil, e.amendmentRequestedOn !== null, calendar);
    if (report.required) out.push({ key: `exemption:${e.id}:results_report:${e.validUntil}`, kind: 'results_report', due: report.due, closes: false, rule: report.rule });
  }
  // The ministry's amendment plan within 60 days of its review (Art. 87(6); Decree Art. 59(8)).
  if (e.review?.needed && e.planSubmittedOn === null && e.state !== 'law_amended' && e.state !== 'cancelled') {
    out.push({ key: `exemption:${e.id}:amendment_plan`, kind: 'amendment_plan', due: amendmentPlanDue(e.review.reportedOn, calendar), closes: false, rule: 'RFZ Act Art. 87(6); Decree Art. 59(8)' });
  }
  return out;
}

export type DeadlineStatus = 'overdue' | 'due_soon' | 'upcoming' | 'closed';

/** Past its day: `overdue` while still owed, `closed` for a window; within `horizonDays`: `due_soon`; else `upcoming`. */
export function deadlineStatus(d: ExemptionDeadline, asOf: CivilDate, horizonDays: number): DeadlineStatus {
  if (d.due < asOf) return d.closes ? 'closed' : 'overdue';
  return diffDays(d.due, asOf) <= horizonDays ? 'due_soon' : 'upcoming';
}

export type WatchStatus = 'overdue' | 'closed' | 'due_soon';

/**
 * What needs attention on `asOf`, by due day: overdue duties (results report, amendment plan), windows that closed
 * unused while the term still runs (the extension / amendment request can no longer be filed: the exemption lapses
 * on expiry), and deadlines due within `horizonDays`.
 */
export function watchList(deadlines: readonly ExemptionDeadline[], asOf: CivilDate, horizonDays: number): (ExemptionDeadline & { readonly status: WatchStatus; readonly daysLeft: number })[] {
  return deadlines
    .map((d) => ({ ...d, status: deadlineStatus(d, asOf, horizonDays), daysLeft: diffDays(d.due, asOf) }))
    .filter((d): d is typeof d & { status: WatchStatus } => d.status === 'overdue' || d.status === 'due_soon' || (d.status === 'closed' && d.watchUntil !== undefined && asOf <= d.watchUntil))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.key.localeCompare(b.key)));
}
