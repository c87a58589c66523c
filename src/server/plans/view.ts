// The plan as the API shows it: content, participants and sign-offs, readiness, clocks, steps, possible actions.
import { allowedDays, countedDays, dueDate, isPaused, pausedDays, remainingDays } from '../../domain/calendar/clock.ts';
import { civilDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import { decide } from '../../domain/auth/policy.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { PLAN_MACHINE, type PlanAction, type PlanGuard, type PlanState } from '../../domain/zones/plan-machine.ts';
import { availableActions, type Actor as MachineActor } from '../../domain/zones/transition-table.ts';
import type { Locale } from '../../i18n/locales.ts';
import { participantsOf, regionName } from './content.ts';
import type { HolidayCalendar } from '../../domain/calendar/holidays.ts';
import { evaluatePlan, signOffItemViolations, type SubmissionPolicy } from './evaluate.ts';
import { zoneViolationSentence } from '../../i18n/violations/index.ts';
import { planEtag, planTarget, signOffSet, type loadSteps, type PlanRecord, type StoredClock } from './store.ts';

/** The machine role of a signed-in user on this plan. */
export function machineActor(actor: Actor, plan: PlanRecord): MachineActor {
  return { role: actor.orgKind, lead: actor.orgKind === 'local_government' && actor.regionCode === plan.leadRegion };
}

export function clockView(name: 'decision' | 'ministry-reply', stored: StoredClock, today: CivilDate, calendar: HolidayCalendar) {
  const state = stored.state;
  const asOf = stored.stoppedOn !== null && stored.stoppedOn < today ? civilDate(stored.stoppedOn) : today;
  const due = dueDate(state, calendar);
  return {
    name, rule: state.rule, startedOn: state.startedOn, days: allowedDays(state),
    countedDays: countedDays(state, asOf), pausedDays: pausedDays(state, asOf), remainingDays: remainingDays(state, asOf),
    paused: isPaused(state, asOf), due: due?.due ?? null, nominalDue: due?.nominal ?? null, stoppedOn: stored.stoppedOn,
    pauses: state.pauses.map((p) => ({ from: p.from, to: p.to })),
  };
}

/** What a list shows of a plan. */
export type PlanListed = Pick<PlanRecord, 'id' | 'leadRegion' | 'state' | 'content' | 'contentVersion' | 'submittedOn' | 'zoneId' | 'demo' | 'updatedAt'>;

export function planSummary(plan: PlanListed) {
  return {
    id: plan.id, title: plan.content.title, model: plan.content.model, leadRegion: plan.leadRegion, participants: participantsOf(plan.content),
    state: plan.state, contentVersion: plan.contentVersion, submittedOn: plan.submittedOn, zoneId: plan.zoneId, demo: plan.demo,
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function planView(plan: PlanRecord, actor: Actor | null, locale: Locale, today: CivilDate, steps: Awaited<ReturnType<typeof loadSteps>>, policy: SubmissionPolicy, calendar: HolidayCalendar) {
  const evaluation = evaluatePlan(plan.content, plan.consultation, signOffSet(plan), today, policy, calendar);
  const itemViolations = signOffItemViolations(plan.content, plan.consultation);
  const facts: Partial<Record<PlanGuard, boolean>> = { ...evaluation.facts };
  const actions: { action: PlanAction; to: PlanState; blockedBy: PlanGuard[] }[] = [];
  if (actor) {
    const roles: MachineActor[] = [machineActor(actor, plan)];
    if (decide(actor, 'plan:decide').allowed) roles.push({ role: 'committee' });
    for (const role of roles) {
      for (const a of availableActions(PLAN_MACHINE, plan.state, role, facts)) {
        // Sign-off asks only for the plan's own items (the consultation results come after it).
        const blockedBy = a.action === 'request_signoff' ? (itemViolations.length > 0 ? ['required-items-present' as const] : []) : [...a.blockedBy];
        if (!actions.some((x) => x.action === a.action)) actions.push({ action: a.action, to: a.to, blockedBy });
      }
    }
  }
  const signOffs = new Map(plan.signOffs.map((s) => [s.government, s]));
  const editableSections = actor ? participantsOf(plan.content).filter((code) => decide(actor, 'plan:edit-section', planTarget(plan, code)).allowed) : [];
  return {
    ...planSummary(plan),
    contentHash: plan.contentHash, revision: plan.revision, etag: planEtag(plan), decidedOn: plan.decidedOn, createdAt: plan.createdAt.toISOString(),
    participantDetails: participantsOf(plan.content).map((code) => {
      const s = signOffs.get(code);
      return {
        regionCode: code, role: code === plan.leadRegion ? 'lead' as const : 'partner' as const, name: regionName(code),
        signOff: s ? { contentHash: s.contentHash, signedOn: s.signedOn, current: s.contentHash === plan.contentHash } : null,
      };
    }),
    content: plan.content,
    consultation: plan.consultation,
    readiness: {
      submittable: evaluation.submittable,
      facts: facts as Record<string, boolean>,
      violations: evaluation.violations.map((v) => ({ guard: v.guard, code: v.code, rule: v.rule, severity: v.severity ?? 'error' as const, params: { ...v.params }, message: zoneViolationSentence(locale, v) })),
      earliestSubmission: evaluation.earliestSubmission,
      contiguity: evaluation.contiguity
        ? { ...evaluation.contiguity, components: evaluation.contiguity.components.map((c) => [...c]), joins: evaluation.contiguity.joins.map((j) => ({ ...j, note: j.note ?? null })) }
        : null,
    },
    clocks: [
      ...(plan.clocks.decision ? [clockView('decision', plan.clocks.decision, today, calendar)] : []),
      ...(plan.clocks.ministryReply ? [clockView('ministry-reply', plan.clocks.ministryReply, today, calendar)] : []),
    ],
    steps,
    actions,
    can: {
      editCommon: actor !== null && decide(actor, 'plan:lead', planTarget(plan)).allowed && (plan.state === 'drafting' || plan.state === 'signing_off'),
      editSections: plan.state === 'drafting' || plan.state === 'signing_off' ? editableSections : [],
      signOff: actor !== null && decide(actor, 'plan:sign-off', planTarget(plan)).allowed && plan.state === 'signing_off',
      review: actor !== null && decide(actor, 'plan:review').allowed,
      decide: actor !== null && decide(actor, 'plan:decide').allowed,
      readReview: actor !== null && decide(actor, 'plan:review-read', planTarget(plan)).allowed,
    },
  };
}
