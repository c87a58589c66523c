// From plan to zone (issue 14): designation turns each special case of the plan into an exemption draft that MSS
// confirms (recording the exemption, corrected where needed) or dismisses with a reason. One draft per special case.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table exemption_draft (
      id uuid primary key,
      zone_id uuid not null references zone (id),
      plan_id uuid not null references zone_plan (id),
      plan_item text not null,
      kind text not null check (kind in ('rapid_confirmation', 'demonstration_exemption', 'temporary_permit', 'menu_special_case')),
      title jsonb not null,
      regulation_ids uuid[] not null default '{}',
      stages text[] not null default '{}',
      conditions_text jsonb not null,
      valid_from date,
      valid_until date,
      special_case jsonb not null,
      state text not null default 'open' check (state in ('open', 'confirmed', 'dismissed')),
      exemption_id uuid references exemption (id),
      reason jsonb,
      decided_by uuid references app_user (id),
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      unique (plan_id, plan_item),
      check ((state = 'confirmed') = (exemption_id is not null)),
      check ((state = 'dismissed') = (reason is not null))
    );
    create index exemption_draft_zone_idx on exemption_draft (zone_id, created_at, id);
  `.execute(db);
}
