// A fictional regionally connected zone plan in drafting, Busan (lead) with Ulsan: hydrogen and ammonia marine
// logistics. Demo data throughout (demo = true, "(데모)" in every name); saved as five versions by the two
// governments' demo users, so the version list and diff have something to show. Idempotent. Like the demo
// inventory, it is seed data, not a user's action: it writes no audit entry (the versions name their authors).
import type { Database } from '../database.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { EMPTY_CONSULTATION, emptyContent, withCommon, withPartners, withSection } from '../../server/plans/content.ts';
import type { CommonInput, SectionInput } from '../../contract/plans.ts';
import { insertPlan, loadPlan, saveContent } from '../../server/plans/store.ts';
import { demoId } from './demo.ts';

export const DEMO_PLAN_ID = demoId('plan:busan-ulsan-hydrogen-marine-logistics');

const TITLE = {
  ko: '(데모) 부산·울산 수소·암모니아 해양물류 광역연계 규제자유특구',
  en: '(demo) Busan–Ulsan hydrogen and ammonia marine logistics connected zone',
  ja: '（デモ）釜山・蔚山 水素・アンモニア海洋物流 広域連携規制自由特区',
  zh: '（演示）釜山·蔚山 氢·氨海洋物流 广域联动规制自由特区',
  fr: '(démo) Zone connectée Busan–Ulsan de logistique maritime hydrogène et ammoniac',
};

const demoText = (ko: string, en: string) => ({ ko: `${ko} (데모)`, en: `${en} (demo)` });

const COMMON: CommonInput = {
  model: 'connected',
  title: TITLE,
  summary: demoText(
    '울산의 수소·암모니아 생산과 부산항의 물류를 묶어, 암모니아 선박 연료 공급(벙커링)과 수소 튜브트레일러 항만 운송을 한 번에 실증합니다.',
    'Ties Ulsan’s hydrogen and ammonia production to the port of Busan: ammonia bunkering of ships and hydrogen tube-trailer transport in the ports, demonstrated together.',
  ),
  industries: [demoText('수소·암모니아 해양물류', 'Hydrogen and ammonia marine logistics')],
  stages: ['production', 'testing_certification', 'logistics', 'sales_service'],
  exemptions: [
    {
      id: 'ammonia-bunkering', kind: 'demonstration',
      law: demoText('선박평형수·위험물 관련 항만 안전 규정', 'Port safety rules on dangerous goods'),
      provision: '(데모) 조항 특정 전 — 관계부처 사전 협의 중',
      regulation: demoText('항만 내 암모니아 선박 간 연료 공급 기준이 없음', 'No standard for ship-to-ship ammonia fuel transfer inside ports'),
      request: demoText('지정 선석에서 안전구역·감시 조건으로 선박 간 암모니아 벙커링 실증 허용', 'Allow ship-to-ship ammonia bunkering at designated berths with safety zones and monitoring'),
      stages: ['logistics', 'sales_service'], responsibleMinistry: demoText('해양수산부', 'Ministry of Oceans and Fisheries'),
    },
    {
      id: 'hydrogen-tube-trailer', kind: 'demonstration',
      law: demoText('고압가스 안전관리 법령', 'High-pressure gas safety legislation'),
      provision: '(데모) 조항 특정 전 — 관계부처 사전 협의 중',
      regulation: demoText('대용량 튜브트레일러의 항만 구역 운행·주정차 기준 미비', 'No rules for large tube trailers driving and parking in port areas'),
      request: demoText('항만 내 지정 경로·시간대 운행 실증', 'Demonstrate operation on designated port routes and time windows'),
      stages: ['logistics'], responsibleMinistry: demoText('산업통상자원부', 'Ministry of Trade, Industry and Energy'),
    },
  ],
  designationMonths: 48,
  kpis: [
    { id: 'bunkering-operations', name: demoText('암모니아 벙커링 실증 횟수', 'Ammonia bunkering operations'), unit: '회', baseline: 0, target: 60, targetYear: 2030 },
    { id: 'hydrogen-delivered', name: demoText('항만 수소 운송량', 'Hydrogen delivered in the ports'), unit: 't', baseline: 0, target: 1200, targetYear: 2030 },
    { id: 'jobs', name: demoText('신규 고용', 'New jobs'), unit: '명', baseline: 0, target: 250, targetYear: 2030 },
  ],
  narrative: {
    'necessity-and-effects': demoText('생산(울산)과 수요·물류(부산)가 나뉘어 있어 한 지역만으로는 공급망 전체를 실증할 수 없음', 'Production (Ulsan) and demand and logistics (Busan) are split: no single region can demonstrate the whole chain'),
    'industry-growth-plan': demoText('친환경 선박 연료 공급 거점 육성', 'Grow a hub for clean ship fuel supply'),
    'sandbox-measures': demoText('안전구역, 실시간 가스 감지, 단계적 확대', 'Safety zones, real-time gas detection, stepwise scale-up'),
    'local-era-plan-link': demoText('부산·울산 지방시대 종합계획의 수소경제 과제와 연계', 'Linked to the hydrogen-economy tasks of both cities’ Local Era plans'),
    'real-estate-stabilisation': demoText('항만 배후단지 공공 임대로 투기 억제', 'Public leasing of port hinterland to curb speculation'),
    'firm-attraction': demoText('벙커링·충전 설비 기업 유치', 'Attract bunkering and refuelling equipment makers'),
    'local-support': demoText('실증 부지 제공과 인허가 전담 창구', 'Demonstration sites and a single permitting desk'),
    'safety-privacy-measures': demoText('책임보험, 비상대응 훈련, 위치정보 최소 수집', 'Liability insurance, emergency drills, minimal location data'),
  },
  attachments: [
    { item: 'location-maps', title: demoText('위치도', 'Location map'), reference: 'demo://maps/location' },
    { item: 'zone-maps', title: demoText('특구 구역도', 'Zone map'), reference: 'demo://maps/zone' },
  ],
  conditions: { seaRequired: false, landUsePlanRequired: false },
};

