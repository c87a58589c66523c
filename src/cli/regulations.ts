// `zonelink regulations import <file.csv|file.json>`: the regulation catalogue import of POST /api/regulations/import
// from a file — the same columns, checks and all-or-nothing storage; problems named by row and column (CSV) or
// item and field (JSON, `{ "items": [...] }`). Read within the same limits as the route: at most BODY_LIMIT_BYTES and the
// input limits (rows, columns, cell length, JSON depth).
import { readFile, stat } from 'node:fs/promises';
import { InputLimitExceeded, jsonNestsDeeper, type InputLimits } from '../domain/input-limits.ts';
import type { Database } from '../db/database.ts';
import { checkJsonBody, importRegulations, locate } from '../server/regulations/import.ts';
import { AppError, inputLimit } from '../server/errors.ts';
import { renderProblem } from '../server/problem.ts';

export interface ImportLimits { bodyLimitBytes: number; inputLimits: InputLimits }

export async function regulationsImportCommand(db: Database, file: string, limits: ImportLimits, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const csv = /\.csv$/i.test(file);
  if (!csv && !/\.json$/i.test(file)) {
    err('usage: zonelink regulations import <file.csv|file.json>\n');
    return 2;
  }
  try {
    if ((await stat(file)).size > limits.bodyLimitBytes) throw new AppError('payload-too-large', { params: { limit: limits.bodyLimitBytes } });
    const bytes = await readFile(file);
    let body: string | ReturnType<typeof checkJsonBody>;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (!csv && jsonNestsDeeper(text, limits.inputLimits.jsonDepth)) throw inputLimit('json-depth', limits.inputLimits.jsonDepth);
      body = csv ? text : checkJsonBody(JSON.parse(text) as unknown);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('malformed-body');
    }
    const result = await importRegulations(db, locate(body, limits.inputLimits), { requestId: null, actorUserId: null, actorOrganisationId: null, via: csv ? 'cli-csv' : 'cli-json' });
    out(`imported: ${result.created} provision(s)\n`);
    return 0;
  } catch (error) {
    const refused = error instanceof InputLimitExceeded ? inputLimit(error.limit, error.max) : error;
    if (!(refused instanceof AppError)) throw error;
    const problem = renderProblem(refused, 'en', 'cli');
    err(`refused, nothing stored: ${problem.title}${problem.errors ? '' : ` — ${problem.detail}`}\n`);
    for (const e of problem.errors ?? []) err(`  ${e.path.replace('/body/', '')}: ${e.message}\n`);
    return 1;
  }
}
