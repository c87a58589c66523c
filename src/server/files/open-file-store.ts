// The file store FILE_STORE names: this node's folder (`local`, default) or the shared database (`database`).
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { DatabaseFileStore } from './database-file-store.ts';
import type { FileStore } from './file-store.ts';
import { LocalFileStore } from './local-file-store.ts';

export function openFileStore(config: Pick<Config, 'fileStore' | 'filesDir'>, db: Database, area: string): FileStore {
  return config.fileStore === 'database' ? new DatabaseFileStore(db, area) : new LocalFileStore(config.filesDir, area);
}
