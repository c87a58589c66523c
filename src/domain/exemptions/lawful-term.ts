/**
 * The latest lawful end of a grant's first term and of its one extension — the one rule that
 * `checkGrantTerm`, `checkExtension`, the exemption view and the forms use (docs/decisions/0013-term-totals.md).
 *
 * - The maxima are durations the Act grants "within" N years (Art. 86(10): 4 years, one extension
 *   within 2 years; before Act No. 20236: 2 + 2; Art. 90(11): temporary permits 3 + 2). They are counted
 *   on the calendar from 00:00 of the term's first day (Civil Act Art. 157 proviso, 160) and end at 24:00
 *   of their last day (Art. 159). A validity term is not a period for doing something, so a Saturday or
 *   holiday does not move its end (Art. 161 does not lengthen the grant): the total stays the Act's total.
 * - The extension's end is the earlier of: 2 years after the (possibly shorter) first term, and the
 *   regime's total (first + extension years) counted from the first term's start — so a first term that
 *   ends on any day, even one rolled past a weekend under the old reading, never buys extra days.
 * - Where the zone's period caps the grant (demonstration exemptions, menu special cases: Art. 80(1),
 *   86(10)), both ends are capped at the zone's last day.
 */
import { addDays, minDate, type CivilDate } from '../calendar/civil-date.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import { computePeriod } from '../calendar/periods.ts';
import { validityLimits, type ExemptionKind, type Term } from './validity.ts';

export interface LawfulTermInput {
  readonly kind: ExemptionKind;
  readonly grantedOn: CivilDate;
  /** First day of the first term. */
  readonly from: CivilDate;
  /** Last day of the first term as granted, when known (for the extension's end). */
  readonly firstUntil?: CivilDate;
  /** The zone's designation period. */
  readonly zone: Term;
  readonly calendar: HolidayCalendar;
}

export interface LawfulTerm {
  /** Latest lawful last day of the first term; `null` when the term is the zone's period without a statutory maximum. */
  readonly firstTermUntil: CivilDate | null;
  /** Latest lawful last day after the one extension; `null` when the kind has no extension. */
  readonly extensionUntil: CivilDate | null;
  /** Years of the statutory total (first + extension), `null` when there is none. */
  readonly totalYears: number | null;
  /** The zone's last day capped an end. */
  readonly cappedByZone: boolean;
  readonly rule: string;
}

/** Last day of `years` years running from 00:00 of `from`, not moved by a Saturday or holiday. */
export function yearsFrom(from: CivilDate, years: number, calendar: HolidayCalendar): CivilDate {
  return computePeriod({ start: from, amount: years, unit: 'year', startsAtMidnight: true, calendar }).nominalEnd;
}

export function lawfulTerm(input: LawfulTermInput): LawfulTerm | null {
  const limits = validityLimits(input.kind, input.grantedOn);
  if (limits === null) return null;
  const cap = (d: CivilDate): { day: CivilDate; capped: boolean } =>
    limits.cappedByZone && input.zone.until < d ? { day: input.zone.until, capped: true } : { day: d, capped: false };
  let capped = false;
  let firstTermUntil: CivilDate | null = null;
  if (limits.initialYears !== null) {
    const first = cap(yearsFrom(input.from, limits.initialYears, input.calendar));
    firstTermUntil = first.day;
    capped ||= first.capped;
  } else if (limits.cappedByZone) {
    firstTermUntil = input.zone.until;
  }
  let extensionUntil: CivilDate | null = null;
  let totalYears: number | null = null;
  if (limits.maxExtensions > 0 && limits.initialYears !== null) {
    totalYears = limits.initialYears + limits.extensionYears;
    const total = yearsFrom(input.from, totalYears, input.calendar);
    const firstEnd = input.firstUntil ?? firstTermUntil ?? total;
    const afterFirst = yearsFrom(addDays(firstEnd, 1), limits.extensionYears, input.calendar);
    const ext = cap(minDate(total, afterFirst));
    extensionUntil = ext.day;
    capped ||= ext.capped;
  }
  return { firstTermUntil, extensionUntil, totalYears, cappedByZone: capped, rule: limits.rule };
}
