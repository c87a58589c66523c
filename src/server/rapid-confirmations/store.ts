// Rapid-confirmation requests and their ministry replies: loading, the view with each ministry's clock, settling
// the request once every ministry has answered, and the notice to the company, the zone's governments and MSS.
import type { Database } from '../../db/database.ts';
import type { Target } from '../../domain/auth/policy.ts';
import { addDays, civilDate, diffDays, type CivilDate } from '../../domain/calendar/civil-date.ts';
import type { ClockState } from '../../domain/calendar/clock.ts';
import type { HolidayCalendar } from '../../domain/calendar/holidays.ts';
import { settleRapidConfirmation, type RapidAnswer } from '../../domain/exemptions/rapid-confirmation.ts';
import { rapidConfirmationCommitteeDue, rapidConfirmationOutcome } from '../../domain/exemptions/validity.ts';
import { clipText } from '../../domain/i18n-text.ts';
import type { NotificationEvent, NotificationParams } from '../../i18n/notifications/index.ts';
import { notify, usersOfKind, usersOfRegions } from '../notifications/notify.ts';
import { usersOfOrganisation } from '../zones/notify-zone.ts';

export async function loadRequest(db: Database, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('rapid_confirmation').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const regions = (await db.selectFrom('zone_region').select('region_code').where('zone_id', '=', row.zone_id).execute()).map((r) => r.region_code);
  const replies = await db.selectFrom('rapid_confirmation_reply').selectAll().where('request_id', '=', id).orderBy('organisation_id').execute();
  return { ...row, regions, replies };
}
export type RapidRecord = NonNullable<Awaited<ReturnType<typeof loadRequest>>>;
export type ReplyRow = RapidRecord['replies'][number];

export function rapidTarget(r: RapidRecord, ministries?: readonly string[]): Target {
  return { kind: 'rapid-confirmation', company: r.company_id, regions: r.regions, ministries: ministries ?? r.replies.map((x) => x.organisation_id) };
}

/** A reply's standing today: its clock (Art. 85(4)) and, when silent past the period, the deemed answer (Art. 85(5)). */
export function replyStatus(reply: ReplyRow, today: CivilDate, calendar: HolidayCalendar) {
  const outcome = rapidConfirmationOutcome(reply.clock as ClockState, reply.deemed || reply.replied_on === null ? null : civilDate(reply.replied_on), today, calendar);
  const status = reply.deemed ? 'deemed_no_permit_needed' : reply.replied_on !== null ? 'answered' : outcome.status;
  return { outcome, status, daysLeft: outcome.due === null || status !== 'pending' ? null : diffDays(outcome.due, today) };
}

/** Records the deemed answer of a silent ministry the day after its period (Art. 85(5)). */
export async function recordDeemed(trx: Database, requestId: string, organisationId: string, due: CivilDate): Promise<void> {
  await trx.updateTable('rapid_confirmation_reply').set({ answer: 'no_permit_needed', replied_on: addDays(due, 1), deemed: true, replied_by: null })
    .where('request_id', '=', requestId).where('organisation_id', '=', organisationId).execute();
}

/** Once every ministry has answered: answered when they agree, the committee (30 days) when they do not (Art. 85(7)). */
export async function settle(trx: Database, id: string, calendar: HolidayCalendar): Promise<RapidRecord['state'] | null> {
  const r = (await loadRequest(trx, id))!;
  const s = settleRapidConfirmation(r.replies.map((x) => x.answer as RapidAnswer | null));
  if (r.state !== 'forwarded' || s.status === 'waiting') return null;
  const last = r.replies.map((x) => x.replied_on!).sort().at(-1)!;
  const state = s.status === 'agreed' ? 'answered' as const : 'committee' as const;
  await trx.updateTable('rapid_confirmation').set({ state, committee_due: state === 'committee' ? rapidConfirmationCommitteeDue(civilDate(last), calendar) : null, version: r.version + 1 })
    .where('id', '=', id).execute();
  return state;
}

/** The company, the zone's local governments and MSS (not the one who acted), plus `also`. */
export async function notifyRequest(trx: Database, r: RapidRecord, input: { state: NotificationEvent; params?: NotificationParams; actorUserId: string | null; dedupKey?: string; also?: readonly string[] }): Promise<number> {
  const users = new Set([...(await usersOfOrganisation(trx, r.company_id)), ...(await usersOfRegions(trx, r.regions)), ...(await usersOfKind(trx, 'ministry')), ...(input.also ?? [])]);
  if (input.actorUserId !== null) users.delete(input.actorUserId);
  const who = input.actorUserId === null ? null : await trx.selectFrom('app_user').select('display_name').where('id', '=', input.actorUserId).executeTakeFirst();
  return notify(trx, {
    userIds: [...users], kind: 'transition', params: { ...input.params, subject: clipText(r.activity, 80), about: 'rapid', state: input.state, actor: who?.display_name ?? null },
    link: `/rapid-confirmations/${r.id}`, objectType: 'rapid_confirmation', objectId: r.id, ...(input.dedupKey ? { dedupKey: input.dedupKey } : {}),
  });
}

export async function viewOf(db: Database, r: RapidRecord, today: CivilDate, calendar: HolidayCalendar) {
  const zone = await db.selectFrom('zone').select('name').where('id', '=', r.zone_id).executeTakeFirstOrThrow();
  const orgIds = [r.company_id, ...r.replies.map((x) => x.organisation_id)];
  const orgs = new Map((await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', orgIds).execute()).map((o) => [o.id, o.name]));
  const regulations = r.regulation_ids.length === 0 ? [] : await db.selectFrom('regulation').select(['id', 'title', 'law', 'article', 'ministry']).where('id', 'in', r.regulation_ids).orderBy('id').execute();
  return {
    id: r.id, zoneId: r.zone_id, zoneName: zone.name, companyId: r.company_id, companyName: orgs.get(r.company_id)!, activity: r.activity,
    regulations, ministryId: r.ministry_id, state: r.state, filedOn: r.filed_on, forwardedOn: r.forwarded_on, localAnswer: r.local_answer,
    committeeDue: r.committee_due, committeeDecision: r.committee_decision, committeeNote: r.committee_note, decidedOn: r.decided_on, version: r.version,
    replies: r.replies.map((x) => {
      const s = replyStatus(x, today, calendar);
      const clock = x.clock as ClockState;
      return {
        organisationId: x.organisation_id, name: orgs.get(x.organisation_id)!, notifiedOn: x.notified_on, due: s.outcome.due, daysLeft: s.daysLeft,
        paused: clock.pauses.some((p) => p.to === null), status: s.status, answer: x.answer, rules: x.rules, repliedOn: x.replied_on, deemed: x.deemed,
        supplementRequest: x.supplement_request,
      };
    }),
  };
}
