// Links between regions carry their kind (issue 15, item 4): a shared land 'border', a 'fixed' link (bridge or
// tunnel) or a 'ferry'. The former 'link' rows take the kind the reference data gives them (data/reference/region-links.json).
import { sql, type Kysely } from 'kysely';
import regionLinks from '../../../data/reference/region-links.json' with { type: 'json' };

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table region_link drop constraint if exists region_link_kind_check`.execute(db);
  for (const l of regionLinks as { a: string; b: string; kind: string }[]) {
    if (l.kind === 'border') continue;
    await sql`update region_link set kind = ${l.kind} where a = ${l.a} and b = ${l.b}`.execute(db);
  }
  // A row the reference data does not know keeps the strictest reading: a ferry counts only where allowed.
  await sql`update region_link set kind = 'ferry' where kind = 'link'`.execute(db);
  await sql`alter table region_link add constraint region_link_kind_check check (kind in ('border', 'fixed', 'ferry'))`.execute(db);
}
