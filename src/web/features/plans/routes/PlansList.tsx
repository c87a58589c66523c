// /plans: the plans of my organisation (the ministry sees the submitted ones), filtered by state and model and ordered
// by the server (`sort`); the filters and the order live in the URL, so a reload keeps them.
import { ShowMore, usePaged } from '../../../shared/data/paged.tsx';
import { useListParams, type ListParamSpec } from '../../../shared/data/list-params.ts';
import { SortHeader } from '../../../shared/ui/SortHeader.tsx';
import { PLAN_STATES, type PlanState } from '../types.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Link } from '../../../shared/router.tsx';
import { DemoBadge, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import { DateTime, LocalText } from '../../../shared/ui/text.tsx';
import { planKeys } from '../api/queries.ts';
import { PlanStateBadge, planModelText, planStateText, RegionCodeName, usePlansClient, useProvinces } from '../components/common.tsx';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

/** The orders the server offers (src/server/plans/page-plans.ts) with their direction. */
const SORTS = { created: 'desc', updated: 'desc', region: 'asc' } as const;
type Sort = keyof typeof SORTS;
const PARAMS: ListParamSpec<'state' | 'model' | 'sort'> = { state: PLAN_STATES, model: ['single', 'connected'], sort: Object.keys(SORTS) };

export function PlansListPage() {
  const { t, user } = useApp();
  const client = usePlansClient();
  const [params, setParams] = useListParams(PARAMS);
  const sort = (params.sort ?? 'created') as Sort;
  const paged = usePaged(planKeys.list(params), client ? (cursor?: string) => client.list(params, cursor) : null);
  const onSort = (next: string) => setParams({ sort: next === 'created' ? undefined : next });
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
      {user ? (
        <form className="zl-filter" aria-labelledby="plans-filter-title" data-testid="plans-filter" onSubmit={(e) => e.preventDefault()}>
          <h2 id="plans-filter-title" className="sr-only">{t('plansFilterTitle')}</h2>
          <div className="zl-filter-fields">
            <div className="form-group">
              <label htmlFor="plans-filter-state">{t('planState')}</label>
              <select id="plans-filter-state" className="krds-form-select completed" value={params.state ?? ''} onChange={(e) => setParams({ state: e.target.value })}>
                <option value="">{t('filterAll')}</option>
                {PLAN_STATES.map((s) => <option key={s} value={s}>{planStateText(s as PlanState, t)}</option>)}
              </select>
            </div>
            <div className="form-group">
              <label htmlFor="plans-filter-model">{t('planModel')}</label>
              <select id="plans-filter-model" className="krds-form-select completed" value={params.model ?? ''} onChange={(e) => setParams({ model: e.target.value })}>
                <option value="">{t('filterAll')}</option>
                <option value="single">{planModelText('single', t)}</option>
                <option value="connected">{planModelText('connected', t)}</option>
              </select>
            </div>
            <div className="form-group">
              <label htmlFor="plans-sort">{t('plansSort')}</label>
              <select id="plans-sort" className="krds-form-select completed" value={sort} onChange={(e) => onSort(e.target.value)}>
                <option value="created">{t('plansSortCreated')}</option>
                <option value="updated">{t('plansSortUpdated')}</option>
                <option value="region">{t('plansSortRegion')}</option>
              </select>
            </div>
          </div>
        </form>
      ) : null}
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
                <SortHeader sort="region" current={sort} direction={SORTS.region} onSort={onSort} label={t('plansSortBy', { column: t('planParticipants') })}>{t('planParticipants')}</SortHeader>
                <th scope="col">{t('planState')}</th>
                <th scope="col">{t('planVersion')}</th>
                <SortHeader sort="updated" current={sort} direction={SORTS.updated} onSort={onSort} label={t('plansSortBy', { column: t('planUpdated') })}>{t('planUpdated')}</SortHeader>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id} data-plan={p.id}>
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
