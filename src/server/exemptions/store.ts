// Exemptions: rows, search tokens (title, conditions, zone, suspended regulations) and inserts.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import type { ExemptionKind } from '../../domain/exemptions/validity.ts';
import type { ExemptionState } from '../../domain/exemptions/lifecycle.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { exemptionFields, tokensOf } from '../../domain/search/documents.ts';
import type { Conditions } from '../../contract/exemption-conditions.ts';

export interface ExemptionInsert {
  kind: ExemptionKind;
  title: I18nText;
  zoneId: string;
  holders: string[];
  regulationIds: string[];
  conditions: Conditions;
  stages: string[];
  grantedOn: string;
  validFrom: string | null;
  validUntil: string | null;
  state: ExemptionState;
  extensions?: number;
  amendmentRequestedOn?: string | null;
  lawAmendedOn?: string | null;
  demo: boolean;
}

export function conditionTexts(c: Conditions): I18nText[] {
  return [c.scope, c.area, c.time, ...c.safetyMeasures, ...c.quantities.map((q) => q.item)].filter((t): t is NonNullable<typeof t> => t !== null);
}

/** Recomputes the search tokens of an exemption from its own fields, its zone and its regulations. */
export async function exemptionTokens(db: Database, e: { title: I18nText; conditions: Conditions; zoneId: string; regulationIds: readonly string[] }): Promise<string[]> {
  const zone = await db.selectFrom('zone').select('name').where('id', '=', e.zoneId).executeTakeFirstOrThrow();
  const regs = e.regulationIds.length === 0 ? [] : await db.selectFrom('regulation').select(['title', 'law']).where('id', 'in', [...e.regulationIds]).execute();
  return tokensOf(exemptionFields({
    title: e.title, conditionsText: e.conditions.text, conditionTexts: conditionTexts(e.conditions), zoneName: zone.name,
    regulationTitles: regs.flatMap((r) => [r.title, r.law]),
  }));
}

export async function insertExemption(db: Database, e: ExemptionInsert, id: string = randomUUID()): Promise<string> {
  const tokens = await exemptionTokens(db, e);
  await db.insertInto('exemption').values({
    id, kind: e.kind, title: JSON.stringify(e.title), zone_id: e.zoneId, holders: e.holders, conditions: JSON.stringify(e.conditions), stages: e.stages,
    granted_on: e.grantedOn, valid_from: e.validFrom, valid_until: e.validUntil, extensions: e.extensions ?? 0, extension_ground: null, state: e.state,
    amendment_requested_on: e.amendmentRequestedOn ?? null, amendment: null, law_amended_on: e.lawAmendedOn ?? null, demo: e.demo, search_tokens: tokens,
  }).execute();
  if (e.regulationIds.length > 0) {
    await db.insertInto('exemption_regulation').values(e.regulationIds.map((regulation_id) => ({ exemption_id: id, regulation_id }))).execute();
  }
  return id;
}
