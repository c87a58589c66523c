// Report attachments can be withdrawn (a soft delete: the row stays with who, when and why; the stored file is
// removed after the commit), and a responsible ministry organisation names the ministry code its regulations
// carry (`regulation.ministry`, e.g. 'MOTIE'), so the policy can tell which exemptions suspend its laws.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table demonstration_attachment add column removed_at timestamptz;
    alter table demonstration_attachment add column removed_by uuid references app_user (id);
    alter table demonstration_attachment add column removal_reason text;
    alter table demonstration_attachment add constraint demonstration_attachment_removal_check
      check ((removed_at is null) = (removal_reason is null));

    alter table organisation add column ministry_code text;
    alter table organisation add constraint organisation_ministry_code_check
      check (ministry_code is null or kind = 'responsible_ministry');
    create unique index organisation_ministry_code_idx on organisation (ministry_code) where ministry_code is not null;
    -- The demo Ministry of Trade, Industry and Energy of databases seeded before this migration (demoId('org:motie')).
    update organisation set ministry_code = 'MOTIE' where id = '52a1a7c2-8c27-41b6-810f-d35ec0ac9bb8' and kind = 'responsible_ministry';
  `.execute(db);
}
