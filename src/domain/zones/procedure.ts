/**
 * Procedural rules of the zone lifecycle as pure functions: public notice and hearing, the
 * documents a submission needs, reply and decision clocks, committee meeting notice,
 * re-deliberation, post-management.
 */
import { addDays, maxDate, type CivilDate } from '../calendar/civil-date.ts';
import { startClock, type ClockState } from '../calendar/clock.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import { computePeriod, deadlineBefore, periodEnd } from '../calendar/periods.ts';
import type { Violation } from './transition-table.ts';

// ---------------------------------------------------------------------------------------------
// Public notice, inspection and hearing (RFZ Act Art. 74(2), Decree Art. 43; changes: Art. 81(2), Decree Art. 52(1))

export type ConsultationProcedure = 'designation' | 'change';

export interface PublicConsultation {
  readonly procedure: ConsultationProcedure;
  /** Day the plan was published (공고일). */
  readonly noticeOn: CivilDate | null;
  /** Last day the notice ran. */
  readonly noticeUntil: CivilDate | null;
  readonly inspectionFrom: CivilDate | null;
  readonly inspectionUntil: CivilDate | null;
  /** A public hearing is optional; if one is held it must be announced in time (Decree 43(3)). */
  readonly hearing?: { readonly announcedOn: CivilDate; readonly heldOn: CivilDate } | null;
  /** Opinion of the (city/province or city/county/district) Local Era Committee was heard (Art. 74(2)). */
  readonly localEraCommitteeHeard: boolean;
  /** Notice and comments already gathered under another law (Art. 74-2): the notice steps are skipped. */
  readonly consultedUnderOtherLaw?: boolean;
}

interface ConsultationRules {
  readonly noticeDays: number;
  readonly inspectionDelayDays: number;
  readonly inspectionDays: number;
  readonly rule: string;
}

const CONSULTATION: Readonly<Record<ConsultationProcedure, ConsultationRules>> = {
  // Notice ≥ 30 days; inspection ≥ 24 days from the day after 6 days have passed since the notice day.
  designation: { noticeDays: 30, inspectionDelayDays: 6, inspectionDays: 24, rule: 'RFZ Act Art. 74(2); Decree Art. 43(1)' },
  // Changes: notice ≥ 15 days; inspection ≥ 12 days from the day after 3 days have passed.
  change: { noticeDays: 15, inspectionDelayDays: 3, inspectionDays: 12, rule: 'RFZ Act Art. 81(2); Decree Art. 52(1)' },
};

export interface ConsultationCheck {
  readonly violations: readonly Violation[];
  /** First day the plan may be submitted (all consultation periods over), when computable. */
  readonly earliestSubmission: CivilDate | null;
}

/**
 * Checks the consultation record. Every problem names the missing or late item exactly.
 *
 * Counting (docs/decisions/0004-periods.md): the notice day is not counted (Civil Act Art. 157)
 * and the notice must run to the end of the last day, rolled over a Saturday or holiday
 * (Art. 161). "The day after N days have passed since the notice day" is notice day + N + 1
 * (the same reading that puts "6 months after promulgation" of Act 20236 on 2024-08-07).
 * The inspection opens at 00:00 of its first day, which counts (Art. 157 proviso).
 */
