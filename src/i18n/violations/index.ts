// Rule violations as sentences in the reader's language: each names what is wrong with its dates, years,
// kinds and grounds formatted for that language, and cites the article (RFZ Act, Decree) in that language's
// usual form. Two code tables: exemptions (./<locale>.ts; src/server/exemptions/refuse.ts) and zone plans and
// zones (./zones/<locale>.ts; src/server/plans, src/server/zones), chosen by the violation's `scope`.
import { TYPE } from '@formatjs/icu-messageformat-parser';
import { messageArguments } from '../../domain/i18n/icu.ts';
import { regionByCode } from '../../domain/regions/reference.ts';
import { standingGovernmentByCode } from '../../domain/zones/special-governments.ts';
import { format, type Locale } from '../locales.ts';
import { violationsEn } from './en.ts';
import { violationsFr } from './fr.ts';
import { violationsJa } from './ja.ts';
import { violationsKo } from './ko.ts';
import { violationsZh } from './zh.ts';
import { zonesEn } from './zones/en.ts';
import { zonesFr } from './zones/fr.ts';
import { zonesJa } from './zones/ja.ts';
import { zonesKo } from './zones/ko.ts';
import { zonesZh } from './zones/zh.ts';
import { RULE_PHRASES, RULE_PHRASE_ORDER } from './rule-phrases.ts';
import { zoneStateLabel } from './zones/states.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type ExemptionViolations = Widen<typeof violationsEn>;
export type ZoneViolations = Widen<typeof zonesEn>;
export type ViolationCatalogue = ExemptionViolations & { zones: ZoneViolations };
export const violationCatalogues: Record<Locale, ViolationCatalogue> = {
  ko: { ...violationsKo, zones: zonesKo }, en: { ...violationsEn, zones: zonesEn }, ja: { ...violationsJa, zones: zonesJa },
  zh: { ...violationsZh, zones: zonesZh }, fr: { ...violationsFr, zones: zonesFr },
};

export interface ViolationLike {
  readonly code: string;
  readonly rule: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Which rules said it: exemption rules (default) or zone-plan and zone rules; some codes exist in both. */
  readonly scope?: 'exemption' | 'zone';
}

const REGION_PARAMS = new Set(['government', 'applicant', 'province', 'regionCode', 'region', 'member']);

/** "울산광역시 (26)" / "Ulsan (26)": the region's name in the reader's language, with its code. */
export function regionLabel(locale: Locale, code: string): string {
  const standing = standingGovernmentByCode(code);
  if (standing) return locale === 'ko' ? standing.name.ko : standing.name[locale];
  const region = regionByCode(code);
  if (!region) return code;
  return `${locale === 'ko' ? region.name.ko : region.name[locale] ?? region.name.en} (${code})`;
}

const INTL: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB', ja: 'ja-JP', zh: 'zh-CN', fr: 'fr-FR' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Calendar years (2025, not 2,025). */
const YEARS = new Set(['year', 'first', 'last']);

