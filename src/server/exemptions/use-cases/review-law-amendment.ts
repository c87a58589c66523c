// The responsible ministry reports its review to the Deliberation Committee: amendment needed (plan due in 60 days)
// or not (Act Art. 87(6)–(7)). Reported again: 409 already-reviewed.
import type { Database } from '../../../db/database.ts';
import { civilDate, type CivilDate } from '../../../domain/calendar/civil-date.ts';
import { checkReview } from '../../../domain/exemptions/amendment-tracking.ts';
import { normaliseText, type I18nText } from '../../../domain/i18n-text.ts';
import type { Caller } from '../../write/caller.ts';
import { runAmendmentEdit, type AmendmentEdit } from '../amendment-write.ts';
import { check } from '../refuse.ts';

export function reviewLawAmendment(db: Database, caller: Caller, edit: AmendmentEdit, input: { reportedOn: CivilDate; amendmentNeeded: boolean; text: I18nText }): Promise<void> {
  const { reportedOn } = input;
  return runAmendmentEdit(db, caller, edit, 'amendment:track', 'amendment:review', async ({ trx }, row, ex) => {
    const r = checkReview({ grantedOn: civilDate(ex.granted_on), requestedOn: row.requested_on ? civilDate(row.requested_on) : null, reportedOn, alreadyReviewed: row.review_reported_on !== null });
    check(r.ok ? r.warnings : r.violations, { 'end-before-start': 'reportedOn' });
    await trx.updateTable('law_amendment').set({ review_reported_on: reportedOn, amendment_needed: input.amendmentNeeded, review: JSON.stringify(normaliseText(input.text)) })
      .where('exemption_id', '=', row.exemption_id).execute();
    return { reportedOn, amendmentNeeded: input.amendmentNeeded };
  });
}
