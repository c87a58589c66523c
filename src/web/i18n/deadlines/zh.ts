import type { deadlinesKo } from './ko.ts';

export const deadlinesZh: Record<keyof typeof deadlinesKo, string> = {
  dlTitle: '监管特例期限',
  dlLead: '已逾期或在{days}天内到期的监管特例期限。中小风险企业部和主管部门可见全部特例，地方政府可见其辖区特区的特例，企业可见其持有的特例。',
  dlNone: '目前没有需要处理的期限。',
  dlSummary: '逾期{overdue}项 · 申请期已结束{closed}项 · 即将到期{dueSoon}项',
  dlCaption: '需要处理的监管特例期限',
  dlColExemption: '监管特例',
  dlColZone: '特区',
  dlColWhat: '期限',
  dlColDue: '日期',
  dlColStatus: '状态',
  dlKindExtensionWindow: '延期·法令修订请求截止（届满前2个月）',
  dlKindExpiry: '有效期届满',
  dlKindResultsReport: '实证结果报告（届满后30天）',
  dlKindAmendmentPlan: '法令修订计划提交（审查后60天）',
  dlStatusOverdue: '已逾期{days}天',
  dlStatusClosed: '申请期已结束——届满时失效',
  dlStatusDueSoon: '剩余{days}天',
  dlStatusToday: '今天截止',
};
