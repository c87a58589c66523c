// Regions and their links are reference data: read once per process, served from memory.
import type { Database } from '../../db/database.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import type { DatedName, DatedParent } from '../../domain/regions/types.ts';

export interface RegionView {
  code: string;
  level: 'province' | 'municipality';
  parentCode: string | null;
  name: I18nText & { en: string };
  capitalArea: boolean;
  /** Outside the capital area: may apply for and host a zone (Act Art. 72(1)). */
  eligible: boolean;
  /** A renamed region's dated names, oldest first (today's is `name`). */
  names?: DatedName[];
  /** A moved municipality's provinces through time, oldest first (today's is `parentCode`). */
  parents?: DatedParent[];
}

export interface Neighbour {
  code: string;
  kind: 'border' | 'fixed' | 'ferry';
  note: string | null;
}

export interface RegionCache {
  list: RegionView[];
  byCode: Map<string, RegionView>;
  neighbours: Map<string, Neighbour[]>;
}

export async function loadRegionCache(db: Database): Promise<RegionCache> {
  // Provinces and municipalities; special local governments and integrated special cities are governments, not areas.
  const rows = (await db.selectFrom('region').selectAll().orderBy('code').execute())
    .flatMap((r) => (r.level === 'province' || r.level === 'municipality' ? [{ ...r, level: r.level }] : []));
  const list: RegionView[] = rows.map((r) => ({
    code: r.code, level: r.level, parentCode: r.parent_code, name: r.name, capitalArea: r.capital_area, eligible: !r.capital_area,
    ...(r.names ? { names: r.names } : {}),
    ...(r.parents ? { parents: r.parents } : {}),
  }));
  const neighbours = new Map<string, Neighbour[]>();
  for (const link of await db.selectFrom('region_link').selectAll().orderBy('a').orderBy('b').execute()) {
    for (const [from, to] of [[link.a, link.b], [link.b, link.a]] as const) {
      const entries = neighbours.get(from) ?? [];
      entries.push({ code: to, kind: link.kind, note: link.note });
      neighbours.set(from, entries);
    }
  }
  return { list, byCode: new Map(list.map((r) => [r.code, r])), neighbours };
}
