// The compliance report of a project: its conditions as rules run over every stored event — counts by rule,
// violations over time (a small SVG chart with its numbers in a table), and where they happened on the map.
import { useId, useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { useLoad } from '../../../shared/data/load.ts';
import { Alert, Loading, ProblemAlert } from '../../../shared/ui/ui.tsx';
import { refTextString } from '../../../shared/ui/text.tsx';
import { formatDateTime } from '../../../shared/dates.ts';
import type { MessageKey, Translate } from '../../../i18n/index.ts';
import type { MapPoint } from '../../../shared/map/RegionMap.tsx';
import { projectsApi } from '../api/client.ts';
import { DayText, useNumber } from './common.tsx';
import { SitesMap } from './sites.tsx';
import type { ComplianceView, Project, RuleKind } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

const KIND: Record<RuleKind, MessageKey> = {
  geofence: 'prjRuleGeofence', timeWindow: 'prjRuleTimeWindow', maximum: 'prjRuleMaximum', dailyCount: 'prjRuleDailyCount',
  requiredFields: 'prjRuleRequiredFields', insurance: 'prjRuleInsurance', suspension: 'prjRuleSuspension',
};
const MEASURE: Record<string, MessageKey> = { speed: 'prjMeasureSpeed', altitude: 'prjMeasureAltitude', load: 'prjMeasureLoad', people: 'prjMeasurePeople' };

/** What a rule asks, from the project's own rule (its label when it has one). */
export function ruleText(rule: { id: string; kind: RuleKind; label?: string }, project: Project, t: Translate): string {
  if (rule.label && rule.kind !== 'insurance') return rule.label;
  const own = project.rules.find((r) => (r as { id?: string }).id === rule.id) as Record<string, unknown> | undefined;
  if (rule.kind === 'maximum' && own) return t('prjRuleMaximumText', { measure: t(MEASURE[String(own.measure)] ?? 'prjRuleMaximum'), max: Number(own.max) });
  if (rule.kind === 'timeWindow' && own && Array.isArray(own.windows) && own.windows[0]) {
    const w = own.windows[0] as { start: string; end: string };
    return t('prjRuleTimeWindowText', { start: w.start, end: w.end });
  }
  if (rule.kind === 'requiredFields' && own && Array.isArray(own.fields)) return t('prjRuleRequiredFieldsText', { fields: own.fields.join(', ') });
  return t(KIND[rule.kind]);
}

type Scope = { rules: ComplianceView['rules']; report: ComplianceView['report']; own: boolean };

export function CompliancePanel({ project, round }: { project: Project; round: number }) {
  const { t, lang } = useApp();
  const report = useLoad(`compliance:${project.id}:${round}`, () => projectsApi.compliance(project.id, 20));
  const [chosen, setChosen] = useState('project');
  const data = report.data;
  const exemption = data?.exemptions?.find((e) => e.exemptionId === chosen);
  const scope: Scope | null = !data ? null : exemption ? { rules: exemption.rules, report: exemption.report, own: false } : { rules: data.rules, report: data.report, own: true };
  return (
    <section className="zl-section" aria-labelledby="project-compliance">
      <h2 id="project-compliance">{t('prjCompliance')}</h2>
      <p>{t('prjComplianceLead')}</p>
      {report.error ? <ProblemAlert error={report.error} /> : !data || !scope ? <Loading /> : (
        <>
          {data.exemptions && data.exemptions.length > 0 ? (
            <div className="form-group zl-scope">
              <div className="form-tit"><label htmlFor="compliance-scope">{t('prjComplianceScope')}</label></div>
              <div className="form-conts">
                <select id="compliance-scope" className="krds-form-select" value={exemption ? chosen : 'project'} onChange={(e) => setChosen(e.target.value)} data-testid="compliance-scope">
                  <option value="project">{t('prjScopeProject')}</option>
                  {data.exemptions.map((e) => (
                    <option key={e.exemptionId} value={e.exemptionId}>{t('prjScopeExemption', { title: refTextString(e.title, lang) })}</option>
                  ))}
                </select>
              </div>
            </div>
          ) : null}
          {exemption?.suspendedSince ? (
            <Alert kind="warning"><p data-testid="compliance-suspended">{t('prjComplianceSuspended', { since: formatDateTime(exemption.suspendedSince, lang) })}</p></Alert>
          ) : null}
          {exemption && exemption.notCheckable.length > 0 ? (
            <Alert kind="info"><p data-testid="not-checkable">{t('prjNotCheckable', { count: exemption.notCheckable.length })}</p></Alert>
          ) : null}
          <ScopeReport project={project} scope={scope} />
        </>
      )}
    </section>
  );
}

/** One rule set's report: totals, violations by rule, by day, on the map. */
function ScopeReport({ project, scope }: { project: Project; scope: Scope }) {
  const { t, lang } = useApp();
  const n = useNumber();
  const name = (rule: { id: string; kind: RuleKind; label?: string }) => (scope.own ? ruleText(rule, project, t) : t(KIND[rule.kind]));
  const points: MapPoint[] = [];
  scope.report.rules.forEach((r) => {
    const rule = scope.rules.find((x) => x.id === r.id) ?? { id: r.id, kind: r.kind };
    for (const e of r.examples) {
      if (e.lon !== null && e.lat !== null) {
        points.push({ lon: e.lon, lat: e.lat, label: `${name(rule)} — ${e.ts !== null ? formatDateTime(new Date(e.ts).toISOString(), lang) : ''}` });
      }
    }
  });
  return (
    <>
      <dl className="zl-stats" data-testid="compliance-totals">
        <div><dt>{t('prjEvents')}</dt><dd>{n(scope.report.totalEvents)}</dd></div>
        <div><dt>{t('prjCompliant')}</dt><dd>{n(scope.report.compliantEvents)}</dd></div>
        <div className="zl-stat-bad"><dt>{t('prjViolating')}</dt><dd data-testid="violating-events">{n(scope.report.violatingEvents)}</dd></div>
      </dl>
      <h3>{t('prjByRule')}</h3>
      <TableFrame>
        <table className="tbl col data zl-table zl-compact" data-testid="compliance-rules">
          <caption className="sr-only">{t('prjByRuleCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prjRule')}</th>
              <th scope="col">{t('prjRuleKind')}</th>
              <th scope="col">{t('prjViolations')}</th>
              <th scope="col">{t('prjUnchecked')}</th>
            </tr>
          </thead>
          <tbody>
            {scope.report.rules.map((r) => {
              const rule = scope.rules.find((x) => x.id === r.id) ?? { id: r.id, kind: r.kind };
              return (
                <tr key={r.id} data-rule={r.id}>
                  <th scope="row">
                    {name(rule)}
                    {!scope.own && rule.label ? <span className="zl-block zl-hint">{rule.label}</span> : null}
                  </th>
                  <td>{t(KIND[r.kind])}</td>
                  <td className="zl-num">{n(r.violations)}</td>
                  <td className="zl-num">{n(r.unchecked)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableFrame>
      <h3>{t('prjOverTime')}</h3>
      {scope.report.days.length === 0 ? <p>{t('prjNoEvents')}</p> : <ViolationsChart days={scope.report.days} />}
      <h3>{t('prjOnMap')}</h3>
      {project.sites.length === 0 && points.length === 0 ? <p>{t('prjNoSites')}</p> : (
        <>
          <SitesMap sites={project.sites} points={points} caption={t('prjViolationsMapCaption', { count: points.length })} />
          {points.length > 0 ? (
            <details className="zl-details">
              <summary>{t('prjViolationsList', { count: points.length })}</summary>
              <ul className="zl-plain-list">{points.map((p, i) => <li key={i}>{p.label} ({p.lat.toFixed(4)}, {p.lon.toFixed(4)})</li>)}</ul>
            </details>
          ) : null}
        </>
      )}
    </>
  );
}

/** The evidence pack for a law-amendment request: the safety and KPI record under each exemption, PDF and CSV. */
export function EvidencePanel({ project }: { project: Project }) {
  const { t } = useApp();
  const base = `/api/projects/${encodeURIComponent(project.id)}/evidence-pack`;
  return (
    <section className="zl-section" aria-labelledby="project-evidence">
      <h2 id="project-evidence">{t('prjEvidence')}</h2>
      <p>{t('prjEvidenceLead')}</p>
      <div className="zl-actions">
        <a href={`${base}.pdf`} download className="krds-btn secondary medium" data-testid="evidence-pdf">{t('prjEvidencePdf')}</a>
        <a href={`${base}.csv`} download className="krds-btn secondary medium" data-testid="evidence-csv">{t('prjEvidenceCsv')}</a>
      </div>
    </section>
  );
}

/** Events and violating events per day as bars; the same numbers in a table under it. */
export function ViolationsChart({ days }: { days: ComplianceView['report']['days'] }) {
  const { t } = useApp();
  const n = useNumber();
  const id = useId().replace(/:/g, '');
  const W = 640;
  const H = 200;
  const left = 48;
  const bottom = 28;
  const top = 10;
  const max = Math.max(1, ...days.map((d) => d.events));
  const step = (W - left - 8) / days.length;
  const bar = Math.min(36, Math.max(1, step * 0.8));
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const worst = days.reduce((a, b) => (b.violatingEvents > a.violatingEvents ? b : a), days[0]!);
  const ticks = [0, Math.round(max / 2), max];
  const labelled = days.length <= 1 ? [0] : [0, days.length - 1];
  return (
    <figure className="zl-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="violations-chart">
        <title id={`${id}-title`}>{t('prjChartTitle')}</title>
        <desc id={`${id}-desc`}>{t('prjChartDesc', { days: days.length, worst: worst.day, count: worst.violatingEvents })}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={W - 4} y1={y(v)} y2={y(v)} className="zl-chart-grid" />
            <text x={left - 6} y={y(v) + 4} className="zl-chart-tick" textAnchor="end">{n(v)}</text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = left + i * step + (step - bar) / 2;
          return (
            <g key={d.day}>
              <rect x={x} y={y(d.events)} width={bar} height={y(0) - y(d.events)} className="zl-chart-events" />
              <rect x={x} y={y(d.violatingEvents)} width={bar} height={y(0) - y(d.violatingEvents)} className="zl-chart-violations" />
            </g>
          );
        })}
        {labelled.map((i) => (
          <text key={i} x={left + i * step + step / 2} y={H - 8} className="zl-chart-tick" textAnchor={i === 0 ? 'start' : 'end'}>{days[i]!.day}</text>
        ))}
      </svg>
      <figcaption className="zl-chart-legend">
        <span><span className="zl-key zl-chart-events" aria-hidden="true" /> {t('prjEvents')}</span>
        <span><span className="zl-key zl-chart-violations" aria-hidden="true" /> {t('prjViolating')}</span>
      </figcaption>
      <details className="zl-details">
        <summary>{t('prjChartTable')}</summary>
        <TableFrame>
          <table className="tbl col data zl-table zl-compact">
            <caption className="sr-only">{t('prjChartTitle')}</caption>
            <thead><tr><th scope="col">{t('prjDay')}</th><th scope="col">{t('prjEvents')}</th><th scope="col">{t('prjViolating')}</th></tr></thead>
            <tbody>
              {days.map((d) => <tr key={d.day}><th scope="row"><DayText day={d.day} /></th><td className="zl-num">{n(d.events)}</td><td className="zl-num">{n(d.violatingEvents)}</td></tr>)}
            </tbody>
          </table>
        </TableFrame>
      </details>
    </figure>
  );
}
