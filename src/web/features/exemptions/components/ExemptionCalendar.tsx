// The exemption's calendar: a timeline from grant to the zone's period end with the validity term, the window
// for asking for an extension or a law amendment (closing 2 months before expiry, Act Art. 86(10), 87(9)), the
// deemed validity while an amendment runs, and month grids of the two dates that matter most. Every date comes
// from the API (validity computed by the server); the UI only places them. What happened after the decision
// is dated here too: the re-deliberation and its 60-day deadline, the hearing and the cancellation, the results
// report, and the law-amendment track (review, plan due 60 days later, stages planned and reached).
import { useApp } from '../../../shared/app-context.tsx';
import { INTL_LOCALE } from '../../../i18n/index.ts';
import { formatDay } from '../../../shared/dates.ts';
import { stageKey } from './AmendmentTrackPanels.tsx';
import { Day, seoulToday } from './common.tsx';
import type { Exemption } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';
import { citation } from '../../../../domain/i18n/citation.ts';

const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);

interface Mark {
  key: string;
  date: string;
  label: string;
  tone: 'grant' | 'window' | 'expiry' | 'deemed' | 'zone' | 'today' | 'amended' | 'report' | 'event';
  /** In the table only: the timeline labels the dates that bound the term and its deadlines. */
  minor?: boolean;
}

const CLOSED = new Set(['cancelled', 'withdrawn', 'declined', 'returned', 'rejected', 'redeliberation']);

/** The dated steps after the decision (GET /api/exemptions/{id} `lifecycle`). */
function lifecycleMarks(e: Exemption, t: ReturnType<typeof useApp>['t']): Mark[] {
  const l = e.lifecycle;
  const out: Mark[] = [];
  const r = l.redeliberation;
  if (r) {
    out.push({ key: 'redel-requested', date: r.requestedOn, label: t('xaCalRedelRequested'), tone: 'event', minor: true });
    if (!r.decidedOn) out.push({ key: 'redel-deadline', date: r.deadline, label: t('xaCalRedelDeadline'), tone: 'window' });
    else out.push({ key: 'redel-decided', date: r.decidedOn, label: t('xaCalRedelDecided'), tone: 'event', minor: true });
  }
  const c = l.cancellation;
  if (c) {
    out.push({ key: 'hearing-notice', date: c.hearingNoticeOn, label: t('xaCalHearingNotice'), tone: 'event', minor: true });
    out.push({ key: 'hearing', date: c.hearingOn, label: t('xaCalHearing'), tone: 'event', minor: true });
    if (c.decidedOn) out.push({ key: 'cancelled', date: c.decidedOn, label: t('xaCalCancelled'), tone: 'expiry' });
  }
  if (l.resultsReport.submittedOn) out.push({ key: 'report-filed', date: l.resultsReport.submittedOn, label: t('xaCalReportFiled'), tone: 'report', minor: true });
  const a = l.amendment;
  if (a) {
    if (a.review) out.push({ key: 'reviewed', date: a.review.reportedOn, label: t('xaCalReviewed'), tone: 'event', minor: true });
    if (a.planDue && !a.planSubmittedOn) out.push({ key: 'plan-due', date: a.planDue, label: t('xaCalPlanDue'), tone: 'window' });
    if (a.planSubmittedOn) out.push({ key: 'plan-submitted', date: a.planSubmittedOn, label: t('xaCalPlanSubmitted'), tone: 'amended', minor: true });
    const reached = new Set(a.progress.map((p) => p.stage));
    const name = (s: string) => { const k = stageKey(s); return k ? t(k) : s; };
    for (const p of a.progress) out.push({ key: `stage-${p.stage}`, date: p.on, label: t('xaCalStageReached', { stage: name(p.stage) }), tone: 'amended', minor: true });
    for (const s of a.schedule.filter((x) => !reached.has(x.stage))) out.push({ key: `planned-${s.stage}`, date: s.by, label: t('xaCalStagePlanned', { stage: name(s.stage) }), tone: 'event', minor: true });
    if (a.escalatedOn) out.push({ key: 'escalated', date: a.escalatedOn, label: t('xaCalEscalated'), tone: 'event', minor: true });
  }
  return out;
}

