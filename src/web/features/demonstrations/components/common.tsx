// Shared bits of the demonstration pages: labels and badges for states, statuses and severities, number and
// date formatting, the zone names, and today's date in Korea.
import { useApp } from '../../../shared/app-context.tsx';
import { api } from '../../../shared/api.ts';
import { useLoad } from '../../../shared/data/load.ts';
import { formatDate } from '../../../shared/dates.ts';
import { INTL_LOCALE, type MessageKey, type Translate } from '../../../i18n/index.ts';
import type { Zone } from '../../../shared/types.ts';
import type { IncidentSeverity, KpiFrequency, PeriodStatus, ProjectState, ReviewState } from '../types.ts';
export { seoulToday } from '../../../shared/dates.ts';
import '../demonstrations.css';

const STATE: Record<ProjectState, [MessageKey, string]> = {
  draft: ['prjStateDraft', 'bg-light-gray'],
  demonstrating: ['prjStateDemonstrating', 'bg-light-success'],
  completed: ['prjStateCompleted', 'bg-light-primary'],
};

export function ProjectStateBadge({ state }: { state: ProjectState }) {
  const { t } = useApp();
  const [key, tone] = STATE[state];
  return (
    <span className={`krds-badge ${tone} zl-project-state`} data-state={state} data-testid="project-state">
      {t(key)}
    </span>
  );
}

const PERIOD: Record<PeriodStatus, [MessageKey, string]> = {
  upcoming: ['prjPeriodUpcoming', 'bg-light-gray'],
  open: ['prjPeriodOpen', 'bg-light-primary'],
  missing: ['prjPeriodMissing', 'bg-light-danger'],
  submitted: ['prjPeriodSubmitted', 'bg-light-success'],
  late: ['prjPeriodLate', 'bg-light-warning'],
};

export function PeriodStatusBadge({ status }: { status: PeriodStatus }) {
  const { t } = useApp();
  const [key, tone] = PERIOD[status];
  return <span className={`krds-badge ${tone}`} data-status={status}>{t(key)}</span>;
}

const REVIEW: Record<ReviewState, MessageKey> = {
  submitted: 'prjReviewSubmitted',
  accepted: 'prjReviewAccepted',
  changes_requested: 'prjReviewChanges',
};
export const reviewText = (state: ReviewState, t: Translate): string => t(REVIEW[state]);

const SEVERITY: Record<IncidentSeverity, MessageKey> = { minor: 'prjSeverityMinor', serious: 'prjSeveritySerious', critical: 'prjSeverityCritical' };
export const severityText = (severity: IncidentSeverity, t: Translate): string => t(SEVERITY[severity]);

const FREQUENCY: Record<KpiFrequency, MessageKey> = {
  monthly: 'prjFreqMonthly', quarterly: 'prjFreqQuarterly', 'half-yearly': 'prjFreqHalfYearly', yearly: 'prjFreqYearly',
};
export const frequencyText = (f: string, t: Translate): string => (f in FREQUENCY ? t(FREQUENCY[f as KpiFrequency]) : f);

export function useNumber(): (n: number) => string {
  const { lang } = useApp();
  const format = new Intl.NumberFormat(INTL_LOCALE[lang]);
  return (n: number) => format.format(n);
}

/** A calendar day `YYYY-MM-DD` in the reader's format (the day itself, no time-zone shift). */
export function DayText({ day }: { day: string }) {
  const { lang } = useApp();
  return <time dateTime={day}>{formatDate(day, lang)}</time>;
}

/** All zones (reference and platform), for names and the zone choice. */
export function useZones(): Zone[] | undefined {
  return useLoad('zones', () => api.listZones().then((r) => r.items)).data;
}
