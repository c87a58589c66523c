// Text is valid text (issue 11, finding 3): a lone UTF-16 surrogate or a NUL in any JSON string (value or key), query
// string or path parameter is a 400 naming the field — JSON pointer in `errors[].path`, a sentence in the reader's
// language — checked once for every route, never a 500 from the database, and nothing is written.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const LOCALES = ['ko', 'en', 'ja', 'zh', 'fr'] as const;
/** JSON texts (escapes written out, as a client would send them) and what they hold. */
const BAD = [
  { json: '"x\\ud800"', what: 'lone high surrogate' },
  { json: '"\\udc00y"', what: 'lone low surrogate' },
  { json: '"a\\u0000b"', what: 'NUL' },
] as const;

for (const engine of engines()) {
  describe(`text that cannot be stored is refused (${engine})`, () => {
    let t: TestApp;
    let busan: Session;
    before(async () => {
      t = await startTestApp(engine);
      busan = await t.login('busan@demo.zonelink.kr');
    });
    after(async () => t.close());

    /** Sends `template` with `@@` replaced by a bad JSON string; expects 400 naming `pointer`, in every language, nothing written. */
    async function refused(method: 'POST' | 'PUT' | 'PATCH', url: string, template: string, pointer: string) {
      for (const bad of BAD) {
        const before = await snapshot(t.db);
        for (const locale of LOCALES) {
          const res = await t.app.inject({ method, url, headers: { ...asSession(busan), 'content-type': 'application/json', 'accept-language': locale }, payload: template.replace('@@', bad.json) });
          assert.equal(res.statusCode, 400, `${method} ${url} ${bad.what} ${locale}: ${res.body.slice(0, 300)}`);
          const problem = problemOf(res);
          assert.equal(problem.code, 'validation');
          assert.deepEqual(problem.errors?.map((e) => e.path), [pointer], `${bad.what}: ${res.body}`);
          assert.ok(problem.errors![0]!.message.length > 0);
          assert.ok(problem.detail.includes(pointer));
        }
        assert.deepEqual(await snapshot(t.db), before, `${method} ${url} ${bad.what} wrote something`);
      }
    }

    test('PATCH /api/me', async () => {
      await refused('PATCH', '/api/me', '{"displayName":@@}', '/body/displayName');
    });

    test('POST /api/plans', async () => {
      await refused('POST', '/api/plans', '{"model":"connected","leadRegion":"21","title":{"ko":"계획","en":@@}}', '/body/title/en');
    });

    test('PUT /api/regions/21/profile', async () => {
      await refused('PUT', '/api/regions/21/profile', '{"teamName":{"ko":"팀"},"contactEmail":"a@b.kr","phone":null,"introduction":{"ko":@@}}', '/body/introduction/ko');
    });

    test('POST /api/me/tokens', async () => {
      await refused('POST', '/api/me/tokens', '{"name":@@,"scopes":["read"]}', '/body/name');
    });

    test('an object key is checked too (pointer with the key made readable)', async () => {
      const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...asSession(busan), 'content-type': 'application/json' }, payload: '{"displayName":"ok","\\ud800":1}' });
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(problemOf(res).errors?.map((e) => e.path), ['/body/\uFFFD']);
    });

    test('query strings and path parameters that reach the database', async () => {
      for (const url of ['/api/search?q=%00drone', '/api/regulations?q=a%00b', '/api/projects?zone=%00']) {
        const res = await t.app.inject({ url, headers: { cookie: busan.cookie, 'accept-language': 'en' } });
        assert.equal(res.statusCode, 400, `${url}: ${res.body.slice(0, 300)}`);
        assert.equal(problemOf(res).code, 'validation');
      }
    });

    test('NDJSON and CSV demonstration uploads: a NUL or lone surrogate becomes a row problem, never a 500', async () => {
      const company = await t.login('company@demo.zonelink.kr');
      const zone = (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id;
      const project = await t.app.inject({
        method: 'POST', url: '/api/projects', headers: asSession(company),
        payload: {
          zoneId: zone, title: { ko: '텍스트 실증' }, summary: { ko: '요약' }, partnerCompanies: [], exemptionIds: [], sites: [], products: [{ ko: '제품' }],
          periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [], kpis: [], safetyPlan: { ko: '안전계획' }, insuranceRequired: false, insurance: null, rules: [],
        },
      });
      assert.equal(project.statusCode, 201, project.body);
      const id = project.json().id as string;
      const ts = '2026-11-20T10:00:00+09:00';
      const uploads = [
        { type: 'application/x-ndjson', body: `{"ts":"${ts}","speed":1}\n{"ts":"${ts}","\\ud800":1}\n{"ts":"x\\u0000\\udc00","speed":2}\n` },
        { type: 'text/csv', body: `ts,speed\n${ts},1\n${ts},a\u0000b\n` },
        { type: 'text/csv', body: `ts,sp\u0000eed\n${ts},1\n` },
      ];
      for (const upload of uploads) {
        for (const mode of ['', '?mode=skip-invalid']) {
          const res = await t.app.inject({ method: 'PUT', url: `/api/projects/${id}/uploads/${randomUUID()}${mode}`, headers: { ...asSession(company), 'content-type': upload.type }, payload: upload.body });
          assert.ok(res.statusCode === 400 || res.statusCode === 201, `${upload.type}${mode}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          if (res.statusCode === 201) assert.ok(res.json().rowsRejected > 0);
        }
      }
    });
  });
}
