/**
 * Public holidays of government offices (관공서의 공휴일에 관한 규정) and business days.
 *
 * Source data: `@hyunbinseo/holidays-kr` (compiled from the official gazette / 월력요항),
 * which lists national holidays, substitute holidays, election days and one-off holidays the
 * government designated, year by year. Years after the gazetted list, up to {@link RULES_LAST_YEAR},
 * come from the rules (`holiday-rules.ts`: lunar holidays by the Korean lunisolar calendar,
 * substitutes by Art. 3, elections by term expiry); a test checks that the rules give every
 * gazetted year. Administrators may add further one-off holidays (Regulations Art. 2 item 12:
 * "days the government designates from time to time") as data; they stay on top of both.
 *
 * Years outside the supported range (first gazetted year – {@link RULES_LAST_YEAR}) are handled by
 * an explicit policy: `provisional` (default) falls back to Sundays, the recurring fixed-date
 * holidays and their substitutes, and marks every answer for such a year as provisional; `error`
 * throws {@link CalendarCoverageError}.
 */
import * as presets from '@hyunbinseo/holidays-kr/all';
import { addDays, civilDate, isSaturday, isSunday, toParts, tryCivilDate, type CivilDate } from './civil-date.ts';
import { holidaysByRules, RULES_LAST_YEAR } from './holiday-rules.ts';

export interface ExtraHoliday {
  readonly date: CivilDate | string;
  readonly name: string;
}

export type CoveragePolicy = 'provisional' | 'error';

export interface HolidayCalendarOptions {
  /** Administrator-added one-off holidays (Regulations on Holidays of Government Offices Art. 2 item 12). */
  readonly extra?: readonly ExtraHoliday[];
  /** What to do for a year the package does not list. Default `provisional`. */
  readonly beyondCoverage?: CoveragePolicy;
}

/** Where a year's holidays come from: the gazetted list, the rules, or the fixed-date fallback. */
export type HolidayYearBasis = 'gazette' | 'rules' | 'provisional';

export interface HolidayCoverage {
  /** First and last year with a complete answer (gazetted, then computed by the rules). */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Last year of the gazetted list (`@hyunbinseo/holidays-kr`); later years come from the rules. */
  readonly gazettedThrough: number;
}

export interface HolidayCalendar {
  /** The supported range: gazetted years, then years computed by the rules. */
  readonly coverage: HolidayCoverage;
  readonly beyondCoverage: CoveragePolicy;
  /** Names of the public holidays on `date` (Sunday is reported as `일요일`); empty if none. */
  holidayNames(date: CivilDate): readonly string[];
  /** Sunday, a listed holiday (incl. substitute, election, one-off) or an admin-added day. */
  isPublicHoliday(date: CivilDate): boolean;
  /** Neither a Saturday nor a public holiday — the offices are open (Civil Act Art. 161 test). */
  isBusinessDay(date: CivilDate): boolean;
  /** True when `date` lies outside the supported range (answers are a fallback). */
  isProvisional(date: CivilDate): boolean;
  /** Where the holidays of `year` come from. */
  basisOf(year: number): HolidayYearBasis;
  /** The admin-added one-off holidays this calendar was built with. */
  readonly extra: readonly { readonly date: CivilDate; readonly name: string }[];
}

export class CalendarCoverageError extends RangeError {
  constructor(readonly date: CivilDate, readonly coverage: HolidayCoverage) {
    super(
      `no holiday data for ${date}: the calendar covers ${coverage.firstYear}–${coverage.lastYear} ` +
        `(gazetted through ${coverage.gazettedThrough}, then by the rules); add the year's holidays as extra dates`,
    );
    this.name = 'CalendarCoverageError';
  }
}

type YearTable = ReadonlyMap<string, readonly string[]>;

const SUNDAY_NAME = '일요일';
const SUBSTITUTE_PREFIX = '대체공휴일';

/** Package data indexed by year. Built once; read-only. */
const PACKAGE_YEARS: ReadonlyMap<number, YearTable> = (() => {
  const years = new Map<number, YearTable>();
  for (const [exportName, table] of Object.entries(presets)) {
    const m = /^y(\d{4})$/.exec(exportName);
    if (!m) continue;
    const entries = new Map<string, readonly string[]>();
    for (const [date, names] of Object.entries(table as Record<string, readonly string[]>)) {
      entries.set(civilDate(date), [...names]);
    }
    years.set(Number(m[1]), entries);
  }
  return years;
})();

