// Turns a planning query (needs and constraints, as the API and CLI take them) plus the database's
// regions, links and inventories into the planner's pure PlanningRequest; maps its outcome to problems.
import { Type, type Static } from 'typebox';
import type { Database } from '../../db/database.ts';
import { ASSETS, CAPABILITIES, CLUSTERS, EXEMPTION_KINDS, type CapabilityKey, type ExemptionKindKey } from '../../domain/capabilities/catalogue.ts';
import { sumInventories, type Inventory } from '../../domain/capabilities/inventory.ts';
import { PlanningError, type PlanningIssue, type PlanningRequest, type PlanningResult } from '../../domain/planner/index.ts';
import { STAGE_NAMES, STAGES, type Stage } from '../../domain/supply-chain/stages.ts';
import { linkCounts } from '../../domain/regions/links.ts';
import { governs } from '../../domain/regions/provinces.ts';
import type { Locale } from '../../i18n/locales.ts';
import { AppError, type FieldError, type FieldKeyword } from '../errors.ts';
import { loadInventory } from '../inventory/load-inventory.ts';

const RegionCode = Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$' });

export const PlanningQuerySchema = Type.Object({
  level: Type.Enum(['province', 'municipality'], { default: 'province' }),
  needs: Type.Object({
    capabilities: Type.Array(Type.Object({
      key: Type.Enum([...Object.keys(ASSETS), ...Object.keys(CLUSTERS)]),
      min: Type.Number({ exclusiveMinimum: 0, maximum: 1e9 }),
    }, { additionalProperties: false }), { maxItems: 30 }),
    stages: Type.Array(Type.Enum([...STAGES]), { maxItems: STAGES.length, uniqueItems: true }),
    exemptions: Type.Array(Type.Enum(Object.keys(EXEMPTION_KINDS)), { maxItems: 30, uniqueItems: true }),
  }, { additionalProperties: false }),
  include: Type.Array(RegionCode, { maxItems: 20, uniqueItems: true, default: [] }),
  exclude: Type.Array(RegionCode, { maxItems: 250, uniqueItems: true, default: [] }),
  allowCapitalArea: Type.Boolean({ default: false }),
  contiguous: Type.Boolean({ default: false }),
  /** A ferry route joins two regions (default: the ALLOW_FERRY_LINKS configuration); land borders, bridges and tunnels always do. */
  ferries: Type.Optional(Type.Boolean()),
  maxRegions: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  objective: Type.Union([
    Type.Enum(['fewest', 'cost']),
    Type.Object({ weightCount: Type.Number({ minimum: 0, maximum: 1e6 }), weightCost: Type.Number({ minimum: 0, maximum: 1e6 }) }, { additionalProperties: false }),
  ], { default: 'fewest' }),
  /** Per-region weights for the 'cost' objective (e.g. cost or distance); 1 where not given. */
  costs: Type.Record(RegionCode, Type.Number({ minimum: 0, maximum: 1e9 }), { default: {} }),
  alternatives: Type.Integer({ minimum: 0, maximum: 5, default: 2 }),
  timeLimitMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 60_000 })),
}, { additionalProperties: false });
export type PlanningQuery = Static<typeof PlanningQuerySchema>;

export async function buildPlanningRequest(db: Database, query: PlanningQuery, timeLimitCapMs: number, allowFerryLinks = false): Promise<PlanningRequest> {
  const level = query.level;
  const regions = await db.selectFrom('region').select(['code', 'capital_area']).where('level', '=', level).orderBy('code').execute();
  const codes = new Set(regions.map((r) => r.code));
  const policy = { ferries: query.ferries ?? allowFerryLinks };
  const links = (await db.selectFrom('region_link').select(['a', 'b', 'kind', 'note']).execute())
    .filter((l) => codes.has(l.a) && codes.has(l.b) && linkCounts(l.kind, policy))
    .map((l) => ({ a: l.a, b: l.b, kind: l.kind, ...(l.note !== null ? { note: l.note } : {}) }));
  const own = await loadInventory(db, null, false);
  const inventoryOf = (code: string): Inventory => {
    if (level === 'municipality') return own.get(code)?.inventory ?? sumInventories([]);
    return sumInventories([...own.entries()].filter(([c]) => governs(code, c)).map(([, v]) => v.inventory));
  };
  return {
    regions: regions.map((r) => {
      const inv = inventoryOf(r.code);
      return {
        code: r.code,
        capitalArea: r.capital_area,
        cost: query.costs[r.code] ?? 1,
        capabilities: inv.capabilities as Record<string, number>,
        stages: inv.stages,
        exemptions: inv.exemptions,
      };
    }),
    links,
    needs: query.needs,
    include: query.include,
    exclude: query.exclude,
    allowCapitalArea: query.allowCapitalArea,
    contiguous: query.contiguous,
    ...(query.maxRegions !== undefined ? { maxRegions: query.maxRegions } : {}),
    objective: query.objective as PlanningRequest['objective'],
    timeLimitMs: Math.min(query.timeLimitMs ?? timeLimitCapMs, timeLimitCapMs),
    alternatives: query.alternatives,
  };
}

const ISSUE_KEYWORD: Partial<Record<PlanningIssue['code'], FieldKeyword>> = {
  unknown_region: 'unknown',
  include_exclude_conflict: 'conflict',
  max_regions_below_include: 'tooSmall',
  invalid_min: 'minimum',
  duplicate_need: 'duplicate',
  duplicate_region: 'duplicate',
};

/** 'capability:port' → 'Ports' (in the reader's language), for messages people read. */
export function needName(needId: string, locale: Locale): string {
  const [kind, key = ''] = needId.split(':');
  const names = kind === 'capability' ? CAPABILITIES[key as CapabilityKey] : kind === 'stage' ? STAGE_NAMES[key as Stage] : kind === 'exemption' ? EXEMPTION_KINDS[key as ExemptionKindKey] : undefined;
  return names?.[locale] ?? needId;
}

const flatParams = (params: Record<string, unknown>): Record<string, string | number> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v)]));

/**
 * Runs the planner (through `solve`, e.g. a worker thread); malformed requests become 400, infeasible
 * ones 422, each naming the need or constraint.
 */
export async function runPlanner(
  request: PlanningRequest,
  solve: (r: PlanningRequest) => Promise<PlanningResult> | PlanningResult,
  locale: Locale = 'ko',
): Promise<PlanningResult> {
  let result: PlanningResult;
  try {
    result = await solve(request);
  } catch (error) {
    if (!(error instanceof PlanningError)) throw error;
    throw new AppError('validation', {
      fields: error.issues.map((issue): FieldError => ({
        path: `/body${issue.path}`,
        keyword: ISSUE_KEYWORD[issue.code] ?? 'invalid',
        params: { ...flatParams(issue.params), value: String(issue.params.region ?? issue.params.code ?? issue.params.value ?? ''), count: request.include.length },
      })),
    });
  }
  if (result.status === 'infeasible') {
    throw new AppError('infeasible', {
      fields: (result.explanation.infeasible ?? []).map((reason) => ({
        path: `/body${reason.path}`,
        keyword: `planner.${reason.code}` as FieldKeyword,
        params: { ...flatParams(reason.params), ...(typeof reason.params.need === 'string' ? { need: needName(reason.params.need, locale) } : {}) },
      })),
    });
  }
  return result;
}
