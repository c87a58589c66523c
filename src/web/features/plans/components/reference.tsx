// Reference data the plan editors choose from: the municipalities of a government (for sites) and the
// regulation catalogue (search as you type, for proposed exemptions).
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api.ts';
import type { Region } from '../../../shared/types.ts';
import { provinceOf } from '../../../../domain/regions/provinces.ts';

const byProvince = new Map<string, Promise<Region[]>>();
/** Names of every municipality loaded so far, by code (for diffs and read-only views). */
export const municipalityNames = new Map<string, Region['name']>();

function municipalitiesOf(province: string): Promise<Region[]> {
  let promise = byProvince.get(province);
  if (!promise) {
    promise = api.listRegions('municipality', province).then((r) => {
      for (const m of r.items) municipalityNames.set(m.code, m.name);
      return r.items;
    });
    promise.catch(() => byProvince.delete(province));
    byProvince.set(province, promise);
  }
  return promise;
}

/**
 * Where a government's sites may lie: the municipalities of a metropolitan government, or the basic
 * government itself (RFZ Act Art. 2(13): inside its own territory). Empty until loaded.
 */
export function useMunicipalities(government: string): Region[] {
  const [items, setItems] = useState<Region[]>([]);
  useEffect(() => {
    let live = true;
    municipalitiesOf(provinceOf(government))
      .then((all) => live && setItems(government.length === 2 ? all : all.filter((m) => m.code === government)))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [government]);
  return items;
}
