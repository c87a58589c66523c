// Demo capability inventory for every non-empty municipality — generated (seeded, reproducible) and
// marked demo = true. Regional leanings follow the fields of the real zones (DOMAIN.md §7); quantities are invented.
import type { Database } from '../database.ts';
import { ASSETS, CLUSTERS, type CapabilityKey, type ExemptionKindKey } from '../../domain/capabilities/catalogue.ts';
import { regions } from '../../domain/regions/reference.ts';
import { STAGES, type Stage } from '../../domain/supply-chain/stages.ts';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const COASTAL = new Set(['21', '23', '26', '31', '32', '34', '35', '36', '37', '38', '39']);
/** Capabilities each province leans to (more likely, larger quantities). */
const LEANINGS: Record<string, CapabilityKey[]> = {
  '21': ['port', 'cluster_marine', 'logistics_centre'],
  '22': ['cluster_robotics', 'hospital', 'research_institute'],
  '24': ['cluster_energy', 'test_track'],
  '25': ['research_institute', 'certification_lab', 'cluster_bio_health'],
  '26': ['hydrogen_refuelling_station', 'cluster_hydrogen', 'port', 'industrial_complex'],
  '29': ['test_track', 'data_centre'],
  '32': ['data_centre', 'cluster_bio_health', 'hospital'],
  '33': ['cluster_bio_health', 'certification_lab'],
  '34': ['cluster_hydrogen', 'industrial_complex'],
  '35': ['smart_farm', 'cluster_agri_food'],
  '36': ['smart_farm', 'cluster_energy', 'port', 'drone_corridor'],
  '37': ['cluster_robotics', 'industrial_complex', 'ev_charging_hub'],
  '38': ['port', 'cluster_marine', 'cluster_hydrogen', 'drone_corridor'],
  '39': ['ev_charging_hub', 'cluster_energy'],
};
/** Exemption kinds held in the province's zones (DOMAIN.md §7), put on its first municipality. */
const HELD: Record<string, ExemptionKindKey[]> = {
  '21': ['lpg_ship_fuel'],
  '24': ['ess_power_trading'],
  '26': ['hydrogen_tube_trailer', 'genome_dtc', 'ammonia_bunkering'],
  '29': ['autonomous_shuttle'],
  '32': ['telemedicine_home'],
  '35': ['mobile_ev_charging'],
  '36': ['drone_bvlos'],
  '38': ['unmanned_ship'],
  '39': ['mobile_ev_charging'],
};

export interface DemoInventoryRow {
  region: string;
  capabilities: [CapabilityKey, number][];
  stages: Stage[];
  exemptions: ExemptionKindKey[];
}

export function demoInventory(): DemoInventoryRow[] {
  const out: DemoInventoryRow[] = [];
  const firstOfProvince = new Set<string>();
  for (const region of regions) {
    if (region.level !== 'municipality') continue;
    const province = region.parentCode!;
    const random = prng(Number(region.code) * 7919);
    const leaning = new Set(LEANINGS[province] ?? []);
    const capabilities: [CapabilityKey, number][] = [];
    for (const key of [...Object.keys(ASSETS), ...Object.keys(CLUSTERS)] as CapabilityKey[]) {
      if (key === 'port' && !COASTAL.has(province)) continue;
      const chance = leaning.has(key) ? 0.6 : 0.15;
      if (random() < chance) {
        const scale = key.startsWith('cluster_') ? 25 : 4;
        capabilities.push([key, 1 + Math.floor(random() * scale * (leaning.has(key) ? 2 : 1))]);
      }
    }
    const stages = STAGES.filter(() => random() < 0.35);
    const exemptions = firstOfProvince.has(province) ? [] : (HELD[province] ?? []);
    firstOfProvince.add(province);
    out.push({ region: region.code, capabilities, stages, exemptions });
  }
  return out;
}

export async function seedDemoInventory(db: Database): Promise<{ created: boolean }> {
  const any = await db.selectFrom('region_capability').select('region_code').limit(1).executeTakeFirst();
  if (any) return { created: false };
  const rows = demoInventory();
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    const caps = rows.flatMap((r) => r.capabilities.map(([capability, quantity]) => ({ region_code: r.region, capability, quantity, demo: true, updated_at: now, updated_by: null })));
    for (let i = 0; i < caps.length; i += 500) await trx.insertInto('region_capability').values(caps.slice(i, i + 500)).execute();
    const stages = rows.flatMap((r) => r.stages.map((stage) => ({ region_code: r.region, stage, demo: true })));
    for (let i = 0; i < stages.length; i += 500) await trx.insertInto('region_stage').values(stages.slice(i, i + 500)).execute();
    const held = rows.flatMap((r) => r.exemptions.map((exemption) => ({ region_code: r.region, exemption, demo: true })));
    if (held.length > 0) await trx.insertInto('region_exemption_held').values(held).execute();
  });
  return { created: true };
}
