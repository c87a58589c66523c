// Names of Korea's public holidays in each reader's language (pure). The calendar data (the gazetted list and the
// rules of the Regulations on Holidays of Government Offices) names them in Korean; pages in en, ja, zh and fr
// show them through `holidayName`, never the Korean text. Substitute and temporary holidays and numbered
// elections are phrased from their parts ("대체공휴일(추석)" → "Substitute holiday (Chuseok)").
import type { MessageLocale } from '../i18n/icu.ts';

type Names = Readonly<Record<Exclude<MessageLocale, 'ko'>, string>>;

const BASE: Readonly<Record<string, Names>> = {
  '1월 1일': { en: 'New Year’s Day', ja: '元日', zh: '元旦', fr: 'Jour de l’An' },
  '3ㆍ1절': { en: 'Independence Movement Day', ja: '三・一節', zh: '三一节', fr: 'Fête du mouvement d’indépendance' },
  '노동절': { en: 'Labour Day', ja: '労働節', zh: '劳动节', fr: 'Fête du travail' },
  '어린이날': { en: 'Children’s Day', ja: 'こどもの日', zh: '儿童节', fr: 'Fête des enfants' },
  '현충일': { en: 'Memorial Day', ja: '顕忠日', zh: '显忠日', fr: 'Jour du souvenir' },
  '제헌절': { en: 'Constitution Day', ja: '制憲節', zh: '制宪节', fr: 'Fête de la Constitution' },
  '광복절': { en: 'Liberation Day', ja: '光復節', zh: '光复节', fr: 'Fête de la libération' },
  '개천절': { en: 'National Foundation Day', ja: '開天節', zh: '开天节', fr: 'Fête de la fondation nationale' },
  '한글날': { en: 'Hangeul Day', ja: 'ハングルの日', zh: '韩文日', fr: 'Jour du hangeul' },
  '기독탄신일': { en: 'Christmas Day', ja: 'クリスマス', zh: '圣诞节', fr: 'Noël' },
  '설날 전날': { en: 'Day before Seollal', ja: 'ソルラル前日', zh: '春节前一天', fr: 'Veille du Nouvel An lunaire' },
  '설날': { en: 'Seollal', ja: 'ソルラル', zh: '春节', fr: 'Nouvel An lunaire' },
  '설날 다음 날': { en: 'Day after Seollal', ja: 'ソルラル翌日', zh: '春节次日', fr: 'Lendemain du Nouvel An lunaire' },
  '부처님 오신 날': { en: 'Buddha’s Birthday', ja: '釈迦誕生日', zh: '佛诞日', fr: 'Anniversaire de Bouddha' },
  '추석 전날': { en: 'Day before Chuseok', ja: 'チュソク前日', zh: '中秋节前一天', fr: 'Veille de Chuseok' },
  '추석': { en: 'Chuseok', ja: 'チュソク', zh: '中秋节', fr: 'Chuseok' },
  '추석 다음 날': { en: 'Day after Chuseok', ja: 'チュソク翌日', zh: '中秋节次日', fr: 'Lendemain de Chuseok' },
  '전국동시지방선거': { en: 'Nationwide local elections', ja: '全国同時地方選挙', zh: '全国同步地方选举', fr: 'Élections locales' },
  '대통령선거': { en: 'Presidential election', ja: '大統領選挙', zh: '总统选举', fr: 'Élection présidentielle' },
  '국회의원선거': { en: 'National Assembly election', ja: '国会議員選挙', zh: '国会议员选举', fr: 'Élections législatives' },
  '임시공휴일': { en: 'Temporary public holiday', ja: '臨時公休日', zh: '临时公休日', fr: 'Jour férié exceptionnel' },
};

const SUBSTITUTE: Names = { en: 'Substitute holiday ({name})', ja: '振替休日（{name}）', zh: '替代公休日（{name}）', fr: 'Jour férié de remplacement ({name})' };
const TEMPORARY: Names = { en: 'Temporary public holiday ({name})', ja: '臨時公休日（{name}）', zh: '临时公休日（{name}）', fr: 'Jour férié exceptionnel ({name})' };
const NUMBERED_ASSEMBLY: Names = { en: '{n}th National Assembly election', ja: '第{n}代国会議員選挙', zh: '第{n}届国会议员选举', fr: '{n}e élections législatives' };

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
const ordinalEn = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;

/** The holiday's name in `locale`; a name this table does not know stays Korean (the caller marks it lang="ko"). */
export function holidayName(locale: MessageLocale, korean: string): string {
  if (locale === 'ko') return korean;
  const name = korean.trim();
  const known = BASE[name];
  if (known) return known[locale];
  const wrapped = /^(대체공휴일|임시공휴일)\((.+)\)$/.exec(name);
  if (wrapped) return fill((wrapped[1] === '대체공휴일' ? SUBSTITUTE : TEMPORARY)[locale], { name: holidayName(locale, wrapped[2]!) });
  const assembly = /^제(\d+)대\s*국회의원선거$/.exec(name);
  if (assembly) {
    const n = Number(assembly[1]);
    return locale === 'en' ? fill(NUMBERED_ASSEMBLY.en.replace('{n}th', '{n}'), { n: ordinalEn(n) }) : fill(NUMBERED_ASSEMBLY[locale], { n: String(n) });
  }
  return korean;
}

/** Whether `holidayName` has this name in other languages (else it is shown as Korean, marked so). */
export function isKnownHolidayName(korean: string): boolean {
  return holidayName('en', korean) !== korean;
}
