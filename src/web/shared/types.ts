// Shapes of the public HTTP API as the browser sees them: the contract's types (src/contract/), and the shapes whose
// routes have no contract module yet.
import type { Lang } from '../i18n/index.ts';
import type { Me } from '../../contract/me.ts';
import type { Zone as ZoneItem, ZoneDetail, ZoneState } from '../../contract/zones.ts';

export type { I18nText } from '../../contract/common.ts';
export type { Me, Session } from '../../contract/me.ts';
export type { Notification as NotificationItem } from '../../contract/notifications.ts';
export type { Neighbour, ProfileInput, Region, RegionDetail, RegionName, RegionProfile } from '../../contract/regions.ts';
export type { Regulation, RegulationInput } from '../../contract/regulations.ts';
export type { ZoneState };

export type OrganisationKind = Me['organisation']['kind'];

export type TokenScope = 'read' | 'write';

export interface ApiTokenItem {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
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

export type ZoneOutcome = NonNullable<Zone['outcome']>;
export type ZoneModel = Zone['model'];
/** A zone as listed, and on its own page (GET /api/zones/:id) also its gazette-style notice and version (ETag). */
export type Zone = ZoneItem & Partial<Omit<ZoneDetail, keyof ZoneItem>>;

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
