// What of a regulation or an exemption is searchable: every language of every text field, grouped by
// field so that ranking can count the fields a query matches.
import type { I18nText } from '../i18n-text.ts';
import { documentTokens } from './tokenize.ts';

const all = (text: I18nText | null | undefined): string[] => (text ? Object.values(text).filter((v): v is string => typeof v === 'string') : []);

export interface RegulationDoc {
  readonly law: I18nText;
  readonly article: string;
  readonly paragraph: string | null;
  readonly ministry: string;
  readonly ministryName: I18nText;
  readonly title: I18nText;
  readonly body: I18nText;
}

export function regulationFields(r: RegulationDoc): Record<'title' | 'law' | 'body' | 'ministry', string[]> {
  return {
    title: all(r.title),
    law: [...all(r.law), `${r.article}${r.paragraph ? `(${r.paragraph})` : ''}`],
    body: all(r.body),
    ministry: [r.ministry, ...all(r.ministryName)],
  };
}

export interface ExemptionDoc {
  readonly title: I18nText;
  readonly conditionsText: I18nText | null;
  readonly conditionTexts: readonly I18nText[];
  readonly zoneName: I18nText;
  readonly regulationTitles: readonly I18nText[];
}

export function exemptionFields(e: ExemptionDoc): Record<'title' | 'conditions' | 'zone' | 'regulations', string[]> {
  return {
    title: all(e.title),
    conditions: [...all(e.conditionsText), ...e.conditionTexts.flatMap(all)],
    zone: all(e.zoneName),
    regulations: e.regulationTitles.flatMap(all),
  };
}

export const tokensOf = (fields: Record<string, readonly string[]>): string[] => documentTokens(Object.values(fields).flat());

export interface PlanDoc {
  readonly title: I18nText;
  readonly summary: I18nText | null;
  readonly industries: readonly I18nText[];
  /** The exemptions the plan asks for: law, provision, the regulation and the request. */
  readonly exemptions: readonly { readonly law: I18nText; readonly provision: string; readonly regulation: I18nText; readonly request: I18nText }[];
  readonly narrative: readonly I18nText[];
}

export function planFields(p: PlanDoc): Record<'title' | 'body' | 'regulations' | 'conditions', string[]> {
  return {
    title: all(p.title),
    body: [...all(p.summary), ...p.industries.flatMap(all), ...p.narrative.flatMap(all)],
    regulations: p.exemptions.flatMap((e) => [...all(e.law), e.provision, ...all(e.regulation)]),
    conditions: p.exemptions.flatMap((e) => all(e.request)),
  };
}
