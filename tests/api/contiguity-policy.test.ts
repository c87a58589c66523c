// The contiguity policy of a connected zone (issue 3 item 3): a warning by default, a submission error
// (409 naming the guard) when REQUIRE_CONTIGUITY=true. Busan (21) and Gangwon (32) share no border or link.
// Jeonnam (36) and Jeju (39) are joined by a ferry only, which counts where ALLOW_FERRY_LINKS=true (issue 15, item 4).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { hashPassword } from '../../src/server/auth/secrets.ts';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { common, consultation, section } from '../support/plans.ts';

async function addUser(t: TestApp, region: string, name: string): Promise<void> {
  const org = randomUUID();
  await t.db.insertInto('organisation').values({ id: org, kind: 'local_government', name: JSON.stringify({ ko: `${name} (시험)` }), region_code: region, demo: true }).execute();
  await t.db.insertInto('app_user').values({
    id: randomUUID(), email: `${region}@test.zonelink.kr`, display_name: `${name} (시험)`, password_hash: await hashPassword(DEMO_PASSWORD),
    organisation_id: org, role: 'admin', locale: 'ko', demo: true,
  }).execute();
}
const addGangwonUser = (t: TestApp) => addUser(t, '32', '강원특별자치도');

/** A Busan–Gangwon connected plan signed by both, ready to submit; returns the submit response. */
async function submitSplitPlan(t: TestApp, lead = { region: '21', email: 'busan@demo.zonelink.kr', site: '21120' }, partner = { region: '32', email: '32@test.zonelink.kr', site: '32010' }) {
  const busan = asSession(await t.login(lead.email));
  const gangwon = asSession(await t.login(partner.email));
  const call = async (headers: Record<string, string>, method: string, url: string, payload?: unknown, etag?: string) => {
    const res = await t.app.inject({ method: method as 'POST', url, headers: { ...headers, ...(etag ? { 'if-match': etag } : {}) }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return res;
  };
  const ok = async (...args: Parameters<typeof call>) => {
    const res = await call(...args);
    assert.ok(res.statusCode < 300, `${args[1]} ${args[2]}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { id: res.json().id as string, etag: String(res.headers.etag), hash: res.json().contentHash as string, body: res.json() };
  };
  let p = await ok(busan, 'POST', '/api/plans', { model: 'connected', leadRegion: lead.region, title: common().title });
  p = await ok(busan, 'PUT', `/api/plans/${p.id}`, common(), p.etag);
  p = await ok(busan, 'POST', `/api/plans/${p.id}/partners`, { regionCode: partner.region });
  p = await ok(busan, 'PUT', `/api/plans/${p.id}/sections/${lead.region}`, section(lead.site, 'lead'), p.etag);
  p = await ok(gangwon, 'PUT', `/api/plans/${p.id}/sections/${partner.region}`, section(partner.site, 'partner'), p.etag);
  p = await ok(busan, 'PUT', `/api/plans/${p.id}/consultation`, consultation, p.etag);
  p = await ok(busan, 'POST', `/api/plans/${p.id}/request-signoff`);
  p = await ok(busan, 'POST', `/api/plans/${p.id}/signoff`, { contentHash: p.hash });
  p = await ok(gangwon, 'POST', `/api/plans/${p.id}/signoff`, { contentHash: p.hash });
  const contiguity = p.body.readiness.violations.filter((v: { code: string }) => v.code === 'regions-not-contiguous');
  return { id: p.id, contiguity, readiness: p.body.readiness, submit: await call(busan, 'POST', `/api/plans/${p.id}/submit`) };
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

    describe('ferries: Jeonnam and Jeju are one group only where ALLOW_FERRY_LINKS allows it', () => {
      const JEONNAM = { region: '36', email: '36@test.zonelink.kr', site: '36010' };
      const JEJU = { region: '39', email: '39@test.zonelink.kr', site: '39010' };
      for (const [allow, label] of [[false, 'default: no ferries'], [true, 'ALLOW_FERRY_LINKS=true']] as const) {
        describe(label, () => {
          let t: TestApp;
          before(async () => {
            t = await startTestApp(engine, { REQUIRE_CONTIGUITY: 'true', ...(allow ? { ALLOW_FERRY_LINKS: 'true' } : {}) });
            await addUser(t, '36', '전라남도');
            await addUser(t, '39', '제주특별자치도');
          });
          after(async () => t.close());

          test(allow ? 'the ferry joins them: no contiguity error, the plan check names the ferry, the plan is submitted' : 'the ferry does not count: two groups, 409 on submission', async () => {
            const { contiguity, readiness, submit } = await submitSplitPlan(t, JEONNAM, JEJU);
            if (allow) {
              assert.deepEqual(contiguity, []);
              assert.equal(readiness.contiguity.contiguous, true);
              assert.equal(readiness.contiguity.ferriesCount, true);
              assert.deepEqual(readiness.contiguity.joins.map((j: { a: string; b: string; kind: string }) => [j.a, j.b, j.kind]), [['36', '39', 'ferry']]);
              assert.match(readiness.contiguity.joins[0].note, /ferr/i);
              assert.equal(submit.statusCode, 200, submit.body);
            } else {
              assert.equal(contiguity[0].severity, 'error');
              assert.equal(readiness.contiguity.contiguous, false);
              assert.deepEqual(readiness.contiguity.components, [['36'], ['39']]);
              assert.deepEqual(readiness.contiguity.joins, []);
              assert.equal(submit.statusCode, 409);
            }
          });
        });
      }
    });
  });
}
