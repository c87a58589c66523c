// Builds the region reference data from the KOSTAT/SGIS 2018 boundaries in data/geo:
//   data/reference/regions.json       17 provinces then 250 municipalities, by code
//   data/reference/region-links.json  shared-boundary pairs at both levels + explicit island links (bridge/tunnel 'fixed', or 'ferry')
//   data/reference/region-parents.json the municipalities that moved between provinces, with their provinces through time
// Usage: node --import tsx scripts/build-reference.ts
// Source: Statistics Korea (통계청), SGIS — Korea Open Government License type 1 (see data/geo/LICENSE.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { sharedArcPairs } from '../src/domain/regions/adjacency.ts';
import { isCapitalArea } from '../src/domain/regions/capital-area.ts';
import type { Region, RegionLevel, RegionLink, RegionName } from '../src/domain/regions/types.ts';

const root = new URL('../', import.meta.url);
const SOURCES = {
  province: { file: 'data/geo/skorea-provinces-2018-topo-simple.json', object: 'skorea_provinces_2018_geo', count: 17 },
  municipality: { file: 'data/geo/skorea-municipalities-2018-topo-simple.json', object: 'skorea_municipalities_2018_geo', count: 250 },
} as const;

type SourceProps = { name: string; name_eng: string; code: string };

/** Official province names. ko and en must match the source file (checked below); en keeps the
 *  file's name_eng except where noted. */
const PROVINCE_NAMES: Record<string, Required<RegionName>> = {
  '11': { ko: '서울특별시', en: 'Seoul', ja: 'ソウル特別市', zh: '首尔特别市', fr: 'Séoul (ville spéciale)' },
  '21': { ko: '부산광역시', en: 'Busan', ja: '釜山広域市', zh: '釜山广域市', fr: 'Busan (ville métropolitaine)' },
  '22': { ko: '대구광역시', en: 'Daegu', ja: '大邱広域市', zh: '大邱广域市', fr: 'Daegu (ville métropolitaine)' },
  '23': { ko: '인천광역시', en: 'Incheon', ja: '仁川広域市', zh: '仁川广域市', fr: 'Incheon (ville métropolitaine)' },
  '24': { ko: '광주광역시', en: 'Gwangju', ja: '光州広域市', zh: '光州广域市', fr: 'Gwangju (ville métropolitaine)' },
  '25': { ko: '대전광역시', en: 'Daejeon', ja: '大田広域市', zh: '大田广域市', fr: 'Daejeon (ville métropolitaine)' },
  '26': { ko: '울산광역시', en: 'Ulsan', ja: '蔚山広域市', zh: '蔚山广域市', fr: 'Ulsan (ville métropolitaine)' },
  // file: "Sejongsi"
  '29': { ko: '세종특별자치시', en: 'Sejong', ja: '世宗特別自治市', zh: '世宗特别自治市', fr: 'Sejong (ville autonome spéciale)' },
  '31': { ko: '경기도', en: 'Gyeonggi-do', ja: '京畿道', zh: '京畿道', fr: 'Province du Gyeonggi' },
  '32': { ko: '강원도', en: 'Gangwon-do', ja: '江原道', zh: '江原道', fr: 'Province du Gangwon' },
  '33': { ko: '충청북도', en: 'Chungcheongbuk-do', ja: '忠清北道', zh: '忠清北道', fr: 'Province du Chungcheong du Nord' },
  '34': { ko: '충청남도', en: 'Chungcheongnam-do', ja: '忠清南道', zh: '忠清南道', fr: 'Province du Chungcheong du Sud' },
  '35': { ko: '전라북도', en: 'Jeollabuk-do', ja: '全羅北道', zh: '全罗北道', fr: 'Province du Jeolla du Nord' },
  '36': { ko: '전라남도', en: 'Jeollanam-do', ja: '全羅南道', zh: '全罗南道', fr: 'Province du Jeolla du Sud' },
  '37': { ko: '경상북도', en: 'Gyeongsangbuk-do', ja: '慶尚北道', zh: '庆尚北道', fr: 'Province du Gyeongsang du Nord' },
  '38': { ko: '경상남도', en: 'Gyeongsangnam-do', ja: '慶尚南道', zh: '庆尚南道', fr: 'Province du Gyeongsang du Sud' },
  '39': { ko: '제주특별자치도', en: 'Jeju-do', ja: '済州特別自治道', zh: '济州特别自治道', fr: 'Province autonome spéciale de Jeju' },
};

