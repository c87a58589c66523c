// Recomputes the stored search tokens of every regulation and exemption with the current tokenizer
// (src/domain/search): run by the migrations that change what a token is or which texts are indexed.
import type { Kysely } from 'kysely';
import type { I18nText } from '../../domain/i18n-text.ts';
import { exemptionFields, regulationFields, tokensOf } from '../../domain/search/documents.ts';
import type { DB } from '../schema.ts';
import { conditionTexts } from '../../server/exemptions/store.ts';
import type { Conditions } from '../../contract/exemption-conditions.ts';

export async function reindexSearch(db: Kysely<DB>): Promise<{ regulations: number; exemptions: number }> {
  const regulations = await db.selectFrom('regulation').select(['id', 'law', 'article', 'paragraph', 'ministry', 'ministry_name', 'title', 'body']).execute();
  for (const r of regulations) {
    const tokens = tokensOf(regulationFields({ law: r.law, article: r.article, paragraph: r.paragraph, ministry: r.ministry, ministryName: r.ministry_name, title: r.title, body: r.body }));
    await db.updateTable('regulation').set({ search_tokens: tokens }).where('id', '=', r.id).execute();
  }
  const exemptions = await db.selectFrom('exemption').innerJoin('zone', 'zone.id', 'exemption.zone_id')
    .select(['exemption.id as id', 'exemption.title as title', 'exemption.conditions as conditions', 'zone.name as zoneName']).execute();
  const links = await db.selectFrom('exemption_regulation').innerJoin('regulation', 'regulation.id', 'exemption_regulation.regulation_id')
    .select(['exemption_regulation.exemption_id as exemptionId', 'regulation.title as title', 'regulation.law as law']).execute();
  const titles = new Map<string, I18nText[]>();
  for (const l of links) titles.set(l.exemptionId, [...(titles.get(l.exemptionId) ?? []), l.title, l.law]);
  for (const e of exemptions) {
    const conditions = e.conditions as Conditions;
    const tokens = tokensOf(exemptionFields({
      title: e.title, conditionsText: conditions.text, conditionTexts: conditionTexts(conditions), zoneName: e.zoneName, regulationTitles: titles.get(e.id) ?? [],
    }));
    await db.updateTable('exemption').set({ search_tokens: tokens }).where('id', '=', e.id).execute();
  }
  return { regulations: regulations.length, exemptions: exemptions.length };
}
