// The name of a test database template (pglite-template.ts, pg-template.ts).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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

/**
 * What names a test database template: Seoul's date as YYYYMMDD (seeds date demo data from today) and a hash of what
 * the database is made of — src/ but the web and tests, data/, the lock file — so a change to a migration, a seed or
 * the reference data builds a new one.
 */
export function templateKey(): { date: string; hash: string } {
  if (inputsHash === null) {
    const hash = createHash('sha256');
    for (const input of INPUTS) hashTree(hash, join(ROOT, input));
    inputsHash = hash.digest('hex').slice(0, 12);
  }
  return { date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date()).replaceAll('-', ''), hash: inputsHash };
}