/** Provinces renamed since 2018 (codes unchanged): today's name, and the day it took effect. The 2018 name is
 *  kept as the name until the day before (`names`), so that documents of earlier dates show the name of their date. */
const PROVINCE_RENAMES: Record<string, { from: string; name: Required<RegionName>; basis: string }> = {
  '32': {
    from: '2023-06-11',
    name: { ko: '강원특별자치도', en: 'Gangwon State', ja: '江原特別自治道', zh: '江原特别自治道', fr: 'Province autonome spéciale de Gangwon' },
    basis: '강원특별자치도 설치 등에 관한 특별법 (in force 2023-06-11)',
  },
  '35': {
    from: '2024-01-18',
    name: { ko: '전북특별자치도', en: 'Jeonbuk State', ja: '全北特別自治道', zh: '全北特别自治道', fr: 'Province autonome spéciale de Jeonbuk' },
    basis: '전북특별자치도 설치 등에 관한 특별법 (in force 2024-01-18)',
  },
};

/** Municipalities that moved to another province since 2018 (codes unchanged): the new province from the day the
 *  move took effect; `parents` keeps the 2018 province until the day before. */
const MUNICIPALITY_MOVES: Record<string, { from: string; to: string; basis: string }> = {
  // 군위군: SGIS 2018 code 37310 (경상북도) in data/geo (KOSTAT SGIS, collected 2018-12-24); the ministry's
  // administrative code was 47720 and is not used here.
  '37310': { from: '2023-07-01', to: '22', basis: '경상북도와 대구광역시 간 관할구역 변경에 관한 법률 (in force 2023-07-01)' },
};

/** Municipalities in ja and zh from their hanja names (data/reference/municipality-hanja.json): Korean hanja in
 *  traditional forms become Japanese shinjitai and simplified Chinese characters where those differ; in fr the
 *  government's Revised Romanization, which is the en name (Gyeongju-si). */
const HANJA = (JSON.parse(readFileSync(new URL('data/reference/municipality-hanja.json', root), 'utf8')) as { hanja: Record<string, string> }).hanja;
const SHINJITAI: Record<string, string> = {"區": "区", "濟": "済", "鷄": "鶏", "靈": "霊", "廣": "広", "龜": "亀", "寶": "宝", "餘": "余", "淸": "清", "尙": "尚", "歸": "帰", "壽": "寿", "營": "営", "勸": "勧", "靑": "青", "榮": "栄", "禮": "礼", "實": "実", "鎭": "鎮", "晉": "晋", "會": "会", "黨": "党", "鐵": "鉄", "澤": "沢", "臺": "台", "橫": "横", "萬": "万", "綠": "緑", "巖": "岩", "德": "徳", "處": "処", "峰": "峰", "樂": "楽"};
const SIMPLIFIED: Record<string, string> = {"區": "区", "濟": "济", "鷄": "鸡", "靈": "灵", "廣": "广", "龜": "龟", "東": "东", "陽": "阳", "華": "华", "慶": "庆", "門": "门", "萊": "莱", "銅": "铜", "務": "务", "聞": "闻", "寶": "宝", "報": "报", "餘": "余", "淸": "清", "尙": "尚", "歸": "归", "壽": "寿", "營": "营", "勸": "劝", "靑": "青", "順": "顺", "興": "兴", "長": "长", "養": "养", "萬": "万", "綠": "绿", "園": "园", "麗": "丽", "驪": "骊", "漣": "涟", "蓮": "莲", "島": "岛", "禮": "礼", "烏": "乌", "甕": "瓮", "龍": "龙", "鬱": "郁", "陰": "阴", "義": "义", "議": "议", "實": "实", "鍾": "钟", "鎭": "镇", "晉": "晋", "會": "会", "黨": "党", "鐵": "铁", "澤": "泽", "陜": "陕", "臺": "台", "橫": "横", "處": "处", "達": "达", "羅": "罗", "論": "论", "雲": "云", "蘆": "芦", "張": "张", "錦": "锦", "軍": "军", "機": "机", "寧": "宁", "榮": "荣", "馬": "马", "項": "项", "統": "统", "楊": "杨", "巖": "岩", "豐": "丰", "陵": "陵", "倉": "仓", "敞": "敞", "麟": "麟", "儒": "儒"};
const convert = (text: string, table: Record<string, string>): string => [...text].map((ch) => table[ch] ?? ch).join('');

