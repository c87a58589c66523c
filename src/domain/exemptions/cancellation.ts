/**
 * Cancelling an exemption or temporary permit (RFZ Act Art. 89, 91, 141; Decree Art. 63, 66):
 * on a lawful ground, only after a hearing (청문) of which the holder was told in time.
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import { deadlineBefore } from '../calendar/periods.ts';
import { ruleResult, type RuleResult, type Violation } from '../zones/transition-table.ts';

/** Art. 89(1): 1 fraud (cancellation mandatory), 2 conditions not met, 3 purpose impossible, 4 unforeseen public need, 5 harm to life, safety or environment. */
export const CANCELLATION_GROUNDS = ['fraud', 'conditions_breached', 'purpose_impossible', 'public_need', 'harm'] as const;
export type CancellationGround = (typeof CANCELLATION_GROUNDS)[number];

export interface HearingInput {
  /** Day the holder was told of the hearing. */
  readonly noticeOn: CivilDate;
  readonly heldOn: CivilDate;
  readonly calendar: HolidayCalendar;
}

/**
 * A hearing is required before the cancellation (Art. 141); the holder is told at least 10 days
 * before it starts (Administrative Procedures Act Art. 21(2)), counted back without the hearing day.
 */
export function checkHearing(input: HearingInput): RuleResult<{ readonly noticeBy: CivilDate }> {
  const deadline = deadlineBefore({ reference: input.heldOn, amount: 10, unit: 'day', calendar: input.calendar });
  const violations: Violation[] = [];
  if (input.noticeOn > deadline.nominal) {
    violations.push({ code: 'hearing-notice-too-late', rule: 'RFZ Act Art. 141; Administrative Procedures Act Art. 21(2)', params: { noticeBy: deadline.nominal, noticeOn: input.noticeOn } });
  }
  return ruleResult({ noticeBy: deadline.nominal }, violations);
}

export interface CancellationInput {
  readonly ground: CancellationGround | null;
  /** The hearing held for this cancellation, if any. */
  readonly hearingHeldOn: CivilDate | null;
  readonly decidedOn: CivilDate;
}

/** The decision needs a ground of Art. 89(1) and a hearing held before it (Art. 141). */
export function checkCancellation(input: CancellationInput): RuleResult<{ readonly mandatory: boolean }> {
  const violations: Violation[] = [];
  if (input.ground === null || !(CANCELLATION_GROUNDS as readonly string[]).includes(input.ground)) {
    violations.push({ code: 'no-cancellation-ground', rule: 'RFZ Act Art. 89(1)', params: { ground: input.ground, allowed: [...CANCELLATION_GROUNDS] } });
  }
  if (input.hearingHeldOn === null) {
    violations.push({ code: 'hearing-not-held', rule: 'RFZ Act Art. 141', params: {} });
  } else if (input.hearingHeldOn > input.decidedOn) {
    violations.push({ code: 'hearing-after-decision', rule: 'RFZ Act Art. 141', params: { hearingOn: input.hearingHeldOn, decidedOn: input.decidedOn } });
  }
  // Fraud: the grant must be cancelled (Art. 89(1) proviso); the others: may be.
  return ruleResult({ mandatory: input.ground === 'fraud' }, violations);
}
