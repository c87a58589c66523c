// Rapid confirmation (신속확인, RFZ Act Art. 85; Decree Art. 56): a company files; the zone's local government
// answers within its own powers or forwards to the responsible ministries (those whose regulations the request
// names, the one the company named, any it adds); each ministry replies within 30 days on its own clock, paused by
// supplement requests; silence is recorded by the deadline scan (./scan.ts); disagreement goes to the committee.
// Every write is a named use case (./use-cases) run through the one write path (src/server/write/run-write.ts).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize } from '../auth/authorize.ts';
import { calendarOf } from '../calendar/provider.ts';
import { notFound } from '../errors.ts';
import { nextSchema, pageQuery, readPage } from '../http/pages.ts';
import { ProblemSchema } from '../../contract/common.ts';
import { todayInSeoul } from '../plans/evaluate.ts';
import { callerOf } from '../write/caller.ts';
import { answerOnce, IdempotencyHeaders } from '../write/idempotency.ts';
import {
  RapidDecisionInput, RapidFileInput, RapidForwardInput, RapidLocalAnswerInput, RapidParams, RapidReplyInput, RapidSupplementInput,
  RapidSupplementRequestInput, RapidView,
} from '../../contract/rapid-confirmations.ts';
import { pageRequests, RAPID_LIST } from './page-requests.ts';
import { loadRequest, rapidTarget, viewOf } from './store.ts';
import { answerRapidConfirmationLocally } from './use-cases/answer-rapid-confirmation-locally.ts';
import { decideRapidConfirmation } from './use-cases/decide-rapid-confirmation.ts';
import { fileRapidConfirmation } from './use-cases/file-rapid-confirmation.ts';
import { forwardRapidConfirmation } from './use-cases/forward-rapid-confirmation.ts';
import { replyRapidConfirmation } from './use-cases/reply-rapid-confirmation.ts';
import { requestRapidSupplement } from './use-cases/request-rapid-supplement.ts';
import { supplyRapidSupplement } from './use-cases/supply-rapid-supplement.ts';

const serializerCompiler = () => (data: unknown): string => JSON.stringify(data);
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };

export async function rapidConfirmationRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.services;

  async function respond(id: string) {
    const r = await loadRequest(db, id);
    if (!r) throw notFound('rapid-confirmation');
    return viewOf(db, r, todayInSeoul(), calendarOf(db));
  }

  app.get('/api/rapid-confirmations', {
    config: { action: 'rapid-confirmation:list' }, serializerCompiler,
    schema: {
      tags: ['rapid-confirmations'], summary: 'Rapid-confirmation requests the caller may see, newest filed first: all for MSS, the company’s own, the zone’s for its local governments, those addressed to a ministry',
      querystring: Type.Object(pageQuery(RAPID_LIST), { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(RapidView), next: nextSchema }), ...errors },
    },
  }, async (request) => {
    const actor = authorize(request);
    const { limit, cursor } = request.query;
    const page = readPage(RAPID_LIST, { limit, cursor }, {}, await app.services.listKey());
    return pageRequests(db, actor, page);
  });

  app.get('/api/rapid-confirmations/:id', {
    config: { action: 'rapid-confirmation:read', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'One rapid-confirmation request with each ministry’s clock', params: RapidParams, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    const r = await loadRequest(db, request.params.id);
    if (!r) throw notFound('rapid-confirmation');
    authorize(request, rapidTarget(r));
    return viewOf(db, r, todayInSeoul(), calendarOf(db));
  });

  app.post('/api/rapid-confirmations', {
    // Authorised in the handler, after the body is read, so malformed input is a 400 for everyone.
    config: { action: 'rapid-confirmation:file', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'A company asks whether what it wants to do in a zone needs a permit, and which rules apply (Art. 85(1)); Idempotency-Key makes a resent request file nothing more', headers: IdempotencyHeaders, body: RapidFileInput, response: { 201: RapidView, ...errors, 422: ProblemSchema } },
  }, async (request, reply) => answerOnce(db, request, reply, {
    status: 201, write: (caller) => fileRapidConfirmation(db, caller, request.body), render: respond,
  }));

  app.post('/api/rapid-confirmations/:id/forward', {
    config: { action: 'rapid-confirmation:forward', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'The zone’s local government forwards the request to the responsible ministries; each one’s 30-day clock starts (Art. 85(2)–(4); Decree Art. 56)', params: RapidParams, body: RapidForwardInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await forwardRapidConfirmation(db, callerOf(request), request.params.id, request.body.ministryIds);
    return respond(request.params.id);
  });

  app.post('/api/rapid-confirmations/:id/local-answer', {
    config: { action: 'rapid-confirmation:forward', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'The zone’s local government answers within its own powers (Art. 85(2); Decree Art. 56)', params: RapidParams, body: RapidLocalAnswerInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await answerRapidConfirmationLocally(db, callerOf(request), request.params.id, request.body.answer);
    return respond(request.params.id);
  });

  app.post('/api/rapid-confirmations/:id/reply', {
    config: { action: 'rapid-confirmation:reply', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'An addressed ministry replies: permit needed (and which rules), no permit needed, or not its matter (Art. 85(3)–(4))', params: RapidParams, body: RapidReplyInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await replyRapidConfirmation(db, callerOf(request), request.params.id, request.body);
    return respond(request.params.id);
  });

  app.post('/api/rapid-confirmations/:id/supplement-request', {
    config: { action: 'rapid-confirmation:reply', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'An addressed ministry asks the company for a supplement; its clock stops until the supplement arrives (Art. 85(4))', params: RapidParams, body: RapidSupplementRequestInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await requestRapidSupplement(db, callerOf(request), request.params.id, request.body.request);
    return respond(request.params.id);
  });

  app.post('/api/rapid-confirmations/:id/supplement', {
    config: { action: 'rapid-confirmation:supplement', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'The company supplies what a ministry asked for; that ministry’s clock runs again (Art. 85(4))', params: RapidParams, body: RapidSupplementInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await supplyRapidSupplement(db, callerOf(request), request.params.id, request.body.ministryId);
    return respond(request.params.id);
  });

  app.post('/api/rapid-confirmations/:id/decision', {
    config: { action: 'rapid-confirmation:decide', objectScoped: true }, serializerCompiler,
    schema: { tags: ['rapid-confirmations'], summary: 'The committee decides between disagreeing ministries within 30 days (Art. 85(7)); recorded by MSS', params: RapidParams, body: RapidDecisionInput, response: { 200: RapidView, ...errors } },
  }, async (request) => {
    await decideRapidConfirmation(db, callerOf(request), request.params.id, request.body);
    return respond(request.params.id);
  });
}
