// Reference data types for regions (시·도 = province level, 시·군·구 = municipality level).

export type RegionLevel = 'province' | 'municipality';

/** Region name in the five UI languages; ko and en always present. */
export type RegionName = { ko: string; en: string; ja?: string; zh?: string; fr?: string };

export type Region = {
  /** SGIS code: 2 digits for a province, 5 digits (province code + 3) for a municipality. */
  code: string;
  level: RegionLevel;
  /** Province code of a municipality today; null for a province (`parents` when it moved). */
  parentCode: string | null;
  name: RegionName;
  /** Inside the Seoul Metropolitan Area (수도권); such regions cannot host a zone. */
  capitalArea: boolean;
  /**
   * A renamed region's names through time, oldest first (the code stays): each valid from `from` (or always
   * before) through `until` (or still). `name` above is today's. Absent when the name never changed.
   */
  names?: readonly DatedName[];
  /**
   * A municipality that moved between provinces: its provinces through time, oldest first (the code stays, so the
   * code's first two digits may name a former province). `parentCode` above is today's. Absent when it never moved.
   */
  parents?: readonly DatedParent[];
};

export type DatedName = { from?: string; until?: string; name: RegionName; basis?: string };

/** A province a municipality belonged to, valid from `from` (or always before) through `until` (or still). */
export type DatedParent = { from?: string; until?: string; code: string; basis?: string };

/**
 * How two regions of the same level meet: 'border' — they share a boundary on land; 'fixed' — a bridge or
 * tunnel joins them (an island to the mainland); 'ferry' — only a ferry route does (Jeju–Mokpo, Ulleung–Pohang).
 */
export type LinkKind = 'border' | 'fixed' | 'ferry';

export const LINK_KINDS: readonly LinkKind[] = ['border', 'fixed', 'ferry'];

/** An undirected link between two regions of the same level, stored with a < b; fixed links and ferries say which in `note`. */
export type RegionLink = { a: string; b: string; kind: LinkKind; note?: string };
