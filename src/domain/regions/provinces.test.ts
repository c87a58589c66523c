// Province membership through time: 군위군 (SGIS 2018 code 37310, data/geo from KOSTAT SGIS; the ministry's
// administrative code was 47720) belongs to 경상북도 (37) through 2023-06-30 and to 대구광역시 (22) from 2023-07-01,
// 「경상북도와 대구광역시 간 관할구역 변경에 관한 법률」 (in force 2023-07-01). Its code stays; the prefix no longer decides.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { governs, movedMunicipalities, provinceOf } from './provinces.ts';
import { municipalitiesOf, regionByCode, regions } from './reference.ts';

test('the province of a municipality on a date, and today (the law on the boundary of Gyeongbuk and Daegu)', () => {
  const rows: [code: string, date: string | undefined, province: string][] = [
    ['37310', '2019-04-17', '37'],
    ['37310', '2023-06-30', '37'],
    ['37310', '2023-07-01', '22'],
    ['37310', '2026-12-08', '22'],
    ['37310', undefined, '22'],
    ['37320', '2026-12-08', '37'], // 의성군 stays in Gyeongbuk
    ['22310', '2019-01-01', '22'], // 달성군 was always Daegu's
    ['22', undefined, '22'],
    ['37', '2020-01-01', '37'],
  ];
  for (const [code, date, province] of rows) assert.equal(provinceOf(code, date), province, `${code} on ${date ?? 'today'}`);
});

test('which government governs 군위군: Daegu today, Gyeongbuk for documents dated before 2023-07-01', () => {
  const rows: [government: string, region: string, date: string | undefined, governed: boolean][] = [
    ['22', '37310', undefined, true],
    ['37', '37310', undefined, false],
    ['22', '37310', '2023-06-30', false],
    ['37', '37310', '2023-06-30', true],
    ['22', '37310', '2023-07-01', true],
    ['37310', '37310', undefined, true], // 군위군 itself, whatever its province
    ['37', '37320', undefined, true],
    ['22', '22310', undefined, true],
    ['21', '22310', undefined, false],
    ['37310', '37', undefined, false], // a basic government governs no province
  ];
  for (const [government, region, date, governed] of rows) {
    assert.equal(governs(government, region, date), governed, `${government} governs ${region} on ${date ?? 'today'}`);
  }
});

test('the reference data: 군위군 is listed under Daegu with its dated provinces, and the moved list agrees with it', () => {
  const gunwi = regionByCode('37310')!;
  assert.equal(gunwi.name.ko, '군위군');
  assert.equal(gunwi.parentCode, '22');
  assert.deepEqual(gunwi.parents?.map((p) => [p.from ?? null, p.until ?? null, p.code]), [[null, '2023-06-30', '37'], ['2023-07-01', null, '22']]);
  assert.ok(municipalitiesOf('22').some((m) => m.code === '37310'));
  assert.ok(!municipalitiesOf('37').some((m) => m.code === '37310'));
  assert.equal(municipalitiesOf('22').length, 9, 'Daegu: 7 districts and 2 counties since 2023-07-01');
  assert.equal(municipalitiesOf('37').length, 23, 'Gyeongbuk: 22 cities and counties, 포항 as its two districts');
  assert.deepEqual(movedMunicipalities(), regions.filter((r) => r.parents !== undefined).map((r) => ({ code: r.code, parentCode: r.parentCode, parents: r.parents })));
});
