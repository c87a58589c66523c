// A special local government as a joint applicant through the API (Decree Art. 40(2) as amended 2026-06-30; Local
// Autonomy Act Art. 199): 충청광역연합 is invited into a connected plan and counts its four metropolitan members for
// the two-metropolitan rule of the 2026 call; contiguity is checked over its members' territory; its own officials
// lead a plan of their own, and act for it alone (data/reference/special-governments.json).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { hashPassword } from '../../src/server/auth/secrets.ts';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

const UNION = 'CHUNGCHEONG-UNION';

for (const engine of engines()) {
  describe(`special local governments as joint applicants (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
      const org = randomUUID();
      await t.db.insertInto('organisation').values({ id: org, kind: 'local_government', name: JSON.stringify({ ko: '충청광역연합 (시험)' }), region_code: UNION, demo: true }).execute();
      await t.db.insertInto('app_user').values({
        id: randomUUID(), email: 'union@test.zonelink.kr', display_name: '충청광역연합 (시험)', password_hash: await hashPassword(DEMO_PASSWORD),
        organisation_id: org, role: 'admin', locale: 'ko', demo: true,
      }).execute();
    });
    after(async () => t.close());

    const call = async (email: string, method: string, url: string, payload?: unknown) => t.app.inject({
      method: method as 'POST', url, headers: asSession(await t.login(email)), ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    const codes = (plan: { readiness: { violations: { code: string }[] } }) => plan.readiness.violations.map((v) => v.code);

    test('invited into Busan\'s connected plan, 충청광역연합 makes it a zone of several metropolitan governments; contiguity is over its members', async () => {
      const created = await call('busan@demo.zonelink.kr', 'POST', '/api/plans', { model: 'connected', leadRegion: '21', title: { ko: '부산·충청 연계 특구' } });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      let plan = (await call('busan@demo.zonelink.kr', 'GET', `/api/plans/${id}`)).json();
      assert.ok(codes(plan).includes('connected-needs-two-metropolitan'), 'Busan alone is one metropolitan government');

      const invited = await call('busan@demo.zonelink.kr', 'POST', `/api/plans/${id}/partners`, { regionCode: UNION });
      assert.ok(invited.statusCode < 300, invited.body);
      plan = (await call('busan@demo.zonelink.kr', 'GET', `/api/plans/${id}`)).json();
      assert.ok(!codes(plan).includes('connected-needs-two-metropolitan'), JSON.stringify(plan.readiness.violations));
      assert.deepEqual(plan.participants, ['21', UNION]);
      assert.equal(plan.participantDetails[1].name.ko, '충청광역연합');
      // Busan does not border Daejeon, Sejong, Chungbuk or Chungnam: two groups, the union's members one of them.
      assert.deepEqual(plan.readiness.contiguity.components, [['21'], ['25', '29', '33', '34']]);
      const warning = plan.readiness.violations.find((v: { code: string }) => v.code === 'regions-not-contiguous');
      assert.ok(warning && !/CHUNGCHEONG|UNION/.test(warning.message), 'the sentence names no code');

      // The union's officials see the plan they take part in and edit their own section only.
      const asUnion = await call('union@test.zonelink.kr', 'GET', `/api/plans/${id}`);
      assert.equal(asUnion.statusCode, 200);
      assert.deepEqual(asUnion.json().can.editSections, [UNION]);
    });

    test('its officials lead a plan of their own; an unknown special code is a 400 naming the field', async () => {
      const created = await call('union@test.zonelink.kr', 'POST', '/api/plans', { model: 'connected', leadRegion: UNION, title: { ko: '충청권 연계 특구' } });
      assert.equal(created.statusCode, 201, created.body);
      const plan = (await call('union@test.zonelink.kr', 'GET', `/api/plans/${created.json().id}`)).json();
      assert.ok(!codes(plan).includes('connected-needs-two-metropolitan'), 'alone it stands for four metropolitan governments');
      const refused = await call('union@test.zonelink.kr', 'POST', '/api/plans', { model: 'connected', leadRegion: '25', title: { ko: '대전 특구' } });
      assert.equal(refused.statusCode, 403, 'it does not apply in the name of its member Daejeon');
      const unknown = await call('busan@demo.zonelink.kr', 'POST', `/api/plans/${created.json().id}/partners`, { regionCode: 'NOWHERE-UNION' });
      assert.ok([400, 403].includes(unknown.statusCode));
      const bad = await call('busan@demo.zonelink.kr', 'POST', '/api/plans', { model: 'connected', leadRegion: 'NOWHERE-UNION', title: { ko: '없음' } });
      assert.equal(problemOf(bad).status >= 400, true);
    });
  });
}
