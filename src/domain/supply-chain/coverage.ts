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


// ---- Regulatory needs (규제 수요) of a zone plan or a demonstration project, and their coverage.

/** A need: the work at `stage` is blocked by catalogue regulation `regulation` unless it is suspended. */
export interface RegulatoryNeed {
  stage: Stage;
  regulation: string;
  note: string | null;
}

/** An exemption with the catalogue regulations it suspends (RFZ Act Art. 86(1), 90(1); issue 4 item 2). */
export interface CoverageExemption extends BundleExemption {
  regulations: string[];
}

export interface NeedCoverage extends RegulatoryNeed {
  met: boolean;
  /** Own exemptions in a covering state suspending the regulation at the stage. */
  metBy: BundleExemption[];
  /** The plan's own special-case rows asking for it (ids in the plan; requested, not granted). */
  requestedBy: string[];
  /** Unmet only: exemptions in covering states in other zones suspending the same regulation, same stage first. */
  precedents: (BundleExemption & { sameStage: boolean })[];
}

export interface StageCoverage {
  stage: Stage;
  name: Required<I18nText>;
  /** 'none': nothing needed at the stage; 'covered': every need met; 'unmet': at least one need unmet. */
  status: 'none' | 'covered' | 'unmet';
  needs: NeedCoverage[];
}

export interface Coverage {
  zoneId: string | null;
  stages: StageCoverage[];
  needs: number;
  met: number;
}

const strip = (e: CoverageExemption): BundleExemption => ({ id: e.id, title: e.title, kind: e.kind, state: e.state, stages: e.stages, zone: e.zone });
const covers = (e: CoverageExemption): boolean => (COVERING_STATES as readonly string[]).includes(e.state);

/**
 * Coverage of declared needs. A need is met only by an exemption of the owner's own zone (`zoneId`; a plan has
 * one once designated, RFZ Act Art. 75) that is in a covering state and suspends the needed regulation at the
 * needed stage: exemptions are granted for a zone's operators and do not carry over to another zone
 * (RFZ Act Art. 86(1), 90(1)). A plan's requested special cases are reported (`requestedBy`) but do not meet a
 * need until granted. Precedents for an unmet need are exemptions of other zones, in covering states, that
 * suspend the same regulation: those at the same stage first, then the rest, each group in the given order
 * (callers pass the most recently granted first), at most `maxPrecedents`.
 */
export function coverageOf(
  zoneId: string | null,
  needs: readonly RegulatoryNeed[],
  exemptions: readonly CoverageExemption[],
  requests: readonly { id: string; regulation: string | null; stages: readonly string[] }[] = [],
  maxPrecedents = 5,
): Coverage {
  const results = needs.map((need): NeedCoverage => {
    const suspends = (e: CoverageExemption) => covers(e) && e.regulations.includes(need.regulation);
    const metBy = exemptions.filter((e) => zoneId !== null && e.zone.id === zoneId && suspends(e) && e.stages.includes(need.stage)).map(strip);
    const requestedBy = requests.filter((r) => r.regulation === need.regulation && r.stages.includes(need.stage)).map((r) => r.id);
    const met = metBy.length > 0;
    const others = met ? [] : exemptions.filter((e) => e.zone.id !== zoneId && suspends(e));
    const precedents = [
      ...others.filter((e) => e.stages.includes(need.stage)).map((e) => ({ ...strip(e), sameStage: true })),
      ...others.filter((e) => !e.stages.includes(need.stage)).map((e) => ({ ...strip(e), sameStage: false })),
    ].slice(0, maxPrecedents);
    return { ...need, met, metBy, requestedBy, precedents };
  });
  const stages = STAGES.map((stage): StageCoverage => {
    const own = results.filter((n) => n.stage === stage);
    return { stage, name: STAGE_NAMES[stage], status: own.length === 0 ? 'none' : own.every((n) => n.met) ? 'covered' : 'unmet', needs: own };
  });
  return { zoneId, stages, needs: results.length, met: results.filter((n) => n.met).length };
}
