// Localised reasons of refused plan operations (the `{reason}` of a 409 `conflict` problem). Guard names,
// violation codes and articles stay as they are in every language, so clients and tests can match them.
import { format, type Locale } from '../../i18n/locales.ts';
import { regionByCode } from '../../domain/regions/reference.ts';
import type { Violation } from '../../domain/zones/transition-table.ts';

type Frames = Record<'no-such-transition' | 'guard-failed' | 'rule-failed' | 'before-submission' | 'already-participant' | 'review-state' | 'already-assigned' | 'already-consulted', string>;

const FRAMES: Record<Locale, Frames> = {
  ko: {
    'no-such-transition': "특구계획이 '{state}' 상태일 때는 '{action}'을(를) 할 수 없습니다. 가능한 작업: {allowed}",
    'guard-failed': "'{action}' 거부 — 충족되지 않은 조건: {guards} ({rule}). {details}",
    'rule-failed': '{guards} 조건 위반 — {details}',
    'before-submission': "제출 전에만 할 수 있습니다 ({rule}). 현재 상태: '{state}'",
    'already-participant': '{region}은(는) 이미 이 계획에 참여하고 있습니다.',
    'review-state': "심사 중에만 할 수 있습니다 ({rule}; 가능한 상태: {states}). 현재 상태: '{state}'",
    'already-assigned': '{expert}은(는) 이미 이 계획에 배정되어 있습니다.',
    'already-consulted': '{ministry}에는 이미 의견을 요청했습니다.',
  },
  en: {
    'no-such-transition': "'{action}' is not possible while the plan is '{state}'. Possible now: {allowed}",
    'guard-failed': "'{action}' refused — failed guard(s): {guards} ({rule}). {details}",
    'rule-failed': 'Rule {guards} violated — {details}',
    'before-submission': "Only possible before submission ({rule}); the plan is '{state}'.",
    'already-participant': '{region} already takes part in this plan.',
    'review-state': "Only possible during review ({rule}; states: {states}); the plan is '{state}'.",
    'already-assigned': '{expert} is already assigned to this plan.',
    'already-consulted': '{ministry} was already asked for its opinion.',
  },
  ja: {
    'no-such-transition': "計画が「{state}」の状態では「{action}」はできません。可能な操作: {allowed}",
    'guard-failed': "「{action}」は拒否されました — 満たされていない条件: {guards}（{rule}）。{details}",
    'rule-failed': '条件 {guards} に違反 — {details}',
    'before-submission': "提出前にのみ可能です（{rule}）。現在の状態: 「{state}」",
    'already-participant': '{region} はすでにこの計画に参加しています。',
    'review-state': "審査中にのみ可能です（{rule}。可能な状態: {states}）。現在の状態: 「{state}」",
    'already-assigned': '{expert} はすでにこの計画に割り当てられています。',
    'already-consulted': '{ministry} にはすでに意見を照会しています。',
  },
  zh: {
    'no-such-transition': "计划处于“{state}”状态时不能执行“{action}”。当前可执行: {allowed}",
    'guard-failed': "“{action}”被拒绝 — 未满足的条件: {guards}（{rule}）。{details}",
    'rule-failed': '违反条件 {guards} — {details}',
    'before-submission': "只能在提交前进行（{rule}）。当前状态: “{state}”",
    'already-participant': '{region} 已参与此计划。',
    'review-state': "只能在审查期间进行（{rule}；可用状态：{states}）。当前状态: “{state}”",
    'already-assigned': '{expert} 已被分配到此计划。',
    'already-consulted': '已向 {ministry} 征求过意见。',
  },
  fr: {
    'no-such-transition': "« {action} » est impossible tant que le plan est « {state} ». Possible maintenant : {allowed}",
    'guard-failed': "« {action} » refusé — condition(s) non remplie(s) : {guards} ({rule}). {details}",
    'rule-failed': 'Règle {guards} non respectée — {details}',
    'before-submission': "Possible seulement avant le dépôt ({rule}) ; le plan est « {state} ».",
    'already-participant': '{region} participe déjà à ce plan.',
    'review-state': "Possible seulement pendant l’examen ({rule} ; états : {states}) ; le plan est « {state} ».",
    'already-assigned': '{expert} est déjà chargé de ce plan.',
    'already-consulted': '{ministry} a déjà été consulté.',
  },
};

