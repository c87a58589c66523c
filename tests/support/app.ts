// A full application on a test database, driven through Fastify's inject (no sockets).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import type { Actor } from '../../src/domain/auth/types.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { openTestDatabase, type Engine, type TestDatabase } from './db.ts';

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  config: Config;
  login(email: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', ZONELINK_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', LOGIN_MAX_ATTEMPTS: '1000', RATE_LIMIT_PER_MINUTE: '0', ...overrides });
}

/** `seed` adds data beyond the reference and demo data before the app is built (as a server would find it at start). */
export async function startTestApp(
  engine: Engine,
  overrides: Record<string, string> = {},
  options: { seed?: (db: Database) => Promise<unknown> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(engine);
  await options.seed?.(database.db);
  // Stored files (report attachments) go to a fresh folder of this test app, removed on close.
  const filesDir = overrides.ZONELINK_FILES_DIR ?? await mkdtemp(join(tmpdir(), 'zonelink-files-'));
  const config = testConfig({ ...overrides, ZONELINK_FILES_DIR: filesDir });
  const app = await buildApp({ config, db: database.db });
  await app.ready();
  return {
    ...database,
    app,
    config,
    async login(email, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'zl_session');
      if (!cookie) throw new Error('no session cookie');
      const body = res.json() as { csrfToken: string; user: { id: string } };
      return { cookie: `zl_session=${cookie.value}`, csrf: body.csrfToken, userId: body.user.id };
    },
    async close() {
      await app.close();
      await database.close();
      if (overrides.ZONELINK_FILES_DIR === undefined) await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** Headers of a cookie-authenticated write. */
export const asSession = (s: Session): Record<string, string> => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

export function problemOf(res: LightMyRequestResponse): { code: string; status: number; detail: string; requestId: string; errors?: { path: string; message: string }[]; violations?: { path?: string; code: string; rule: string; params: Record<string, unknown>; message: string }[] } {
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${String(res.headers['content-type'])}: ${res.body.slice(0, 200)}`);
  }
  return res.json();
}

/** The actor a signed-in session stands for, as the policy sees it (for comparing a list with what the policy allows). */
export async function actorOf(db: Database, session: Session): Promise<Actor> {
  const row = await db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select(['app_user.id', 'app_user.organisation_id', 'app_user.role', 'organisation.kind', 'organisation.region_code'])
    .where('app_user.id', '=', session.userId).executeTakeFirstOrThrow();
  return { userId: row.id, organisationId: row.organisation_id, orgKind: row.kind, regionCode: row.region_code, role: row.role, tokenScopes: null };
}
