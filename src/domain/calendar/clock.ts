/**
 * A pausable deadline clock: "reply within N days; time spent on supplements is not counted".
 *
 * Used for the ministries' 30-day reply on a zone plan (RFZ Act Art. 75(2)), the 90-day
 * designation decision (Decree Art. 44(1)), the 30-day reply on a rapid confirmation
 * (Art. 85(4)) and the 30-day review of an exemption or permit, which must still end within
 * 90 days with supplements, plus one 30-day extension (Art. 86(3), 90(4)).
 *
 * Counting (docs/decisions/0004-periods.md):
 *  - the day the clock starts (the request or notification is received) is not counted
 *    (Civil Act Art. 157); day 1 is the next day;
 *  - a supplement requested on day `from` and answered on day `to` is itself a period: `from`
 *    is not counted as supplement time, days `from + 1 … to` are (Civil Act Art. 157 applied to
 *    the supplement period), and the clock resumes counting on `to + 1`;
 *  - a cap ("in any case within 90 days") counts every day, pauses included;
 *  - the last day rolls over a Saturday or public holiday (Civil Act Art. 161): these are
 *    duties of the administration, not restrictions of the citizen (Framework Act on
 *    Administration Art. 6(2) does not apply).
 */
import { addDays, diffDays, maxDate, minDate, type CivilDate } from './civil-date.ts';
import type { HolidayCalendar } from './holidays.ts';

export interface ClockPause {
  /** Day the supplement was requested. */
  readonly from: CivilDate;
  /** Day the supplement was answered; `null` while it is open. */
  readonly to: CivilDate | null;
}

export interface ClockState {
  readonly startedOn: CivilDate;
  /** Counted days allowed (before extensions). */
  readonly days: number;
  /** Overall limit in calendar days that keeps running during pauses, if the law sets one. */
  readonly capDays: number | null;
  /** Days added by each extension, and how many extensions the law allows. */
  readonly extension: { readonly days: number; readonly max: number } | null;
  readonly extensionsUsed: number;
  readonly pauses: readonly ClockPause[];
  /** Article the clock implements, e.g. `RFZ Act Art. 75(2)`. */
  readonly rule: string;
}

export interface ClockError {
  readonly code: 'clock-already-paused' | 'clock-not-paused' | 'date-out-of-order' | 'extension-not-available';
  readonly rule: string;
  readonly params: Readonly<Record<string, string | number | null>>;
}

export type ClockResult = { readonly ok: true; readonly state: ClockState } | { readonly ok: false; readonly error: ClockError };

export interface StartClockInput {
  readonly startedOn: CivilDate;
  readonly days: number;
  readonly capDays?: number;
  readonly extension?: { readonly days: number; readonly max: number };
  readonly rule: string;
}

