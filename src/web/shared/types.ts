// Shapes of the public HTTP API as the browser sees them.
import type { Lang } from '../i18n/index.ts';
import type { DesignationNotice } from '../features/zones/api/client.ts';

export interface I18nText {
  ko: string;
  en?: string;
  ja?: string;
  zh?: string;
  fr?: string;
}

/** A provision of the regulation catalogue as POST /api/regulations takes it. */
export interface RegulationInput {
  instrument: string;
  law: I18nText;
  article: string;
  paragraph: string | null;
  ministry: string;
  ministryName: I18nText;
  title: I18nText;
  body: I18nText;
  effectiveFrom: string;
  amendments: { date: string; act: string; note: I18nText | null }[];
}

/** A provision of the regulation catalogue (GET /api/regulations), used by the exemption and the plan editors. */
export interface Regulation extends RegulationInput {
  id: string;
  demo: boolean;
  source: 'reference' | 'demo' | 'platform';
}

export interface RegionName {
  ko: string;
  en: string;
  ja?: string;
  zh?: string;
  fr?: string;
}

export type OrganisationKind = 'ministry' | 'local_government' | 'company' | 'expert' | 'responsible_ministry';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: Lang;
  role: 'admin' | 'member';
  organisation: {
    id: string;
    kind: OrganisationKind;
    name: I18nText;
    regionCode: string | null;
  };
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export type TokenScope = 'read' | 'write';

export interface ApiTokenItem {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Region {
  code: string;
  level: 'province' | 'municipality';
  parentCode: string | null;
  name: RegionName;
  capitalArea: boolean;
  eligible: boolean;
}

export interface RegionProfile {
  teamName: I18nText;
  contactEmail: string;
  phone: string | null;
  introduction: I18nText;
  updatedAt: string;
  demo: boolean;
}

export interface Neighbour {
  region: Region;
  kind: 'border' | 'fixed' | 'ferry';
  note: string | null;
}

export interface RegionDetail {
  region: Region;
  parent: Region | null;
  municipalities: Region[];
  neighbours: Neighbour[];
  profile: RegionProfile | null;
  canEdit: boolean;
}

export interface ProfileInput {
  teamName: I18nText;
  contactEmail: string;
  phone: string | null;
  introduction: I18nText;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
  /** Refused rules as data (code, article, parameters), beside their sentences. */
  violations?: { path?: string; code: string; rule: string; params: Record<string, unknown>; message: string }[];
  requestId?: string;
}

export interface About {
  name: string;
  version: string;
  demo: boolean;
  demoLogins: { email: string; organisationKind: OrganisationKind | string }[];
  demoPassword: string | null;
}

export type ZoneState = 'designated' | 'evaluated' | 'extended' | 'cancelled' | 'expired' | 'post_management' | 'closed';
export type ZoneOutcome = 'ended' | 'temporary_permit' | 'cancelled';
export type ZoneModel = 'single' | 'connected';

export interface Zone {
  id: string;
  name: I18nText;
  field: I18nText;
  model: ZoneModel;
  round: number | null;
  committeeDate: string | null;
  state: ZoneState;
  outcome: ZoneOutcome | null;
  statusNote: I18nText | null;
  periodStart: string | null;
  periodEnd: string | null;
  source: 'reference' | 'demo' | 'platform';
  regions: { code: string; role: 'lead' | 'partner' }[];
  designationNumber?: string | null;
  /** Only on the zone's own page (GET /api/zones/:id): the gazette-style notice and the version (ETag). */
  notice?: DesignationNotice | null;
  version?: number;
}

export interface ZoneFilter {
  round?: number | undefined;
  region?: string | undefined;
  state?: ZoneState | undefined;
  model?: ZoneModel | undefined;
}

export type CatalogueGroup = 'asset' | 'cluster' | 'stage' | 'exemption';

export interface CatalogueEntry {
  key: string;
  group: CatalogueGroup;
  name: Record<Lang, string>;
}

export interface InventoryView {
  region: string;
  capabilities: { key: string; quantity: number }[];
  stages: string[];
  exemptions: string[];
  includesMunicipalities: boolean;
  demo: boolean;
  canEdit: boolean;
}

export interface InventoryInput {
  capabilities: { key: string; quantity: number }[];
  stages: string[];
  exemptions: string[];
}

export interface PlannerQuery {
  level: 'province' | 'municipality';
  needs: { capabilities: { key: string; min: number }[]; stages: string[]; exemptions: string[] };
  include: string[];
  exclude: string[];
  allowCapitalArea: boolean;
  contiguous: boolean;
  maxRegions?: number;
  objective: 'fewest' | 'cost';
  alternatives: number;
}

export type NeedRef =
  | { kind: 'capability'; key: string; min: number }
  | { kind: 'stage'; key: string }
  | { kind: 'exemption'; key: string };

export interface NeedCoverage {
  need: string;
  ref: NeedRef;
  regions: string[];
  amounts?: Record<string, number>;
  total: number;
}

export interface PlannerAnswer {
  regions: string[];
  objective: number;
  count: number;
  cost: number;
  coverage: NeedCoverage[];
  /** The links that join the chosen regions, with their kind. */
  joins?: { a: string; b: string; kind: 'border' | 'fixed' | 'ferry'; note?: string }[];
}

export interface RegionRole {
  code: string;
  contributes: string[];
  critical: string[];
  connector: boolean;
  included: boolean;
  adds: { capabilities: Record<string, number>; stages: string[]; exemptions: string[] };
  objectiveShare?: number;
  objectiveWithout?: number | null;
}

export interface AnswerComparison {
  against: 'next' | 'best';
  regions: string[];
  objective: number;
  objectiveDelta: number;
  added: string[];
  removed: string[];
  tie: boolean;
}

export interface PlannerResult {
  status: 'optimal' | 'feasible' | 'unknown';
  best?: PlannerAnswer;
  alternatives: PlannerAnswer[];
  bound: number | null;
  gap: number | null;
  nodes: number;
  elapsedMs: number;
  explanation: {
    summary: string;
    answers: { regions: RegionRole[]; comparison?: AnswerComparison }[];
    preprocessing?: Record<string, number>;
  };
}

export interface PlanningRequestItem {
  id: string;
  title: string;
  query: unknown;
  result: unknown;
  createdAt: string;
}

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
