// The responsible ministry submits its amendment plan: target law and schedule up to promulgation; due 60 days after
// its review, a late plan is marked late (Act Art. 87(6); Decree Art. 59(8)). Submitted again: 409 plan-already-submitted.
import type { Database } from '../../../db/database.ts';
import type { CivilDate } from '../../../domain/calendar/civil-date.ts';
import { checkPlan, type AmendmentStage } from '../../../domain/exemptions/amendment-tracking.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { runAmendmentEdit, trackFor, type AmendmentEdit } from '../amendment-write.ts';
import { check } from '../refuse.ts';

export interface AmendmentPlan { submittedOn: CivilDate; targetLaw: I18nText; schedule: { stage: AmendmentStage; by: CivilDate }[] }

export function planLawAmendment(db: Database, caller: Caller, edit: AmendmentEdit, input: AmendmentPlan): Promise<void> {
  const { submittedOn, schedule } = input;
  return runAmendmentEdit(db, caller, edit, 'amendment:track', 'amendment:plan', async ({ trx }, row, ex) => {
    const r = checkPlan({ track: trackFor(row, ex), submittedOn, schedule, calendar: calendarOf(db) });
    check(r.ok ? r.warnings : r.violations, { 'end-before-start': 'submittedOn', 'missing-item': 'schedule' });
    await trx.updateTable('law_amendment').set({
      plan_submitted_on: submittedOn, plan: JSON.stringify({ targetLaw: normaliseText(input.targetLaw) }), schedule: JSON.stringify(schedule),
    }).where('exemption_id', '=', row.exemption_id).execute();
    return { submittedOn, schedule, late: r.ok ? r.value.late : false, due: r.ok ? r.value.due : null };
  });
}
