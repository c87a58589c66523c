// The content of a zone plan: what is hashed, signed off and versioned. Pure helpers (no I/O).
import type { Static } from 'typebox';
import { normaliseText, type I18nText } from '../../domain/i18n-text.ts';
import { regionByCode } from '../../domain/regions/reference.ts';
import type { Applicant, Site as EligibilitySite } from '../../domain/zones/eligibility.ts';
import { applicantOf, standingGovernmentByCode } from '../../domain/zones/special-governments.ts';
import type { PlanItem } from '../../domain/zones/procedure.ts';
import type { FieldError } from '../errors.ts';
import { normaliseNeeds } from '../exemptions/needs.ts';
import type { CommonInput, ConsultationInput, ContentSchema, SectionInput } from '../../contract/plans.ts';

export type PlanContent = Static<typeof ContentSchema>;
export type Section = SectionInput;
export type Consultation = ConsultationInput;

export const EMPTY_SECTION: Section = { sites: [], companies: [], projects: [], budget: [] };

export const EMPTY_CONSULTATION: Consultation = {
  noticeOn: null, noticeUntil: null, inspectionFrom: null, inspectionUntil: null, hearing: null, localEraCommitteeHeard: false, opinions: [],
};

export function emptyContent(model: 'single' | 'connected', leadRegion: string, title: I18nText): PlanContent {
  return {
    model, leadRegion, partners: [], title: normaliseText(title), summary: null, industries: [], stages: [], exemptions: [],
    designationMonths: null, kpis: [], narrative: {}, attachments: [], conditions: { seaRequired: false, landUsePlanRequired: false },
    sections: { [leadRegion]: EMPTY_SECTION },
  };
}

/** Participating governments: the lead first, then the partners in the order they were invited. */
export const participantsOf = (content: PlanContent): string[] => [content.leadRegion, ...content.partners];

const text = (t: I18nText): I18nText => normaliseText(t);
const maybe = (t: I18nText | null): I18nText | null => (t === null ? null : normaliseText(t));

/** The lead's part replaced, sections and participants kept; texts normalised (empty translations dropped). */
export function withCommon(content: PlanContent, input: CommonInput): PlanContent {
  const narrative: Record<string, I18nText> = {};
  for (const [key, value] of Object.entries(input.narrative)) if (value) narrative[key] = text(value);
  return {
    ...content,
    model: input.model,
    title: text(input.title),
    summary: maybe(input.summary),
    industries: input.industries.map(text),
    stages: [...input.stages],
    exemptions: input.exemptions.map((e) => ({ ...e, law: text(e.law), regulation: text(e.regulation), request: text(e.request), responsibleMinistry: maybe(e.responsibleMinistry), provision: e.provision.trim() })),
    designationMonths: input.designationMonths,
    kpis: input.kpis.map((k) => ({ ...k, name: text(k.name), unit: k.unit.trim() })),
    narrative,
    attachments: input.attachments.map((a) => ({ ...a, title: text(a.title), reference: a.reference.trim() })),
    conditions: { ...input.conditions },
    ...(input.needs === undefined ? {} : { needs: normaliseNeeds(input.needs) }),
  };
}

export function withSection(content: PlanContent, region: string, input: SectionInput): PlanContent {
  const section: Section = {
    sites: input.sites.map((s) => ({ ...s, name: text(s.name) })),
    companies: input.companies.map((c) => ({ ...c, name: text(c.name), address: maybe(c.address) })),
    projects: input.projects.map((p) => ({ ...p, title: text(p.title), description: maybe(p.description) })),
    budget: input.budget.map((b) => ({ ...b, purpose: maybe(b.purpose) })),
  };
  return { ...content, sections: { ...content.sections, [region]: section } };
}

export function withPartners(content: PlanContent, partners: string[]): PlanContent {
  const sections: Record<string, Section> = {};
  for (const code of [content.leadRegion, ...partners]) sections[code] = content.sections[code] ?? EMPTY_SECTION;
  return { ...content, partners, sections };
}

function duplicates(ids: readonly string[], path: (i: number) => string): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push({ path: path(i), keyword: 'duplicate' });
    seen.add(id);
  });
  return out;
}

/** Checks of the lead's part beyond the schema: unique ids. */
export function checkCommon(input: CommonInput): FieldError[] {
  return [
    ...duplicates(input.exemptions.map((e) => e.id), (i) => `/body/exemptions/${i}/id`),
    ...duplicates(input.kpis.map((k) => k.id), (i) => `/body/kpis/${i}/id`),
  ];
}

