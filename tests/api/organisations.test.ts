// The public list of organisations (kind and name only), which the exemption form picks holders from.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoId } from '../../src/db/seed/demo.ts';
import { problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

for (const engine of engines()) {
  describe(`organisations (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    test('companies by kind, with names and nothing about their users', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/organisations?kind=company' });
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json().items as { id: string; kind: string; name: { ko: string }; demo: boolean; ministryCode: string | null }[];
      assert.ok(items.some((o) => o.id === demoId('org:company') && o.demo));
      assert.ok(items.every((o) => o.kind === 'company'));
      assert.deepEqual(Object.keys(items[0]!).sort(), ['demo', 'id', 'kind', 'ministryCode', 'name']);
      assert.ok(items.every((o) => o.ministryCode === null), 'a company has no ministry code');
    });

    test('an unknown kind is refused with problem+json', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/organisations?kind=bank', headers: { 'accept-language': 'en' } });
      assert.equal(res.statusCode, 400);
      assert.equal(problemOf(res).code, 'validation');
    });
  });
}
