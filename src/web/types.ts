// Shapes of the public HTTP API as the browser sees them.
import type { Lang } from './i18n/index.ts';

export interface I18nText {
  ko: string;
  en?: string;
  ja?: string;
  zh?: string;
  fr?: string;
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
  kind: 'border' | 'link';
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
  requestId?: string;
}
