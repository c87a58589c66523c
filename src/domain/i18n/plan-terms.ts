// The plan machine's moves and what each of its guards asks for, as short phrases in each language (pure): the
// server's refusal of a move ('“Submit application” is not possible yet: every partner has signed the current
// version') and the plan page's 'still needed' list say these, never an id. One table for the server and the browser.
import type { PlanAction, PlanGuard } from '../zones/plan-machine.ts';
import type { MessageLocale } from './icu.ts';

export const PLAN_GUARD_TEXT: Readonly<Record<PlanGuard, Readonly<Record<MessageLocale, string>>>> = {
  'required-items-present': { ko: '필수 항목 모두 작성', en: 'every required item filled in', ja: '必須項目がすべて記入済み', zh: '所有必填项均已填写', fr: 'tous les éléments obligatoires remplis' },
  'signer-is-participant': { ko: '서명자가 참여 지자체 소속', en: 'the signer belongs to a partner', ja: '署名者が参加自治体に所属', zh: '签署人属于参与的地方政府', fr: 'le signataire appartient à un partenaire' },
  'signed-hash-is-current': { ko: '현재 판에 대한 서명', en: 'a signature on the current version', ja: '現在の版への署名', zh: '对当前版本的签署', fr: 'une signature de la version actuelle' },
  'all-signoffs-match-hash': { ko: '모든 참여 지자체가 현재 판에 서명', en: 'every partner has signed the current version', ja: 'すべての参加自治体が現在の版に署名', zh: '所有参与地方政府均已签署当前版本', fr: 'tous les partenaires ont signé la version actuelle' },
  'applicants-eligible': { ko: '모든 신청 지자체가 신청 자격 충족', en: 'every applicant is eligible', ja: 'すべての申請自治体が申請資格を満たす', zh: '所有申请地方政府均符合资格', fr: 'tous les demandeurs sont éligibles' },
  'connected-zone-has-two-metropolitan': { ko: '광역 연계형 특구에 광역자치단체 둘 이상 참여', en: 'at least two metropolitan governments in a connected zone', ja: '広域連携型特区に広域自治体が2つ以上参加', zh: '广域联动型特区至少有两个广域地方政府参与', fr: 'au moins deux collectivités métropolitaines dans une zone interrégionale' },
  'provinces-notified': { ko: '관할 광역자치단체에 통보', en: 'the provinces notified', ja: '所轄の広域自治体への通知', zh: '已通知所属广域地方政府', fr: 'les provinces informées' },
  'public-consultation-complete': { ko: '주민 의견 수렴 완료', en: 'the public consultation completed', ja: '住民の意見聴取の完了', zh: '公众意见征集已完成', fr: 'la consultation publique terminée' },
  'regions-contiguous-if-required': { ko: '공모가 요구하면 지역이 서로 인접', en: 'contiguous regions where the call requires them', ja: '公募が求める場合は地域が互いに隣接', zh: '征集要求时各地区相互毗邻', fr: 'des régions contiguës si l’appel l’exige' },
  'return-ground': { ko: '반려 사유', en: 'a ground for returning the application', ja: '差戻しの理由', zh: '退回理由', fr: 'un motif de renvoi' },
  'supplement-not-answered': { ko: '답변되지 않은 보완 요청이 없음', en: 'no supplement request left unanswered', ja: '未回答の補完要請がないこと', zh: '没有未答复的补正要求', fr: 'aucune demande de complément sans réponse' },
  'no-conflict-of-interest': { ko: '이해충돌 없음', en: 'no conflict of interest', ja: '利益相反がないこと', zh: '无利益冲突', fr: 'aucun conflit d’intérêts' },
  'ministry-replies-complete-or-due': { ko: '관계 부처 의견 회신 완료 또는 회신 기한 경과', en: 'every ministry has replied or its time is up', ja: '関係省庁の回答完了または回答期限の経過', zh: '相关部门均已答复或答复期限已过', fr: 'tous les ministères ont répondu ou leur délai est passé' },
  'meeting-notice-given': { ko: '기한 내 회의 소집 통지', en: 'the meeting notice given in time', ja: '期限内の会議招集通知', zh: '按时发出会议通知', fr: 'la convocation envoyée à temps' },
  'quorum-present': { ko: '의사정족수 충족', en: 'a quorum present', ja: '定足数の充足', zh: '达到法定人数', fr: 'le quorum atteint' },
  'redeliberation-window-open': { ko: '재심의 요청 기간(60일) 이내', en: 'within the 60 days for asking re-deliberation', ja: '再審議請求期間（60日）内', zh: '在复议申请期限（60日）内', fr: 'dans les 60 jours pour demander un réexamen' },
  'redeliberation-not-used': { ko: '재심의를 아직 요청하지 않음', en: 're-deliberation not yet asked for', ja: '再審議をまだ請求していないこと', zh: '尚未申请复议', fr: 'réexamen pas encore demandé' },
};