export function checkPublicConsultation(input: PublicConsultation, calendar: HolidayCalendar): ConsultationCheck {
  const rules = CONSULTATION[input.procedure];
  const violations: Violation[] = [];
  const candidates: CivilDate[] = [];
  const later = (d: CivilDate): void => {
    candidates.push(d);
  };

  if (!input.localEraCommitteeHeard) {
    violations.push({ code: 'missing-item', rule: 'RFZ Act Art. 74(2)', params: { item: 'local-era-committee-opinion' } });
  }

  if (input.consultedUnderOtherLaw !== true) {
    if (input.noticeOn === null) {
      violations.push({ code: 'missing-item', rule: rules.rule, params: { item: 'public-notice' } });
    } else {
      const noticeEnd = periodEnd({ start: input.noticeOn, amount: rules.noticeDays, unit: 'day', calendar });
      later(addDays(noticeEnd, 1));
      if (input.noticeUntil === null || input.noticeUntil < noticeEnd) {
        violations.push({
          code: 'public-notice-too-short',
          rule: rules.rule,
          params: { item: 'public-notice', requiredDays: rules.noticeDays, mustRunUntil: noticeEnd, ranUntil: input.noticeUntil },
        });
      }
      const inspectionMayStart = addDays(input.noticeOn, rules.inspectionDelayDays + 1);
      if (input.inspectionFrom === null) {
        violations.push({ code: 'missing-item', rule: rules.rule, params: { item: 'public-inspection' } });
      } else {
        if (input.inspectionFrom < inspectionMayStart) {
          violations.push({
            code: 'inspection-starts-too-early',
            rule: rules.rule,
            params: { item: 'public-inspection', earliestStart: inspectionMayStart, startedOn: input.inspectionFrom },
          });
        }
        const inspectionEnd = periodEnd({
          start: input.inspectionFrom,
          amount: rules.inspectionDays,
          unit: 'day',
          startsAtMidnight: true,
          calendar,
        });
        later(addDays(inspectionEnd, 1));
        if (input.inspectionUntil === null || input.inspectionUntil < inspectionEnd) {
          violations.push({
            code: 'inspection-too-short',
            rule: rules.rule,
            params: { item: 'public-inspection', requiredDays: rules.inspectionDays, mustRunUntil: inspectionEnd, ranUntil: input.inspectionUntil },
          });
        }
      }
    }
  }

  if (input.hearing) {
    const latest = deadlineBefore({ reference: input.hearing.heldOn, amount: 14, unit: 'day', calendar });
    if (input.hearing.announcedOn > latest.nominal) {
      violations.push({
        code: 'hearing-announced-too-late',
        rule: 'Decree Art. 43(3)',
        params: { item: 'public-hearing-announcement', latest: latest.nominal, announceBy: latest.lastBusinessDay, announcedOn: input.hearing.announcedOn },
      });
    }
    later(addDays(input.hearing.heldOn, 1));
  }
  const earliestSubmission = candidates.reduce<CivilDate | null>((acc, d) => (acc === null ? d : maxDate(acc, d)), null);
  return { violations, earliestSubmission };
}

