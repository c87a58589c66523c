import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

for (const engine of engines()) {
  describe(`planner API (${engine})`, () => {
    let t: TestApp;
    let busan: Session;
    before(async () => {
      t = await startTestApp(engine);
      busan = await t.login('busan@demo.zonelink.kr');
    });
    after(async () => t.close());

    const solve = (body: unknown, lang = 'en') =>
      t.app.inject({ method: 'POST', url: '/api/planner/solve', headers: { ...asSession(busan), 'accept-language': lang }, payload: body as object });

    test('finds an optimal, contiguous, eligible consortium at province level with alternatives', async () => {
      const res = await solve({
        needs: { capabilities: [{ key: 'hydrogen_refuelling_station', min: 10 }, { key: 'port', min: 5 }], stages: ['production', 'logistics'], exemptions: ['ammonia_bunkering'] },
        include: ['21'], contiguous: true, maxRegions: 4,
      });
      assert.equal(res.statusCode, 200, res.body);
      const result = res.json();
      assert.equal(result.status, 'optimal');
      const best = result.best.regions as string[];
      assert.ok(best.includes('21') && best.includes('26'), `Busan must be in and Ulsan holds ammonia bunkering: ${best}`);
      assert.ok(best.every((c) => !['11', '23', '31'].includes(c)));
      assert.ok(best.length <= 4);
      assert.equal(result.gap, 0);
      assert.ok(result.alternatives.every((a: { objective: number }) => a.objective >= result.best.objective));
      assert.ok(result.explanation.answers[0].regions.length === best.length);
    });

    test('a ferry joins Jeju to Jeonnam only where the call allows it, and the answer says which kind joined them (issue 15, item 4)', async () => {
      const query = { needs: { capabilities: [], stages: [], exemptions: [] }, include: ['36', '39'], contiguous: true, maxRegions: 2, alternatives: 0 };
      const without = await solve(query);
      assert.equal(without.statusCode, 422, without.body);
      assert.equal(problemOf(without).code, 'infeasible');
      assert.match(JSON.stringify(problemOf(without).errors), /include/);
      const withFerry = await solve({ ...query, ferries: true });
      assert.equal(withFerry.statusCode, 200, withFerry.body);
      assert.deepEqual(withFerry.json().best.regions, ['36', '39']);
      assert.deepEqual(withFerry.json().best.joins.map((j: { a: string; b: string; kind: string }) => [j.a, j.b, j.kind]), [['36', '39', 'ferry']]);
      const land = await solve({ needs: { capabilities: [], stages: [], exemptions: [] }, include: ['25', '29'], contiguous: true, maxRegions: 2, alternatives: 0 });
      assert.equal(land.statusCode, 200, land.body);
      assert.deepEqual(land.json().best.joins.map((j: { kind: string }) => j.kind), ['border'], 'Daejeon and Sejong share a land border');
      const bridge = await solve({ level: 'municipality', needs: { capabilities: [], stages: [], exemptions: [] }, include: ['38050', '38090'], contiguous: true, maxRegions: 2, alternatives: 0 });
      assert.equal(bridge.statusCode, 200, bridge.body);
      assert.deepEqual(bridge.json().best.joins.map((j: { kind: string }) => j.kind), ['fixed'], 'Tongyeong and Geoje: a bridge');
    });

    test('municipality level works on the 250-node graph', async () => {
      const res = await solve({ level: 'municipality', needs: { capabilities: [{ key: 'port', min: 3 }], stages: ['rnd'], exemptions: ['unmanned_ship'] }, contiguous: true, maxRegions: 6, alternatives: 1 });
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(res.json().best.regions.every((c: string) => c.length === 5));
    });

    test('needs no region set can meet → 422 naming the need, in the user’s language', async () => {
      const res = await solve({ needs: { capabilities: [{ key: 'port', min: 1e8 }], stages: [], exemptions: [] } }, 'fr');
      assert.equal(res.statusCode, 422);
      const problem = problemOf(res);
      assert.equal(problem.code, 'infeasible');
      assert.equal(problem.errors?.[0]?.path, '/body/needs/capabilities/0');
      assert.match(problem.errors?.[0]?.message ?? '', /^Ports : 100000000 requis/);
    });

    test('contradictory constraints → 400 naming the constraint; unknown codes → 400', async () => {
      const both = await solve({ needs: { capabilities: [{ key: 'port', min: 1 }], stages: [], exemptions: [] }, include: ['21'], exclude: ['21'] });
      assert.equal(both.statusCode, 400);
      assert.ok(problemOf(both).errors?.some((e) => /Both included and excluded: 21/.test(e.message)));
      const k = await solve({ needs: { capabilities: [{ key: 'port', min: 1 }], stages: [], exemptions: [] }, include: ['21', '26', '38'], maxRegions: 2 });
      assert.equal(k.statusCode, 400);
      const unknownRegion = await solve({ needs: { capabilities: [{ key: 'port', min: 1 }], stages: [], exemptions: [] }, include: ['98'] });
      assert.equal(unknownRegion.statusCode, 400);
      const unknownCapability = await solve({ needs: { capabilities: [{ key: 'teleporter', min: 1 }], stages: [], exemptions: [] } });
      assert.equal(problemOf(unknownCapability).errors?.[0]?.path, '/body/needs/capabilities/0/key');
      const negative = await solve({ needs: { capabilities: [{ key: 'port', min: -1 }], stages: [], exemptions: [] } });
      assert.equal(negative.statusCode, 400);
    });

    test('a capital-area region cannot be forced in unless the policy flag allows it', async () => {
      const res = await solve({ needs: { capabilities: [{ key: 'port', min: 1 }], stages: [], exemptions: [] }, include: ['11'] });
      assert.equal(res.statusCode, 422);
      assert.equal(problemOf(res).errors?.[0]?.message, '11 is in the capital area and cannot host a zone.');
      const allowed = await solve({ needs: { capabilities: [{ key: 'data_centre', min: 1 }], stages: [], exemptions: [] }, include: ['11'], allowCapitalArea: true });
      assert.equal(allowed.statusCode, 200, allowed.body);
    });

    test('a local government saves a planning request; a company may not', async () => {
      const query = { needs: { capabilities: [{ key: 'port', min: 2 }], stages: [], exemptions: [] }, include: ['21'] };
      const saved = await t.app.inject({ method: 'POST', url: '/api/planner/requests', headers: asSession(busan), payload: { title: '해양 수소 물류', query } });
      assert.equal(saved.statusCode, 201, saved.body);
      assert.ok(saved.json().regions.includes('21'));
      const list = (await t.app.inject({ url: '/api/planner/requests', headers: { cookie: busan.cookie } })).json().items;
      assert.equal(list[0].title, '해양 수소 물류');
      const company = await t.login('company@demo.zonelink.kr');
      const before = await snapshot(t.db);
      const refused = await t.app.inject({ method: 'POST', url: '/api/planner/requests', headers: asSession(company), payload: { title: 'x', query } });
      assert.equal(refused.statusCode, 403);
      assert.deepEqual(await snapshot(t.db), before);
    });
  });
}
