import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

const dir = mkdtempSync(join(tmpdir(), 'zonelink-cli-'));
const env = { ...process.env, ZONELINK_DATA_DIR: join(dir, 'db'), DATABASE_URL: '', LOG_LEVEL: 'silent' };
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/zonelink.js', ...args], { env, encoding: 'utf8' });

describe('zonelink CLI', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('--help lists the commands', () => {
    const res = run('--help');
    assert.equal(res.status, 0);
    for (const command of ['serve', 'migrate', 'seed', 'audit verify']) assert.match(res.stdout, new RegExp(command));
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
