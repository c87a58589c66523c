import type { deadlinesKo } from './ko.ts';

export const deadlinesEn: Record<keyof typeof deadlinesKo, string> = {
  dlTitle: 'Exemption deadlines',
  dlLead: 'Exemption deadlines that have passed or fall within {days} days. MSS and the responsible ministries see every exemption, a local government those of its zones, a company those it holds.',
  dlNone: 'No deadline needs your attention now.',
  dlSummary: '{overdue} overdue · {closed, plural, one {# request window closed} other {# request windows closed}} · {dueSoon} due soon',
  dlCaption: 'Exemption deadlines to act on',
  dlColExemption: 'Exemption',
  dlColZone: 'Zone',
  dlColWhat: 'Deadline',
  dlColDue: 'Date',
  dlColStatus: 'Status',
  dlKindExtensionWindow: 'Extension / law-amendment request closes (2 months before expiry)',
  dlKindExpiry: 'Validity ends',
  dlKindResultsReport: 'Demonstration results report (30 days after expiry)',
  dlKindAmendmentPlan: 'Law-amendment plan (60 days after the review)',
  dlStatusOverdue: '{days, plural, one {# day overdue} other {# days overdue}}',
  dlStatusClosed: 'Request window closed — the exemption lapses on expiry',
  dlStatusDueSoon: '{days, plural, one {# day left} other {# days left}}',
  dlStatusToday: 'Due today',
};
