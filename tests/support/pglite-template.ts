// A migrated and seeded in-memory PGlite costs seconds to build (tens of migrations, 250 municipalities, demo data);
// every test file builds several. The first one on a machine builds it once and keeps its data folder as a tarball in
// the system's temporary folder; the others load that tarball. The file is named by templateKey.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../src/db/database.ts';
import { dumpEmbeddedDataDir, openDatabase } from '../../src/db/database.ts';
import { templateKey } from './template-key.ts';

/** A fresh in-memory PGlite holding what `build` makes, built once per machine (per `kind` and inputs). */
export async function openPgliteFromTemplate(kind: string, build: (db: Database) => Promise<void>): Promise<Database> {
  const { date, hash } = templateKey();
  const file = join(tmpdir(), `zonelink-test-pglite-${kind}-${date}-${hash}.tar`);
  const cached = await readFile(file).catch(() => null);
  if (cached) return openDatabase({ url: null, dataDir: 'memory://', loadDataDir: new Blob([cached]) });
  const db = await openDatabase({ url: null, dataDir: 'memory://' });
  await build(db);
  const tarball = await dumpEmbeddedDataDir(db);
  // Written aside and renamed: a file of that name is always whole, whichever test process wrote it first.
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, Buffer.from(await tarball!.arrayBuffer()));
  await rename(partial, file);
  return db;
}
