// Regulatory needs (규제 수요) of zone plans and demonstration projects: their checks against the regulation
// catalogue and their coverage by exemptions (src/domain/supply-chain/coverage.ts); the shapes are in src/contract/needs.ts.
import type { Database } from '../../db/database.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { coverageOf, type RegulatoryNeed } from '../../domain/supply-chain/coverage.ts';
import type { FieldError } from '../errors.ts';
import type { CoverageView, NeedInput } from '../../contract/needs.ts';

/** Trimmed notes, an empty note is none. */
export const normaliseNeeds = (needs: readonly NeedInput[]): RegulatoryNeed[] =>
  needs.map((n) => ({ stage: n.stage, regulation: n.regulation, note: n.note?.trim() ? n.note.trim() : null }));

/** Regulation ids the catalogue does not hold, and repeated stage/regulation pairs, as field errors under `base`. */
export async function checkNeeds(db: Database, needs: readonly NeedInput[], base: string): Promise<FieldError[]> {
  const errors = await unknownRegulations(db, needs.map((n) => n.regulation), (i) => `${base}/${i}/regulation`);
  const seen = new Set<string>();
  needs.forEach((n, i) => {
    const key = `${n.stage}/${n.regulation}`;
    if (seen.has(key)) errors.push({ path: `${base}/${i}`, keyword: 'duplicate' });
    seen.add(key);
  });
  return errors;
}

/** Catalogue regulation ids that do not exist, as field errors (`path(i)` names the field of the i-th id). */
export async function unknownRegulations(db: Database, ids: readonly (string | null | undefined)[], path: (i: number) => string): Promise<FieldError[]> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  const known = new Set(wanted.length === 0 ? [] : (await db.selectFrom('regulation').select('id').where('id', 'in', wanted).execute()).map((r) => r.id));
  return ids.flatMap((id, i): FieldError[] => (typeof id === 'string' && !known.has(id) ? [{ path: path(i), keyword: 'unknown', params: { value: id } }] : []));
}


/**
 * The coverage of `needs` for an owner in zone `zoneId` (null: none yet), with the owner's requested special
 * cases (plans). Reads the exemptions that suspend any needed regulation, most recently granted first.
 */
export async function coverageFor(
  db: Database, zoneId: string | null, needs: readonly RegulatoryNeed[], requests: readonly { id: string; regulation: string | null; stages: readonly string[] }[] = [],
): Promise<CoverageView> {
  const regIds = [...new Set(needs.map((n) => n.regulation))];
  const zone = zoneId === null ? null : (await db.selectFrom('zone').select(['id', 'name']).where('id', '=', zoneId).executeTakeFirst()) ?? null;
  const regulations = regIds.length === 0 ? [] : await db.selectFrom('regulation').select(['id', 'title', 'law', 'article', 'paragraph']).where('id', 'in', regIds).execute();
  const links = regIds.length === 0 ? [] : await db.selectFrom('exemption_regulation').select(['exemption_id', 'regulation_id']).where('regulation_id', 'in', regIds).execute();
  const exemptionIds = [...new Set(links.map((l) => l.exemption_id))];
  const rows = exemptionIds.length === 0 ? [] : await db.selectFrom('exemption').innerJoin('zone', 'zone.id', 'exemption.zone_id')
    .select(['exemption.id as id', 'exemption.title as title', 'exemption.kind as kind', 'exemption.state as state', 'exemption.stages as stages', 'zone.id as zoneId', 'zone.name as zoneName'])
    .where('exemption.id', 'in', exemptionIds).orderBy('exemption.granted_on', 'desc').orderBy('exemption.id').execute();
  const coverage = coverageOf(zone?.id ?? null, needs, rows.map((r) => ({
    id: r.id, title: r.title, kind: r.kind, state: r.state, stages: r.stages, zone: { id: r.zoneId, name: r.zoneName },
    regulations: links.filter((l) => l.exemption_id === r.id).map((l) => l.regulation_id),
  })), requests);
  const byId = new Map(regulations.map((r) => [r.id, { id: r.id, title: r.title as I18nText, law: r.law as I18nText, article: r.article, paragraph: r.paragraph }]));
  return {
    zone: zone ? { id: zone.id, name: zone.name } : null,
    needs: coverage.needs, met: coverage.met,
    stages: coverage.stages.map((s) => ({ ...s, needs: s.needs.map((n) => ({ ...n, regulation: byId.get(n.regulation) ?? { id: n.regulation, title: { ko: n.regulation }, law: { ko: '' }, article: '', paragraph: null } })) })),
  };
}
