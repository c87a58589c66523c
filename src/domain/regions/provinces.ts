// Province membership through time (issue 15 follow-up): a municipality belongs to a province by a property of the
// region with validity dates (`parents` in data/reference/regions.json), not by its code's prefix. 군위군 (SGIS 2018
// code 37310) moved from 경상북도 to 대구광역시 on 2023-07-01 (「경상북도와 대구광역시 간 관할구역 변경에 관한 법률」,
// in force 2023-07-01); its code stays 37310, so the prefix 37 names its former province. Today's province is
// `parentCode`; a document of an earlier date (an application, a designation) sees the province of its date.
// data/reference/region-parents.json holds the moved municipalities alone (built with regions.json), so the policy,
// which the browser runs too, does not carry the whole region list.
import movedJson from '../../../data/reference/region-parents.json' with { type: 'json' };
import type { DatedParent, Region } from './types.ts';

type Moved = { readonly code: string; readonly parentCode: string; readonly parents: readonly DatedParent[] };

const moved = new Map<string, Moved>((movedJson as Moved[]).map((m) => [m.code, m]));

/** The province a municipality belonged to on `date` (YYYY-MM-DD), or today's without a date; null for a province. */
export function parentOn(region: Pick<Region, 'parentCode' | 'parents'>, date?: string): string | null {
  if (date === undefined) return region.parentCode;
  for (const entry of region.parents ?? []) {
    if ((entry.from === undefined || entry.from <= date) && (entry.until === undefined || date <= entry.until)) return entry.code;
  }
  return region.parentCode;
}

/**
 * The province-level code of a region (SGIS codes): a province's own code (two digits); a municipality's province
 * on `date`, today's without one — the first two digits of its code unless it moved since 2018.
 */
export function provinceOf(code: string, date?: string): string {
  if (code.length !== 5) return code;
  const m = moved.get(code);
  return m === undefined ? code.slice(0, 2) : (parentOn(m, date) ?? code.slice(0, 2));
}

/**
 * Does the government of `governmentCode` govern the region `regionCode` on `date` (today without one)? Its own
 * region, and a province every municipality that belongs to it (not those whose code merely starts with its code).
 */
export function governs(governmentCode: string, regionCode: string, date?: string): boolean {
  if (regionCode === governmentCode) return true;
  return governmentCode.length === 2 && regionCode.length === 5 && provinceOf(regionCode, date) === governmentCode;
}

/** The municipalities that moved between provinces since the 2018 codes (for tests and the data check). */
export function movedMunicipalities(): readonly Moved[] {
  return [...moved.values()];
}
