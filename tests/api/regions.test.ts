import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const profile = { teamName: { ko: '부산 지역추진단', en: 'Busan team' }, contactEmail: 'Team@Busan.example', phone: '051-123-4567', introduction: { ko: '소개', fr: 'Présentation' } };

for (const engine of engines()) {
  describe(`regions (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    test('lists 17 provinces and 250 municipalities with capital-area flags', async () => {
      const provinces = (await t.app.inject('/api/regions?level=province')).json().items;
      assert.equal(provinces.length, 17);
      assert.deepEqual(provinces.filter((r: { capitalArea: boolean }) => r.capitalArea).map((r: { code: string }) => r.code), ['11', '23', '31']);
      const municipalities = (await t.app.inject('/api/regions?level=municipality')).json().items;
      assert.equal(municipalities.length, 250);
      const busan = (await t.app.inject('/api/regions?parent=21')).json().items;
      assert.ok(busan.length >= 15 && busan.every((r: { parentCode: string; eligible: boolean }) => r.parentCode === '21' && r.eligible));
    });

    test('answers 304 to a matching If-None-Match', async () => {
      const first = await t.app.inject('/api/regions?level=province');
      const again = await t.app.inject({ url: '/api/regions?level=province', headers: { 'if-none-match': String(first.headers.etag) } });
      assert.equal(again.statusCode, 304);
    });

    test('a region shows its municipalities, neighbours and island links', async () => {
      const daejeon = (await t.app.inject('/api/regions/25')).json();
      assert.ok(daejeon.neighbours.some((n: { region: { code: string } }) => n.region.code === '29'));
      const jeju = (await t.app.inject('/api/regions/39')).json();
      assert.deepEqual(jeju.neighbours.map((n: { region: { code: string }; kind: string }) => [n.region.code, n.kind]), [['36', 'ferry']], 'Jeju – Jeonnam: a ferry');
      const geoje = (await t.app.inject('/api/regions/38090')).json();
      assert.deepEqual(geoje.neighbours.map((n: { region: { code: string }; kind: string }) => [n.region.code, n.kind]).sort(), [['21120', 'fixed'], ['38050', 'fixed']], 'Geoje: the Geoga link and the Geoje bridges');
      assert.equal(jeju.municipalities.length, 2);
      assert.equal(jeju.canEdit, false);
    });

    test('unknown or malformed codes are 404 / 400 problems', async () => {
      assert.equal(problemOf(await t.app.inject('/api/regions/98')).code, 'not-found');
      const bad = await t.app.inject({ url: '/api/regions/abc', headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
      assert.equal(bad.statusCode, 400);
      assert.equal(problemOf(bad).errors?.[0]?.path, '/params/code');
      assert.equal(problemOf(bad).errors?.[0]?.message, '包含不允许的字符。');
    });

    test('a local government edits its own region’s profile, audit-logged, and not another’s', async () => {
      const busan = await t.login('busan@demo.zonelink.kr');
      const res = await t.app.inject({ method: 'PUT', url: '/api/regions/21/profile', headers: asSession(busan), payload: profile });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().contactEmail, 'team@busan.example');
      assert.equal(res.json().demo, false);
      const detail = (await t.app.inject({ url: '/api/regions/21', headers: { cookie: busan.cookie } })).json();
      assert.equal(detail.canEdit, true);
      assert.equal(detail.profile.teamName.en, 'Busan team');
      const entry = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'region-profile:update').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(entry.object_id, '21');
      assert.equal(entry.actor_user_id, busan.userId);
      assert.ok(entry.request_id);

      const before = await snapshot(t.db);
      const other = await t.app.inject({ method: 'PUT', url: '/api/regions/26/profile', headers: asSession(busan), payload: profile });
      assert.equal(other.statusCode, 403);
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('a stale If-Match is refused with 412 and changes nothing', async () => {
      const ulsan = await t.login('ulsan@demo.zonelink.kr');
      const current = await t.app.inject({ url: '/api/regions/26' });
      const etag = String(current.headers.etag);
      const first = await t.app.inject({ method: 'PUT', url: '/api/regions/26/profile', headers: { ...asSession(ulsan), 'if-match': etag }, payload: profile });
      assert.equal(first.statusCode, 200);
      const before = await snapshot(t.db);
      const stale = await t.app.inject({ method: 'PUT', url: '/api/regions/26/profile', headers: { ...asSession(ulsan), 'if-match': etag }, payload: profile });
      assert.equal(stale.statusCode, 412);
      assert.equal(problemOf(stale).code, 'precondition-failed');
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('bad input names the field in the user’s language and changes nothing', async () => {
      const busan = await t.login('busan@demo.zonelink.kr');
      const before = await snapshot(t.db);
      const res = await t.app.inject({
        method: 'PUT', url: '/api/regions/21/profile', headers: { ...asSession(busan), 'accept-language': 'fr' },
        payload: { ...profile, contactEmail: 'not-an-email', teamName: { en: 'no korean' }, surprise: true },
      });
      assert.equal(res.statusCode, 400);
      const problem = problemOf(res);
      const paths = (problem.errors ?? []).map((e) => e.path).sort();
      assert.deepEqual(paths, ['/body/contactEmail', '/body/surprise', '/body/teamName/ko']);
      assert.equal(problem.errors?.find((e) => e.path === '/body/teamName/ko')?.message, 'Ce champ est obligatoire.');
      assert.deepEqual(await snapshot(t.db), before);
    });
  });
}