export function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** "RFZ Act Art. 57-3(2)–(4)" → "지역특구법 제57조의3제2항~제4항" / "地域特区法第57条の3第2項～第4項" / "loi RFZ, art. 57-3(2)–(4)". */
export function citation(locale: Locale, rule: string): string {
  const c = violationCatalogues[locale];
  let text = rule.replace(/ \((?:parenthesis|not for)[^)]*\)/g, '');
  if (locale === 'en') return text;
  const phrased = (t: string): string => RULE_PHRASE_ORDER.reduce((acc, phrase) => acc.replaceAll(phrase, RULE_PHRASES[phrase]![locale]), t);
  text = text.replaceAll('RFZ Act', c.law.act).replaceAll('Administrative Procedures Act', c.law.apa).replaceAll('Decree', c.law.decree);
  text = text.replaceAll(' proviso', locale === 'fr' ? `, ${c.law.proviso}` : locale === 'ko' ? ` ${c.law.proviso}` : c.law.proviso);
  if (locale === 'fr') return phrased(text.replaceAll('; ', ' ; ').replaceAll(' ; Art.', ' ; art.').replaceAll(' Art.', ', art.').replace(/ item (\d+)/g, ', $1°'));
  // Sub-items of a paragraph, "(c)": 다목 / ハ / 第3目.
  const letter = (l: string): string => {
    const i = l.charCodeAt(0) - 97;
    return locale === 'ko' ? `${'가나다라마바사아자차'[i]}목` : locale === 'ja' ? 'イロハニホヘトチリヌ'[i]! : `第${i + 1}目`;
  };
  const one = (ref: string): string => {
    const m = /^(\d+)(?:-(\d+))?(?:\((\d+)\))?(?:–\((\d+)\))?(\d*)(?:\(([a-j])\))?$/.exec(ref.trim());
    if (!m) return ref;
    const [, n, sub, p, q, item, sublet] = m;
    const tail = sublet ? letter(sublet) : '';
    if (locale === 'ko') return `제${n}조${sub ? `의${sub}` : ''}${p ? `제${p}항` : ''}${q ? `~제${q}항` : ''}${item ? `제${item}호` : ''}${tail}`;
    if (locale === 'ja') return `第${n}条${sub ? `の${sub}` : ''}${p ? `第${p}項` : ''}${q ? `～第${q}項` : ''}${item ? `第${item}号` : ''}${tail}`;
    return `第${n}条${sub ? `之${sub}` : ''}${p ? `第${p}款` : ''}${q ? `至第${q}款` : ''}${item ? `第${item}项` : ''}${tail}`;
  };
  const sep = { ko: { space: ' ', refs: ', ', laws: ', ' }, ja: { space: '', refs: '・', laws: '、' }, zh: { space: '', refs: '、', laws: '；' } }[locale];
  const itemOf = { ko: '제$1호', ja: '第$1号', zh: '第$1项' }[locale];
  const rendered = text.replace(/(;)? Art\. ((?:\d[\d\-()–a-j]*)(?:, \d[\d\-()–a-j]*)*)/g, (_, semicolon: string | undefined, refs: string) => (semicolon ? sep.laws : sep.space) + refs.split(', ').map(one).join(sep.refs));
  return phrased(rendered.replace(/ item (\d+)/g, itemOf).replaceAll('; ', sep.laws));
}

const label = (table: Record<string, string>, value: unknown): string => (typeof value === 'string' && value in table ? table[value]! : String(value ?? '—'));

function param(locale: Locale, key: string, value: unknown, scope: ViolationLike['scope']): string {
  const c = violationCatalogues[locale];
  if (Array.isArray(value)) return value.map((x) => param(locale, key, x, scope)).join(c.and);
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' && DATE.test(value)) return formatDate(locale, value);
  if (typeof value === 'number') return YEARS.has(key) ? String(value) : new Intl.NumberFormat(INTL[locale]).format(value);
  if (REGION_PARAMS.has(key) && typeof value === 'string') return regionLabel(locale, value);
  switch (key) {
    case 'kind': return label(c.kinds, value);
    case 'ground': case 'allowed': return label(c.grounds, value);
    case 'stage': case 'last': return label(c.stages, value);
    case 'item': case 'items': return label(scope === 'zone' ? c.zones.items : c.items, value);
    case 'state': return scope === 'zone' && typeof value === 'string' ? zoneStateLabel(locale, value) : label(c.states, value);
    case 'action': return label(c.actions, value);
    default: return String(value);
  }
}

/** The violation as one sentence in `locale`, ending with the article it breaks. */
export function violationSentence(locale: Locale, v: ViolationLike): string {
  const c = violationCatalogues[locale];
  const template = ((v.scope === 'zone' ? c.zones.codes : c.codes) as Record<string, string>)[v.code];
  const params: Record<string, string | number> = { rule: citation(locale, v.rule) };
  // A count the message pluralises or formats itself stays a number; every other value becomes the reader's text.
  const counted = template ? messageArguments(template) : new Map();
  for (const [k, x] of Object.entries(v.params)) params[k] = typeof x === 'number' && (counted.get(k) === TYPE.plural || counted.get(k) === TYPE.number) ? x : param(locale, k, x, v.scope);
  if (v.code === 'end-before-start') {
    // The earlier bound comes first, the date given second, whatever their names (from/until, notifiedOn/requestedOn…).
    const [first, second] = Object.keys(v.params) as [string, string];
    const dates = c.dates as Record<string, string>;
    Object.assign(params, { from: params[first], until: params[second], fromName: dates[first] ?? first, untilName: dates[second] ?? second });
  }
  if (!template) return `${v.code} (${citation(locale, v.rule)})`;
  return format(locale, template, params);
}

/** A zone-plan or zone rule violation (src/domain/zones, src/server/plans, src/server/zones) as a sentence. */
export const zoneViolationSentence = (locale: Locale, v: Omit<ViolationLike, 'scope'>): string => violationSentence(locale, { ...v, scope: 'zone' });