/** The plan may only be submitted once every consultation period has ended. */
export function checkSubmissionAfterConsultation(check: ConsultationCheck, submittedOn: CivilDate): Violation[] {
  if (check.earliestSubmission === null || submittedOn >= check.earliestSubmission) return [];
  return [
    {
      code: 'submitted-before-consultation-ended',
      rule: 'RFZ Act Art. 74(2); Decree Art. 43(2)',
      params: { earliest: check.earliestSubmission, submittedOn },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// What a submission must contain

export const PLAN_ITEMS = {
  'application-form': 'Decree Art. 40(1)',
  'zone-plan': 'Decree Art. 40(1)2',
  'name-location-area': 'RFZ Act Art. 74(1)1',
  'necessity-and-effects': 'RFZ Act Art. 74(1)2',
  'industry-growth-plan': 'RFZ Act Art. 74(1)3',
  'zone-operators': 'RFZ Act Art. 74(1)4',
  'special-cases': 'RFZ Act Art. 74(1)5',
  'sandbox-measures': 'RFZ Act Art. 74(1)6',
  'spatial-scope': 'RFZ Act Art. 74(1)7',
  'local-era-plan-link': 'RFZ Act Art. 74(1)8',
  'real-estate-stabilisation': 'RFZ Act Art. 74(1)9',
  'designation-period': 'Decree Art. 42(3)1',
  'project-period': 'Decree Art. 42(3)2',
  'policy-goals-kpis': 'Decree Art. 42(3)3',
  'funding-plan': 'Decree Art. 42(3)4',
  'firm-attraction': 'Decree Art. 42(3)5',
  'local-support': 'Decree Art. 42(3)6',
  'safety-privacy-measures': 'Decree Art. 42(3)7',
  'land-use-plan': 'Decree Art. 42(3)8',
  'location-maps': 'Decree Art. 42(3)9',
  'consultation-results': 'Decree Art. 40(1)3',
  'zone-maps': 'Decree Art. 40(1)4',
  'sea-documents': 'Decree Art. 40(1)1; RFZ Act Art. 10',
} as const;

export type PlanItem = keyof typeof PLAN_ITEMS;

export interface SubmissionConditions {
  /** The plan contains a development project subject to strategic environmental assessment. */
  readonly seaRequired: boolean;
  /** A zone land-use plan is needed (land-use special cases). */
  readonly landUsePlanRequired: boolean;
}

/** One violation per missing item, in catalogue order, each naming the item and its article. */
export function missingSubmissionItems(provided: Iterable<PlanItem>, conditions: SubmissionConditions): Violation[] {
  const have = new Set<PlanItem>(provided);
  const violations: Violation[] = [];
  for (const [item, rule] of Object.entries(PLAN_ITEMS) as [PlanItem, string][]) {
    if (item === 'sea-documents' && !conditions.seaRequired) continue;
    if (item === 'land-use-plan' && !conditions.landUsePlanRequired) continue;
    if (!have.has(item)) violations.push({ code: 'missing-item', rule, params: { item } });
  }
  return violations;
}

// ---------------------------------------------------------------------------------------------
// Clocks and deadlines

/** Ministries and the Local Era Committee chair reply in writing within 30 days (15 for changes), supplements excluded. */
export function ministryReplyClock(notifiedOn: CivilDate, procedure: ConsultationProcedure): ClockState {
  return procedure === 'designation'
    ? startClock({ startedOn: notifiedOn, days: 30, rule: 'RFZ Act Art. 75(2)' })
    : startClock({ startedOn: notifiedOn, days: 15, rule: 'RFZ Act Art. 81(2), 75(2)' });
}

/** MSS decides within 90 days of the application; supplement time (Art. 72(4), 75(2)) is excluded. */
export function designationDecisionClock(receivedOn: CivilDate): ClockState {
  return startClock({ startedOn: receivedOn, days: 90, rule: 'Decree Art. 44(1)' });
}

/** A local head answers a private proposal within 60 days of receiving it. */
export function privateProposalReplyDue(receivedOn: CivilDate, calendar: HolidayCalendar): CivilDate {
  return periodEnd({ start: receivedOn, amount: 60, unit: 'day', calendar }); // Decree Art. 41(1)
}

export type Committee = 'rfz_committee' | 'deliberation_committee';

export interface MeetingNotice {
  readonly committee: Committee;
  readonly meetingOn: CivilDate;
  readonly noticeGivenOn: CivilDate | null;
  /** Urgent meetings may be notified by phone before they open (proviso). */
  readonly urgent?: boolean;
}

/** Written notice at least 7 days before the meeting (RFZ Committee: Decree 47(6); Deliberation Committee: Decree 49(6)). */
export function checkMeetingNotice(input: MeetingNotice, calendar: HolidayCalendar): Violation[] {
  const rule = input.committee === 'rfz_committee' ? 'Decree Art. 47(6)' : 'Decree Art. 49(6)';
  if (input.noticeGivenOn === null) return [{ code: 'missing-item', rule, params: { item: 'meeting-notice' } }];
  if (input.urgent === true) {
    return input.noticeGivenOn <= input.meetingOn
      ? []
      : [{ code: 'meeting-notice-too-late', rule: `${rule} proviso`, params: { latest: input.meetingOn, noticeGivenOn: input.noticeGivenOn } }];
  }
  const latest = deadlineBefore({ reference: input.meetingOn, amount: 7, unit: 'day', calendar });
  if (input.noticeGivenOn <= latest.nominal) return [];
  return [
    {
      code: 'meeting-notice-too-late',
      rule,
      params: { latest: latest.nominal, noticeBy: latest.lastBusinessDay, noticeGivenOn: input.noticeGivenOn },
    },
  ];
}

export interface RedeliberationRequest {
  /** Day the applicant was notified of the decision. */
  readonly notifiedOn: CivilDate;
  readonly requestedOn: CivilDate;
  /** Re-deliberations already held on this matter. */
  readonly previous: number;
}

/**
 * Re-deliberation of a zone decision: within 60 days of notice, once. The Act provides
 * re-deliberation for exemptions and permits (Art. 86(8)–(9), 90(9)–(10); Decree 57-3, 64-3);
 * ZoneLink applies the same window to zone decisions as a platform policy.
 */
export function checkZoneRedeliberation(input: RedeliberationRequest, calendar: HolidayCalendar): Violation[] {
  const rule = 'ZoneLink policy after Decree Art. 57-3(2), (4)';
  const violations: Violation[] = [];
  if (input.previous > 0) violations.push({ code: 'redeliberation-already-used', rule, params: { previous: input.previous } });
  const deadline = computePeriod({ start: input.notifiedOn, amount: 60, unit: 'day', calendar });
  if (input.requestedOn > deadline.end) {
    violations.push({ code: 'redeliberation-too-late', rule, params: { deadline: deadline.end, requestedOn: input.requestedOn } });
  }
  if (input.requestedOn < input.notifiedOn) {
    violations.push({ code: 'date-out-of-order', rule, params: { notifiedOn: input.notifiedOn, requestedOn: input.requestedOn } });
  }
  return violations;
}

/** MSS may demand performance and post-management data for 2 years after a zone expires or is cancelled. */
export function postManagementEnd(zoneEndedOn: CivilDate, calendar: HolidayCalendar): CivilDate {
  // RFZ Act Art. 84(2); Decree Art. 55(3): "2 years after" the last day of the zone.
  return periodEnd({ start: zoneEndedOn, amount: 2, unit: 'year', calendar });
}
