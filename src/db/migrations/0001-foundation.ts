// Regions, organisations, users, sessions, API tokens and the append-only audit log.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table region (
      code text primary key,
      level text not null check (level in ('province', 'municipality')),
      parent_code text references region (code),
      name jsonb not null,
      capital_area boolean not null,
      check ((level = 'province') = (parent_code is null))
    );
    create index region_parent_idx on region (parent_code);

    create table region_link (
      a text not null references region (code),
      b text not null references region (code),
      kind text not null check (kind in ('border', 'link')),
      note text,
      primary key (a, b),
      check (a < b)
    );
    create index region_link_b_idx on region_link (b);

    create table organisation (
      id uuid primary key,
      kind text not null check (kind in ('ministry', 'local_government', 'company', 'expert', 'responsible_ministry')),
      name jsonb not null,
      region_code text references region (code),
      demo boolean not null default false,
      created_at timestamptz not null default now(),
      check ((kind = 'local_government') = (region_code is not null))
    );

    create table app_user (
      id uuid primary key,
      email text not null unique check (email = lower(email)),
      display_name text not null,
      password_hash text not null,
      organisation_id uuid not null references organisation (id),
      role text not null check (role in ('admin', 'member')),
      locale text not null default 'ko' check (locale in ('ko', 'en', 'ja', 'zh', 'fr')),
      demo boolean not null default false,
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    );
    create index app_user_org_idx on app_user (organisation_id);

    create table session (
      id_hash text primary key,
      user_id uuid not null references app_user (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index session_user_idx on session (user_id);

    create table api_token (
      id uuid primary key,
      user_id uuid not null references app_user (id),
      name text not null,
      token_hash text not null unique,
      scopes text[] not null,
      created_at timestamptz not null,
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_token_user_idx on api_token (user_id);

    create table region_profile (
      region_code text primary key references region (code),
      team_name jsonb not null,
      contact_email text not null,
      phone text,
      introduction jsonb not null,
      demo boolean not null default false,
      version integer not null default 1,
      updated_at timestamptz not null,
      updated_by uuid references app_user (id)
    );

    create table audit_log (
      seq bigint generated always as identity primary key,
      at timestamptz not null,
      request_id text,
      actor_user_id uuid,
      actor_organisation_id uuid,
      action text not null,
      object_type text not null,
      object_id text not null,
      before jsonb,
      after jsonb,
      prev_hash text not null,
      hash text not null unique
    );
    create index audit_log_object_idx on audit_log (object_type, object_id);

    -- Append-only: the database itself refuses to change or remove an entry.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end;
    $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();
  `.execute(db);
}