/** Guards of the zone, zone-change and exemption machines that the plan machine does not have. */
export const OTHER_GUARD_TEXT: Readonly<Record<string, Readonly<Record<MessageLocale, string>>>> = {
  'change-procedure-complete': { ko: '변경 절차 완료', en: 'the change procedure completed', ja: '変更手続の完了', zh: '变更程序已完成', fr: 'la procédure de modification terminée' },
  'evaluation-confirmed': { ko: '위원회의 평가 확정', en: 'the evaluation confirmed by the committee', ja: '委員会による評価の確定', zh: '委员会已确认评估', fr: 'l’évaluation confirmée par le comité' },
  'before-expiry': { ko: '지정 기간 만료 전', en: 'before the period ends', ja: '指定期間の満了前', zh: '在指定期限届满前', fr: 'avant la fin de la période' },
  'extension-allowed': { ko: '연장 가능', en: 'an extension allowed', ja: '延長が可能', zh: '允许延长', fr: 'une prolongation possible' },
  'hearing-held': { ko: '청문 실시', en: 'a hearing held', ja: '聴聞の実施', zh: '已举行听证', fr: 'une audition tenue' },
  'cancellation-ground': { ko: '취소 사유', en: 'a ground for cancellation', ja: '取消しの事由', zh: '撤销事由', fr: 'un motif d’annulation' },
  'period-ended': { ko: '지정 기간 종료', en: 'the period ended', ja: '指定期間の終了', zh: '指定期限已结束', fr: 'la période terminée' },
  'post-management-period-over': { ko: '사후관리 기간 종료', en: 'the follow-up period over', ja: '事後管理期間の終了', zh: '事后管理期限已结束', fr: 'la période de suivi terminée' },
  'change-is-minor': { ko: '경미한 변경', en: 'a minor change', ja: '軽微な変更', zh: '轻微变更', fr: 'une modification mineure' },
  'change-is-not-minor': { ko: '경미하지 않은 변경', en: 'a change that is not minor', ja: '軽微でない変更', zh: '非轻微变更', fr: 'une modification non mineure' },
  'ministry-review-complete-or-due': { ko: '관계 부처 검토 완료 또는 기한 경과', en: 'the ministries’ review done or its time up', ja: '関係省庁の検討完了または期限経過', zh: '相关部门审查完毕或期限已过', fr: 'l’examen des ministères fait ou son délai passé' },
  'conditions-justified': { ko: '조건 부과 사유', en: 'reasons for the conditions', ja: '条件を付す理由', zh: '附加条件的理由', fr: 'des motifs pour les conditions' },
  'insurance-proof-submitted': { ko: '책임보험 가입 증명 제출', en: 'proof of liability insurance submitted', ja: '責任保険加入証明の提出', zh: '已提交责任保险证明', fr: 'l’attestation d’assurance remise' },
  'change-approved': { ko: '변경 승인', en: 'the change approved', ja: '変更の承認', zh: '变更已获批准', fr: 'la modification approuvée' },
  'extension-requested-in-time': { ko: '기한 내 연장 신청', en: 'the extension asked for in time', ja: '期限内の延長申請', zh: '按时申请延长', fr: 'la prolongation demandée à temps' },
  'no-prior-extension': { ko: '이전 연장 없음', en: 'no earlier extension', ja: '過去の延長がないこと', zh: '此前未延长', fr: 'aucune prolongation antérieure' },
  'extension-ground': { ko: '연장 사유', en: 'a ground for the extension', ja: '延長の事由', zh: '延长事由', fr: 'un motif de prolongation' },
  'within-maximum-and-zone-period': { ko: '최대 기간 및 특구 기간 이내', en: 'within the maximum and the zone’s period', ja: '最長期間および特区期間内', zh: '在最长期限和特区期限内', fr: 'dans le maximum et la période de la zone' },
  'amendment-window-open': { ko: '법령 정비 요청 기간 이내', en: 'within the time for asking a law amendment', ja: '法令整備要請期間内', zh: '在法令修订申请期限内', fr: 'dans le délai pour demander une modification de la loi' },
  'results-attached': { ko: '결과 보고서 첨부', en: 'the results report attached', ja: '結果報告書の添付', zh: '已附结果报告', fr: 'le rapport de résultats joint' },
  'validity-ended': { ko: '유효기간 만료', en: 'the term ended', ja: '有効期間の満了', zh: '有效期已届满', fr: 'la durée de validité écoulée' },
  'report-overdue': { ko: '보고 기한 경과', en: 'the report overdue', ja: '報告期限の経過', zh: '报告已逾期', fr: 'le rapport en retard' },
  'amendment-started': { ko: '법령 정비 착수', en: 'the law amendment started', ja: '法令整備の着手', zh: '法令修订已启动', fr: 'la modification de la loi engagée' },
  'deemed-validity-over': { ko: '유효 간주 기간 종료', en: 'the deemed validity over', ja: 'みなし有効期間の終了', zh: '视为有效期已结束', fr: 'la validité présumée terminée' },
};

