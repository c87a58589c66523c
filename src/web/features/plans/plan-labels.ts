// Names of a plan's lists, fields and choices in the UI language: the editors, the error summary and the
// readable diff use the same words.
import type { Lang, MessageKey, Translate } from '../../i18n/index.ts';
import type { I18nText } from '../../shared/types.ts';
import type { ListName } from './plan-diff.ts';
import { NARRATIVE_ITEMS, type ATTACHMENT_ITEMS, type BUDGET_SOURCES, type COMPANY_KINDS, type EXEMPTION_KINDS, type NarrativeItem } from './types.ts';

export const NARRATIVE_KEYS: Record<NarrativeItem, MessageKey> = {
  'necessity-and-effects': 'planItemNecessity',
  'industry-growth-plan': 'planItemIndustryGrowth',
  'sandbox-measures': 'planItemSandbox',
  'local-era-plan-link': 'planItemLocalEra',
  'real-estate-stabilisation': 'planItemRealEstate',
  'firm-attraction': 'planItemFirmAttraction',
  'local-support': 'planItemLocalSupport',
  'safety-privacy-measures': 'planItemSafety',
  'land-use-plan': 'planItemLandUse',
};

export const KIND_KEYS: Record<(typeof EXEMPTION_KINDS)[number], MessageKey> = {
  demonstration: 'planEdKindDemonstration',
  temporary_permit: 'planEdKindTemporaryPermit',
  rapid_confirmation: 'planEdKindRapidConfirmation',
  menu: 'planEdKindMenu',
};

export const ATTACHMENT_KEYS: Record<(typeof ATTACHMENT_ITEMS)[number], MessageKey> = {
  'location-maps': 'planEdItemLocationMaps',
  'zone-maps': 'planEdItemZoneMaps',
  'sea-documents': 'planEdItemSea',
  'land-use-plan': 'planEdItemLandUse',
};

export const COMPANY_KIND_KEYS: Record<(typeof COMPANY_KINDS)[number], MessageKey> = {
  sme: 'planEdCompanySme',
  midsize: 'planEdCompanyMidsize',
  large: 'planEdCompanyLarge',
  institution: 'planEdCompanyInstitution',
  public: 'planEdCompanyPublic',
};

export const SOURCE_KEYS: Record<(typeof BUDGET_SOURCES)[number], MessageKey> = {
  national: 'planEdSourceNational',
  local: 'planEdSourceLocal',
  private: 'planEdSourcePrivate',
};

/** The list's name and the name of its n-th row. */
export const LIST_KEYS: Record<ListName | 'industries' | 'opinions', { list: MessageKey; row: MessageKey; add: MessageKey }> = {
  industries: { list: 'planIndustries', row: 'planEdIndustryN', add: 'planEdAddIndustry' },
  exemptions: { list: 'planEdExemptions', row: 'planEdExemptionN', add: 'planEdAddExemption' },
  kpis: { list: 'planEdKpis', row: 'planEdKpiN', add: 'planEdAddKpi' },
  attachments: { list: 'planEdAttachments', row: 'planEdAttachmentN', add: 'planEdAddAttachment' },
  sites: { list: 'planEdSites', row: 'planEdSiteN', add: 'planEdAddSite' },
  companies: { list: 'planEdCompanies', row: 'planEdCompanyN', add: 'planEdAddCompany' },
  projects: { list: 'planEdProjects', row: 'planEdProjectN', add: 'planEdAddProject' },
  budget: { list: 'planEdBudget', row: 'planEdBudgetN', add: 'planEdAddBudget' },
  opinions: { list: 'planOpinions', row: 'planOpinionN', add: 'planOpinionAdd' },
};

