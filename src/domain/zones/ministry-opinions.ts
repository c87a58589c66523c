/**
 * Opinions of the responsible ministries on a zone plan (RFZ Act Art. 75(2)): MSS sends the plan to each ministry
 * concerned, and each replies in writing within 30 days of receiving it; time spent on a supplement is not counted,
 * so each ministry's clock pauses while a supplement request is open.
 *
 * The referral to the committee waits for every consulted ministry: it replied, or its own 30 days ran out
 * (a ministry's silence does not stop the procedure; the Act sets the period, not a veto).
 */
import type { ClockState } from '../calendar/clock.ts';
import { dueDate, isOverdue } from '../calendar/clock.ts';
import type { CivilDate } from '../calendar/civil-date.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import type { Violation } from './transition-table.ts';

export interface MinistryConsultation {
  /** The responsible ministry (organisation id). */
  readonly ministry: string;
  readonly clock: ClockState;
  readonly repliedOn: CivilDate | null;
}

const RULE = 'RFZ Act Art. 75(2)';

/** One violation per consulted ministry that has neither replied nor run out of time. */
export function pendingMinistryReplies(consultations: readonly MinistryConsultation[], today: CivilDate, calendar: HolidayCalendar): Violation[] {
  return consultations
    .filter((c) => c.repliedOn === null && !isOverdue(c.clock, today, calendar))
    .map((c) => ({ code: 'ministry-reply-pending', rule: RULE, params: { ministry: c.ministry, due: dueDate(c.clock, calendar)?.due ?? null } }));
}

/** A ministry gives one opinion, and only on a plan it was consulted on. */
export function checkOpinion(consultation: MinistryConsultation | undefined): Violation[] {
  if (consultation === undefined) return [{ code: 'ministry-not-consulted', rule: RULE, params: {} }];
  if (consultation.repliedOn !== null) return [{ code: 'opinion-already-given', rule: RULE, params: { repliedOn: consultation.repliedOn } }];
  return [];
}
