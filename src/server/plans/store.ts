// Reading and writing zone plans (Kysely; every write inside the caller's transaction).
import type { Database } from '../../db/database.ts';
import type { ClockState } from '../../domain/calendar/clock.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import type { Target } from '../../domain/auth/policy.ts';
import type { PlanState } from '../../domain/zones/plan-machine.ts';
import { changeContent, changeParticipants, contentHash, type SignOff, type SignOffSet } from '../../domain/zones/signoff.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { participantsOf, type Consultation, type PlanContent } from './content.ts';
import { todayInSeoul } from './evaluate.ts';

export interface StoredClock {
  state: ClockState;
  /** The day the clock stopped mattering (replies in, decision taken); null while it runs. */
  stoppedOn: string | null;
}
export interface Clocks {
  decision?: StoredClock;
  ministryReply?: StoredClock;
}

export interface PlanRecord {
  id: string;
  model: 'single' | 'connected';
  leadRegion: string;
  state: PlanState;
  content: PlanContent;
  contentHash: string;
  contentVersion: number;
  revision: number;
  consultation: Consultation;
  clocks: Clocks;
  submittedOn: string | null;
  decidedOn: string | null;
  zoneId: string | null;
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
  signOffs: SignOff[];
  /** Users of the experts assigned to the plan; organisations of the responsible ministries consulted on it. */
  experts: string[];
  consulted: string[];
}

export const planEtag = (plan: Pick<PlanRecord, 'id' | 'revision'>): string => `"plan-${plan.id.slice(0, 8)}-r${plan.revision}"`;

export function planTarget(plan: PlanRecord, section?: string): Target {
  return {
    kind: 'plan', lead: plan.leadRegion, participants: participantsOf(plan.content), submitted: plan.submittedOn !== null,
    experts: plan.experts, consulted: plan.consulted,
    ...(section !== undefined ? { section } : {}),
  };
}

export function signOffSet(plan: PlanRecord): SignOffSet {
  return { participants: participantsOf(plan.content), contentHash: plan.contentHash, signOffs: plan.signOffs };
}

export async function loadPlan(db: Database, id: string, options: { forUpdate?: boolean } = {}): Promise<PlanRecord | null> {
  let query = db.selectFrom('zone_plan').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const signOffs = await db.selectFrom('zone_plan_signoff').selectAll().where('plan_id', '=', id).orderBy('region_code').execute();
  const experts = await db.selectFrom('plan_expert').select('expert_user_id').where('plan_id', '=', id).execute();
  const consulted = await db.selectFrom('plan_ministry_consultation').select('organisation_id').where('plan_id', '=', id).execute();
  return {
    id: row.id, model: row.model, leadRegion: row.lead_region, state: row.state, content: row.content as PlanContent, contentHash: row.content_hash,
    contentVersion: row.content_version, revision: row.revision, consultation: row.consultation as Consultation, clocks: row.clocks as Clocks,
    submittedOn: row.submitted_on, decidedOn: row.decided_on, zoneId: row.zone_id, demo: row.demo, createdAt: row.created_at, updatedAt: row.updated_at,
    signOffs: signOffs.map((s) => ({ government: s.region_code, contentHash: s.content_hash, signedOn: s.signed_on as CivilDate, ...(s.signed_by ? { signedBy: s.signed_by } : {}) })),
    experts: experts.map((e) => e.expert_user_id), consulted: consulted.map((c) => c.organisation_id),
  };
}

export async function listPlans(db: Database): Promise<PlanRecord[]> {
  const ids = await db.selectFrom('zone_plan').select('id').orderBy('updated_at', 'desc').orderBy('id').execute();
  const plans: PlanRecord[] = [];
  for (const { id } of ids) {
    const plan = await loadPlan(db, id);
    if (plan) plans.push(plan);
  }
  return plans;
}

