// Zones managed on ZoneLink, inserted directly for tests of what happens after designation (the designation
// itself is tested through the plan decision route).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/database.ts';
import type { ZoneState } from '../../src/domain/zones/zone-machine.ts';

export interface ZoneFixture {
  regions?: string[];
  state?: ZoneState;
  periodStart?: string;
  periodEnd?: string;
  postManagementUntil?: string | null;
  name?: string;
}

export async function insertZone(db: Database, f: ZoneFixture = {}): Promise<string> {
  const id = randomUUID();
  const regions = f.regions ?? ['21', '26'];
  await db.insertInto('zone').values({
    id, name: JSON.stringify({ ko: f.name ?? '시험 특구', en: 'Test zone' }), field: JSON.stringify({ ko: '수소', en: 'Hydrogen' }), model: regions.length > 1 ? 'connected' : 'single',
    round: null, committee_date: '2026-11-20', state: f.state ?? 'designated', outcome: null, status_note: null,
    period_start: f.periodStart ?? '2026-01-01', period_end: f.periodEnd ?? '2029-12-31', source: 'platform',
    ended_on: null, post_management_until: f.postManagementUntil ?? null,
  }).execute();
  await db.insertInto('zone_region').values(regions.map((code, i) => ({ zone_id: id, region_code: code, role: i === 0 ? 'lead' as const : 'partner' as const }))).execute();
  return id;
}
