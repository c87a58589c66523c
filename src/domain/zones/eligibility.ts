/**
 * Who may apply for a zone, and where a zone may lie.
 *
 * Region codes are the SGIS (KOSTAT 2018) codes used in `data/geo`: 2 digits for a province-level
 * (metropolitan) government, 5 digits for a city/county/district.
 */
import { isCapitalArea } from '../regions/capital-area.ts';
import { provinceOf as provinceOnDate } from '../regions/provinces.ts';
import type { Violation } from './transition-table.ts';

/**
 * 'special': a special local government (특별지방자치단체, Local Autonomy Act Art. 199), e.g. 충청광역연합;
 * 'integrated': an integrated special city (통합특별시) formed from metropolitan governments. Both are joint
 * applicants under Decree Art. 40(2) as amended on 2026-06-30, and stand for their members.
 */
export type GovernmentLevel = 'metropolitan' | 'basic' | 'special' | 'integrated';

export interface Applicant {
  /** 2-digit code for a metropolitan government, 5-digit for a basic one; ZoneLink's own code for a special or integrated one. */
  readonly code: string;
  readonly level: GovernmentLevel;
  /** For a special local government or an integrated special city: the codes of the governments it stands for. */
  readonly members?: readonly string[];
}

const standsForMembers = (a: Applicant): boolean => a.level === 'special' || a.level === 'integrated';

/**
 * The metropolitan (province-level) governments an applicant stands for: itself, or the 2-digit members of a
 * special local government or integrated special city (a basic member stands for no metropolitan government).
 */
export function metropolitanOf(applicant: Applicant): string[] {
  if (applicant.level === 'metropolitan') return [applicant.code];
  if (!standsForMembers(applicant)) return [];
  return [...new Set((applicant.members ?? []).filter((m) => m.length === 2))];
}

/** The provinces an applicant's territory lies in (for contiguity): its own, or its members'. */
export function provincesOf(applicant: Applicant): string[] {
  if (!standsForMembers(applicant)) return [provinceOf(applicant.code)];
  return [...new Set((applicant.members ?? []).map(provinceOf))];
}

export interface Site {
  readonly id: string;
  /** Municipality (5-digit) code where the site lies. */
  readonly regionCode: string;
}

export type ZoneModel = 'single' | 'connected';

const REGION_CODE = /^\d{2}(\d{3})?$/;
/** ZoneLink's code of a special local government or integrated special city (not an SGIS region code). */
const SPECIAL_CODE = /^[0-9A-Z][0-9A-Z-]{1,31}$/;
const ART_72_1 = 'RFZ Act Art. 72(1); Art. 2(13)';

/** The province of a region today (a moved municipality's new province, e.g. 군위군 37310 → 대구 22; `provinces.ts`). */
export function provinceOf(code: string): string {
  return provinceOnDate(code);
}

function checkCode(code: string, expected: 2 | 5 | 'any', subject: string): Violation | null {
  if (!REGION_CODE.test(code) || (expected !== 'any' && code.length !== expected)) {
    return { code: 'invalid-region-code', rule: ART_72_1, params: { subject, regionCode: code } };
  }
  return null;
}

/** Does an applicant's territory contain the municipality `regionCode`? */
function covers(applicant: Applicant, regionCode: string): boolean {
  switch (applicant.level) {
    case 'metropolitan':
      return provinceOf(regionCode) === applicant.code;
    case 'basic':
      return regionCode === applicant.code;
    case 'special':
    case 'integrated':
      return (applicant.members ?? []).some((m) => (m.length === 2 ? provinceOf(regionCode) === m : regionCode === m));
  }
}

/**
 * Applicants and sites: every applicant is a non-capital government (Art. 72(1) items 1–3;
 * a special local government only if none of its members is in the capital area, Art. 2(13)(c));
 * every site lies outside the capital area and inside an applicant's territory (Art. 2(13)).
 */
export function checkApplicantsAndSites(applicants: readonly Applicant[], sites: readonly Site[]): Violation[] {
  const violations: Violation[] = [];
  if (applicants.length === 0) violations.push({ code: 'no-applicant', rule: 'RFZ Act Art. 72(1)', params: {} });
  for (const a of applicants) {
    const expected = a.level === 'metropolitan' ? 2 : a.level === 'basic' ? 5 : 'any';
    if (standsForMembers(a) && !SPECIAL_CODE.test(a.code)) {
      violations.push({ code: 'invalid-region-code', rule: ART_72_1, params: { subject: `applicant:${a.code}`, regionCode: a.code } });
      continue;
    }
    const bad = standsForMembers(a) ? null : checkCode(a.code, expected, `applicant:${a.code}`);
    if (bad) {
      violations.push(bad);
      continue;
    }
    if (standsForMembers(a)) {
      const members = a.members ?? [];
      if (members.length === 0) violations.push({ code: 'special-government-without-members', rule: a.level === 'special' ? 'RFZ Act Art. 2(13)(c)' : 'Decree Art. 40(2)', params: { applicant: a.code } });
      for (const m of members) {
        const badMember = checkCode(m, 'any', `member:${m}`);
        if (badMember) violations.push(badMember);
        else if (isCapitalArea(m)) {
          violations.push({ code: 'applicant-in-capital-area', rule: 'RFZ Act Art. 72(1)3; Art. 2(13)(c)', params: { applicant: a.code, member: m } });
        }
      }
    } else if (isCapitalArea(a.code)) {
      violations.push({
        code: 'applicant-in-capital-area',
        rule: a.level === 'metropolitan' ? 'RFZ Act Art. 72(1)1' : 'RFZ Act Art. 72(1)2',
        params: { applicant: a.code },
      });
    }
  }
  if (sites.length === 0) violations.push({ code: 'no-site', rule: 'RFZ Act Art. 74(1)1, 74(1)7', params: {} });
  for (const s of sites) {
    const bad = checkCode(s.regionCode, 5, `site:${s.id}`);
    if (bad) {
      violations.push(bad);
      continue;
    }
    if (isCapitalArea(s.regionCode)) {
      violations.push({ code: 'site-in-capital-area', rule: 'RFZ Act Art. 2(13)', params: { site: s.id, regionCode: s.regionCode } });
    } else if (applicants.length > 0 && !applicants.some((a) => covers(a, s.regionCode))) {
      violations.push({ code: 'site-outside-applicants', rule: 'RFZ Act Art. 2(13)', params: { site: s.id, regionCode: s.regionCode } });
    }
  }
  return violations;
}

