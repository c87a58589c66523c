// A zone's exemptions and its supply-chain strip: which stages its exemptions cover, which are gaps, and for
// each gap the precedents granted in other zones that could be adopted (GET /api/bundles/:zoneId).
import { useQuery } from '@tanstack/react-query';
import { useApp } from '../../../shared/app-context.tsx';
import { DemoBadge, Loading, ProblemAlert } from '../../../shared/ui/ui.tsx';
import { RefText } from '../../../shared/ui/text.tsx';
import { bundleQuery, exemptionKeys } from '../api/queries.ts';
import { ShowMore, usePaged } from '../../../shared/data/paged.tsx';
import { Link } from '../../../shared/router.tsx';
import { exemptionsApi } from '../api/client.ts';
import { Day, ExemptionStateBadge, kindText, stageText } from './common.tsx';
import type { Bundle } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

export function ZoneExemptions({ zoneId }: { zoneId: string }) {
  const { t, user } = useApp();
  const list = usePaged(exemptionKeys.list({ zone: zoneId }), (cursor) => exemptionsApi.list({ zone: zoneId }, cursor));
  const bundle = useQuery(bundleQuery(zoneId));
  const items = list.items;

  return (
    <>
      <section className="zl-section" aria-labelledby="zone-exemptions">
        <div className="zl-title-row">
          <h2 id="zone-exemptions">{t('exZoneExemptions')}</h2>
          {user?.organisation.kind === 'ministry' && user.role === 'admin' ? (
            <Link href={`/exemptions/new?zone=${zoneId}`} className="krds-btn secondary small" data-testid="zone-exemption-new">{t('exNewTitle')}</Link>
          ) : null}
        </div>
        {list.error ? <ProblemAlert error={list.error} /> : null}
        {!items ? (list.error ? null : <Loading />) : items.length === 0 ? <p>{t('exZoneNone')}</p> : (
          <TableFrame>
            <table className="tbl col data zl-table zl-compact" data-testid="zone-exemptions">
              <caption className="sr-only">{t('exZoneExemptions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exTitleLabel')}</th>
                  <th scope="col">{t('exKind')}</th>
                  <th scope="col">{t('exState')}</th>
                  <th scope="col">{t('exValidUntil')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link href={`/exemptions/${e.id}`}><RefText value={e.title} notice={false} /></Link> {e.demo ? <DemoBadge /> : null}
                    </th>
                    <td>{kindText(e.kind, t)}</td>
                    <td><ExemptionStateBadge state={e.state} /></td>
                    <td className="zl-nowrap"><Day iso={e.validity.validThrough ?? e.validity.until} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ShowMore paged={list} testId="zone-exemptions-more" />
          </TableFrame>
        )}
      </section>
      {bundle.error ? <ProblemAlert error={bundle.error} /> : bundle.data ? <SupplyChainStrip bundle={bundle.data} /> : <Loading />}
    </>
  );
}

export function SupplyChainStrip({ bundle }: { bundle: Bundle }) {
  const { t } = useApp();
  return (
    <section className="zl-section" aria-labelledby="zone-strip">
      <h2 id="zone-strip">{t('exStripTitle')}</h2>
      <p data-testid="strip-summary">{t('exStripSummary', { covered: bundle.covered, total: bundle.total })}</p>
      <ol className="zl-ex-strip" data-testid="supply-chain-strip">
        {bundle.stages.map((s) => (
          <li key={s.stage} className={s.covered ? 'is-covered' : 'is-gap'} data-stage={s.stage} data-covered={s.covered}>
            <p className="zl-ex-strip-name">{stageText(s.stage, t)}</p>
            <p className="zl-ex-strip-status">{s.covered ? t('exStripCovered') : t('exStripGap')}</p>
            {s.exemptions.length > 0 ? (
              <ul>
                {s.exemptions.map((e) => (
                  <li key={e.id}><Link href={`/exemptions/${e.id}`}><RefText value={e.title} notice={false} /></Link></li>
                ))}
              </ul>
            ) : null}
            {s.precedents.length > 0 ? (
              <>
                <p className="zl-ex-strip-prec">{t('exStripPrecedents')}</p>
                <ul data-testid={`precedents-${s.stage}`}>
                  {s.precedents.map((e) => (
                    <li key={e.id}>
                      <Link href={`/exemptions/${e.id}`}><RefText value={e.title} notice={false} /></Link>{' '}
                      <span className="zl-muted">(<RefText value={e.zone.name} notice={false} />, {kindText(e.kind, t)})</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : !s.covered ? <p className="zl-muted">{t('exStripNoPrecedent')}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

