// Shapes of the exemption, regulation, bundle, reform-board and search API as the browser sees them: the contract's
// types (src/contract/), and the shapes whose routes have no contract module yet.
import type { Exemption } from '../../../contract/exemptions.ts';
import type { I18nText } from '../../shared/types.ts';

export { EXEMPTION_KINDS } from '../../../contract/exemptions.ts';
export type { Exemption, ExemptionInput } from '../../../contract/exemptions.ts';
export type { Conditions } from '../../../contract/exemption-conditions.ts';
export type { EvidenceRef, Lifecycle } from '../../../contract/exemption-lifecycle.ts';
export type { CoverageView as NeedsCoverage, NeedInput as Need } from '../../../contract/needs.ts';

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

export const INSTRUMENTS = ['act', 'decree', 'rule', 'notice'] as const;

export interface Organisation {
  id: string;
  kind: string;
  name: I18nText;
  demo: boolean;
}

export interface BundleExemption {
  id: string;
  title: I18nText;
  kind: string;
  state: string;
  stages: string[];
  zone: { id: string; name: I18nText };
}

export interface Bundle {
  zone: { id: string; name: I18nText };
  covered: number;
  total: number;
  stages: { stage: string; name: I18nText; covered: boolean; exemptions: BundleExemption[]; precedents: BundleExemption[] }[];
}

export interface ReformItem {
  id: string;
  title: I18nText;
  kind: string;
  zone: ZoneRef;
  state: string;
  grantedOn: string;
  validUntil: string | null;
  validThrough: string | null;
  amendmentRequestedOn: string | null;
  lawAmendedOn: string | null;
  daysToAmendment: number | null;
  daysSinceGrant: number;
  demo: boolean;
}

export interface ReformBoard {
  asOf: string;
  summary: { total: number; byState: Record<string, number>; lawAmended: number; medianDaysToAmendment: number | null };
  items: ReformItem[];
}

export interface SearchHit {
  type: 'regulation' | 'exemption';
  id: string;
  title: I18nText;
  score: number;
  matchedFields: string[];
  snippets: { field: string; text: string; highlights: number[][] }[];
  year: number;
  demo: boolean;
  ministries: string[];
  kind: string | null;
  state: string | null;
  stages: string[];
  zone: { id: string; name: I18nText } | null;
  law: I18nText | null;
  article: string | null;
}

export interface SearchQuery {
  q: string;
  type?: string | undefined;
  kind?: string | undefined;
  ministry?: string | undefined;
  zone?: string | undefined;
  state?: string | undefined;
  stage?: string | undefined;
  year?: string | undefined;
}

export interface SearchResult {
  query: string;
  tokens: string[];
  total: number;
  items: SearchHit[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  after: unknown;
}

