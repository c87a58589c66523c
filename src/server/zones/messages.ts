// Localised reasons of refused zone operations after designation (the `{reason}` of a 409 `conflict` problem).
// Guard names, violation codes and articles stay as they are in every language, so clients and tests can match them.
import { format, type Locale } from '../../i18n/locales.ts';
import type { Violation } from '../../domain/zones/transition-table.ts';

type Frames = Record<'no-such-transition' | 'guard-failed' | 'rule-failed' | 'already-answered' | 'not-addressable', string>;

const FRAMES: Record<Locale, Frames> = {
  ko: {
    'no-such-transition': "'{state}' 상태에서는 '{action}'을(를) 할 수 없습니다. 가능한 작업: {allowed}",
    'guard-failed': "'{action}' 거부 — 충족되지 않은 조건: {guards} ({rule}). {details}",
    'rule-failed': '{rule} 위반 — {details}',
    'already-answered': '이미 답변한 자료 요구입니다.',
    'not-addressable': '자료 요구는 지방자치단체, 소관부처 또는 특구사업자에게 보낼 수 있습니다 (법 제84조제2항).',
  },
  en: {
    'no-such-transition': "'{action}' is not possible while it is '{state}'. Possible now: {allowed}",
    'guard-failed': "'{action}' refused — failed guard(s): {guards} ({rule}). {details}",
    'rule-failed': '{rule} violated — {details}',
    'already-answered': 'This data request has already been answered.',
    'not-addressable': 'Data requests go to local governments, responsible ministries or zone operators (Act Art. 84(2)).',
  },
  ja: {
    'no-such-transition': "「{state}」の状態では「{action}」はできません。可能な操作: {allowed}",
    'guard-failed': "「{action}」は拒否されました — 満たされていない条件: {guards}（{rule}）。{details}",
    'rule-failed': '{rule} に違反 — {details}',
    'already-answered': 'この資料要求にはすでに回答しています。',
    'not-addressable': '資料要求は自治体、所管省庁または特区事業者に送れます（法第84条第2項）。',
  },
  zh: {
    'no-such-transition': "处于“{state}”状态时不能执行“{action}”。当前可执行: {allowed}",
    'guard-failed': "“{action}”被拒绝 — 未满足的条件: {guards}（{rule}）。{details}",
    'rule-failed': '违反 {rule} — {details}',
    'already-answered': '该资料要求已答复。',
    'not-addressable': '资料要求可发给地方政府、主管部门或特区经营者（法第84条第2款）。',
  },
  fr: {
    'no-such-transition': "« {action} » est impossible à l’état « {state} ». Possible maintenant : {allowed}",
    'guard-failed': "« {action} » refusé — condition(s) non remplie(s) : {guards} ({rule}). {details}",
    'rule-failed': '{rule} non respecté — {details}',
    'already-answered': 'Cette demande de données a déjà reçu une réponse.',
    'not-addressable': 'Les demandes de données vont aux collectivités, aux ministères compétents ou aux opérateurs de la zone (loi, art. 84(2)).',
  },
};

