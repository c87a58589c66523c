// /plans: the plans of my organisation (the ministry sees the submitted ones).
import { ShowMore, usePaged } from '../../../shared/data/paged.tsx';
import { useApp } from '../../../shared/app-context.tsx';
import { Link } from '../../../shared/router.tsx';
import { DemoBadge, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import { DateTime, LocalText } from '../../../shared/ui/text.tsx';
import { planKeys } from '../api/queries.ts';
import { PlanStateBadge, planModelText, RegionCodeName, usePlansClient, useProvinces } from '../components/common.tsx';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

export function PlansListPage() {
  const { t, user } = useApp();
  const client = usePlansClient();
  const paged = usePaged(planKeys.list, client ? client.list : null);
  const { items: plans, error } = paged;
  const regions = useProvinces();
  useTitle(t('plansTitle'));

  const canCreate = user?.organisation.kind === 'local_government';
  return (
    <>
      <div className="zl-title-row">
        <h1 className="zl-page-title">{t('plansTitle')}</h1>
        {canCreate ? (
          <Link href="/plans/new" className="krds-btn primary medium" data-testid="plan-new-link">
            {t('planNewTitle')}
          </Link>
        ) : null}
      </div>
      <p className="zl-lead">{user?.organisation.kind === 'ministry' ? t('plansLeadMinistry') : t('plansLead')}</p>
      {user === undefined ? <Loading /> : user === null ? <LoginFirst /> : error ? <ProblemAlert error={error} /> : plans === null ? <Loading /> : plans.length === 0 ? (
        <p>{t('plansNone')}</p>
      ) : (
        <TableFrame>
          <table className="tbl col data zl-table" data-testid="plans-table">
            <caption className="sr-only">{t('plansCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planTitleLabel')}</th>
                <th scope="col">{t('planModel')}</th>
                <th scope="col">{t('planParticipants')}</th>
                <th scope="col">{t('planState')}</th>
                <th scope="col">{t('planVersion')}</th>
                <th scope="col">{t('planUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/plans/${p.id}`} className="zl-link">
                      <LocalText value={p.title} />
                    </Link>{' '}
                    {p.demo ? <DemoBadge /> : null}
                  </td>
                  <td>{planModelText(p.model, t)}</td>
                  <td>
                    {p.participants.map((code, i) => (
                      <span key={code}>
                        {i > 0 ? ', ' : ''}
                        <RegionCodeName code={code} regions={regions} />
                      </span>
                    ))}
                  </td>
                  <td>
                    <PlanStateBadge state={p.state} />
                  </td>
                  <td className="zl-num">{p.contentVersion}</td>
                  <td>
                    <DateTime iso={p.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ShowMore paged={paged} testId="plans-more" />
        </TableFrame>
      )}
    </>
  );
}
