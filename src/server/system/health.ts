// Liveness (/healthz: the process answers, whatever the database does) and readiness (/readyz: the database
// answers; 503 with Retry-After while it does not, so a load balancer sends the traffic elsewhere meanwhile).
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { databaseUnavailableReason } from '../../db/unavailable.ts';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../errors.ts';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(app.services.db);
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ reason: databaseUnavailableReason(error) ?? (error instanceof Error ? error.message : String(error)) }, 'not ready');
      return reply.code(503).header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS)).send({ status: 'unavailable' });
    }
  });
}
