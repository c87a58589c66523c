// Region names through time (issue 15, item 5): 강원도 → 강원특별자치도 (2023-06-11), 전라북도 → 전북특별자치도
// (2024-01-18); codes unchanged. `name` becomes today's name, `names` keeps the dated names of a renamed region
// (data/reference/regions.json, built by scripts/build-reference.ts).
import { sql, type Kysely } from 'kysely';
import regions from '../../../data/reference/regions.json' with { type: 'json' };

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table region add column names jsonb`.execute(db);
  for (const r of regions as { code: string; name: unknown; names?: unknown }[]) {
    if (r.names === undefined) continue;
    await sql`update region set name = ${JSON.stringify(r.name)}::jsonb, names = ${JSON.stringify(r.names)}::jsonb where code = ${r.code}`.execute(db);
  }
}
