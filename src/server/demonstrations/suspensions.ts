// A serious incident suspends one or more of the project's exemptions for that project (issue 5, item 3; Act
// Art. 89; Decree Art. 63): the project's supervisors suspend the exemptions the incident names, MSS lifts a
// suspension. Each is one transaction with its audit entry and the companies' notification. The project keeps
// demonstrating under its other exemptions; its events at suspended times violate the `suspension` rule.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { exemptionIdIssues, SUSPENDING_SEVERITIES } from '../../domain/demonstrations/suspension.ts';
import { joinTexts, normaliseText, type I18nText } from '../../domain/i18n-text.ts';
import type { Locale } from '../../i18n/locales.ts';
import { appendAudit } from '../audit/append.ts';
import { auditActor } from '../write/caller.ts';
import { authorize } from '../auth/authorize.ts';
import { AppError, notFound, type FieldError } from '../errors.ts';
import { I18nTextSchema, ProblemSchema, Uuid } from '../../contract/common.ts';
import { notify } from '../notifications/notify.ts';
import { frame } from './messages.ts';
import { ProjectSchema } from '../../contract/projects.ts';
import { loadProject, projectView, targetOf, type ProjectRow } from './store.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const conflict = (reason: string): AppError => new AppError('conflict', { params: { reason } });

async function exemptionTitle(db: Database, id: string, locale: Locale): Promise<string> {
  const row = await db.selectFrom('exemption').select('title').where('id', '=', id).executeTakeFirst();
  const title = row?.title as I18nText | undefined;
  return title ? (title[locale] ?? title.ko) : id;
}

/** Tells the project's companies that an exemption was suspended or its suspension lifted. */
async function notifyCompanies(trx: Database, row: ProjectRow, actor: Actor, state: 'exemption:suspended' | 'exemption:suspension_lifted', exemptionIds: readonly string[]): Promise<void> {
  const companies = await trx.selectFrom('app_user').select('id').where('organisation_id', 'in', [row.lead_company, ...row.partner_companies]).where('disabled_at', 'is', null).execute();
  const user = await trx.selectFrom('app_user').select('display_name').where('id', '=', actor.userId).executeTakeFirst();
  const titles = await trx.selectFrom('exemption').select('title').where('id', 'in', [...exemptionIds]).execute();
  await notify(trx, {
    userIds: companies.map((u) => u.id), kind: 'transition', link: `/projects/${row.id}`, objectType: 'demonstration_project', objectId: row.id,
    params: { subject: joinTexts(' — ', row.title as I18nText, ...titles.map((t) => t.title as I18nText)), state, actor: user?.display_name ?? null },
  });
}

export function suspensionRoutes(base: FastifyInstance): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  async function project(request: FastifyRequest, id: string) {
    const row = await loadProject(db, id);
    if (!row) throw notFound('project');
    const target = await targetOf(db, row);
    return { row, target, actor: authorize(request, target) };
  }

  app.post('/api/projects/:id/incidents/:incidentId/suspension', {
    config: { action: 'project:suspend', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'After a serious incident, MSS or the project\'s local government suspends the exemptions it names for this project (the project demonstrates on under its others); the companies are notified',
      params: Type.Object({ id: Uuid, incidentId: Uuid }),
      body: Type.Object({ exemptionIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }), reason: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ProjectSchema, ...errors },
    },
  }, async (request) => {
    const { row, target, actor } = await project(request, request.params.id);
    const { exemptionIds } = request.body;
    const reason = normaliseText(request.body.reason as I18nText);
    await db.transaction().execute(async (trx) => {
      const before = (await loadProject(trx, row.id, true))!;
      const incident = await trx.selectFrom('demonstration_incident').select(['id', 'severity', 'exemption_ids'])
        .where('id', '=', request.params.incidentId).where('project_id', '=', row.id).executeTakeFirst();
      if (!incident) throw notFound('incident');
      if (!SUSPENDING_SEVERITIES.includes(incident.severity)) throw conflict(frame(request.locale, 'no-serious-incident'));
      // Only exemptions the incident names and the project still uses.
      const named = exemptionIdIssues(exemptionIds, incident.exemption_ids.filter((e) => before.exemption_ids.includes(e)), true);
      const fields: FieldError[] = named.items.map((i): FieldError => ({
        path: `/body/exemptionIds/${i.index}`, keyword: i.keyword, params: i.keyword === 'unknown' ? { value: exemptionIds[i.index]! } : {},
      }));
      if (fields.length > 0) throw new AppError('validation', { fields });
      if (before.state !== 'demonstrating') throw conflict(frame(request.locale, 'not-demonstrating', { state: before.state }));
      const open = before.suspensions.find((s) => exemptionIds.includes(s.exemption_id));
      if (open) throw conflict(frame(request.locale, 'already-suspended', { exemption: await exemptionTitle(trx, open.exemption_id, request.locale) }));
      const now = new Date();
      const rows = exemptionIds.map((exemption_id) => ({
        id: randomUUID(), project_id: row.id, exemption_id, incident_id: incident.id, suspended_at: now, suspended_by: actor.userId, reason: JSON.stringify(reason),
      }));
      await trx.insertInto('demonstration_exemption_suspension').values(rows).execute();
      await appendAudit(trx, {
        ...auditActor({ requestId: request.id }, actor), action: 'project:suspend', objectType: 'demonstration_project', objectId: row.id,
        before: { suspendedExemptions: before.suspensions.map((s) => s.exemption_id) },
        after: { suspended: rows.map((r) => ({ id: r.id, exemptionId: r.exemption_id })), incidentId: incident.id, suspendedAt: now.toISOString(), reason },
      });
      await notifyCompanies(trx, row, actor, 'exemption:suspended', exemptionIds);
    });
    return projectView((await loadProject(db, row.id))!, actor, target);
  });

  app.post('/api/projects/:id/exemptions/:exemptionId/lift-suspension', {
    config: { action: 'project:lift-suspension', objectScoped: true },
    schema: {
      tags: ['demonstrations'],
      summary: 'MSS lifts the suspension of one exemption for this project (its events count as compliant again from now); the companies are notified',
      params: Type.Object({ id: Uuid, exemptionId: Uuid }),
      body: Type.Object({ reason: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ProjectSchema, ...errors },
    },
  }, async (request) => {
    const { row, target, actor } = await project(request, request.params.id);
    const reason = normaliseText(request.body.reason as I18nText);
    const { exemptionId } = request.params;
    await db.transaction().execute(async (trx) => {
      const before = (await loadProject(trx, row.id, true))!;
      const open = before.suspensions.find((s) => s.exemption_id === exemptionId);
      if (!open) throw conflict(frame(request.locale, 'not-suspended', { exemption: await exemptionTitle(trx, exemptionId, request.locale) }));
      const now = new Date();
      await trx.updateTable('demonstration_exemption_suspension').set({ lifted_at: now, lifted_by: actor.userId, lift_reason: JSON.stringify(reason) })
        .where('id', '=', open.id).where('lifted_at', 'is', null).execute();
      await appendAudit(trx, {
        ...auditActor({ requestId: request.id }, actor), action: 'project:lift-suspension', objectType: 'demonstration_project', objectId: row.id,
        before: { suspensionId: open.id, exemptionId, suspendedAt: new Date(open.suspended_at).toISOString() }, after: { liftedAt: now.toISOString(), reason },
      });
      await notifyCompanies(trx, row, actor, 'exemption:suspension_lifted', [exemptionId]);
    });
    return projectView((await loadProject(db, row.id))!, actor, target);
  });
}
