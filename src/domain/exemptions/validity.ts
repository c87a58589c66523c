/**
 * Validity of regulatory special cases (DOMAIN.md §3) as pure functions. Each returns either a
 * value or structured violations `{ code, rule, params }` naming the article they come from.
 *
 * Terms are inclusive civil-date ranges: a term `{ from, until }` is in force from 00:00 of
 * `from` to 24:00 of `until` (Civil Act Art. 157 proviso, 159). The latest lawful ends of a first
 * term and of its extension come from one rule, `lawfulTerm` (lawful-term.ts): counted on the
 * calendar (Art. 160), not moved by a Saturday or holiday, the extension within the regime's total
 * from the first term's start; see docs/decisions/0013-term-totals.md (supersedes part of 0004).
 */
import { addDays, civilDate, maxDate, minDate, type CivilDate } from '../calendar/civil-date.ts';
import { lawfulTerm } from './lawful-term.ts';
import { startClock, dueDate, type ClockState } from '../calendar/clock.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import { computePeriod, deadlineBefore, type DeadlineBeforeResult } from '../calendar/periods.ts';
import { ruleResult, type RuleResult, type Violation } from '../zones/transition-table.ts';

export const EXEMPTION_KINDS = ['rapid_confirmation', 'demonstration_exemption', 'temporary_permit', 'menu_special_case'] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

export interface Term {
  readonly from: CivilDate;
  readonly until: CivilDate;
}

/** Act No. 20236 (2024-02-06) came into force six months after promulgation. */
export const ACT_20236_IN_FORCE = civilDate('2024-08-07');

export interface ValidityLimits {
  /** Longest first term in years; `null` when the term is the zone's period. */
  readonly initialYears: number | null;
  readonly extensionYears: number;
  readonly maxExtensions: number;
  /** The term may not run past the zone's designation period. */
  readonly cappedByZone: boolean;
  /** After its extension the grant stays valid until the law is amended (temporary permits). */
  readonly untilLawAmended: boolean;
  readonly rule: string;
}

/** The limits that apply to a grant of `kind` made on `grantedOn`; `null` for rapid confirmation (no term). */
export function validityLimits(kind: ExemptionKind, grantedOn: CivilDate): ValidityLimits | null {
  switch (kind) {
    case 'demonstration_exemption':
      return grantedOn >= ACT_20236_IN_FORCE
        ? // Up to 4 years, one extension of up to 2 years within the zone's period.
          { initialYears: 4, extensionYears: 2, maxExtensions: 1, cappedByZone: true, untilLawAmended: false, rule: 'RFZ Act Art. 86(10)' }
        : // Grants before Act No. 20236: 2 + 2 years (Act No. 20236 Addendum Art. 3).
          { initialYears: 2, extensionYears: 2, maxExtensions: 1, cappedByZone: true, untilLawAmended: false, rule: 'RFZ Act Art. 86 (before Act No. 20236); Act No. 20236 Addendum Art. 3' };
    case 'temporary_permit':
      // Up to 3 years, one extension of up to 2 years, then valid until the law is amended.
      return { initialYears: 3, extensionYears: 2, maxExtensions: 1, cappedByZone: false, untilLawAmended: true, rule: 'RFZ Act Art. 90(11)–(12)' };
    case 'menu_special_case':
      // Special cases written into the Act apply in the zone under its plan, for the zone's period.
      return { initialYears: null, extensionYears: 0, maxExtensions: 0, cappedByZone: true, untilLawAmended: false, rule: 'RFZ Act Art. 80(1)' };
    case 'rapid_confirmation':
      return null;
  }
}

export interface GrantInput {
  readonly kind: ExemptionKind;
  readonly grantedOn: CivilDate;
  readonly term: Term;
  /** The zone's designation period. */
  readonly zone: Term;
  readonly calendar: HolidayCalendar;
}

