// The API description as text, made by building the application on an empty in-memory database (route registration
// reads the region table, nothing else): what docs/openapi.json holds.
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../config.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { buildApp } from '../app.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

/** `migrated`: a migrated database to build on (else an empty in-memory one is made and migrated); left open. */
export async function describeApi(migrated?: Database): Promise<string> {
  const db = migrated ?? await openDatabase({ url: null, dataDir: 'memory://' });
  if (!migrated) await migrateToLatest(db, 'public');
  const config = loadConfig({ NODE_ENV: 'production', ZONELINK_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, db });
  await app.ready();
  const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  if (!migrated) await db.destroy();
  return text;
}
