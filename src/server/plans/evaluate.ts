// Guard facts and violations of a plan, computed with the pure rules of src/domain/zones and the holiday calendar.
import { civilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import type { HolidayCalendar } from '../../domain/calendar/holidays.ts';
import { joiningLinks, type LinkPolicy, type RegionJoin } from '../../domain/regions/links.ts';
import { linksAmong, neighboursOf } from '../../domain/regions/reference.ts';
import { provincesOf, requiredProvinceNotifications } from '../../domain/zones/eligibility.ts';
import type { PlanGuard } from '../../domain/zones/plan-machine.ts';
import { checkPublicConsultation, missingSubmissionItems, type PublicConsultation } from '../../domain/zones/procedure.ts';
import type { SignOffSet } from '../../domain/zones/signoff.ts';
import { evaluateSubmission } from '../../domain/zones/submission.ts';
import type { Facts, Violation } from '../../domain/zones/transition-table.ts';
import { applicantsOf, providedItems, sitesOf, type Consultation, type PlanContent } from './content.ts';

/** Today in Asia/Seoul: administrative days are Korean days. */
export function todayInSeoul(now: Date = new Date()): CivilDate {
  return civilDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now));
}

export interface GuardedViolation extends Violation {
  readonly guard: PlanGuard | null;
}

const CONSULTATION_ITEMS = new Set(['public-notice', 'public-inspection', 'local-era-committee-opinion', 'public-hearing-announcement']);

/** Which submit guard a violation of `evaluateSubmission` belongs to (by its code). */
export function guardOf(v: Violation): PlanGuard | null {
  switch (v.code) {
    case 'no-participants': case 'sign-off-missing': case 'sign-off-stale':
      return 'all-signoffs-match-hash';
    case 'no-applicant': case 'invalid-region-code': case 'special-government-without-members': case 'applicant-in-capital-area':
    case 'no-site': case 'site-in-capital-area': case 'site-outside-applicants':
      return 'applicants-eligible';
    case 'connected-needs-two-metropolitan':
      return 'connected-zone-has-two-metropolitan';
    case 'province-not-notified':
      return 'provinces-notified';
    case 'public-notice-too-short': case 'inspection-starts-too-early': case 'inspection-too-short': case 'hearing-announced-too-late':
    case 'submitted-before-consultation-ended': case 'opinion-without-response':
      return 'public-consultation-complete';
    case 'missing-item':
      if (v.params['item'] === 'meeting-notice') return 'meeting-notice-given';
      return CONSULTATION_ITEMS.has(String(v.params['item'])) ? 'public-consultation-complete' : 'required-items-present';
    case 'regions-not-contiguous':
      return 'regions-contiguous-if-required';
    case 'stale-content':
      return 'signed-hash-is-current';
    case 'not-a-participant':
      return 'signer-is-participant';
    case 'meeting-notice-too-late':
      return 'meeting-notice-given';
    case 'quorum-not-present':
      return 'quorum-present';
    case 'ministry-replies-pending': case 'ministry-reply-pending':
      return 'ministry-replies-complete-or-due';
    case 'unknown-item': case 'return-without-missing-item':
      return 'return-ground';
    case 'supplement-without-deadline': case 'supplement-deadline-open':
      return 'supplement-not-answered';
    case 'redeliberation-too-late': case 'date-out-of-order':
      return 'redeliberation-window-open';
    case 'redeliberation-already-used':
      return 'redeliberation-not-used';
    case 'expert-tied-to-government': case 'expert-tied-to-company': case 'expert-declared-conflict': case 'expert-not-declared':
      return 'no-conflict-of-interest';
    default:
      return null;
  }
}

export function publicConsultation(c: Consultation): PublicConsultation {
  const d = (s: string | null): CivilDate | null => (s === null ? null : civilDate(s));
  return {
    procedure: 'designation',
    noticeOn: d(c.noticeOn),
    noticeUntil: d(c.noticeUntil),
    inspectionFrom: d(c.inspectionFrom),
    inspectionUntil: d(c.inspectionUntil),
    hearing: c.hearing ? { announcedOn: civilDate(c.hearing.announcedOn), heldOn: civilDate(c.hearing.heldOn) } : null,
    localEraCommitteeHeard: c.localEraCommitteeHeard,
    consultedUnderOtherLaw: false,
  };
}

/** Province-level adjacency of the participating governments: land borders and fixed links, ferries where allowed. */
function adjacencyOf(provinces: readonly string[], policy: LinkPolicy): Map<string, readonly string[]> {
  return new Map(provinces.map((p) => [p, neighboursOf(p, { includeLinks: true, policy })]));
}

