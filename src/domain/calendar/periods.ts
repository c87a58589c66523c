/**
 * Counting periods (기간의 계산) — how every deadline in ZoneLink is computed.
 *
 * Administrative periods follow the Civil Act (Framework Act on Administration Art. 6(1)):
 *   - Art. 157: the first day is not counted, unless the period starts at 00:00;
 *   - Art. 159: the period ends at the end (24:00) of its last day;
 *   - Art. 160: weeks, months and years run on the calendar; a period that does not start at
 *     the beginning of a week/month/year ends the day before the same-numbered day of the last
 *     one; if that month has no such day, it ends on that month's last day;
 *   - Art. 161: if the last day is a Saturday or a public holiday, the period ends the next day
 *     (applied repeatedly: the next day that is neither).
 * Periods that restrict a citizen's rights or impose a continuing duty follow Framework Act on
 * Administration Art. 6(2): the first day counts and the period ends on its last day even if
 * that is a Saturday or holiday — unless that is unfavourable to the citizen (proviso).
 *
 * Deadlines counted backwards ("N months before expiry", "14 days before the hearing") use the
 * same rules mirrored; see {@link deadlineBefore} and docs/decisions/0004-periods.md.
 */
import {
  addDays,
  addMonthsClamped,
  daysInMonth,
  fromParts,
  shiftMonth,
  toParts,
  type CivilDate,
} from './civil-date.ts';
import { onOrBeforeBusinessDay, type HolidayCalendar } from './holidays.ts';

export type PeriodUnit = 'day' | 'week' | 'month' | 'year';

/**
 * Marks a period as one that restricts the citizen's rights or during which a duty persists
 * (Framework Act on Administration Art. 6(2)). The caller says which end the citizen prefers:
 *  - `earlier-end`: the restriction itself (e.g. a suspension) — Art. 6(2) applies;
 *  - `later-end`: time the citizen has to perform the duty (e.g. a report due within 30 days) —
 *    applying Art. 6(2) would shorten it, which is unfavourable, so the proviso sends the
 *    period back to the Civil Act rules.
 * `true` is shorthand for `{ citizenPrefers: 'earlier-end' }`.
 */
export type RightsRestricting = boolean | { readonly citizenPrefers: 'earlier-end' | 'later-end' };

export interface PeriodInput {
  /** The day the period starts (the event that triggers it, e.g. the day a notice is received). */
  readonly start: CivilDate;
  /** A positive whole number of units. */
  readonly amount: number;
  readonly unit: PeriodUnit;
  /** The period starts at 00:00 of `start` (e.g. a validity "from" a date): the first day counts (Civil Act Art. 157 proviso). */
  readonly startsAtMidnight?: boolean;
  readonly rightsRestricting?: RightsRestricting;
  readonly calendar: HolidayCalendar;
}

export type CountingRegime = 'civil-act' | 'administration-act-6-2';

export interface PeriodResult {
  /** The last day of the period, after any roll-over: the period ends at 24:00 of this day (Civil Act Art. 159). */
  readonly end: CivilDate;
  /** The last day before the Art. 161 roll-over. */
  readonly nominalEnd: CivilDate;
  /** The first counted day (기산일). */
  readonly countFrom: CivilDate;
  readonly firstDayCounted: boolean;
  readonly rolledOver: boolean;
  readonly regime: CountingRegime;
  /** True if a holiday test touched a year the holiday data does not cover. */
  readonly provisional: boolean;
  /** Articles applied, in order. */
  readonly basis: readonly string[];
}

function assertAmount(amount: number): void {
  if (!Number.isInteger(amount) || amount < 1) throw new RangeError(`period amount must be a positive integer: ${amount}`);
}

/** Last day of a calendar period whose first counted day is `countFrom` (Civil Act Art. 160). */
function calendarPeriodLastDay(countFrom: CivilDate, amount: number, unit: PeriodUnit): CivilDate {
  switch (unit) {
    case 'day':
      return addDays(countFrom, amount - 1);
    case 'week':
      // Civil Act Art. 160(1)–(2): counted on the calendar; ends the day before the same weekday.
      return addDays(countFrom, amount * 7 - 1);
    case 'month':
    case 'year': {
      const months = unit === 'month' ? amount : amount * 12;
      const { year, month, day } = toParts(countFrom);
      const target = shiftMonth(year, month, months);
      if (day <= daysInMonth(target.year, target.month)) {
        // Civil Act Art. 160(2): the day before the same-numbered day of the last month.
        // (A period counted from the 1st thereby ends on the last day of the month before.)
        return addDays(fromParts(target.year, target.month, day), -1);
      }
      // Civil Act Art. 160(3): the last month has no such day — the period ends on its last day.
      return fromParts(target.year, target.month, daysInMonth(target.year, target.month));
    }
  }
}

