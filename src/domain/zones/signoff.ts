/**
 * Joint sign-off of a zone plan.
 *
 * Several non-capital governments that apply together must draw up the plan jointly and submit
 * it together (Decree Art. 40(2)). ZoneLink makes "together" checkable: every participating
 * government signs off the same content, identified by a hash of the plan; submission requires
 * a sign-off from every participant on the current hash, and any change to the content or to
 * the list of participants withdraws every sign-off (a government never appears to approve a
 * text it has not seen).
 */
import { createHash } from 'node:crypto';
import type { CivilDate } from '../calendar/civil-date.ts';
import { ruleResult, type RuleResult, type Violation } from './transition-table.ts';

export interface SignOff {
  /** Region code of the signing government. */
  readonly government: string;
  readonly contentHash: string;
  readonly signedOn: CivilDate;
  readonly signedBy?: string;
}

export interface SignOffSet {
  /** Region codes of every participating government (lead and partners). */
  readonly participants: readonly string[];
  /** Hash of the plan content as it stands. */
  readonly contentHash: string;
  readonly signOffs: readonly SignOff[];
}

const JOINT_PLAN_RULE = 'Decree Art. 40(2)';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** SHA-256 of the plan content in canonical JSON (object keys sorted), as `sha256:<hex>`. */
export function contentHash(content: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(canonical(content))).digest('hex')}`;
}

export function createSignOffSet(participants: readonly string[], hash: string): SignOffSet {
  return { participants: [...new Set(participants)], contentHash: hash, signOffs: [] };
}

/** A government signs off the content it saw (`contentHash`); it replaces its earlier sign-off. */
export function recordSignOff(set: SignOffSet, signOff: SignOff): RuleResult<SignOffSet> {
  const violations: Violation[] = [];
  if (!set.participants.includes(signOff.government)) {
    violations.push({ code: 'not-a-participant', rule: JOINT_PLAN_RULE, params: { government: signOff.government } });
  }
  if (signOff.contentHash !== set.contentHash) {
    violations.push({
      code: 'stale-content',
      rule: JOINT_PLAN_RULE,
      params: { government: signOff.government, signed: signOff.contentHash, current: set.contentHash },
    });
  }
  const next: SignOffSet = {
    ...set,
    signOffs: [...set.signOffs.filter((s) => s.government !== signOff.government), signOff],
  };
  return ruleResult(next, violations);
}

/** A government withdraws its own sign-off. */
export function withdrawSignOff(set: SignOffSet, government: string): SignOffSet {
  return { ...set, signOffs: set.signOffs.filter((s) => s.government !== government) };
}

/** Any change to the content withdraws all sign-offs; saving identical content changes nothing. */
export function changeContent(set: SignOffSet, newHash: string): SignOffSet {
  if (newHash === set.contentHash) return set;
  return { ...set, contentHash: newHash, signOffs: [] };
}

/** Adding or removing a participating government is a change of the plan: all sign-offs are withdrawn. */
export function changeParticipants(set: SignOffSet, participants: readonly string[]): SignOffSet {
  const next = [...new Set(participants)];
  const same = next.length === set.participants.length && next.every((p) => set.participants.includes(p));
  return same ? set : { ...set, participants: next, signOffs: [] };
}

export interface SignOffReadiness {
  readonly ready: boolean;
  /** Participants with no sign-off. */
  readonly missing: readonly string[];
  /** Participants whose sign-off is for other content. */
  readonly stale: readonly string[];
}

export function signOffReadiness(set: SignOffSet): SignOffReadiness {
  const missing: string[] = [];
  const stale: string[] = [];
  for (const government of set.participants) {
    const signOff = set.signOffs.find((s) => s.government === government);
    if (!signOff) missing.push(government);
    else if (signOff.contentHash !== set.contentHash) stale.push(government);
  }
  return { ready: set.participants.length > 0 && missing.length === 0 && stale.length === 0, missing, stale };
}

/** Violations that block submission, each naming the government concerned. */
export function checkSignOffs(set: SignOffSet): Violation[] {
  const { missing, stale } = signOffReadiness(set);
  const violations: Violation[] = [];
  if (set.participants.length === 0) violations.push({ code: 'no-participants', rule: JOINT_PLAN_RULE, params: {} });
  for (const government of missing) violations.push({ code: 'sign-off-missing', rule: JOINT_PLAN_RULE, params: { government } });
  for (const government of stale) violations.push({ code: 'sign-off-stale', rule: JOINT_PLAN_RULE, params: { government, current: set.contentHash } });
  return violations;
}
