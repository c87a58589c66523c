// The public reform board (/reform): every exemption and where it stands on the road from grant to the amended
// law, with the days it took (or has taken so far); filters by kind, state, zone and outcome.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { DemoBadge, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { RefText, refTextString } from '../../../shared/ui/text.tsx';
import { reformBoardQuery } from '../api/queries.ts';
import { Link } from '../../../shared/router.tsx';
import { Day, ExemptionStateBadge, FilterSelect, kindText, stateText } from '../components/common.tsx';
import { EXEMPTION_KINDS, type ReformItem } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

export function ReformBoardPage() {
  const { t, lang, user } = useApp();
  useTitle(t('exReformTitle'));
  const { data, error } = useQuery(reformBoardQuery);
  const [kind, setKind] = useState('');
  const [state, setState] = useState('');
  const [zone, setZone] = useState('');
  const [stage, setStage] = useState('');

  const zones = useMemo(() => {
    const byId = new Map<string, string>();
    for (const i of data?.items ?? []) byId.set(i.zone.id, refTextString(i.zone.name, lang));
    return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [data, lang]);
  const states = useMemo(() => [...new Set((data?.items ?? []).map((i) => i.state))].map((s) => ({ value: s, label: stateText(s, t) })), [data, t]);
  const items = (data?.items ?? []).filter((i) =>
    (!kind || i.kind === kind) && (!state || i.state === state) && (!zone || i.zone.id === zone) && (!stage || stageOf(i) === stage));

  return (
    <>
      <div className="zl-title-row">
        <h1 className="zl-page-title">{t('exReformTitle')}</h1>
        {user?.organisation.kind === 'ministry' && user.role === 'admin' ? (
          <Link href="/exemptions/new" className="krds-btn primary medium" data-testid="exemption-new-link">{t('exNewTitle')}</Link>
        ) : null}
      </div>
      <p className="zl-lead">{t('exReformLead')}</p>
      {error ? <ProblemAlert error={error} /> : null}
      {!data ? (error ? null : <Loading />) : (
        <>
          <dl className="zl-ex-summary" data-testid="reform-summary">
            <div><dt>{t('exReformTotal')}</dt><dd>{data.summary.total}</dd></div>
            <div><dt>{t('exReformAmended')}</dt><dd>{data.summary.lawAmended}</dd></div>
            <div>
              <dt>{t('exReformMedian')}</dt>
              <dd>{data.summary.medianDaysToAmendment === null ? '—' : t('exDays', { count: data.summary.medianDaysToAmendment })}</dd>
            </div>
            <div><dt>{t('exReformAsOf')}</dt><dd><Day iso={data.asOf} /></dd></div>
          </dl>
          <form className="zl-filter" aria-label={t('exReformFilters')} onSubmit={(e) => e.preventDefault()}>
            <div className="zl-filter-fields">
              <FilterSelect id="rb-kind" label={t('exKind')} value={kind} onChange={setKind} options={EXEMPTION_KINDS.map((k) => ({ value: k, label: kindText(k, t) }))} />
              <FilterSelect id="rb-state" label={t('exState')} value={state} onChange={setState} options={states} />
              <FilterSelect id="rb-zone" label={t('exZone')} value={zone} onChange={setZone} options={zones} />
              <FilterSelect id="rb-stage" label={t('exRoadStage')} value={stage} onChange={setStage}
                options={ROAD.map((r) => ({ value: r, label: t(ROAD_KEYS[r]) }))} />
            </div>
          </form>
          <p className="zl-result-count" role="status" data-testid="reform-count">{t('exReformCount', { count: items.length })}</p>
          <TableFrame>
            <table className="tbl col data zl-table zl-ex-board" data-testid="reform-table">
              <caption className="sr-only">{t('exReformCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exTitleLabel')}</th>
                  <th scope="col">{t('exZone')}</th>
                  <th scope="col">{t('exRoad')}</th>
                  <th scope="col">{t('exValidity')}</th>
                  <th scope="col">{t('exDaysToAmendment')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.id} data-testid="reform-row" data-id={i.id}>
                    <th scope="row">
                      <Link href={`/exemptions/${i.id}`}><RefText value={i.title} notice={false} /></Link>
                      <br />
                      <span className="zl-muted">{kindText(i.kind, t)}</span> {i.demo ? <DemoBadge /> : null}
                    </th>
                    <td><Link href={`/zones/${i.zone.id}`}><RefText value={i.zone.name} notice={false} /></Link></td>
                    <td><Road item={i} /></td>
                    <td className="zl-nowrap">
                      {i.validUntil ? <Day iso={i.validUntil} /> : '—'}
                      {i.validThrough && i.validThrough !== i.validUntil ? <><br /><span className="zl-muted">{t('exDeemedThrough')} <Day iso={i.validThrough} /></span></> : null}
                    </td>
                    <td className="zl-nowrap" data-testid="reform-days">
                      {i.daysToAmendment !== null ? t('exDays', { count: i.daysToAmendment }) : <span className="zl-muted">{t('exDaysSoFar', { count: i.daysSinceGrant })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          {data.items.some((i) => i.demo) ? <p className="zl-fallback-note">{t('demoNotice')}</p> : null}
        </>
      )}
    </>
  );
}

const ROAD = ['granted', 'requested', 'amended', 'closed'] as const;
type Road = (typeof ROAD)[number];
const ROAD_KEYS = { granted: 'exRoadGranted', requested: 'exRoadRequested', amended: 'exRoadAmended', closed: 'exRoadClosed' } as const;

/** How far along the road an exemption is. */
function stageOf(i: ReformItem): Road {
  if (i.lawAmendedOn) return 'amended';
  if (['ended', 'cancelled', 'withdrawn', 'expired', 'rejected'].includes(i.state)) return 'closed';
  if (i.amendmentRequestedOn) return 'requested';
  return 'granted';
}

function Road({ item }: { item: ReformItem }) {
  const { t } = useApp();
  const steps: { key: string; label: string; date: string | null }[] = [
    { key: 'granted', label: t('exRoadGranted'), date: item.grantedOn },
    { key: 'requested', label: t('exRoadRequested'), date: item.amendmentRequestedOn },
    { key: 'amended', label: t('exRoadAmended'), date: item.lawAmendedOn },
  ];
  return (
    <>
      <ol className="zl-ex-road" data-testid="reform-road">
        {steps.map((s) => (
          <li key={s.key} className={s.date ? 'is-done' : undefined}>
            <span className="sr-only">{s.date ? t('exRoadDone') : t('exRoadNotYet')}: </span>
            {s.label}
            {s.date ? <> <Day iso={s.date} /></> : null}
          </li>
        ))}
      </ol>
      <ExemptionStateBadge state={item.state} />
    </>
  );
}