/** The day before an ISO date. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Municipality English names fixed where the file's name_eng is wrong (32360), ambiguous
 *  (37011/37012, 31250) or unhyphenated. [value in the file, value we publish]. */
const MUNICIPALITY_EN_FIXES: Record<string, readonly [string, string]> = {
  '29010': ['Sejongsi', 'Sejong'],
  '31011': ['Suwonsijangangu', 'Suwon-si Jangan-gu'],
  '31012': ['Suwonsigwonseongu', 'Suwon-si Gwonseon-gu'],
  '31013': ['Suwonsipaldalgu', 'Suwon-si Paldal-gu'],
  '31014': ['Suwonsiyeongtonggu', 'Suwon-si Yeongtong-gu'],
  '31021': ['Seongnamsisujeonggu', 'Seongnam-si Sujeong-gu'],
  '31022': ['Seongnamsijungwongu', 'Seongnam-si Jungwon-gu'],
  '31023': ['Seongnamsibundanggu', 'Seongnam-si Bundang-gu'],
  '31041': ['Anyangsimanangu', 'Anyang-si Manan-gu'],
  '31042': ['Anyangsidongangu', 'Anyang-si Dongan-gu'],
  '31091': ['Ansansisangnokgu', 'Ansan-si Sangnok-gu'],
  '31092': ['Ansansidanwongu', 'Ansan-si Danwon-gu'],
  '31101': ['Goyangsideogyanggu', 'Goyang-si Deogyang-gu'],
  '31103': ['Goyangsiilsandonggu', 'Goyang-si Ilsandong-gu'],
  '31104': ['Goyangsiilsanseogu', 'Goyang-si Ilsanseo-gu'],
  '31191': ['Yonginsicheoingu', 'Yongin-si Cheoin-gu'],
  '31192': ['Yonginsigiheunggu', 'Yongin-si Giheung-gu'],
  '31193': ['Yonginsisujigu', 'Yongin-si Suji-gu'],
  '31240': ['Hwaseongsi', 'Hwaseong-si'],
  '31250': ['Gwangju', 'Gwangju-si'], // Gyeonggi's 광주시, not Gwangju Metropolitan City
  '31260': ['Yangjusi', 'Yangju-si'],
  '31270': ['Pocheonsi', 'Pocheon-si'],
  '32360': ['Gongju-si', 'Cheorwon-gun'], // 철원군; the file repeats Gongju-si (34020) by mistake
  '33041': ['Cheongjusisangdanggu', 'Cheongju-si Sangdang-gu'],
  '33042': ['Cheongjusiseowongu', 'Cheongju-si Seowon-gu'],
  '33043': ['Cheongjusiheungdeokgu', 'Cheongju-si Heungdeok-gu'],
  '33044': ['Cheongjusicheongwongu', 'Cheongju-si Cheongwon-gu'],
  '33390': ['Jeungpyeonggun', 'Jeungpyeong-gun'],
  '34011': ['Cheonansidongnamgu', 'Cheonan-si Dongnam-gu'],
  '34012': ['Cheonansiseobukgu', 'Cheonan-si Seobuk-gu'],
  '34070': ['Gyeryongsi', 'Gyeryong-si'],
  '34080': ['Dangjinsi', 'Dangjin-si'],
  '35011': ['Jeonjusiwansangu', 'Jeonju-si Wansan-gu'],
  '35012': ['Jeonjusideokjingu', 'Jeonju-si Deokjin-gu'],
  '37011': ['Nam-gu', 'Pohang-si Nam-gu'],
  '37012': ['Buk-gu', 'Pohang-si Buk-gu'],
  '38111': ['Uichanggu', 'Changwon-si Uichang-gu'],
  '38112': ['Seongsangu', 'Changwon-si Seongsan-gu'],
  '38113': ['Masanhappogu', 'Changwon-si Masanhappo-gu'],
  '38114': ['Masanhoewongu', 'Changwon-si Masanhoewon-gu'],
  '38115': ['Jinhaegu', 'Changwon-si Jinhae-gu'],
};

