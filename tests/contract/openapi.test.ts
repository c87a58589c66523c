// docs/openapi.json is what the routes describe now (else: npm run openapi), and a document third parties can
// generate clients from: redocly's recommended rules find no error and no warning in it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { describeApi, OPENAPI_FILE } from '../../src/server/system/describe-api.ts';
import { openTestDatabase } from '../support/db.ts';

interface Operation { operationId?: string; security?: unknown[]; tags?: string[]; summary?: string }

describe('OpenAPI document', () => {
  test('docs/openapi.json is up to date with the routes (npm run openapi writes it)', async () => {
    // On the test databases' template (migrated once per machine) rather than migrating an empty one here.
    const database = await openTestDatabase('pglite', { demo: false });
    const [stored, current] = await Promise.all([readFile(OPENAPI_FILE, 'utf8'), describeApi(database.db)]).finally(() => database.close());
    assert.ok(stored === current, 'docs/openapi.json is stale: run npm run openapi and commit it');
    const doc = JSON.parse(current) as { paths: Record<string, Record<string, Operation>> };
    const signIn = doc.paths['/api/session']?.post;
    assert.deepEqual(signIn?.security, [], 'signing in needs no credentials');
    assert.deepEqual(doc.paths['/api/me/tokens']?.post?.security, [{ session: [] }], 'a token cannot make tokens');
    assert.deepEqual(doc.paths['/api/plans']?.post?.security, [{ session: [] }, { token: ['write'] }]);
  });

  test('redocly lint (recommended rules, redocly.yaml) reports no error and no warning', () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['node_modules/@redocly/cli/bin/cli.js', 'lint', '--format=json', OPENAPI_FILE], { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string }[] };
    const problems = report.problems.slice(0, 10).map((p) => `${p.ruleId}: ${p.message}`).join('\n');
    assert.deepEqual({ errors: report.totals.errors, warnings: report.totals.warnings }, { errors: 0, warnings: 0 }, problems);
    console.log(`redocly lint took ${Math.round(performance.now() - started)} ms`);
  });
});
