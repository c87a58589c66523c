// Region names through time (issue 15, item 5): codes stay stable while names change — 강원도 became
// 강원특별자치도 on 2023-06-11 and 전라북도 전북특별자치도 on 2024-01-18 (the special acts establishing them).
// Pages show today's name; a document of a given date (a designation, a notice, a reference zone of its round)
// shows the name that was valid on that date.
import type { Region, RegionName } from './types.ts';

/** The region's name valid on `date` (YYYY-MM-DD); today's name when the region was never renamed or the date is later. */
export function regionNameOn(region: Pick<Region, 'name' | 'names'>, date: string): RegionName {
  for (const entry of region.names ?? []) {
    if ((entry.from === undefined || entry.from <= date) && (entry.until === undefined || date <= entry.until)) return entry.name;
  }
  return region.name;
}
