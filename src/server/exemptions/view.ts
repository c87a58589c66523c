// Exemption API objects: stored facts plus validity computed with src/domain/exemptions/validity.ts.
import type { Database } from '../../db/database.ts';
import { civilDate, diffDays, type CivilDate } from '../../domain/calendar/civil-date.ts';
import type { HolidayCalendar } from '../../domain/calendar/holidays.ts';
import {
  deemedValidity, extensionDeadline, resultsReportDue, temporaryPermitValidity, validityLimits, type ExemptionKind, type Term,
} from '../../domain/exemptions/validity.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { amendmentPath, amendmentPlanDue, amendmentStatus, escalationGround } from '../../domain/exemptions/amendment-tracking.ts';
import { deadlineStatus, exemptionDeadlines } from '../../domain/exemptions/deadlines.ts';
import { redeliberationDeadline } from '../../domain/exemptions/validity.ts';
import { lawfulTerm } from '../../domain/exemptions/lawful-term.ts';
import { resultsReportStatus } from '../../domain/exemptions/results-report.ts';
import type { Conditions } from '../../contract/exemption-conditions.ts';
import { lifecycleRows, trackOf } from './lifecycle-store.ts';
import { calendarOf } from '../calendar/provider.ts';

/** Today in Asia/Seoul: administrative days are Korean days. */
export function todayInSeoul(now: Date = new Date()): CivilDate {
  return civilDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now));
}

/** The zone's period as a term; a zone whose period is not recorded caps nothing. */
export function zoneTerm(zone: { period_start: string | null; period_end: string | null }): Term & { known: boolean } {
  return zone.period_start && zone.period_end
    ? { from: civilDate(zone.period_start), until: civilDate(zone.period_end), known: true }
    : { from: civilDate('1900-01-01'), until: civilDate('2299-12-31'), known: false };
}

export interface ExemptionRecord {
  id: string;
  kind: ExemptionKind;
  title: I18nText;
  zone_id: string;
  holders: string[];
  conditions: Conditions;
  stages: string[];
  granted_on: string;
  valid_from: string | null;
  valid_until: string | null;
  extensions: number;
  extension_ground: string | null;
  state: string;
  amendment_requested_on: string | null;
  amendment: unknown;
  law_amended_on: string | null;
  demo: boolean;
}

export interface Validity {
  from: string | null;
  until: string | null;
  status: string;
  validThrough: string | null;
  openEnded: boolean;
  maxExtensions: number;
  extensionsUsed: number;
  extensionApplyBy: { nominal: string; lastBusinessDay: string } | null;
  /** The latest lawful last day after the one extension (within the Act's total and the zone's period); null when none is possible. */
  extensionLatestUntil: string | null;
  /** Last day to request the law amendment that keeps a demonstration exemption valid (Act Art. 87(9)); null once requested or not applicable. */
  amendmentRequestBy: { nominal: string; lastBusinessDay: string } | null;
  resultsReportDue: string | null;
  rule: string;
}