const GAZETTED = (() => {
  const years = [...PACKAGE_YEARS.keys()].sort((a, b) => a - b);
  const firstYear = years[0];
  const lastYear = years[years.length - 1];
  if (firstYear === undefined || lastYear === undefined) throw new Error('@hyunbinseo/holidays-kr has no yearly presets');
  for (let y = firstYear; y <= lastYear; y++) {
    if (!PACKAGE_YEARS.has(y)) throw new Error(`@hyunbinseo/holidays-kr has a gap at ${y}`);
  }
  return { firstYear, lastYear } as const;
})();

const COVERAGE: HolidayCoverage = {
  firstYear: GAZETTED.firstYear,
  lastYear: Math.max(GAZETTED.lastYear, RULES_LAST_YEAR),
  gazettedThrough: GAZETTED.lastYear,
};

/** Years computed by the rules, built on first use; read-only. */
const RULE_YEARS = new Map<number, YearTable>();
function ruleYear(year: number): YearTable {
  let table = RULE_YEARS.get(year);
  if (!table) {
    table = holidaysByRules(year);
    RULE_YEARS.set(year, table);
  }
  return table;
}

function basisOf(year: number): HolidayYearBasis {
  if (PACKAGE_YEARS.has(year)) return 'gazette';
  if (year >= COVERAGE.firstYear && year <= COVERAGE.lastYear) return 'rules';
  return 'provisional';
}

/**
 * Fallback for years outside the supported range, derived from the package itself rather than hard-coded:
 * a fixed-date holiday is a month-day with the same (non-substitute) name in each of the last
 * two covered years (for the 2027 package: 1/1, 3/1, 5/1, 5/5, 6/6, 7/17, 8/15, 10/3, 10/9,
 * 12/25). Lunar holidays (설날, 추석, 부처님 오신 날), elections and one-off days cannot be
 * derived and are missing — which is why such answers are flagged provisional.
 */
const FIXED_DATE_HOLIDAYS: readonly { readonly monthDay: string; readonly name: string }[] = (() => {
  const last = PACKAGE_YEARS.get(GAZETTED.lastYear);
  const previous = PACKAGE_YEARS.get(GAZETTED.lastYear - 1);
  if (!last || !previous) return [];
  const result: { monthDay: string; name: string }[] = [];
  for (const [date, names] of last) {
    const monthDay = date.slice(5);
    const before = previous.get(`${GAZETTED.lastYear - 1}-${monthDay}`);
    for (const name of names) {
      if (name.startsWith(SUBSTITUTE_PREFIX)) continue;
      if (before?.includes(name)) result.push({ monthDay, name });
    }
  }
  return result;
})();

/** Holiday names that the package shows receiving a substitute day (Regulations Art. 3). */
const SUBSTITUTABLE: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  for (const table of PACKAGE_YEARS.values()) {
    for (const list of table.values()) {
      for (const name of list) {
        const m = /^대체공휴일\((.+)\)$/.exec(name);
        if (m?.[1]) names.add(m[1]);
      }
    }
  }
  return names;
})();

/**
 * Provisional table for a year outside the package: fixed-date holidays, plus a substitute day
 * (Regulations Art. 3(2): the first following day that is not a Saturday, Sunday or holiday)
 * for those the package shows as substitutable when they fall on a weekend or coincide.
 */
function provisionalYear(year: number): YearTable {
  const table = new Map<string, string[]>();
  for (const { monthDay, name } of FIXED_DATE_HOLIDAYS) {
    const date = civilDate(`${year}-${monthDay}`);
    const list = table.get(date) ?? [];
    list.push(name);
    table.set(date, list);
  }
  const isOff = (d: CivilDate): boolean => isSaturday(d) || isSunday(d) || table.has(d);
  for (const { monthDay, name } of FIXED_DATE_HOLIDAYS) {
    if (!SUBSTITUTABLE.has(name)) continue;
    const date = civilDate(`${year}-${monthDay}`);
    const coincides = (table.get(date)?.length ?? 0) > 1;
    if (!isSaturday(date) && !isSunday(date) && !coincides) continue;
    let substitute = addDays(date, 1);
    while (isOff(substitute)) substitute = addDays(substitute, 1);
    table.set(substitute, [`${SUBSTITUTE_PREFIX}(${name})`]);
  }
  return table;
}

export function holidayDataCoverage(): HolidayCoverage {
  return COVERAGE;
}

