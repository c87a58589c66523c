// Supply-chain stages (공급망 단계) as the API names them, and their UI labels; shared by plans, exemptions and bundles.
import type { MessageKey, Translate } from '../i18n/index.ts';

import { STAGES, type Stage } from '../../domain/supply-chain/stages.ts';

export { STAGES, type Stage };

export const STAGE_KEYS: Record<Stage, MessageKey> = {
  rnd: 'planStageRnd',
  materials_parts: 'planStageMaterials',
  production: 'planStageProduction',
  testing_certification: 'planStageTesting',
  logistics: 'planStageLogistics',
  sales_service: 'planStageSales',
  recycling: 'planStageRecycling',
};

export const stageText = (stage: string, t: Translate): string => (stage in STAGE_KEYS ? t(STAGE_KEYS[stage as Stage]) : stage);
