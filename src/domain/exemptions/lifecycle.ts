/**
 * Lifecycle of a demonstration exemption (DOMAIN.md §11): requested → forwarded by the local
 * head → ministry review → committee → granted (with conditions) / rejected → re-deliberation (once) → active →
 * extended / law amendment requested (deemed valid) → results reported → law amended /
 * temporary permit / ended; cancelled after a hearing.
 */
import type { Machine, Transition, Violation } from '../zones/transition-table.ts';

export const EXEMPTION_STATES = [
  'requested',
  'forwarded',
  'declined',
  'returned',
  'ministry_review',
  'supplement_requested',
  'committee',
  'granted',
  'rejected',
  'redeliberation',
  'active',
  'extended',
  'amendment_requested',
  'expired',
  'results_reported',
  'law_amended',
  'temporary_permit',
  'ended',
  'cancelled',
  'withdrawn',
] as const;
export type ExemptionState = (typeof EXEMPTION_STATES)[number];

export const EXEMPTION_ACTIONS = [
  'forward',
  'decline',
  'notify_ministries',
  'return',
  'request_supplement',
  'answer_supplement',
  'refer_to_committee',
  'grant',
  'reject',
  'request_redeliberation',
  'activate',
  'change',
  'extend',
  'request_amendment',
  'expire',
  'report_results',
  'record_law_amended',
  'grant_temporary_permit',
  'end',
  'cancel',
  'withdraw',
] as const;
export type ExemptionAction = (typeof EXEMPTION_ACTIONS)[number];

export const EXEMPTION_GUARDS = [
  'return-ground',
  'supplement-not-answered',
  'ministry-review-complete-or-due',
  'meeting-notice-given',
  'conditions-justified',
  'redeliberation-window-open',
  'redeliberation-not-used',
  'insurance-proof-submitted',
  'change-approved',
  'extension-requested-in-time',
  'no-prior-extension',
  'extension-ground',
  'within-maximum-and-zone-period',
  'amendment-window-open',
  'results-attached',
  'validity-ended',
  'report-overdue',
  'amendment-started',
  'deemed-validity-over',
  'hearing-held',
  'cancellation-ground',
] as const;
export type ExemptionGuard = (typeof EXEMPTION_GUARDS)[number];

type T = Transition<ExemptionState, ExemptionAction, ExemptionGuard>;

const withdraw = (from: ExemptionState): T => ({ from, action: 'withdraw', to: 'withdrawn', roles: ['company'], guards: [], rule: 'RFZ Act Art. 86(1) (the applicant may withdraw)' });
const cancel = (from: ExemptionState): T => ({
  from,
  action: 'cancel',
  to: 'cancelled',
  roles: ['committee'],
  guards: ['hearing-held', 'cancellation-ground'],
  rule: 'RFZ Act Art. 89(1)–(2), 141; Decree Art. 63',
});

const redeliberate = (from: 'rejected' | 'granted'): T => ({
  from,
  action: 'request_redeliberation',
  to: 'redeliberation',
  roles: ['company'],
  guards: ['redeliberation-window-open', 'redeliberation-not-used'],
  rule: from === 'granted' ? 'RFZ Act Art. 86(8); Decree Art. 57-3(1)–(2), (4) (objection to the conditions)' : 'RFZ Act Art. 86(8); Decree Art. 57-3(2), (4)',
});

/** The decisions that can be re-deliberated (Decree Art. 57-3(1)): a rejection, or a grant with its conditions. */
export const REDELIBERABLE: readonly ExemptionState[] = ['rejected', 'granted'];