export interface ContiguityView {
  readonly contiguous: boolean;
  /** Whether a ferry joined regions in this check (ALLOW_FERRY_LINKS). */
  readonly ferriesCount: boolean;
  readonly components: readonly (readonly string[])[];
  /** The links that join the provinces, with their kind: land before bridges and tunnels before ferries. */
  readonly joins: readonly RegionJoin[];
}

export interface Evaluation {
  readonly facts: Facts<PlanGuard>;
  readonly violations: readonly GuardedViolation[];
  readonly submittable: boolean;
  /** First day the plan may be submitted once notice, inspection and hearing are over (when computable). */
  readonly earliestSubmission: CivilDate | null;
  /** For a connected zone: whether its provinces are one group, and which link joined each pair. */
  readonly contiguity: ContiguityView | null;
}

/** Submission policy set by configuration (`REQUIRE_CONTIGUITY`, `ALLOW_FERRY_LINKS`). */
export interface SubmissionPolicy {
  /** The call requires a connected zone's regions to be contiguous: the warning becomes an error. */
  readonly requireContiguity: boolean;
  /** A ferry route joins two regions for contiguity (default: only land borders, bridges and tunnels). */
  readonly allowFerryLinks?: boolean;
}

/**
 * Everything the submit transition checks, plus the sign-off request's item check (which leaves out the
 * consultation results: a plan is signed off before it is publicly noticed) — see docs/decisions/0006-plans.md.
 */
export function evaluatePlan(content: PlanContent, consultation: Consultation, signOffs: SignOffSet, on: CivilDate, policy: SubmissionPolicy, calendar: HolidayCalendar): Evaluation {
  const applicants = applicantsOf(content);
  // A special local government's territory is its members' (충청광역연합: Daejeon, Sejong, Chungbuk, Chungnam).
  const provinces = [...new Set(applicants.flatMap(provincesOf))];
  const linkPolicy: LinkPolicy = { ferries: policy.allowFerryLinks ?? false };
  const adjacency = adjacencyOf(provinces, linkPolicy);
  const conditions = { seaRequired: content.conditions.seaRequired, landUsePlanRequired: content.conditions.landUsePlanRequired };
  const provided = providedItems(content, consultation);
  const result = evaluateSubmission({
    model: content.model,
    applicants,
    sites: sitesOf(content),
    // ZoneLink shows a basic government's plan to its province from the moment it takes part (policy `plan:read`):
    // that is the notice of Art. 72(2).
    provinceNotifications: requiredProvinceNotifications(applicants),
    signOffs,
    consultation: publicConsultation(consultation),
    providedItems: provided,
    conditions,
    regions: provinces,
    adjacency,
    requireContiguity: policy.requireContiguity,
    submittedOn: on,
  }, calendar);
  // Valid opinions must be reflected (Art. 74(2)): every opinion received needs a recorded response.
  const unanswered: Violation[] = consultation.opinions
    .filter((o) => o.response === null)
    .map((o) => ({ code: 'opinion-without-response', rule: 'RFZ Act Art. 74(2)', params: { item: 'opinion-responses', opinion: o.id } }));
  const violations: GuardedViolation[] = [...result.violations, ...unanswered].map((v) => ({ ...v, guard: guardOf(v) }));
  const facts: Facts<PlanGuard> = {
    ...result.facts,
    'public-consultation-complete': result.facts['public-consultation-complete'] === true && unanswered.length === 0,
    'required-items-present': result.facts['required-items-present'] === true,
  };
  const { earliestSubmission } = checkPublicConsultation(publicConsultation(consultation), calendar);
  const joins = joiningLinks(provinces, linksAmong(provinces), linkPolicy);
  const contiguity: ContiguityView | null = content.model === 'connected'
    ? { contiguous: joins.length === provinces.length - 1, ferriesCount: linkPolicy.ferries, components: components(provinces, joins), joins }
    : null;
  return { facts, violations, submittable: !violations.some((v) => (v.severity ?? 'error') === 'error'), earliestSubmission, contiguity };
}

/** Groups of provinces the joins hold together, each sorted. */
function components(provinces: readonly string[], joins: readonly RegionJoin[]): string[][] {
  const group = new Map(provinces.map((p) => [p, p]));
  const root = (x: string): string => (group.get(x) === x ? x : root(group.get(x)!));
  for (const j of joins) group.set(root(j.a), root(j.b));
  const byRoot = new Map<string, string[]>();
  for (const p of provinces) byRoot.set(root(p), [...(byRoot.get(root(p)) ?? []), p]);
  return [...byRoot.values()].map((g) => g.sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));
}

/** The sign-off request needs the plan's own items; consultation results come later. */
export function signOffItemViolations(content: PlanContent, consultation: Consultation): GuardedViolation[] {
  const provided = [...providedItems(content, consultation), 'consultation-results' as const];
  return missingSubmissionItems(provided, content.conditions).map((v) => ({ ...v, guard: 'required-items-present' as const }));
}
