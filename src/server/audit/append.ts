// Appends an entry to the hash-chained audit log inside the caller's transaction.
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { entryHash, GENESIS_HASH, type AuditContent } from '../../domain/audit/chain.ts';

/** Serialises writers of the chain: the lock is held until the surrounding transaction ends. */
const AUDIT_LOCK_KEY = 7_340_001;

export interface AuditInput {
  requestId: string | null;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
}

const plain = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export async function appendAudit(trx: Database, input: AuditInput): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = { ...input, at: new Date().toISOString(), before: plain(input.before), after: plain(input.after) };
  await trx
    .insertInto('audit_log')
    .values({
      at: content.at,
      request_id: content.requestId,
      actor_user_id: content.actorUserId,
      actor_organisation_id: content.actorOrganisationId,
      action: content.action,
      object_type: content.objectType,
      object_id: content.objectId,
      before: content.before === null ? null : JSON.stringify(content.before),
      after: content.after === null ? null : JSON.stringify(content.after),
      prev_hash: prevHash,
      hash: entryHash(prevHash, content),
    })
    .execute();
}
