// What a region can bring to a connected zone: infrastructure assets and industry clusters
// (counted), plus the exemption kinds already held there. Keys are stable identifiers; names are in five languages.
import type { I18nText } from '../i18n-text.ts';

type Names = Required<I18nText>;

export const ASSETS = {
  hydrogen_refuelling_station: { ko: '수소충전소', en: 'Hydrogen refuelling stations', ja: '水素ステーション', zh: '加氢站', fr: 'Stations d’hydrogène' },
  ev_charging_hub: { ko: '전기차 충전 거점', en: 'EV charging hubs', ja: 'EV充電拠点', zh: '电动汽车充电枢纽', fr: 'Pôles de recharge de VE' },
  test_track: { ko: '자율주행 시험로', en: 'Test tracks', ja: 'テストコース', zh: '测试道路', fr: 'Pistes d’essai' },
  drone_corridor: { ko: '드론 비행 회랑', en: 'Drone corridors', ja: 'ドローン飛行回廊', zh: '无人机走廊', fr: 'Couloirs pour drones' },
  port: { ko: '항만', en: 'Ports', ja: '港湾', zh: '港口', fr: 'Ports' },
  hospital: { ko: '종합병원', en: 'General hospitals', ja: '総合病院', zh: '综合医院', fr: 'Hôpitaux généraux' },
  data_centre: { ko: '데이터센터', en: 'Data centres', ja: 'データセンター', zh: '数据中心', fr: 'Centres de données' },
  certification_lab: { ko: '시험·인증기관', en: 'Certification labs', ja: '試験・認証機関', zh: '检测认证机构', fr: 'Laboratoires de certification' },
  logistics_centre: { ko: '물류센터', en: 'Logistics centres', ja: '物流センター', zh: '物流中心', fr: 'Centres logistiques' },
  smart_farm: { ko: '스마트팜 단지', en: 'Smart-farm complexes', ja: 'スマート農場団地', zh: '智慧农场园区', fr: 'Complexes de fermes intelligentes' },
  industrial_complex: { ko: '산업단지', en: 'Industrial complexes', ja: '産業団地', zh: '产业园区', fr: 'Zones industrielles' },
  research_institute: { ko: '연구기관', en: 'Research institutes', ja: '研究機関', zh: '研究机构', fr: 'Instituts de recherche' },
} as const satisfies Record<string, Names>;

export const CLUSTERS = {
  cluster_hydrogen: { ko: '수소 산업 기업', en: 'Hydrogen companies', ja: '水素産業企業', zh: '氢能企业', fr: 'Entreprises de l’hydrogène' },
  cluster_mobility: { ko: '모빌리티 기업', en: 'Mobility companies', ja: 'モビリティ企業', zh: '出行企业', fr: 'Entreprises de mobilité' },
  cluster_drone: { ko: '드론 기업', en: 'Drone companies', ja: 'ドローン企業', zh: '无人机企业', fr: 'Entreprises de drones' },
  cluster_bio_health: { ko: '바이오·헬스 기업', en: 'Bio-health companies', ja: 'バイオ・ヘルス企業', zh: '生物健康企业', fr: 'Entreprises bio-santé' },
  cluster_marine: { ko: '해양 산업 기업', en: 'Marine companies', ja: '海洋産業企業', zh: '海洋产业企业', fr: 'Entreprises maritimes' },
  cluster_energy: { ko: '에너지 기업', en: 'Energy companies', ja: 'エネルギー企業', zh: '能源企业', fr: 'Entreprises de l’énergie' },
  cluster_agri_food: { ko: '농식품 기업', en: 'Agri-food companies', ja: '農食品企業', zh: '农食品企业', fr: 'Entreprises agroalimentaires' },
  cluster_robotics: { ko: '로봇 기업', en: 'Robotics companies', ja: 'ロボット企業', zh: '机器人企业', fr: 'Entreprises de robotique' },
} as const satisfies Record<string, Names>;

/**
 * Exemption kinds held in zones, named after real zone fields (DOMAIN.md §7). Until the exemptions
 * catalogue holds granted exemptions, these keys are the demo vocabulary of "exemptions already held".
 */
export const EXEMPTION_KINDS = {
  drone_bvlos: { ko: '드론 비가시권 비행', en: 'Drone flights beyond visual line of sight', ja: 'ドローン目視外飛行', zh: '无人机超视距飞行', fr: 'Vols de drones hors vue' },
  autonomous_shuttle: { ko: '자율주행 셔틀 공공도로 운행', en: 'Autonomous shuttles on public roads', ja: '自動運転シャトルの公道走行', zh: '自动驾驶接驳车公共道路运行', fr: 'Navettes autonomes sur voie publique' },
  hydrogen_tube_trailer: { ko: '수소 튜브트레일러 도심 운송', en: 'Hydrogen tube trailers in cities', ja: '水素チューブトレーラーの都市輸送', zh: '氢气管束车城区运输', fr: 'Remorques à hydrogène en ville' },
  telemedicine_home: { ko: '재택 원격의료', en: 'Home telemedicine', ja: '在宅遠隔医療', zh: '居家远程医疗', fr: 'Télémédecine à domicile' },
  lpg_ship_fuel: { ko: 'LPG 선박 연료', en: 'LPG as ship fuel', ja: 'LPG船舶燃料', zh: 'LPG船舶燃料', fr: 'GPL comme carburant marin' },
  ammonia_bunkering: { ko: '암모니아 벙커링', en: 'Ammonia bunkering', ja: 'アンモニアバンカリング', zh: '氨燃料加注', fr: 'Soutage d’ammoniac' },
  mobile_ev_charging: { ko: '이동형 전기차 충전', en: 'Mobile EV charging', ja: '移動式EV充電', zh: '移动式电动汽车充电', fr: 'Recharge mobile de VE' },
  unmanned_ship: { ko: '무인 선박 운항', en: 'Unmanned ships', ja: '無人船舶の運航', zh: '无人船舶航行', fr: 'Navires sans équipage' },
  genome_dtc: { ko: '소비자 직접 유전체 검사', en: 'Direct-to-consumer genome tests', ja: '消費者直接遺伝子検査', zh: '面向消费者的基因检测', fr: 'Tests génomiques grand public' },
  ess_power_trading: { ko: 'ESS 전력 거래', en: 'ESS power trading', ja: 'ESS電力取引', zh: '储能电力交易', fr: 'Échange d’électricité par stockage' },
} as const satisfies Record<string, Names>;

export type AssetKey = keyof typeof ASSETS;
export type ClusterKey = keyof typeof CLUSTERS;
export type CapabilityKey = AssetKey | ClusterKey;
export type ExemptionKindKey = keyof typeof EXEMPTION_KINDS;

export const CAPABILITIES: Record<CapabilityKey, Names> = { ...ASSETS, ...CLUSTERS };

export const isCapabilityKey = (key: string): key is CapabilityKey => Object.hasOwn(CAPABILITIES, key);
export const isExemptionKindKey = (key: string): key is ExemptionKindKey => Object.hasOwn(EXEMPTION_KINDS, key);
