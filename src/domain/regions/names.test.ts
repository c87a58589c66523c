// Names through time (issue 15, item 5): codes stay, names change on the day the special act took effect —
// 강원특별자치도 설치 등에 관한 특별법 (in force 2023-06-11), 전북특별자치도 설치 등에 관한 특별법 (in force 2024-01-18).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regionNameOn } from './names.ts';
import { regionByCode } from './reference.ts';

test('the name valid on a date, by region', () => {
  const rows: [code: string, date: string, ko: string, en: string][] = [
    ['32', '2019-07-23', '강원도', 'Gangwon-do'],
    ['32', '2023-06-10', '강원도', 'Gangwon-do'],
    ['32', '2023-06-11', '강원특별자치도', 'Gangwon State'],
    ['32', '2026-12-07', '강원특별자치도', 'Gangwon State'],
    ['35', '2019-11-12', '전라북도', 'Jeollabuk-do'],
    ['35', '2024-01-17', '전라북도', 'Jeollabuk-do'],
    ['35', '2024-01-18', '전북특별자치도', 'Jeonbuk State'],
    ['35', '2025-05-01', '전북특별자치도', 'Jeonbuk State'],
    ['39', '2019-01-01', '제주특별자치도', 'Jeju-do'],
    ['33', '2023-06-11', '충청북도', 'Chungcheongbuk-do'],
  ];
  for (const [code, date, ko, en] of rows) {
    const name = regionNameOn(regionByCode(code)!, date);
    assert.deepEqual([name.ko, name.en], [ko, en], `${code} on ${date}`);
  }
});

test('today\'s name is the current one in every language, the code unchanged, the former names dated', () => {
  const gangwon = regionByCode('32')!;
  assert.deepEqual(gangwon.name, { ko: '강원특별자치도', en: 'Gangwon State', ja: '江原特別自治道', zh: '江原特别自治道', fr: 'Province autonome spéciale de Gangwon' });
  assert.deepEqual(gangwon.names?.map((n) => [n.from ?? null, n.until ?? null, n.name.ko]), [[null, '2023-06-10', '강원도'], ['2023-06-11', null, '강원특별자치도']]);
  assert.equal(regionByCode('35')!.name.ko, '전북특별자치도');
  assert.equal(regionByCode('35011')?.parentCode, '35', 'municipalities keep their codes and province');
  assert.equal(regionNameOn(regionByCode('35')!, '2024-01-17').ja, '全羅北道');
});
