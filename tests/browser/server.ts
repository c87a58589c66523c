// A real HTTP server for the browser tests that also hands out its database, so a test can put
// notifications in a user's inbox the way the server does (notify()). It serves a private copy of the
// built UI: the server lists static files when it starts, so a rebuild of dist/web during the run (by
// another test run or a watcher) would otherwise leave the pages pointing at assets it no longer has.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/db/database.ts';
import { notify } from '../../src/server/notifications/notify.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

/** The test app (database, Fastify app, `login` for API calls) listening on a random port of 127.0.0.1. */
export interface BrowserTestServer extends TestApp {
  url: string;
  /** Sends a plain message notification to the user with this e-mail address; returns nothing. */
  message(email: string, subject: string, text: string, link?: string): Promise<void>;
}

export interface BrowserTestServerOptions {
  /** Adds data a test needs beyond the demo data (e.g. the regulation catalogue) before the server starts. */
  seed?: (db: Database) => Promise<unknown>;
}

const DIST = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Copies dist/web, retrying while a build is half-written (index.html naming assets not there yet). */
async function snapshotWebDir(): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'zonelink-web-'));
    cpSync(DIST, dir, { recursive: true });
    const index = join(dir, 'index.html');
    const assets = existsSync(index) ? [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!) : [];
    if (assets.length > 0 && assets.every((a) => existsSync(join(dir, a)))) return dir;
    rmSync(dir, { recursive: true, force: true });
    if (attempt >= 20) throw new Error(`${DIST} holds no complete build (run \`npx vite build\`)`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function startBrowserTestServer(options: BrowserTestServerOptions = {}): Promise<BrowserTestServer> {
  const webDir = await snapshotWebDir();
  const t = await startTestApp('pglite', { ZONELINK_WEB_DIR: webDir }, options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const db = t.db;
  return {
    ...t,
    url: `http://127.0.0.1:${address.port}`,
    async message(email, subject, text, link) {
      const user = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      await db.transaction().execute((trx) =>
        notify(trx, {
          userIds: [user.id],
          kind: 'message',
          params: { subject, text },
          ...(link ? { link } : {}),
          email: false,
        }),
      );
    },
    async close() {
      await t.close();
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}
