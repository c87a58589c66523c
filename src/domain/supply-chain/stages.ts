// Supply-chain stages (공급망 단계) along which exemptions are bundled and regions host work.
import type { I18nText } from '../i18n-text.ts';

export const STAGES = ['rnd', 'materials_parts', 'production', 'testing_certification', 'logistics', 'sales_service', 'recycling'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Record<Stage, Required<I18nText>> = {
  rnd: { ko: '연구개발', en: 'R&D', ja: '研究開発', zh: '研发', fr: 'R&D' },
  materials_parts: { ko: '소재·부품', en: 'Materials and parts', ja: '素材・部品', zh: '材料与零部件', fr: 'Matériaux et composants' },
  production: { ko: '생산', en: 'Production', ja: '生産', zh: '生产', fr: 'Production' },
  testing_certification: { ko: '시험·인증', en: 'Testing and certification', ja: '試験・認証', zh: '测试与认证', fr: 'Essais et certification' },
  logistics: { ko: '물류', en: 'Logistics', ja: '物流', zh: '物流', fr: 'Logistique' },
  sales_service: { ko: '판매·서비스', en: 'Sales and service', ja: '販売・サービス', zh: '销售与服务', fr: 'Vente et service' },
  recycling: { ko: '재활용', en: 'Recycling', ja: 'リサイクル', zh: '回收利用', fr: 'Recyclage' },
};

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}
