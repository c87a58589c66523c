// One exemption (/exemptions/:id): kind, zone, holders, the provisions it suspends, its conditions, validity,
// state and history, the calendar of its dates, and the actions the signed-in user may take.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Alert, DemoBadge, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { RefText, refTextString } from '../../../shared/ui/text.tsx';
import { organisationsQuery } from '../api/queries.ts';
import { Link } from '../../../shared/router.tsx';
import { AmendmentTrack } from '../components/AmendmentTrack.tsx';
import { exemptionsApi } from '../api/client.ts';
import { ConditionsView } from '../components/ConditionsView.tsx';
import { ExemptionActions } from '../components/ExemptionActions.tsx';
import { ExemptionCalendar } from '../components/ExemptionCalendar.tsx';
import { ExemptionHistory } from '../components/ExemptionHistory.tsx';
import { articleText, Day, ExemptionStateBadge, kindText, stageText } from '../components/common.tsx';
import type { Exemption } from '../types.ts';


export function ExemptionPage({ id }: { id: string }) {
  const { t, lang } = useApp();
  const [exemption, setExemption] = useState<Exemption | null>(null);
  const [error, setError] = useState<unknown>(null);
  const organisations = useQuery(organisationsQuery('')).data;
  const orgName = useMemo(() => new Map((organisations ?? []).map((o) => [o.id, o])), [organisations]);

  useEffect(() => {
    let live = true;
    exemptionsApi
      .get(id)
      .then((e) => live && setExemption(e))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id]);
  useTitle(exemption ? refTextString(exemption.title, lang) : error ? t('exNotFound') : null);

  if (error) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <>
        <h1 className="zl-page-title">{notFound ? t('exNotFound') : t('errorGeneric')}</h1>
        <ProblemAlert error={error} />
        <p>
          <Link href="/reform" className="krds-btn secondary medium">{t('exReformTitle')}</Link>
        </p>
      </>
    );
  }
  if (!exemption) return <Loading />;
  const e = exemption;
  const v = e.validity;

  return (
    <>
      <nav className="krds-breadcrumb-wrap zl-breadcrumb" aria-label={t('regionBreadcrumb')}>
        <ol className="breadcrumb">
          <li className="home"><Link href="/" className="txt">{t('navHome')}</Link></li>
          <li><Link href="/zones" className="txt">{t('zonesTitle')}</Link></li>
          <li><Link href={`/zones/${e.zone.id}`} className="txt"><RefText value={e.zone.name} notice={false} /></Link></li>
          <li><span className="txt" aria-current="page"><RefText value={e.title} notice={false} /></span></li>
        </ol>
      </nav>
      <div className="zl-title-row">
        <h1 className="zl-page-title" data-testid="exemption-title">
          <RefText value={e.title} />
        </h1>
        <ExemptionStateBadge state={e.state} />
        {e.demo ? <DemoBadge /> : null}
      </div>

      <div className="zl-ex-detail">
        <section className="zl-section" aria-labelledby="ex-facts">
          <h2 id="ex-facts">{t('exFacts')}</h2>
          <dl className="zl-dl" data-testid="exemption-facts">
            <dt>{t('exKind')}</dt>
            <dd data-testid="exemption-kind">{kindText(e.kind, t)}</dd>
            <dt>{t('exZone')}</dt>
            <dd><Link href={`/zones/${e.zone.id}`} className="zl-link"><RefText value={e.zone.name} /></Link></dd>
            <dt>{t('exHolders')}</dt>
            <dd data-testid="exemption-holders">
              {e.holders.length === 0 ? t('exNoHolders') : e.holders.map((h, i) => {
                const org = orgName.get(h);
                return <span key={h}>{i > 0 ? ', ' : null}{org ? <RefText value={org.name} notice={false} /> : h}</span>;
              })}
            </dd>
            <dt>{t('exStage')}</dt>
            <dd>{e.stages.length === 0 ? '—' : e.stages.map((s) => stageText(s, t)).join(' · ')}</dd>
            <dt>{t('exGrantedOn')}</dt>
            <dd><Day iso={e.grantedOn} /></dd>
            <dt>{t('exValidity')}</dt>
            <dd data-testid="exemption-validity">
              {v.from && v.until ? (
                <>
                  <Day iso={v.from} /> – <span data-testid="exemption-until"><Day iso={v.until} /></span>
                </>
              ) : e.kind === 'rapid_confirmation' ? t('exCalNoTermRapid') : t('exCalNoTermZone')}
              {v.validThrough && v.validThrough !== v.until ? (
                <p className="zl-muted">{t('exDeemedThrough')} <Day iso={v.validThrough} /></p>
              ) : null}
            </dd>
            <dt>{t('exExtensions')}</dt>
            <dd data-testid="exemption-extensions">{t('exExtensionsValue', { used: v.extensionsUsed, max: v.maxExtensions })}</dd>
            <dt>{t('exState')}</dt>
            <dd><ExemptionStateBadge state={e.state} /></dd>
            {e.daysToAmendment !== null ? (
              <>
                <dt>{t('exDaysToAmendment')}</dt>
                <dd>{t('exDays', { count: e.daysToAmendment })}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="zl-section" aria-labelledby="ex-regulations">
          <h2 id="ex-regulations">{t('exSuspended')}</h2>
          <ul className="zl-ex-reglist" data-testid="exemption-regulations">
            {e.regulations.map((r) => (
              <li key={r.id}>
                <Link href={`/regulations/${r.id}`} className="zl-link">
                  <RefText value={r.law} notice={false} /> {articleText(r.article, r.paragraph, t)}
                </Link>
                <br />
                <span className="zl-muted"><RefText value={r.title} /> · {r.ministry}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="zl-section" aria-labelledby="ex-conditions">
        <h2 id="ex-conditions">{t('exConditions')}</h2>
        <ConditionsView conditions={e.conditions} />
      </section>

      <ExemptionCalendar exemption={e} />
      <AmendmentTrack exemption={e} />
      <ExemptionActions exemption={e} onChange={setExemption} />
      <ExemptionHistory exemption={e} />
      {e.demo ? (
        <Alert kind="warning">
          <p>{t('demoNotice')}</p>
        </Alert>
      ) : null}
    </>
  );
}