export function computeValidity(e: ExemptionRecord, zone: Term & { known: boolean }, asOf: CivilDate, calendar: HolidayCalendar): Validity {
  const limits = validityLimits(e.kind, civilDate(e.granted_on));
  const base = { maxExtensions: limits?.maxExtensions ?? 0, extensionsUsed: e.extensions };
  if (limits === null || e.valid_from === null || e.valid_until === null) {
    return { from: e.valid_from, until: e.valid_until, status: e.kind === 'rapid_confirmation' ? 'not_applicable' : 'zone_period', validThrough: null, openEnded: true, ...base,
      extensionApplyBy: null, extensionLatestUntil: null, amendmentRequestBy: null, resultsReportDue: null, rule: limits?.rule ?? 'RFZ Act Art. 85' };
  }
  const term: Term = { from: civilDate(e.valid_from), until: civilDate(e.valid_until) };
  const canExtend = e.extensions < limits.maxExtensions;
  const deadline = canExtend ? extensionDeadline(term.until, calendar) : null;
  const extensionApplyBy = deadline ? { nominal: deadline.nominal, lastBusinessDay: deadline.lastBusinessDay } : null;
  const lawful = canExtend ? lawfulTerm({ kind: e.kind, grantedOn: civilDate(e.granted_on), from: term.from, firstUntil: term.until, zone, calendar }) : null;
  const extensionLatestUntil = lawful?.extensionUntil && lawful.extensionUntil > term.until ? lawful.extensionUntil : null;
  if (e.kind === 'temporary_permit') {
    const v = temporaryPermitValidity({ term, extended: e.extensions > 0, lawAmendedOn: e.law_amended_on ? civilDate(e.law_amended_on) : null, asOf });
    return { from: term.from, until: term.until, status: v.status, validThrough: v.validThrough, openEnded: v.validThrough === null, ...base, extensionApplyBy, extensionLatestUntil, amendmentRequestBy: null, resultsReportDue: null, rule: v.rule };
  }
  const v = deemedValidity({
    term, zone, amendmentRequestedOn: e.amendment_requested_on ? civilDate(e.amendment_requested_on) : null,
    procedureEndedOn: e.law_amended_on ? civilDate(e.law_amended_on) : null, asOf,
  });
  // The amendment request is due by the same 2 months before expiry as an extension, extended or not (Act Art. 87(9)).
  const requestBy = e.kind === 'demonstration_exemption' && e.amendment_requested_on === null && e.law_amended_on === null ? extensionDeadline(term.until, calendar) : null;
  const amendmentRequestBy = requestBy ? { nominal: requestBy.nominal, lastBusinessDay: requestBy.lastBusinessDay } : null;
  const report = e.kind === 'demonstration_exemption' ? resultsReportDue(term.until, e.amendment_requested_on !== null, calendar) : null;
  return {
    // Deemed validity runs until the amendment is done, capped by the zone's period; unknown period → no known end.
    from: term.from, until: term.until, status: v.status, validThrough: v.openEnded && !zone.known ? null : v.validThrough, openEnded: v.openEnded, ...base, extensionApplyBy, extensionLatestUntil, amendmentRequestBy,
    resultsReportDue: report?.required ? report.due : null, rule: v.rule,
  };
}