/** Explicit links for islands with no shared land boundary, so that "connected" stays meaningful.
 *  Each is a real fixed link (bridge) or a regular ferry route to the nearest mainland municipality. */
const EXPLICIT_LINKS: readonly (readonly [a: string, b: string, kind: 'fixed' | 'ferry', note: string])[] = [
  // province level
  ['36', '39', 'ferry', 'Jeju–Jeonnam ferries (Jeju–Mokpo, Jeju–Wando)'],
  // municipality level
  ['39010', '36010', 'ferry', 'Jeju–Mokpo ferry (Jeju Port – Mokpo Port)'],
  ['39010', '36460', 'ferry', 'Jeju–Wando ferry (Jeju Port – Wando Port)'],
  ['37430', '37012', 'ferry', 'Ulleung–Pohang ferry (Dodong/Sadong – Pohang, Buk-gu)'],
  ['21040', '21010', 'fixed', 'Yeongdo Bridge (영도대교) to Jung-gu, Busan'],
  ['23310', '31230', 'fixed', 'Ganghwa Bridge and Choji Bridge (강화대교·초지대교) to Gimpo'],
  ['23320', '23010', 'ferry', 'Ferries to the Ongjin islands from Yeonan Pier (연안부두), Jung-gu, Incheon'],
  ['23320', '31092', 'fixed', 'Yeongheung and Seonjae bridges (영흥대교·선재대교) to Daebudo, Ansan Danwon-gu'],
  ['36460', '36400', 'fixed', 'Wando Bridge (완도대교) to Haenam'],
  ['36470', '36400', 'fixed', 'Jindo Bridge (진도대교) over Uldolmok to Haenam'],
  ['38090', '38050', 'fixed', 'Geoje Bridge and Sin-Geoje Bridge (거제대교·신거제대교) to Tongyeong'],
  ['38090', '21120', 'fixed', 'Busan–Geoje Fixed Link (거가대교) to Gangseo-gu, Busan'],
  ['38350', '38360', 'fixed', 'Namhae Bridge (남해대교) to Hadong'],
  ['38350', '38060', 'fixed', 'Changseon–Samcheonpo Bridge (창선·삼천포대교) to Sacheon'],
];

function fail(message: string): never {
  throw new Error(`build-reference: ${message}`);
}

function readLevel(level: RegionLevel): { props: SourceProps[]; pairs: [string, string][] } {
  const { file, object, count } = SOURCES[level];
  const topology = JSON.parse(readFileSync(new URL(file, root), 'utf8')) as Topology;
  const collection = topology.objects[object] as GeometryCollection<SourceProps> | undefined;
  if (collection?.type !== 'GeometryCollection') fail(`${file}: no GeometryCollection "${object}"`);
  const props = collection.geometries.map((g, i): SourceProps => {
    const p = (g as { properties?: SourceProps | null }).properties;
    return p ?? fail(`${file}: geometry #${i} has no properties`);
  });
  if (props.length !== count) fail(`${file}: expected ${count} geometries, found ${props.length}`);
  const codeLength = level === 'province' ? 2 : 5;
  const seen = new Set<string>();
  for (const p of props) {
    if (typeof p.code !== 'string' || p.code.length !== codeLength || !/^\d+$/.test(p.code)) fail(`${file}: bad code ${p.code}`);
    if (seen.has(p.code)) fail(`${file}: duplicate code ${p.code}`);
    seen.add(p.code);
  }
  return { props, pairs: sharedArcPairs(topology, object).map(([a, b]) => [a, b]) };
}