/** Checks the term set at grant: order, maximum, and the zone's period where it caps the term. */
export function checkGrantTerm(input: GrantInput): RuleResult<{ readonly maxUntil: CivilDate | null }> {
  const limits = validityLimits(input.kind, input.grantedOn);
  if (limits === null) {
    return ruleResult({ maxUntil: null }, [{ code: 'no-validity-period', rule: 'RFZ Act Art. 85', params: { kind: input.kind } }]);
  }
  const violations: Violation[] = [];
  const { term, zone } = input;
  if (term.until < term.from) {
    violations.push({ code: 'end-before-start', rule: limits.rule, params: { from: term.from, until: term.until } });
  }
  // The longest lawful term (statutory maximum, capped at the zone's period), offered with every refusal.
  const lawful = lawfulTerm({ kind: input.kind, grantedOn: input.grantedOn, from: term.from, zone, calendar: input.calendar });
  const max = limits.initialYears !== null ? (lawful?.firstTermUntil ?? null) : null;
  const statutory = limits.initialYears !== null
    ? lawfulTerm({ kind: input.kind, grantedOn: input.grantedOn, from: term.from, zone: { from: zone.from, until: civilDate('2299-12-31') }, calendar: input.calendar })?.firstTermUntil ?? null
    : null;
  if (statutory !== null && limits.initialYears !== null && term.until > statutory) {
    violations.push({ code: 'exceeds-maximum', rule: limits.rule, params: { years: limits.initialYears, maxUntil: max ?? statutory, until: term.until } });
  }
  if (limits.cappedByZone) {
    if (term.from < zone.from) violations.push({ code: 'before-zone-period', rule: 'RFZ Act Art. 80(1)', params: { zoneFrom: zone.from, from: term.from } });
    if (term.until > zone.until) {
      violations.push({ code: 'beyond-zone-period', rule: `${limits.rule}; Art. 80(1)`, params: { zoneUntil: zone.until, until: term.until, maxUntil: lawful?.firstTermUntil ?? zone.until } });
    }
  }
  return ruleResult({ maxUntil: max }, violations);
}

/**
 * The one "2 months before expiry" deadline — for the extension application (Art. 86(10), 90(11))
 * and the law-amendment request (Art. 87(9)) alike — that the check, the calendar and the alerts
 * all use (`nominal`; `lastBusinessDay` is only a hint for filing at an office). Counted per
 * DOMAIN.md "Counting periods", backwards:
 *  - the expiry date is counted: validity ends at 24:00 of it (Civil Act Art. 157 proviso, 159);
 *  - two calendar months back to the same-numbered day, a missing day giving the month's last
 *    day (Art. 160(2)–(3) mirrored);
 *  - a Saturday or holiday does not move it: Art. 161 mirrored would move the citizen's last day
 *    *earlier*, which is unfavourable to the citizen, so Framework Act on Administration Art. 6(2)
 *    item 2 applies (the period ends on that day even if it is a Saturday or holiday). Rolling it
 *    *later* (Art. 161 as for forward periods) would leave less than the 2 months the Act
 *    guarantees before expiry, so it is not done either. See docs/decisions/0012-holidays.md.
 */
export function extensionDeadline(validUntil: CivilDate, calendar: HolidayCalendar): DeadlineBeforeResult {
  return deadlineBefore({ reference: validUntil, amount: 2, unit: 'month', referenceDayCounted: true, calendar });
}

export type ExtensionGround = 'law_not_amended' | 'demonstration_delayed';

export interface ExtensionInput {
  readonly kind: ExemptionKind;
  readonly grantedOn: CivilDate;
  /** The current term. */
  readonly term: Term;
  readonly extensionsSoFar: number;
  /** Day the application reached the local head (it goes on to MSS through them). */
  readonly requestedOn: CivilDate;
  /** Requested new last day. */
  readonly newUntil: CivilDate;
  readonly ground: ExtensionGround | null;
  readonly zone: Term;
  readonly calendar: HolidayCalendar;
}

export interface ExtensionValue {
  readonly term: Term;
  readonly maxUntil: CivilDate;
  readonly deadline: DeadlineBeforeResult;
}