/** `calendar` defaults to the database's current one; pass it when reading through a transaction. */
export async function loadExemptions(db: Database, ids: readonly string[], calendar: HolidayCalendar = calendarOf(db)) {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('exemption').select(['id', 'kind', 'title', 'zone_id', 'holders', 'conditions', 'stages', 'granted_on', 'valid_from', 'valid_until', 'extensions', 'extension_ground', 'state', 'amendment_requested_on', 'amendment', 'law_amended_on', 'demo'])
    .where('id', 'in', [...ids]).execute() as unknown as ExemptionRecord[];
  if (rows.length === 0) return [];
  const zones = await db.selectFrom('zone').select(['id', 'name', 'period_start', 'period_end']).where('id', 'in', [...new Set(rows.map((r) => r.zone_id))]).execute();
  const links = await db.selectFrom('exemption_regulation').innerJoin('regulation', 'regulation.id', 'exemption_regulation.regulation_id')
    .select(['exemption_id', 'regulation.id as id', 'regulation.title as title', 'regulation.law as law', 'regulation.article as article', 'regulation.paragraph as paragraph', 'regulation.ministry as ministry'])
    .where('exemption_id', 'in', [...ids]).orderBy('regulation.article').execute();
  const asOf = todayInSeoul();
  const side = await lifecycleRows(db, ids);
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((e) => {
    const zone = zones.find((z) => z.id === e.zone_id)!;
    const validity = computeValidity(e, zoneTerm(zone), asOf, calendar);
    const redeliberation = side.redeliberations.find((r) => r.exemption_id === e.id);
    const cancellation = side.cancellations.find((r) => r.exemption_id === e.id);
    const report = side.reports.find((r) => r.exemption_id === e.id);
    const amendmentRow = side.amendments.find((r) => r.exemption_id === e.id);
    const track = trackOf(amendmentRow, { requestedOn: e.amendment_requested_on, effectiveOn: e.law_amended_on });
    const granted = civilDate(e.granted_on);
    const deadlines = exemptionDeadlines({
      id: e.id, kind: e.kind, state: e.state, grantedOn: granted, validUntil: e.valid_until ? civilDate(e.valid_until) : null, extensions: e.extensions,
      amendmentRequestedOn: e.amendment_requested_on ? civilDate(e.amendment_requested_on) : null, resultsReportedOn: report ? civilDate(report.submitted_on) : null,
      review: track.review, planSubmittedOn: track.planSubmittedOn,
    }, calendar);
    const escalation = escalationGround(track, asOf, calendar);
    const lifecycle = {
      redeliberation: redeliberation ? {
        decision: redeliberation.decision, notifiedOn: redeliberation.notified_on, requestedOn: redeliberation.requested_on, grounds: redeliberation.grounds,
        deadline: redeliberationDeadline(civilDate(redeliberation.notified_on), calendar),
        decidedOn: redeliberation.decided_on, outcome: redeliberation.outcome,
      } : null,
      cancellation: cancellation ? {
        ground: cancellation.ground, hearingNoticeOn: cancellation.hearing_notice_on, hearingOn: cancellation.hearing_on, hearingRecord: cancellation.hearing_record,
        decidedOn: cancellation.decided_on, reason: cancellation.reason,
      } : null,
      resultsReport: {
        due: validity.resultsReportDue, submittedOn: report?.submitted_on ?? null,
        status: e.kind !== 'demonstration_exemption' || e.valid_until === null ? 'not_required' : resultsReportStatus({
          due: validity.resultsReportDue ? civilDate(validity.resultsReportDue) : null, expiresOn: civilDate(e.valid_until),
          submittedOn: report ? civilDate(report.submitted_on) : null, asOf,
        }).status,
      },
      amendment: track.requestedOn === null && amendmentRow === undefined && track.effectiveOn === null ? null : {
        status: amendmentStatus(track, asOf, calendar), requestedOn: track.requestedOn, evidence: (amendmentRow?.evidence ?? []) as EvidenceRef[],
        review: track.review ? { ...track.review, text: (amendmentRow?.review ?? null) as I18nText | null } : null,
        planDue: track.review?.needed ? amendmentPlanDue(track.review.reportedOn, calendar) : null,
        planSubmittedOn: track.planSubmittedOn, plan: (amendmentRow?.plan ?? null) as { targetLaw: I18nText } | null,
        schedule: [...track.schedule], progress: [...track.progress],
        escalatedOn: track.escalatedOn, escalation: (amendmentRow?.escalation ?? null) as { ground: string; recommendation: I18nText } | null,
        escalationGround: escalation ? { ground: escalation.ground, since: escalation.since, rule: escalation.rule } : null,
        effectiveOn: track.effectiveOn, version: amendmentRow?.version ?? 0,
      },
      path: amendmentPath(granted, track),
      deadlines: deadlines.map((x) => ({ ...x, status: deadlineStatus(x, asOf, 90) })),
    };
    return {
      id: e.id, kind: e.kind, title: e.title, zone: { id: zone.id, name: zone.name, periodStart: zone.period_start, periodEnd: zone.period_end },
      holders: e.holders, conditions: e.conditions, stages: e.stages, grantedOn: e.granted_on, state: e.state,
      regulations: links.filter((l) => l.exemption_id === e.id).map((l) => ({ id: l.id, title: l.title, law: l.law, article: l.article, paragraph: l.paragraph, ministry: l.ministry })),
      validity, lifecycle,
      amendmentRequestedOn: e.amendment_requested_on, lawAmendedOn: e.law_amended_on,
      daysToAmendment: e.law_amended_on ? diffDays(civilDate(e.law_amended_on), civilDate(e.granted_on)) : null,
      demo: e.demo,
    };
  });
}
export interface EvidenceRef { type: string; id: string; period?: number }
export type ExemptionView = Awaited<ReturnType<typeof loadExemptions>>[number];
