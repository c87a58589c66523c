// Special local governments (Local Autonomy Act Art. 199, e.g. 충청광역연합) and integrated special cities as joint
// applicants (Decree Art. 40(2) as amended 2026-06-30): each is a `region` row of level 'special' or 'integrated'
// with no parent and the codes of the governments it stands for (`members`), so it can be a plan participant, sign
// off and be an organisation's region like any government. Region lists and maps show provinces and municipalities
// only. The rows are data (data/reference/special-governments.json, with its sources), loaded with the reference
// data (src/db/seed/reference.ts), so a migrated database holds no rows and a backup restores into it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table region drop constraint if exists region_level_check;
    alter table region drop constraint if exists region_check;
    alter table region add constraint region_level_check check (level in ('province', 'municipality', 'special', 'integrated'));
    alter table region add constraint region_parent_check check ((level = 'municipality') = (parent_code is not null));
    alter table region add column members text[];
    alter table region add constraint region_members_check check ((level in ('special', 'integrated')) = (members is not null));
  `.execute(db);
}
