// 通知の日本語テキスト（./ko.ts のキー）。
import type { NotificationCatalogue } from './catalogue.ts';

export const ja: NotificationCatalogue = {
  kinds: {
    'deadline-approaching': { title: '期限まであと{days}日: {subject}', body: '{subject}の期限は{due, date, long}です。残り{days}日。' },
    'deadline-overdue': { title: '期限超過: {subject}', body: '{subject}の期限（{due, date, long}）を過ぎました。' },
    transition: { title: '{subject}: {state}', body: '{actor}さんが{subject}を「{state}」にしました。' },
    'expert-assigned': { title: '審査の割当: {subject}', body: '{actor}さんが{subject}の審査をあなたに割り当てました。利益相反の有無を申告し、{rule}の基準で評価してください。' },
    'opinion-requested': { title: '意見照会: {subject}', body: '{actor}さんが{subject}について{due, date, long}までの書面意見を求めています（{rule}）。' },
    message: { title: '{subject}', body: '{text}' },
  },
  events: {
    'plan:drafting': '作成中', 'plan:signing_off': '署名中', 'plan:submitted': '申請済み', 'plan:under_review': '審査中',
    'plan:supplement_requested': '補完要請中', 'plan:returned': '差戻し', 'plan:deliberation': '委員会審議中', 'plan:designated': '指定',
    'plan:designated_with_conditions': '条件付き指定', 'plan:rejected': '不指定', 'plan:sent_back': '再検討要求', 'plan:withdrawn': '取下げ',
    'report:accepted': '実証報告書を承認', 'report:changes_requested': '実証報告書の補完を要請',
    'incident:minor': '軽微な事故の報告', 'incident:serious': '重大な事故の報告', 'incident:critical': '致命的な事故の報告',
    'exemption:suspended': '特例の効力停止', 'exemption:suspension_lifted': '特例の効力停止の解除',
    'rapid:filed': '申請済み', 'rapid:forwarded': '所管省庁へ送付：30日以内に回答（{rule}）', 'rapid:answered_locally': '地方自治体が回答',
    'rapid:supplement_requested': '補完要請：省庁の処理期間を停止（{rule}）', 'rapid:supplement_provided': '補完提出：省庁の処理期間が再開',
    'rapid:replied': '省庁の回答：{answer}{outcome, select, answered {（回答完了）} committee {（特区委員会の審議へ）} other {}}',
    'rapid:decided': '特区委員会の決定：{answer}', 'rapid:deemed': '{due, date, long}までに回答なし：「許可不要」と回答したものとみなす（{rule}）',
    'zone:expired': '{ended, date, long}に指定期間満了、{until, date, long}まで事後管理', 'zone:closed': '事後管理の終了',
    'zone:change_filed': '{minor, select, yes {軽微な変更の申請} other {変更の申請}}', 'zone:change_moved': '変更：{changeState}',
    'zone:evaluated': '{year}年の評価：{grade}{consequence, select, cancellation {、指定解除の警告（{rule}）} improvement {、改善措置が必要（{rule}）} other {}}',
    'zone:extended': '{until, date, long}まで延長', 'zone:hearing_held': '聴聞を実施（{ground}）', 'zone:cancelled': '指定解除（{ground}）、{until, date, long}まで事後管理',
    'zone:data_requested': '資料要求、期限{due, date, long}', 'zone:data_answered': '資料要求に回答',
  },
  deadlines: {
    'plan-decision': '90日以内の指定決定', 'plan-ministry-reply': '省庁の30日以内の意見回答',
    'exemption-extension_window': '延長・法令整備の要請期間の終了', 'exemption-expiry': '特例期間の満了', 'exemption-results_report': '実証結果報告の期限',
    'exemption-amendment_plan': '法令整備計画の提出期限', 'zone-evaluation': '{year}年の運営成果評価', 'zone-period-end': '指定期間の終了',
    'zone-change-reply': '変更への15日以内の回答', 'zone-data': '事後管理資料の提出', 'rapid-reply': '30日以内の回答',
  },
  subjects: { deadline: '{subject} — {deadline}（{rule}）', rapid: '迅速確認 — {subject}' },
  values: {
    answers: { permit_needed: '許可が必要', no_permit_needed: '許可不要', not_our_matter: '所管外' },
    changeStates: { filed: '申請済み', under_review: '審査中', approved: '承認', rejected: '却下', withdrawn: '取下げ' },
    grades: { excellent: '優秀', good: '良好', fair: '普通', poor: '不十分' },
    grounds: {
      'purpose-unattainable': '目的達成不能', 'serious-side-effects': '重大な副作用', fraud: '虚偽その他不正な手段', 'change-of-circumstances': '事情の変更',
      'purpose-achieved': '目的達成', 'poor-performance': '運営成果の不振',
    },
  },
  system: 'ZoneLink',
};
