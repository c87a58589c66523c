// Regulation catalogue, exemptions (규제특례) with conditions and validity, and precedent-search tokens.
// Search tokens are computed in the application (src/domain/search) and stored in text[] columns with
// GIN indexes: the same on PGlite and PostgreSQL (docs/decisions/0007-search.md).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table regulation (
      id uuid primary key,
      instrument text not null check (instrument in ('act', 'decree', 'rule', 'notice')),
      law jsonb not null,
      article text not null,
      paragraph text,
      ministry text not null,
      ministry_name jsonb not null,
      title jsonb not null,
      body jsonb not null,
      effective_from date not null,
      amendments jsonb not null default '[]',
      demo boolean not null default false,
      source text not null check (source in ('reference', 'demo', 'platform')),
      search_tokens text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index regulation_tokens_idx on regulation using gin (search_tokens);
    create index regulation_ministry_idx on regulation (ministry);

    create table exemption (
      id uuid primary key,
      kind text not null check (kind in ('rapid_confirmation', 'demonstration_exemption', 'temporary_permit', 'menu_special_case')),
      title jsonb not null,
      zone_id uuid not null references zone (id),
      holders uuid[] not null default '{}',
      conditions jsonb not null,
      stages text[] not null default '{}',
      granted_on date not null,
      valid_from date,
      valid_until date,
      extensions integer not null default 0,
      extension_ground text,
      state text not null,
      amendment_requested_on date,
      amendment jsonb,
      law_amended_on date,
      demo boolean not null default false,
      search_tokens text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_until is null or valid_from is null or valid_until >= valid_from)
    );
    create index exemption_tokens_idx on exemption using gin (search_tokens);
    create index exemption_zone_idx on exemption (zone_id);
    create index exemption_stages_idx on exemption using gin (stages);

    create table exemption_regulation (
      exemption_id uuid not null references exemption (id) on delete cascade,
      regulation_id uuid not null references regulation (id),
      primary key (exemption_id, regulation_id)
    );
    create index exemption_regulation_regulation_idx on exemption_regulation (regulation_id);
  `.execute(db);
}
