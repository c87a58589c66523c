import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

for (const engine of engines()) {
  describe(`capability inventory (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    test('the catalogue names every capability, stage and exemption kind in five languages', async () => {
      const items = (await t.app.inject('/api/capabilities/catalogue')).json().items;
      assert.ok(items.some((i: { key: string; group: string }) => i.key === 'hydrogen_refuelling_station' && i.group === 'asset'));
      assert.equal(items.filter((i: { group: string }) => i.group === 'stage').length, 7);
      assert.ok(items.every((i: { name: Record<string, string> }) => ['ko', 'en', 'ja', 'zh', 'fr'].every((l) => i.name[l]!.length > 0)));
    });

    test('demo inventory covers municipalities and sums up to provinces', async () => {
      const ulsan = (await t.app.inject('/api/regions/26/inventory')).json();
      assert.equal(ulsan.includesMunicipalities, true);
      assert.equal(ulsan.demo, true);
      assert.ok(ulsan.exemptions.includes('ammonia_bunkering'));
      const parts = await Promise.all(['26010', '26020', '26030', '26040', '26310'].map(async (c) => (await t.app.inject(`/api/regions/${c}/inventory`)).json()));
      const sum = (key: string, invs: { capabilities: { key: string; quantity: number }[] }[]) => invs.reduce((s, i) => s + (i.capabilities.find((c) => c.key === key)?.quantity ?? 0), 0);
      assert.equal(sum('cluster_hydrogen', [ulsan]), sum('cluster_hydrogen', parts));
    });

    test('a local government replaces its own inventory, audit-logged', async () => {
      const busan = await t.login('busan@demo.zonelink.kr');
      const res = await t.app.inject({ method: 'PUT', url: '/api/regions/21/inventory', headers: asSession(busan), payload: { capabilities: [{ key: 'port', quantity: 5 }, { key: 'test_track', quantity: 1 }], stages: ['logistics', 'rnd'], exemptions: [] } });
      assert.equal(res.statusCode, 200, res.body);
      const own = await t.db.selectFrom('region_capability').selectAll().where('region_code', '=', '21').orderBy('capability').execute();
      assert.deepEqual(own.map((r) => [r.capability, r.quantity, r.demo]), [['port', 5, false], ['test_track', 1, false]]);
      const entry = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'region-inventory:update').executeTakeFirstOrThrow();
      assert.deepEqual((entry.after as { capabilities: unknown }).capabilities, { port: 5, test_track: 1 });
    });

    test('CSV import is all-or-nothing and names each bad cell', async () => {
      const busan = await t.login('busan@demo.zonelink.kr');
      const before = await snapshot(t.db);
      const bad = await t.app.inject({
        method: 'POST', url: '/api/inventory/import', headers: { ...asSession(busan), 'accept-language': 'en' },
        payload: { csv: 'region_code,kind,key,quantity\n21010,capability,port,2\n21020,capability,warp_gate,1\n21030,capability,port,-1\n' },
      });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(problemOf(bad).errors, [
        { path: '/body/csv/line/3/key', message: 'Unknown value: warp_gate' },
        { path: '/body/csv/line/4/quantity', message: 'Must be a number of at least 0: -1' },
      ]);
      assert.deepEqual(await snapshot(t.db), before);

      const foreign = await t.app.inject({ method: 'POST', url: '/api/inventory/import', headers: asSession(busan), payload: { csv: 'region_code,kind,key,quantity\n21010,capability,port,2\n26010,capability,port,2\n' } });
      assert.equal(foreign.statusCode, 403);
      assert.deepEqual(await snapshot(t.db), before);

      const ok = await t.app.inject({ method: 'POST', url: '/api/inventory/import', headers: asSession(busan), payload: { csv: 'region_code,kind,key,quantity\n21010,capability,port,7\n21010,stage,logistics,\n21020,exemption,lpg_ship_fuel,\n' } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { regions: ['21010', '21020'], rows: 3 });
      const inv = (await t.app.inject('/api/regions/21010/inventory')).json();
      assert.deepEqual([inv.capabilities, inv.stages, inv.demo], [[{ key: 'port', quantity: 7 }], ['logistics'], false]);
    });

    test('XLSX import reads the first sheet with the same columns and line numbers', async () => {
      const ExcelJS = (await import('exceljs')).default;
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('inventory');
      sheet.addRows([['region_code', 'kind', 'key', 'quantity'], ['21030', 'capability', 'logistics_centre', 3], ['21030', 'stage', 'logistics', null], ['21040', 'capability', 'moon_base', 1]]);
      const bytes = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
      const busan = await t.login('busan@demo.zonelink.kr');
      const bad = await t.app.inject({ method: 'POST', url: '/api/inventory/import', headers: { ...asSession(busan), 'accept-language': 'en' }, payload: { xlsx: bytes } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(problemOf(bad).errors, [{ path: '/body/csv/line/4/key', message: 'Unknown value: moon_base' }]);
      sheet.spliceRows(4, 1);
      const good = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
      const ok = await t.app.inject({ method: 'POST', url: '/api/inventory/import', headers: asSession(busan), payload: { xlsx: good } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { regions: ['21030'], rows: 2 });
      const garbage = await t.app.inject({ method: 'POST', url: '/api/inventory/import', headers: asSession(busan), payload: { xlsx: Buffer.from('not a workbook').toString('base64') } });
      assert.equal(problemOf(garbage).errors?.[0]?.path, '/body/xlsx');
    });

    test('duplicate keys and unknown keys are refused', async () => {
      const ministry = await t.login('ministry@demo.zonelink.kr');
      const dup = await t.app.inject({ method: 'PUT', url: '/api/regions/38/inventory', headers: asSession(ministry), payload: { capabilities: [{ key: 'port', quantity: 1 }, { key: 'port', quantity: 2 }], stages: [], exemptions: [] } });
      assert.equal(problemOf(dup).errors?.[0]?.path, '/body/capabilities/1/key');
      const unknown = await t.app.inject({ method: 'PUT', url: '/api/regions/38/inventory', headers: asSession(ministry), payload: { capabilities: [], stages: ['teleportation'], exemptions: [] } });
      assert.equal(problemOf(unknown).errors?.[0]?.path, '/body/stages/0');
    });
  });
}
