// OpenAPI 3.1 description at /api/openapi.json and a docs page at /api/docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ZoneLink API',
        version: '0.1.0',
        description:
          'Regulation-Free Special Zones (규제자유특구) and regionally connected zones (광역 연계형 특구). ' +
          'Errors are application/problem+json in the language of Accept-Language (ko, en, ja, zh, fr). ' +
          'Browser sessions use an HttpOnly cookie and must send X-CSRF-Token on writes; machine clients send the header Authorization: Bearer followed by an API token (create one on your own page or with POST /api/me/tokens).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zl_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
