import type { organisationsKo } from './ko.ts';

export const organisationsJa: Record<keyof typeof organisationsKo, string> = {
  orgNav: '機関',
  orgTitle: '機関',
  orgLead: '特区に参加する機関とその種類です。所管省庁の省庁コードは規制一覧の省庁コードと同じでなければならず、その省庁がどの規制特例の実証証拠資料を閲覧できるかを決めます。',
  orgCaption: '機関一覧',
  orgColName: '名称',
  orgColKind: '種類',
  orgColMinistry: '省庁コード',
  orgKind_ministry: '中小ベンチャー企業部',
  orgKind_local_government: '地方自治体',
  orgKind_company: '企業',
  orgKind_expert: '専門家',
  orgKind_responsible_ministry: '所管省庁',
  orgMinistryLabel: '{name} の省庁コード',
  orgMinistryNone: 'なし',
  orgSave: '保存',
  orgSaved: '{name} の省庁コードを {code} にしました。',
  orgOnlyAdmin: '省庁コードを変更できるのは中小ベンチャー企業部の管理者だけです。',
};
