// The contiguity policy of a connected zone (issue 3 item 3): a warning by default, a submission error
// (409 naming the guard) when REQUIRE_CONTIGUITY=true. Busan (21) and Gangwon (32) share no border or link.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { hashPassword } from '../../src/server/auth/secrets.ts';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { common, consultation, section } from '../support/plans.ts';

async function addGangwonUser(t: TestApp): Promise<void> {
  const org = randomUUID();
  await t.db.insertInto('organisation').values({ id: org, kind: 'local_government', name: JSON.stringify({ ko: '강원특별자치도 (시험)' }), region_code: '32', demo: true }).execute();
  await t.db.insertInto('app_user').values({
    id: randomUUID(), email: 'gangwon@test.zonelink.kr', display_name: '강원 (시험)', password_hash: await hashPassword(DEMO_PASSWORD),
    organisation_id: org, role: 'admin', locale: 'ko', demo: true,
  }).execute();
}

/** A Busan–Gangwon connected plan signed by both, ready to submit; returns the submit response. */
async function submitSplitPlan(t: TestApp) {
  const busan = asSession(await t.login('busan@demo.zonelink.kr'));
  const gangwon = asSession(await t.login('gangwon@test.zonelink.kr'));
  const call = async (headers: Record<string, string>, method: string, url: string, payload?: unknown, etag?: string) => {
    const res = await t.app.inject({ method: method as 'POST', url, headers: { ...headers, ...(etag ? { 'if-match': etag } : {}) }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return res;
  };
  const ok = async (...args: Parameters<typeof call>) => {
    const res = await call(...args);
    assert.ok(res.statusCode < 300, `${args[1]} ${args[2]}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { id: res.json().id as string, etag: String(res.headers.etag), hash: res.json().contentHash as string, body: res.json() };
  };
  let p = await ok(busan, 'POST', '/api/plans', { model: 'connected', leadRegion: '21', title: common().title });
  p = await ok(busan, 'PUT', `/api/plans/${p.id}`, common(), p.etag);
  p = await ok(busan, 'POST', `/api/plans/${p.id}/partners`, { regionCode: '32' });
  p = await ok(busan, 'PUT', `/api/plans/${p.id}/sections/21`, section('21120', 'busan'), p.etag);
  p = await ok(gangwon, 'PUT', `/api/plans/${p.id}/sections/32`, section('32010', 'gangwon'), p.etag);
  p = await ok(busan, 'PUT', `/api/plans/${p.id}/consultation`, consultation, p.etag);
  p = await ok(busan, 'POST', `/api/plans/${p.id}/request-signoff`);
  p = await ok(busan, 'POST', `/api/plans/${p.id}/signoff`, { contentHash: p.hash });
  p = await ok(gangwon, 'POST', `/api/plans/${p.id}/signoff`, { contentHash: p.hash });
  const contiguity = p.body.readiness.violations.filter((v: { code: string }) => v.code === 'regions-not-contiguous');
  return { id: p.id, contiguity, submit: await call(busan, 'POST', `/api/plans/${p.id}/submit`) };
}

for (const engine of engines()) {
  describe(`contiguity policy (${engine})`, () => {
    describe('default: a warning', () => {
      let t: TestApp;
      before(async () => {
        t = await startTestApp(engine);
        await addGangwonUser(t);
      });
      after(async () => t.close());

      test('a split connected plan is shown a warning and may be submitted', async () => {
        const { contiguity, submit } = await submitSplitPlan(t);
        assert.equal(contiguity.length, 1);
        assert.equal(contiguity[0].severity, 'warning');
        assert.equal(submit.statusCode, 200, submit.body);
        assert.equal(submit.json().state, 'submitted');
      });
    });

    describe('REQUIRE_CONTIGUITY=true: a submission error', () => {
      let t: TestApp;
      before(async () => {
        t = await startTestApp(engine, { REQUIRE_CONTIGUITY: 'true' });
        await addGangwonUser(t);
      });
      after(async () => t.close());

      test('the same plan is refused with 409 naming the contiguity guard; nothing changes', async () => {
        const { id, contiguity, submit } = await submitSplitPlan(t);
        assert.equal(contiguity[0].severity, 'error');
        assert.equal(submit.statusCode, 409);
        const problem = problemOf(submit);
        assert.match(JSON.stringify(problem), /regions-contiguous-if-required/);
        const busan = asSession(await t.login('busan@demo.zonelink.kr'));
        assert.equal((await t.app.inject({ url: `/api/plans/${id}`, headers: busan })).json().state, 'signing_off');
      });
    });
  });
}
