// 通知的中文文本（./ko.ts 的键）。
import type { NotificationCatalogue } from './catalogue.ts';

export const zh: NotificationCatalogue = {
  kinds: {
    'deadline-approaching': { title: '距期限还有 {days} 天：{subject}', body: '{subject}的期限为 {due, date, long}。剩余 {days} 天。' },
    'deadline-overdue': { title: '已逾期：{subject}', body: '{subject}的期限 {due, date, long} 已过。' },
    transition: { title: '{subject}：{state}', body: '{actor} 已将{subject}变更为“{state}”。' },
    'expert-assigned': { title: '评审分配：{subject}', body: '{actor} 已将{subject}分配给您评审。请申报利益冲突，然后按{rule}的标准评分。' },
    'opinion-requested': { title: '征求意见：{subject}', body: '{actor} 请贵部门在 {due, date, long} 前就{subject}提交书面意见（{rule}）。' },
    message: { title: '{subject}', body: '{text}' },
  },
  events: {
    'plan:drafting': '编写中', 'plan:signing_off': '签署中', 'plan:submitted': '已申请', 'plan:under_review': '审查中',
    'plan:supplement_requested': '已要求补正', 'plan:returned': '已退回', 'plan:deliberation': '委员会审议中', 'plan:designated': '已指定',
    'plan:designated_with_conditions': '附条件指定', 'plan:rejected': '未指定', 'plan:sent_back': '要求重新审查', 'plan:withdrawn': '已撤回',
    'report:accepted': '实证报告已接受', 'report:changes_requested': '要求修改实证报告',
    'incident:minor': '已报告轻微事故', 'incident:serious': '已报告严重事故', 'incident:critical': '已报告重大事故',
    'exemption:suspended': '特例效力已暂停', 'exemption:suspension_lifted': '特例效力暂停已解除',
    'rapid:filed': '已申请', 'rapid:forwarded': '已转交主管部门：30日内答复（{rule}）', 'rapid:answered_locally': '地方政府已答复',
    'rapid:supplement_requested': '已要求补正：部门的处理期限暂停（{rule}）', 'rapid:supplement_provided': '已提交补正：部门的处理期限继续计算',
    'rapid:replied': '部门答复：{answer}{outcome, select, answered {（已答复）} committee {（提交特区委员会审议）} other {}}',
    'rapid:decided': '特区委员会决定：{answer}', 'rapid:deemed': '截至 {due, date, long} 未答复：视为答复“无需许可”（{rule}）',
    'zone:expired': '指定期限于 {ended, date, long} 届满，事后管理至 {until, date, long}', 'zone:closed': '事后管理结束',
    'zone:change_filed': '{minor, select, yes {已申请轻微变更} other {已申请变更}}', 'zone:change_moved': '变更{changeState}',
    'zone:evaluated': '{year}年评价：{grade}{consequence, select, cancellation {，撤销指定警告（{rule}）} improvement {，需采取改进措施（{rule}）} other {}}',
    'zone:extended': '已延长至 {until, date, long}', 'zone:hearing_held': '已举行听证（{ground}）', 'zone:cancelled': '已撤销指定（{ground}），事后管理至 {until, date, long}',
    'zone:data_requested': '已要求提交资料，期限 {due, date, long}', 'zone:data_answered': '已答复资料要求',
  },
  deadlines: {
    'plan-decision': '90日内作出指定决定', 'plan-ministry-reply': '部门30日内答复意见',
    'exemption-extension_window': '延长或法令修订申请期届满', 'exemption-expiry': '特例期限届满', 'exemption-results_report': '实证结果报告期限',
    'exemption-amendment_plan': '法令修订计划提交期限', 'zone-evaluation': '{year}年运营成果评价', 'zone-period-end': '指定期限结束',
    'zone-change-reply': '对变更的15日内答复', 'zone-data': '事后管理资料提交', 'rapid-reply': '30日内答复',
  },
  subjects: { deadline: '{subject} — {deadline}（{rule}）', rapid: '快速确认 — {subject}' },
  values: {
    answers: { permit_needed: '需要许可', no_permit_needed: '无需许可', not_our_matter: '非本部门主管' },
    changeStates: { filed: '已申请', under_review: '审查中', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回' },
    grades: { excellent: '优秀', good: '良好', fair: '一般', poor: '不足' },
    grounds: {
      'purpose-unattainable': '目的无法实现', 'serious-side-effects': '严重副作用', fraud: '以虚假或不正当手段', 'change-of-circumstances': '情况变化',
      'purpose-achieved': '目的已实现', 'poor-performance': '运营成果不佳',
    },
  },
  system: 'ZoneLink',
};
