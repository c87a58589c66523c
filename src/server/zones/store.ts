// Reading and writing designated zones after designation: the zone row with its version, its history, change
// requests, evaluations and data requests (Kysely; every write inside the caller's transaction).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import type { Target } from '../../domain/auth/policy.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import type { DesignationNotice } from '../../domain/zones/designation-notice.ts';
import type { ChangeItem, ChangeState } from '../../domain/zones/zone-changes.ts';
import type { Grade } from '../../domain/zones/zone-evaluation.ts';
import type { ZoneState } from '../../domain/zones/zone-machine.ts';

export interface ZoneRecord {
  id: string;
  name: I18nText;
  state: ZoneState;
  periodStart: string | null;
  periodEnd: string | null;
  endedOn: string | null;
  postManagementUntil: string | null;
  designationNumber: string | null;
  notice: DesignationNotice | null;
  version: number;
  regions: string[];
  source: 'reference' | 'demo' | 'platform';
}

export const zoneEtag = (zone: Pick<ZoneRecord, 'id' | 'version'>): string => `"zone-${zone.id.slice(0, 8)}-v${zone.version}"`;
export const zoneTarget = (zone: Pick<ZoneRecord, 'regions'>): Target => ({ kind: 'zone', regions: zone.regions });

export async function loadZone(db: Database, id: string, options: { forUpdate?: boolean } = {}): Promise<ZoneRecord | null> {
  let query = db.selectFrom('zone').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const z = await query.executeTakeFirst();
  if (!z) return null;
  const regions = await db.selectFrom('zone_region').select('region_code').where('zone_id', '=', id).orderBy('role').orderBy('region_code').execute();
  return {
    id: z.id, name: z.name, state: z.state, periodStart: z.period_start, periodEnd: z.period_end, endedOn: z.ended_on, postManagementUntil: z.post_management_until,
    designationNumber: z.designation_number, notice: (z.notice ?? null) as DesignationNotice | null, version: z.version, regions: regions.map((r) => r.region_code), source: z.source,
  };
}

/** Every write to a zone bumps its version (the ETag), so concurrent edits get 412 instead of last-write-wins. */
export async function updateZone(trx: Database, zone: ZoneRecord, patch: { state?: ZoneState; periodEnd?: string; endedOn?: string | null; postManagementUntil?: string | null }): Promise<void> {
  await trx.updateTable('zone').set({
    version: zone.version + 1,
    ...(patch.state !== undefined ? { state: patch.state } : {}),
    ...(patch.periodEnd !== undefined ? { period_end: patch.periodEnd } : {}),
    ...(patch.endedOn !== undefined ? { ended_on: patch.endedOn } : {}),
    ...(patch.postManagementUntil !== undefined ? { post_management_until: patch.postManagementUntil } : {}),
  }).where('id', '=', zone.id).execute();
}

export const ZONE_EVENT_KINDS = [
  'designated', 'change-filed', 'change-accepted', 'change-approved', 'change-rejected', 'change-withdrawn', 'evaluated', 'extended',
  'hearing-held', 'cancelled', 'expired', 'post-management-begun', 'data-requested', 'data-answered', 'closed',
] as const;
export type ZoneEventKind = (typeof ZONE_EVENT_KINDS)[number];

/** One line of the zone's public history. Params hold only what may be shown publicly. */
export async function addZoneEvent(trx: Database, zoneId: string, kind: ZoneEventKind, on: CivilDate | string, params: Record<string, unknown>, actorUserId: string | null): Promise<void> {
  await trx.insertInto('zone_event').values({ id: randomUUID(), zone_id: zoneId, kind, on_date: on, params: JSON.stringify(params), actor_user_id: actorUserId }).execute();
}

export async function loadHistory(db: Database, zoneId: string) {
  const rows = await db.selectFrom('zone_event').select(['kind', 'on_date', 'params', 'created_at']).where('zone_id', '=', zoneId).orderBy('seq').execute();
  return rows.map((r) => ({ kind: r.kind as ZoneEventKind, on: r.on_date, params: r.params }));
}

export interface ChangeRecord {
  id: string;
  zoneId: string;
  state: ChangeState;
  items: ChangeItem[];
  areaChangePercent: number | null;
  description: I18nText;
  minor: boolean;
  filedByRegion: string;
  filedOn: string;
  replyDue: string | null;
  decidedOn: string | null;
  decision: unknown;
  version: number;
}

export function changeOf(r: { id: string; zone_id: string; state: ChangeState; items: string[]; area_change_percent: number | null; description: I18nText; minor: boolean; filed_by_region: string; filed_on: string; reply_due: string | null; decided_on: string | null; decision: unknown; version: number }): ChangeRecord {
  return {
    id: r.id, zoneId: r.zone_id, state: r.state, items: r.items as ChangeItem[], areaChangePercent: r.area_change_percent, description: r.description, minor: r.minor,
    filedByRegion: r.filed_by_region, filedOn: r.filed_on, replyDue: r.reply_due, decidedOn: r.decided_on, decision: r.decision ?? null, version: r.version,
  };
}

export async function loadChange(db: Database, zoneId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<ChangeRecord | null> {
  let query = db.selectFrom('zone_change').selectAll().where('zone_id', '=', zoneId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const r = await query.executeTakeFirst();
  return r ? changeOf(r) : null;
}

export interface EvaluationRecord {
  year: number;
  grade: Grade;
  scores: Record<string, number>;
  summary: I18nText;
  confirmedOn: string;
}

export async function loadEvaluations(db: Database, zoneId: string): Promise<EvaluationRecord[]> {
  const rows = await db.selectFrom('zone_evaluation').selectAll().where('zone_id', '=', zoneId).orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, grade: r.grade, scores: r.scores, summary: r.summary, confirmedOn: r.confirmed_on }));
}

/** The grade of the latest evaluated year, or null. */
export const latestGrade = (evaluations: readonly EvaluationRecord[]): Grade | null => evaluations.at(-1)?.grade ?? null;
