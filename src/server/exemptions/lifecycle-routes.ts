// After the grant: re-deliberation (once, within 60 days), cancellation after a hearing, expiry and the
// results report due 30 days after it (RFZ Act Art. 86(8)–(10), 87(11), 89, 141; Decree Art. 57-3). Each write is a
// named use case (./use-cases) that locks the exemption and authorises on its holders inside its transaction.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CANCELLATION_GROUNDS } from '../../domain/exemptions/cancellation.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { I18nTextSchema, Nullable, ProblemSchema, Uuid } from '../../contract/common.ts';
import { DateOnly } from '../../contract/common.ts';
import { callerOf } from '../write/caller.ts';
import { ConditionsSchema, type Conditions } from '../../contract/exemption-conditions.ts';
import { EvidenceRefSchema } from '../../contract/exemption-lifecycle.ts';
import { date } from './refuse.ts';
import { ExemptionSchema } from '../../contract/exemptions.ts';
import { cancelExemption } from './use-cases/cancel-exemption.ts';
import { decideExemptionRedeliberation } from './use-cases/decide-exemption-redeliberation.ts';
import { expireExemption } from './use-cases/expire-exemption.ts';
import { holdCancellationHearing } from './use-cases/hold-cancellation-hearing.ts';
import { reportExemptionResults } from './use-cases/report-exemption-results.ts';
import { requestExemptionRedeliberation } from './use-cases/request-exemption-redeliberation.ts';
import { loadExemptions } from './view.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const Params = Type.Object({ id: Uuid });

export async function exemptionLifecycleRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;
  const view = async (id: string) => (await loadExemptions(db, [id]))[0]!;
  app.post('/api/exemptions/:id/redeliberation', {
    config: { action: 'exemption:request-redeliberation', objectScoped: true },
    schema: {
      tags: ['exemptions'],
      summary: 'Request re-deliberation of a rejection, or of a grant whose conditions the applicant objects to (before the business starts): once, within 60 days of the notice (Act Art. 86(8); Decree Art. 57-3, 64-3; the applicant or MSS; audited)',
      params: Params,
      body: Type.Object({ notifiedOn: DateOnly, requestedOn: DateOnly, grounds: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    await requestExemptionRedeliberation(db, callerOf(request), request.params.id, request.body);
    return view(request.params.id);
  });

  app.post('/api/exemptions/:id/redeliberation/decision', {
    config: { action: 'exemption:decide-redeliberation' },
    schema: {
      tags: ['exemptions'],
      summary: 'Record the committee\'s re-deliberation: rejected, or granted with a term checked like any grant and, when the conditions were objected to, the conditions as re-deliberated (Act Art. 86(4)–(5), 86(9), 86(10); Decree Art. 57-2; MSS administrator; audited)',
      params: Params,
      body: Type.Object({
        decidedOn: DateOnly, outcome: Type.Enum(['granted', 'rejected']),
        validFrom: Nullable(DateOnly), validUntil: Nullable(DateOnly), insuranceProofSubmitted: Type.Boolean(),
        conditions: Type.Optional(ConditionsSchema),
      }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const decidedOn = date(request.body.decidedOn, '/body/decidedOn', { past: true });
    await decideExemptionRedeliberation(db, callerOf(request), request.params.id, { ...request.body, decidedOn, conditions: request.body.conditions as Conditions | undefined });
    return view(request.params.id);
  });

  app.post('/api/exemptions/:id/cancellation/hearing', {
    config: { action: 'exemption:cancel' },
    schema: {
      tags: ['exemptions'],
      summary: 'Record the hearing held before a cancellation: the ground, the notice (≥ 10 days before) and the record (Act Art. 89(1), 141; Administrative Procedures Act Art. 21(2); MSS administrator; audited)',
      params: Params,
      body: Type.Object({ ground: Type.Enum([...CANCELLATION_GROUNDS]), noticeOn: DateOnly, heldOn: DateOnly, record: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const noticeOn = date(request.body.noticeOn, '/body/noticeOn', { past: true });
    const heldOn = date(request.body.heldOn, '/body/heldOn', { past: true });
    await holdCancellationHearing(db, callerOf(request), request.params.id, { ...request.body, noticeOn, heldOn });
    return view(request.params.id);
  });

  app.post('/api/exemptions/:id/cancel', {
    config: { action: 'exemption:cancel' },
    schema: {
      tags: ['exemptions'],
      summary: 'Cancel after the hearing: the business stops at once (Act Art. 89, 91, 141; Decree Art. 63; MSS administrator; audited)',
      params: Params,
      body: Type.Object({ decidedOn: DateOnly, reason: I18nTextSchema(4000) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    const decidedOn = date(request.body.decidedOn, '/body/decidedOn', { past: true });
    await cancelExemption(db, callerOf(request), request.params.id, { decidedOn, reason: request.body.reason });
    return view(request.params.id);
  });

  app.post('/api/exemptions/:id/expire', {
    config: { action: 'exemption:expire' },
    schema: {
      tags: ['exemptions'],
      summary: 'Record that the term has ended (not while deemed valid during a law amendment); the results report is due 30 days later (Act Art. 86(10), 87(11); MSS; audited)',
      params: Params,
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    await expireExemption(db, callerOf(request), request.params.id);
    return view(request.params.id);
  });

  app.post('/api/exemptions/:id/results-report', {
    config: { action: 'exemption:report-results', objectScoped: true },
    schema: {
      tags: ['exemptions'],
      summary: 'File the results report after expiry (due 30 days after it; late reports are kept and marked late) with evidence from the demonstration (Act Art. 87(11); Decree Art. 59(11); holder or MSS; audited)',
      params: Params,
      body: Type.Object({ submittedOn: DateOnly, results: I18nTextSchema(8000), evidenceRefs: Type.Array(EvidenceRefSchema, { maxItems: 50 }) }, { additionalProperties: false }),
      response: { 200: ExemptionSchema, ...errors },
    },
  }, async (request) => {
    await reportExemptionResults(db, callerOf(request), request.params.id, { ...request.body, results: request.body.results as I18nText });
    return view(request.params.id);
  });
}
