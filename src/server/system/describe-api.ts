// The API description as text, made by building the application on an empty in-memory database (route registration
// reads the region table, nothing else): what docs/openapi.json holds.
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { buildApp } from '../app.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

export async function describeApi(): Promise<string> {
  const db = await openDatabase({ url: null, dataDir: 'memory://' });
  await migrateToLatest(db, 'public');
  const config = loadConfig({ NODE_ENV: 'production', ZONELINK_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, db });
  await app.ready();
  const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await db.destroy();
  return text;
}
