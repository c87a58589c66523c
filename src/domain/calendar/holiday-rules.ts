/**
 * The public holidays of a year computed from the rules, for years the gazetted list
 * (`@hyunbinseo/holidays-kr`) does not yet cover.
 *
 * - Regulations on Holidays of Government Offices (관공서의 공휴일에 관한 규정) Art. 2: the holidays
 *   (fixed dates; 설날 and 추석 with the day before and after, 부처님 오신 날 on the Korean lunisolar
 *   calendar; 노동절 and 제헌절 as listed from 2026).
 * - Art. 3(1): when a day of the 설날 or 추석 holidays falls on a Sunday or on another holiday, the first
 *   following day that is not a holiday is one (from 2014).
 * - Art. 3(2): when 3ㆍ1절, 어린이날, 광복절, 개천절, 한글날 (어린이날 from 2014, the four national days from
 *   2021-08-04), 부처님 오신 날 and 기독탄신일 (from 2023-05-04), 노동절 and 제헌절 (from 2026) fall on a
 *   Saturday, a Sunday or another holiday, the first following day that is neither a Saturday nor a
 *   holiday is one. A day on which two holidays coincide loses one day off and gets one substitute.
 * - Art. 2 item 11: election days of elections at the expiry of a term ({@link scheduledElections}).
 *
 * The lunisolar conversion is `korean-lunar-calendar` (KASI data, lunar dates up to 2050-11-18), so
 * the rules give whole years up to {@link RULES_LAST_YEAR}. One-off holidays the government designates
 * (Art. 2 item 12) and early elections cannot be computed: an administrator adds them.
 */
import KoreanLunarCalendar from 'korean-lunar-calendar';
import { addDays, civilDate, isSaturday, isSunday, type CivilDate } from './civil-date.ts';
import { scheduledElections } from './elections.ts';

/** Last solar year whose lunar holidays the conversion table reaches (lunar 2050-08-15; 2051 Seollal is beyond it). */
export const RULES_LAST_YEAR = 2050;
/** Art. 3 as amended 2013-11-05 (Presidential Decree 24828): substitute holidays exist from 2014. */
export const RULES_FIRST_YEAR = 2014;

/** Which paragraph of Art. 3 gives the holiday a substitute, and from which day. */
interface HolidayRule {
  readonly name: string;
  /** Art. 3(1) (lunar stretches: Sundays and coincidences) or Art. 3(2) (Saturdays, Sundays, coincidences). */
  readonly substitute: { readonly paragraph: 1 | 2; readonly from: CivilDate } | null;
  /** First year it is a public holiday, when later than the rules' first year. */
  readonly fromYear?: number;
}

const FIXED: readonly (HolidayRule & { readonly monthDay: string })[] = [
  { monthDay: '01-01', name: '1월 1일', substitute: null },
  { monthDay: '03-01', name: '3ㆍ1절', substitute: { paragraph: 2, from: civilDate('2021-08-04') } },
  { monthDay: '05-01', name: '노동절', substitute: { paragraph: 2, from: civilDate('2026-01-01') }, fromYear: 2026 },
  { monthDay: '05-05', name: '어린이날', substitute: { paragraph: 2, from: civilDate('2014-01-01') } },
  { monthDay: '06-06', name: '현충일', substitute: null },
  { monthDay: '07-17', name: '제헌절', substitute: { paragraph: 2, from: civilDate('2026-01-01') }, fromYear: 2026 },
  { monthDay: '08-15', name: '광복절', substitute: { paragraph: 2, from: civilDate('2021-08-04') } },
  { monthDay: '10-03', name: '개천절', substitute: { paragraph: 2, from: civilDate('2021-08-04') } },
  { monthDay: '10-09', name: '한글날', substitute: { paragraph: 2, from: civilDate('2021-08-04') } },
  { monthDay: '12-25', name: '기독탄신일', substitute: { paragraph: 2, from: civilDate('2023-05-04') } },
];

