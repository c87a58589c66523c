// Shared bits of the plan pages: state labels and badges, region names, the signed-in client.
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { RegionNameText } from '../../../shared/ui/text.tsx';
import type { Region } from '../../../shared/types.ts';
import { standingGovernmentByCode } from '../../../../domain/zones/special-governments.ts';
import type { MessageKey, Translate } from '../../../i18n/index.ts';
import { plansApi, type PlansClient } from '../api/client.ts';
import type { Clock, PlanModel, PlanState } from '../types.ts';
import '../plans.css';

const STATE_KEYS: Record<PlanState, MessageKey> = {
  drafting: 'planStateDrafting',
  signing_off: 'planStateSigningOff',
  submitted: 'planStateSubmitted',
  under_review: 'planStateUnderReview',
  supplement_requested: 'planStateSupplementRequested',
  returned: 'planStateReturned',
  deliberation: 'planStateDeliberation',
  designated: 'planStateDesignated',
  designated_with_conditions: 'planStateDesignatedWithConditions',
  rejected: 'planStateRejected',
  sent_back: 'planStateSentBack',
  withdrawn: 'planStateWithdrawn',
};

export const planStateText = (state: PlanState, t: Translate): string => t(STATE_KEYS[state] ?? 'planStateDrafting');
export const planModelText = (model: PlanModel, t: Translate): string => t(model === 'connected' ? 'planModelConnected' : 'planModelSingle');

const STATE_TONE: Partial<Record<PlanState, string>> = {
  designated: 'bg-light-success',
  designated_with_conditions: 'bg-light-success',
  rejected: 'bg-light-danger',
  withdrawn: 'bg-light-gray',
  sent_back: 'bg-light-warning',
  supplement_requested: 'bg-light-warning',
  returned: 'bg-light-warning',
};

export function PlanStateBadge({ state }: { state: PlanState }) {
  const { t } = useApp();
  return (
    <span className={`krds-badge ${STATE_TONE[state] ?? 'bg-light-primary'} zl-plan-state`} data-state={state}>
      {planStateText(state, t)}
    </span>
  );
}

/** Region names as the plans API gives them (ko, en); other languages read English. */
export function regionLabel(name: { ko: string; en: string } | undefined, code: string, lang: string): string {
  // A special local government (충청광역연합) is no region of the list: its names, in five languages, come with the reference data.
  name = standingGovernmentByCode(code)?.name ?? name;
  if (!name) return code;
  return (name as unknown as Record<string, string | undefined>)[lang] ?? name.en;
}

/** The plans API once the reader is signed in (plans need a session), else null. */
export function usePlansClient(): PlansClient | null {
  return useApp().user ? plansApi : null;
}

const ACTION_KEYS: Record<string, MessageKey> = {
  edit: 'planActionEdit',
  request_signoff: 'planActionRequestSignoff',
  sign_off: 'planActionSignOff',
  submit: 'planActionSubmit',
  accept_for_review: 'planActionAccept',
  request_supplement: 'planActionRequestSupplement',
  answer_supplement: 'planActionAnswerSupplement',
  return: 'planActionReturn',
  submit_expert_review: 'planActionExpertReview',
  refer_to_committee: 'planActionRefer',
  designate: 'planDecisionDesignate',
  designate_with_conditions: 'planDecisionDesignateWithConditions',
  reject: 'planDecisionReject',
  send_back: 'planDecisionSendBack',
  revise: 'planActionRevise',
  request_redeliberation: 'planActionRedeliberation',
  withdraw: 'planActionWithdraw',
  create: 'planStepCreate',
  withdraw_sign_off: 'rvStepWithdrawSignOff',
  ministry_opinion: 'rvStepMinistryOpinion',
};

export const planActionText = (action: string, t: Translate): string => {
  const key = ACTION_KEYS[action];
  return key ? t(key) : action;
};

export const clockNameText = (clock: Clock, t: Translate): string =>
  t(clock.name === 'decision' ? 'planClockDecision' : 'planClockMinistryReply');

export { seoulToday } from '../../../shared/dates.ts';

export const shortHash = (hash: string): string => hash.replace(/^sha256:/, '').slice(0, 12);

let provincesPromise: Promise<Region[]> | null = null;

/** The 17 provinces (for names and the invitation list); empty until loaded. */
export function useProvinces(): Region[] {
  const [regions, setRegions] = useState<Region[]>([]);
  useEffect(() => {
    let live = true;
    provincesPromise ??= api.listRegions('province').then((r) => r.items);
    provincesPromise.then((items) => live && setRegions(items)).catch(() => {
      provincesPromise = null;
    });
    return () => {
      live = false;
    };
  }, []);
  return regions;
}

export function RegionCodeName({ code, regions }: { code: string; regions: Region[] }) {
  const region = regions.find((r) => r.code === code) ?? standingGovernmentByCode(code);
  return region ? <RegionNameText region={region} /> : <span className="zl-mono">{code}</span>;
}

export { useAction as usePlanAction, ActionOutcome } from '../../../shared/ui/actions.tsx';
