import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as presets from '@hyunbinseo/holidays-kr/all';
import { holidaysByRules, LunarRangeError, RULES_LAST_YEAR, solarOfLunar } from './holiday-rules.ts';
import { scheduledElections } from './elections.ts';
import { civilDate } from './civil-date.ts';

const ONE_OFF = /^임시공휴일/;
const ELECTION = /선거/;
/** Names of elections differ only by the term's ordinal (제21대 국회의원선거, 제22대국회의원선거). */
const electionKind = (name: string): string => name.replace(/^제\d+대\s*/, '');

const gazetted: [number, Record<string, readonly string[]>][] = Object.entries(presets)
  .filter(([name]) => /^y\d{4}$/.test(name))
  .map(([name, table]) => [Number(name.slice(1)), table as Record<string, readonly string[]>]);

describe('the rules give every gazetted year (Regulations on Holidays of Government Offices Art. 2, 3)', () => {
  it('the package lists at least 2018–2027', () => {
    assert.ok(gazetted.length >= 10);
  });
  for (const [year, table] of gazetted) {
    it(`${year}: every gazetted holiday but the government's one-off designations (Art. 2 item 12)`, () => {
      const computed = holidaysByRules(year);
      const expected = new Map<string, string[]>();
      for (const [date, names] of Object.entries(table)) {
        const kept = names.filter((n) => !ONE_OFF.test(n)).map((n) => (ELECTION.test(n) ? electionKind(n) : n));
        if (kept.length > 0) expected.set(date, kept);
      }
      assert.deepEqual(Object.fromEntries([...computed].sort()), Object.fromEntries([...expected].sort()));
    });
  }
});

describe('the rules, case by case', () => {
  // [date, the names expected that day, the rule]
  const rows: [string, string[], string][] = [
    ['2028-01-27', ['설날'], 'lunar 1/1 of 2028 is 2028-01-27 in Korea (KASI), 01-26 in China (Art. 2 item 4)'],
    ['2028-05-02', ['부처님 오신 날'], 'lunar 4/8 (Art. 2 item 6)'],
    ['2028-10-03', ['개천절', '추석'], 'Chuseok on National Foundation Day (Art. 2 items 4, 9)'],
    ['2028-10-05', ['대체공휴일(추석)'], 'one day off lost by the coincidence: one substitute after the stretch (Art. 3(1))'],
    ['2028-04-12', ['국회의원선거'], 'first Wednesday from the 50th day before the 22nd Assembly term ends on 2028-05-29 (Election Act Art. 34(1) 2)'],
    ['2029-09-24', ['대체공휴일(추석)'], 'Chuseok eve on a Sunday (Art. 3(1))'],
    ['2030-03-27', ['대통령선거'], 'first Wednesday from the 70th day before the 21st president\'s term ends on 2030-06-03 (Art. 34(1) 1)'],
    ['2030-06-12', ['전국동시지방선거'], 'Wednesday 06-05 is the day before 현충일, so the next Wednesday (Art. 34(2))'],
    ['2050-05-02', ['대체공휴일(노동절)'], '노동절 on a Sunday (Art. 3(2), from 2026)'],
    ['2050-07-18', ['대체공휴일(제헌절)'], '제헌절 on a Sunday (Art. 3(2), from 2026)'],
    ['2050-12-26', ['대체공휴일(기독탄신일)'], 'Christmas on a Sunday (Art. 3(2), from 2023-05-04)'],
  ];
  for (const [date, names, rule] of rows) {
    it(`${date}: ${rule}`, () => {
      const year = Number(date.slice(0, 4));
      assert.deepEqual(holidaysByRules(year).get(civilDate(date)), names);
    });
  }

  it('no substitute for 1월 1일 and 현충일 on a weekend, nor for Seollal/Chuseok on a Saturday (Art. 3)', () => {
    assert.equal(holidaysByRules(2033).get(civilDate('2033-01-03')), undefined, '2033-01-01 is a Saturday');
    assert.equal(holidaysByRules(2027).get(civilDate('2027-06-07')), undefined, '2027-06-06 is a Sunday');
    assert.equal(holidaysByRules(2019).get(civilDate('2019-09-16')), undefined, 'Chuseok day after on Saturday 2019-09-14');
  });

  it('before 2021-08-04 the national days had no substitute (Art. 3(2) as then in force)', () => {
    assert.equal(holidaysByRules(2020).get(civilDate('2020-08-17')), undefined);
    assert.deepEqual(holidaysByRules(2021).get(civilDate('2021-08-16')), ['대체공휴일(광복절)']);
  });

  it('an early election is not scheduled: it is designated (a one-off)', () => {
    assert.deepEqual(scheduledElections(2025, () => false), []);
    assert.deepEqual(scheduledElections(2022, () => false).map((e) => e.date), ['2022-03-02', '2022-06-01']);
  });

  it('the supported range ends where the lunisolar table does (lunar 2050-11-18)', () => {
    assert.equal(RULES_LAST_YEAR, 2050);
    assert.equal(solarOfLunar(2050, 8, 15), '2050-09-30');
    assert.throws(() => holidaysByRules(2051), LunarRangeError);
    assert.throws(() => solarOfLunar(2051, 1, 1), LunarRangeError);
  });
});