function byCode(x: { code: string }, y: { code: string }): number {
  return x.code < y.code ? -1 : x.code > y.code ? 1 : 0;
}

function checkConnected(codes: readonly string[], links: readonly RegionLink[], label: string): void {
  const adjacency = new Map<string, string[]>(codes.map((c) => [c, []]));
  for (const l of links) {
    adjacency.get(l.a)?.push(l.b);
    adjacency.get(l.b)?.push(l.a);
  }
  const start = codes[0];
  if (start === undefined) return;
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const n of adjacency.get(queue[i]!) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  const missing = codes.filter((c) => !seen.has(c));
  if (missing.length > 0) fail(`${label} graph is not connected; unreachable: ${missing.join(', ')}`);
}

function build(): { regions: Region[]; links: RegionLink[]; isolated: string[] } {
  const provinces = readLevel('province');
  const municipalities = readLevel('municipality');

  const provinceRegions: Region[] = provinces.props.map((p) => {
    const name = PROVINCE_NAMES[p.code] ?? fail(`no names for province ${p.code}`);
    if (name.ko !== p.name) fail(`province ${p.code}: ko "${name.ko}" differs from file "${p.name}"`);
    if (name.en !== p.name_eng && !(p.code === '29' && p.name_eng === 'Sejongsi')) {
      fail(`province ${p.code}: en "${name.en}" differs from file "${p.name_eng}"`);
    }
    const renamed = PROVINCE_RENAMES[p.code];
    if (renamed === undefined) return { code: p.code, level: 'province', parentCode: null, name: { ...name }, capitalArea: isCapitalArea(p.code) };
    return {
      code: p.code, level: 'province', parentCode: null, name: { ...renamed.name }, capitalArea: isCapitalArea(p.code),
      names: [{ until: dayBefore(renamed.from), name: { ...name } }, { from: renamed.from, name: { ...renamed.name }, basis: renamed.basis }],
    };
  });
  const provinceCodes = new Set(provinceRegions.map((r) => r.code));

  const unusedFixes = new Set(Object.keys(MUNICIPALITY_EN_FIXES));
  const unusedMoves = new Set(Object.keys(MUNICIPALITY_MOVES));
  const municipalityRegions: Region[] = municipalities.props.map((p) => {
    const parentCode = p.code.slice(0, 2);
    if (!provinceCodes.has(parentCode)) fail(`municipality ${p.code}: no province ${parentCode}`);
    let en = p.name_eng;
    const fix = MUNICIPALITY_EN_FIXES[p.code];
    if (fix !== undefined) {
      if (fix[0] !== p.name_eng) fail(`municipality ${p.code}: expected file name_eng "${fix[0]}", found "${p.name_eng}"`);
      en = fix[1];
      unusedFixes.delete(p.code);
    }
    const hanja = HANJA[p.code] ?? fail(`municipality ${p.code}: no hanja name`);
    if ([...hanja].length !== [...p.name].length) fail(`municipality ${p.code}: hanja "${hanja}" does not match "${p.name}"`);
    const name = { ko: p.name, en, ja: convert(hanja, SHINJITAI), zh: convert(hanja, SIMPLIFIED), fr: en };
    const moved = MUNICIPALITY_MOVES[p.code];
    if (moved === undefined) return { code: p.code, level: 'municipality', parentCode, name, capitalArea: isCapitalArea(p.code) };
    if (!provinceCodes.has(moved.to)) fail(`municipality ${p.code}: moved to unknown province ${moved.to}`);
    unusedMoves.delete(p.code);
    return {
      code: p.code, level: 'municipality', parentCode: moved.to, name, capitalArea: isCapitalArea(p.code),
      parents: [{ until: dayBefore(moved.from), code: parentCode }, { from: moved.from, code: moved.to, basis: moved.basis }],
    };
  });
  if (unusedMoves.size > 0) fail(`moves of unknown codes: ${[...unusedMoves].join(', ')}`);
  if (unusedFixes.size > 0) fail(`name fixes for unknown codes: ${[...unusedFixes].join(', ')}`);

  const allCodes = new Set([...provinceCodes, ...municipalityRegions.map((r) => r.code)]);
  const borders: RegionLink[] = [...provinces.pairs, ...municipalities.pairs].map(([a, b]) => ({ a, b, kind: 'border' }));
  const borderKeys = new Set(borders.map((l) => `${l.a}|${l.b}`));
  const explicit: RegionLink[] = EXPLICIT_LINKS.map(([x, y, kind, note]) => {
    if (!allCodes.has(x) || !allCodes.has(y)) fail(`link ${x}–${y}: unknown code`);
    if (x.length !== y.length) fail(`link ${x}–${y}: codes of different levels`);
    const [a, b] = x < y ? [x, y] : [y, x];
    if (a === b) fail(`link ${x}–${y}: self link`);
    if (borderKeys.has(`${a}|${b}`)) fail(`link ${a}–${b} duplicates a border`);
    return { a, b, kind, note };
  });
  const linkKeys = new Set(explicit.map((l) => `${l.a}|${l.b}`));
  if (linkKeys.size !== explicit.length) fail('duplicate explicit links');

  const links = [...borders, ...explicit].sort(
    (x, y) => x.a.length - y.a.length || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) || (x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
  );
  const regions = [...provinceRegions.sort(byCode), ...municipalityRegions.sort(byCode)];

  const withBorder = new Set(borders.flatMap((l) => [l.a, l.b]));
  const isolated = regions.filter((r) => !withBorder.has(r.code)).map((r) => `${r.code} ${r.name.ko} (${r.name.en})`);
  checkConnected([...provinceCodes].sort(), links, 'province');
  checkConnected(municipalityRegions.map((r) => r.code), links, 'municipality');
  return { regions, links, isolated };
}

