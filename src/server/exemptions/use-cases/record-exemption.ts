// MSS records a granted exemption with its conditions and term (Act Art. 85–90; Decree Art. 60). Each call records a
// new exemption: a grant has no natural key (the same provision may be granted twice to one holder in one zone), so a
// client that must not duplicate sends it once (decision record 0035).
import type { Database } from '../../../db/database.ts';
import type { HolidayCalendar } from '../../../domain/calendar/holidays.ts';
import type { ExemptionState } from '../../../domain/exemptions/lifecycle.ts';
import { checkGrantTerm } from '../../../domain/exemptions/validity.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import type { Violation } from '../../../domain/zones/transition-table.ts';
import { calendarOf } from '../../calendar/provider.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite, type WriteContext } from '../../write/run-write.ts';
import { insuranceViolations } from '../conditions.ts';
import type { Conditions } from '../../../contract/exemption-conditions.ts';
import { date, refuse } from '../refuse.ts';
import { insertExemption, type ExemptionInsert } from '../store.ts';
import { zoneTerm } from '../view.ts';

/** What MSS records of a grant: the stored fields but those the grant itself sets (state, extensions, demo). */
export type ExemptionGrant = Omit<ExemptionInsert, 'state' | 'extensions' | 'amendmentRequestedOn' | 'lawAmendedOn' | 'demo'> & { insuranceProofSubmitted: boolean };

function normaliseConditions(c: Conditions): Conditions {
  const opt = (t: I18nText | null) => (t ? normaliseText(t) : null);
  return {
    text: normaliseText(c.text), scope: opt(c.scope), area: opt(c.area), time: opt(c.time),
    quantities: c.quantities.map((q) => ({ item: normaliseText(q.item), max: q.max, unit: q.unit.trim() })),
    safetyMeasures: c.safetyMeasures.map((s) => normaliseText(s)), insurance: c.insurance,
  };
}

/** The id of the exemption recorded. */
export function recordExemption(db: Database, caller: Caller, body: ExemptionGrant): Promise<string> {
  return runWrite(db, caller, { action: 'exemption:create', target: { kind: 'none' }, apply: (ctx) => grantExemption(ctx, body, calendarOf(db)) });
}

/** Records the grant inside a write already authorised for `exemption:create` (also a confirmed draft); its id. */
export async function grantExemption({ trx, audit }: WriteContext, body: ExemptionGrant, calendar: HolidayCalendar): Promise<string> {
  const { kind } = body;
  const grantedOn = date(body.grantedOn, '/body/grantedOn');
  const conditions = normaliseConditions(body.conditions);
  const title = normaliseText(body.title);
  const zoneRow = await trx.selectFrom('zone').select(['id', 'period_start', 'period_end', 'state']).where('id', '=', body.zoneId).executeTakeFirst();
  if (!zoneRow) throw new AppError('validation', { fields: [{ path: '/body/zoneId', keyword: 'unknown', params: { value: body.zoneId } }] });
  const known = new Set((await trx.selectFrom('regulation').select('id').where('id', 'in', body.regulationIds).execute()).map((r) => r.id));
  const unknownRegs = body.regulationIds.map((r, i) => ({ r, i })).filter(({ r }) => !known.has(r));
  if (unknownRegs.length > 0) throw new AppError('validation', { fields: unknownRegs.map(({ r, i }) => ({ path: `/body/regulationIds/${i}`, keyword: 'unknown' as const, params: { value: r } })) });
  if (body.holders.length > 0) {
    const orgs = new Set((await trx.selectFrom('organisation').select('id').where('id', 'in', body.holders).execute()).map((o) => o.id));
    const unknownOrgs = body.holders.map((h, i) => ({ h, i })).filter(({ h }) => !orgs.has(h));
    if (unknownOrgs.length > 0) throw new AppError('validation', { fields: unknownOrgs.map(({ h, i }) => ({ path: `/body/holders/${i}`, keyword: 'unknown' as const, params: { value: h } })) });
  }
  const violations: Violation[] = [...insuranceViolations(kind, conditions)];
  let validFrom: string | null = null;
  let validUntil: string | null = null;
  if (kind === 'rapid_confirmation') {
    // An answer, not a grant with a term (Art. 85).
    if (body.validFrom !== null || body.validUntil !== null) violations.push({ code: 'no-validity-period', rule: 'RFZ Act Art. 85', params: { kind } });
  } else if (kind === 'menu_special_case' && body.validFrom === null && body.validUntil === null) {
    // Menu-type special cases run for the zone's period (Art. 80(1)).
  } else if (body.validFrom === null || body.validUntil === null) {
    violations.push({ code: 'no-validity-period', rule: 'RFZ Act Art. 86(10), 90(11)', params: { kind } });
  } else {
    const term = { from: date(body.validFrom, '/body/validFrom'), until: date(body.validUntil, '/body/validUntil') };
    const check = checkGrantTerm({ kind, grantedOn, term, zone: zoneTerm(zoneRow), calendar });
    if (!check.ok) violations.push(...check.violations);
    if (term.from < grantedOn) violations.push({ code: 'before-grant', rule: 'RFZ Act Art. 86(10)', params: { grantedOn, from: term.from } });
    validFrom = term.from;
    validUntil = term.until;
  }
  if (violations.length > 0) refuse(violations, { 'before-grant': 'validFrom' });
  const needsInsuranceProof = kind === 'demonstration_exemption' || kind === 'temporary_permit';
  const state: ExemptionState = needsInsuranceProof && !body.insuranceProofSubmitted ? 'granted' : 'active';
  const id = await insertExemption(trx, {
    kind, title, zoneId: body.zoneId, holders: body.holders, regulationIds: body.regulationIds, conditions,
    stages: body.stages, grantedOn, validFrom, validUntil, state, demo: false,
  });
  await audit({ action: 'exemption:create', objectType: 'exemption', objectId: id, before: null, after: { ...body, state } });
  return id;
}
