// /projects: the demonstration projects I may read — my company's, my zones' as a local government, all for MSS;
// for a responsible ministry, the evidence packs of the projects using an exemption that suspends its regulations.
import { useApp } from '../../../shared/app-context.tsx';
import { Link } from '../../../shared/router.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import { useLoad } from '../../../shared/data/load.ts';
import { ShowMore, usePaged } from '../../../shared/data/paged.tsx';
import { DemoBadge, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { LocalText, RefText } from '../../../shared/ui/text.tsx';
import { projectsApi } from '../api/client.ts';
import { DayText, ProjectStateBadge, useZones } from '../components/common.tsx';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

export function ProjectsListPage() {
  const { t, user } = useApp();
  const kind = user?.organisation.kind;
  const projects = useLoad(user && kind !== 'responsible_ministry' ? `projects:${user.id}` : null, projectsApi.list);
  const zones = useZones();
  useTitle(t('prjListTitle'));
  if (kind === 'responsible_ministry') return <EvidencePacks />;
  const lead = kind === 'company' ? t('prjListLeadCompany') : kind === 'ministry' ? t('prjListLeadMinistry') : t('prjListLeadLocal');

  return (
    <>
      <div className="zl-title-row">
        <h1 className="zl-page-title">{t('prjListTitle')}</h1>
        {kind === 'company' ? (
          <Link href="/projects/new" className="krds-btn primary medium" data-testid="project-new-link">
            {t('prjNewTitle')}
          </Link>
        ) : null}
      </div>
      {user ? <p className="zl-lead">{lead}</p> : null}
      {user === undefined ? <Loading /> : user === null ? <LoginFirst /> : projects.error ? <ProblemAlert error={projects.error} /> : projects.data === undefined ? <Loading /> : projects.data.length === 0 ? (
        <p>{t('prjListNone')}</p>
      ) : (
        <TableFrame>
          <table className="tbl col data zl-table" data-testid="projects-table">
            <caption className="sr-only">{t('prjListCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prjTitle')}</th>
                <th scope="col">{t('prjZone')}</th>
                <th scope="col">{t('prjState')}</th>
                <th scope="col">{t('prjPeriod')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.data.map((p) => {
                const zone = zones?.find((z) => z.id === p.zoneId);
                return (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/projects/${p.id}`} className="zl-link">
                        <LocalText value={p.title} />
                      </Link>{' '}
                      {p.demo ? <DemoBadge /> : null}
                    </td>
                    <td>{zone ? <RefText value={zone.name} /> : null}</td>
                    <td>
                      <ProjectStateBadge state={p.state} />
                    </td>
                    <td className="zl-nowrap">
                      <DayText day={p.periodStart} /> – <DayText day={p.periodEnd} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableFrame>
      )}
    </>
  );
}

/** A responsible ministry's view: the evidence packs it may read (Act Art. 87), with the exemptions concerned. */
function EvidencePacks() {
  const { t, user } = useApp();
  const packs = usePaged(['evidence-packs', user?.id], user ? projectsApi.evidencePacks : null);
  const zones = useZones();
  return (
    <>
      <h1 className="zl-page-title">{t('prjListTitle')}</h1>
      <p className="zl-lead">{t('prjListLeadResponsible')}</p>
      {packs.error ? <ProblemAlert error={packs.error} /> : packs.items === null ? <Loading /> : packs.items.length === 0 ? (
        <p data-testid="evidence-packs-none">{t('prjEvidencePacksNone')}</p>
      ) : (
        <TableFrame>
          <table className="tbl col data zl-table" data-testid="evidence-packs">
            <caption className="sr-only">{t('prjEvidencePacksCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prjTitle')}</th>
                <th scope="col">{t('prjZone')}</th>
                <th scope="col">{t('prjExemptions')}</th>
                <th scope="col">{t('prjEvidence')}</th>
              </tr>
            </thead>
            <tbody>
              {packs.items.map((p) => {
                const zone = zones?.find((z) => z.id === p.zoneId);
                return (
                  <tr key={p.projectId} data-project={p.projectId}>
                    <th scope="row"><LocalText value={p.title} /> {p.demo ? <DemoBadge /> : null}</th>
                    <td>{zone ? <RefText value={zone.name} /> : null}</td>
                    <td>{p.exemptions.map((e) => <span key={e.id} className="zl-block"><LocalText value={e.title} /></span>)}</td>
                    <td className="zl-nowrap">
                      <a href={p.pdf} download className="zl-link" data-testid="evidence-pack-pdf">{t('prjEvidencePdf')}</a>
                      <span className="zl-block"><a href={p.csv} download className="zl-link">{t('prjEvidenceCsv')}</a></span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ShowMore paged={packs} testId="evidence-packs-more" />
        </TableFrame>
      )}
    </>
  );
}
