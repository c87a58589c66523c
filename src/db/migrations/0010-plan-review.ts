// Review of zone plans (issue 3 item 5): experts' standing declarations of ties, their assignment to plans with a
// per-plan conflict-of-interest declaration and score sheet (Decree Art. 45, 50), and the responsible ministries
// consulted on a plan, each with its own 30-day reply clock and opinion (RFZ Act Art. 75(2)).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table expert_declaration (
      user_id uuid primary key references app_user (id) on delete cascade,
      ties jsonb not null,
      updated_at timestamptz not null
    );
    create table plan_expert (
      plan_id uuid not null references zone_plan (id) on delete cascade,
      expert_user_id uuid not null references app_user (id),
      assigned_by uuid references app_user (id),
      assigned_on date not null,
      declaration text check (declaration in ('no_conflict', 'conflict')),
      declaration_note jsonb,
      declared_at timestamptz,
      scores jsonb,
      comment jsonb,
      scored_at timestamptz,
      primary key (plan_id, expert_user_id)
    );
    create index plan_expert_user_idx on plan_expert (expert_user_id);
    create table plan_ministry_consultation (
      plan_id uuid not null references zone_plan (id) on delete cascade,
      organisation_id uuid not null references organisation (id),
      requested_on date not null,
      requested_by uuid references app_user (id),
      clock jsonb not null,
      replied_on date,
      position text check (position in ('agree', 'agree_with_conditions', 'disagree')),
      opinion jsonb,
      conditions jsonb,
      replied_by uuid references app_user (id),
      primary key (plan_id, organisation_id)
    );
  `.execute(db);
}