/** One extension, applied for in time, on a lawful ground, within the maximum and (where it applies) the zone's period. */
export function checkExtension(input: ExtensionInput): RuleResult<ExtensionValue> {
  const limits = validityLimits(input.kind, input.grantedOn);
  const deadline = extensionDeadline(input.term.until, input.calendar);
  const extensionStart = addDays(input.term.until, 1);
  if (limits === null || limits.maxExtensions === 0) {
    return ruleResult(
      { term: input.term, maxUntil: input.term.until, deadline },
      [{ code: 'no-extension', rule: limits?.rule ?? 'RFZ Act Art. 85', params: { kind: input.kind } }],
    );
  }
  const violations: Violation[] = [];
  if (input.extensionsSoFar >= limits.maxExtensions) {
    violations.push({ code: 'second-extension', rule: limits.rule, params: { extensionsSoFar: input.extensionsSoFar, allowed: limits.maxExtensions } });
  }
  if (input.requestedOn > deadline.nominal) {
    violations.push({
      code: 'extension-window-closed',
      rule: limits.rule,
      params: { deadline: deadline.nominal, applyBy: deadline.lastBusinessDay, requestedOn: input.requestedOn },
    });
  }
  // Grounds: the law is not yet amended, or (demonstrations only) the test was unavoidably delayed.
  const allowedGrounds: readonly ExtensionGround[] = input.kind === 'demonstration_exemption' ? ['law_not_amended', 'demonstration_delayed'] : ['law_not_amended'];
  if (input.ground === null || !allowedGrounds.includes(input.ground)) {
    violations.push({ code: 'no-extension-ground', rule: limits.rule, params: { ground: input.ground, allowed: allowedGrounds } });
  }
  // One rule for the latest lawful end: within the extension years and the regime's total from the
  // first term's start, whatever day the first term ended on; capped at the zone's period where it applies.
  const lawfulInput = { kind: input.kind, grantedOn: input.grantedOn, from: input.term.from, firstUntil: input.term.until, calendar: input.calendar };
  const capped = lawfulTerm({ ...lawfulInput, zone: input.zone })?.extensionUntil ?? input.term.until;
  const statutory = lawfulTerm({ ...lawfulInput, zone: { from: input.zone.from, until: civilDate('2299-12-31') } })?.extensionUntil ?? input.term.until;
  const max = capped;
  if (input.newUntil <= input.term.until) {
    violations.push({ code: 'end-before-start', rule: limits.rule, params: { from: extensionStart, until: input.newUntil, maxUntil: max } });
  } else if (input.newUntil > statutory) {
    violations.push({
      code: 'exceeds-maximum',
      rule: limits.rule,
      params: { years: limits.extensionYears, totalYears: (limits.initialYears ?? 0) + limits.extensionYears, maxUntil: max, until: input.newUntil },
    });
  }
  if (limits.cappedByZone && input.newUntil > input.zone.until) {
    violations.push({ code: 'beyond-zone-period', rule: limits.rule, params: { zoneUntil: input.zone.until, until: input.newUntil, maxUntil: max } });
  }
  return ruleResult({ term: { from: input.term.from, until: input.newUntil }, maxUntil: max, deadline }, violations);
}

// ---------------------------------------------------------------------------------------------
// Law-amendment request and deemed validity (Art. 87(9)–(10))

export interface AmendmentRequestInput {
  readonly kind: ExemptionKind;
  readonly term: Term;
  readonly requestedOn: CivilDate;
  /** The request must attach the results of the demonstration. */
  readonly resultsAttached: boolean;
  readonly calendar: HolidayCalendar;
}

/** A demonstration operator may request a law amendment by 2 months before the expiry date. */
export function checkAmendmentRequest(input: AmendmentRequestInput): RuleResult<{ readonly deadline: DeadlineBeforeResult }> {
  const rule = 'RFZ Act Art. 87(9)';
  // The same computed deadline as the extension window, the calendar and the alerts.
  const deadline = extensionDeadline(input.term.until, input.calendar);
  if (input.kind !== 'demonstration_exemption') {
    return ruleResult({ deadline }, [{ code: 'not-applicable', rule, params: { kind: input.kind } }]);
  }
  const violations: Violation[] = [];
  if (input.requestedOn > deadline.nominal) {
    violations.push({
      code: 'amendment-window-closed',
      rule,
      params: { deadline: deadline.nominal, requestBy: deadline.lastBusinessDay, requestedOn: input.requestedOn },
    });
  }
  if (!input.resultsAttached) violations.push({ code: 'missing-item', rule, params: { item: 'demonstration-results' } });
  return ruleResult({ deadline }, violations);
}

export interface DeemedValidityInput {
  readonly term: Term;
  readonly zone: Term;
  /** Day a timely law-amendment request was filed, if any. */
  readonly amendmentRequestedOn: CivilDate | null;
  /** Day the amendment procedure (Art. 87(6)–(8)) ended, if it has. */
  readonly procedureEndedOn: CivilDate | null;
  readonly asOf: CivilDate;
}

export interface DeemedValidity {
  readonly status: 'valid' | 'deemed_valid' | 'expired';
  /** Last day of validity as far as known now. */
  readonly validThrough: CivilDate;
  /** The deemed validity runs until the procedure ends (only the zone's end is known). */
  readonly openEnded: boolean;
  readonly rule: string;
}

/**
 * After a timely request the exemption is deemed not to have ended while the amendment
 * procedure runs, but never beyond the zone's designation period (Art. 87(10)).
 */
