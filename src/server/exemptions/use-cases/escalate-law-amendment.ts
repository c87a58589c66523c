// MSS records the committee's recommendation to amend when the plan is late, refused or slipping; the ministry must
// report back (Act Art. 87(7), 87(13)). Recorded again: 409 already-escalated.
import type { Database } from '../../../db/database.ts';
import type { CivilDate } from '../../../domain/calendar/civil-date.ts';
import { checkEscalation, escalationGround } from '../../../domain/exemptions/amendment-tracking.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import { calendarOf } from '../../calendar/provider.ts';
import type { Caller } from '../../write/caller.ts';
import { runAmendmentEdit, trackFor, type AmendmentEdit } from '../amendment-write.ts';
import { refuse } from '../refuse.ts';

export function escalateLawAmendment(db: Database, caller: Caller, edit: AmendmentEdit, input: { recommendedOn: CivilDate; recommendation: I18nText }): Promise<void> {
  const { recommendedOn } = input;
  return runAmendmentEdit(db, caller, edit, 'amendment:escalate', 'amendment:escalate', async ({ trx }, row, ex) => {
    const track = trackFor(row, ex);
    const r = checkEscalation(track, recommendedOn, calendarOf(db));
    if (!r.ok) refuse(r.violations);
    const ground = escalationGround(track, recommendedOn, calendarOf(db))!;
    await trx.updateTable('law_amendment').set({
      escalated_on: recommendedOn, escalation: JSON.stringify({ ground: ground.ground, since: ground.since, recommendation: normaliseText(input.recommendation) }),
    }).where('exemption_id', '=', row.exemption_id).execute();
    return { recommendedOn, ground: ground.ground };
  });
}