export const EXEMPTION_TRANSITIONS: readonly T[] = [
  // The company asks the local head, who forwards it to MSS if needed (Art. 86(1)–(2)).
  { from: 'requested', action: 'forward', to: 'forwarded', roles: ['local_government'], guards: [], rule: 'RFZ Act Art. 86(2)' },
  { from: 'requested', action: 'decline', to: 'declined', roles: ['local_government'], guards: [], rule: 'RFZ Act Art. 86(2)' },
  withdraw('requested'),
  { from: 'forwarded', action: 'notify_ministries', to: 'ministry_review', roles: ['ministry'], guards: [], rule: 'RFZ Act Art. 86(3)' },
  { from: 'forwarded', action: 'return', to: 'returned', roles: ['ministry'], guards: ['return-ground'], rule: 'Decree Art. 57(5)' },
  withdraw('forwarded'),
  // Ministries reply in 30 days; supplements excluded but within 90 days; one 30-day extension (Art. 86(3)).
  { from: 'ministry_review', action: 'request_supplement', to: 'supplement_requested', roles: ['responsible_ministry', 'ministry'], guards: [], rule: 'RFZ Act Art. 86(3) proviso; Decree Art. 57(4)' },
  { from: 'ministry_review', action: 'refer_to_committee', to: 'committee', roles: ['ministry'], guards: ['ministry-review-complete-or-due'], rule: 'RFZ Act Art. 86(3)–(4)' },
  withdraw('ministry_review'),
  { from: 'supplement_requested', action: 'answer_supplement', to: 'ministry_review', roles: ['company'], guards: [], rule: 'RFZ Act Art. 86(3) proviso' },
  { from: 'supplement_requested', action: 'return', to: 'returned', roles: ['ministry'], guards: ['supplement-not-answered'], rule: 'Decree Art. 57(5)2' },
  withdraw('supplement_requested'),
  // Committee decision; conditions must be justified and minimal (Art. 86(4)–(5); Decree 57-2).
  { from: 'committee', action: 'grant', to: 'granted', roles: ['committee'], guards: ['meeting-notice-given', 'conditions-justified'], rule: 'RFZ Act Art. 86(4)–(5); Decree Art. 57-2, 57(8)' },
  { from: 'committee', action: 'reject', to: 'rejected', roles: ['committee'], guards: ['meeting-notice-given'], rule: 'RFZ Act Art. 86(4)' },
  // Re-deliberation: requested through the local head within 60 days of the notice of the decision, once
  // (Art. 86(8)–(9); Decree 57-3, 64-3; DOMAIN.md §3 "Re-deliberation", §11). The decision may be a rejection or
  // a grant whose conditions the applicant objects to: §11 runs "granted with conditions / rejected →
  // re-deliberation (once) → active". It is asked before the business starts under those conditions; once
  // active, the holder changes its conditions through the local head and MSS instead (Decree Art. 58, 65).
  redeliberate('rejected'),
  redeliberate('granted'),
  { from: 'redeliberation', action: 'refer_to_committee', to: 'committee', roles: ['local_government'], guards: [], rule: 'RFZ Act Art. 86(8)–(9)' },
  { from: 'redeliberation', action: 'decline', to: 'rejected', roles: ['local_government'], guards: [], rule: 'RFZ Act Art. 86(8)' },
  // Insurance proof before the business starts (Art. 88(2); Decree 60(1)).
  { from: 'granted', action: 'activate', to: 'active', roles: ['company'], guards: ['insurance-proof-submitted'], rule: 'RFZ Act Art. 88(2); Decree Art. 60(1)' },
  cancel('granted'),
  { from: 'active', action: 'change', to: 'active', roles: ['ministry'], guards: ['change-approved'], rule: 'Decree Art. 58' },
  { from: 'extended', action: 'change', to: 'extended', roles: ['ministry'], guards: ['change-approved'], rule: 'Decree Art. 58' },
  // One extension (Art. 86(10)).
  {
    from: 'active',
    action: 'extend',
    to: 'extended',
    roles: ['ministry'],
    guards: ['extension-requested-in-time', 'no-prior-extension', 'extension-ground', 'within-maximum-and-zone-period'],
    rule: 'RFZ Act Art. 86(10)',
  },
  // Law-amendment request ≤ 2 months before expiry: deemed valid while the procedure runs (Art. 87(9)–(10)).
  { from: 'active', action: 'request_amendment', to: 'amendment_requested', roles: ['company'], guards: ['amendment-window-open', 'results-attached'], rule: 'RFZ Act Art. 87(9)–(10)' },
  { from: 'extended', action: 'request_amendment', to: 'amendment_requested', roles: ['company'], guards: ['amendment-window-open', 'results-attached'], rule: 'RFZ Act Art. 87(9)–(10)' },
  { from: 'active', action: 'expire', to: 'expired', roles: ['ministry'], guards: ['validity-ended'], rule: 'RFZ Act Art. 86(10)' },
  { from: 'extended', action: 'expire', to: 'expired', roles: ['ministry'], guards: ['validity-ended'], rule: 'RFZ Act Art. 86(10)' },
  cancel('active'),
  cancel('extended'),
  cancel('amendment_requested'),
  // Results report within 30 days after expiry (Art. 87(11)).
  { from: 'expired', action: 'report_results', to: 'results_reported', roles: ['company'], guards: [], rule: 'RFZ Act Art. 87(11); Decree Art. 59(11)' },
  { from: 'expired', action: 'end', to: 'ended', roles: ['ministry'], guards: ['report-overdue'], rule: 'RFZ Act Art. 87(11)' },
  // Outcomes: law amended, temporary permit once amendment has started, or end.
  { from: 'results_reported', action: 'record_law_amended', to: 'law_amended', roles: ['responsible_ministry'], guards: [], rule: 'RFZ Act Art. 87(4), 87(6); Decree Art. 59(9)' },
  { from: 'results_reported', action: 'grant_temporary_permit', to: 'temporary_permit', roles: ['committee'], guards: ['amendment-started'], rule: 'RFZ Act Art. 87(8), 90' },
  { from: 'results_reported', action: 'end', to: 'ended', roles: ['ministry'], guards: [], rule: 'RFZ Act Art. 87(6)' },
  { from: 'amendment_requested', action: 'record_law_amended', to: 'law_amended', roles: ['responsible_ministry'], guards: [], rule: 'RFZ Act Art. 87(9), 87(6); Decree Art. 59(9)' },
  { from: 'amendment_requested', action: 'grant_temporary_permit', to: 'temporary_permit', roles: ['committee'], guards: ['amendment-started'], rule: 'RFZ Act Art. 87(8)–(9), 90' },
  { from: 'amendment_requested', action: 'end', to: 'ended', roles: ['ministry'], guards: ['deemed-validity-over'], rule: 'RFZ Act Art. 87(10)' },
];