export function deemedValidity(input: DeemedValidityInput): DeemedValidity {
  const { term, zone } = input;
  let validThrough = term.until;
  let openEnded = false;
  if (input.amendmentRequestedOn !== null) {
    const cap = maxDate(zone.until, term.until);
    if (input.procedureEndedOn === null) {
      validThrough = cap;
      openEnded = cap > term.until;
    } else {
      validThrough = minDate(maxDate(input.procedureEndedOn, term.until), cap);
    }
  }
  const status = input.asOf <= term.until ? 'valid' : input.asOf <= validThrough ? 'deemed_valid' : 'expired';
  return { status, validThrough, openEnded, rule: input.amendmentRequestedOn === null ? 'RFZ Act Art. 86(10)' : 'RFZ Act Art. 87(10)' };
}

// ---------------------------------------------------------------------------------------------
// Temporary permits after their extension (Art. 90(12)–(13))

export interface TemporaryPermitInput {
  /** The term including its extension, if any. */
  readonly term: Term;
  readonly extended: boolean;
  /** Day the amendment of the law was completed, if it has been. */
  readonly lawAmendedOn: CivilDate | null;
  readonly asOf: CivilDate;
}

export interface TemporaryPermitValidity {
  readonly status: 'valid' | 'deemed_valid_until_amendment' | 'ended_by_amendment' | 'expired';
  /** Last day of validity; `null` while it lasts until an amendment not yet made. */
  readonly validThrough: CivilDate | null;
  /** The law exists: the holder must obtain the regular licence without delay (Art. 90(13)). */
  readonly mustObtainLicence: boolean;
  readonly rule: string;
}

export function temporaryPermitValidity(input: TemporaryPermitInput): TemporaryPermitValidity {
  const amended = input.lawAmendedOn !== null && input.lawAmendedOn <= input.asOf;
  if (input.asOf <= input.term.until) {
    return { status: 'valid', validThrough: input.term.until, mustObtainLicence: amended, rule: 'RFZ Act Art. 90(11), 90(13)' };
  }
  if (!input.extended) return { status: 'expired', validThrough: input.term.until, mustObtainLicence: amended, rule: 'RFZ Act Art. 90(11)' };
  // Extended and the law still not amended at the end of the extension: valid until the amendment is completed.
  if (input.lawAmendedOn !== null && input.lawAmendedOn <= input.term.until) {
    return { status: 'expired', validThrough: input.term.until, mustObtainLicence: true, rule: 'RFZ Act Art. 90(12)–(13)' };
  }
  if (amended && input.lawAmendedOn !== null && input.asOf > input.lawAmendedOn) {
    return { status: 'ended_by_amendment', validThrough: input.lawAmendedOn, mustObtainLicence: true, rule: 'RFZ Act Art. 90(12)–(13)' };
  }
  return { status: 'deemed_valid_until_amendment', validThrough: input.lawAmendedOn, mustObtainLicence: amended, rule: 'RFZ Act Art. 90(12)' };
}

// ---------------------------------------------------------------------------------------------
// Rapid confirmation (Art. 85)

/** The ministry replies within 30 days of being notified; supplement time is not counted (Art. 85(4)). */
export function rapidConfirmationClock(notifiedOn: CivilDate): ClockState {
  return startClock({ startedOn: notifiedOn, days: 30, rule: 'RFZ Act Art. 85(4)' });
}

export interface RapidConfirmationOutcome {
  readonly status: 'pending' | 'answered' | 'deemed_no_permit_needed' | 'paused';
  readonly due: CivilDate | null;
  /** A reply arrived after the period: the deemed answer already took effect. */
  readonly lateReply: boolean;
  readonly rule: string;
}

/** Silence past the period means: not the ministry's matter / no permit needed (Art. 85(5)). */
export function rapidConfirmationOutcome(clock: ClockState, repliedOn: CivilDate | null, asOf: CivilDate, calendar: HolidayCalendar): RapidConfirmationOutcome {
  const due = dueDate(clock, calendar);
  if (due === null) return { status: repliedOn !== null ? 'answered' : 'paused', due: null, lateReply: false, rule: 'RFZ Act Art. 85(4)' };
  if (repliedOn !== null && repliedOn <= due.due) return { status: 'answered', due: due.due, lateReply: false, rule: 'RFZ Act Art. 85(4)' };
  if (asOf > due.due) return { status: 'deemed_no_permit_needed', due: due.due, lateReply: repliedOn !== null, rule: 'RFZ Act Art. 85(5)' };
  return { status: 'pending', due: due.due, lateReply: false, rule: 'RFZ Act Art. 85(4)' };
}

