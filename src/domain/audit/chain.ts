// The audit log's hash chain: each entry's hash covers its content and the previous hash,
// so changing or removing any entry breaks every hash after it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  at: string;
  requestId: string | null;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted at every level, so equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export interface ChainEntry extends AuditContent {
  seq: number;
  prevHash: string;
  hash: string;
}

export type ChainProblem = { seq: number; problem: 'prev-hash-mismatch' | 'hash-mismatch' };

/** Checks a run of entries in sequence order; `startHash` is the hash before the first. */
export function verifyChain(entries: Iterable<ChainEntry>, startHash = GENESIS_HASH): { ok: boolean; checked: number; lastHash: string; problems: ChainProblem[] } {
  let prev = startHash;
  let checked = 0;
  const problems: ChainProblem[] = [];
  for (const entry of entries) {
    checked += 1;
    if (entry.prevHash !== prev) problems.push({ seq: entry.seq, problem: 'prev-hash-mismatch' });
    const { seq: _seq, prevHash: _p, hash, ...content } = entry;
    if (entryHash(entry.prevHash, content) !== hash) problems.push({ seq: entry.seq, problem: 'hash-mismatch' });
    prev = hash;
  }
  return { ok: problems.length === 0, checked, lastHash: prev, problems };
}
