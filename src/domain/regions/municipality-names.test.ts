// Municipality names in five languages (issue 15, item 9): ja and zh from the hanja names Korean local governments
// use (data/reference/municipality-hanja.json), in shinjitai and simplified characters; fr as the government
// romanises them (Revised Romanization, the en name).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regionByCode, regions } from './reference.ts';

test('every municipality has a name in ko, en, ja, zh and fr; ja and zh in Han characters', () => {
  const municipalities = regions.filter((r) => r.level === 'municipality');
  assert.equal(municipalities.length, 250);
  for (const m of municipalities) {
    assert.match(m.name.ja ?? '', /^\p{Script=Han}+$/u, m.code);
    assert.match(m.name.zh ?? '', /^\p{Script=Han}+$/u, m.code);
    assert.equal([...m.name.ja!].length, [...m.name.ko].length, `${m.code}: one character per syllable`);
    assert.equal(m.name.fr, m.name.en, m.code);
    assert.match(m.name.ja!, /[市郡区]$/u);
  }
});

test('known names, with the forms of each script', () => {
  const rows: [code: string, ko: string, ja: string, zh: string, fr: string][] = [
    ['31011', '수원시장안구', '水原市長安区', '水原市长安区', 'Suwon-si Jangan-gu'],
    ['37430', '울릉군', '鬱陵郡', '郁陵郡', 'Ulleung-gun'],
    ['39010', '제주시', '済州市', '济州市', 'Jeju-si'],
    ['21040', '영도구', '影島区', '影岛区', 'Yeongdo-gu'],
    ['31250', '광주시', '広州市', '广州市', 'Gwangju-si'],
    ['34080', '당진시', '唐津市', '唐津市', 'Dangjin-si'],
  ];
  for (const [code, ko, ja, zh, fr] of rows) assert.deepEqual(regionByCode(code)?.name, { ko, en: fr, ja, zh, fr }, code);
  assert.equal(regionByCode('32400')?.name.zh, '高城郡', 'Gangwon 고성군 is 高城');
  assert.equal(regionByCode('38340')?.name.zh, '固城郡', 'Gyeongnam 고성군 is 固城');
});
