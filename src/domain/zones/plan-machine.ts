/**
 * Zone plan lifecycle (DOMAIN.md §2 steps 2–8, §11): from drafting by one or several local
 * governments to the committee's decision.
 */
import type { Machine, Transition } from './transition-table.ts';

export const PLAN_STATES = [
  'drafting',
  'signing_off',
  'submitted',
  'under_review',
  'supplement_requested',
  'returned',
  'deliberation',
  'designated',
  'designated_with_conditions',
  'rejected',
  'sent_back',
  'withdrawn',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_ACTIONS = [
  'edit',
  'request_signoff',
  'sign_off',
  'submit',
  'accept_for_review',
  'request_supplement',
  'answer_supplement',
  'return',
  'submit_expert_review',
  'refer_to_committee',
  'designate',
  'designate_with_conditions',
  'reject',
  'send_back',
  'revise',
  'request_redeliberation',
  'withdraw',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Guard names, reported as-is in a 409 when a move is refused. */
export const PLAN_GUARDS = [
  'required-items-present',
  'signer-is-participant',
  'signed-hash-is-current',
  'all-signoffs-match-hash',
  'applicants-eligible',
  'connected-zone-has-two-metropolitan',
  'provinces-notified',
  'public-consultation-complete',
  'regions-contiguous-if-required',
  'return-ground',
  'supplement-not-answered',
  'no-conflict-of-interest',
  'ministry-replies-complete-or-due',
  'meeting-notice-given',
  'quorum-present',
  'redeliberation-window-open',
  'redeliberation-not-used',
] as const;
export type PlanGuard = (typeof PLAN_GUARDS)[number];

/** Where each guard comes from; a refused move reports it beside the guard name (409 `guards`). */
export const PLAN_GUARD_ARTICLES: Readonly<Record<PlanGuard, string>> = {
  'required-items-present': 'RFZ Act Art. 74(1); Decree Art. 40(1), 42(3)',
  'signer-is-participant': 'Decree Art. 40(2)',
  'signed-hash-is-current': 'Decree Art. 40(2)',
  'all-signoffs-match-hash': 'Decree Art. 40(2)',
  'applicants-eligible': 'RFZ Act Art. 72(1), 2(13)',
  'connected-zone-has-two-metropolitan': 'MSS call for regionally connected zones (2026-02-06); Decree Art. 40(2)',
  'provinces-notified': 'RFZ Act Art. 72(2)',
  'public-consultation-complete': 'RFZ Act Art. 74(2); Decree Art. 43',
  'regions-contiguous-if-required': 'ZoneLink policy (call setting: contiguity required)',
  'return-ground': 'RFZ Act Art. 72(4), 75(5)',
  'supplement-not-answered': 'RFZ Act Art. 72(4), 75(5)',
  'no-conflict-of-interest': 'Decree Art. 50 (recusal), applied to expert reviewers',
  'ministry-replies-complete-or-due': 'RFZ Act Art. 75(2)',
  'meeting-notice-given': 'Decree Art. 47(6), 49(6)',
  'quorum-present': 'Decree Art. 47(7), 49(7)',
  'redeliberation-window-open': 'ZoneLink policy after Decree Art. 57-3(2) (60 days)',
  'redeliberation-not-used': 'ZoneLink policy after Decree Art. 57-3(4) (once)',
};

type T = Transition<PlanState, PlanAction, PlanGuard>;

const SUBMIT_GUARDS: readonly PlanGuard[] = [
  'all-signoffs-match-hash',
  'applicants-eligible',
  'connected-zone-has-two-metropolitan',
  'provinces-notified',
  'public-consultation-complete',
  'required-items-present',
  'regions-contiguous-if-required',
];
const DECISION_GUARDS: readonly PlanGuard[] = ['meeting-notice-given', 'quorum-present'];

const withdraw = (from: PlanState): T => ({
  from,
  action: 'withdraw',
  to: 'withdrawn',
  roles: ['lead_local_government'],
  guards: [],
  rule: 'RFZ Act Art. 72(1) (the applicant may withdraw its application)',
});

const decide = (action: PlanAction, to: PlanState, rule: string): T => ({
  from: 'deliberation',
  action,
  to,
  roles: ['committee'],
  guards: DECISION_GUARDS,
  rule,
});

export const PLAN_TRANSITIONS: readonly T[] = [
  // Drafting (Art. 74(1); Decree 42) — one government alone or several with a joint plan (Decree 40(2)).
  { from: 'drafting', action: 'edit', to: 'drafting', roles: ['local_government'], guards: [], rule: 'RFZ Act Art. 74(1)' },
  { from: 'drafting', action: 'request_signoff', to: 'signing_off', roles: ['lead_local_government'], guards: ['required-items-present'], rule: 'Decree Art. 40(2)' },
  withdraw('drafting'),
  // Sign-off: every participant on the same content hash; any edit withdraws all sign-offs.
  { from: 'signing_off', action: 'sign_off', to: 'signing_off', roles: ['local_government'], guards: ['signer-is-participant', 'signed-hash-is-current'], rule: 'Decree Art. 40(2)' },
  { from: 'signing_off', action: 'edit', to: 'drafting', roles: ['local_government'], guards: [], rule: 'Decree Art. 40(2) (a change withdraws every sign-off)' },
  {
    from: 'signing_off',
    action: 'submit',
    to: 'submitted',
    roles: ['lead_local_government'],
    guards: SUBMIT_GUARDS,
    rule: 'RFZ Act Art. 72(1)–(2), 74(2); Decree Art. 40, 43',
  },
  withdraw('signing_off'),
  // MSS receives the application.
  { from: 'submitted', action: 'accept_for_review', to: 'under_review', roles: ['ministry'], guards: [], rule: 'RFZ Act Art. 75(1)' },
  { from: 'submitted', action: 'request_supplement', to: 'supplement_requested', roles: ['ministry'], guards: [], rule: 'RFZ Act Art. 72(4)' },
  { from: 'submitted', action: 'return', to: 'returned', roles: ['ministry'], guards: ['return-ground'], rule: 'RFZ Act Art. 75(5)2' },
  withdraw('submitted'),
  // Inter-ministerial and expert review (Art. 75(2); 30-day reply, supplements excluded).
  { from: 'under_review', action: 'request_supplement', to: 'supplement_requested', roles: ['ministry', 'responsible_ministry'], guards: [], rule: 'RFZ Act Art. 72(4), 75(2) proviso' },
  { from: 'under_review', action: 'submit_expert_review', to: 'under_review', roles: ['expert'], guards: ['no-conflict-of-interest'], rule: 'Decree Art. 50 (recusal, applied to expert reviewers)' },
  { from: 'under_review', action: 'refer_to_committee', to: 'deliberation', roles: ['ministry'], guards: ['ministry-replies-complete-or-due'], rule: 'RFZ Act Art. 75(2)–(3)' },
  { from: 'under_review', action: 'return', to: 'returned', roles: ['ministry'], guards: ['return-ground'], rule: 'RFZ Act Art. 75(5)2' },
  withdraw('under_review'),
  { from: 'supplement_requested', action: 'answer_supplement', to: 'under_review', roles: ['lead_local_government'], guards: [], rule: 'RFZ Act Art. 72(4), 75(2) proviso' },
  { from: 'supplement_requested', action: 'return', to: 'returned', roles: ['ministry'], guards: ['supplement-not-answered'], rule: 'RFZ Act Art. 75(5)1' },
  withdraw('supplement_requested'),
  { from: 'returned', action: 'revise', to: 'drafting', roles: ['lead_local_government'], guards: [], rule: 'RFZ Act Art. 75(5)' },
  withdraw('returned'),
  // Deliberation and decision by the committee (recorded by MSS), after 7 days' notice and with a quorum.
  decide('designate', 'designated', 'RFZ Act Art. 75(3); Decree Art. 44, 47(6)–(7)'),
  decide('designate_with_conditions', 'designated_with_conditions', 'RFZ Act Art. 75(3); Decree Art. 44, 47(6)–(7)'),
  decide('reject', 'rejected', 'RFZ Act Art. 75(3); Decree Art. 47(6)–(7)'),
  decide('send_back', 'sent_back', 'RFZ Act Art. 75(3), 79(1)1; Decree Art. 47(6)–(7)'),
  { from: 'sent_back', action: 'revise', to: 'drafting', roles: ['lead_local_government'], guards: [], rule: 'RFZ Act Art. 74(1)' },
  withdraw('sent_back'),
  {
    from: 'rejected',
    action: 'request_redeliberation',
    to: 'deliberation',
    roles: ['lead_local_government'],
    guards: ['redeliberation-window-open', 'redeliberation-not-used'],
    rule: 'ZoneLink policy after Decree Art. 57-3 (60 days, once)',
  },
];

export const PLAN_MACHINE: Machine<PlanState, PlanAction, PlanGuard> = {
  name: 'zone-plan',
  states: PLAN_STATES,
  actions: PLAN_ACTIONS,
  guards: PLAN_GUARDS,
  initial: 'drafting',
  terminal: ['designated', 'designated_with_conditions', 'withdrawn'],
  transitions: PLAN_TRANSITIONS,
  guardArticles: PLAN_GUARD_ARTICLES,
};
