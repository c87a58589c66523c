// Capability inventory per region: counted assets and clusters, supply-chain stages hosted,
// exemption kinds held; and saved planning requests.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table region_capability (
      region_code text not null references region (code),
      capability text not null,
      quantity numeric not null check (quantity >= 0),
      demo boolean not null default false,
      updated_at timestamptz not null,
      updated_by uuid references app_user (id),
      primary key (region_code, capability)
    );
    create table region_stage (
      region_code text not null references region (code),
      stage text not null,
      demo boolean not null default false,
      primary key (region_code, stage)
    );
    create table region_exemption_held (
      region_code text not null references region (code),
      exemption text not null,
      demo boolean not null default false,
      primary key (region_code, exemption)
    );
    create table planning_request (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      created_by uuid not null references app_user (id),
      title text not null,
      request jsonb not null,
      result jsonb,
      created_at timestamptz not null
    );
    create index planning_request_org_idx on planning_request (organisation_id, created_at desc);
  `.execute(db);
}