/** Violation texts in the five languages (codes and articles stay as they are, so clients can match them). */
export const VIOLATIONS: Record<Locale, Record<string, string>> = {
  ko: {
    'missing-item': '누락된 항목: {item}',
    'public-notice-too-short': '공고 기간 부족: {requiredDays}일 이상, {mustRunUntil}까지 공고해야 함 (공고 종료일: {ranUntil})',
    'inspection-starts-too-early': '열람 개시일이 너무 이름: {earliestStart} 이후 (개시일: {startedOn})',
    'inspection-too-short': '열람 기간 부족: {requiredDays}일 이상, {mustRunUntil}까지 (종료일: {ranUntil})',
    'hearing-announced-too-late': '공청회 공고가 늦음: {latest}까지 공고해야 함 (공고일: {announcedOn})',
    'submitted-before-consultation-ended': '공고·열람·공청회가 끝난 뒤({earliest}부터) 제출할 수 있음',
    'opinion-without-response': '의견 {opinion}에 대한 반영 여부·답변이 없음',
    'site-in-capital-area': '수도권 부지: {regionCode}의 {site}',
    'site-outside-applicants': '신청 지방자치단체 관할 밖의 부지: {regionCode}의 {site}',
    'applicant-in-capital-area': '수도권 지방자치단체는 신청할 수 없음: {applicant}',
    'no-site': '부지가 없음',
    'no-applicant': '신청 지방자치단체가 없음',
    'connected-needs-two-metropolitan': '광역 연계형 특구에는 광역 지방자치단체가 {required}곳 이상 필요 (현재 {metropolitan}곳)',
    'province-not-notified': '{applicant}의 신청 사실을 {province}에 알려야 함',
    'regions-not-contiguous': '참여 지역이 서로 이어져 있지 않음: {components}',
    'sign-off-missing': '{government}의 서명(동의)이 없음',
    'sign-off-stale': '{government}의 서명이 현재 판({current})과 다름',
    'no-participants': '참여 지방자치단체가 없음',
    'stale-content': '{government}가 서명한 판({signed})이 현재 판({current})과 다름',
    'not-a-participant': '{government}은(는) 참여 지방자치단체가 아님',
    'meeting-notice-too-late': '회의 소집 통지가 늦음: {latest}까지 (통지일: {noticeGivenOn})',
    'quorum-not-present': '재적위원 {members}명 중 과반수 출석 필요 (출석 {present}명)',
    'ministry-replies-pending': '관계 부처 회신이 끝나지 않았고 회신 기한({due})도 지나지 않음',
    'unknown-item': '알 수 없는 항목: {items}',
    'return-without-missing-item': '반려하려면 누락되거나 미비한 항목을 하나 이상 밝혀야 함',
    'supplement-without-deadline': '보완 요청에 기한이 없어 반려할 수 없음',
    'supplement-deadline-open': '보완 기한({answerBy})이 아직 지나지 않음',
    'redeliberation-too-late': '재심의는 결정 후 60일 이내({deadline}까지) 요청해야 함 (요청일: {requestedOn})',
    'redeliberation-already-used': '재심의는 한 번만 요청할 수 있음 (이미 {previous}회 요청)',
    'date-out-of-order': '날짜 순서가 맞지 않음',
    'expert-tied-to-government': '전문가가 참여 지방자치단체 {region}와(과) 이해관계가 있음 (신고한 관계: {tie})',
    'expert-tied-to-company': '전문가가 참여 기업 {company}와(과) 이해관계가 있음',
    'expert-declared-conflict': '전문가가 이 계획에 대해 이해충돌을 신고함',
    'expert-not-declared': '전문가가 아직 이해충돌 여부를 신고하지 않음',
    'expert-not-assigned': '이 계획에 배정된 전문가가 아님',
    'criterion-not-scored': '평가 항목 {criterion}의 점수가 없음',
    'score-out-of-range': '평가 항목 {criterion}의 점수 {score}는 0–{max} 범위를 벗어남',
    'unknown-criterion': '알 수 없는 평가 항목: {criterion}',
    'ministry-not-consulted': '이 계획에 대해 의견을 요청받은 부처가 아님',
    'opinion-already-given': '이미 의견을 제출함 ({repliedOn})',
    'ministry-reply-pending': '{ministry}의 회신 기한({due})이 지나지 않았고 회신도 없음',
  },
  en: {
    'missing-item': 'missing item: {item}',
    'public-notice-too-short': 'public notice too short: at least {requiredDays} days, until {mustRunUntil} (ran until {ranUntil})',
    'inspection-starts-too-early': 'inspection opened too early: not before {earliestStart} (opened {startedOn})',
    'inspection-too-short': 'inspection too short: at least {requiredDays} days, until {mustRunUntil} (ran until {ranUntil})',
    'hearing-announced-too-late': 'hearing announced too late: by {latest} (announced {announcedOn})',
    'submitted-before-consultation-ended': 'the plan may be submitted once notice, inspection and hearing are over (from {earliest})',
    'opinion-without-response': 'opinion {opinion} has no response',
    'site-in-capital-area': 'site in the capital area: {site} in {regionCode}',
    'site-outside-applicants': 'site outside the applying governments: {site} in {regionCode}',
    'applicant-in-capital-area': 'a capital-area government cannot apply: {applicant}',
    'no-site': 'no site',
    'no-applicant': 'no applying government',
    'connected-needs-two-metropolitan': 'a connected zone needs at least {required} metropolitan governments (has {metropolitan})',
    'province-not-notified': '{province} must be told of the application of {applicant}',
    'regions-not-contiguous': 'the regions are not contiguous: {components}',
    'sign-off-missing': 'no sign-off from {government}',
    'sign-off-stale': 'the sign-off of {government} is not on the current version ({current})',
    'no-participants': 'no participating government',
    'stale-content': '{government} signed {signed}, but the plan is now {current}',
    'not-a-participant': '{government} does not take part in the plan',
    'meeting-notice-too-late': 'meeting notice too late: by {latest} (given {noticeGivenOn})',
    'quorum-not-present': 'a majority of the {members} members must be present (present: {present})',
    'ministry-replies-pending': 'ministry replies are not complete and their deadline ({due}) has not passed',
    'unknown-item': 'unknown items: {items}',
    'return-without-missing-item': 'a return must name at least one missing or incomplete item',
    'supplement-without-deadline': 'the supplement request set no answer deadline, so the application cannot be returned',
    'supplement-deadline-open': 'the supplement deadline ({answerBy}) has not passed',
    'redeliberation-too-late': 're-deliberation must be requested within 60 days of the decision (by {deadline}; requested {requestedOn})',
    'redeliberation-already-used': 're-deliberation can be requested once only (already requested {previous} time(s))',
    'date-out-of-order': 'dates out of order',
    'expert-tied-to-government': 'the expert is tied to the participating government {region} (declared tie: {tie})',
    'expert-tied-to-company': 'the expert is tied to the participating company {company}',
    'expert-declared-conflict': 'the expert declared a conflict of interest with this plan',
    'expert-not-declared': 'the expert has not yet declared whether there is a conflict of interest',
    'expert-not-assigned': 'not an expert assigned to this plan',
    'criterion-not-scored': 'criterion {criterion} has no score',
    'score-out-of-range': 'the score {score} of criterion {criterion} is outside 0–{max}',
    'unknown-criterion': 'unknown criterion: {criterion}',
    'ministry-not-consulted': 'this ministry was not asked for an opinion on the plan',
    'opinion-already-given': 'the opinion was already given ({repliedOn})',
    'ministry-reply-pending': '{ministry} has not replied and its deadline ({due}) has not passed',
  },
  ja: {
    'missing-item': '不足している項目: {item}',
    'public-notice-too-short': '公告期間が不足: {requiredDays}日以上、{mustRunUntil}まで公告が必要（公告終了日: {ranUntil}）',
    'inspection-starts-too-early': '閲覧の開始が早すぎます: {earliestStart}以降（開始日: {startedOn}）',
    'inspection-too-short': '閲覧期間が不足: {requiredDays}日以上、{mustRunUntil}まで（終了日: {ranUntil}）',
    'hearing-announced-too-late': '公聴会の公告が遅れています: {latest}までに公告が必要（公告日: {announcedOn}）',
    'submitted-before-consultation-ended': '公告・閲覧・公聴会の終了後（{earliest}から）提出できます',
    'opinion-without-response': '意見 {opinion} に対する反映の有無・回答がありません',
    'site-in-capital-area': '首都圏の敷地: {regionCode} の {site}',
    'site-outside-applicants': '申請自治体の管轄外の敷地: {regionCode} の {site}',
    'applicant-in-capital-area': '首都圏の自治体は申請できません: {applicant}',
    'no-site': '敷地がありません',
    'no-applicant': '申請自治体がありません',
    'connected-needs-two-metropolitan': '広域連携型特区には広域自治体が{required}か所以上必要です（現在 {metropolitan}か所）',
    'province-not-notified': '{applicant} の申請を {province} に通知する必要があります',
    'regions-not-contiguous': '参加地域がつながっていません: {components}',
    'sign-off-missing': '{government} の署名（同意）がありません',
    'sign-off-stale': '{government} の署名が現在の版（{current}）と異なります',
    'no-participants': '参加自治体がありません',
    'stale-content': '{government} が署名した版（{signed}）が現在の版（{current}）と異なります',
    'not-a-participant': '{government} は参加自治体ではありません',
    'meeting-notice-too-late': '会議招集の通知が遅れています: {latest}まで（通知日: {noticeGivenOn}）',
    'quorum-not-present': '在籍委員 {members}名の過半数の出席が必要です（出席 {present}名）',
    'ministry-replies-pending': '関係省庁の回答が揃っておらず、回答期限（{due}）も過ぎていません',
  },
  zh: {
    'missing-item': '缺少项目：{item}',
    'public-notice-too-short': '公告期不足：至少 {requiredDays} 天，须公告至 {mustRunUntil}（实际至 {ranUntil}）',
    'inspection-starts-too-early': '公开查阅开始过早：不得早于 {earliestStart}（开始于 {startedOn}）',
    'inspection-too-short': '公开查阅期不足：至少 {requiredDays} 天，至 {mustRunUntil}（实际至 {ranUntil}）',
    'hearing-announced-too-late': '听证会公告过晚：须在 {latest} 前公告（公告于 {announcedOn}）',
    'submitted-before-consultation-ended': '公告、查阅和听证会结束后（自 {earliest} 起）方可提交',
    'opinion-without-response': '意见 {opinion} 没有是否采纳的答复',
    'site-in-capital-area': '首都圈内的场地：{regionCode} 的 {site}',
    'site-outside-applicants': '申请地方政府辖区外的场地：{regionCode} 的 {site}',
    'applicant-in-capital-area': '首都圈地方政府不能申请：{applicant}',
    'no-site': '没有场地',
    'no-applicant': '没有申请地方政府',
    'connected-needs-two-metropolitan': '广域联合型特区至少需要 {required} 个广域地方政府（现有 {metropolitan} 个）',
    'province-not-notified': '须将 {applicant} 的申请告知 {province}',
    'regions-not-contiguous': '参与地区互不相连：{components}',
    'sign-off-missing': '缺少 {government} 的签署（同意）',
    'sign-off-stale': '{government} 的签署不是当前版本（{current}）',
    'no-participants': '没有参与的地方政府',
    'stale-content': '{government} 签署的版本（{signed}）与当前版本（{current}）不同',
    'not-a-participant': '{government} 不是本计划的参与方',
    'meeting-notice-too-late': '会议通知过晚：须在 {latest} 前（通知于 {noticeGivenOn}）',
    'quorum-not-present': '须 {members} 名委员中过半数出席（出席 {present} 名）',
    'ministry-replies-pending': '相关部门的答复尚未完成，且答复期限（{due}）尚未届满',
  },
  fr: {
    'missing-item': 'élément manquant : {item}',
    'public-notice-too-short': 'avis public trop court : au moins {requiredDays} jours, jusqu’au {mustRunUntil} (publié jusqu’au {ranUntil})',
    'inspection-starts-too-early': 'consultation ouverte trop tôt : pas avant le {earliestStart} (ouverte le {startedOn})',
    'inspection-too-short': 'consultation trop courte : au moins {requiredDays} jours, jusqu’au {mustRunUntil} (close le {ranUntil})',
    'hearing-announced-too-late': 'audition publique annoncée trop tard : au plus tard le {latest} (annoncée le {announcedOn})',
    'submitted-before-consultation-ended': 'le plan peut être déposé une fois l’avis, la consultation et l’audition terminés (à partir du {earliest})',
    'opinion-without-response': 'l’avis {opinion} n’a pas de réponse',
    'site-in-capital-area': 'site dans la région capitale : {site} à {regionCode}',
    'site-outside-applicants': 'site hors du territoire des collectivités demanderesses : {site} à {regionCode}',
    'applicant-in-capital-area': 'une collectivité de la région capitale ne peut pas déposer de demande : {applicant}',
    'no-site': 'aucun site',
    'no-applicant': 'aucune collectivité demanderesse',
    'connected-needs-two-metropolitan': 'une zone interrégionale exige au moins {required} collectivités métropolitaines (actuellement {metropolitan})',
    'province-not-notified': '{province} doit être informée de la demande de {applicant}',
    'regions-not-contiguous': 'les régions ne sont pas contiguës : {components}',
    'sign-off-missing': 'pas de signature de {government}',
    'sign-off-stale': 'la signature de {government} ne porte pas sur la version actuelle ({current})',
    'no-participants': 'aucune collectivité participante',
    'stale-content': '{government} a signé {signed}, mais le plan est maintenant {current}',
    'not-a-participant': '{government} ne participe pas au plan',
    'meeting-notice-too-late': 'convocation trop tardive : au plus tard le {latest} (donnée le {noticeGivenOn})',
    'quorum-not-present': 'la majorité des {members} membres doit être présente (présents : {present})',
    'ministry-replies-pending': 'les réponses des ministères ne sont pas complètes et leur délai ({due}) n’est pas écoulé',
  },
};

