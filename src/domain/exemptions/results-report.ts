/**
 * The results report a demonstration operator files within 30 days after expiry (RFZ Act Art. 87(11);
 * Decree Art. 59(11)): where it stands on a given day.
 */
import type { CivilDate } from '../calendar/civil-date.ts';

export type ResultsReportStatus = 'not_required' | 'not_yet_due' | 'due' | 'overdue' | 'submitted' | 'submitted_late';

export interface ResultsReportInput {
  /** The due day from `resultsReportDue`, or null when no report is required (amendment requested). */
  readonly due: CivilDate | null;
  /** Last day of validity: the report is due from the day after. */
  readonly expiresOn: CivilDate;
  readonly submittedOn: CivilDate | null;
  readonly asOf: CivilDate;
}

/** `due` while the 30 days run, `overdue` after them without a report; a report filed after them is `submitted_late`. */
export function resultsReportStatus(input: ResultsReportInput): { readonly status: ResultsReportStatus; readonly rule: string } {
  const rule = 'RFZ Act Art. 87(11); Decree Art. 59(11)';
  if (input.due === null) return { status: 'not_required', rule: 'RFZ Act Art. 87(11) (not for those who requested an amendment)' };
  if (input.submittedOn !== null) return { status: input.submittedOn > input.due ? 'submitted_late' : 'submitted', rule };
  if (input.asOf <= input.expiresOn) return { status: 'not_yet_due', rule };
  return { status: input.asOf > input.due ? 'overdue' : 'due', rule };
}
