// The regulation catalogue's reference items (RFZ Act and Decree articles from DOMAIN.md) and demo
// regulations standing for what the catalogue's exemption kinds suspend; demo exemptions in reference
// zones. Everything demo is marked (demo = true, "(데모)" / "(demo)" in names). Idempotent.
import { createHash } from 'node:crypto';
import regulationsJson from '../../../data/reference/regulations.json' with { type: 'json' };
import type { Database } from '../database.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import type { Instrument } from '../../contract/regulations.ts';
import { insertRegulation } from '../../server/regulations/store.ts';
import { insertExemption, type ExemptionInsert } from '../../server/exemptions/store.ts';
import type { Conditions } from '../../contract/exemption-conditions.ts';
import { demoId } from './demo.ts';
import { referenceZoneId } from './zones.ts';
import zonesJson from '../../../data/reference/zones.json' with { type: 'json' };

interface ReferenceRegulation {
  demo?: boolean;
  key?: string;
  instrument: Instrument;
  law: I18nText;
  article: string;
  paragraph?: string;
  ministry: string;
  effectiveFrom: string;
  title: I18nText;
  body: I18nText;
  amendments?: { date: string; act: string; note: I18nText | null }[];
}

const data = regulationsJson as unknown as { ministries: Record<string, I18nText>; items: ReferenceRegulation[] };

