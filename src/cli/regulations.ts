// `zonelink regulations import <file.csv|file.json>`: the regulation catalogue import of POST /api/regulations/import
// from a file — the same columns, checks and all-or-nothing storage; problems named by row and column (CSV) or
// item and field (JSON, `{ "items": [...] }`).
import { readFile } from 'node:fs/promises';
import type { Database } from '../db/database.ts';
import { checkJsonBody, importRegulations, locate } from '../server/regulations/import.ts';
import { AppError } from '../server/errors.ts';
import { renderProblem } from '../server/problem.ts';

export async function regulationsImportCommand(db: Database, file: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const csv = /\.csv$/i.test(file);
  if (!csv && !/\.json$/i.test(file)) {
    err('usage: zonelink regulations import <file.csv|file.json>\n');
    return 2;
  }
  try {
    const bytes = await readFile(file);
    let body: string | ReturnType<typeof checkJsonBody>;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      body = csv ? text : checkJsonBody(JSON.parse(text) as unknown);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('malformed-body');
    }
    const result = await importRegulations(db, locate(body), { requestId: null, actorUserId: null, actorOrganisationId: null, via: csv ? 'cli-csv' : 'cli-json' });
    out(`imported: ${result.created} provision(s)\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problem = renderProblem(error, 'en', 'cli');
    err(`refused, nothing stored: ${problem.title}\n`);
    for (const e of problem.errors ?? []) err(`  ${e.path.replace('/body/', '')}: ${e.message}\n`);
    return 1;
  }
}
