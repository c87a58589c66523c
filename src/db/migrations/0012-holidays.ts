// Administrator-added one-off holidays (Regulations on Holidays of Government Offices Art. 2 item 12): the legal basis
// (gazette reference) of each, next to the table 0008 created.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table extra_holiday add column basis text not null default '';
    alter table extra_holiday alter column basis drop default;
  `.execute(db);
}
