// What the schema cannot check of a project's record (real dates in range, companies, municipalities, exemptions,
// needs, compliance rules) and its columns as stored.
import type { Static } from 'typebox';
import type { Database } from '../../db/database.ts';
import { compareDates, tryCivilDate } from '../../domain/calendar/civil-date.ts';
import { validateRules } from '../../domain/compliance/rules.ts';
import { normaliseText, type I18nText } from '../../domain/i18n-text.ts';
import { regionByCode } from '../../domain/regions/reference.ts';
import { AppError, type FieldError } from '../errors.ts';
import { checkNeeds, normaliseNeeds } from '../exemptions/needs.ts';
import type { ProjectUpdate } from '../../contract/projects.ts';
import { MAX_ERRORS } from './upload.ts';

export type ProjectBody = Static<typeof ProjectUpdate>;

/** Checks what the schema cannot: real dates in range, companies, municipalities, rules. */
export async function checkProject(db: Database, body: ProjectBody, lead: string): Promise<void> {
  const fields: FieldError[] = [];
  const dates: [string, string][] = [['periodStart', body.periodStart], ['periodEnd', body.periodEnd]];
  body.milestones.forEach((m, i) => dates.push([`milestones/${i}/due`, m.due]));
  if (body.insurance) dates.push(['insurance/validFrom', body.insurance.validFrom], ['insurance/validUntil', body.insurance.validUntil]);
  for (const [path, value] of dates) if (tryCivilDate(value) === null) fields.push({ path: `/body/${path}`, keyword: 'format', params: { format: 'date' } });
  const start = tryCivilDate(body.periodStart);
  const end = tryCivilDate(body.periodEnd);
  if (start && end && compareDates(end, start) < 0) fields.push({ path: '/body/periodEnd', keyword: 'minimum', params: { limit: body.periodStart } });
  const from = body.insurance ? tryCivilDate(body.insurance.validFrom) : null;
  const until = body.insurance ? tryCivilDate(body.insurance.validUntil) : null;
  if (from && until && compareDates(until, from) < 0) fields.push({ path: '/body/insurance/validUntil', keyword: 'minimum', params: { limit: body.insurance!.validFrom } });
  body.sites.forEach((code, i) => {
    if (regionByCode(code)?.level !== 'municipality') fields.push({ path: `/body/sites/${i}`, keyword: 'unknown', params: { value: code } });
  });
  const kpiIds = new Set<string>();
  body.kpis.forEach((k, i) => {
    if (kpiIds.has(k.id)) fields.push({ path: `/body/kpis/${i}/id`, keyword: 'duplicate', params: {} });
    kpiIds.add(k.id);
  });
  if (body.partnerCompanies.length > 0) {
    const companies = await db.selectFrom('organisation').select('id').where('id', 'in', body.partnerCompanies).where('kind', '=', 'company').execute();
    const known = new Set(companies.map((c) => c.id));
    body.partnerCompanies.forEach((id, i) => {
      if (!known.has(id) || id === lead) fields.push({ path: `/body/partnerCompanies/${i}`, keyword: 'unknown', params: { value: id } });
    });
  }
  if (body.exemptionIds.length > 0) {
    const exemptions = await db.selectFrom('exemption').select('id').where('id', 'in', body.exemptionIds).execute();
    const known = new Set(exemptions.map((e) => e.id));
    body.exemptionIds.forEach((id, i) => {
      if (!known.has(id)) fields.push({ path: `/body/exemptionIds/${i}`, keyword: 'unknown', params: { value: id } });
    });
  }
  if (body.needs) fields.push(...await checkNeeds(db, body.needs, '/body/needs'));
  const rules = validateRules(body.rules);
  if (!rules.ok) {
    for (const issue of rules.errors.slice(0, MAX_ERRORS)) {
      fields.push({ path: `/body/rules/${issue.path.join('/')}`, keyword: 'ruleIssue', params: { code: issue.code, ...issue.params } });
    }
  }
  if (fields.length > 0) throw new AppError('validation', { fields });
}

export function columnsOf(body: ProjectBody) {
  return {
    title: JSON.stringify(normaliseText(body.title as I18nText)),
    summary: JSON.stringify(normaliseText(body.summary as I18nText)),
    partner_companies: body.partnerCompanies,
    sites: body.sites,
    products: JSON.stringify(body.products.map((p) => normaliseText(p as I18nText))),
    period_start: body.periodStart,
    period_end: body.periodEnd,
    milestones: JSON.stringify(body.milestones.map((m) => ({ ...m, title: normaliseText(m.title as I18nText) }))),
    kpis: JSON.stringify(body.kpis.map((k) => ({ ...k, name: normaliseText(k.name as I18nText), unit: k.unit.trim() }))),
    safety_plan: JSON.stringify(normaliseText(body.safetyPlan as I18nText)),
    insurance_required: body.insuranceRequired,
    insurance: body.insurance ? JSON.stringify({ ...body.insurance, insurer: body.insurance.insurer.trim(), policyNumber: body.insurance.policyNumber.trim() }) : null,
    rules: JSON.stringify(body.rules),
    ...(body.needs === undefined ? {} : { needs: JSON.stringify(normaliseNeeds(body.needs)) }),
  };
}