function positive(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer: ${n}`);
}

export function startClock(input: StartClockInput): ClockState {
  positive(input.days, 'days');
  if (input.capDays !== undefined) positive(input.capDays, 'capDays');
  if (input.extension) {
    positive(input.extension.days, 'extension.days');
    positive(input.extension.max, 'extension.max');
  }
  return {
    startedOn: input.startedOn,
    days: input.days,
    capDays: input.capDays ?? null,
    extension: input.extension ?? null,
    extensionsUsed: 0,
    pauses: [],
    rule: input.rule,
  };
}

function openPause(state: ClockState): ClockPause | undefined {
  const last = state.pauses[state.pauses.length - 1];
  return last && last.to === null ? last : undefined;
}

function lastEventDay(state: ClockState): CivilDate {
  const last = state.pauses[state.pauses.length - 1];
  if (!last) return state.startedOn;
  return last.to ?? last.from;
}

/** Opens a supplement request on `on`. */
export function pauseClock(state: ClockState, on: CivilDate): ClockResult {
  if (openPause(state)) {
    return { ok: false, error: { code: 'clock-already-paused', rule: state.rule, params: { since: openPause(state)?.from ?? null } } };
  }
  const after = lastEventDay(state);
  if (on < after) return { ok: false, error: { code: 'date-out-of-order', rule: state.rule, params: { on, notBefore: after } } };
  return { ok: true, state: { ...state, pauses: [...state.pauses, { from: on, to: null }] } };
}

/** Closes the open supplement request on `on` (the day the supplement is received). */
export function resumeClock(state: ClockState, on: CivilDate): ClockResult {
  const open = openPause(state);
  if (!open) return { ok: false, error: { code: 'clock-not-paused', rule: state.rule, params: { on } } };
  if (on < open.from) return { ok: false, error: { code: 'date-out-of-order', rule: state.rule, params: { on, notBefore: open.from } } };
  return { ok: true, state: { ...state, pauses: [...state.pauses.slice(0, -1), { from: open.from, to: on }] } };
}

/** Uses one extension, where the law allows it (e.g. Art. 86(3): once, up to 30 days). */
export function extendClock(state: ClockState): ClockResult {
  if (!state.extension || state.extensionsUsed >= state.extension.max) {
    return {
      ok: false,
      error: { code: 'extension-not-available', rule: state.rule, params: { used: state.extensionsUsed, max: state.extension?.max ?? 0 } },
    };
  }
  return { ok: true, state: { ...state, extensionsUsed: state.extensionsUsed + 1 } };
}

function extraDays(state: ClockState): number {
  return state.extension ? state.extension.days * state.extensionsUsed : 0;
}

/** Counted days allowed, including extensions used. */
export function allowedDays(state: ClockState): number {
  return state.days + extraDays(state);
}

/** Days excluded as supplement time up to and including `asOf`. */
export function pausedDays(state: ClockState, asOf: CivilDate): number {
  let total = 0;
  for (const pause of state.pauses) {
    const end = pause.to === null ? asOf : minDate(pause.to, asOf);
    if (end > pause.from) total += diffDays(end, pause.from);
  }
  return total;
}

/** Counted days elapsed by the end of `asOf`. */
export function countedDays(state: ClockState, asOf: CivilDate): number {
  const elapsed = Math.max(0, diffDays(asOf, state.startedOn));
  return elapsed - pausedDays(state, maxDate(asOf, state.startedOn));
}

export function isPaused(state: ClockState, asOf: CivilDate): boolean {
  return state.pauses.some((p) => p.from <= asOf && (p.to === null || asOf < p.to));
}

/**
 * Counted days left at the end of `asOf` (negative when overdue). Frozen while a supplement
 * is open; limited by the cap when there is one. Does not include the Art. 161 roll-over —
 * use {@link dueDate} for the calendar day.
 */
export function remainingDays(state: ClockState, asOf: CivilDate): number {
  const byCount = allowedDays(state) - countedDays(state, asOf);
  if (state.capDays === null) return byCount;
  const byCap = state.capDays + extraDays(state) - Math.max(0, diffDays(asOf, state.startedOn));
  return Math.min(byCount, byCap);
}

export interface ClockDue {
  /** Last day to act (after the Art. 161 roll-over). */
  readonly due: CivilDate;
  /** The counted last day before the roll-over. */
  readonly nominal: CivilDate;
  /** True when the overall cap, not the counted days, sets the date. */
  readonly capped: boolean;
  readonly provisional: boolean;
}

/**
 * The last day to act, given the pauses so far. `null` while a supplement is open and there is
 * no cap (the date is unknown until the clock resumes).
 */
export function dueDate(state: ClockState, calendar: HolidayCalendar): ClockDue | null {
  let remaining = allowedDays(state);
  let cursor = state.startedOn; // last day already accounted for
  let byCount: CivilDate | null = null;
  let openSupplement = false;
  for (const pause of state.pauses) {
    const running = Math.max(0, diffDays(pause.from, cursor));
    if (remaining <= running) {
      byCount = addDays(cursor, remaining);
      break;
    }
    remaining -= running;
    if (pause.to === null) {
      openSupplement = true;
      break;
    }
    cursor = maxDate(cursor, pause.to);
  }
  if (byCount === null && !openSupplement) byCount = addDays(cursor, remaining);

  const capNominal = state.capDays === null ? null : addDays(state.startedOn, state.capDays + extraDays(state));
  let nominal: CivilDate;
  let capped = false;
  if (byCount === null) {
    if (capNominal === null) return null;
    nominal = capNominal;
    capped = true;
  } else if (capNominal !== null && capNominal < byCount) {
    nominal = capNominal;
    capped = true;
  } else {
    nominal = byCount;
  }
  // Civil Act Art. 161.
  let due = nominal;
  let provisional = calendar.isProvisional(due);
  while (!calendar.isBusinessDay(due)) {
    due = addDays(due, 1);
    provisional ||= calendar.isProvisional(due);
  }
  return { due, nominal, capped, provisional };
}

/** Whether the clock has run out by the end of `asOf` (no answer given in time). */
export function isOverdue(state: ClockState, asOf: CivilDate, calendar: HolidayCalendar): boolean {
  const due = dueDate(state, calendar);
  return due !== null && asOf > due.due;
}
