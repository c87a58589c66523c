// Precedent search over regulations, exemptions (and their conditions) and zone plans in five languages.
// Query tokens are computed like the stored ones (src/domain/search); a hit holds all of them
// (`search_tokens @> query`, GIN-indexed on both engines), then hits are ranked with snippets.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { EXEMPTION_STATES } from '../../domain/exemptions/lifecycle.ts';
import { EXEMPTION_KINDS } from '../../domain/exemptions/validity.ts';
import { exemptionFields, regulationFields } from '../../domain/search/documents.ts';
import { rank } from '../../domain/search/rank.ts';
import { stemLanguageOf } from '../../domain/search/stem.ts';
import { queryTokens } from '../../domain/search/tokenize.ts';
import { STAGES } from '../../domain/supply-chain/stages.ts';
import { AppError } from '../errors.ts';
import { conditionTexts } from '../exemptions/store.ts';
import { loadExemptions } from '../exemptions/view.ts';
import { Line, ProblemSchema, Uuid } from '../../contract/common.ts';
import { MinistryCode } from '../../contract/regulations.ts';
import { SearchResultSchema, type HitSchema } from '../../contract/search.ts';
import { searchPlans } from './plans.ts';

const CANDIDATES = 1000;

export async function searchRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  app.get('/api/search', {
    config: { action: 'public', readCache: { topics: ['regulations', 'exemptions', 'plans', 'zones'] } },
    schema: {
      tags: ['search'],
      summary: 'Precedent search over regulations, exemptions and their conditions, and zone plans (designated ones for everyone, others for those who may read them), in ko, en, ja, zh and fr (초성 too: ㅅㅅ → 수소)',
      querystring: Type.Object({
        q: Line(200),
        type: Type.Optional(Type.Enum(['regulation', 'exemption', 'plan'])),
        kind: Type.Optional(Type.Enum([...EXEMPTION_KINDS])),
        ministry: Type.Optional(MinistryCode),
        zone: Type.Optional(Uuid),
        state: Type.Optional(Type.Enum([...EXEMPTION_STATES])),
        stage: Type.Optional(Type.Enum([...STAGES])),
        year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
      }, { additionalProperties: false }),
      response: { 200: SearchResultSchema, 400: ProblemSchema },
    },
  }, async (request) => {
    const { q, type, kind, ministry, zone, state, stage, year } = request.query;
    const limit = request.query.limit ?? 20;
    const tokens = queryTokens(q, stemLanguageOf(request.locale));
    if (tokens.length === 0) throw new AppError('validation', { fields: [{ path: '/querystring/q', keyword: 'invalid' }] });
    const exemptionOnly = kind !== undefined || zone !== undefined || state !== undefined || stage !== undefined;
    const hits: Static<typeof HitSchema>[] = [];

    if ((type === undefined || type === 'regulation') && !exemptionOnly) {
      let query = db.selectFrom('regulation').selectAll().where((eb) => eb('search_tokens', '@>', eb.val(tokens))).limit(CANDIDATES);
      if (ministry !== undefined) query = query.where('ministry', '=', ministry);
      if (year !== undefined) query = query.where('effective_from', '>=', `${year}-01-01`).where('effective_from', '<=', `${year}-12-31`);
      for (const r of await query.execute()) {
        const fields = regulationFields({ law: r.law, article: r.article, paragraph: r.paragraph, ministry: r.ministry, ministryName: r.ministry_name, title: r.title, body: r.body });
        const y = Number(r.effective_from.slice(0, 4));
        const ranked = rank(fields, q, tokens, y);
        hits.push({
          type: 'regulation', id: r.id, title: r.title, score: ranked.score, matchedFields: [...ranked.matchedFields],
          snippets: ranked.snippets.map((s) => ({ field: s.field, text: s.text, highlights: s.highlights.map((h) => [h[0], h[1]]) })),
          year: y, demo: r.demo, ministries: [r.ministry], kind: null, state: null, stages: [], zone: null, law: r.law, article: r.paragraph ? `${r.article}(${r.paragraph})` : r.article,
        });
      }
    }

    if (type === undefined || type === 'exemption') {
      let query = db.selectFrom('exemption').select('id').where((eb) => eb('search_tokens', '@>', eb.val(tokens))).limit(CANDIDATES);
      if (kind !== undefined) query = query.where('kind', '=', kind);
      if (zone !== undefined) query = query.where('zone_id', '=', zone);
      if (state !== undefined) query = query.where('state', '=', state);
      if (stage !== undefined) query = query.where((eb) => eb('stages', '@>', eb.val([stage])));
      if (year !== undefined) query = query.where('granted_on', '>=', `${year}-01-01`).where('granted_on', '<=', `${year}-12-31`);
      // Any of its suspended regulations' ministries matches (an exemption may concern several ministries).
      if (ministry !== undefined) {
        query = query.where('id', 'in', db.selectFrom('exemption_regulation').innerJoin('regulation', 'regulation.id', 'exemption_regulation.regulation_id')
          .select('exemption_regulation.exemption_id').where('regulation.ministry', '=', ministry));
      }
      const ids = (await query.execute()).map((r) => r.id);
      for (const e of await loadExemptions(db, ids)) {
        const fields = exemptionFields({
          title: e.title, conditionsText: e.conditions.text, conditionTexts: conditionTexts(e.conditions), zoneName: e.zone.name,
          regulationTitles: e.regulations.flatMap((r) => [r.title, r.law]),
        });
        const y = Number(e.grantedOn.slice(0, 4));
        const ranked = rank(fields, q, tokens, y);
        hits.push({
          type: 'exemption', id: e.id, title: e.title, score: ranked.score, matchedFields: [...ranked.matchedFields],
          snippets: ranked.snippets.map((s) => ({ field: s.field, text: s.text, highlights: s.highlights.map((h) => [h[0], h[1]]) })),
          year: y, demo: e.demo, ministries: [...new Set(e.regulations.map((r) => r.ministry))].sort(), kind: e.kind, state: e.state, stages: e.stages,
          zone: { id: e.zone.id, name: e.zone.name }, law: null, article: null,
        });
      }
    }
    // Plans have no exemption kind or state and no single ministry: those filters leave them out.
    if ((type === undefined || type === 'plan') && kind === undefined && state === undefined && ministry === undefined) {
      for (const p of await searchPlans(db, request, q, tokens, { ...(zone !== undefined ? { zone } : {}), ...(stage !== undefined ? { stage } : {}), ...(year !== undefined ? { year } : {}) })) {
        hits.push({
          type: 'plan', id: p.id, title: p.title, score: p.ranked.score, matchedFields: [...p.ranked.matchedFields],
          snippets: p.ranked.snippets.map((x) => ({ field: x.field, text: x.text, highlights: x.highlights.map((h) => [h[0], h[1]]) })),
          year: p.year, demo: p.demo, ministries: [], kind: null, state: p.state, stages: p.stages, zone: p.zone, law: null, article: null,
        });
      }
    }
    hits.sort((a, b) => b.score - a.score || b.year - a.year || a.id.localeCompare(b.id));
    return { query: q, tokens, total: hits.length, items: hits.slice(0, limit) };
  });
}
