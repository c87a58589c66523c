// Exemption drafts (issue 14, "From plan to zone"): written in the designation's transaction from the plan's special
// cases (src/domain/exemptions/drafts.ts), read by MSS and the zone's governments, confirmed or dismissed by MSS.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import type { HolidayCalendar } from '../../domain/calendar/holidays.ts';
import { draftsFromPlan, type PlanSpecialCase } from '../../domain/exemptions/drafts.ts';
import type { Term } from '../../domain/exemptions/validity.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { format, type Locale } from '../../i18n/locales.ts';
import type { ExemptionDraft } from '../../contract/exemption-drafts.ts';

interface SpecialCaseText extends PlanSpecialCase {
  readonly regulation: I18nText;
  readonly responsibleMinistry: I18nText | null;
}

/** Writes one open draft per special case of the designated plan; how many. */
export async function writeDrafts(trx: Database, input: {
  zoneId: string; planId: string; cases: readonly SpecialCaseText[]; designatedOn: CivilDate; zone: Term; calendar: HolidayCalendar;
}): Promise<number> {
  const proposals = draftsFromPlan(input.cases, input.designatedOn, input.zone, input.calendar);
  if (proposals.length === 0) return 0;
  // A special case may name a regulation the catalogue no longer has: the draft then names none (MSS picks one).
  const wanted = proposals.flatMap((p) => p.regulationIds);
  const known = new Set(wanted.length === 0 ? [] : (await trx.selectFrom('regulation').select('id').where('id', 'in', wanted).execute()).map((r) => r.id));
  await trx.insertInto('exemption_draft').values(proposals.map((p, i) => {
    const c = input.cases[i]!;
    return {
      id: randomUUID(), zone_id: input.zoneId, plan_id: input.planId, plan_item: p.planItem, kind: p.kind, title: JSON.stringify(p.title),
      regulation_ids: p.regulationIds.filter((r) => known.has(r)), stages: [...p.stages], conditions_text: JSON.stringify(p.conditionsText),
      valid_from: p.validFrom, valid_until: p.validUntil, state: 'open' as const, exemption_id: null, reason: null, decided_by: null, decided_at: null,
      special_case: JSON.stringify({ law: c.law, provision: c.provision, regulation: c.regulation, request: c.request, responsibleMinistry: c.responsibleMinistry }),
    };
  })).execute();
  return proposals.length;
}

export function lockDraft(trx: Database, id: string) {
  return trx.selectFrom('exemption_draft').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export type DraftRow = NonNullable<Awaited<ReturnType<typeof lockDraft>>>;

/** The drafts of a zone (oldest first, in the plan's order), with the regulations they name. */
export async function zoneDrafts(db: Database, zoneId: string): Promise<ExemptionDraft[]> {
  const rows = await db.selectFrom('exemption_draft').selectAll().where('zone_id', '=', zoneId).orderBy('created_at').orderBy('plan_item').execute();
  return draftViews(db, rows);
}

export async function draftViews(db: Database, rows: readonly DraftRow[]): Promise<ExemptionDraft[]> {
  const ids = [...new Set(rows.flatMap((r) => r.regulation_ids))];
  const regulations = new Map((ids.length === 0 ? [] : await db.selectFrom('regulation').select(['id', 'title', 'law', 'article', 'paragraph']).where('id', 'in', ids).execute())
    .map((r) => [r.id, { id: r.id, title: r.title as I18nText, law: r.law as I18nText, article: r.article, paragraph: r.paragraph }]));
  return rows.map((r) => ({
    id: r.id, zoneId: r.zone_id, planId: r.plan_id, planItem: r.plan_item, kind: r.kind, title: r.title as I18nText,
    regulations: r.regulation_ids.flatMap((id) => regulations.get(id) ?? []), stages: r.stages, conditionsText: r.conditions_text as I18nText,
    validFrom: r.valid_from, validUntil: r.valid_until, specialCase: r.special_case as ExemptionDraft['specialCase'],
    state: r.state, exemptionId: r.exemption_id, reason: r.reason as I18nText | null, decidedAt: r.decided_at?.toISOString() ?? null,
  }));
}

const DECIDED: Record<Locale, string> = {
  ko: '이 규제특례 초안은 이미 {state, select, confirmed {확인되어 규제특례로 기록되었습니다} other {기각되었습니다}}.',
  en: 'This exemption draft was already {state, select, confirmed {confirmed and recorded as an exemption} other {dismissed}}.',
  ja: 'この規制特例の草案はすでに{state, select, confirmed {確認され、規制特例として記録されています} other {却下されています}}。',
  zh: '该监管特例草案已{state, select, confirmed {确认并记录为监管特例} other {被驳回}}。',
  fr: 'Ce projet d’exemption a déjà été {state, select, confirmed {confirmé et enregistré comme exemption} other {écarté}}.',
};

/** The reason of the 409 for a draft MSS already decided, in the reader's language. */
export const alreadyDecided = (locale: Locale, state: string): string => format(locale, DECIDED[locale], { state });