function writeJsonLines(relative: string, rows: readonly unknown[]): void {
  // One record per line: valid JSON that diffs well.
  const text = `[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`;
  writeFileSync(new URL(relative, root), text);
}

const { regions, links, isolated } = build();
mkdirSync(new URL('data/reference/', root), { recursive: true });
writeJsonLines('data/reference/regions.json', regions);
writeJsonLines('data/reference/region-links.json', links);
// The moved municipalities alone, so that code deciding membership (the policy, also in the browser) needs no full list.
writeJsonLines('data/reference/region-parents.json', regions.filter((r) => r.parents !== undefined).map((r) => ({ code: r.code, parentCode: r.parentCode, parents: r.parents })));
const count = (pred: (x: RegionLink) => boolean): number => links.filter(pred).length;
console.log(
  `regions: ${regions.filter((r) => r.level === 'province').length} provinces, ` +
    `${regions.filter((r) => r.level === 'municipality').length} municipalities`,
);
console.log(
  `links: ${count((l) => l.a.length === 2 && l.kind === 'border')} province borders, ` +
    `${count((l) => l.a.length === 2 && l.kind !== 'border')} province links, ` +
    `${count((l) => l.a.length === 5 && l.kind === 'border')} municipality borders, ` +
    `${count((l) => l.a.length === 5 && l.kind === 'fixed')} municipality fixed links, ` +
    `${count((l) => l.a.length === 5 && l.kind === 'ferry')} municipality ferries`,
);
console.log(`without a border neighbour: ${isolated.join('; ')}`);
