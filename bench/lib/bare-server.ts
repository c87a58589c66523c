// The api-reads benchmark's baseline, run as its own process (like `zonelink serve`): a bare Fastify route that
// answers each URL of a spec file with fixed bytes from memory, or by running SQL (through `pg` on PostgreSQL, the
// PGlite pool on a copy of the embedded database) and sending the rows as JSON. No hooks, no auth, no validation.
//   node --import tsx bench/lib/bare-server.ts <spec.json> <port>
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { CompiledQuery } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';

/** One SQL statement; `idsFrom` fills parameter $1 with the `id`s of an earlier step's rows (the route's second query). */
export interface SqlStep {
  text: string;
  params: unknown[];
  idsFrom?: number;
}

export interface BareSpec {
  database: { url: string } | { dataDir: string } | null;
  fixed: { path: string; contentType: string; bodyBase64: string }[];
  queries: { path: string; steps: SqlStep[] }[];
}

type Run = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

async function connect(database: BareSpec['database']): Promise<{ run: Run; close(): Promise<void> }> {
  if (database === null) return { run: async () => [], close: async () => undefined };
  if ('url' in database) {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    return { run: async (text, params) => (await pool.query(text, params)).rows, close: () => pool.end() };
  }
  const db = await openDatabase({ url: null, dataDir: database.dataDir });
  return {
    run: async (text, params) => (await db.executeQuery(CompiledQuery.raw(text, params))).rows as Record<string, unknown>[],
    close: () => db.destroy(),
  };
}

const [specFile, port] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile!, 'utf8')) as BareSpec;
const { run, close } = await connect(spec.database);
const fixed = new Map(spec.fixed.map((f) => [f.path, { contentType: f.contentType, body: Buffer.from(f.bodyBase64, 'base64') }]));
const queries = new Map(spec.queries.map((q) => [q.path, q.steps]));

const app = Fastify({ logger: false });
app.get('/*', async (request, reply) => {
  const bytes = fixed.get(request.url);
  if (bytes) return reply.type(bytes.contentType).send(bytes.body);
  const steps = queries.get(request.url);
  if (!steps) return reply.code(404).send();
  const results: Record<string, unknown>[][] = [];
  for (const step of steps) {
    const params = step.idsFrom === undefined ? step.params : [results[step.idsFrom]!.map((r) => r.id)];
    results.push(await run(step.text, params));
  }
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(results));
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(close).then(() => process.exit(0)));