function stableId(name: string): string {
  const h = createHash('sha256').update(`zonelink-regulation:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-9${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Stable id of a reference regulation: by the demo key, or by instrument, article and paragraph. */
export function regulationId(ref: { key?: string; instrument?: string; article?: string; paragraph?: string }): string {
  return stableId(ref.key ?? `${ref.instrument}:${ref.article}:${ref.paragraph ?? ''}`);
}

export async function seedReferenceRegulations(db: Database): Promise<number> {
  const existing = await db.selectFrom('regulation').select('id').where('source', 'in', ['reference', 'demo']).limit(1).executeTakeFirst();
  if (existing) return 0;
  await db.transaction().execute(async (trx) => {
    for (const item of data.items) {
      const ministryName = data.ministries[item.ministry];
      if (!ministryName) throw new Error(`reference regulation names unknown ministry ${item.ministry}`);
      await insertRegulation(trx, {
        instrument: item.instrument, law: item.law, article: item.article, paragraph: item.paragraph ?? null, ministry: item.ministry, ministryName,
        title: item.title, body: item.body, effectiveFrom: item.effectiveFrom, amendments: item.amendments ?? [],
      }, { id: regulationId(item), demo: item.demo === true, source: item.demo ? 'demo' : 'reference' });
    }
  });
  return data.items.length;
}

const zones = (zonesJson as { zones: { round: number; region: string; en: string }[] }).zones;
/** Id of the reference zone at `index` in data/reference/zones.json. */
export const zoneAt = (index: number): string => referenceZoneId(zones[index]! as never, index);

const INSURANCE = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };
const conditions = (text: I18nText, extra: Partial<Conditions> = {}): Conditions => ({
  text, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: INSURANCE, ...extra,
});

export const DEMO_EXEMPTIONS: (ExemptionInsert & { key: string })[] = [
  {
    key: 'ulsan-hydrogen-trailer', kind: 'demonstration_exemption', demo: true, zoneId: zoneAt(7), holders: [demoId('org:company')],
    title: { ko: '수소 튜브트레일러 도심 충전소 운송 실증 (데모)', en: 'Hydrogen tube-trailer delivery to city stations (demo)', ja: '水素チューブトレーラーの都市充填所輸送実証（デモ）', zh: '氢气管束车城区加氢站运输示范（演示）', fr: 'Livraison d’hydrogène par remorque aux stations urbaines (démo)' },
    regulationIds: [regulationId({ key: 'hydrogen_tube_trailer' })],
    conditions: conditions(
      { ko: '야간 시간대에 지정 경로로만 운송하고 실시간 위치를 관제센터에 전송한다.', en: 'Deliver only at night on designated routes, sending live positions to the control centre.', fr: 'Livrer uniquement la nuit sur des itinéraires désignés.' },
      { area: { ko: '울산 남구 지정 경로', en: 'Designated routes in Nam-gu, Ulsan' }, quantities: [{ item: { ko: '튜브트레일러', en: 'tube trailers' }, max: 3, unit: 'vehicles' }], time: { ko: '22:00–06:00', en: '22:00–06:00' }, safetyMeasures: [{ ko: '가스 누출 감지기 설치', en: 'Gas-leak detectors fitted' }] },
    ),
    stages: ['logistics', 'testing_certification'], grantedOn: '2024-09-02', validFrom: '2024-09-02', validUntil: '2028-09-01', state: 'active',
  },
  {
    key: 'busan-lpg-ship', kind: 'demonstration_exemption', demo: true, zoneId: zoneAt(19), holders: [demoId('org:company')],
    title: { ko: 'LPG 추진 선박 연료 공급 실증 (데모)', en: 'LPG-fuelled ship bunkering demonstration (demo)', ja: 'LPG推進船舶燃料供給実証（デモ）', zh: 'LPG动力船舶燃料供应示范（演示）', fr: 'Démonstration de navires propulsés au GPL (démo)' },
    regulationIds: [regulationId({ key: 'lpg_ship_fuel' })],
    conditions: conditions({ ko: '부산 북항 시험 해역에서 선박 2척으로 실증한다.', en: 'Demonstrate with 2 ships in the Busan North Port test area.' }, { quantities: [{ item: { ko: '선박', en: 'ships' }, max: 2, unit: 'ships' }] }),
    stages: ['production', 'logistics'], grantedOn: '2020-08-03', validFrom: '2020-08-03', validUntil: '2024-08-02', extensions: 1, state: 'law_amended',
    amendmentRequestedOn: '2024-04-01', lawAmendedOn: '2025-06-02',
  },
  {
    key: 'gyeongbuk-drone', kind: 'demonstration_exemption', demo: true, zoneId: zoneAt(25), holders: [],
    title: { ko: '드론 비가시권 물류 배송 실증 (데모)', en: 'Drone delivery beyond visual line of sight (demo)', ja: 'ドローン目視外物流配送実証（デモ）', zh: '无人机超视距物流配送示范（演示）', fr: 'Livraison par drone hors vue (démo)' },
    regulationIds: [regulationId({ key: 'drone_bvlos' })],
    conditions: conditions({ ko: '인구 밀집 지역을 피하고 고도 150m 이하로 비행한다.', en: 'Avoid populated areas and fly below 150 m.', ja: '人口密集地を避け、高度150m以下で飛行する。', zh: '避开人口密集区，在150米以下飞行。', fr: 'Éviter les zones peuplées et voler sous 150 m.' }),
    stages: ['logistics'], grantedOn: '2025-03-04', validFrom: '2025-03-04', validUntil: '2029-03-03', state: 'active',
  },
  {
    key: 'gangwon-telemedicine', kind: 'demonstration_exemption', demo: true, zoneId: zoneAt(0), holders: [],
    title: { ko: '재택 원격의료 실증 (데모)', en: 'Home telemedicine demonstration (demo)', ja: '在宅遠隔医療実証（デモ）', zh: '居家远程医疗示范（演示）', fr: 'Démonstration de télémédecine à domicile (démo)' },
    regulationIds: [regulationId({ key: 'telemedicine_home' })],
    conditions: conditions({ ko: '만성질환 재진 환자에 한하여 의사가 원격으로 모니터링한다.', en: 'Remote monitoring by doctors of returning chronic patients only.', fr: 'Suivi à distance des patients chroniques déjà vus uniquement.' }),
    stages: ['sales_service'], grantedOn: '2019-08-01', validFrom: '2019-08-01', validUntil: '2023-07-31', extensions: 1, state: 'ended',
  },
];

export async function seedDemoExemptions(db: Database): Promise<number> {
  const company = await db.selectFrom('organisation').select('id').where('id', '=', demoId('org:company')).executeTakeFirst();
  if (!company) return 0;
  const existing = await db.selectFrom('exemption').select('id').where('demo', '=', true).limit(1).executeTakeFirst();
  if (existing) return 0;
  await db.transaction().execute(async (trx) => {
    for (const e of DEMO_EXEMPTIONS) await insertExemption(trx, e, demoId(`exemption:${e.key}`));
  });
  return DEMO_EXEMPTIONS.length;
}
