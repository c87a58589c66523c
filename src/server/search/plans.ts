// Zone plans in the precedent search. Plans are few (one per application), so their tokens are computed
// here with the same tokenizer as the stored ones and matched in the application — the same answer on
// PGlite and PostgreSQL. A plan is found by everyone once designated (it is gazetted, Decree Art. 44(3));
// before that only by those who may read it (its governments, MSS, responsible ministries once submitted):
// decided in SQL first (visiblePlans, the list's rule), so an anonymous search reads only designated plans.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import { decide } from '../../domain/auth/policy.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { planFields, tokensOf } from '../../domain/search/documents.ts';
import { rank, type Ranked } from '../../domain/search/rank.ts';
import { participantsOf, type PlanContent } from '../plans/content.ts';
import { visiblePlans } from '../plans/visible-plans.ts';

const PUBLIC_STATES = ['designated', 'designated_with_conditions'] as const;
const isPublic = (state: string): boolean => (PUBLIC_STATES as readonly string[]).includes(state);

export interface PlanHit {
  id: string;
  title: I18nText;
  state: string;
  stages: string[];
  year: number;
  demo: boolean;
  zone: { id: string; name: I18nText } | null;
  ranked: Ranked;
}

export async function searchPlans(
  db: Database, request: FastifyRequest, q: string, tokens: readonly string[], filters: { zone?: string; stage?: string; year?: number },
): Promise<PlanHit[]> {
  let query = db.selectFrom('zone_plan').leftJoin('zone', 'zone.id', 'zone_plan.zone_id')
    .select(['zone_plan.id as id', 'zone_plan.state as state', 'zone_plan.content as content', 'zone_plan.lead_region as lead', 'zone_plan.submitted_on as submittedOn',
      'zone_plan.created_at as createdAt', 'zone_plan.demo as demo', 'zone.id as zoneId', 'zone.name as zoneName']);
  const actor = request.actor ?? null;
  query = query.where((eb) => eb.or([eb('zone_plan.state', 'in', [...PUBLIC_STATES]), ...(actor === null ? [] : [visiblePlans(actor)(eb)])]));
  if (filters.zone !== undefined) query = query.where('zone_plan.zone_id', '=', filters.zone);
  const hits: PlanHit[] = [];
  for (const row of await query.execute()) {
    const content = row.content as PlanContent;
    if (!isPublic(row.state)) {
      const target = { kind: 'plan' as const, lead: row.lead, participants: participantsOf(content), submitted: row.submittedOn !== null };
      if (!decide(actor, 'plan:read', target).allowed) continue;
    }
    if (filters.stage !== undefined && !(content.stages as readonly string[]).includes(filters.stage)) continue;
    const year = Number((row.submittedOn ?? row.createdAt.toISOString()).slice(0, 4));
    if (filters.year !== undefined && year !== filters.year) continue;
    const fields = planFields({
      title: content.title, summary: content.summary, industries: content.industries,
      exemptions: content.exemptions.map((e) => ({ law: e.law, provision: e.provision, regulation: e.regulation, request: e.request })),
      narrative: Object.values(content.narrative).filter((t): t is I18nText => t !== undefined),
    });
    const own = new Set(tokensOf(fields));
    if (!tokens.every((t) => own.has(t))) continue;
    hits.push({
      id: row.id, title: content.title, state: row.state, stages: [...content.stages], year, demo: row.demo,
      zone: row.zoneId !== null && row.zoneName !== null ? { id: row.zoneId, name: row.zoneName } : null, ranked: rank(fields, q, tokens, year),
    });
  }
  return hits;
}