/** Inserts a new plan with its first version. */
export async function insertPlan(trx: Database, input: { id: string; content: PlanContent; demo: boolean; actor: Actor | null; change: string; consultation: Consultation }): Promise<void> {
  const now = new Date();
  const hash = contentHash(input.content);
  await trx.insertInto('zone_plan').values({
    id: input.id, model: input.content.model, lead_region: input.content.leadRegion, state: 'drafting', content: JSON.stringify(input.content),
    content_hash: hash, content_version: 1, revision: 1, consultation: JSON.stringify(input.consultation), clocks: JSON.stringify({}),
    submitted_on: null, decided_on: null, zone_id: null, demo: input.demo, created_by: input.actor?.userId ?? null, created_at: now, updated_at: now,
  }).execute();
  await trx.insertInto('zone_plan_version').values({
    plan_id: input.id, version: 1, content: JSON.stringify(input.content), content_hash: hash, change: input.change,
    created_by: input.actor?.userId ?? null, created_region: input.actor?.regionCode ?? null, created_at: now,
  }).execute();
  await syncParticipants(trx, input.id, input.content, now);
}

async function syncParticipants(trx: Database, planId: string, content: PlanContent, now: Date): Promise<void> {
  const existing = await trx.selectFrom('zone_plan_participant').select('region_code').where('plan_id', '=', planId).execute();
  const wanted = participantsOf(content);
  const gone = existing.map((e) => e.region_code).filter((c) => !wanted.includes(c));
  if (gone.length > 0) await trx.deleteFrom('zone_plan_participant').where('plan_id', '=', planId).where('region_code', 'in', gone).execute();
  const added = wanted.filter((c) => !existing.some((e) => e.region_code === c));
  if (added.length > 0) {
    await trx.insertInto('zone_plan_participant').values(added.map((code) => ({
      plan_id: planId, region_code: code, role: code === content.leadRegion ? 'lead' as const : 'partner' as const, joined_at: now,
    }))).execute();
  }
}

async function writeSignOffs(trx: Database, planId: string, signOffs: readonly SignOff[]): Promise<void> {
  await trx.deleteFrom('zone_plan_signoff').where('plan_id', '=', planId).execute();
  if (signOffs.length > 0) {
    const now = new Date();
    await trx.insertInto('zone_plan_signoff').values(signOffs.map((s) => ({
      plan_id: planId, region_code: s.government, content_hash: s.contentHash, signed_on: s.signedOn, signed_by: s.signedBy ?? null, signed_at: now,
    }))).execute();
  }
}

/**
 * Saves new content as the next version. A changed hash or a changed list of participants withdraws every
 * sign-off (signoff.ts: changeContent, changeParticipants). Saving identical content writes no version.
 */
export async function saveContent(trx: Database, plan: PlanRecord, content: PlanContent, change: string, actor: Actor, state: PlanState): Promise<PlanRecord> {
  const hash = contentHash(content);
  const now = new Date();
  const signOffs = changeParticipants(changeContent(signOffSet(plan), hash), participantsOf(content));
  const changed = hash !== plan.contentHash;
  const version = changed ? plan.contentVersion + 1 : plan.contentVersion;
  if (changed) {
    await trx.insertInto('zone_plan_version').values({
      plan_id: plan.id, version, content: JSON.stringify(content), content_hash: hash, change, created_by: actor.userId, created_region: actor.regionCode, created_at: now,
    }).execute();
  }
  await trx.updateTable('zone_plan').set({
    content: JSON.stringify(content), content_hash: hash, content_version: version, model: content.model, state, revision: plan.revision + 1, updated_at: now,
  }).where('id', '=', plan.id).execute();
  if (signOffs.signOffs.length !== plan.signOffs.length) await writeSignOffs(trx, plan.id, signOffs.signOffs);
  await syncParticipants(trx, plan.id, content, now);
  if (changed) {
    // The history shows every edit, and which sign-offs it withdrew (Decree Art. 40(2): a change withdraws every sign-off).
    const withdrawn = plan.signOffs.map((s) => s.government).filter((g) => !signOffs.signOffs.some((k) => k.government === g));
    await addStep(trx, plan, { kind: 'edit', to: state, on: todayInSeoul(now), body: { change, version, contentHash: hash, withdrawnSignOffs: withdrawn }, actor });
  }
  return { ...plan, content, contentHash: hash, contentVersion: version, model: content.model, state, revision: plan.revision + 1, updatedAt: now, signOffs: [...signOffs.signOffs] };
}

