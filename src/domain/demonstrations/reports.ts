/**
 * Periodic demonstration reports: reporting periods cut from the project period by the KPIs' most frequent
 * reporting frequency, due a grace period after each period ends (moved to the next business day when it falls
 * on a Saturday or public holiday, Civil Act Art. 161), and each period's status. Incidents' reporting
 * deadlines by severity. Pure.
 *
 * The act sets no periodic-report deadline (DOMAIN.md §3 only the results report, 30 days after expiry,
 * Art. 87(11)); ZoneLink uses the same 30 days by default, configurable per call.
 */
import { addDays, addMonthsClamped, civilDate, compareDates, minDate, type CivilDate } from '../calendar/civil-date.ts';
import { onOrAfterBusinessDay, type HolidayCalendar } from '../calendar/holidays.ts';

export const FREQUENCY_MONTHS = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 } as const;
export type Frequency = keyof typeof FREQUENCY_MONTHS;
export const DEFAULT_REPORT_GRACE_DAYS = 30;

export interface ReportingPeriod {
  /** 1-based. */
  readonly index: number;
  readonly from: CivilDate;
  readonly to: CivilDate;
  readonly due: CivilDate;
}

/** The most frequent of the KPIs' frequencies (quarterly when there are no KPIs). */
export function reportFrequency(frequencies: readonly Frequency[]): Frequency {
  let best: Frequency = 'quarterly';
  let months = Infinity;
  for (const f of frequencies) {
    if (FREQUENCY_MONTHS[f] < months) { best = f; months = FREQUENCY_MONTHS[f]; }
  }
  return best;
}

/**
 * Periods `[start + k·m months, start + (k+1)·m months − 1 day]`, the last one cut at the project's end; each
 * counted from the start (no drift at month ends).
 */
export function reportingSchedule(
  periodStart: string, periodEnd: string, frequency: Frequency, calendar: HolidayCalendar, graceDays = DEFAULT_REPORT_GRACE_DAYS,
): ReportingPeriod[] {
  const start = civilDate(periodStart);
  const end = civilDate(periodEnd);
  const m = FREQUENCY_MONTHS[frequency];
  const out: ReportingPeriod[] = [];
  for (let k = 0; k < 1200; k += 1) {
    const from = addMonthsClamped(start, k * m);
    if (compareDates(from, end) > 0) break;
    const to = minDate(addDays(addMonthsClamped(start, (k + 1) * m), -1), end);
    out.push({ index: k + 1, from, to, due: onOrAfterBusinessDay(addDays(to, graceDays), calendar) });
  }
  return out;
}

export type ReportStatus = 'upcoming' | 'open' | 'missing' | 'submitted' | 'late';

/**
 * `upcoming` before the period ends, `open` until the due date, `missing` after it without a report;
 * `submitted` on time, `late` after the due date (Seoul days).
 */
export function reportStatus(period: ReportingPeriod, submittedOn: CivilDate | null, today: CivilDate): ReportStatus {
  if (submittedOn !== null) return compareDates(submittedOn, period.due) > 0 ? 'late' : 'submitted';
  if (compareDates(today, period.to) <= 0) return 'upcoming';
  return compareDates(today, period.due) <= 0 ? 'open' : 'missing';
}

export const INCIDENT_SEVERITIES = ['minor', 'serious', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/**
 * Hours from occurrence within which an incident must be reported. The act states none for demonstration
 * incidents (damage claims are reported "at once", Decree Art. 62); these defaults are configurable.
 */
export const DEFAULT_INCIDENT_DEADLINE_HOURS: Readonly<Record<IncidentSeverity, number>> = { minor: 72, serious: 24, critical: 24 };

export function incidentDeadline(occurredAtMs: number, severity: IncidentSeverity, hours = DEFAULT_INCIDENT_DEADLINE_HOURS): number {
  return occurredAtMs + hours[severity] * 3_600_000;
}