/** Checks of a section beyond the schema: unique ids, known municipalities, references, project periods. */
export function checkSection(input: SectionInput, content: PlanContent): FieldError[] {
  const errors: FieldError[] = [
    ...duplicates(input.sites.map((s) => s.id), (i) => `/body/sites/${i}/id`),
    ...duplicates(input.companies.map((c) => c.id), (i) => `/body/companies/${i}/id`),
    ...duplicates(input.projects.map((p) => p.id), (i) => `/body/projects/${i}/id`),
  ];
  input.sites.forEach((s, i) => {
    const region = regionByCode(s.regionCode);
    if (!region || region.level !== 'municipality') errors.push({ path: `/body/sites/${i}/regionCode`, keyword: 'unknown', params: { value: s.regionCode } });
  });
  const siteIds = new Set(input.sites.map((s) => s.id));
  const companyIds = new Set(input.companies.map((c) => c.id));
  const exemptionIds = new Set(content.exemptions.map((e) => e.id));
  input.projects.forEach((p, i) => {
    p.sites.forEach((ref, j) => { if (!siteIds.has(ref)) errors.push({ path: `/body/projects/${i}/sites/${j}`, keyword: 'unknown', params: { value: ref } }); });
    p.companies.forEach((ref, j) => { if (!companyIds.has(ref)) errors.push({ path: `/body/projects/${i}/companies/${j}`, keyword: 'unknown', params: { value: ref } }); });
    p.exemptions.forEach((ref, j) => { if (!exemptionIds.has(ref)) errors.push({ path: `/body/projects/${i}/exemptions/${j}`, keyword: 'unknown', params: { value: ref } }); });
    if (p.endOn < p.startOn) errors.push({ path: `/body/projects/${i}/endOn`, keyword: 'invalid' });
  });
  const budgetKeys = input.budget.map((b) => `${b.year}/${b.source}`);
  errors.push(...duplicates(budgetKeys, (i) => `/body/budget/${i}`));
  return errors;
}

/**
 * Each participant as an applicant: a 2-digit code is a metropolitan government, a 5-digit one a basic government,
 * a ZoneLink code a special local government or integrated special city standing for its members (Decree Art. 40(2)).
 */
export function applicantsOf(content: PlanContent): Applicant[] {
  return participantsOf(content).map(applicantOf);
}

/** Every site of every section, named `<government>/<site id>`. */
export function sitesOf(content: PlanContent): EligibilitySite[] {
  return Object.entries(content.sections).flatMap(([region, section]) => section.sites.map((s) => ({ id: `${region}/${s.id}`, regionCode: s.regionCode })));
}

/**
 * Items of RFZ Act Art. 74(1) and Decree Art. 40(1), 42(3) the plan provides. The application form and the
 * plan document are produced by ZoneLink from the record itself; the rest follows from the content.
 */
export function providedItems(content: PlanContent, consultation: Consultation): PlanItem[] {
  const sections = Object.values(content.sections);
  const sites = sections.flatMap((s) => s.sites);
  const projects = sections.flatMap((s) => s.projects);
  const items: PlanItem[] = ['application-form', 'zone-plan'];
  const add = (item: PlanItem, present: boolean): void => { if (present) items.push(item); };
  add('name-location-area', content.title.ko.length > 0 && sites.length > 0);
  add('spatial-scope', sites.length > 0);
  add('zone-operators', sections.some((s) => s.companies.length > 0));
  add('special-cases', content.exemptions.length > 0);
  add('designation-period', content.designationMonths !== null);
  add('project-period', projects.length > 0);
  add('policy-goals-kpis', content.kpis.length > 0);
  add('funding-plan', sections.some((s) => s.budget.length > 0));
  add('consultation-results', consultation.noticeOn !== null);
  for (const [key, value] of Object.entries(content.narrative)) if (value) items.push(key as PlanItem);
  for (const a of content.attachments) items.push(a.item);
  return [...new Set(items)];
}

/** A known government: a region (SGIS code) or a special local government / integrated special city. */
export const isGovernment = (code: string): boolean => regionByCode(code) !== undefined || standingGovernmentByCode(code) !== undefined;

/** A region's (or standing government's) names for views. */
export function regionName(code: string): { ko: string; en: string } {
  const r = regionByCode(code) ?? standingGovernmentByCode(code);
  return r ? { ko: r.name.ko, en: r.name.en } : { ko: code, en: code };
}