/** A guard of any machine as the reader reads it (an unknown one stays as it is; the coverage test lists them all). */
export function guardText(locale: MessageLocale, guard: string): string {
  return ((PLAN_GUARD_TEXT as Record<string, Record<MessageLocale, string>>)[guard] ?? OTHER_GUARD_TEXT[guard])?.[locale] ?? guard;
}

/** Several guards joined as the language lists things. */
export function guardsText(locale: MessageLocale, guards: readonly string[]): string {
  return guards.map((g) => guardText(locale, g)).join(locale === 'ja' || locale === 'zh' ? '、' : ', ');
}

export const PLAN_ACTION_TEXT: Readonly<Record<PlanAction, Readonly<Record<MessageLocale, string>>>> = {
  edit: { ko: '내용 수정', en: 'Edit content', ja: '内容を修正', zh: '修改内容', fr: 'Modifier le contenu' },
  'request_signoff': { ko: '서명 요청', en: 'Request sign-off', ja: '署名を依頼', zh: '请求签署', fr: 'Demander les signatures' },
  'sign_off': { ko: '서명', en: 'Sign off', ja: '署名', zh: '签署', fr: 'Signer' },
  submit: { ko: '신청서 제출', en: 'Submit application', ja: '申請書を提出', zh: '提交申请书', fr: 'Déposer la demande' },
  'accept_for_review': { ko: '접수', en: 'Accept for review', ja: '受理', zh: '受理', fr: 'Déclarer recevable' },
  'request_supplement': { ko: '보완 요청', en: 'Request supplement', ja: '補完を要求', zh: '要求补正', fr: 'Demander des compléments' },
  'answer_supplement': { ko: '보완 제출', en: 'Submit supplement', ja: '補完を提出', zh: '提交补正', fr: 'Remettre les compléments' },
  return: { ko: '반려', en: 'Return', ja: '差し戻し', zh: '退回', fr: 'Renvoyer' },
  'submit_expert_review': { ko: '전문가 평가 제출', en: 'Submit expert review', ja: '専門家評価を提出', zh: '提交专家评审', fr: 'Remettre l’évaluation d’expert' },
  'refer_to_committee': { ko: '위원회 상정', en: 'Refer to committee', ja: '委員会に付議', zh: '提交委员会', fr: 'Saisir le comité' },
  designate: { ko: '지정', en: 'Designate', ja: '指定', zh: '指定', fr: 'Désigner' },
  'designate_with_conditions': { ko: '조건부 지정', en: 'Designate with conditions', ja: '条件付き指定', zh: '附条件指定', fr: 'Désigner sous conditions' },
  reject: { ko: '지정하지 않음', en: 'Do not designate', ja: '指定しない', zh: '不予指定', fr: 'Ne pas désigner' },
  'send_back': { ko: '재검토 요구', en: 'Send back', ja: '再検討を要求', zh: '要求重新审查', fr: 'Renvoyer pour réexamen' },
  revise: { ko: '다시 작성', en: 'Reopen for drafting', ja: '作成中に戻す', zh: '重新编写', fr: 'Remettre en rédaction' },
  'request_redeliberation': { ko: '재심의 요청', en: 'Request re-deliberation', ja: '再審議を要求', zh: '申请复议', fr: 'Demander une nouvelle délibération' },
  withdraw: { ko: '계획 철회', en: 'Withdraw plan', ja: '計画を取り下げ', zh: '撤回计划', fr: 'Retirer le plan' },
};

/** The plan move's name, or undefined for a move of another machine. */
export function planActionText(locale: MessageLocale, action: string): string | undefined {
  return (PLAN_ACTION_TEXT as Record<string, Record<MessageLocale, string>>)[action]?.[locale];
}
