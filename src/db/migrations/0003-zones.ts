// Zones: designated areas with a term, single or connected, with their regions.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table zone (
      id uuid primary key,
      name jsonb not null,
      field jsonb not null,
      model text not null check (model in ('single', 'connected')),
      round integer,
      committee_date text,
      state text not null check (state in ('designated', 'evaluated', 'extended', 'cancelled', 'expired', 'post_management', 'closed')),
      outcome text check (outcome in ('ended', 'temporary_permit', 'cancelled')),
      status_note jsonb,
      period_start date,
      period_end date,
      source text not null check (source in ('reference', 'demo', 'platform')),
      created_at timestamptz not null default now(),
      check (period_end is null or period_start is null or period_end > period_start)
    );
    create index zone_round_idx on zone (round);
    create table zone_region (
      zone_id uuid not null references zone (id) on delete cascade,
      region_code text not null references region (code),
      role text not null check (role in ('lead', 'partner')),
      primary key (zone_id, region_code)
    );
    create index zone_region_region_idx on zone_region (region_code);
  `.execute(db);
}