const BUSAN: SectionInput = {
  sites: [
    { id: 'new-port-berth', regionCode: '21120', name: demoText('부산항 신항 벙커링 선석', 'Busan New Port bunkering berth'), areaSqm: 85_000 },
    { id: 'yeongdo-yard', regionCode: '21040', name: demoText('영도 수리조선 부지', 'Yeongdo repair yard'), areaSqm: 40_000 },
  ],
  companies: [
    { id: 'haeun-marine', name: demoText('해운마린솔루션', 'Haeun Marine Solutions'), kind: 'sme', businessNumber: null, address: demoText('부산 강서구', 'Gangseo-gu, Busan') },
  ],
  projects: [{
    id: 'ammonia-bunkering-busan', title: demoText('신항 암모니아 선박 간 벙커링 실증', 'Ship-to-ship ammonia bunkering at the New Port'),
    description: null, stages: ['logistics', 'sales_service'], exemptions: ['ammonia-bunkering'], companies: ['haeun-marine'], sites: ['new-port-berth', 'yeongdo-yard'],
    startOn: '2027-03-01', endOn: '2030-12-31',
  }],
  budget: [
    { year: 2027, source: 'national', amountMillionKrw: 6_000, purpose: null },
    { year: 2027, source: 'local', amountMillionKrw: 2_000, purpose: null },
    { year: 2027, source: 'private', amountMillionKrw: 3_500, purpose: null },
    { year: 2028, source: 'national', amountMillionKrw: 7_000, purpose: null },
    { year: 2028, source: 'local', amountMillionKrw: 2_500, purpose: null },
  ],
};

const ULSAN: SectionInput = {
  sites: [
    { id: 'ulsan-port-terminal', regionCode: '26020', name: demoText('울산항 암모니아 터미널', 'Ulsan Port ammonia terminal'), areaSqm: 60_000 },
    { id: 'onsan-hydrogen-hub', regionCode: '26310', name: demoText('온산 수소 출하센터', 'Onsan hydrogen dispatch centre'), areaSqm: 30_000 },
  ],
  companies: [
    { id: 'taehwa-hydrogen', name: demoText('태화수소에너지', 'Taehwa Hydrogen Energy'), kind: 'midsize', businessNumber: null, address: demoText('울산 울주군', 'Ulju-gun, Ulsan') },
  ],
  projects: [{
    id: 'tube-trailer-ulsan', title: demoText('항만 수소 튜브트레일러 운송 실증', 'Hydrogen tube-trailer transport in the ports'),
    description: null, stages: ['production', 'logistics'], exemptions: ['hydrogen-tube-trailer'], companies: ['taehwa-hydrogen'], sites: ['ulsan-port-terminal', 'onsan-hydrogen-hub'],
    startOn: '2027-03-01', endOn: '2030-12-31',
  }],
  budget: [
    { year: 2027, source: 'national', amountMillionKrw: 4_000, purpose: null },
    { year: 2027, source: 'local', amountMillionKrw: 1_500, purpose: null },
    { year: 2027, source: 'private', amountMillionKrw: 5_000, purpose: null },
  ],
};

async function demoActor(db: Database, email: string): Promise<Actor> {
  const user = await db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select(['app_user.id', 'app_user.organisation_id', 'organisation.kind', 'organisation.region_code', 'app_user.role'])
    .where('app_user.email', '=', email).executeTakeFirstOrThrow();
  return { userId: user.id, organisationId: user.organisation_id, orgKind: user.kind, regionCode: user.region_code, role: user.role, tokenScopes: null };
}

/** Needs the demo users (seedDemo). Returns whether the plan was created now. */
export async function seedDemoPlan(db: Database): Promise<{ created: boolean }> {
  if (await db.selectFrom('zone_plan').select('id').where('id', '=', DEMO_PLAN_ID).executeTakeFirst()) return { created: false };
  const busan = await demoActor(db, 'busan@demo.zonelink.kr');
  const ulsan = await demoActor(db, 'ulsan@demo.zonelink.kr');
  await db.transaction().execute(async (trx) => {
    const first = emptyContent('connected', '21', TITLE);
    await insertPlan(trx, { id: DEMO_PLAN_ID, content: first, demo: true, actor: busan, change: 'create', consultation: EMPTY_CONSULTATION });
    let plan = (await loadPlan(trx, DEMO_PLAN_ID))!;
    plan = await saveContent(trx, plan, withCommon(plan.content, COMMON), 'common', busan, 'drafting');
    plan = await saveContent(trx, plan, withPartners(plan.content, ['26']), 'invite:26', busan, 'drafting');
    plan = await saveContent(trx, plan, withSection(plan.content, '21', BUSAN), 'section:21', busan, 'drafting');
    await saveContent(trx, plan, withSection(plan.content, '26', ULSAN), 'section:26', ulsan, 'drafting');
  });
  return { created: true };
}
