// Municipality names in five languages (issue 15, item 9): ja and zh from their hanja names, fr as the government
// romanises them (data/reference/regions.json, built by scripts/build-reference.ts from municipality-hanja.json).
import { sql, type Kysely } from 'kysely';
import regions from '../../../data/reference/regions.json' with { type: 'json' };

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const r of regions as { code: string; level: string; name: unknown }[]) {
    if (r.level !== 'municipality') continue;
    await sql`update region set name = ${JSON.stringify(r.name)}::jsonb where code = ${r.code}`.execute(db);
  }
}