const VIOLATIONS: Record<Locale, Record<string, string>> = {
  ko: {
    'change-without-items': '변경 항목이 없음',
    'change-needs-committee': '경미한 변경이 아님(위원회 심의 필요): {item}',
    'area-change-without-percent': '면적 변경에는 변경 비율(%)이 필요함',
    'evaluation-year-outside-period': '{year}년은 지정기간({first}–{last}) 밖임',
    'evaluation-already-recorded': '{year}년 평가는 이미 기록됨',
    'evaluation-confirmed-in-future': '확정일({confirmedOn})이 오늘 이후임',
    'evaluation-before-year': '{year}년이 끝나기 전에는 그 해를 평가할 수 없음',
    'extension-after-expiry': '지정기간({periodEnd})이 이미 끝남',
    'extension-not-later': '새 종료일은 현재 종료일({periodEnd})보다 뒤여야 함',
    'extension-too-long': '한 번에 4년까지만 연장 가능: {latest}까지',
    'extension-needs-evaluation': '연장 전에 운영 평가가 필요함',
    'extension-poor-grade': '최근 평가 등급이 미흡이면 연장할 수 없음',
    'cancellation-without-hearing': '지정해제 전에 청문을 해야 함',
    'poor-performance-without-poor-grade': '운영성과 부진을 이유로 한 해제는 미흡 등급 평가에 근거해야 함',
    'post-management-over': '사후관리 기간({windowEnd})이 끝남',
    'data-request-due-too-early': '제출 기한은 요구일({requestedOn}) 뒤여야 함',
    'meeting-notice-too-late': '회의 소집 통지가 늦음: {latest}까지 (통지일: {noticeGivenOn})',
    'missing-item': '누락된 항목: {item}',
    'ministry-replies-pending': '관계 부처 회신이 끝나지 않았고 회신 기한({due})도 지나지 않음',
  },
  en: {
    'change-without-items': 'the change names no item',
    'change-needs-committee': 'not a minor change (the committee decides): {item}',
    'area-change-without-percent': 'an area change needs its size in percent',
    'evaluation-year-outside-period': '{year} is outside the designation period ({first}–{last})',
    'evaluation-already-recorded': 'the {year} evaluation is already recorded',
    'evaluation-confirmed-in-future': 'confirmation date {confirmedOn} is after today',
    'evaluation-before-year': '{year} cannot be evaluated before it has run',
    'extension-after-expiry': 'the designation period ended on {periodEnd}',
    'extension-not-later': 'the new end must be after the current end ({periodEnd})',
    'extension-too-long': 'at most 4 years per extension: until {latest}',
    'extension-needs-evaluation': 'an evaluation is needed before an extension',
    'extension-poor-grade': 'no extension after a poor latest grade',
    'cancellation-without-hearing': 'a hearing must be held before cancellation',
    'poor-performance-without-poor-grade': 'cancellation for poor performance rests on a poor evaluation',
    'post-management-over': 'the post-management period ended on {windowEnd}',
    'data-request-due-too-early': 'the due date must be after the request ({requestedOn})',
    'meeting-notice-too-late': 'meeting notice too late: by {latest} (given {noticeGivenOn})',
    'missing-item': 'missing item: {item}',
    'ministry-replies-pending': 'ministry replies are not complete and their deadline ({due}) has not passed',
  },
  ja: {
    'change-without-items': '変更項目がありません',
    'change-needs-committee': '軽微な変更ではありません（委員会の審議が必要）: {item}',
    'area-change-without-percent': '面積変更には変更率（%）が必要です',
    'evaluation-year-outside-period': '{year}年は指定期間（{first}–{last}）外です',
    'evaluation-already-recorded': '{year}年の評価はすでに記録されています',
    'evaluation-confirmed-in-future': '確定日（{confirmedOn}）が今日より後です',
    'evaluation-before-year': '{year}年が終わる前にその年を評価することはできません',
    'extension-after-expiry': '指定期間（{periodEnd}）はすでに終了しています',
    'extension-not-later': '新しい終了日は現在の終了日（{periodEnd}）より後でなければなりません',
    'extension-too-long': '一度に延長できるのは4年まで: {latest}まで',
    'extension-needs-evaluation': '延長の前に運営評価が必要です',
    'extension-poor-grade': '直近の評価が「不十分」の場合は延長できません',
    'cancellation-without-hearing': '指定解除の前に聴聞を行う必要があります',
    'poor-performance-without-poor-grade': '運営成果不振による解除には「不十分」の評価が必要です',
    'post-management-over': '事後管理期間（{windowEnd}）は終了しています',
    'data-request-due-too-early': '提出期限は要求日（{requestedOn}）より後でなければなりません',
    'meeting-notice-too-late': '会議招集の通知が遅れています: {latest}まで（通知日: {noticeGivenOn}）',
    'missing-item': '不足している項目: {item}',
    'ministry-replies-pending': '関係省庁の回答が揃っておらず、回答期限（{due}）も過ぎていません',
  },
  zh: {
    'change-without-items': '变更没有列出项目',
    'change-needs-committee': '不属于轻微变更（须委员会审议）：{item}',
    'area-change-without-percent': '面积变更须注明变更比例（%）',
    'evaluation-year-outside-period': '{year}年不在指定期间（{first}–{last}）内',
    'evaluation-already-recorded': '{year}年的评价已记录',
    'evaluation-confirmed-in-future': '确定日期（{confirmedOn}）晚于今天',
    'evaluation-before-year': '{year}年结束前不能评价该年',
    'extension-after-expiry': '指定期间已于 {periodEnd} 结束',
    'extension-not-later': '新的结束日期须晚于当前结束日期（{periodEnd}）',
    'extension-too-long': '每次最多延长4年：至 {latest}',
    'extension-needs-evaluation': '延长前须有运营评价',
    'extension-poor-grade': '最近评价为“不足”时不能延长',
    'cancellation-without-hearing': '解除指定前须举行听证',
    'poor-performance-without-poor-grade': '以运营成果不佳为由解除须以“不足”评价为依据',
    'post-management-over': '事后管理期间已于 {windowEnd} 结束',
    'data-request-due-too-early': '提交期限须晚于要求日期（{requestedOn}）',
    'meeting-notice-too-late': '会议通知过晚：须在 {latest} 前（通知于 {noticeGivenOn}）',
    'missing-item': '缺少项目：{item}',
    'ministry-replies-pending': '相关部门尚未全部答复，答复期限（{due}）也未届满',
  },
  fr: {
    'change-without-items': 'la modification ne nomme aucun élément',
    'change-needs-committee': 'modification non mineure (le comité décide) : {item}',
    'area-change-without-percent': 'une modification de superficie doit indiquer son ampleur en pourcentage',
    'evaluation-year-outside-period': '{year} est hors de la période de désignation ({first}–{last})',
    'evaluation-already-recorded': 'l’évaluation {year} est déjà enregistrée',
    'evaluation-confirmed-in-future': 'la date de confirmation {confirmedOn} est postérieure à aujourd’hui',
    'evaluation-before-year': '{year} ne peut être évaluée avant d’être écoulée',
    'extension-after-expiry': 'la période de désignation a pris fin le {periodEnd}',
    'extension-not-later': 'la nouvelle fin doit être postérieure à la fin actuelle ({periodEnd})',
    'extension-too-long': 'au plus 4 ans par prolongation : jusqu’au {latest}',
    'extension-needs-evaluation': 'une évaluation est nécessaire avant une prolongation',
    'extension-poor-grade': 'pas de prolongation après une dernière note insuffisante',
    'cancellation-without-hearing': 'une audition doit précéder la levée de la désignation',
    'poor-performance-without-poor-grade': 'la levée pour mauvais résultats repose sur une évaluation insuffisante',
    'post-management-over': 'la période de suivi a pris fin le {windowEnd}',
    'data-request-due-too-early': 'l’échéance doit suivre la demande ({requestedOn})',
    'meeting-notice-too-late': 'convocation trop tardive : au plus tard le {latest} (donnée le {noticeGivenOn})',
    'missing-item': 'élément manquant : {item}',
    'ministry-replies-pending': 'les réponses des ministères ne sont pas complètes et leur délai ({due}) n’est pas écoulé',
  },
};

export function frame(locale: Locale, key: keyof Frames, params: Record<string, string | number> = {}): string {
  return format(FRAMES[locale][key], params);
}

export function violationMessage(locale: Locale, v: Violation): string {
  const text = VIOLATIONS[locale][v.code] ?? VIOLATIONS.en[v.code] ?? v.code;
  const params: Record<string, string | number> = {};
  for (const [k, value] of Object.entries(v.params)) if (value !== null) params[k] = Array.isArray(value) ? value.join(', ') : (value as string | number);
  return `${format(text, params)} [${v.code}; ${v.rule}]`;
}

export const VIOLATION_CATALOGUES = VIOLATIONS;
