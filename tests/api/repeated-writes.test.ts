// Issue 11 finding 5 and "one write path": twenty identical writes sent at once have exactly one effect, one audit
// entry and one history step; every repeat gets the same answer (idempotent actions) or a 409 (decision record 0035).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';
import { addDays } from '../../src/domain/calendar/civil-date.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { scanDeadlines } from '../../src/server/notifications/deadline-scan.ts';
import { todayInSeoul } from '../../src/server/plans/evaluate.ts';
import { insertRegulation } from '../../src/server/regulations/store.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { decision, planFixtures } from '../support/plans.ts';
import { insertZone } from '../support/zones.ts';

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

    async function burst(who: 'busan' | 'ulsan' | 'ministry' | 'motie' | 'company', method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse[]> {
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

    describe('rapid confirmation', () => {
      const today = todayInSeoul();
      let zoneId: string;
      let regulation: string;
      let otherMinistry: string;
      before(async () => {
        zoneId = await insertZone(t.db, { regions: ['21'], periodStart: addDays(today, -100), periodEnd: addDays(today, 1000) });
        regulation = await insertRegulation(t.db, {
          instrument: 'notice', law: { ko: '반복 요청 시험 고시' }, article: 'R1', paragraph: null, ministry: 'MOTIE', ministryName: { ko: '산업통상자원부' },
          title: { ko: '수소 충전 기준' }, body: { ko: '본문' }, effectiveFrom: '2025-01-01', amendments: [],
        }, { demo: false, source: 'platform' });
        otherMinistry = randomUUID();
        await t.db.insertInto('organisation').values({ id: otherMinistry, kind: 'responsible_ministry', name: JSON.stringify({ ko: '환경부 (시험)' }), region_code: null, ministry_code: 'ME', demo: false }).execute();
      });
      async function forwarded(ministryIds: string[]): Promise<string> {
        const filed = await t.app.inject({ method: 'POST', url: '/api/rapid-confirmations', headers: await f.as('company'), payload: { zoneId, activity: { ko: '수소 운행' }, regulationIds: [regulation], ministryId: null } });
        assert.equal(filed.statusCode, 201, filed.body);
        const id = filed.json().id as string;
        const res = await t.app.inject({ method: 'POST', url: `/api/rapid-confirmations/${id}/forward`, headers: await f.as('busan'), payload: { ministryIds } });
        assert.equal(res.statusCode, 200, res.body);
        return id;
      }

      test('a ministry\'s answer sent 20 times at once is recorded once; every repeat is a 409', async () => {
        const id = await forwarded([otherMinistry]);
        const responses = await burst('motie', 'POST', `/api/rapid-confirmations/${id}/reply`, { answer: 'permit_needed', rules: { ko: '허가 필요' } });
        assert.deepEqual(statuses(responses), [200, ...Array(PARALLEL - 1).fill(409)], responses.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`).join('\n'));
        assert.equal(await audits(id, 'rapid-confirmation:reply'), 1);
      });

      test('a committee decision sent 20 times at once is recorded once; every repeat is a 409', async () => {
        const id = await forwarded([otherMinistry]);
        const replied = await t.app.inject({ method: 'POST', url: `/api/rapid-confirmations/${id}/reply`, headers: await f.as('motie'), payload: { answer: 'permit_needed', rules: { ko: '허가 필요' } } });
        assert.equal(replied.statusCode, 200, replied.body);
        await scanDeadlines(t.db, { today: addDays(today, 60), offsets: [] });
        const responses = await burst('ministry', 'POST', `/api/rapid-confirmations/${id}/decision`, { decision: 'no_permit_needed', note: null });
        assert.deepEqual(statuses(responses), [200, ...Array(PARALLEL - 1).fill(409)], responses.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`).join('\n'));
        assert.equal(await audits(id, 'rapid-confirmation:decide'), 1);
      });
    });

    describe('exemptions', () => {
      const insurance = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };
      before(async () => seedReferenceRegulations(t.db));

      for (const outcome of ['granted', 'rejected'] as const) {
        test(`a re-deliberation decision (${outcome}) sent 20 times at once is recorded once; every repeat is a 409`, async () => {
          const id = await insertExemption(t.db, {
            kind: 'demonstration_exemption', title: { ko: `재심의 반복 시험 (${outcome})` }, zoneId: zoneAt(25), holders: [demoId('org:company')],
            regulationIds: [regulationId({ key: 'drone_bvlos' })], stages: ['logistics'],
            conditions: { text: { ko: '조건' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance },
            grantedOn: '2026-10-01', validFrom: '2026-10-01', validUntil: '2030-09-30', state: 'granted', demo: false,
          });
          const asked = await t.app.inject({ method: 'POST', url: `/api/exemptions/${id}/redeliberation`, headers: await f.as('company'), payload: { notifiedOn: '2026-10-01', requestedOn: '2026-10-20', grounds: { ko: '조건 과도' } } });
          assert.equal(asked.statusCode, 200, asked.body);
          const body = outcome === 'granted'
            ? { decidedOn: '2026-11-02', outcome, validFrom: '2026-11-02', validUntil: '2030-09-30', insuranceProofSubmitted: true }
            : { decidedOn: '2026-11-02', outcome, validFrom: null, validUntil: null, insuranceProofSubmitted: false };
          const responses = await burst('ministry', 'POST', `/api/exemptions/${id}/redeliberation/decision`, body);
          assert.deepEqual(statuses(responses), [200, ...Array(PARALLEL - 1).fill(409)], responses.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`).join('\n'));
          assert.equal(await audits(id, 'exemption:decide-redeliberation'), 1);
        });
      }
    });
  });
}