/** Conflicting ministry views go to the committee, which decides within 30 days of the replies (Art. 85(7)). */
export function rapidConfirmationCommitteeDue(repliesReceivedOn: CivilDate, calendar: HolidayCalendar): CivilDate {
  return computePeriod({ start: repliesReceivedOn, amount: 30, unit: 'day', calendar }).end;
}

/** Ministries review an exemption or permit in 30 days; with supplements still within 90; one 30-day extension (Art. 86(3), 90(4)). */
export function ministryReviewClock(kind: 'demonstration_exemption' | 'temporary_permit', notifiedOn: CivilDate): ClockState {
  return startClock({
    startedOn: notifiedOn,
    days: 30,
    capDays: 90,
    extension: { days: 30, max: 1 },
    rule: kind === 'demonstration_exemption' ? 'RFZ Act Art. 86(3)' : 'RFZ Act Art. 90(4)',
  });
}

// ---------------------------------------------------------------------------------------------
// Re-deliberation (Art. 86(8)–(9), 90(9)–(10); Decree 57-3, 64-3)

export interface RedeliberationInput {
  readonly kind: ExemptionKind;
  /** Day the applicant was notified of the committee's result. */
  readonly notifiedOn: CivilDate;
  readonly requestedOn: CivilDate;
  /** Re-deliberations already held. */
  readonly previous: number;
  readonly calendar: HolidayCalendar;
}

/** Last day to request re-deliberation: 60 days from the notice (Decree Art. 57-3(2), 64-3(2)). */
export function redeliberationDeadline(notifiedOn: CivilDate, calendar: HolidayCalendar): CivilDate {
  // FAAA Art. 6(2) proviso: counting the first day without roll-over would shorten the applicant's time.
  return computePeriod({ start: notifiedOn, amount: 60, unit: 'day', rightsRestricting: { citizenPrefers: 'later-end' }, calendar }).end;
}

/** Within 60 days of notice, once only. The deadline is the applicant's: Civil Act counting with roll-over. */
export function checkRedeliberation(input: RedeliberationInput): RuleResult<{ readonly deadline: CivilDate }> {
  const rules =
    input.kind === 'demonstration_exemption'
      ? { window: 'Decree Art. 57-3(2)', once: 'Decree Art. 57-3(4)' }
      : input.kind === 'temporary_permit'
        ? { window: 'Decree Art. 64-3(2)', once: 'Decree Art. 64-3' }
        : null;
  const deadline = redeliberationDeadline(input.notifiedOn, input.calendar);
  if (rules === null) {
    return ruleResult({ deadline }, [{ code: 'not-applicable', rule: 'RFZ Act Art. 86(8), 90(9)', params: { kind: input.kind } }]);
  }
  const violations: Violation[] = [];
  if (input.previous > 0) violations.push({ code: 'redeliberation-already-used', rule: rules.once, params: { previous: input.previous } });
  if (input.requestedOn > deadline) violations.push({ code: 'redeliberation-too-late', rule: rules.window, params: { deadline, requestedOn: input.requestedOn } });
  return ruleResult({ deadline }, violations);
}

// ---------------------------------------------------------------------------------------------
// Reports after expiry

export type ResultsReportDue =
  | { readonly required: false; readonly rule: string }
  | { readonly required: true; readonly due: CivilDate; readonly rule: string };

/**
 * The demonstration operator reports results within 30 days from the expiry date, unless it
 * requested a law amendment (which carries the results already) (Art. 87(11)). A duty to act
 * within a period: counted on the Civil Act rules, the citizen-favourable reading of FAAA
 * Art. 6(2) proviso.
 */
export function resultsReportDue(expiresOn: CivilDate, amendmentRequested: boolean, calendar: HolidayCalendar): ResultsReportDue {
  if (amendmentRequested) return { required: false, rule: 'RFZ Act Art. 87(11) (parenthesis: not for those who requested an amendment)' };
  const due = computePeriod({ start: expiresOn, amount: 30, unit: 'day', rightsRestricting: { citizenPrefers: 'later-end' }, calendar }).end;
  return { required: true, due, rule: 'RFZ Act Art. 87(11)' };
}

/** After renewing liability insurance for an extension, a copy goes to MSS and the local head within 30 days (Decree 60(2)). */
export function insuranceCopyDue(renewedOn: CivilDate, calendar: HolidayCalendar): CivilDate {
  return computePeriod({ start: renewedOn, amount: 30, unit: 'day', rightsRestricting: { citizenPrefers: 'later-end' }, calendar }).end;
}
