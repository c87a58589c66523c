// Start-to-serving time of `zonelink serve` (first start: migrate + seed; restart: reopen),
// against a bare Node HTTP server started the same way, in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metric, writeResult } from './lib/result.ts';

const root = new URL('..', import.meta.url).pathname;

async function timeToReady(args: string[], env: Record<string, string>, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  try {
    for (;;) {
      if (performance.now() - started > 180_000) throw new Error('did not start within 180 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runsArg = process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length);
const runs = runsArg ? Number(runsArg) : process.argv.includes('--smoke') ? 1 : 5;
const bare = `require('http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT)`;
const firstStarts: number[] = [];
const restarts: number[] = [];
const baselines: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const dir = mkdtempSync(join(tmpdir(), 'zonelink-bench-'));
  const env = { ZONELINK_DATA_DIR: join(dir, 'db') };
  firstStarts.push(await timeToReady(['bin/zonelink.js', 'serve'], env, 3310));
  restarts.push(await timeToReady(['bin/zonelink.js', 'serve'], env, 3310));
  baselines.push(await timeToReady(['-e', bare], {}, 3311));
  rmSync(dir, { recursive: true, force: true });
}
const baseline = Math.round(median(baselines));
writeResult('startup', [
  metric({ metric: 'first_start_ms', value: Math.round(median(firstStarts)), baseline: 'bare-node-http', baseline_value: baseline, target: '<= 5000', met: median(firstStarts) <= 5000 }),
  metric({ metric: 'restart_ms', value: Math.round(median(restarts)), baseline: 'bare-node-http', baseline_value: baseline, target: '<= 2000', met: median(restarts) <= 2000 }),
]);
