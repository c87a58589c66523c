// An MSS administrator sets the ministry code of a responsible ministry (the code its regulations carry, which decides
// whose evidence packs it reads), on both engines: audited, in one transaction; an unknown code, a code another
// organisation holds, or a code for an organisation that is not a responsible ministry is a localised problem+json
// naming the field, and changes nothing; other users are refused.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { demoId } from '../../src/db/seed/demo.ts';
import { seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const MOTIE = demoId('org:motie');
const COMPANY = demoId('org:company');

for (const engine of engines()) {
  describe(`ministry code of an organisation (${engine})`, () => {
    let t: TestApp;
    let ministry: Session;
    let motie: Session;
    let other = '';

    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      ministry = await t.login('ministry@demo.zonelink.kr');
      motie = await t.login('motie@demo.zonelink.kr');
      other = (await t.db.insertInto('organisation').values({ id: randomUUID(), kind: 'responsible_ministry', name: JSON.stringify({ ko: '국토교통부', en: 'Ministry of Land' }), region_code: null, demo: false })
        .returning('id').executeTakeFirstOrThrow()).id;
    });
    after(async () => t.close());

    const put = (s: Session, id: string, body: unknown, lang = 'en') =>
      t.app.inject({ method: 'PUT', url: `/api/organisations/${id}/ministry-code`, headers: { ...asSession(s), 'accept-language': lang }, payload: body as object });
    async function refused(s: Session, id: string, body: unknown, status: number, lang = 'en') {
      const before = await snapshot(t.db);
      const res = await put(s, id, body, lang);
      assert.equal(res.statusCode, status, res.body);
      assert.deepEqual(await snapshot(t.db), before, 'a refused request changed the database');
      return problemOf(res);
    }
    const listed = async (id: string) =>
      ((await t.app.inject({ method: 'GET', url: '/api/organisations?kind=responsible_ministry' })).json().items as { id: string; ministryCode: string | null }[]).find((o) => o.id === id);

    test('the administrator sets, changes and clears a code; each change is audited', async () => {
      assert.equal((await listed(MOTIE))?.ministryCode, 'MOTIE');
      let res = await put(ministry, other, { ministryCode: ' MOLIT ' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().ministryCode, 'MOLIT');
      assert.equal((await listed(other))?.ministryCode, 'MOLIT');
      res = await put(ministry, other, { ministryCode: null });
      assert.equal(res.json().ministryCode, null);
      const audit = await t.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('object_id', '=', other).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => [a.action, a.before, a.after]), [
        ['organisation:set-ministry-code', { ministryCode: null }, { ministryCode: 'MOLIT' }],
        ['organisation:set-ministry-code', { ministryCode: 'MOLIT' }, { ministryCode: null }],
      ]);
      // Setting the code it already has changes nothing and writes no audit entry.
      const before = await snapshot(t.db);
      assert.equal((await put(ministry, MOTIE, { ministryCode: 'MOTIE' })).statusCode, 200);
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('an unknown code, a code held by another organisation, a company and a blank code are refused beside the field', async () => {
      const unknown = await refused(ministry, other, { ministryCode: 'MOXX' }, 400);
      assert.equal(unknown.code, 'validation');
      assert.deepEqual(unknown.errors, [{ path: '/body/ministryCode', message: 'No regulation in the catalogue names the ministry MOXX. Known: MOF, MOHW, MOLIT, MOTIE, MSS' }]);
      const taken = await refused(ministry, other, { ministryCode: 'MOTIE' }, 400, 'ko');
      assert.equal(taken.errors?.[0]?.message, 'MOTIE은(는) 이미 산업통상자원부 (데모)의 부처 코드입니다.');
      const company = await refused(ministry, COMPANY, { ministryCode: 'MOLIT' }, 400, 'fr');
      assert.equal(company.errors?.[0]?.message, 'Seul un ministère compétent a un code de ministère.');
      assert.equal((await refused(ministry, other, { ministryCode: '  ' }, 400)).errors?.[0]?.path, '/body/ministryCode');
      await refused(ministry, other, { ministryCode: 'MOLIT', extra: 1 }, 400);
      await refused(ministry, '00000000-0000-4000-8000-000000000000', { ministryCode: 'MOLIT' }, 404);
    });

    test('only an MSS administrator may set it', async () => {
      await refused(motie, MOTIE, { ministryCode: 'MOLIT' }, 403);
      const anonymous = await t.app.inject({ method: 'PUT', url: `/api/organisations/${MOTIE}/ministry-code`, payload: { ministryCode: 'MOLIT' } });
      assert.equal(anonymous.statusCode, 401);
    });
  });
}
