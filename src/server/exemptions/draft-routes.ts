// Exemption drafts of a designated zone (issue 14, "From plan to zone"): listed for MSS and the zone's governments;
// MSS confirms each (recording the exemption, corrected where needed) or dismisses it with a reason.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { I18nText } from '../../domain/i18n-text.ts';
import { ProblemSchema, Uuid } from '../../contract/common.ts';
import { ConfirmDraftInput, DismissDraftInput, ExemptionDraftListSchema, ExemptionDraftSchema } from '../../contract/exemption-drafts.ts';
import { ExemptionSchema } from '../../contract/exemptions.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound } from '../errors.ts';
import { callerOf } from '../write/caller.ts';
import { loadZone, zoneTarget } from '../zones/store.ts';
import { draftViews, zoneDrafts } from './drafts.ts';
import { confirmExemptionDraft } from './use-cases/confirm-exemption-draft.ts';
import { dismissExemptionDraft } from './use-cases/dismiss-exemption-draft.ts';
import { loadExemptions } from './view.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const Params = Type.Object({ id: Uuid });

export async function exemptionDraftRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  app.get('/api/zones/:id/exemption-drafts', {
    config: { action: 'exemption:drafts', objectScoped: true },
    schema: {
      tags: ['exemptions'],
      summary: 'The exemption drafts of a designated zone: one per special case of its plan, with the term proposed (the longest lawful one within the zone\'s period) and whether MSS confirmed or dismissed it (MSS and the zone\'s local governments)',
      params: Params,
      response: { 200: ExemptionDraftListSchema, ...errors },
    },
  }, async (request) => {
    const zone = await loadZone(db, request.params.id);
    if (!zone) throw notFound('zone');
    authorize(request, zoneTarget(zone));
    return { items: await zoneDrafts(db, zone.id) };
  });

  app.post('/api/exemption-drafts/:id/confirm', {
    config: { action: 'exemption:create' },
    schema: {
      tags: ['exemptions'],
      summary: 'Confirm an exemption draft: the exemption is recorded as granted, as proposed or corrected, with the checks of any grant (Act Art. 85–90; Decree Art. 60; MSS administrator; audited); a draft already decided → 409',
      params: Params,
      body: ConfirmDraftInput,
      response: { 201: ExemptionSchema, ...errors },
    },
  }, async (request, reply) => {
    const id = await confirmExemptionDraft(db, callerOf(request), request.params.id, request.body);
    const [item] = await loadExemptions(db, [id]);
    return reply.code(201).header('location', `/api/exemptions/${id}`).send(item!);
  });

  app.post('/api/exemption-drafts/:id/dismiss', {
    config: { action: 'exemption:create' },
    schema: {
      tags: ['exemptions'],
      summary: 'Dismiss an exemption draft with a reason (a special case not granted, or recorded otherwise; MSS administrator; audited); a draft already decided → 409',
      params: Params,
      body: DismissDraftInput,
      response: { 200: ExemptionDraftSchema, ...errors },
    },
  }, async (request) => {
    await dismissExemptionDraft(db, callerOf(request), request.params.id, request.body.reason as I18nText);
    const row = await db.selectFrom('exemption_draft').selectAll().where('id', '=', request.params.id).executeTakeFirstOrThrow();
    return (await draftViews(db, [row]))[0]!;
  });
}
