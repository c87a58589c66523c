/**
 * From plan to zone (issue 14): when a zone is designated, each special case its plan asked for (규제특례 등, RFZ Act
 * Art. 74(1) item 4) becomes an exemption draft that MSS confirms or corrects before it is recorded as granted — so
 * the zone is usable the day it is designated and nobody retypes the plan.
 *
 * A draft carries what the plan says (the regulation it would suspend, when the catalogue knows it; the stages; the
 * request as the conditions' first text) and proposes the longest lawful term from the designation day: the
 * statutory first term capped at the zone's period (`lawfulTerm`, decision record 0013); the zone's period for a
 * menu special case (Art. 80(1)); no term for a rapid confirmation (an answer, Art. 85).
 */
import { maxDate, type CivilDate } from '../calendar/civil-date.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import { clipText, joinTexts, type I18nText } from '../i18n-text.ts';
import { lawfulTerm } from './lawful-term.ts';
import type { ExemptionKind, Term } from './validity.ts';

/** Kinds of special case a plan may ask for, as the plan form names them. */
export type PlanExemptionKind = 'demonstration' | 'temporary_permit' | 'rapid_confirmation' | 'menu';

/** A special case as the plan records it. */
export interface PlanSpecialCase {
  readonly id: string;
  readonly kind: PlanExemptionKind;
  readonly law: I18nText;
  readonly provision: string;
  readonly request: I18nText;
  readonly stages: readonly string[];
  readonly regulationId?: string | null;
}

export interface ExemptionDraftProposal {
  /** The special case's id in the plan. */
  readonly planItem: string;
  readonly kind: ExemptionKind;
  readonly title: I18nText;
  readonly regulationIds: readonly string[];
  readonly stages: readonly string[];
  /** The conditions' text to start from: what the plan asked for. */
  readonly conditionsText: I18nText;
  readonly validFrom: CivilDate | null;
  readonly validUntil: CivilDate | null;
}

export const EXEMPTION_KIND_OF_PLAN: Readonly<Record<PlanExemptionKind, ExemptionKind>> = {
  demonstration: 'demonstration_exemption',
  temporary_permit: 'temporary_permit',
  rapid_confirmation: 'rapid_confirmation',
  menu: 'menu_special_case',
};

/** The term proposed for a grant of `kind` made on `grantedOn` in a zone of period `zone`; null for no term. */
export function proposedTerm(kind: ExemptionKind, grantedOn: CivilDate, zone: Term, calendar: HolidayCalendar): { from: CivilDate; until: CivilDate } | null {
  if (kind === 'rapid_confirmation') return null;
  const from = maxDate(grantedOn, zone.from);
  const lawful = lawfulTerm({ kind, grantedOn, from, zone, calendar });
  const until = lawful?.firstTermUntil ?? null;
  return until === null || until < from ? null : { from, until };
}

/** One draft per special case of the plan, in the plan's order. */
export function draftsFromPlan(cases: readonly PlanSpecialCase[], designatedOn: CivilDate, zone: Term, calendar: HolidayCalendar): ExemptionDraftProposal[] {
  return cases.map((c) => {
    const kind = EXEMPTION_KIND_OF_PLAN[c.kind];
    const term = proposedTerm(kind, designatedOn, zone, calendar);
    return {
      planItem: c.id,
      kind,
      // "항공안전법 제129조 — 비가시권 비행 허용": the law and provision, then what is asked, within a title's length.
      title: clipText(joinTexts(' — ', joinTexts(' ', c.law, c.provision), c.request), 300),
      regulationIds: c.regulationId ? [c.regulationId] : [],
      stages: [...c.stages],
      conditionsText: clipText(c.request, 4000),
      validFrom: term?.from ?? null,
      validUntil: term?.until ?? null,
    };
  });
}
