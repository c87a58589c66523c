// A real HTTP server for browser tests: fresh embedded database with demo data and the regulation catalogue,
// random port, built UI.
import { seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { buildApp } from '../../src/server/app.ts';
import { openTestDatabase } from './db.ts';
import { testConfig } from './app.ts';

export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const database = await openTestDatabase('pglite');
  await seedReferenceRegulations(database.db);
  const app = await buildApp({ config: testConfig(), db: database.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