export async function saveSignOffs(trx: Database, plan: PlanRecord, signOffs: readonly SignOff[], state: PlanState): Promise<void> {
  await writeSignOffs(trx, plan.id, signOffs);
  await trx.updateTable('zone_plan').set({ state, revision: plan.revision + 1, updated_at: new Date() }).where('id', '=', plan.id).execute();
}

export interface PlanPatch {
  state?: PlanState;
  consultation?: Consultation;
  clocks?: Clocks;
  submittedOn?: string | null;
  decidedOn?: string | null;
  zoneId?: string | null;
}

export async function updatePlan(trx: Database, plan: PlanRecord, patch: PlanPatch): Promise<void> {
  await trx.updateTable('zone_plan').set({
    ...(patch.state !== undefined ? { state: patch.state } : {}),
    ...(patch.consultation !== undefined ? { consultation: JSON.stringify(patch.consultation) } : {}),
    ...(patch.clocks !== undefined ? { clocks: JSON.stringify(patch.clocks) } : {}),
    ...(patch.submittedOn !== undefined ? { submitted_on: patch.submittedOn } : {}),
    ...(patch.decidedOn !== undefined ? { decided_on: patch.decidedOn } : {}),
    ...(patch.zoneId !== undefined ? { zone_id: patch.zoneId } : {}),
    revision: plan.revision + 1,
    updated_at: new Date(),
  }).where('id', '=', plan.id).execute();
}

/** Appends a procedural step (a transition with its record: supplement request, referral, decision …). */
export async function addStep(trx: Database, plan: PlanRecord, step: { kind: string; to: PlanState; on: string; body: unknown; actor: Actor }): Promise<void> {
  const last = await trx.selectFrom('zone_plan_step').select((eb) => eb.fn.max('seq').as('seq')).where('plan_id', '=', plan.id).executeTakeFirst();
  await trx.insertInto('zone_plan_step').values({
    plan_id: plan.id, seq: Number(last?.seq ?? 0) + 1, kind: step.kind, from_state: plan.state, to_state: step.to, on_date: step.on,
    body: JSON.stringify(step.body ?? {}), created_by: step.actor.userId, created_at: new Date(),
  }).execute();
}

/** The plan's history: every step with who took it (user, organisation, region) and when. */
export async function loadSteps(db: Database, planId: string) {
  const rows = await db.selectFrom('zone_plan_step')
    .leftJoin('app_user', 'app_user.id', 'zone_plan_step.created_by')
    .leftJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select(['zone_plan_step.seq', 'zone_plan_step.kind', 'zone_plan_step.from_state', 'zone_plan_step.to_state', 'zone_plan_step.on_date', 'zone_plan_step.body', 'zone_plan_step.created_at', 'app_user.display_name', 'organisation.name as organisation_name', 'organisation.region_code'])
    .where('zone_plan_step.plan_id', '=', planId).orderBy('zone_plan_step.seq').execute();
  return rows.map((r) => ({
    seq: r.seq, kind: r.kind, fromState: r.from_state, toState: r.to_state, onDate: r.on_date, body: r.body as unknown, createdAt: r.created_at.toISOString(),
    by: r.display_name === null ? null : { name: r.display_name, organisation: (r.organisation_name ?? {}) as Record<string, string>, regionCode: r.region_code ?? null },
  }));
}
