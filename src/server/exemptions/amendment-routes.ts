// The law-amendment track after a request (or a results report): the responsible ministry's review, its
// 60-day amendment plan, the amendment's progress, and the committee's recommendation when the plan is
// late or refused (RFZ Act Art. 87(6)–(13); Decree Art. 59(8)). Edits carry the track's version (If-Match → 412); each
// is a named use case (./use-cases) through ./amendment-write.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AMENDMENT_STAGES, type AmendmentStage } from '../../domain/exemptions/amendment-tracking.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { I18nTextSchema, ProblemSchema, Uuid } from '../../contract/common.ts';
import { DateOnly } from '../../contract/common.ts';
import { callerOf } from '../write/caller.ts';
import { ScheduleSchema } from '../../contract/exemption-lifecycle.ts';
import { date } from './refuse.ts';
import { ExemptionSchema } from '../../contract/exemptions.ts';
import { escalateLawAmendment } from './use-cases/escalate-law-amendment.ts';
import { planLawAmendment } from './use-cases/plan-law-amendment.ts';
import { recordAmendmentProgress } from './use-cases/record-amendment-progress.ts';
import { reviewLawAmendment } from './use-cases/review-law-amendment.ts';
import { loadExemptions } from './view.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema };
const Params = Type.Object({ id: Uuid });
const Headers = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40, description: 'the amendment track\'s version, e.g. "3"' })) });

export async function amendmentRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  const ref = (request: FastifyRequest<{ Params: { id: string } }>) => {
    const ifMatch = request.headers['if-match'];
    return { exemptionId: request.params.id, ifMatch: typeof ifMatch === 'string' ? ifMatch : undefined };
  };

  app.post('/api/exemptions/:id/amendment/review', {
    config: { action: 'amendment:track' },
    schema: {
      tags: ['exemptions'],
      summary: 'The responsible ministry reports its review to the Deliberation Committee: amendment needed (plan due in 60 days) or not (Act Art. 87(6)–(7); audited)',
      params: Params, headers: Headers,
      body: Type.Object({ reportedOn: DateOnly, amendmentNeeded: Type.Boolean(), text: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const reportedOn = date(request.body.reportedOn, '/body/reportedOn', { past: true });
    await reviewLawAmendment(db, callerOf(request), ref(request), { ...request.body, reportedOn, text: request.body.text as I18nText });
    return (await loadExemptions(db, [request.params.id]))[0]!;
  });

  app.post('/api/exemptions/:id/amendment/plan', {
    config: { action: 'amendment:track' },
    schema: {
      tags: ['exemptions'],
      summary: 'The responsible ministry submits its amendment plan: target law and schedule up to promulgation; due 60 days after its review, a late plan is marked late (Act Art. 87(6); Decree Art. 59(8); audited)',
      params: Params, headers: Headers,
      body: Type.Object({ submittedOn: DateOnly, targetLaw: I18nTextSchema(300), schedule: ScheduleSchema }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const submittedOn = date(request.body.submittedOn, '/body/submittedOn', { past: true });
    const schedule = request.body.schedule.map((s, i) => ({ stage: s.stage as AmendmentStage, by: date(s.by, `/body/schedule/${i}/by`) }));
    await planLawAmendment(db, callerOf(request), ref(request), { submittedOn, schedule, targetLaw: request.body.targetLaw as I18nText });
    return (await loadExemptions(db, [request.params.id]))[0]!;
  });

  app.post('/api/exemptions/:id/amendment/progress', {
    config: { action: 'amendment:track' },
    schema: {
      tags: ['exemptions'],
      summary: `The amendment moves on (${AMENDMENT_STAGES.join(' → ')}; stages may be skipped, never reversed); the effective date is recorded with POST /api/exemptions/{id}/law-amended (Act Art. 87(6); audited)`,
      params: Params, headers: Headers,
      body: Type.Object({ stage: Type.Enum([...AMENDMENT_STAGES]), on: DateOnly }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const on = date(request.body.on, '/body/on', { past: true });
    await recordAmendmentProgress(db, callerOf(request), ref(request), { stage: request.body.stage as AmendmentStage, on });
    return (await loadExemptions(db, [request.params.id]))[0]!;
  });

  app.post('/api/exemptions/:id/amendment/escalate', {
    config: { action: 'amendment:escalate' },
    schema: {
      tags: ['exemptions'],
      summary: 'Record the committee\'s recommendation to amend when the plan is late, refused or slipping; the ministry must report back (Act Art. 87(7), 87(13); MSS administrator; audited)',
      params: Params, headers: Headers,
      body: Type.Object({ recommendedOn: DateOnly, recommendation: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const recommendedOn = date(request.body.recommendedOn, '/body/recommendedOn', { past: true });
    await escalateLawAmendment(db, callerOf(request), ref(request), { recommendedOn, recommendation: request.body.recommendation as I18nText });
    return (await loadExemptions(db, [request.params.id]))[0]!;
  });
}
