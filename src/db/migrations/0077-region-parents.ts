// Province membership through time: a municipality that moved between provinces keeps its code and carries its
// provinces with validity dates (`parents`); `parent_code` becomes today's province. 군위군 (37310) belongs to
// 대구광역시 from 2023-07-01 (경상북도와 대구광역시 간 관할구역 변경에 관한 법률); data/reference/regions.json,
// built by scripts/build-reference.ts.
import { sql, type Kysely } from 'kysely';
import regions from '../../../data/reference/regions.json' with { type: 'json' };

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table region add column parents jsonb`.execute(db);
  for (const r of regions as { code: string; parentCode: string | null; parents?: unknown }[]) {
    if (r.parents === undefined) continue;
    await sql`update region set parent_code = ${r.parentCode}, parents = ${JSON.stringify(r.parents)}::jsonb where code = ${r.code}`.execute(db);
  }
}
