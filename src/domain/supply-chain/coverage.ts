// Bundles (규제 묶음): a zone's exemptions along the supply-chain stages, the stages left uncovered, and for
// each gap the exemptions granted in other zones (precedents) that could be adopted. Pure.
import type { I18nText } from '../i18n-text.ts';
import { STAGES, STAGE_NAMES, type Stage } from './stages.ts';

/** States in which an exemption (or the amended law after it) lets the work at its stages go on. */
export const COVERING_STATES = ['granted', 'active', 'extended', 'amendment_requested', 'law_amended', 'temporary_permit'] as const;

export interface BundleExemption {
  id: string;
  title: I18nText;
  kind: string;
  state: string;
  stages: string[];
  zone: { id: string; name: I18nText };
}

export interface BundleStage {
  stage: Stage;
  name: Required<I18nText>;
  covered: boolean;
  exemptions: BundleExemption[];
  precedents: BundleExemption[];
}

export function bundleOf(zoneId: string, exemptions: readonly BundleExemption[], maxPrecedents = 5): { stages: BundleStage[]; covered: number; total: number } {
  const covering = (e: BundleExemption) => (COVERING_STATES as readonly string[]).includes(e.state);
  const stages = STAGES.map((stage) => {
    const own = exemptions.filter((e) => e.zone.id === zoneId && e.stages.includes(stage));
    const covered = own.some(covering);
    const precedents = covered ? [] : exemptions.filter((e) => e.zone.id !== zoneId && e.stages.includes(stage) && covering(e)).slice(0, maxPrecedents);
    return { stage, name: STAGE_NAMES[stage], covered, exemptions: [...own], precedents };
  });
  return { stages, covered: stages.filter((s) => s.covered).length, total: stages.length };
}
