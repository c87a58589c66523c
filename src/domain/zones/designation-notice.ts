/**
 * The gazette-style public notice of a designation (RFZ Act Art. 75(4); Decree Art. 44(3)) and the
 * designation number. Pure: built from the approved plan's content, shown on the public zone page.
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { I18nText } from '../i18n-text.ts';

export interface NoticeOperator {
  readonly name: I18nText;
  readonly address: I18nText | null;
}

export interface NoticeExemption {
  readonly kind: string;
  readonly law: I18nText;
  readonly provision: string;
  readonly request: I18nText;
}

/** Items of Decree Art. 44(3) (1 name/location/area, 2 purpose and period, 4 operators, 6 special cases, 7 map). */
export interface DesignationNotice {
  readonly number: string;
  readonly gazettedOn: CivilDate;
  readonly name: I18nText;
  /** Item 1: the municipalities of the sites and the total area of the sites in m². */
  readonly location: readonly string[];
  readonly areaSqm: number;
  /** Item 2: purpose (the plan's summary, or its industries) and the designation period. */
  readonly purpose: I18nText;
  readonly periodStart: CivilDate;
  readonly periodEnd: CivilDate;
  readonly operators: readonly NoticeOperator[];
  readonly exemptions: readonly NoticeExemption[];
  /** Item 7: the regions the map shows (the participating governments). */
  readonly mapRegions: readonly string[];
  readonly conditions: I18nText | null;
  readonly rule: string;
}

/**
 * Designation number `RFZ-<year>-<nnn>`: the year of the gazette and the zone's sequence among the zones
 * designated on ZoneLink that year (ZoneLink's numbering; the gazette's own notice number is MSS's).
 */
export function designationNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) throw new RangeError(`designation sequence out of range: ${sequence}`);
  return `RFZ-${year}-${String(sequence).padStart(3, '0')}`;
}

export interface NoticeInput {
  readonly number: string;
  readonly gazettedOn: CivilDate;
  readonly name: I18nText;
  readonly summary: I18nText | null;
  readonly industries: readonly I18nText[];
  readonly sites: readonly { readonly regionCode: string; readonly areaSqm: number | null }[];
  readonly companies: readonly NoticeOperator[];
  readonly exemptions: readonly NoticeExemption[];
  readonly regions: readonly string[];
  readonly periodStart: CivilDate;
  readonly periodEnd: CivilDate;
  readonly conditions: I18nText | null;
}

function joined(texts: readonly I18nText[]): I18nText {
  const ko = texts.map((t) => t.ko).join(', ');
  const out: Record<string, string> = { ko };
  for (const locale of ['en', 'ja', 'zh', 'fr'] as const) {
    if (texts.length > 0 && texts.every((t) => t[locale])) out[locale] = texts.map((t) => t[locale]!).join(', ');
  }
  return out as I18nText;
}

export function buildDesignationNotice(input: NoticeInput): DesignationNotice {
  const purpose = input.summary ?? (input.industries.length > 0 ? joined(input.industries) : input.name);
  return {
    number: input.number,
    gazettedOn: input.gazettedOn,
    name: input.name,
    location: [...new Set(input.sites.map((s) => s.regionCode))].sort(),
    areaSqm: input.sites.reduce((sum, s) => sum + (s.areaSqm ?? 0), 0),
    purpose,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    operators: input.companies.map((c) => ({ name: c.name, address: c.address })),
    exemptions: input.exemptions.map((e) => ({ kind: e.kind, law: e.law, provision: e.provision, request: e.request })),
    mapRegions: [...input.regions],
    conditions: input.conditions,
    rule: 'RFZ Act Art. 75(4); Decree Art. 44(3)',
  };
}
