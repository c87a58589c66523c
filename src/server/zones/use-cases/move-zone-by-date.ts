// The system moves a zone on ZoneLink when its dates say so: it expires when its designation period has ended
// (Decree Art. 44(3)2) and post-management begins (Act Art. 84(2)); it closes two years later (Decree Art. 55(3)).
// The zone is locked and its state re-read, so a second scan (or a second node) moves and audits nothing.
import type { Database } from '../../../db/database.ts';
import { civilDate, type CivilDate } from '../../../domain/calendar/civil-date.ts';
import { postManagementEnd } from '../../../domain/zones/procedure.ts';
import { attempt } from '../../../domain/zones/transition-table.ts';
import { ZONE_MACHINE, type ZoneAction, type ZoneGuard } from '../../../domain/zones/zone-machine.ts';
import { hasExpired } from '../../../domain/zones/zone-period.ts';
import { calendarOf } from '../../calendar/provider.ts';
import { runSystemWrite, SYSTEM, type SystemContext } from '../../write/run-write.ts';
import { notifyZone } from '../notify-zone.ts';
import { addZoneEvent, loadZone, updateZone, type ZoneRecord } from '../store.ts';

const OPERATING: readonly string[] = ['designated', 'evaluated', 'extended'];

/** One automatic move of the zone machine by the system (as MSS), or nothing when the table or guard says no. */
async function systemMove(ctx: SystemContext, zone: ZoneRecord, action: ZoneAction, facts: Partial<Record<ZoneGuard, boolean>>, patch: Parameters<typeof updateZone>[2], event: Parameters<typeof addZoneEvent>[2], params: Record<string, unknown>): Promise<ZoneRecord | null> {
  const { trx, today } = ctx;
  const result = attempt(ZONE_MACHINE, zone.state, action, { role: 'ministry' }, facts);
  if (!result.ok) return null;
  await updateZone(trx, zone, { state: result.to, ...patch });
  await addZoneEvent(trx, zone.id, event, today, params, null);
  await ctx.audit({ action: `zone:${action}`, objectType: 'zone', objectId: zone.id, before: { state: zone.state, version: zone.version }, after: { state: result.to, ...params } });
  return loadZone(trx, zone.id);
}

/** 1 when the zone moved (expired into post-management, or closed), 0 when nothing was due. */
export function moveZoneByDate(db: Database, id: string, today: CivilDate): Promise<number> {
  return runSystemWrite(db, SYSTEM, async (base) => {
    const ctx: SystemContext = { ...base, today };
    const zone = await loadZone(ctx.trx, id, { forUpdate: true });
    if (!zone || zone.periodEnd === null) return 0;
    if (OPERATING.includes(zone.state) && hasExpired(civilDate(zone.periodEnd), today)) {
      const expired = await systemMove(ctx, zone, 'expire', { 'period-ended': true }, { endedOn: zone.periodEnd }, 'expired', { periodEnd: zone.periodEnd });
      if (!expired) return 0;
      const until = postManagementEnd(civilDate(zone.periodEnd), calendarOf(db));
      await systemMove(ctx, expired, 'begin_post_management', {}, { postManagementUntil: until }, 'post-management-begun', { until });
      await notifyZone(ctx.trx, zone, { state: 'zone:expired', params: { ended: zone.periodEnd, until }, actorUserId: null, dedupKey: `zone:${zone.id}:expired` });
      return 1;
    }
    if (zone.state === 'post_management' && zone.postManagementUntil !== null && today > zone.postManagementUntil) {
      const closed = await systemMove(ctx, zone, 'close', { 'post-management-period-over': true }, {}, 'closed', { postManagementUntil: zone.postManagementUntil });
      if (!closed) return 0;
      await notifyZone(ctx.trx, zone, { state: 'zone:closed', actorUserId: null, dedupKey: `zone:${zone.id}:closed` });
      return 1;
    }
    return 0;
  });
}
