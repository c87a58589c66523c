// A fictional demonstration project of the demo company in a Busan zone: hydrogen trucks in the port, insured
// per Decree Art. 60, with compliance rules and a day of generated trip events (a few of them violating), so the
// compliance report has something to show. Demo data (demo = true, "(데모)" in names). Idempotent; seed data,
// not a user's action: no audit entry.
import type { Insertable } from 'kysely';
import type { Database } from '../database.ts';
import type { DemonstrationEventTable } from '../schema.ts';
import { demoId } from './demo.ts';

export const DEMO_PROJECT_ID = demoId('project:busan-port-hydrogen-trucks');
const DEMO_UPLOAD_ID = demoId('upload:busan-port-hydrogen-trucks:1');

const RULES = [
  { id: 'port-area', kind: 'geofence', label: '(데모) 부산항 신항 실증 구역', area: { type: 'Polygon', coordinates: [[[128.76, 35.05], [128.86, 35.05], [128.86, 35.12], [128.76, 35.12], [128.76, 35.05]]] } },
  { id: 'daytime', kind: 'timeWindow', label: '(데모) 주간 운행 06:00–22:00', windows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '06:00', end: '22:00' }] },
  { id: 'speed-30', kind: 'maximum', label: '(데모) 항만 내 30 km/h', measure: 'speed', max: 30 },
  { id: 'load-40t', kind: 'maximum', label: '(데모) 적재 40 t', measure: 'load', max: 40_000 },
  { id: 'trips-per-day', kind: 'dailyCount', label: '(데모) 차량당 하루 8회 운행', per: 'device', unit: 'sessions', max: 8 },
  { id: 'device-id', kind: 'requiredFields', fields: ['deviceId', 'lon', 'lat'] },
];

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function seedDemoDemonstrations(db: Database): Promise<boolean> {
  const exists = await db.selectFrom('demonstration_project').select('id').where('id', '=', DEMO_PROJECT_ID).executeTakeFirst();
  if (exists) return false;
  const company = await db.selectFrom('organisation').select('id').where('id', '=', demoId('org:company')).executeTakeFirst();
  const zone = await db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').orderBy('zone_id').executeTakeFirst();
  if (!company || !zone) return false;
  const rand = random(20261125);
  const events: Insertable<DemonstrationEventTable>[] = [];
  const base = Date.parse('2026-11-20T07:00:00+09:00');
  for (let i = 0; i < 240; i += 1) {
    const device = 1 + (i % 4);
    const ts = base + i * 4 * 60_000;
    events.push({
      project_id: DEMO_PROJECT_ID, upload_id: DEMO_UPLOAD_ID, row_no: i + 2, ts: new Date(ts), device_id: device, session_id: device * 100 + Math.floor(i / 24),
      lon: 128.77 + rand() * (i % 37 === 0 ? 0.2 : 0.08), lat: 35.06 + rand() * 0.05, speed: Math.round(rand() * (i % 29 === 0 ? 45 : 28)),
      altitude: null, load: Math.round(20_000 + rand() * 18_000), people: null,
    });
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('demonstration_project').values({
      id: DEMO_PROJECT_ID, zone_id: zone.zone_id, state: 'demonstrating', lead_company: company.id,
      title: JSON.stringify({ ko: '(데모) 부산항 수소 트럭 물류 실증', en: '(demo) Hydrogen truck logistics in the port of Busan' }),
      summary: JSON.stringify({ ko: '(데모) 부산항 신항에서 수소 트럭과 이동형 충전소를 함께 실증합니다.', en: '(demo) Hydrogen trucks and a mobile refuelling station demonstrated together in Busan New Port.' }),
      partner_companies: [], sites: ['21120'],
      products: JSON.stringify([{ ko: '(데모) 수소 트럭', en: '(demo) Hydrogen truck' }, { ko: '(데모) 이동형 수소 충전소', en: '(demo) Mobile hydrogen refuelling station' }]),
      period_start: '2026-01-01', period_end: '2027-12-31',
      milestones: JSON.stringify([
        { title: { ko: '(데모) 차량 인증 완료', en: '(demo) Vehicles certified' }, due: '2026-03-31', done: true },
        { title: { ko: '(데모) 항만 운행 개시', en: '(demo) Port operation starts' }, due: '2026-06-30', done: true },
      ]),
      kpis: JSON.stringify([
        { id: 'trips', name: { ko: '(데모) 운행 횟수', en: '(demo) Trips' }, unit: 'trips', target: 5000, frequency: 'quarterly' },
        { id: 'incidents', name: { ko: '(데모) 안전사고', en: '(demo) Safety incidents' }, unit: 'count', target: 0, frequency: 'monthly' },
      ]),
      safety_plan: JSON.stringify({ ko: '(데모) 운행 전 점검, 항만 내 30 km/h, 야간 운행 금지, 관제 상시 모니터링', en: '(demo) Pre-trip checks, 30 km/h in the port, no night driving, constant monitoring' }),
      insurance_required: true,
      insurance: JSON.stringify({
        insurer: '(데모) 한빛화재', policyNumber: 'DEMO-2026-0001', validFrom: '2026-01-01', validUntil: '2028-01-31',
        cover: { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 },
      }),
      rules: JSON.stringify(RULES), version: 1, demo: true, created_by: null,
    }).execute();
    await trx.insertInto('demonstration_upload').values({
      project_id: DEMO_PROJECT_ID, id: DEMO_UPLOAD_ID, format: 'csv', mode: 'all', sha256: 'demo', rows_total: events.length, rows_stored: events.length,
      rows_rejected: 0, errors: '[]', created_by: null,
    }).execute();
    await trx.insertInto('demonstration_event').values(events).execute();
  });
  return true;
}
