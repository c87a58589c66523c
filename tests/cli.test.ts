import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { asSession, startTestApp } from './support/app.ts';

const dir = mkdtempSync(join(tmpdir(), 'zonelink-cli-'));
const env = { ...process.env, ZONELINK_DATA_DIR: join(dir, 'db'), DATABASE_URL: '', LOG_LEVEL: 'silent' };
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/zonelink.js', ...args], { env, encoding: 'utf8' });

describe('zonelink CLI', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('--help lists the commands', () => {
    const res = run('--help');
    assert.equal(res.status, 0);
    for (const command of ['serve', 'migrate', 'seed', 'regulations import', 'audit verify']) assert.match(res.stdout, new RegExp(command));
  });

  test('migrate, seed and audit verify on an embedded database', () => {
    assert.equal(run('migrate').status, 0);
    const seed = run('seed');
    assert.equal(seed.status, 0, seed.stderr);
    assert.match(seed.stdout, /267 regions/);
    assert.match(seed.stdout, /demo data: created/);
    assert.match(run('seed').stdout, /demo data: already there/);
    const verify = run('audit', 'verify');
    assert.equal(verify.status, 0, verify.stderr);
    assert.match(verify.stdout, /audit log intact: 1 entries checked/);
  });

  test('plan gives the same optimal consortium as the API', async () => {
    const needs = {
      needs: { capabilities: [{ key: 'hydrogen_refuelling_station', min: 8 }, { key: 'port', min: 4 }], stages: ['logistics'], exemptions: ['ammonia_bunkering'] },
      include: ['21'], contiguous: true, maxRegions: 4, alternatives: 1,
    };
    const file = join(dir, 'needs.json');
    writeFileSync(file, JSON.stringify(needs));
    const cli = run('plan', '--needs', file, '--json');
    assert.equal(cli.status, 0, cli.stderr);
    const fromCli = JSON.parse(cli.stdout);
    const t = await startTestApp('pglite');
    try {
      const s = await t.login('busan@demo.zonelink.kr');
      const api = (await t.app.inject({ method: 'POST', url: '/api/planner/solve', headers: asSession(s), payload: needs })).json();
      assert.equal(fromCli.status, 'optimal');
      assert.deepEqual(fromCli.best.regions, api.best.regions);
      assert.equal(fromCli.best.objective, api.best.objective);
    } finally {
      await t.close();
    }
    const human = run('plan', '--needs', file, '--lang', 'ko');
    assert.match(human.stdout, /best: objective/);
    assert.match(human.stdout, /부산광역시/);
  });

  test('plan names the unmet need and exits 1', () => {
    const file = join(dir, 'impossible.json');
    writeFileSync(file, JSON.stringify({ needs: { capabilities: [{ key: 'port', min: 1e8 }], stages: [], exemptions: [] } }));
    const res = run('plan', '--needs', file);
    assert.equal(res.status, 1);
    assert.match(res.stderr, /\/body\/needs\/capabilities\/0: Ports: 100000000 needed/);
  });

  test('regulations import: the example CSV and a JSON list go in once; a bad file is refused by row and column, nothing stored', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'instrument,law_ko,article,ministry,ministry_name_ko,title_ko,body_ko,effective_from\nstatute,법 (CLI),1,MSS,부,제목,본문,2024-01-01\n');
    const refused = run('regulations', 'import', bad);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /refused, nothing stored/);
    assert.match(refused.stderr, /row\/2\/instrument: Not an allowed value/);
    const csv = run('regulations', 'import', 'docs/examples/regulations.csv');
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(csv.stdout, /imported: 2 provision\(s\)/);
    const again = run('regulations', 'import', 'docs/examples/regulations.csv');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /row\/2\/\*: Duplicate row\.\n {2}row\/3\/\*: Duplicate row\./);
    const json = join(dir, 'regulations.json');
    writeFileSync(json, JSON.stringify({ items: [{
      instrument: 'rule', law: { ko: '법 (CLI)' }, article: '1', paragraph: null, ministry: 'MSS', ministryName: { ko: '부' }, title: { ko: '제목' }, body: { ko: '본문' }, effectiveFrom: '2024-01-01', amendments: [],
    }] }));
    const fromJson = run('regulations', 'import', json);
    assert.equal(fromJson.status, 0, fromJson.stderr);
    assert.match(fromJson.stdout, /imported: 1 provision/);
    assert.equal(run('regulations', 'import', join(dir, 'needs.txt')).status, 2);
  });

  test('regulations import reads a file within the same limits as the route: JSON depth, CSV columns, the body limit', () => {
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `{"items":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const nested = run('regulations', 'import', deep);
    assert.equal(nested.status, 1, nested.stderr);
    assert.match(nested.stderr, /refused, nothing stored: The input exceeds a limit — JSON may nest at most 64 levels deep\./);
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, `${'instrument,'.repeat(300)}law_ko\n`);
    assert.match(run('regulations', 'import', wide).stderr, /At most 256 columns are read\./);
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'x'.repeat(1_048_577));
    assert.match(run('regulations', 'import', big).stderr, /The body may not exceed 1048576 bytes\./);
  });

  test('an unknown command exits 2 with the help', () => {
    const res = run('frobnicate');
    assert.equal(res.status, 2);
    assert.match(res.stderr, /unknown command/);
  });

  test('bad configuration stops with a readable list', () => {
    const res = spawnSync(process.execPath, ['bin/zonelink.js', 'migrate'], { env: { ...env, PORT: 'abc', DATABASE_URL: 'mysql://x' }, encoding: 'utf8' });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /PORT must be/);
    assert.match(res.stderr, /DATABASE_URL must start/);
  });
});
