// Idempotency-Key on creation POSTs (plans, exemptions, demonstration projects, rapid confirmations) (issue 11; docs/decisions/0048-idempotency-keys.md): ten identical requests sent
// at once with one key create one object with one audit entry and all answer the same; the same key with another body
// is a 422 `idempotency-key-reused` in the reader's language, writing nothing; keys are the signed-in user's own;
// without a key every request creates. On PGlite and on PostgreSQL (TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';
import { addDays } from '../../src/domain/calendar/civil-date.ts';
import { todayInSeoul } from '../../src/server/plans/evaluate.ts';
import { sweepIdempotencyKeys } from '../../src/server/write/idempotency.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { planFixtures } from '../support/plans.ts';
import { insertZone } from '../support/zones.ts';

const PARALLEL = 10;

for (const engine of engines()) {
  describe(`idempotency keys (${engine})`, () => {
    let t: TestApp;
    let f: ReturnType<typeof planFixtures>;
    before(async () => {
      t = await startTestApp(engine);
      f = planFixtures(t);
      await seedReferenceRegulations(t.db);
    });
    after(async () => t.close());

    type Who = 'busan' | 'ministry' | 'company';
    async function send(who: Who, url: string, payload: object, key?: string, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
      return t.app.inject({ method: 'POST', url, headers: { ...(await f.as(who)), ...(key ? { 'idempotency-key': key } : {}), ...extra }, payload });
    }
    const audits = async (action: string): Promise<number> => (await t.db.selectFrom('audit_log').select('seq').where('action', '=', action).execute()).length;

    const exemption = (title: string) => ({
      kind: 'rapid_confirmation', title: { ko: title }, zoneId: zoneAt(25), holders: [demoId('org:company')], regulationIds: [regulationId({ key: 'drone_bvlos' })],
      conditions: { text: { ko: '허가 불필요' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: null },
      stages: ['logistics'], grantedOn: '2026-01-05', validFrom: null, validUntil: null, insuranceProofSubmitted: false,
    });
    let rapidZone: string;
    const project = async (n: string) => ({
      zoneId: (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id,
      title: { ko: `멱등 실증 ${n}` }, summary: { ko: '부산항 수소 트럭 운행' }, partnerCompanies: [], exemptionIds: [], sites: ['21010'],
      products: [{ ko: '수소 트럭' }], periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [], kpis: [],
      safetyPlan: { ko: '운행 전 점검' }, insuranceRequired: false, insurance: null, rules: [],
    });
    const creations: { name: string; who: Who; url: string; action: string; body: (n: string) => object | Promise<object> }[] = [
      { name: 'a plan', who: 'busan', url: '/api/plans', action: 'plan:create', body: (n) => ({ model: 'single', leadRegion: '21', title: { ko: `멱등 계획 ${n}` } }) },
      { name: 'an exemption', who: 'ministry', url: '/api/exemptions', action: 'exemption:create', body: (n) => exemption(`멱등 예외 ${n}`) },
      { name: 'a demonstration project', who: 'company', url: '/api/projects', action: 'project:create', body: project },
      {
        name: 'a rapid confirmation', who: 'company', url: '/api/rapid-confirmations', action: 'rapid-confirmation:file',
        body: async (n) => {
          rapidZone ??= await insertZone(t.db, { regions: ['21'], periodStart: addDays(todayInSeoul(), -100), periodEnd: addDays(todayInSeoul(), 1000) });
          return { zoneId: rapidZone, activity: { ko: `멱등 신속확인 ${n}` }, regulationIds: [regulationId({ key: 'drone_bvlos' })], ministryId: null };
        },
      },
    ];

    for (const c of creations) {
      test(`${c.name} sent ${PARALLEL} times at once with one key is created once, audited once, and every answer is the first`, async () => {
        const key = randomUUID();
        const body = await c.body(key);
        const auditsBefore = await audits(c.action);
        const responses = await Promise.all(Array.from({ length: PARALLEL }, () => send(c.who, c.url, body, key)));
        for (const r of responses) assert.equal(r.statusCode, 201, r.body);
        const ids = new Set(responses.map((r) => r.json().id as string));
        assert.equal(ids.size, 1, 'one object');
        assert.equal(await audits(c.action), auditsBefore + 1, 'one audit entry');
        assert.ok(responses.filter((r) => r.headers['idempotent-replayed'] === 'true').length === PARALLEL - 1, 'the others are replays');
        // Later, sequentially: the stored first answer, byte for byte.
        const first = responses.find((r) => r.headers['idempotent-replayed'] === undefined)!;
        const again = await send(c.who, c.url, body, key);
        assert.equal(again.statusCode, 201, again.body);
        assert.deepEqual(again.json(), first.json());
        assert.equal(await audits(c.action), auditsBefore + 1);
      });

      test(`${c.name}: the same key with another body is a 422 in the reader's language and writes nothing`, async () => {
        const key = randomUUID();
        assert.equal((await send(c.who, c.url, await c.body(key), key)).statusCode, 201);
        const auditsBefore = await audits(c.action);
        const expected: Record<string, string> = { ko: '멱등성 키', en: 'idempotency key', ja: '冪等キー', zh: '幂等键', fr: 'clé d’idempotence' };
        for (const [lang, words] of Object.entries(expected)) {
          const res = await send(c.who, c.url, await c.body(`${key} other`), key, { 'accept-language': lang });
          assert.equal(res.statusCode, 422, res.body);
          assert.match(String(res.headers['content-type']), /application\/problem\+json/);
          const problem = res.json();
          assert.match(problem.type, /idempotency-key-reused$/);
          assert.ok(problem.title.includes(words), `${lang}: ${problem.title}`);
        }
        assert.equal(await audits(c.action), auditsBefore, 'nothing written');
      });
    }

    test('without a key every request creates; a key is the user\'s own (another user\'s same key creates anew)', async () => {
      const body = { model: 'single', leadRegion: '21', title: { ko: '키 없는 계획' } };
      const a = await send('busan', '/api/plans', body);
      const b = await send('busan', '/api/plans', body);
      assert.notEqual(a.json().id, b.json().id);
      const key = randomUUID();
      const mine = await send('company', '/api/rapid-confirmations', await creations[3]!.body(key), key);
      assert.equal(mine.statusCode, 201, mine.body);
      const exemptionByKey = await send('ministry', '/api/exemptions', exemption('다른 사용자의 같은 키'), key);
      assert.equal(exemptionByKey.statusCode, 201, 'the same key of another user is another key');
    });

    test('a malformed key is a 400; a failed first request leaves the key free; keys expire after 24 hours', async () => {
      const bad = await send('busan', '/api/plans', { model: 'single', leadRegion: '21', title: { ko: '잘못된 키' } }, 'a b');
      assert.equal(bad.statusCode, 400, bad.body);
      const key = randomUUID();
      const refused = await send('busan', '/api/plans', { model: 'single', leadRegion: '26', title: { ko: '남의 지역' } }, key);
      assert.equal(refused.statusCode, 403, refused.body);
      const ok = await send('busan', '/api/plans', { model: 'single', leadRegion: '21', title: { ko: '다시 보낸 계획' } }, key);
      assert.equal(ok.statusCode, 201, 'the refused request kept no key');
      await t.db.updateTable('idempotency_key').set({ expires_at: new Date(Date.now() - 1000) }).where('key', '=', key).execute();
      const expiredReuse = await send('busan', '/api/plans', { model: 'single', leadRegion: '21', title: { ko: '만료 뒤 계획' } }, key);
      assert.equal(expiredReuse.statusCode, 201, 'an expired key is free again');
      assert.notEqual(expiredReuse.json().id, ok.json().id);
      await t.db.updateTable('idempotency_key').set({ expires_at: new Date(Date.now() - 1000) }).where('key', '=', key).execute();
      assert.ok(await sweepIdempotencyKeys(t.db) >= 1);
      assert.equal((await t.db.selectFrom('idempotency_key').select('key').where('key', '=', key).execute()).length, 0);
    });
  });
}