export const EXEMPTION_MACHINE: Machine<ExemptionState, ExemptionAction, ExemptionGuard> = {
  name: 'demonstration-exemption',
  states: EXEMPTION_STATES,
  actions: EXEMPTION_ACTIONS,
  guards: EXEMPTION_GUARDS,
  initial: 'requested',
  terminal: ['declined', 'returned', 'law_amended', 'temporary_permit', 'ended', 'cancelled', 'withdrawn'],
  transitions: EXEMPTION_TRANSITIONS,
};

/** Maps the violations of `checkExtension` to the guard facts of the `extend` transition. */
export function extensionFacts(violations: readonly Violation[]): Partial<Record<ExemptionGuard, boolean>> {
  const has = (code: string): boolean => violations.some((v) => v.code === code);
  return {
    'extension-requested-in-time': !has('extension-window-closed'),
    'no-prior-extension': !has('second-extension') && !has('no-extension'),
    'extension-ground': !has('no-extension-ground'),
    'within-maximum-and-zone-period': !has('exceeds-maximum') && !has('beyond-zone-period') && !has('end-before-start'),
  };
}

/** Maps the violations of `checkAmendmentRequest` to the guard facts of `request_amendment`. */
export function amendmentRequestFacts(violations: readonly Violation[]): Partial<Record<ExemptionGuard, boolean>> {
  return {
    'amendment-window-open': !violations.some((v) => v.code === 'amendment-window-closed' || v.code === 'not-applicable'),
    'results-attached': !violations.some((v) => v.code === 'missing-item'),
  };
}

/** Maps the violations of `checkRedeliberation` to the guard facts of `request_redeliberation`. */
export function redeliberationFacts(violations: readonly Violation[]): Partial<Record<ExemptionGuard, boolean>> {
  return {
    'redeliberation-window-open': !violations.some((v) => v.code === 'redeliberation-too-late' || v.code === 'not-applicable'),
    'redeliberation-not-used': !violations.some((v) => v.code === 'redeliberation-already-used'),
  };
}
