// `zonelink plan --needs needs.json [--level municipality] [--json] [--lang en]`: the consortium planner
// on this installation's inventory — the same validation, solver and answers as POST /api/planner/solve.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { Database } from '../db/database.ts';
import { planConsortium } from '../domain/planner/index.ts';
import { isLocale, type Locale } from '../i18n/locales.ts';
import { AppError } from '../server/errors.ts';
import { fieldErrors } from '../server/http/validation.ts';
import { renderProblem } from '../server/problem.ts';
import { buildPlanningRequest, PlanningQuerySchema, runPlanner, type PlanningQuery } from '../server/planner/planning-input.ts';

export interface PlanOptions {
  needs: string;
  level?: string;
  json: boolean;
  lang?: string;
  timeLimitMs: number;
}

const validate = new Ajv({ allErrors: true, useDefaults: true, strict: false, removeAdditional: false }).compile(PlanningQuerySchema);

export async function planCommand(db: Database, options: PlanOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const locale: Locale = isLocale(options.lang) ? options.lang : 'en';
  let query: unknown;
  try {
    query = JSON.parse(readFileSync(options.needs, 'utf8'));
  } catch (error) {
    err(`cannot read ${options.needs}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (options.level !== undefined && typeof query === 'object' && query !== null) (query as Record<string, unknown>).level = options.level;
  try {
    if (!validate(query)) throw new AppError('validation', { fields: fieldErrors(validate.errors ?? [], 'body') });
    const names = new Map((await db.selectFrom('region').select(['code', 'name']).execute()).map((r) => [r.code, r.name]));
    const name = (code: string) => `${code} ${names.get(code)?.[locale] ?? names.get(code)?.en ?? ''}`.trim();
    const result = await runPlanner(await buildPlanningRequest(db, query as PlanningQuery, options.timeLimitMs), planConsortium, locale);
    if (options.json) {
      out(`${JSON.stringify({ ...result, bound: Number.isFinite(result.bound) ? result.bound : null }, null, 2)}\n`);
      return 0;
    }
    out(`status: ${result.status}${result.gap ? ` (gap ${(result.gap * 100).toFixed(1)} %)` : ''} — ${result.nodes} nodes, ${result.elapsedMs.toFixed(1)} ms\n`);
    for (const [i, answer] of [result.best, ...result.alternatives].entries()) {
      if (!answer) continue;
      out(`\n${i === 0 ? 'best' : `alternative ${i}`}: objective ${answer.objective} (${answer.count} regions, cost ${answer.cost})\n`);
      for (const code of answer.regions) out(`  ${name(code)}\n`);
      for (const j of answer.joins ?? []) out(`  joined: ${j.a}–${j.b} by ${j.kind === 'border' ? 'land border' : j.kind === 'fixed' ? 'bridge or tunnel' : 'ferry'}${j.note ? ` (${j.note})` : ''}\n`);
      if (i === 0) {
        out('  coverage:\n');
        for (const c of answer.coverage) out(`    ${c.need.padEnd(40)} ${c.regions.map(name).join(', ')} (total ${c.total})\n`);
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problem = renderProblem(error, locale, 'cli');
    err(options.json ? `${JSON.stringify(problem, null, 2)}\n` : `${problem.title}\n${(problem.errors ?? []).map((e) => `  ${e.path}: ${e.message}`).join('\n')}\n`);
    return 1;
  }
}