const REGION_PARAMS = new Set(['government', 'applicant', 'province', 'regionCode', 'region', 'member']);

/** "울산광역시 (26)" / "Ulsan (26)": the region's name in the reader's language, with its code. */
export function regionLabel(locale: Locale, code: string): string {
  const region = regionByCode(code);
  if (!region) return code;
  return `${locale === 'ko' ? region.name.ko : region.name[locale] ?? region.name.en} (${code})`;
}

const stringify = (locale: Locale, params: Violation['params']): Record<string, string | number> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => {
    if (Array.isArray(v)) return [k, v.join(', ')];
    if (v === null) return [k, '—'];
    if (REGION_PARAMS.has(k) && typeof v === 'string') return [k, regionLabel(locale, v)];
    return [k, (v as string | number | boolean).toString()];
  }));

export function violationMessage(locale: Locale, v: Violation): string {
  const template = VIOLATIONS[locale][v.code] ?? VIOLATIONS.en[v.code];
  const text = template ? format(template, stringify(locale, v.params)) : `${v.code} ${JSON.stringify(v.params)}`;
  return `${v.code}: ${text} [${v.rule}]`;
}

export function frame(locale: Locale, key: keyof Frames, params: Record<string, string | number>): string {
  return format(FRAMES[locale][key], params);
}
