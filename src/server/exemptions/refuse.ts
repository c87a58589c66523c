// Turning rule violations of src/domain/exemptions into problem+json: 409 when the exemption's state or
// the time forbids it, 400 naming the field otherwise; each names the code and the article. Nothing is written.
import { tryCivilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import type { Violation } from '../../domain/zones/transition-table.ts';
import { AppError, type FieldError } from '../errors.ts';
import { todayInSeoul } from './view.ts';

/** Which request field a rule violation is about. */
const FIELD_OF: Record<string, string> = {
  'end-before-start': 'validUntil', 'exceeds-maximum': 'validUntil', 'beyond-zone-period': 'validUntil', 'before-zone-period': 'validFrom',
  'no-validity-period': 'validUntil', 'no-extension-ground': 'ground', 'insurance-required': 'conditions/insurance',
  'insurance-below-minimum': 'conditions/insurance', 'missing-item': 'results', 'no-cancellation-ground': 'ground',
  'hearing-notice-too-late': 'noticeOn', 'schedule-out-of-order': 'schedule', 'hearing-after-decision': 'decidedOn', 'unknown-evidence': 'evidenceRefs',
};
/** Violations that are about the object's state or timing, not the input: 409. */
const CONFLICTS = new Set([
  'second-extension', 'no-extension', 'extension-window-closed', 'amendment-window-closed', 'not-applicable', 'redeliberation-already-used',
  'redeliberation-too-late', 'hearing-not-held', 'already-reviewed', 'no-review', 'amendment-not-needed', 'plan-already-submitted', 'no-plan',
  'progress-out-of-order', 'already-escalated', 'no-escalation-ground', 'validity-not-ended', 'hearing-already-held', 'redeliberation-not-open',
]);

/** Refuses when any violation is an error; warnings pass. */
export function check(violations: readonly Violation[], fieldOverride: Record<string, string> = {}): void {
  if (violations.some((v) => (v.severity ?? 'error') === 'error')) refuse(violations, fieldOverride);
}

/** Structured violations → 409 (state, timing) or 400 naming the field; either way each violation is said as a
 *  sentence in the reader's language citing its article (src/i18n/violations), and kept as data. */
export function refuse(violations: readonly Violation[], fieldOverride: Record<string, string> = {}): never {
  const errors = violations.filter((v) => (v.severity ?? 'error') === 'error');
  const errs = errors.length > 0 ? errors : violations;
  const conflicts = errs.filter((v) => CONFLICTS.has(v.code));
  if (conflicts.length > 0) throw new AppError('conflict', { violations: conflicts });
  const fields: FieldError[] = errs.map((v) => ({
    path: `/body/${fieldOverride[v.code] ?? FIELD_OF[v.code] ?? ''}`,
    keyword: 'rule',
    params: { code: v.code, rule: v.rule },
    violation: v,
  }));
  throw new AppError('validation', { fields });
}

/** A request date; a day in the future cannot have happened yet. */
export function date(value: string, path: string, options: { past?: boolean } = {}): CivilDate {
  const d = tryCivilDate(value);
  if (!d) throw new AppError('validation', { fields: [{ path, keyword: 'format', params: { format: 'date' } }] });
  if (options.past && d > todayInSeoul()) throw new AppError('validation', { fields: [{ path, keyword: 'maximum', params: { limit: todayInSeoul() } }] });
  return d;
}

/** A state-machine refusal: 409 naming the action, the state and the article (failed guards listed when that was the cause). */
export function conflict(code: string, action: string, state: string, rule: string, guards: readonly string[] = []): AppError {
  const violation = guards.length > 0
    ? { code: 'guard-failed', rule, params: { action, state, guards: guards.join(', ') } }
    : { code: 'no-such-transition', rule, params: { action, state, refusal: code } };
  return new AppError('conflict', { violations: [violation] });
}