export function ExemptionCalendar({ exemption }: { exemption: Exemption }) {
  const { t, lang } = useApp();
  const v = exemption.validity;
  const today = seoulToday();
  const marks: Mark[] = [{ key: 'granted', date: exemption.grantedOn, label: t('exCalGranted'), tone: 'grant' }];
  if (v.from && v.from !== exemption.grantedOn) marks.push({ key: 'from', date: v.from, label: t('exCalValidFrom'), tone: 'grant' });
  // The extension and the law-amendment request share one deadline; after the one extension only the request remains.
  // A cancelled (or otherwise closed) exemption has no window left to ask in and no results report to file.
  const closed = CLOSED.has(exemption.state);
  const requestBy = closed ? null : v.extensionApplyBy ?? v.amendmentRequestBy;
  const windowLabel = v.extensionApplyBy ? t('exCalWindowCloses') : t('exCalRequestCloses');
  // The legal last day — the same the server checks and the alerts name (docs/decisions/0012-holidays.md).
  if (requestBy) marks.push({ key: 'window', date: requestBy.nominal, label: windowLabel, tone: 'window' });
  if (exemption.amendmentRequestedOn) marks.push({ key: 'requested', date: exemption.amendmentRequestedOn, label: t('exCalAmendmentRequested'), tone: 'amended' });
  if (v.until) marks.push({ key: 'expiry', date: v.until, label: t('exCalExpiry'), tone: 'expiry' });
  if (v.validThrough && v.validThrough !== v.until) marks.push({ key: 'deemed', date: v.validThrough, label: t('exCalValidThrough'), tone: 'deemed' });
  if (v.resultsReportDue && !closed) marks.push({ key: 'report', date: v.resultsReportDue, label: t('exCalReportDue'), tone: 'report' });
  if (exemption.lawAmendedOn) marks.push({ key: 'amended', date: exemption.lawAmendedOn, label: t('exCalLawAmended'), tone: 'amended' });
  if (exemption.zone.periodEnd) marks.push({ key: 'zone', date: exemption.zone.periodEnd, label: t('exCalZoneEnd'), tone: 'zone' });
  marks.push(...lifecycleMarks(exemption, t));
  marks.sort((a, b) => a.date.localeCompare(b.date));
  const labelled = marks.filter((m) => !m.minor);
  /** A deadline after the decision gets its month grid too. */
  const focus = marks.find((m) => m.key === 'redel-deadline') ?? marks.find((m) => m.key === 'plan-due');

  const days = [...marks.map((m) => dayNumber(m.date)), dayNumber(today)];
  const start = Math.min(...days);
  const end = Math.max(...days);
  const span = Math.max(1, end - start);
  const pos = (iso: string) => `${(((dayNumber(iso) - start) / span) * 100).toFixed(2)}%`;
  const width = (from: string, until: string) => `${(((dayNumber(until) - dayNumber(from)) / span) * 100).toFixed(2)}%`;
  const windowEnd = requestBy?.nominal ?? null;

  return (
    <section className="zl-section zl-ex-calendar" aria-labelledby="ex-calendar-title" data-testid="exemption-calendar">
      <h2 id="ex-calendar-title">{t('exCalTitle')}</h2>
      {v.from && v.until ? (
        <div className="zl-ex-timeline" aria-hidden="true">
          <div className="zl-ex-track">
            <span className="zl-ex-band zl-ex-band-term" style={{ left: pos(v.from), width: width(v.from, v.until) }} />
            {windowEnd && windowEnd > v.from ? (
              <span className="zl-ex-band zl-ex-band-window" style={{ left: pos(v.from), width: width(v.from, windowEnd) }} />
            ) : null}
            {v.validThrough && v.validThrough > v.until ? (
              <span className="zl-ex-band zl-ex-band-deemed" style={{ left: pos(v.until), width: width(v.until, v.validThrough) }} />
            ) : null}
            <span className="zl-ex-today" style={{ left: pos(today) }} />
            {marks.map((m) => (
              <span key={m.key} className={`zl-ex-tick zl-ex-tick-${m.tone}`} style={{ left: pos(m.date) }} />
            ))}
          </div>
          <div className="zl-ex-tick-labels">
            {labelled.map((m, i) => (
              <span key={m.key} className={`zl-ex-tick-label zl-ex-row-${i % 3}`} style={{ left: pos(m.date) }}>
                {m.label}
              </span>
            ))}
          </div>
          <ul className="zl-ex-cal-legend">
            <li><span className="zl-ex-swatch zl-ex-band-window" /> {t('exCalLegendWindow')}</li>
            <li><span className="zl-ex-swatch zl-ex-band-term" /> {t('exCalLegendTerm')}</li>
            <li><span className="zl-ex-swatch zl-ex-band-deemed" /> {t('exCalLegendDeemed')}</li>
            <li><span className="zl-ex-swatch zl-ex-today-swatch" /> {t('exCalToday')}</li>
          </ul>
        </div>
      ) : (
        <p>{exemption.kind === 'rapid_confirmation' ? t('exCalNoTermRapid') : t('exCalNoTermZone')}</p>
      )}

      <TableFrame>
        <table className="tbl col data zl-table zl-compact" data-testid="calendar-dates">
          <caption className="sr-only">{t('exCalTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exCalWhat')}</th>
              <th scope="col">{t('exCalDate')}</th>
              <th scope="col">{t('exCalInDays')}</th>
            </tr>
          </thead>
          <tbody>
            {marks.map((m) => {
              const diff = dayNumber(m.date) - dayNumber(today);
              return (
                <tr key={m.key} data-testid={`calendar-${m.key}`} data-date={m.date}>
                  <th scope="row">
                    <span className={`zl-ex-swatch zl-ex-tick-${m.tone}`} aria-hidden="true" /> {m.label}
                  </th>
                  <td className="zl-nowrap">
                    <Day iso={m.date} />
                    {m.key === 'window' && requestBy && requestBy.nominal !== requestBy.lastBusinessDay ? (
                      <span className="zl-muted"> {t('exCalNominal', { date: formatDay(requestBy.lastBusinessDay, lang) ?? '' })}</span>
                    ) : null}
                  </td>
                  <td className="zl-nowrap">{diff === 0 ? t('exCalIsToday') : diff > 0 ? t('exCalDaysLeft', { count: diff }) : t('exCalDaysAgo', { count: -diff })}</td>
                </tr>
              );
            })}
            {exemption.zone.periodEnd ? null : (
              <tr data-testid="calendar-zone" data-date="">
                <th scope="row">{t('exCalZoneEnd')}</th>
                <td colSpan={2}>{t('exCalZoneEndUnknown')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </TableFrame>
      {requestBy || v.until || focus ? (
        <div className="zl-ex-months">
          {focus ? <MonthGrid day={focus.date} label={focus.label} tone="event" /> : null}
          {requestBy ? <MonthGrid day={requestBy.nominal} label={windowLabel} tone="window" /> : null}
          {v.until ? <MonthGrid day={v.until} label={t('exCalExpiry')} tone="expiry" /> : null}
        </div>
      ) : null}
      <p className="form-hint">{t('exCalRule', { rule: citation(lang, v.rule) })}</p>
    </section>
  );
}

/** One month as a grid (weeks from Monday), the given day marked. */
function MonthGrid({ day, label, tone }: { day: string; label: string; tone: Mark['tone'] }) {
  const { lang } = useApp();
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array.from({ length: lead }, () => null), ...Array.from({ length: daysInMonth }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const weekday = new Intl.DateTimeFormat(INTL_LOCALE[lang], { weekday: 'narrow', timeZone: 'UTC' });
  const monthName = new Intl.DateTimeFormat(INTL_LOCALE[lang], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(first);
  const captionId = `ex-month-${tone}`;
  return (
    <figure className="zl-ex-month-figure">
      <figcaption id={captionId}>
        {label}: {monthName}
      </figcaption>
    <table className={`zl-ex-month zl-ex-month-${tone}`} data-testid={`month-${tone}`} aria-labelledby={captionId}>
      <thead>
        <tr>
          {Array.from({ length: 7 }, (_, i) => (
            <th key={i} scope="col" abbr={new Intl.DateTimeFormat(INTL_LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i)))}>
              {weekday.format(new Date(Date.UTC(2024, 0, 1 + i)))}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, i) => (
          <tr key={i}>
            {week.map((n, j) =>
              n === null ? (
                <td key={j} />
              ) : n === d ? (
                <td key={j} className="zl-ex-month-day-marked" aria-current="date" title={`${label}: ${formatDay(day, lang) ?? day}`}>
                  <strong>{n}</strong>
                </td>
              ) : (
                <td key={j}>{n}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
    </figure>
  );
}
