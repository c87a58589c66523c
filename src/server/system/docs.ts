// OpenAPI 3.1 description at /api/openapi.json and a docs page at /api/docs (src/server/system/openapi.ts).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { swaggerOptions } from './openapi.ts';

export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, swaggerOptions);
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
