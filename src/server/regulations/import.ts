// POST /api/regulations/import: a list of provisions as JSON (`{ items }`) or as CSV (text/csv, UTF-8 with or
// without a byte order mark; columns in src/domain/regulations/csv.ts and README). One validation for both, all
// or nothing: every bad item is named (JSON: /body/items/<i>/<field>; CSV: /body/row/<row>/<column>, the header
// being row 1) and nothing is stored.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Type } from 'typebox';
import { tryCivilDate } from '../../domain/calendar/civil-date.ts';
import type { CsvLimits } from '../../domain/csv.ts';
import { csvColumnOf, parseRegulationCsv } from '../../domain/regulations/csv.ts';
import type { Database } from '../../db/database.ts';
import { actorOf } from '../auth/authorize.ts';
import { appendAudit } from '../audit/append.ts';
import { AppError, type FieldError } from '../errors.ts';
import { fieldErrors } from '../http/validation.ts';
import { ProblemSchema } from '../../contract/common.ts';
import { RegulationInputSchema } from '../../contract/regulations.ts';
import { findSameProvision, insertRegulation, normaliseRegulation, type RegulationInput } from './store.ts';

/** Most provisions in one import (JSON items or CSV records). */
export const MAX_IMPORT = 500;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const JsonBodySchema = Type.Object({ items: Type.Array(RegulationInputSchema, { minItems: 1, maxItems: MAX_IMPORT }) }, { additionalProperties: false });
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validItem = ajv.compile(RegulationInputSchema);
const validJsonBody = ajv.compile(JsonBodySchema);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema };

export function dateProblems(input: RegulationInput, prefix: string, at: (pointer: string) => string = (p) => `${prefix}${p}`): FieldError[] {
  const out: FieldError[] = [];
  if (!tryCivilDate(input.effectiveFrom)) out.push({ path: at('/effectiveFrom'), keyword: 'format', params: { format: 'date' } });
  input.amendments.forEach((a, i) => {
    if (!tryCivilDate(a.date)) out.push({ path: at(`/amendments/${i}/date`), keyword: 'format', params: { format: 'date' } });
  });
  return out;
}

/** An item to import and where its problems point (`at('/law/ko')` → a path in the request). */
interface Located { item: RegulationInput; at: (pointer: string) => string }

/** CSV → items, schema-checked like JSON items; every problem by row and column. */
function csvItems(text: string, limits: CsvLimits): Located[] {
  const { items, issues } = parseRegulationCsv(text, limits);
  const rowPath = (row: number, column: string) => `/body/row/${row}/${column}`;
  const fields: FieldError[] = issues.map((i) => ({ path: rowPath(i.row, i.column), keyword: i.keyword, params: i.params }));
  if (items.length + issues.filter((i) => i.row > 1).length > MAX_IMPORT) throw new AppError('validation', { fields: [{ path: '/body', keyword: 'maxItems', params: { limit: MAX_IMPORT } }] });
  if (fields.length === 0 && items.length === 0) fields.push({ path: rowPath(2, '*'), keyword: 'required' });
  const located: Located[] = [];
  for (const { row, item } of items) {
    if (validItem(item)) located.push({ item: item as RegulationInput, at: (p) => rowPath(row, csvColumnOf(p)) });
    else {
      const seen = new Set<string>();
      for (const f of fieldErrors(validItem.errors ?? [], 'x')) {
        const path = rowPath(row, csvColumnOf(f.path.slice(2)));
        if (!seen.has(path)) { seen.add(path); fields.push({ ...f, path }); }
      }
    }
  }
  const rowOf = (f: FieldError) => Number(f.path.split('/')[3]);
  if (fields.length > 0) throw new AppError('validation', { fields: fields.sort((a, b) => rowOf(a) - rowOf(b)) });
  return located;
}

export async function importRoute(base: FastifyInstance): Promise<void> {
  base.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, utf8.decode(body as Buffer));
    } catch {
      done(new AppError('malformed-body'), undefined);
    }
  });
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.services;
  app.post('/api/regulations/import', {
    config: { action: 'regulation:create' },
    schema: {
      tags: ['regulations'],
      summary: `Import provisions from JSON ({ items }) or CSV (text/csv, UTF-8, header row; columns in README): all or nothing, at most ${MAX_IMPORT}; every bad item is named by item and field, or by CSV row and column (ministry; audited)`,
      body: {
        content: {
          'application/json': { schema: JsonBodySchema },
          'text/csv': { schema: Type.String() },
        },
      } as unknown as ReturnType<typeof Type.Object>,
      response: { 200: Type.Object({ created: Type.Integer(), ids: Type.Array(Type.String()) }), ...errors },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const body = request.body as unknown as string | { items: RegulationInput[] };
    return importRegulations(db, locate(body, config.inputLimits), {
      requestId: request.id, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, via: typeof body === 'string' ? 'csv' : 'json',
    });
  });
}

/** The items of a request body (CSV text read within `limits`, or JSON already checked against the body schema). */
export function locate(body: string | { items: RegulationInput[] }, limits: CsvLimits): Located[] {
  return typeof body === 'string' ? csvItems(body, limits) : body.items.map((item, i) => ({ item, at: (p: string) => `/body/items/${i}${p}` }));
}

/** Checks a JSON body read without the HTTP layer (the CLI) as the route's schema does. */
export function checkJsonBody(value: unknown): { items: RegulationInput[] } {
  if (!validJsonBody(value)) throw new AppError('validation', { fields: fieldErrors(validJsonBody.errors ?? [], 'body') });
  return value as { items: RegulationInput[] };
}

export interface ImportMeta { requestId: string | null; actorUserId: string | null; actorOrganisationId: string | null; via: 'csv' | 'json' | 'cli-csv' | 'cli-json' }

/** Checks dates and duplicates (in the list, then in the catalogue) and stores every item in one transaction, or none. */
export async function importRegulations(db: Database, located: readonly Located[], meta: ImportMeta): Promise<{ created: number; ids: string[] }> {
  const items = located.map(({ item, at }) => ({ item: normaliseRegulation(item), at }));
  const problems = items.flatMap(({ item, at }) => dateProblems(item, '', at));
  const seen = new Map<string, number>();
  items.forEach(({ item, at }, i) => {
    const key = `${item.instrument}|${item.law.ko}|${item.article}|${item.paragraph ?? ''}`;
    if (seen.has(key)) problems.push({ path: at(''), keyword: 'duplicate' });
    seen.set(key, i);
  });
  if (problems.length > 0) throw new AppError('validation', { fields: problems });
  return db.transaction().execute(async (trx) => {
    const existing: FieldError[] = [];
    for (const { item, at } of items) {
      if (await findSameProvision(trx, item)) existing.push({ path: at(''), keyword: 'duplicate' });
    }
    if (existing.length > 0) throw new AppError('validation', { fields: existing });
    const ids: string[] = [];
    for (const { item } of items) ids.push(await insertRegulation(trx, item, { demo: false, source: 'platform' }));
    await appendAudit(trx, {
      requestId: meta.requestId, actorUserId: meta.actorUserId, actorOrganisationId: meta.actorOrganisationId,
      action: 'regulation:import', objectType: 'regulation', objectId: ids[0]!, before: null, after: { count: ids.length, ids, format: meta.via },
    });
    return { created: ids.length, ids };
  });
}
