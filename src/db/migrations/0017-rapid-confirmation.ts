// Rapid confirmation (신속확인, RFZ Act Art. 85; Decree Art. 56): a company asks whether it needs a permit for what it
// wants to do in a zone; the zone's local government answers within its own powers or forwards the request, and each
// responsible ministry replies within 30 days (supplement time not counted) — silence means "no permit needed"
// (Art. 85(5)), recorded by the deadline scan. Disagreeing ministries go to the committee (30 days, Art. 85(7)).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rapid_confirmation (
      id uuid primary key,
      zone_id uuid not null references zone (id),
      company_id uuid not null references organisation (id),
      filed_by uuid references app_user (id),
      activity jsonb not null,
      regulation_ids jsonb not null,
      ministry_id uuid references organisation (id),
      state text not null check (state in ('filed', 'answered_locally', 'forwarded', 'answered', 'committee', 'decided')),
      filed_on date not null,
      forwarded_on date,
      local_answer jsonb,
      committee_due date,
      committee_decision text check (committee_decision in ('permit_needed', 'no_permit_needed')),
      committee_note jsonb,
      decided_on date,
      version integer not null default 1,
      created_at timestamptz not null default now()
    );
    create index rapid_confirmation_zone_idx on rapid_confirmation (zone_id);
    create index rapid_confirmation_company_idx on rapid_confirmation (company_id);

    create table rapid_confirmation_reply (
      request_id uuid not null references rapid_confirmation (id),
      organisation_id uuid not null references organisation (id),
      notified_on date not null,
      clock jsonb not null,
      supplement_request jsonb,
      answer text check (answer in ('permit_needed', 'no_permit_needed', 'not_our_matter')),
      rules jsonb,
      replied_on date,
      replied_by uuid references app_user (id),
      deemed boolean not null default false,
      primary key (request_id, organisation_id),
      check ((answer is null) = (replied_on is null))
    );
    create index rapid_confirmation_reply_org_idx on rapid_confirmation_reply (organisation_id);
  `.execute(db);
}
