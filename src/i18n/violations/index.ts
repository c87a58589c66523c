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
import { citation } from '../../domain/i18n/citation.ts';
import { planActionText, guardsText } from '../../domain/i18n/plan-terms.ts';
import { zoneStateLabel } from './zones/states.ts';

export { citation };

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
    case 'guards': case 'guard': return typeof value === 'string' ? guardsText(locale, value.split(/,\s*/)) : String(value);
    case 'state': return scope === 'zone' && typeof value === 'string' ? zoneStateLabel(locale, value) : label(c.states, value);
    case 'action': return (scope === 'zone' && typeof value === 'string' ? planActionText(locale, value) : undefined) ?? label(c.actions, value);
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
