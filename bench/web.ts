// Web delivery: Chromium loads the production build (dist/web) served by the real server (`zonelink serve`, its
// embedded database and demo data) — the public pages and the signed-in project page — cold, under Slow 4G
// (1.6 Mbit/s, 150 ms, 4× CPU slowdown) and at 10 Mbit/s / 40 ms; baseline in the same run: each page as static
// HTML with the same visible text and fonts and no script (bench/lib/static-baseline.ts).
// `npm run bench -- web [--smoke] [--runs=3]` (needs `npm run build:web` and Chromium at CHROMIUM_PATH or /usr/bin/chromium).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { DEMO_PROJECT_ID } from '../src/db/seed/demo-demonstrations.ts';
import { loadPage, nothingLoading, PROFILES, type NetworkProfile, type PageLoad } from './lib/page-load.ts';
import { metric, writeResult, type Metric } from './lib/result.ts';
import { serveBaseline, snapshotPage } from './lib/static-baseline.ts';

const root = new URL('..', import.meta.url).pathname;
const webDir = join(root, 'dist/web');
const PORT = 3320;
const BASELINE_PORT = 3321;
const TARGET_LCP_MS: Record<string, number> = { slow4g: 2500, '10mbit': 1000 };
const TARGET_JS_BYTES = 150 * 1024;
const TARGET_HOME_BYTES = 500 * 1024;

interface BenchPage {
  name: string;
  path: string;
  signedIn?: boolean;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function startServer(dataDir: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['bin/zonelink.js', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ZONELINK_DATA_DIR: dataDir, ZONELINK_WEB_DIR: webDir, RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  const started = Date.now();
  for (;;) {
    if (Date.now() - started > 180_000) throw new Error('zonelink serve was not ready within 180 s');
    if (child.exitCode !== null) throw new Error(`zonelink serve exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { base, child };
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function runWebBench(options: { smoke: boolean; runs?: number }): Promise<{ metrics: Metric[]; extra: Record<string, unknown> }> {
  if (!existsSync(join(webDir, 'index.html'))) throw new Error('dist/web is missing: run `npm run build:web` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'zonelink-bench-web-'));
  const { base, child } = await startServer(join(dataDir, 'db'));
  let browser: Browser | undefined;
  let baselineServer: { close(): void } | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const zones = (await (await fetch(`${base}/api/zones`)).json()) as { items: { id: string }[] };
    const signIn = async (context: BrowserContext) => {
      const res = await context.request.post(`${base}/api/session`, { data: { email: 'company@demo.zonelink.kr', password: 'zonelink-demo' } });
      if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
    };
    const all: BenchPage[] = [
      { name: 'home', path: '/' },
      { name: 'regions', path: '/regions' },
      { name: 'region', path: '/regions/26' },
      { name: 'zones', path: '/zones' },
      { name: 'zone', path: `/zones/${zones.items[0]!.id}` },
      { name: 'search', path: `/search?q=${encodeURIComponent('수소')}` },
      { name: 'reform', path: '/reform' },
      { name: 'project', path: `/projects/${DEMO_PROJECT_ID}`, signedIn: true },
    ];
    const pages = options.smoke ? all.filter((p) => p.name === 'home' || p.name === 'project') : all;
    const profiles: readonly NetworkProfile[] = options.smoke ? PROFILES.filter((p) => p.name === '10mbit') : PROFILES;
    const runs = options.runs ?? (options.smoke ? 1 : 3);

    // The baseline pages: each page as it shows once loaded, as static HTML.
    const snapshots = new Map<string, string>();
    for (const page of pages) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      if (page.signedIn) await signIn(context);
      const tab = await context.newPage();
      await tab.goto(`${base}${page.path}`);
      await tab.locator('main h1').first().waitFor();
      await tab.waitForFunction(nothingLoading);
      await tab.waitForLoadState('networkidle');
      snapshots.set(page.name, await snapshotPage(tab));
      await context.close();
    }
    const baseline = await serveBaseline(snapshots, webDir, BASELINE_PORT);
    baselineServer = baseline.server;

    const rows: Record<string, unknown>[] = [];
    const metrics: Metric[] = [];
    let maxJs = 0;
    let home: { app: PageLoad; static: PageLoad } | undefined;
    for (const profile of profiles) {
      for (const page of pages) {
        const app: PageLoad[] = [];
        const still: PageLoad[] = [];
        for (let i = 0; i < runs; i += 1) {
          app.push(await loadPage(browser, `${base}${page.path}`, profile, { ready: 'main h1', ...(page.signedIn ? { prepare: signIn } : {}) }));
          still.push(await loadPage(browser, `${baseline.url}/${page.name}.html`, profile));
        }
        const lcp = median(app.map((l) => l.lcpMs));
        const staticLcp = median(still.map((l) => l.lcpMs));
        const js = median(app.map((l) => l.jsBytes));
        const transfer = median(app.map((l) => l.transferBytes));
        maxJs = Math.max(maxJs, js);
        if (page.name === 'home' && profile.name === profiles[0]!.name) home = { app: app[0]!, static: still[0]! };
        rows.push({ profile: profile.name, page: page.name, lcp_ms: lcp, static_lcp_ms: staticLcp, js_kb: Math.round(js / 1024), transfer_kb: Math.round(transfer / 1024), static_transfer_kb: Math.round(median(still.map((l) => l.transferBytes)) / 1024) });
        const target = TARGET_LCP_MS[profile.name]!;
        metrics.push(metric({ metric: `lcp_ms_${profile.name}_${page.name}`, value: lcp, baseline: 'static-html', baseline_value: staticLcp, target: `<= ${target}`, met: lcp <= target }));
      }
    }
    console.table(rows);
    metrics.push(metric({ metric: 'initial_js_kb_max', value: Math.round(maxJs / 1024), baseline: 'static-html', baseline_value: 0, target: `<= ${TARGET_JS_BYTES / 1024}`, met: maxJs <= TARGET_JS_BYTES }));
    if (home) {
      metrics.push(metric({ metric: 'home_transfer_kb', value: Math.round(home.app.transferBytes / 1024), baseline: 'static-html', baseline_value: Math.round(home.static.transferBytes / 1024), target: `<= ${TARGET_HOME_BYTES / 1024}`, met: home.app.transferBytes <= TARGET_HOME_BYTES }));
    }
    return { metrics, extra: { runs, pages: rows } };
  } finally {
    await browser?.close();
    baselineServer?.close();
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const smoke = process.argv.includes('--smoke');
  const runs = process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length);
  const { metrics, extra } = await runWebBench({ smoke, ...(runs ? { runs: Number(runs) } : {}) });
  if (smoke) console.table(metrics);
  else writeResult('web', metrics, extra);
}
