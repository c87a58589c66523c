/**
 * Everything that must hold before a zone plan may be submitted, as violations (for the user)
 * and as the guard facts of the plan machine's `submit` transition (for a 409).
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import {
  checkApplicantsAndSites,
  checkConnectedZone,
  checkContiguity,
  checkProvinceNotifications,
  type Adjacency,
  type Applicant,
  type ProvinceNotification,
  type Site,
  type ZoneModel,
} from './eligibility.ts';
import type { PlanGuard } from './plan-machine.ts';
import {
  checkPublicConsultation,
  checkSubmissionAfterConsultation,
  missingSubmissionItems,
  type PlanItem,
  type PublicConsultation,
  type SubmissionConditions,
} from './procedure.ts';
import { checkSignOffs, type SignOffSet } from './signoff.ts';
import type { Facts, Violation } from './transition-table.ts';

export interface SubmissionInput {
  readonly model: ZoneModel;
  readonly applicants: readonly Applicant[];
  readonly sites: readonly Site[];
  readonly provinceNotifications: readonly ProvinceNotification[];
  readonly signOffs: SignOffSet;
  readonly consultation: PublicConsultation;
  readonly providedItems: Iterable<PlanItem>;
  readonly conditions: SubmissionConditions;
  /** Region codes of the plan and their adjacency (only used for connected zones). */
  readonly regions?: readonly string[];
  readonly adjacency?: Adjacency;
  readonly requireContiguity?: boolean;
  readonly submittedOn: CivilDate;
}

export interface SubmissionEvaluation {
  /** Errors block submission; warnings (severity `warning`) do not. */
  readonly violations: readonly Violation[];
  readonly facts: Facts<PlanGuard>;
}

const isError = (v: Violation): boolean => (v.severity ?? 'error') === 'error';
const clean = (vs: readonly Violation[]): boolean => !vs.some(isError);

export function evaluateSubmission(input: SubmissionInput, calendar: HolidayCalendar): SubmissionEvaluation {
  const signOffs = checkSignOffs(input.signOffs);
  const eligibility = checkApplicantsAndSites(input.applicants, input.sites);
  const connected = checkConnectedZone(input.model, input.applicants);
  const notified = checkProvinceNotifications(input.applicants, input.provinceNotifications);
  const consultationCheck = checkPublicConsultation(input.consultation, calendar);
  const consultation = [...consultationCheck.violations, ...checkSubmissionAfterConsultation(consultationCheck, input.submittedOn)];
  const items = missingSubmissionItems(input.providedItems, input.conditions);
  const contiguity =
    input.model === 'connected' && input.regions && input.adjacency
      ? checkContiguity(input.regions, input.adjacency, { requireContiguity: input.requireContiguity ?? false }).violations
      : [];

  const facts: Facts<PlanGuard> = {
    'all-signoffs-match-hash': clean(signOffs),
    'applicants-eligible': clean(eligibility),
    'connected-zone-has-two-metropolitan': clean(connected),
    'provinces-notified': clean(notified),
    'public-consultation-complete': clean(consultation),
    'required-items-present': clean(items),
    'regions-contiguous-if-required': clean(contiguity),
  };
  return { violations: [...signOffs, ...eligibility, ...connected, ...notified, ...consultation, ...items, ...contiguity], facts };
}