/** Full computation with the reasoning attached. */
export function computePeriod(input: PeriodInput): PeriodResult {
  assertAmount(input.amount);
  const { start, amount, unit, calendar } = input;
  const restricting = input.rightsRestricting ?? false;
  const prefers = restricting === false ? null : restricting === true ? 'earlier-end' : restricting.citizenPrefers;

  // Framework Act on Administration Art. 6(2) applies unless it is unfavourable to the citizen;
  // it always yields an end no later than the Civil Act's, so it is unfavourable exactly when
  // the citizen prefers the later end (Art. 6(2) proviso).
  const regime: CountingRegime = prefers === 'earlier-end' ? 'administration-act-6-2' : 'civil-act';
  const basis: string[] = [];
  if (prefers === 'later-end') basis.push('Framework Act on Administration Art. 6(2) proviso (unfavourable to the citizen)');

  let firstDayCounted: boolean;
  if (regime === 'administration-act-6-2') {
    firstDayCounted = true;
    basis.push('Framework Act on Administration Art. 6(2) item 1 (first day counted)');
  } else if (input.startsAtMidnight === true) {
    firstDayCounted = true;
    basis.push('Civil Act Art. 157 proviso (starts at 00:00)');
  } else {
    firstDayCounted = false;
    basis.push('Civil Act Art. 157 (first day not counted)');
  }
  const countFrom = firstDayCounted ? start : addDays(start, 1);
  const nominalEnd = calendarPeriodLastDay(countFrom, amount, unit);
  basis.push(unit === 'day' ? 'Civil Act Art. 159' : 'Civil Act Art. 160');

  let end = nominalEnd;
  let provisional = false;
  if (regime === 'administration-act-6-2') {
    basis.push('Framework Act on Administration Art. 6(2) item 2 (no roll-over)');
  } else {
    // Civil Act Art. 161: a last day on a Saturday or public holiday moves to the next day that is neither.
    provisional ||= calendar.isProvisional(end);
    while (!calendar.isBusinessDay(end)) {
      end = addDays(end, 1);
      provisional ||= calendar.isProvisional(end);
    }
    if (end !== nominalEnd) basis.push('Civil Act Art. 161 (roll-over)');
  }
  return { end, nominalEnd, countFrom, firstDayCounted, rolledOver: end !== nominalEnd, regime, provisional, basis };
}

/** The last day of a period (it ends at 24:00 of that day). */
export function periodEnd(input: PeriodInput): CivilDate {
  return computePeriod(input).end;
}

export interface DeadlineBeforeInput {
  /** The day the deadline is counted back from (expiry date, hearing date, meeting date). */
  readonly reference: CivilDate;
  readonly amount: number;
  readonly unit: PeriodUnit;
  /**
   * `true` when `reference` is the last day of a term that ends at 24:00 (an expiry date):
   * that day belongs to the interval. `false` (default) when something happens during the
   * reference day (a hearing, a meeting): like a first day, it is not counted (Civil Act
   * Art. 157 mirrored), so N clear days must separate the act and the event.
   */
  readonly referenceDayCounted?: boolean;
  readonly calendar: HolidayCalendar;
}

export interface DeadlineBeforeResult {
  /** The last day on which the act is in time. Filing on this day is timely even if offices are closed (e.g. online). */
  readonly nominal: CivilDate;
  /**
   * The date to show as "do it by": `nominal`, or the preceding business day when `nominal` is
   * a Saturday or public holiday. Moved earlier, never later — see docs/decisions/0004-periods.md.
   */
  readonly lastBusinessDay: CivilDate;
  readonly movedEarlier: boolean;
  readonly provisional: boolean;
  readonly basis: readonly string[];
}

/**
 * A deadline "N units before" a reference day, counted backwards on the Civil Act rules
 * (DOMAIN.md "Counting periods": "count backwards on the same rules").
 *
 * The interval between the deadline and the reference is a full period of N units: the
 * deadline day itself is not part of it (the act happens during that day — Art. 157), and the
 * reference day is part of it only when `referenceDayCounted`. Months and years go back to the
 * same-numbered day; when that day does not exist, to the month's last day (Art. 160(3)
 * mirrored), which keeps the interval at least as long as the forward rule would.
 *
 * Civil Act Art. 161 is not applied in reverse: moving a backwards deadline to a later day
 * would shorten the minimum interval the statute guarantees. The business day shown is the
 * preceding one.
 */
export function deadlineBefore(input: DeadlineBeforeInput): DeadlineBeforeResult {
  assertAmount(input.amount);
  const { reference, amount, unit, calendar } = input;
  const basis: string[] = [];
  // Last day inside the interval, counting back (the mirrored 기산일).
  const lastCounted = input.referenceDayCounted === true ? reference : addDays(reference, -1);
  basis.push(
    input.referenceDayCounted === true
      ? 'Civil Act Art. 157 proviso mirrored (reference day ends at 24:00 and is counted)'
      : 'Civil Act Art. 157 mirrored (reference day not counted)',
  );
  let nominal: CivilDate;
  switch (unit) {
    case 'day':
      nominal = addDays(lastCounted, -amount);
      basis.push('Civil Act Art. 159 mirrored');
      break;
    case 'week':
      nominal = addDays(lastCounted, -7 * amount);
      basis.push('Civil Act Art. 160(1)–(2) mirrored');
      break;
    case 'month':
    case 'year':
      nominal = addMonthsClamped(lastCounted, -(unit === 'month' ? amount : amount * 12));
      basis.push('Civil Act Art. 160(2)–(3) mirrored');
      break;
  }
  const provisional = calendar.isProvisional(nominal);
  const lastBusinessDay = onOrBeforeBusinessDay(nominal, calendar);
  const movedEarlier = lastBusinessDay !== nominal;
  if (movedEarlier) basis.push('Civil Act Art. 161 not applied backwards: shown on the preceding business day');
  return {
    nominal,
    lastBusinessDay,
    movedEarlier,
    provisional: provisional || calendar.isProvisional(lastBusinessDay),
    basis,
  };
}

/** An act done on `actedOn` meets a backwards deadline when it is on or before the nominal day. */
export function isTimelyBefore(actedOn: CivilDate, deadline: DeadlineBeforeResult): boolean {
  return actedOn <= deadline.nominal;
}

/** An act done on `actedOn` is within a forward period when it is on or before its (rolled) end. */
export function isWithinPeriod(actedOn: CivilDate, period: PeriodResult): boolean {
  return actedOn <= period.end;
}
