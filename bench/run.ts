// `npm run bench [-- name ...] [--smoke]`: runs bench/<name>.ts (all of them without names).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const wanted = args.filter((a) => !a.startsWith('--'));
const all = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'run.ts').map((f) => f.slice(0, -3));
const names = wanted.length > 0 ? wanted : all;
let failed = 0;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`unknown benchmark ${name}; known: ${all.join(', ')}`);
    failed += 1;
    continue;
  }
  console.log(`\n== bench ${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, ...flags], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
