// Regulatory needs (규제 수요) of demonstration projects: per supply-chain stage, the catalogue regulation that
// blocks the work and a note (issue 4 item 4). A zone plan keeps its needs in its versioned content document
// (`content.needs`) so they are signed off with the plan; a project is a row, so its needs are a column.
// Shape and checks are shared (src/server/exemptions/needs.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table demonstration_project add column needs jsonb not null default '[]'::jsonb;
  `.execute(db);
}
