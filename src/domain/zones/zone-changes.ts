/**
 * Changes to a designated zone (RFZ Act Art. 81; Decree Art. 52): which are minor (MSS changes them in
 * consultation with the local head, without the committee) and the change request's own state machine.
 */
import type { Machine, Transition, Violation } from './transition-table.ts';

/**
 * What a change request changes. The first six are the minor items of Decree Art. 52(2) 1–6
 * (`area` only when under 10 %); the rest need the committee's decision (Art. 81(2) main text, 79(1)2).
 * Item 7 of Decree 52(2) (matters the committee itself declares minor) is left to the committee: `other`.
 */
export const CHANGE_ITEMS = [
  'wording-after-law-change', // Decree 52(2)1: terms changed by another law or plan
  'typo', // 52(2)2: typos and plain wording
  'name-after-boundary-change', // 52(2)3: name changed with an administrative boundary
  'area', // 52(2)4: area change under 10 % of the zone's area
  'detailed-plan', // 52(2)5: detailed plans within the plan's purpose
  'operator-name-or-address', // 52(2)6: an operator's name or address
  'operators', // adding or removing operators (Art. 79(1)2: the Deliberation Committee)
  'exemptions', // special cases (Art. 79(1)2)
  'conditions', // conditions (Art. 79(1)2)
  'purpose', // the zone's purpose
  'other',
] as const;
export type ChangeItem = (typeof CHANGE_ITEMS)[number];

const MINOR_ITEMS: ReadonlySet<ChangeItem> = new Set(['wording-after-law-change', 'typo', 'name-after-boundary-change', 'area', 'detailed-plan', 'operator-name-or-address']);

export interface ChangeClassification {
  readonly minor: boolean;
  /** Why it needs the committee (empty when minor). */
  readonly reasons: readonly Violation[];
}

/** Minor (Decree Art. 52(2)) only when every item is minor and an area change stays under 10 % (item 4). */
export function classifyChange(items: readonly ChangeItem[], areaChangePercent: number | null): ChangeClassification {
  const reasons: Violation[] = [];
  if (items.length === 0) reasons.push({ code: 'change-without-items', rule: 'RFZ Act Art. 81(1)', params: {} });
  for (const item of items) {
    if (!MINOR_ITEMS.has(item)) reasons.push({ code: 'change-needs-committee', rule: 'RFZ Act Art. 81(2); Decree Art. 52(2)', params: { item } });
  }
  if (items.includes('area')) {
    if (areaChangePercent === null) reasons.push({ code: 'area-change-without-percent', rule: 'Decree Art. 52(2)4', params: { item: 'area' } });
    else if (Math.abs(areaChangePercent) >= 10) reasons.push({ code: 'change-needs-committee', rule: 'Decree Art. 52(2)4', params: { item: 'area', percent: areaChangePercent, limit: 10 } });
  }
  return { minor: reasons.length === 0, reasons };
}

// ------------------------------------------------------------------------------------------ the request

export const CHANGE_STATES = ['filed', 'under_review', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];
export const CHANGE_ACTIONS = ['approve_minor', 'accept_for_review', 'approve', 'reject', 'withdraw'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
export const CHANGE_GUARDS = ['change-is-minor', 'change-is-not-minor', 'meeting-notice-given', 'ministry-replies-complete-or-due'] as const;
export type ChangeGuard = (typeof CHANGE_GUARDS)[number];

type T = Transition<ChangeState, ChangeAction, ChangeGuard>;

export const CHANGE_TRANSITIONS: readonly T[] = [
  // A minor change: MSS changes it in consultation with the local head, without the committee (Art. 81(2) proviso).
  { from: 'filed', action: 'approve_minor', to: 'approved', roles: ['ministry'], guards: ['change-is-minor'], rule: 'RFZ Act Art. 81(2) proviso; Decree Art. 52(2)' },
  // Any other change: the designation procedure with the ministries' reply in 15 days (Art. 81(2), 75(2)).
  { from: 'filed', action: 'accept_for_review', to: 'under_review', roles: ['ministry'], guards: ['change-is-not-minor'], rule: 'RFZ Act Art. 81(2), 75(1)–(2)' },
  { from: 'filed', action: 'reject', to: 'rejected', roles: ['ministry'], guards: [], rule: 'RFZ Act Art. 81(2) proviso' },
  { from: 'filed', action: 'withdraw', to: 'withdrawn', roles: ['local_government'], guards: [], rule: 'RFZ Act Art. 81(1)' },
  // The committee decides (Art. 75(3) applied by 81(2); the Deliberation Committee within the purpose, Art. 79(1)2).
  { from: 'under_review', action: 'approve', to: 'approved', roles: ['committee'], guards: ['meeting-notice-given', 'ministry-replies-complete-or-due'], rule: 'RFZ Act Art. 81(2), 75(3), 79(1)2; Decree Art. 47(6), 49(6)' },
  { from: 'under_review', action: 'reject', to: 'rejected', roles: ['committee'], guards: ['meeting-notice-given'], rule: 'RFZ Act Art. 81(2), 75(3)' },
  { from: 'under_review', action: 'withdraw', to: 'withdrawn', roles: ['local_government'], guards: [], rule: 'RFZ Act Art. 81(1)' },
];

export const CHANGE_MACHINE: Machine<ChangeState, ChangeAction, ChangeGuard> = {
  name: 'zone-change',
  states: CHANGE_STATES,
  actions: CHANGE_ACTIONS,
  guards: CHANGE_GUARDS,
  initial: 'filed',
  terminal: ['approved', 'rejected', 'withdrawn'],
  transitions: CHANGE_TRANSITIONS,
};

/** The ministries' reply period for a change: 15 days instead of 30 (Art. 81(2) applying 75(2)). */
export const CHANGE_REPLY_DAYS = 15;
