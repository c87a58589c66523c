import type { deadlinesKo } from './ko.ts';

export const deadlinesJa: Record<keyof typeof deadlinesKo, string> = {
  dlTitle: '規制特例の期限',
  dlLead: '期限を過ぎた、または{days}日以内に迫っている規制特例の期限です。中小ベンチャー企業部と所管省庁はすべての特例、地方自治体は管轄特区の特例、企業は保有する特例の期限を見ます。',
  dlNone: 'いま対応が必要な期限はありません。',
  dlSummary: '期限超過{overdue}件・申請期間終了{closed}件・期限間近{dueSoon}件',
  dlCaption: '対応が必要な規制特例の期限',
  dlColExemption: '規制特例',
  dlColZone: '特区',
  dlColWhat: '期限',
  dlColDue: '日付',
  dlColStatus: '状態',
  dlKindExtensionWindow: '延長・法令整備要請の締切（満了2か月前）',
  dlKindExpiry: '有効期間の満了',
  dlKindResultsReport: '実証結果の報告（満了後30日）',
  dlKindAmendmentPlan: '法令整備計画の提出（検討後60日）',
  dlStatusOverdue: '{days}日超過',
  dlStatusClosed: '申請期間終了 — 満了とともに効力を失います',
  dlStatusDueSoon: '残り{days}日',
  dlStatusToday: '本日まで',
};
