// A private copy of the built UI (dist/web) for a test server: the server lists static files when it starts, so a
// rebuild of dist/web during the run (by another test run or a watcher) would otherwise leave the pages pointing at
// assets it no longer has.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Copies dist/web, retrying while a build is half-written (index.html naming assets not there yet). */
export async function snapshotWebDir(): Promise<string> {
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
