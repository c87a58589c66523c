import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inventoriesFromRows, parseInventoryCsv, sumInventories } from './inventory.ts';

const known = (code: string) => ['26', '26010', '38110'].includes(code);

describe('capability inventory', () => {
  test('parses a valid CSV into per-region inventories', () => {
    const csv = '\uFEFFregion_code,kind,key,quantity\r\n26010,capability,hydrogen_refuelling_station,4\n26010,stage,production,\n"38110",exemption,unmanned_ship,\n\n';
    const { rows, issues } = parseInventoryCsv(csv, known);
    assert.deepEqual(issues, []);
    const inv = inventoriesFromRows(rows);
    assert.deepEqual(inv.get('26010'), { capabilities: { hydrogen_refuelling_station: 4 }, stages: ['production'], exemptions: [] });
    assert.deepEqual(inv.get('38110')?.exemptions, ['unmanned_ship']);
  });

  test('reports every bad cell with line and column and returns no rows', () => {
    const csv = [
      'region_code,kind,key,quantity',
      '99999,capability,port,1',
      '26010,capability,rocket_silo,1',
      '26010,capability,port,-3',
      '26010,gadget,port,1',
      '26010,stage,production',
      '26010,capability,port,2',
      '26010,capability,port,2',
    ].join('\n');
    const { rows, issues } = parseInventoryCsv(csv, known);
    assert.deepEqual(rows, []);
    assert.deepEqual(issues.map((i) => [i.line, i.column, i.code]), [
      [2, 'region_code', 'unknown-region'],
      [3, 'key', 'unknown-key'],
      [4, 'quantity', 'bad-quantity'],
      [5, 'kind', 'unknown-kind'],
      [6, 'row', 'column-count'],
      [7, 'row', 'duplicate'],
      [8, 'row', 'duplicate'],
    ]);
  });

  test('a file without the header is refused at line 1', () => {
    assert.equal(parseInventoryCsv('26010,capability,port,1', known).issues[0]?.code, 'missing-header');
  });

  test('province totals add quantities and unite stages and exemptions', () => {
    const total = sumInventories([
      { capabilities: { port: 2 }, stages: ['logistics'], exemptions: [] },
      { capabilities: { port: 1, test_track: 3 }, stages: ['logistics', 'rnd'], exemptions: ['ammonia_bunkering'] },
    ]);
    assert.deepEqual(total, { capabilities: { port: 3, test_track: 3 }, stages: ['logistics', 'rnd'], exemptions: ['ammonia_bunkering'] });
  });
});
