// /projects/:id: one demonstration project — overview and state (suspended exemptions shown plainly), reports with due
// dates and review, incidents, data uploads, the compliance report and the evidence pack.
import { useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { Link } from '../../../shared/router.tsx';
import { ActionOutcome, useAction } from '../../../shared/ui/actions.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import { useLoad } from '../../../shared/data/load.ts';
import { Alert, DemoBadge, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { LocalText, RefText } from '../../../shared/ui/text.tsx';
import { formatDateTime } from '../../../shared/dates.ts';
import { projectsApi } from '../api/client.ts';
import { NeedsPanel, needsCoverageQuery } from '../../exemptions/index.ts';
import { DayText, frequencyText, ProjectStateBadge, useNumber, useZones } from '../components/common.tsx';
import { CompliancePanel, EvidencePanel } from '../components/compliance.tsx';
import { IncidentsPanel } from '../components/incidents.tsx';
import { ReportsPanel } from '../components/reports.tsx';
import { SiteName, SitesMap, useMunicipalities } from '../components/sites.tsx';
import type { Project } from '../types.ts';
import { DataPanel } from '../components/upload.tsx';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

export function ProjectPage({ id }: { id: string }) {
  const { t, user, lang } = useApp();
  const project = useLoad(user ? `project:${id}:${user.id}` : null, () => projectsApi.get(id));
  const [dataRound, setDataRound] = useState(0);
  const p = project.data;
  const title = p ? (p.title[lang] ?? p.title.ko) : null;
  useTitle(title ?? t('prjPage'));

  if (user === undefined) return <Loading />;
  if (user === null) return (<><h1 className="zl-page-title">{t('prjPage')}</h1><LoginFirst /></>);
  if (project.error) return (<><h1 className="zl-page-title">{t('prjPage')}</h1><ProblemAlert error={project.error} /><BackLink /></>);
  if (!p) return <Loading />;

  const sections: [string, string][] = [
    ['project-overview', t('prjOverview')], ['needs-title', t('needsTitle')], ['project-reports', t('prjReports')], ['project-incidents', t('prjIncidents')],
    ['project-data', t('prjData')], ['project-compliance', t('prjCompliance')], ['project-evidence', t('prjEvidence')],
  ];
  return (
    <>
      <BackLink />
      <div className="zl-title-row">
        <h1 className="zl-page-title" data-testid="project-title"><LocalText value={p.title} /></h1>
        <ProjectStateBadge state={p.state} />
        {p.demo ? <DemoBadge /> : null}
      </div>
      <SuspendedExemptions project={p} />
      <nav className="zl-in-page" aria-label={t('prjInPage')}>
        <ul>
          {sections.map(([anchor, label]) => <li key={anchor}><a href={`#${anchor}`}>{label}</a></li>)}
        </ul>
      </nav>
      <Overview project={p} />
      <StatePanel project={p} onProject={project.setData} />
      <NeedsPanel coverage={needsCoverageQuery('project', p.id, p.version)} needs={p.needs} canEdit={p.canEdit && p.state !== 'completed'}
        save={(next) => projectsApi.saveNeeds(p, next).then(project.setData)} />
      <ReportsPanel project={p} />
      <IncidentsPanel project={p} onProject={project.setData} />
      <DataPanel project={p} onStored={() => setDataRound((r) => r + 1)} />
      <CompliancePanel project={p} round={dataRound} />
      <EvidencePanel project={p} />
    </>
  );
}

function BackLink() {
  const { t } = useApp();
  return <p className="zl-back"><Link href="/projects" className="zl-link">{t('prjBack')}</Link></p>;
}

function Overview({ project: p }: { project: Project }) {
  const { t, user } = useApp();
  const zones = useZones();
  const names = useMunicipalities(p.sites);
  const exemptions = useLoad(`exemptions:${p.zoneId}`, () => projectsApi.exemptions(p.zoneId));
  const n = useNumber();
  const zone = zones?.find((z) => z.id === p.zoneId);
  const companies = useLoad('companies', projectsApi.companies);
  const company = (id: string) => {
    const found = companies.data?.find((c) => c.id === id) ?? (user?.organisation.id === id ? user.organisation : undefined);
    return found ? <LocalText value={found.name} /> : <span className="zl-mono">{id}</span>;
  };
  const lead = company(p.leadCompany);
  return (
    <section className="zl-section" aria-labelledby="project-overview">
      <h2 id="project-overview">{t('prjOverview')}</h2>
      <LocalText value={p.summary} block />
      <div className="zl-overview">
        <dl className="zl-dl" data-testid="project-facts">
          <dt>{t('prjZone')}</dt>
          <dd>{zone ? <Link href={`/zones/${zone.id}`} className="zl-link"><RefText value={zone.name} /></Link> : <span className="zl-mono">{p.zoneId}</span>}</dd>
          <dt>{t('prjLeadCompany')}</dt>
          <dd>{lead}</dd>
          <dt>{t('prjPartners')}</dt>
          <dd data-testid="project-partners">{p.partnerCompanies.length === 0 ? t('prjNone') : p.partnerCompanies.map((c) => <span key={c} className="zl-block">{company(c)}</span>)}</dd>
          <dt>{t('prjPeriod')}</dt>
          <dd><DayText day={p.periodStart} /> – <DayText day={p.periodEnd} /></dd>
          <dt>{t('prjExemptions')}</dt>
          <dd>
            {p.exemptionIds.length === 0 ? t('prjNone') : (
              <ul className="zl-plain-list">
                {p.exemptionIds.map((x) => {
                  const e = exemptions.data?.find((item) => item.id === x);
                  return <li key={x}>{e ? <LocalText value={e.title} /> : <span className="zl-mono">{x}</span>}</li>;
                })}
              </ul>
            )}
          </dd>
          <dt>{t('prjProducts')}</dt>
          <dd><ul className="zl-plain-list">{p.products.map((x, i) => <li key={i}><LocalText value={x} /></li>)}</ul></dd>
          <dt>{t('prjSites')}</dt>
          <dd>{p.sites.length === 0 ? t('prjNone') : p.sites.map((c, i) => <span key={c}>{i > 0 ? ', ' : ''}<SiteName code={c} regions={names} /></span>)}</dd>
          <dt>{t('prjInsurance')}</dt>
          <dd>
            {p.insurance ? (
              <>
                {p.insurance.insurer} · {p.insurance.policyNumber} · <DayText day={p.insurance.validFrom} /> – <DayText day={p.insurance.validUntil} />
              </>
            ) : t('prjInsuranceNone')}
            {p.insuranceRequired ? <span className="zl-block zl-hint">{t('prjInsuranceRequiredShort')}</span> : null}
          </dd>
        </dl>
        {p.sites.length > 0 ? <SitesMap sites={p.sites} caption={t('prjSitesMapCaption')} /> : null}
      </div>
      <h3>{t('prjKpis')}</h3>
      {p.kpis.length === 0 ? <p>{t('prjNone')}</p> : (
        <TableFrame>
          <table className="tbl col data zl-table zl-compact">
            <caption className="sr-only">{t('prjKpis')}</caption>
            <thead><tr><th scope="col">{t('prjKpiName')}</th><th scope="col">{t('prjKpiTarget')}</th><th scope="col">{t('prjKpiUnit')}</th><th scope="col">{t('prjKpiFrequency')}</th></tr></thead>
            <tbody>
              {p.kpis.map((k) => (
                <tr key={k.id}><td><LocalText value={k.name} /></td><td className="zl-num">{n(k.target)}</td><td>{k.unit}</td><td>{frequencyText(k.frequency, t)}</td></tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <h3>{t('prjMilestones')}</h3>
      {p.milestones.length === 0 ? <p>{t('prjNone')}</p> : (
        <ul className="zl-plain-list">
          {p.milestones.map((m, i) => (
            <li key={i}><DayText day={m.due} /> — <LocalText value={m.title} /> {m.done ? <span className="krds-badge bg-light-success">{t('prjMilestoneDone')}</span> : null}</li>
          ))}
        </ul>
      )}
      <h3>{t('prjSafetyPlan')}</h3>
      <LocalText value={p.safetyPlan} block />
    </section>
  );
}

/** The exemptions suspended for this project, and whether it can still demonstrate under another. */
function SuspendedExemptions({ project: p }: { project: Project }) {
  const { t, lang } = useApp();
  const exemptions = useLoad(`exemptions:${p.zoneId}`, () => projectsApi.exemptions(p.zoneId));
  if (p.suspendedExemptions.length === 0) return null;
  const title = (id: string) => {
    const e = exemptions.data?.find((x) => x.id === id);
    return e ? (e.title[lang] ?? e.title.ko) : id;
  };
  const others = p.exemptionIds.filter((id) => !p.suspendedExemptions.some((s) => s.exemptionId === id));
  return (
    <Alert kind="warning" title={t('prjSuspendedExemptionsTitle')}>
      <ul data-testid="project-suspended">
        {p.suspendedExemptions.map((s) => (
          <li key={s.id} data-exemption={s.exemptionId}>{title(s.exemptionId)} — {t('prjSuspendedSince', { since: formatDateTime(s.suspendedAt, lang) })}</li>
        ))}
      </ul>
      <p data-testid="project-suspended-consequence">{others.length === 0 ? t('prjOnlySuspendedExemptions') : t('prjOtherExemptionsContinue')}</p>
    </Alert>
  );
}

/** The lead company's moves: start, complete, back to draft. */
function StatePanel({ project: p, onProject }: { project: Project; onProject: (p: Project) => void }) {
  const { t } = useApp();
  const { busy, error, done, run } = useAction(onProject);
  const moves: [Project['state'], 'prjStart' | 'prjComplete' | 'prjBackToDraft'][] =
    p.state === 'draft' ? [['demonstrating', 'prjStart']] : p.state === 'demonstrating' ? [['completed', 'prjComplete'], ['draft', 'prjBackToDraft']] : [];
  if (!(p.canEdit && moves.length > 0)) return null;
  return (
    <section className="zl-section zl-card" aria-labelledby="project-state-actions">
      <h2 id="project-state-actions">{t('prjStateActions')}</h2>
      <ActionOutcome error={error} done={done} />
      <div className="zl-actions">
        {moves.map(([to, label]) => (
          <button key={to} type="button" className={`krds-btn medium ${to === 'demonstrating' ? 'primary' : 'secondary'}`} disabled={busy}
            onClick={() => void run(() => projectsApi.transition(p.id, to), 'prjStateChanged')}>
            {t(label)}
          </button>
        ))}
      </div>
    </section>
  );
}

