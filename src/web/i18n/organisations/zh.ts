import type { organisationsKo } from './ko.ts';

export const organisationsZh: Record<keyof typeof organisationsKo, string> = {
  orgNav: '机构',
  orgTitle: '机构',
  orgLead: '参与特区的机构及其类型。主管部门的部门代码须与规制目录使用的部门代码一致，它决定该部门可以查阅哪些规制特例的实证证据材料。',
  orgCaption: '机构列表',
  orgColName: '名称',
  orgColKind: '类型',
  orgColMinistry: '部门代码',
  orgKind_ministry: '中小风险企业部',
  orgKind_local_government: '地方政府',
  orgKind_company: '企业',
  orgKind_expert: '专家',
  orgKind_responsible_ministry: '主管部门',
  orgMinistryLabel: '{name} 的部门代码',
  orgMinistryNone: '无',
  orgSave: '保存',
  orgSaved: '{name} 的部门代码已设为 {code}。',
  orgOnlyAdmin: '只有中小风险企业部的管理员才能更改部门代码。',
};
