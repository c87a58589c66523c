import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { sharedArcPairs } from './adjacency.ts';
import { municipalitiesOf, neighboursOf, provinces, regionByCode, regionLinks, regions } from './reference.ts';
import type { Region } from './types.ts';

const municipalities = regions.filter((r) => r.level === 'municipality');

/** Code of a municipality found by province and municipality Korean names (must be unique). */
function codeOf(provinceKo: string, municipalityKo: string): string {
  const province = provinces().find((p) => p.name.ko === provinceKo);
  assert.ok(province, provinceKo);
  const found = municipalitiesOf(province.code).filter((m) => m.name.ko === municipalityKo);
  assert.equal(found.length, 1, `${provinceKo} ${municipalityKo}`);
  return found[0]!.code;
}

const FERRIES = { ferries: true };

function adjacent(x: string, y: string, includeLinks = false, policy = FERRIES): boolean {
  const there = neighboursOf(x, { includeLinks, policy }).includes(y);
  assert.equal(neighboursOf(y, { includeLinks, policy }).includes(x), there, `symmetry ${x}–${y}`);
  return there;
}

test('17 provinces then 250 municipalities, sorted by code, unique', () => {
  assert.equal(provinces().length, 17);
  assert.equal(municipalities.length, 250);
  assert.equal(regions.length, 267);
  assert.ok(regions.slice(0, 17).every((r) => r.level === 'province' && r.parentCode === null && r.code.length === 2));
  assert.ok(municipalities.every((r) => r.code.length === 5));
  for (let i = 1; i < 17; i++) assert.ok(regions[i - 1]!.code < regions[i]!.code);
  for (let i = 18; i < regions.length; i++) assert.ok(regions[i - 1]!.code < regions[i]!.code);
  assert.equal(new Set(regions.map((r) => r.code)).size, 267);
});

test('every municipality has an existing parent province matching its code prefix, unless it moved (provinces.test.ts)', () => {
  for (const m of municipalities) {
    const before = m.parents?.[0]?.code ?? m.parentCode;
    assert.equal(before, m.code.slice(0, 2), m.code);
    assert.equal(regionByCode(m.parentCode!)?.level, 'province', m.code);
  }
  assert.equal(provinces().reduce((n, p) => n + municipalitiesOf(p.code).length, 0), 250);
  assert.equal(municipalitiesOf('11').length, 25);
  assert.equal(municipalitiesOf('29').length, 1);
  assert.deepEqual(municipalitiesOf('99'), []);
});

test('names: ko and en everywhere, five languages for provinces', () => {
  for (const r of regions) {
    assert.ok(r.name.ko.length > 0 && r.name.en.length > 0, r.code);
    assert.match(r.name.en, /^[A-Za-z][A-Za-z -]*$/, r.code);
  }
  for (const p of provinces()) {
    for (const lang of ['ja', 'zh', 'fr'] as const) assert.ok(p.name[lang], `${p.code} ${lang}`);
  }
  assert.equal(regionByCode('21')?.name.ja, '釜山広域市');
  assert.equal(regionByCode('37')?.name.en, 'Gyeongsangbuk-do');
  assert.equal(regionByCode('32360')?.name.ko, '철원군');
  assert.equal(regionByCode('32360')?.name.en, 'Cheorwon-gun'); // the source file says Gongju-si
  // English names are unique within a province
  for (const p of provinces()) {
    const en = municipalitiesOf(p.code).map((m) => m.name.en);
    assert.equal(new Set(en).size, en.length, p.code);
  }
});

test('capital area: Seoul, Incheon, Gyeonggi and exactly their municipalities', () => {
  assert.deepEqual(
    provinces().filter((p) => p.capitalArea).map((p) => p.code),
    ['11', '23', '31'],
  );
  const prefixed = (r: Region): boolean => ['11', '23', '31'].includes(r.code.slice(0, 2));
  for (const m of municipalities) assert.equal(m.capitalArea, prefixed(m), m.code);
  assert.equal(municipalities.filter((m) => m.capitalArea).length, municipalities.filter(prefixed).length);
  assert.equal(municipalities.filter((m) => m.capitalArea).length, 25 + 10 + 42);
});

test('province adjacency', () => {
  for (const [x, y] of [['25', '29'], ['21', '26'], ['21', '38'], ['22', '37'], ['11', '31'], ['31', '32']] as const) {
    assert.ok(adjacent(x, y), `${x}–${y}`);
  }
  assert.ok(!adjacent('11', '21'), 'Seoul–Busan');
  assert.deepEqual(neighboursOf('39'), [], 'Jeju has no border neighbour');
  assert.deepEqual(neighboursOf('39', { includeLinks: true }), [], 'only a ferry links Jeju to Jeonnam: not without ferries');
  assert.deepEqual(neighboursOf('39', { includeLinks: true, policy: FERRIES }), ['36'], 'Jeju is linked to Jeonnam by ferry');
  assert.ok(!adjacent('36', '39'));
  assert.ok(adjacent('36', '39', true));
  assert.ok(!adjacent('36', '39', true, { ferries: false }));
  assert.throws(() => neighboursOf('00'), RangeError);
});

