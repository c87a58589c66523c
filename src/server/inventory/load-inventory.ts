// Reads inventories from the database; a province can include its municipalities' entries.
import type { Database } from '../../db/database.ts';
import { provinceOf } from '../../domain/regions/provinces.ts';
import { emptyInventory, sumInventories, type Inventory } from '../../domain/capabilities/inventory.ts';
import type { CapabilityKey, ExemptionKindKey } from '../../domain/capabilities/catalogue.ts';
import type { Stage } from '../../domain/supply-chain/stages.ts';

export interface LoadedInventory {
  inventory: Inventory;
  /** Any entry is demo data. */
  demo: boolean;
}

/** Inventories of the given regions, or of every region when `codes` is null. */
export async function loadInventory(db: Database, codes: string[] | null, withMunicipalities: boolean): Promise<Map<string, LoadedInventory>> {
  const owner = (code: string): string | null => {
    if (codes === null) return code;
    if (codes.includes(code)) return code;
    if (withMunicipalities && code.length === 5 && codes.includes(provinceOf(code))) return provinceOf(code);
    return null;
  };
  const filter = <T extends { region_code: string }>(rows: T[]) => rows.flatMap((r) => {
    const to = owner(r.region_code);
    return to === null ? [] : [{ ...r, to }];
  });
  const [caps, stages, held] = await Promise.all([
    db.selectFrom('region_capability').select(['region_code', 'capability', 'quantity', 'demo']).execute(),
    db.selectFrom('region_stage').select(['region_code', 'stage', 'demo']).execute(),
    db.selectFrom('region_exemption_held').select(['region_code', 'exemption', 'demo']).execute(),
  ]);
  const parts = new Map<string, Map<string, Inventory>>();
  const demo = new Map<string, boolean>();
  const part = (to: string, region: string): Inventory => {
    const byRegion = parts.get(to) ?? new Map<string, Inventory>();
    parts.set(to, byRegion);
    const inv = byRegion.get(region) ?? emptyInventory();
    byRegion.set(region, inv);
    return inv;
  };
  for (const r of filter(caps)) {
    part(r.to, r.region_code).capabilities[r.capability as CapabilityKey] = r.quantity;
    if (r.demo) demo.set(r.to, true);
  }
  for (const r of filter(stages)) {
    part(r.to, r.region_code).stages.push(r.stage as Stage);
    if (r.demo) demo.set(r.to, true);
  }
  for (const r of filter(held)) {
    part(r.to, r.region_code).exemptions.push(r.exemption as ExemptionKindKey);
    if (r.demo) demo.set(r.to, true);
  }
  const out = new Map<string, LoadedInventory>();
  for (const code of codes ?? [...parts.keys()]) {
    out.set(code, { inventory: sumInventories([...(parts.get(code)?.values() ?? [])]), demo: demo.get(code) ?? false });
  }
  return out;
}
