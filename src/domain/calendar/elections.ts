/**
 * Election days of elections held at the expiry of a term — public holidays under the Regulations on
 * Holidays of Government Offices Art. 2 item 11.
 *
 * Public Official Election Act (공직선거법) Art. 34(1): the president is elected on the first Wednesday
 * from the 70th day before the term expires, the National Assembly from the 50th day, local councils
 * and heads from the 30th day; Art. 34(2): when that Wednesday is a public holiday, or the day before or
 * after it is, the election moves to the Wednesday of the following week.
 * Terms (Constitution Art. 42, 70; Public Official Election Act Art. 14): the National Assembly's ends on
 * 29 May of every year divisible by 4 (22nd: 2024-05-30 – 2028-05-29); local terms end on 30 June
 * (2026, 2030, …); the 21st president's term runs 2025-06-04 – 2030-06-03 (after the early election of
 * 2025-06-03), then every 5 years. The 19th president's term ended 2022-05-09.
 * An early election (a vacancy) is not scheduled here: the government designates it and an
 * administrator adds it as a one-off holiday.
 */
import { addDays, civilDate, weekday, type CivilDate } from './civil-date.ts';

export interface ScheduledElection {
  readonly date: CivilDate;
  readonly name: string;
}

interface TermEnd {
  readonly end: CivilDate;
  readonly daysBefore: number;
  readonly name: string;
}

function termEnds(year: number): TermEnd[] {
  const y = String(year).padStart(4, '0');
  const ends: TermEnd[] = [];
  const presidentEnds = year === 2022 || (year >= 2030 && (year - 2030) % 5 === 0);
  if (presidentEnds) ends.push({ end: civilDate(year === 2022 ? '2022-05-09' : `${y}-06-03`), daysBefore: 70, name: '대통령선거' });
  if (year % 4 === 0) ends.push({ end: civilDate(`${y}-05-29`), daysBefore: 50, name: '국회의원선거' });
  if (year % 4 === 2) ends.push({ end: civilDate(`${y}-06-30`), daysBefore: 30, name: '전국동시지방선거' });
  return ends;
}

const WEDNESDAY = 3;

/** The year's election days by term expiry; `isHoliday` tells the public holidays (Art. 34(2)). */
export function scheduledElections(year: number, isHoliday: (date: CivilDate) => boolean): ScheduledElection[] {
  return termEnds(year).map(({ end, daysBefore, name }) => {
    let day = addDays(end, -daysBefore);
    while (weekday(day) !== WEDNESDAY) day = addDays(day, 1);
    while (isHoliday(day) || isHoliday(addDays(day, -1)) || isHoliday(addDays(day, 1))) day = addDays(day, 7);
    return { date: day, name };
  });
}