const LUNAR_STRETCH: HolidayRule['substitute'] = { paragraph: 1, from: civilDate('2014-01-01') };
const BUDDHA: HolidayRule = { name: '부처님 오신 날', substitute: { paragraph: 2, from: civilDate('2023-05-04') } };

export class LunarRangeError extends RangeError {
  constructor(readonly year: number) {
    super(`lunar holidays of ${year} lie outside the conversion table (korean-lunar-calendar: lunar years up to 2050)`);
    this.name = 'LunarRangeError';
  }
}

/** The solar (Gregorian) date of a Korean lunar date (not a leap month). */
export function solarOfLunar(year: number, month: number, day: number): CivilDate {
  const converter = new KoreanLunarCalendar();
  if (!converter.setLunarDate(year, month, day, false)) throw new LunarRangeError(year);
  const s = converter.getSolarCalendar();
  return civilDate(`${String(s.year).padStart(4, '0')}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`);
}

interface Entry {
  readonly date: CivilDate;
  readonly rule: HolidayRule;
  /** For the 설날/추석 stretch: its last day, after which an Art. 3(1) substitute is sought. */
  readonly stretchEnd?: CivilDate;
  /** The gazette names a stretch's substitute after the stretch (대체공휴일(추석)), whichever day was lost. */
  readonly substituteName: string;
}

function lunarStretch(first: CivilDate, label: '설날' | '추석'): Entry[] {
  const names = [`${label} 전날`, label, `${label} 다음 날`];
  const end = addDays(first, 2);
  return names.map((name, i) => ({ date: addDays(first, i), rule: { name, substitute: LUNAR_STRETCH }, stretchEnd: end, substituteName: label }));
}

/** The year's holidays by date (Art. 2 and 3): fixed dates, lunar dates, substitutes, scheduled elections. */
export function holidaysByRules(year: number): ReadonlyMap<CivilDate, readonly string[]> {
  if (year < RULES_FIRST_YEAR || year > RULES_LAST_YEAR) throw new LunarRangeError(year);
  const y = String(year).padStart(4, '0');
  const entries: Entry[] = [];
  for (const f of FIXED) {
    if (f.fromYear !== undefined && year < f.fromYear) continue;
    entries.push({ date: civilDate(`${y}-${f.monthDay}`), rule: f, substituteName: f.name });
  }
  entries.push(...lunarStretch(addDays(solarOfLunar(year, 1, 1), -1), '설날'));
  entries.push({ date: solarOfLunar(year, 4, 8), rule: BUDDHA, substituteName: BUDDHA.name });
  entries.push(...lunarStretch(addDays(solarOfLunar(year, 8, 15), -1), '추석'));

  const table = new Map<CivilDate, string[]>();
  const put = (date: CivilDate, name: string): void => {
    const list = table.get(date) ?? [];
    list.push(name);
    table.set(date, list);
  };
  for (const e of entries) put(e.date, e.rule.name);

  // Art. 3: one substitute per day off lost; each sought after the date (or the lunar stretch), skipping
  // days already off (and Saturdays), in date order so that substitutes never collide.
  const byDate = [...table.keys()].sort();
  for (const date of byDate) {
    const here = entries.filter((e) => e.date === date);
    const eligible = here.filter((e) => e.rule.substitute !== null && date >= e.rule.substitute.from);
    if (eligible.length === 0) continue;
    let lost: Entry[];
    if (isSunday(date)) lost = eligible;
    else if (isSaturday(date)) lost = eligible.filter((e) => e.rule.substitute?.paragraph === 2);
    else lost = here.length > 1 ? eligible.slice(-(here.length - 1)) : [];
    for (const e of lost) {
      let day = addDays(e.stretchEnd ?? date, 1);
      while (isSaturday(day) || isSunday(day) || table.has(day)) day = addDays(day, 1);
      put(day, `대체공휴일(${e.substituteName})`);
    }
  }
  // Art. 2 item 11, after the substitutes: an election avoids a holiday and the days around one.
  for (const election of scheduledElections(year, (d) => isSunday(d) || table.has(d))) put(election.date, election.name);
  return table;
}
