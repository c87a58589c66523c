/**
 * Lifecycle of a designated zone (DOMAIN.md §2 steps 8–14, §11): operation with changes and
 * evaluations, extension, cancellation or expiry, two years of post-management, closure.
 */
import type { Machine, Transition } from './transition-table.ts';

export const ZONE_STATES = ['designated', 'evaluated', 'extended', 'cancelled', 'expired', 'post_management', 'closed'] as const;
export type ZoneState = (typeof ZONE_STATES)[number];

export const ZONE_ACTIONS = ['record_change', 'evaluate', 'extend', 'cancel', 'expire', 'begin_post_management', 'close'] as const;
export type ZoneAction = (typeof ZONE_ACTIONS)[number];

export const ZONE_GUARDS = [
  'change-procedure-complete',
  'evaluation-confirmed',
  'before-expiry',
  'extension-allowed',
  'hearing-held',
  'cancellation-ground',
  'period-ended',
  'post-management-period-over',
] as const;
export type ZoneGuard = (typeof ZONE_GUARDS)[number];

type T = Transition<ZoneState, ZoneAction, ZoneGuard>;
const OPERATING: readonly ZoneState[] = ['designated', 'evaluated', 'extended'];

const operatingTransitions: readonly T[] = OPERATING.flatMap((from): T[] => [
  // Changes: same procedure with 15-day notice and reply, or none for minor changes (Art. 81; Decree 52).
  { from, action: 'record_change', to: from, roles: ['ministry'], guards: ['change-procedure-complete'], rule: 'RFZ Act Art. 81; Decree Art. 52' },
  // Evaluation, confirmed by the committee (Art. 83(1), (3); Decree 54).
  { from, action: 'evaluate', to: from === 'designated' ? 'evaluated' : from, roles: ['ministry'], guards: ['evaluation-confirmed'], rule: 'RFZ Act Art. 83; Decree Art. 54' },
  // Cancellation on application or for poor performance, after a hearing (Art. 82(2)–(3), 141; Decree 53).
  { from, action: 'cancel', to: 'cancelled', roles: ['committee'], guards: ['hearing-held', 'cancellation-ground'], rule: 'RFZ Act Art. 82(2)–(3), 141; Decree Art. 53' },
  // The designation period gazetted with the zone ends (Decree 44(3)2).
  { from, action: 'expire', to: 'expired', roles: ['ministry'], guards: ['period-ended'], rule: 'Decree Art. 44(3)2' },
]);

export const ZONE_TRANSITIONS: readonly T[] = [
  ...operatingTransitions,
  // Extending the designation period is a change of the designation (Art. 81); ZoneLink requires
  // a confirmed evaluation first (policy; the committee weighs past evaluations, Decree 45 item 10).
  // `extension-allowed`: a later end within the policy cap, latest grade not poor (zone-period.ts checkExtension).
  { from: 'evaluated', action: 'extend', to: 'extended', roles: ['committee'], guards: ['before-expiry', 'extension-allowed', 'change-procedure-complete'], rule: 'RFZ Act Art. 81; Decree Art. 45 item 10' },
  { from: 'extended', action: 'extend', to: 'extended', roles: ['committee'], guards: ['before-expiry', 'extension-allowed', 'change-procedure-complete'], rule: 'RFZ Act Art. 81' },
  { from: 'cancelled', action: 'begin_post_management', to: 'post_management', roles: ['ministry'], guards: [], rule: 'RFZ Act Art. 84(2); Decree Art. 55(3)' },
  { from: 'expired', action: 'begin_post_management', to: 'post_management', roles: ['ministry'], guards: [], rule: 'RFZ Act Art. 84(2); Decree Art. 55(3)' },
  { from: 'post_management', action: 'close', to: 'closed', roles: ['ministry'], guards: ['post-management-period-over'], rule: 'Decree Art. 55(3) (2 years)' },
];

export const ZONE_MACHINE: Machine<ZoneState, ZoneAction, ZoneGuard> = {
  name: 'zone',
  states: ZONE_STATES,
  actions: ZONE_ACTIONS,
  guards: ZONE_GUARDS,
  initial: 'designated',
  terminal: ['closed'],
  transitions: ZONE_TRANSITIONS,
};
