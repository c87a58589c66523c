// Issue 11 finding 5 and "one write path": twenty identical writes sent at once have exactly one effect, one audit
// entry and one history step; every repeat gets the same answer (idempotent actions) or a 409 (decision record 0035).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { decision, planFixtures } from '../support/plans.ts';

const PARALLEL = 20;

for (const engine of engines()) {
  describe(`repeated writes (${engine})`, () => {
    let t: TestApp;
    let f: ReturnType<typeof planFixtures>;
    before(async () => {
      t = await startTestApp(engine);
      f = planFixtures(t);
    });
    after(async () => t.close());

    async function burst(who: 'busan' | 'ulsan' | 'ministry', method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse[]> {
      const headers = await f.as(who);
      return Promise.all(Array.from({ length: PARALLEL }, () => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })));
    }
    const statuses = (responses: readonly LightMyRequestResponse[]) => responses.map((r) => r.statusCode).sort();
    async function audits(objectId: string, action: string): Promise<number> {
      const rows = await t.db.selectFrom('audit_log').select('seq').where('object_id', '=', objectId).where('action', '=', action).execute();
      return rows.length;
    }
    async function steps(planId: string, kind: string): Promise<number> {
      return (await t.db.selectFrom('zone_plan_step').select('seq').where('plan_id', '=', planId).where('kind', '=', kind).execute()).length;
    }

    test('a sign-off sent 20 times at once is recorded once; every repeat answers 200 with the same sign-off', async () => {
      const plan = await f.plan('signing_off');
      const responses = await burst('busan', 'POST', `/api/plans/${plan.id}/signoff`, { contentHash: plan.hash });
      assert.deepEqual(statuses(responses), Array(PARALLEL).fill(200), responses.find((r) => r.statusCode !== 200)?.body);
      const signOffs = responses.map((r) => JSON.stringify(r.json().signOffs));
      assert.equal(new Set(signOffs).size, 1, 'every repeat sees the same sign-offs');
      assert.equal(await audits(plan.id, 'plan:sign-off'), 1);
      assert.equal(await steps(plan.id, 'sign_off'), 1);
      assert.equal((await t.db.selectFrom('zone_plan_signoff').select('signed_on').where('plan_id', '=', plan.id).execute()).length, 1);
      // A later repeat, sequential, still records nothing.
      const again = await t.app.inject({ method: 'POST', url: `/api/plans/${plan.id}/signoff`, headers: await f.as('busan'), payload: { contentHash: plan.hash } });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(await audits(plan.id, 'plan:sign-off'), 1);
    });

    test('a submission sent 20 times at once is recorded once; every repeat is a 409', async () => {
      const plan = await f.plan('signed');
      const responses = await burst('busan', 'POST', `/api/plans/${plan.id}/submit`);
      assert.deepEqual(statuses(responses), [200, ...Array(PARALLEL - 1).fill(409)], responses.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`).join('\n'));
      assert.equal(await audits(plan.id, 'plan:submit'), 1);
      assert.equal(await steps(plan.id, 'submit'), 1);
    });

    test('a committee designation sent 20 times at once designates one zone; every repeat is a 409', async () => {
      const plan = await f.plan('deliberation');
      const zonesBefore = (await t.db.selectFrom('zone').select('id').execute()).length;
      const responses = await burst('ministry', 'POST', `/api/plans/${plan.id}/decision`, decision());
      assert.deepEqual(statuses(responses), [200, ...Array(PARALLEL - 1).fill(409)], responses.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`).join('\n'));
      assert.equal(await audits(plan.id, 'plan:designate'), 1);
      assert.equal(await steps(plan.id, 'designate'), 1);
      const { zone_id: zoneId } = await t.db.selectFrom('zone_plan').select('zone_id').where('id', '=', plan.id).executeTakeFirstOrThrow();
      assert.ok(zoneId);
      assert.equal(await audits(zoneId, 'zone:designate'), 1);
      assert.equal((await t.db.selectFrom('zone').select('id').execute()).length, zonesBefore + 1, 'one zone designated');
    });
  });
}
