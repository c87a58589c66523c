// Shapes of the exemption, needs, bundle and reform-board API as the browser sees them: the contract's
// types (src/contract/), and the shapes whose routes have no contract module yet.
import type { Exemption } from '../../../contract/exemptions.ts';
import type { I18nText } from '../../shared/types.ts';

export { EXEMPTION_KINDS } from '../../../contract/exemptions.ts';
export type { Exemption, ExemptionInput } from '../../../contract/exemptions.ts';
export type { Conditions } from '../../../contract/exemption-conditions.ts';
export type { EvidenceRef, Lifecycle } from '../../../contract/exemption-lifecycle.ts';
export type { CoverageView as NeedsCoverage, NeedInput as Need } from '../../../contract/needs.ts';
export type { Bundle, BundleExemption, ReformBoard, ReformItem } from '../../../contract/exemptions.ts';

export type ExemptionKind = Exemption['kind'];
export type Insurance = NonNullable<Exemption['conditions']['insurance']>;
export type ZoneRef = Exemption['zone'];
export type SuspendedRegulation = Exemption['regulations'][number];
export type Validity = Exemption['validity'];

/** States an exemption can be filtered by (the API's lifecycle states that granted exemptions pass through). */
export const EXEMPTION_FILTER_STATES = [
  'granted', 'active', 'extended', 'amendment_requested', 'expired', 'results_reported', 'law_amended', 'temporary_permit', 'ended', 'cancelled',
] as const;

export { STAGES, type Stage } from '../../shared/stages.ts';

export interface Organisation {
  id: string;
  kind: string;
  name: I18nText;
  demo: boolean;
}


export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  after: unknown;
}