/** Builds a calendar from the package data plus administrator-added one-off holidays. */
export function createHolidayCalendar(options: HolidayCalendarOptions = {}): HolidayCalendar {
  const policy: CoveragePolicy = options.beyondCoverage ?? 'provisional';
  const extra = (options.extra ?? []).map((h) => {
    const date = tryCivilDate(h.date);
    if (date === null) throw new RangeError(`extra holiday has an invalid date: ${JSON.stringify(h.date)}`);
    const name = h.name.trim();
    if (name === '') throw new RangeError(`extra holiday on ${date} needs a name`);
    return { date, name } as const;
  });
  const extraByDate = new Map<string, string[]>();
  for (const { date, name } of extra) {
    const list = extraByDate.get(date) ?? [];
    if (!list.includes(name)) list.push(name);
    extraByDate.set(date, list);
  }
  const provisionalCache = new Map<number, YearTable>();

  const isProvisional = (date: CivilDate): boolean => basisOf(toParts(date).year) === 'provisional';

  const tableFor = (date: CivilDate): YearTable => {
    const { year } = toParts(date);
    const listed = PACKAGE_YEARS.get(year);
    if (listed) return listed;
    if (basisOf(year) === 'rules') return ruleYear(year);
    if (policy === 'error') throw new CalendarCoverageError(date, COVERAGE);
    let table = provisionalCache.get(year);
    if (!table) {
      table = provisionalYear(year);
      provisionalCache.set(year, table);
    }
    return table;
  };

  const holidayNames = (date: CivilDate): readonly string[] => {
    const names: string[] = [];
    // Regulations on Holidays of Government Offices Art. 2 item 1: Sundays.
    if (isSunday(date)) names.push(SUNDAY_NAME);
    names.push(...(tableFor(date).get(date) ?? []));
    names.push(...(extraByDate.get(date) ?? []));
    return names;
  };

  const isPublicHoliday = (date: CivilDate): boolean => holidayNames(date).length > 0;

  return {
    coverage: COVERAGE,
    beyondCoverage: policy,
    extra,
    holidayNames,
    isPublicHoliday,
    // Civil Act Art. 161: a day counts for the roll-over test unless it is a Saturday or a public holiday.
    isBusinessDay: (date) => !isSaturday(date) && !isPublicHoliday(date),
    isProvisional,
    basisOf,
  };
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: CivilDate, calendar: HolidayCalendar): CivilDate {
  let d = addDays(date, 1);
  while (!calendar.isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** The first business day strictly before `date`. */
export function previousBusinessDay(date: CivilDate, calendar: HolidayCalendar): CivilDate {
  let d = addDays(date, -1);
  while (!calendar.isBusinessDay(d)) d = addDays(d, -1);
  return d;
}

/** `date` itself when it is a business day, otherwise the next one. */
export function onOrAfterBusinessDay(date: CivilDate, calendar: HolidayCalendar): CivilDate {
  return calendar.isBusinessDay(date) ? date : nextBusinessDay(date, calendar);
}

/** `date` itself when it is a business day, otherwise the previous one. */
export function onOrBeforeBusinessDay(date: CivilDate, calendar: HolidayCalendar): CivilDate {
  return calendar.isBusinessDay(date) ? date : previousBusinessDay(date, calendar);
}

/** Convenience wrapper: is `date` a business day in the default calendar (no extra days)? */
export function isBusinessDay(date: CivilDate, calendar: HolidayCalendar = defaultCalendar()): boolean {
  return calendar.isBusinessDay(date);
}

let defaultInstance: HolidayCalendar | undefined;
/** A shared calendar with the gazetted and computed years only (no admin-added days), provisional beyond them. */
export function defaultCalendar(): HolidayCalendar {
  defaultInstance ??= createHolidayCalendar();
  return defaultInstance;
}

export interface HolidayOfYear {
  readonly date: CivilDate;
  /** Names from the gazetted list, the rules or the provisional fallback, without Sundays. */
  readonly packageNames: readonly string[];
  /** Names of the administrator-added one-off holidays on that day. */
  readonly addedNames: readonly string[];
  readonly provisional: boolean;
}

/** The public holidays of `year` other than plain Sundays: package days and administrator-added days, each marked. */
export function holidaysOfYear(year: number, calendar: HolidayCalendar): HolidayOfYear[] {
  const out: HolidayOfYear[] = [];
  const first = civilDate(`${String(year).padStart(4, '0')}-01-01`);
  for (let d = first; toParts(d).year === year; d = addDays(d, 1)) {
    const added = calendar.extra.filter((h) => h.date === d).map((h) => h.name);
    const names = calendar.holidayNames(d).filter((n) => n !== SUNDAY_NAME);
    const packageNames = [...names];
    for (const name of added) {
      const i = packageNames.lastIndexOf(name);
      if (i >= 0) packageNames.splice(i, 1);
    }
    if (packageNames.length > 0 || added.length > 0) out.push({ date: d, packageNames, addedNames: added, provisional: calendar.isProvisional(d) });
  }
  return out;
}
