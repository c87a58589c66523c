// A migrated and seeded in-memory PGlite costs seconds to build (tens of migrations, 250 municipalities, demo data);
// every test file builds several. The first one on a machine builds it once and keeps its data folder as a tarball in
// the system's temporary folder; the others load that tarball. The file's name is a hash of what the database is made
// of (src/ but the web, data/, the lock file) and of Seoul's date (seeds date demo data from today), so any change
// to a migration, a seed or the reference data builds a new one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Database } from '../../src/db/database.ts';
import { dumpEmbeddedDataDir, openDatabase } from '../../src/db/database.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const INPUTS = ['src', 'data', 'package-lock.json'];
const SKIP = new Set(['web', 'node_modules']);

function hashTree(hash: ReturnType<typeof createHash>, path: string): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!SKIP.has(name) && !name.endsWith('.test.ts')) hashTree(hash, join(path, name));
    return;
  }
  hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
}

let inputsHash: string | null = null;
function templateKey(kind: string): string {
  if (inputsHash === null) {
    const hash = createHash('sha256');
    for (const input of INPUTS) hashTree(hash, join(ROOT, input));
    hash.update(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date()));
    inputsHash = hash.digest('hex').slice(0, 16);
  }
  return `${kind}-${inputsHash}`;
}

/** A fresh in-memory PGlite holding what `build` makes, built once per machine (per `kind` and inputs). */
export async function openPgliteFromTemplate(kind: string, build: (db: Database) => Promise<void>): Promise<Database> {
  const file = join(tmpdir(), `zonelink-test-pglite-${templateKey(kind)}.tar`);
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