test('links: well-formed, a < b, same level, no duplicates, notes on explicit links', () => {
  const keys = new Set<string>();
  for (const l of regionLinks) {
    assert.ok(l.a < l.b, `${l.a} < ${l.b}`);
    assert.equal(regionByCode(l.a)?.level, regionByCode(l.b)?.level, `${l.a}–${l.b}`);
    assert.ok(l.kind === 'border' || ((l.kind === 'fixed' || l.kind === 'ferry') && (l.note ?? '').length > 0), `${l.a}–${l.b}`);
    if (l.kind === 'ferry') assert.match(l.note!, /ferr/i, `${l.a}–${l.b}`);
    if (l.kind === 'fixed') assert.match(l.note!, /bridge|tunnel|fixed link/i, `${l.a}–${l.b}`);
    keys.add(`${l.a}|${l.b}`);
  }
  assert.equal(keys.size, regionLinks.length);
});

test('border links are exactly the shared arcs of the source TopoJSON', () => {
  const pairsOf = (file: string, object: string): string[] => {
    const topology = JSON.parse(readFileSync(new URL(`../../../data/geo/${file}`, import.meta.url), 'utf8')) as Topology;
    return sharedArcPairs(topology, object).map(([a, b]) => `${a}|${b}`);
  };
  const expected = [
    ...pairsOf('skorea-provinces-2018-topo-simple.json', 'skorea_provinces_2018_geo'),
    ...pairsOf('skorea-municipalities-2018-topo-simple.json', 'skorea_municipalities_2018_geo'),
  ].sort();
  const actual = regionLinks.filter((l) => l.kind === 'border').map((l) => `${l.a}|${l.b}`).sort();
  assert.deepEqual(actual, expected);
});

test('every municipality has a neighbour once links are included; islands only through links', () => {
  const withoutBorder = municipalities.filter((m) => neighboursOf(m.code).length === 0).map((m) => m.code);
  assert.deepEqual(withoutBorder, ['21040', '23310', '23320', '36460', '36470', '37430', '38090', '38350']);
  for (const m of municipalities) assert.ok(neighboursOf(m.code, { includeLinks: true, policy: FERRIES }).length > 0, m.code);
  assert.deepEqual(neighboursOf('37430', { includeLinks: true }), [], 'Ulleung has only a ferry');
  assert.ok(adjacent('38090', '38050', true, { ferries: false }), 'Geoje – Tongyeong by bridge, ferries or not');
  assert.ok(adjacent('37430', '37012', true), 'Ulleung – Pohang');
  assert.ok(adjacent('39010', '36010', true), 'Jeju-si – Mokpo');
  assert.ok(adjacent('39010', '36460', true), 'Jeju-si – Wando');
});

function reachable(start: string, allowed: ReadonlySet<string>): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const n of neighboursOf(queue[i]!, { includeLinks: true, policy: FERRIES })) {
      if (allowed.has(n) && !seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

test('non-capital municipalities form one connected graph with links, not without', () => {
  const nonCapital = new Set(municipalities.filter((m) => !m.capitalArea).map((m) => m.code));
  assert.equal(nonCapital.size, 250 - 77);
  const [first] = nonCapital;
  assert.equal(reachable(first!, nonCapital).size, nonCapital.size);
  // without explicit links, Jeju is cut off
  const borderOnly = new Set<string>([first!]);
  const queue = [first!];
  for (let i = 0; i < queue.length; i++) {
    for (const n of neighboursOf(queue[i]!)) {
      if (nonCapital.has(n) && !borderOnly.has(n)) {
        borderOnly.add(n);
        queue.push(n);
      }
    }
  }
  assert.ok(!borderOnly.has('39010'));
  // the whole country, provinces and municipalities
  const all = new Set(municipalities.map((m) => m.code));
  assert.equal(reachable('11010', all).size, 250);
  const provinceCodes = new Set(provinces().map((p) => p.code));
  assert.equal(reachable('11', provinceCodes).size, 17);
});

test('municipality adjacencies checked by name', () => {
  const sejong = codeOf('세종특별자치시', '세종시');
  assert.equal(sejong, '29010');
  assert.ok(adjacent(codeOf('대전광역시', '유성구'), sejong), '대전 유성구 – 세종');
  assert.ok(adjacent(codeOf('부산광역시', '기장군'), codeOf('울산광역시', '울주군')), '부산 기장군 – 울산 울주군');
  assert.ok(adjacent(codeOf('서울특별시', '강남구'), codeOf('서울특별시', '서초구')), '강남구 – 서초구');
  assert.ok(adjacent(codeOf('전라남도', '목포시'), codeOf('전라남도', '무안군')), '목포시 – 무안군');
  assert.ok(adjacent(codeOf('인천광역시', '서구'), codeOf('경기도', '김포시')), '인천 서구 – 김포시');
  assert.ok(adjacent(codeOf('전라남도', '신안군'), codeOf('전라남도', '무안군')), '신안군 – 무안군');
  assert.ok(!adjacent(codeOf('서울특별시', '강남구'), codeOf('서울특별시', '종로구')), '강남구 – 종로구');
  assert.ok(!adjacent(codeOf('강원특별자치도', '고성군'), codeOf('경상남도', '고성군')), 'the two 고성군');
  assert.ok(!adjacent(codeOf('경상남도', '거제시'), codeOf('경상남도', '통영시')), '거제 – 통영 by border');
  assert.ok(adjacent(codeOf('경상남도', '거제시'), codeOf('경상남도', '통영시'), true), '거제 – 통영 by bridge');
});
