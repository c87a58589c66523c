// The English words of rule citations other than law names and article numbers — other laws, acts by number,
// ZoneLink and call policies, and the short notes in parentheses — in ko, ja, zh and fr, so that a citation in
// a non-English sentence carries no English fragment (issue 15, item 8). `citation()` applies them longest
// first before it renders articles; `rule-phrases.test.ts` scans every rule the code cites.

type Phrase = { readonly ko: string; readonly ja: string; readonly zh: string; readonly fr: string };

export const RULE_PHRASES: Readonly<Record<string, Phrase>> = {
  // Other laws and acts by number.
  'Civil Act': { ko: '민법', ja: '民法', zh: '民法', fr: 'Code civil' },
  'Framework Act on Administration': { ko: '행정기본법', ja: '行政基本法', zh: '行政基本法', fr: 'loi-cadre sur l’administration' },
  'Regulations on Holidays of Government Offices': { ko: '관공서의 공휴일에 관한 규정', ja: '官公署の公休日に関する規定', zh: '关于政府机关公休日的规定', fr: 'règlement sur les jours fériés des administrations' },
  'Local Autonomy Act': { ko: '지방자치법', ja: '地方自治法', zh: '地方自治法', fr: 'loi sur l’autonomie locale' },
  'Public Official Election Act': { ko: '공직선거법', ja: '公職選挙法', zh: '公职选举法', fr: 'loi sur les élections publiques' },
  ' (before Act No. 20236)': { ko: '(법률 제20236호 시행 전)', ja: '（法律第20236号の施行前）', zh: '（第20236号法律施行前）', fr: ' (avant la loi n° 20236)' },
  'Act No. 20236 Addendum': { ko: '법률 제20236호 부칙', ja: '法律第20236号附則', zh: '第20236号法律附则', fr: 'loi n° 20236, dispositions transitoires' },
  // Policies that are not statute.
  'MSS call for regionally connected zones (2026-02-06)': { ko: '중소벤처기업부 광역 연계형 특구 공모(2026-02-06)', ja: '中小ベンチャー企業部の広域連携型特区公募（2026-02-06）', zh: '中小风险企业部广域联动型特区征集（2026-02-06）', fr: 'appel du ministère des PME pour les zones connectées (2026-02-06)' },
  'ZoneLink policy (4 years per extension)': { ko: 'ZoneLink 운영 기준(연장 1회당 4년)', ja: 'ZoneLinkの運用基準（延長1回につき4年）', zh: 'ZoneLink运行规则（每次延长4年）', fr: 'règle de ZoneLink (4 ans par prolongation)' },
  'ZoneLink policy (advisory)': { ko: 'ZoneLink 운영 기준(권고)', ja: 'ZoneLinkの運用基準（勧告）', zh: 'ZoneLink运行规则（建议）', fr: 'règle de ZoneLink (indicative)' },
  'ZoneLink policy (call setting: contiguity required)': { ko: 'ZoneLink 운영 기준(공모 설정: 인접 필수)', ja: 'ZoneLinkの運用基準（公募の設定：隣接必須）', zh: 'ZoneLink运行规则（征集设置：须相邻）', fr: 'règle de ZoneLink (paramètre de l’appel : contiguïté exigée)' },
  'call policy: contiguity required': { ko: '공모 조건: 인접 필수', ja: '公募の条件：隣接必須', zh: '征集条件：须相邻', fr: 'condition de l’appel : contiguïté exigée' },
  'ZoneLink policy after ': { ko: 'ZoneLink 운영 기준, 준용: ', ja: 'ZoneLinkの運用基準、準用：', zh: 'ZoneLink运行规则，参照', fr: 'règle de ZoneLink d’après ' },
  'ZoneLink policy': { ko: 'ZoneLink 운영 기준', ja: 'ZoneLinkの運用基準', zh: 'ZoneLink运行规则', fr: 'règle de ZoneLink' },
  // Notes after an article.
  ' mirrored (reference day ends at 24:00 and is counted)': { ko: ' 역산 준용(기준일은 24시에 끝나며 산입)', ja: ' 逆算に準用（基準日は24時に終わり算入する）', zh: ' 倒算准用（基准日至24时结束并计入）', fr: ' appliqué à rebours (le jour de référence finit à 24 h et compte)' },
  ' mirrored (reference day not counted)': { ko: ' 역산 준용(기준일 불산입)', ja: ' 逆算に準用（基準日不算入）', zh: ' 倒算准用（基准日不计入）', fr: ' appliqué à rebours (jour de référence non compté)' },
  ' mirrored': { ko: ' 역산 준용', ja: ' 逆算に準用', zh: ' 倒算准用', fr: ' appliqué à rebours' },
  ' not applied backwards: shown on the preceding business day': { ko: ' 역산에는 적용하지 않음: 직전 영업일로 표시', ja: ' 逆算には適用しない：直前の営業日に表示', zh: ' 倒算不适用：显示为前一个工作日', fr: ' non appliqué à rebours : affiché le jour ouvré précédent' },
  ' (first day not counted)': { ko: '(초일 불산입)', ja: '（初日不算入）', zh: '（首日不计入）', fr: ' (premier jour non compté)' },
  ' (first day counted)': { ko: '(초일 산입)', ja: '（初日算入）', zh: '（首日计入）', fr: ' (premier jour compté)' },
  ' (starts at 00:00)': { ko: '(0시부터 시작)', ja: '（午前零時から始まる）', zh: '（自零时起算）', fr: ' (commence à 0 h)' },
  ' (roll-over)': { ko: '(다음 날로 연장)', ja: '（翌日に延長）', zh: '（顺延）', fr: ' (report au jour suivant)' },
  ' (no roll-over)': { ko: '(연장하지 않음)', ja: '（延長しない）', zh: '（不顺延）', fr: ' (sans report)' },
  ' (unfavourable to the citizen)': { ko: '(국민에게 불리한 경우)', ja: '（国民に不利な場合）', zh: '（对公民不利时）', fr: ' (défavorable au citoyen)' },
  ' (a change withdraws every sign-off)': { ko: '(변경하면 모든 서명이 철회됨)', ja: '（変更するとすべての署名が取り消される）', zh: '（变更即撤回所有签署）', fr: ' (une modification retire toutes les signatures)' },
  ' (recusal), applied to expert reviewers': { ko: '(회피), 전문가 심사위원에게 준용', ja: '（回避）、専門家審査委員に準用', zh: '（回避），准用于专家评审员', fr: ' (récusation), appliqué aux experts évaluateurs' },
  ' (recusal, applied to expert reviewers)': { ko: '(회피, 전문가 심사위원에게 준용)', ja: '（回避、専門家審査委員に準用）', zh: '（回避，准用于专家评审员）', fr: ' (récusation, appliquée aux experts évaluateurs)' },
  ' (2 years)': { ko: '(2년)', ja: '（2年）', zh: '（2年）', fr: ' (2 ans)' },
  ' (60 days, once)': { ko: '(60일, 1회)', ja: '（60日、1回）', zh: '（60日，一次）', fr: ' (60 jours, une fois)' },
  ' (60 days)': { ko: '(60일)', ja: '（60日）', zh: '（60日）', fr: ' (60 jours)' },
  ' (once)': { ko: '(1회)', ja: '（1回）', zh: '（一次）', fr: ' (une fois)' },
  ' liability insurance': { ko: ' 책임보험', ja: ' 責任保険', zh: ' 责任保险', fr: ' (assurance de responsabilité)' },
  ' (the applicant may withdraw its application)': { ko: '(신청인은 신청을 철회할 수 있음)', ja: '（申請者は申請を取り下げることができる）', zh: '（申请人可以撤回申请）', fr: ' (le demandeur peut retirer sa demande)' },
  ' (the applicant may withdraw)': { ko: '(신청인은 철회할 수 있음)', ja: '（申請者は取り下げることができる）', zh: '（申请人可以撤回）', fr: ' (le demandeur peut se retirer)' },
  ' (objection to the conditions)': { ko: '(조건에 대한 이의)', ja: '（条件に対する異議）', zh: '（对条件的异议）', fr: ' (contestation des conditions)' },
};

/** The phrases, longest first (a longer phrase wins over one it contains). */
export const RULE_PHRASE_ORDER: readonly string[] = Object.keys(RULE_PHRASES).sort((a, b) => b.length - a.length);
