/**
 * The end of a zone: extension of the designation period, cancellation after a hearing, expiry, and the two
 * years of post-management data requests (RFZ Act Art. 81, 82, 84(2), 141; Decree Art. 44(3)2, 53, 55(3)).
 */
import { addMonthsClamped, type CivilDate } from '../calendar/civil-date.ts';
import type { Grade } from './zone-evaluation.ts';
import type { Violation } from './transition-table.ts';

/** The zone ends at 24:00 of its last day (Civil Act Art. 159): expired from the next day on (Decree Art. 44(3)2). */
export function hasExpired(periodEnd: CivilDate, today: CivilDate): boolean {
  return today > periodEnd;
}

/**
 * Longest single extension: 4 years, the usual designation period (DOMAIN.md §2 step 13). The Act sets no cap:
 * this is ZoneLink policy (docs/decisions/0011-zone-after-designation.md).
 */
export const MAX_EXTENSION_YEARS = 4;

export interface ExtensionInput {
  readonly periodEnd: CivilDate;
  readonly newPeriodEnd: CivilDate;
  readonly today: CivilDate;
  /** Grade of the latest confirmed evaluation, null when none. */
  readonly latestGrade: Grade | null;
}

/**
 * The period is part of the designation (Decree Art. 44(3)2), so extending it is a change of the designation
 * (Art. 81), decided before the period ends, to a later end, within the policy cap, and not for a zone whose
 * latest evaluation is poor (Art. 82(3): such a zone faces cancellation instead).
 */
export function checkExtension(input: ExtensionInput): Violation[] {
  const out: Violation[] = [];
  if (hasExpired(input.periodEnd, input.today)) out.push({ code: 'extension-after-expiry', rule: 'RFZ Act Art. 81(1); Decree Art. 44(3)2', params: { periodEnd: input.periodEnd } });
  if (input.newPeriodEnd <= input.periodEnd) out.push({ code: 'extension-not-later', rule: 'RFZ Act Art. 81(1)', params: { periodEnd: input.periodEnd } });
  const cap = addMonthsClamped(input.periodEnd, MAX_EXTENSION_YEARS * 12);
  if (input.newPeriodEnd > cap) out.push({ code: 'extension-too-long', rule: 'ZoneLink policy (4 years per extension)', params: { latest: cap } });
  if (input.latestGrade === null) out.push({ code: 'extension-needs-evaluation', rule: 'RFZ Act Art. 83; Decree Art. 45 item 10', params: {} });
  else if (input.latestGrade === 'poor') out.push({ code: 'extension-poor-grade', rule: 'RFZ Act Art. 82(3), 83(3)', params: { grade: input.latestGrade } });
  return out;
}

/** Grounds of cancellation: on the local head's application (Art. 82(1); Decree 53(1)) or by MSS for poor performance (Art. 82(3)). */
export const CANCELLATION_GROUNDS = ['purpose-unattainable', 'serious-side-effects', 'fraud', 'change-of-circumstances', 'purpose-achieved', 'poor-performance'] as const;
export type CancellationGround = (typeof CANCELLATION_GROUNDS)[number];

export const GROUND_RULES: Readonly<Record<CancellationGround, string>> = {
  'purpose-unattainable': 'RFZ Act Art. 82(1)1',
  'serious-side-effects': 'RFZ Act Art. 82(1)2',
  fraud: 'Decree Art. 53(1)1',
  'change-of-circumstances': 'Decree Art. 53(1)2',
  'purpose-achieved': 'Decree Art. 53(1)3',
  'poor-performance': 'RFZ Act Art. 82(3)',
};

export interface CancellationInput {
  readonly ground: CancellationGround;
  /** Day the hearing of the operators and the local heads was held (Art. 141(2)2), null when none. */
  readonly hearingHeldOn: CivilDate | null;
  readonly decidedOn: CivilDate;
  readonly latestGrade: Grade | null;
}

export interface CancellationCheck {
  readonly hearingHeld: boolean;
  readonly groundValid: boolean;
  readonly violations: readonly Violation[];
}

/** A hearing is held before the decision (Art. 141(2)2); cancelling for poor performance rests on a poor evaluation (Art. 82(3)). */
export function checkCancellation(input: CancellationInput): CancellationCheck {
  const violations: Violation[] = [];
  const hearingHeld = input.hearingHeldOn !== null && input.hearingHeldOn <= input.decidedOn;
  if (!hearingHeld) violations.push({ code: 'cancellation-without-hearing', rule: 'RFZ Act Art. 141(2)2', params: { hearingHeldOn: input.hearingHeldOn } });
  const groundValid = input.ground !== 'poor-performance' || input.latestGrade === 'poor';
  if (!groundValid) violations.push({ code: 'poor-performance-without-poor-grade', rule: 'RFZ Act Art. 82(3)', params: { grade: input.latestGrade } });
  return { hearingHeld, groundValid, violations };
}

/** The 2-year window itself is `postManagementEnd` in procedure.ts (Art. 84(2); Decree Art. 55(3)). */
export interface DataRequestInput {
  readonly requestedOn: CivilDate;
  readonly dueOn: CivilDate;
  readonly windowEnd: CivilDate;
}

/** A data request is made within the 2-year window and due after it is made (Art. 84(2); Decree 55(3)). */
export function checkDataRequest(input: DataRequestInput): Violation[] {
  const out: Violation[] = [];
  if (input.requestedOn > input.windowEnd) out.push({ code: 'post-management-over', rule: 'RFZ Act Art. 84(2); Decree Art. 55(3)', params: { windowEnd: input.windowEnd } });
  if (input.dueOn <= input.requestedOn) out.push({ code: 'data-request-due-too-early', rule: 'RFZ Act Art. 84(2)', params: { requestedOn: input.requestedOn } });
  return out;
}
