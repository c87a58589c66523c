/**
 * A serious incident suspends one or more of the project's exemptions for that project (issue 5, item 3; the
 * power to stop a demonstration that harms life or safety, Act Art. 89; Decree Art. 63): which exemptions an
 * incident may name, which it may suspend, and the suspended periods the compliance engine checks events
 * against (`suspension` rule). The project keeps demonstrating under its other exemptions. Pure.
 */
import type { SuspensionRule } from '../compliance/rules.ts';
import type { IncidentSeverity } from './reports.ts';

/** Severities after which an exemption may be suspended. */
export const SUSPENDING_SEVERITIES: readonly IncidentSeverity[] = ['serious', 'critical'];

export interface ExemptionIdIssue {
  readonly index: number;
  readonly keyword: 'unknown' | 'duplicate';
}

/**
 * Problems with the exemptions an incident (or a suspension) names: each must be one of `allowed` (the project's
 * exemptions, or the incident's), named once. `required` when none is named but one must be (a serious incident).
 */
export function exemptionIdIssues(named: readonly string[], allowed: readonly string[], needOne: boolean): { required: boolean; items: ExemptionIdIssue[] } {
  const items: ExemptionIdIssue[] = [];
  const seen = new Set<string>();
  named.forEach((id, index) => {
    if (!allowed.includes(id)) items.push({ index, keyword: 'unknown' });
    else if (seen.has(id)) items.push({ index, keyword: 'duplicate' });
    seen.add(id);
  });
  return { required: needOne && named.length === 0, items };
}

export interface SuspensionRecord {
  readonly id: string;
  readonly exemptionId: string;
  /** Epoch ms. */
  readonly suspendedAt: number;
  readonly liftedAt: number | null;
}

/** The suspended periods of one exemption as a compliance rule, or null when it was never suspended for the project. */
export function suspensionRule(records: readonly SuspensionRecord[], exemptionId: string): SuspensionRule | null {
  const mine = records.filter((r) => r.exemptionId === exemptionId);
  if (mine.length === 0) return null;
  return {
    id: `${exemptionId}/suspended`,
    kind: 'suspension',
    label: 'Act Art. 89: exemption suspended after a serious incident',
    periods: mine.map((r) => ({
      id: r.id, from: new Date(r.suspendedAt).toISOString(), ...(r.liftedAt === null ? {} : { to: new Date(r.liftedAt).toISOString() }),
    })),
  };
}

/** Whether the exemption is suspended for the project at `atMs`. */
export function suspendedAt(records: readonly SuspensionRecord[], exemptionId: string, atMs: number): boolean {
  return records.some((r) => r.exemptionId === exemptionId && r.suspendedAt <= atMs && (r.liftedAt === null || atMs < r.liftedAt));
}

/** The exemptions under which the project may still demonstrate now (none: every exemption it uses is suspended). */
export function activeExemptions(exemptionIds: readonly string[], records: readonly SuspensionRecord[], nowMs: number): string[] {
  return exemptionIds.filter((id) => !suspendedAt(records, id, nowMs));
}