/**
 * A regionally connected zone needs at least two metropolitan (province-level) governments applying jointly
 * (2026 call for 광역연계형 특구, DOMAIN.md §8; joint plan under Decree Art. 40(2)). Since Decree Art. 40(2) as
 * amended on 2026-06-30, a special local government (Local Autonomy Act Art. 199) or an integrated special city
 * applies for the metropolitan governments it stands for: 충청광역연합 alone counts Daejeon, Sejong, Chungbuk and
 * Chungnam; a metropolitan government named both itself and as a member counts once.
 */
export function checkConnectedZone(model: ZoneModel, applicants: readonly Applicant[]): Violation[] {
  if (model !== 'connected') return [];
  const metropolitan = new Set(applicants.flatMap(metropolitanOf));
  if (metropolitan.size >= 2) return [];
  return [
    {
      code: 'connected-needs-two-metropolitan',
      rule: 'MSS call for regionally connected zones (2026-02-06); Decree Art. 40(2)',
      params: { metropolitan: metropolitan.size, required: 2 },
    },
  ];
}

export interface ProvinceNotification {
  /** The basic government that applies. */
  readonly from: string;
  /** Its province, which must be told and may comment (Art. 72(2)–(3)). */
  readonly province: string;
}

/**
 * Notifications a basic government's application requires (RFZ Act Art. 72(2)). A province that
 * is itself a co-applicant has the plan already and needs no separate notice (ZoneLink reading).
 */
export function requiredProvinceNotifications(applicants: readonly Applicant[]): ProvinceNotification[] {
  const coApplying = new Set(applicants.filter((a) => a.level === 'metropolitan').map((a) => a.code));
  const result: ProvinceNotification[] = [];
  for (const a of applicants) {
    if (a.level !== 'basic') continue;
    const province = provinceOf(a.code);
    if (!coApplying.has(province)) result.push({ from: a.code, province });
  }
  return result;
}

/** Each required notification must have been sent. `notified` lists `from→province` pairs sent. */
export function checkProvinceNotifications(
  applicants: readonly Applicant[],
  notified: readonly ProvinceNotification[],
): Violation[] {
  return requiredProvinceNotifications(applicants)
    .filter((n) => !notified.some((x) => x.from === n.from && x.province === n.province))
    .map((n) => ({ code: 'province-not-notified', rule: 'RFZ Act Art. 72(2)', params: { applicant: n.from, province: n.province } }));
}

export type Adjacency = ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>;

function neighbours(adjacency: Adjacency, code: string): readonly string[] {
  if (adjacency instanceof Map) return adjacency.get(code) ?? [];
  return (adjacency as Readonly<Record<string, readonly string[]>>)[code] ?? [];
}

export interface ContiguityResult {
  readonly contiguous: boolean;
  /** Connected groups of the given regions (one group when contiguous), each sorted. */
  readonly components: readonly (readonly string[])[];
  readonly violations: readonly Violation[];
}

/**
 * Are a connected zone's regions one connected group on the map? Adjacency is treated as
 * undirected (a link listed on either side counts). Not a statutory requirement: a warning by
 * default, an error when `requireContiguity` (a call or policy flag) is set.
 */
export function checkContiguity(
  regions: readonly string[],
  adjacency: Adjacency,
  options: { readonly requireContiguity?: boolean } = {},
): ContiguityResult {
  const set = new Set(regions);
  const undirected = new Map<string, Set<string>>();
  for (const code of set) undirected.set(code, new Set());
  for (const code of set) {
    for (const n of neighbours(adjacency, code)) {
      if (!set.has(n) || n === code) continue;
      undirected.get(code)?.add(n);
      undirected.get(n)?.add(code);
    }
  }
  const components: string[][] = [];
  const seen = new Set<string>();
  for (const start of [...set].sort()) {
    if (seen.has(start)) continue;
    const group: string[] = [];
    const stack = [start];
    seen.add(start);
    for (let code = stack.pop(); code !== undefined; code = stack.pop()) {
      group.push(code);
      for (const n of undirected.get(code) ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    components.push(group.sort());
  }
  const contiguous = components.length <= 1;
  const violations: Violation[] = contiguous
    ? []
    : [
        {
          code: 'regions-not-contiguous',
          rule: options.requireContiguity ? 'call policy: contiguity required' : 'ZoneLink policy (advisory)',
          params: { components: components.map((c) => c.join('+')) },
          severity: options.requireContiguity ? 'error' : 'warning',
        },
      ];
  return { contiguous, components, violations };
}
