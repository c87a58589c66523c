// Zone plans (특구계획): one or several local governments draft a plan, sign it off on a content hash,
// record the public notice and hearing, submit it; the ministry reviews and the committee decides.
// The plan content (JSON) is versioned; every save appends a version with its SHA-256 content hash.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table zone_plan (
      id uuid primary key,
      model text not null check (model in ('single', 'connected')),
      lead_region text not null references region (code),
      state text not null check (state in ('drafting', 'signing_off', 'submitted', 'under_review', 'supplement_requested', 'returned',
        'deliberation', 'designated', 'designated_with_conditions', 'rejected', 'sent_back', 'withdrawn')),
      content jsonb not null,
      content_hash text not null,
      content_version integer not null check (content_version >= 1),
      revision integer not null check (revision >= 1),
      consultation jsonb not null,
      clocks jsonb not null,
      submitted_on date,
      decided_on date,
      zone_id uuid references zone (id),
      demo boolean not null default false,
      created_by uuid references app_user (id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index zone_plan_state_idx on zone_plan (state);
    create table zone_plan_participant (
      plan_id uuid not null references zone_plan (id) on delete cascade,
      region_code text not null references region (code),
      role text not null check (role in ('lead', 'partner')),
      joined_at timestamptz not null,
      primary key (plan_id, region_code)
    );
    create index zone_plan_participant_region_idx on zone_plan_participant (region_code);
    create table zone_plan_version (
      plan_id uuid not null references zone_plan (id) on delete cascade,
      version integer not null check (version >= 1),
      content jsonb not null,
      content_hash text not null,
      change text not null,
      created_by uuid references app_user (id),
      created_region text references region (code),
      created_at timestamptz not null,
      primary key (plan_id, version)
    );
    create table zone_plan_signoff (
      plan_id uuid not null references zone_plan (id) on delete cascade,
      region_code text not null references region (code),
      content_hash text not null,
      signed_on date not null,
      signed_by uuid references app_user (id),
      signed_at timestamptz not null,
      primary key (plan_id, region_code)
    );
    create table zone_plan_step (
      plan_id uuid not null references zone_plan (id) on delete cascade,
      seq integer not null,
      kind text not null,
      from_state text not null,
      to_state text not null,
      on_date date not null,
      body jsonb not null,
      created_by uuid references app_user (id),
      created_at timestamptz not null,
      primary key (plan_id, seq)
    );
  `.execute(db);
}
