// Pages of more lists (issue 12; docs/decisions/0046-list-pages-and-read-replicas.md): the indexes of the keys the
// rapid-confirmation, project, notification, organisation and regulation lists are read in.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index rapid_confirmation_filed_idx on rapid_confirmation (filed_on desc, id desc);
    create index demonstration_project_created_idx on demonstration_project (created_at, id);
    create index notification_user_page_idx on notification (user_id, created_at desc, id desc);
    drop index notification_user_idx;
    create index organisation_page_idx on organisation ((demo::int), created_at, id);
    create index regulation_page_idx on regulation ((demo::int), ministry, created_at, id);
  `.execute(db);
}