/** Field names per list (and of the plan itself under ''). */
const FIELD_KEYS: Record<string, MessageKey> = {
  model: 'planModel',
  title: 'planTitleLabel',
  summary: 'planSummary',
  industries: 'planIndustries',
  stages: 'planStages',
  designationMonths: 'planDesignationMonths',
  leadRegion: 'planLeadRegion',
  partners: 'planParticipants',
  'conditions.seaRequired': 'planSeaRequired',
  'conditions.landUsePlanRequired': 'planLandUseRequired',
  'exemptions.kind': 'planEdKind',
  'exemptions.law': 'planEdLaw',
  'exemptions.provision': 'planEdProvision',
  'exemptions.regulation': 'planEdRegulation',
  'exemptions.request': 'planEdRequest',
  'exemptions.stages': 'planStages',
  'exemptions.responsibleMinistry': 'planEdMinistry',
  'kpis.name': 'planEdKpiName',
  'kpis.unit': 'planEdUnit',
  'kpis.baseline': 'planEdBaseline',
  'kpis.target': 'planEdTarget',
  'kpis.targetYear': 'planEdTargetYear',
  'attachments.item': 'planEdAttachmentItem',
  'attachments.title': 'planEdAttachmentTitle',
  'attachments.reference': 'planEdReference',
  'sites.regionCode': 'planEdMunicipality',
  'sites.name': 'planEdSiteName',
  'sites.areaSqm': 'planEdArea',
  'companies.name': 'planEdCompanyName',
  'companies.kind': 'planEdCompanyKind',
  'companies.businessNumber': 'planEdBusinessNumber',
  'companies.address': 'planEdAddress',
  'projects.title': 'planEdProjectTitle',
  'projects.description': 'planEdDescription',
  'projects.stages': 'planStages',
  'projects.exemptions': 'planEdProjectExemptions',
  'projects.companies': 'planEdProjectCompanies',
  'projects.sites': 'planEdProjectSites',
  'projects.startOn': 'planEdStartOn',
  'projects.endOn': 'planEdEndOn',
  'budget.year': 'planEdYear',
  'budget.source': 'planEdSource',
  'budget.amountMillionKrw': 'planEdAmount',
  'budget.purpose': 'planEdPurpose',
  'opinions.from': 'planOpinionFrom',
  'opinions.receivedOn': 'planOpinionReceived',
  'opinions.summary': 'planOpinionSummary',
  'opinions.response': 'planOpinionResponse',
  'opinions.reflected': 'planOpinionReflected',
  noticeOn: 'planNoticeOn',
  noticeUntil: 'planNoticeUntil',
  inspectionFrom: 'planInspectionFrom',
  inspectionUntil: 'planInspectionUntil',
  announcedOn: 'planHearingAnnounced',
  heldOn: 'planHearingHeld',
};

/** The name of `field` of a row of `list` (or of the plan itself when `list` is null). */
export function fieldLabel(list: string | null, field: string, t: Translate): string {
  if (list === null && field.startsWith('narrative.')) {
    const item = field.slice('narrative.'.length);
    return (NARRATIVE_ITEMS as readonly string[]).includes(item) ? t(NARRATIVE_KEYS[item as NarrativeItem]) : field;
  }
  const key = FIELD_KEYS[list === null ? field : `${list}.${field}`];
  return key ? t(key) : field;
}

const LANG_NAMES: Record<Lang, MessageKey> = { ko: 'planEdLangKo', en: 'planEdLangEn', ja: 'planEdLangJa', zh: 'planEdLangZh', fr: 'planEdLangFr' };
export const langLabel = (lang: string, t: Translate): string => (lang in LANG_NAMES ? t(LANG_NAMES[lang as Lang]) : lang);

/** A row's heading: "Site 2: Busan port" (the name in the reader's language, else Korean). */
export function rowLabel(list: keyof typeof LIST_KEYS, index: number, name: I18nText | string | null | undefined, t: Translate, lang: Lang): string {
  const n = t(LIST_KEYS[list].row, { n: index + 1 });
  const text = typeof name === 'string' ? name : name ? (name[lang]?.trim() || name.ko) : '';
  return text.trim() ? `${n}: ${text.trim()}` : n;
}

/**
 * Names the field of a pointer into a save's body for the error summary, e.g. "/sites/0/name/ko" →
 * "Sites › Site 1 › Name (Korean)".
 */
export function describePointer(pointer: string, t: Translate): string {
  const parts = pointer.split('/').filter(Boolean);
  const out: string[] = [];
  let list: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === 0 && part in LIST_KEYS && parts.length > 1 && /^\d+$/.test(parts[1]!)) {
      list = part;
      out.push(t(LIST_KEYS[part as keyof typeof LIST_KEYS].list), t(LIST_KEYS[part as keyof typeof LIST_KEYS].row, { n: Number(parts[1]) + 1 }));
      i += 1;
    } else if (i === 0 && part === 'narrative' && parts[1]) {
      out.push(fieldLabel(null, `narrative.${parts[1]}`, t));
      i += 1;
    } else if (part in LANG_NAMES) {
      out.push(langLabel(part, t));
    } else if (/^\d+$/.test(part)) {
      out.push(`#${Number(part) + 1}`);
    } else {
      out.push(fieldLabel(list, part, t));
    }
  }
  return out.join(' › ') || pointer;
}
