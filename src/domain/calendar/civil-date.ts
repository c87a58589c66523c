/**
 * Civil (calendar) dates as used by Korean administrative law: a day in Asia/Seoul, with no
 * time and no time zone. Values are ISO `YYYY-MM-DD` strings carrying a brand, so they
 * serialise as-is (JSON, SQL `date`) and compare correctly as strings.
 *
 * All arithmetic is done on a day number (days since 1970-01-01 in the proleptic Gregorian
 * calendar), never with JS `Date`, so results never depend on the host time zone.
 */

declare const civilDateBrand: unique symbol;

/** An ISO `YYYY-MM-DD` calendar date in Asia/Seoul. Create with {@link civilDate}. */
export type CivilDate = string & { readonly [civilDateBrand]: true };

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2299;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidCivilDateError extends RangeError {
  constructor(readonly input: string) {
    super(`not a valid civil date (YYYY-MM-DD, ${MIN_YEAR}–${MAX_YEAR}): ${JSON.stringify(input)}`);
    this.name = 'InvalidCivilDateError';
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses and validates an ISO date string; throws {@link InvalidCivilDateError}. */
export function civilDate(input: string): CivilDate {
  const parsed = tryCivilDate(input);
  if (parsed === null) throw new InvalidCivilDateError(input);
  return parsed;
}

/** Like {@link civilDate} but returns `null` instead of throwing. */
export function tryCivilDate(input: string): CivilDate | null {
  const m = ISO_DATE.exec(input);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return input as CivilDate;
}

export function isCivilDate(input: unknown): input is CivilDate {
  return typeof input === 'string' && tryCivilDate(input) !== null;
}

export interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function toParts(date: CivilDate): YearMonthDay {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Builds a date from parts; throws if the day does not exist. */
export function fromParts(year: number, month: number, day: number): CivilDate {
  return civilDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

// Day numbers: the civil-from-days / days-from-civil conversion over 400-year eras
// (146 097 days each), with years starting in March so that the leap day is the era's last day.
function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function partsFromDayNumber(dayNumber: number): YearMonthDay {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Days since 1970-01-01. */
export function toDayNumber(date: CivilDate): number {
  const { year, month, day } = toParts(date);
  return dayNumberFromParts(year, month, day);
}

export function fromDayNumber(dayNumber: number): CivilDate {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return fromParts(year, month, day);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** `later - earlier` in days (negative when `later` is before `earlier`). */
export function diffDays(later: CivilDate, earlier: CivilDate): number {
  return toDayNumber(later) - toDayNumber(earlier);
}

export function weekday(date: CivilDate): Weekday {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7 as Weekday; // 1970-01-01 was a Thursday
}

export function isSaturday(date: CivilDate): boolean {
  return weekday(date) === 6;
}

export function isSunday(date: CivilDate): boolean {
  return weekday(date) === 0;
}

export function compareDates(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: CivilDate, b: CivilDate): CivilDate {
  return a <= b ? a : b;
}

export function maxDate(a: CivilDate, b: CivilDate): CivilDate {
  return a >= b ? a : b;
}

export function lastDayOfMonth(year: number, month: number): CivilDate {
  return fromParts(year, month, daysInMonth(year, month));
}

/** Shifts a (year, month) pair by `months` (may be negative). */
export function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/**
 * The same-numbered day `months` months away; if the target month has no such day, the
 * target month's last day (the rule of Civil Act Art. 160(3), also used when counting back).
 */
export function addMonthsClamped(date: CivilDate, months: number): CivilDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const { year, month, day } = toParts(date);
  const target = shiftMonth(year, month, months);
  return fromParts(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/** Every date from `from` to `to`, both inclusive (empty when `to < from`). */
export function* eachDay(from: CivilDate, to: CivilDate): Generator<CivilDate> {
  const last = toDayNumber(to);
  for (let n = toDayNumber(from); n <= last; n++) yield fromDayNumber(n);
}
