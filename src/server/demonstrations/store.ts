// Loading demonstration projects, their policy targets and their API view.
import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DemonstrationProjectTable } from '../../db/schema.ts';
import { decide, type Target } from '../../domain/auth/policy.ts';
import type { Actor } from '../../domain/auth/types.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import type { LiabilityInsurance } from '../../domain/demonstrations/project.ts';
import type { RegulatoryNeed } from '../../domain/supply-chain/coverage.ts';

/** An exemption suspended for the project now (its suspension not lifted), as read with the project. */
export interface OpenSuspension {
  id: string;
  exemption_id: string;
  incident_id: string | null;
  suspended_at: string;
  suspended_by: string | null;
  reason: I18nText;
}

/** A project's row with the ids of the exemptions it uses (in the order given) and those suspended now. */
export type ProjectRow = Selectable<DemonstrationProjectTable> & { exemption_ids: string[]; suspensions: OpenSuspension[] };

/** All projects, or one, with their exemption ids and open suspensions. */
export function selectProjects(db: Database) {
  return db.selectFrom('demonstration_project').selectAll('demonstration_project')
    .select(sql<string[]>`array(select x.exemption_id from demonstration_project_exemption x where x.project_id = demonstration_project.id order by x.position)`.as('exemption_ids'))
    .select(sql<OpenSuspension[]>`(select coalesce(json_agg(json_build_object(
        'id', s.id, 'exemption_id', s.exemption_id, 'incident_id', s.incident_id, 'suspended_at', s.suspended_at,
        'suspended_by', s.suspended_by, 'reason', s.reason) order by s.suspended_at, s.id), '[]'::json)
      from demonstration_exemption_suspension s where s.project_id = demonstration_project.id and s.lifted_at is null)`.as('suspensions'));
}

export async function loadProject(db: Database, id: string, forUpdate = false): Promise<ProjectRow | undefined> {
  let query = selectProjects(db).where('demonstration_project.id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Replaces the project's exemptions (inside the caller's transaction). */
export async function saveProjectExemptions(trx: Database, projectId: string, exemptionIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('demonstration_project_exemption').where('project_id', '=', projectId).execute();
  if (exemptionIds.length > 0) {
    await trx.insertInto('demonstration_project_exemption').values(exemptionIds.map((exemption_id, position) => ({ project_id: projectId, exemption_id, position }))).execute();
  }
}

export async function zoneRegions(db: Database, zoneIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (zoneIds.length === 0) return out;
  const rows = await db.selectFrom('zone_region').select(['zone_id', 'region_code']).where('zone_id', 'in', [...new Set(zoneIds)]).execute();
  for (const r of rows) out.set(r.zone_id, [...(out.get(r.zone_id) ?? []), r.region_code]);
  return out;
}

export function projectTarget(row: ProjectRow, regions: readonly string[]): Target & { kind: 'project' } {
  return { kind: 'project', lead: row.lead_company, companies: [row.lead_company, ...row.partner_companies], regions: [...regions, ...row.sites] };
}

export async function targetOf(db: Database, row: ProjectRow): Promise<Target & { kind: 'project' }> {
  return projectTarget(row, (await zoneRegions(db, [row.zone_id])).get(row.zone_id) ?? []);
}

/**
 * The responsible ministries (organisation ids) whose regulations the projects' exemptions suspend: an
 * organisation's `ministry_code` is the ministry its regulations name (`regulation.ministry`).
 */
export async function suspendedMinistries(db: Database, projectIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (projectIds.length === 0) return out;
  const rows = await db.selectFrom('demonstration_project_exemption as dpe')
    .innerJoin('exemption_regulation as er', 'er.exemption_id', 'dpe.exemption_id')
    .innerJoin('regulation as r', 'r.id', 'er.regulation_id')
    .innerJoin('organisation as o', 'o.ministry_code', 'r.ministry')
    .select(['dpe.project_id', 'o.id']).distinct()
    .where('dpe.project_id', 'in', [...new Set(projectIds)]).where('o.kind', '=', 'responsible_ministry')
    .orderBy('dpe.project_id').orderBy('o.id').execute();
  for (const r of rows) out.set(r.project_id, [...(out.get(r.project_id) ?? []), r.id]);
  return out;
}

/** The project's target with the responsible ministries that may read its evidence pack. */
export async function evidenceTargetOf(db: Database, row: ProjectRow): Promise<Target & { kind: 'project' }> {
  return { ...(await targetOf(db, row)), ministries: (await suspendedMinistries(db, [row.id])).get(row.id) ?? [] };
}

export const projectEtag = (version: number): string => `"project-v${version}"`;

export function projectView(row: ProjectRow, actor: Actor | null, target: Target) {
  return {
    id: row.id,
    zoneId: row.zone_id,
    state: row.state,
    leadCompany: row.lead_company,
    title: row.title as I18nText,
    summary: row.summary as I18nText,
    partnerCompanies: row.partner_companies,
    exemptionIds: row.exemption_ids,
    sites: row.sites,
    products: row.products as I18nText[],
    periodStart: row.period_start,
    periodEnd: row.period_end,
    milestones: row.milestones as { title: I18nText; due: string; done: boolean }[],
    kpis: row.kpis as { id: string; name: I18nText; unit: string; target: number; frequency: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly' }[],
    safetyPlan: row.safety_plan as I18nText,
    insuranceRequired: row.insurance_required,
    insurance: row.insurance as LiabilityInsurance | null,
    rules: row.rules as unknown[],
    needs: (row.needs ?? []) as RegulatoryNeed[],
    version: row.version,
    demo: row.demo,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    /** The exemptions suspended for this project now (Act Art. 89): the project demonstrates under the others. */
    suspendedExemptions: row.suspensions.map((s) => ({
      id: s.id, exemptionId: s.exemption_id, incidentId: s.incident_id, suspendedAt: new Date(s.suspended_at).toISOString(), reason: s.reason,
    })),
    canEdit: decide(actor, 'project:edit', target).allowed,
    canUpload: decide(actor, 'project:upload', target).allowed,
    canSuspend: decide(actor, 'project:suspend', target).allowed,
    canLiftSuspension: decide(actor, 'project:lift-suspension', target).allowed,
  };
}
