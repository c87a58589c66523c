// Reads the audit log in order, in pages, and checks its hash chain.
import type { Database } from '../../db/database.ts';
import { GENESIS_HASH, verifyChain, type ChainEntry, type ChainProblem } from '../../domain/audit/chain.ts';

export async function verifyAuditLog(db: Database, pageSize = 5000): Promise<{ ok: boolean; checked: number; problems: ChainProblem[] }> {
  let after = 0;
  let prev = GENESIS_HASH;
  let checked = 0;
  const problems: ChainProblem[] = [];
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) break;
    const entries: ChainEntry[] = rows.map((row) => ({
      seq: row.seq,
      at: row.at.toISOString(),
      requestId: row.request_id,
      actorUserId: row.actor_user_id,
      actorOrganisationId: row.actor_organisation_id,
      action: row.action,
      objectType: row.object_type,
      objectId: row.object_id,
      before: row.before,
      after: row.after,
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
    const result = verifyChain(entries, prev);
    checked += result.checked;
    problems.push(...result.problems);
    prev = result.lastHash;
    after = rows[rows.length - 1]!.seq;
  }
  return { ok: problems.length === 0, checked, problems };
}
