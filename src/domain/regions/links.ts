// Which links make regions contiguous, and which link joined two regions (issue 15, item 4). Land borders and
// fixed links (bridges, tunnels) always count; a ferry counts only where a call or the configuration allows it
// (a ferry crossing is not the everyday joint operation the connected-zone model is about; ZoneLink policy).
import type { LinkKind, RegionLink } from './types.ts';

export interface LinkPolicy {
  /** A ferry route joins two regions (set per call, or by ALLOW_FERRY_LINKS). */
  readonly ferries: boolean;
}

export const NO_FERRIES: LinkPolicy = { ferries: false };

/** Does a link of this kind join two regions under the policy? */
export function linkCounts(kind: LinkKind, policy: LinkPolicy): boolean {
  return kind !== 'ferry' || policy.ferries;
}

/** A link that holds a set of regions together, with its kind (and note, for fixed links and ferries). */
export interface RegionJoin {
  readonly a: string;
  readonly b: string;
  readonly kind: LinkKind;
  readonly note?: string;
}

const RANK: Record<LinkKind, number> = { border: 0, fixed: 1, ferry: 2 };

/**
 * The links that join the given regions into as few groups as the policy allows: a spanning forest that takes
 * land borders first, then fixed links, then (when allowed) ferries — so a ferry is named only where nothing
 * else joins the two sides. Sorted by kind, then codes.
 */
export function joiningLinks(codes: readonly string[], links: readonly RegionLink[], policy: LinkPolicy): RegionJoin[] {
  const set = new Set(codes);
  const parent = new Map<string, string>([...set].map((c) => [c, c]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const usable = links
    .filter((l) => set.has(l.a) && set.has(l.b) && l.a !== l.b && linkCounts(l.kind, policy))
    .sort((x, y) => (RANK[x.kind] ?? 0) - (RANK[y.kind] ?? 0) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const joins: RegionJoin[] = [];
  for (const l of usable) {
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra === rb) continue;
    parent.set(ra, rb);
    joins.push(l.note === undefined ? { a: l.a, b: l.b, kind: l.kind } : { a: l.a, b: l.b, kind: l.kind, note: l.note });
  }
  return joins;
}
