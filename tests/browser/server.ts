// A real HTTP server for the browser tests that also hands out its database, so a test can put
// notifications in a user's inbox the way the server does (notify()).
import { buildApp } from '../../src/server/app.ts';
import { notify } from '../../src/server/notifications/notify.ts';
import { openTestDatabase } from '../support/db.ts';
import { testConfig } from '../support/app.ts';

export interface BrowserTestServer {
  url: string;
  /** Sends a plain message notification to the user with this e-mail address; returns nothing. */
  message(email: string, subject: string, text: string, link?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserTestServer(): Promise<BrowserTestServer> {
  const database = await openTestDatabase('pglite');
  const app = await buildApp({ config: testConfig(), db: database.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const db = database.db;
  return {
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
      await app.close();
      await database.close();
    },
  };
}
