// English texts of notifications (keys of ./ko.ts).
import type { NotificationCatalogue } from './catalogue.ts';

export const en: NotificationCatalogue = {
  kinds: {
    'deadline-approaching': { title: '{days, plural, one {# day left} other {# days left}}: {subject}', body: 'The deadline of {subject} is {due, date, long}. Days left: {days}.' },
    'deadline-overdue': { title: 'Overdue: {subject}', body: 'The deadline of {subject}, {due, date, long}, has passed.' },
    transition: { title: '{subject}: {state}', body: '{actor} moved {subject} to "{state}".' },
    'expert-assigned': { title: 'Review assigned: {subject}', body: '{actor} assigned you to review {subject}. Declare any conflict of interest, then score it against the criteria of {rule}.' },
    'opinion-requested': { title: 'Opinion requested: {subject}', body: '{actor} asks your ministry for its written opinion on {subject} by {due, date, long} ({rule}).' },
    message: { title: '{subject}', body: '{text}' },
  },
  events: {
    'plan:drafting': 'drafting', 'plan:signing_off': 'signing off', 'plan:submitted': 'submitted', 'plan:under_review': 'under review',
    'plan:supplement_requested': 'supplement requested', 'plan:returned': 'returned', 'plan:deliberation': 'before the committee', 'plan:designated': 'designated',
    'plan:designated_with_conditions': 'designated with conditions', 'plan:rejected': 'not designated', 'plan:sent_back': 'sent back for review', 'plan:withdrawn': 'withdrawn',
    'report:accepted': 'report accepted', 'report:changes_requested': 'changes to the report requested',
    'incident:minor': 'minor incident reported', 'incident:serious': 'serious incident reported', 'incident:critical': 'critical incident reported',
    'exemption:suspended': 'exemption suspended', 'exemption:suspension_lifted': 'suspension of the exemption lifted',
    'rapid:filed': 'filed', 'rapid:forwarded': 'forwarded to the responsible ministries, who reply within 30 days ({rule})', 'rapid:answered_locally': 'answered by the local government',
    'rapid:supplement_requested': 'supplement requested: the ministry’s period is paused ({rule})', 'rapid:supplement_provided': 'supplement provided: the ministry’s period runs again',
    'rapid:replied': 'ministry reply: {answer}{outcome, select, answered { — answered} committee { — to the committee} other {}}',
    'rapid:decided': 'decided by the committee: {answer}', 'rapid:deemed': 'no reply by {due, date, long}: “no permit needed” is deemed answered ({rule})',
    'zone:expired': 'period ended on {ended, date, long}; post-management until {until, date, long}', 'zone:closed': 'post-management over',
    'zone:change_filed': '{minor, select, yes {minor change filed} other {change filed}}', 'zone:change_moved': 'change {changeState}',
    'zone:evaluated': '{year} evaluation: {grade}{consequence, select, cancellation { — cancellation warning ({rule})} improvement { — improvement measures ({rule})} other {}}',
    'zone:extended': 'extended to {until, date, long}', 'zone:hearing_held': 'hearing held ({ground})', 'zone:cancelled': 'cancelled ({ground}); post-management until {until, date, long}',
    'zone:data_requested': 'data requested, due {due, date, long}', 'zone:data_answered': 'data request answered',
  },
  deadlines: {
    'plan-decision': '90-day designation decision', 'plan-ministry-reply': '30-day ministry reply',
    'exemption-extension_window': 'extension / law-amendment request window closes', 'exemption-expiry': 'exemption expires', 'exemption-results_report': 'results report due',
    'exemption-amendment_plan': 'law-amendment plan due', 'zone-evaluation': '{year} evaluation', 'zone-period-end': 'designation period ends',
    'zone-change-reply': '15-day reply on a change', 'zone-data': 'post-management data', 'rapid-reply': '30-day reply',
  },
  subjects: { deadline: '{subject} — {deadline} ({rule})', rapid: 'Rapid confirmation — {subject}' },
  values: {
    answers: { permit_needed: 'permit needed', no_permit_needed: 'no permit needed', not_our_matter: 'not our matter' },
    changeStates: { filed: 'filed', under_review: 'under review', approved: 'approved', rejected: 'rejected', withdrawn: 'withdrawn' },
    grades: { excellent: 'excellent', good: 'good', fair: 'fair', poor: 'poor' },
    grounds: {
      'purpose-unattainable': 'purpose unattainable', 'serious-side-effects': 'serious side effects', fraud: 'fraud', 'change-of-circumstances': 'change of circumstances',
      'purpose-achieved': 'purpose achieved', 'poor-performance': 'poor performance',
    },
  },
  system: 'ZoneLink',
};
