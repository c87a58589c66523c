// A real HTTP server for the browser tests that also hands out its database, so a test can put
// notifications in a user's inbox the way the server does (notify()). It serves a private copy of the
// built UI: the server lists static files when it starts, so a rebuild of dist/web during the run (by
// another test run or a watcher) would otherwise leave the pages pointing at assets it no longer has.
import { rmSync } from 'node:fs';
import type { Database } from '../../src/db/database.ts';
import { notify } from '../../src/server/notifications/notify.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { snapshotWebDir } from '../support/web-dir.ts';

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
