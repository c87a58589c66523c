import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { useRegionIndex } from '../../../shared/data/reference-data.ts';
import { Link } from '../../../shared/router.tsx';
import type { Zone } from '../../../shared/types.ts';
import { Alert, DemoBadge, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { RefText, RegionNameText, refTextString, regionNameText } from '../../../shared/ui/text.tsx';
import { MUNICIPALITIES, PROVINCES } from '../../../shared/map/geo.ts';
import { type MapArea } from '../../../shared/map/RegionMap.tsx';
import { MapPanel, MapUnavailable, useBoundaries } from '../../../shared/map/MapPanel.tsx';
import { MapLegend } from '../../../shared/map/MapLegend.tsx';
import { ZoneExemptions } from '../../exemptions/index.ts';
import { ZoneAfter } from '../components/ZoneAfter.tsx';
import { zoneModelText, zoneOutcomeText, ZoneStateBadge, zoneStateText } from './Zones.tsx';
import { formatDay } from '../../../shared/dates.ts';
import { provinceOf } from '../../../../domain/regions/provinces.ts';

export function ZonePage({ id }: { id: string }) {
  const { t, lang } = useApp();
  const [zone, setZone] = useState<Zone | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .getZone(id)
      .then((z) => live && setZone(z))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [id, revision]);

  const hasMunicipalities = zone?.regions.some((r) => r.code.length === 5) ?? false;
  const regions = useRegionIndex(hasMunicipalities);
  useTitle(zone ? refTextString(zone.name, lang) : error ? t('zoneNotFound') : null);

  if (error) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <>
        <h1 className="zl-page-title">{notFound ? t('zoneNotFound') : t('errorGeneric')}</h1>
        <ProblemAlert error={error} />
        <p>
          <Link href="/zones" className="krds-btn secondary medium">
            {t('backToZones')}
          </Link>
        </p>
      </>
    );
  }
  if (!zone) return <Loading />;

  const period =
    zone.periodStart || zone.periodEnd
      ? t('zonePeriodValue', {
          start: formatDay(zone.periodStart, lang) ?? '…',
          end: formatDay(zone.periodEnd, lang) ?? '…',
        })
      : t('zonePeriodUnconfirmed');
  const sourceKey = zone.source === 'reference' ? 'zoneSourceReference' : zone.source === 'demo' ? 'zoneSourceDemo' : 'zoneSourcePlatform';

  return (
    <>
      <nav className="krds-breadcrumb-wrap zl-breadcrumb" aria-label={t('regionBreadcrumb')}>
        <ol className="breadcrumb">
          <li className="home">
            <Link href="/" className="txt">
              {t('navHome')}
            </Link>
          </li>
          <li>
            <Link href="/zones" className="txt">
              {t('zonesTitle')}
            </Link>
          </li>
          <li>
            <span className="txt" aria-current="page">
              <RefText value={zone.name} notice={false} />
            </span>
          </li>
        </ol>
      </nav>

      <div className="zl-title-row">
        <h1 className="zl-page-title" data-testid="zone-name">
          <RefText value={zone.name} notice={false} />
        </h1>
        <ZoneStateBadge state={zone.state} />
        {zone.source === 'demo' ? <DemoBadge /> : null}
      </div>
      {lang === 'ko' ? null : (
        <p className="zl-subtitle" lang="ko">
          {zone.name.ko}
        </p>
      )}
      {[zone.name, zone.field, zone.statusNote].some((text) => text && !text[lang]?.trim()) ? (
        <p className="zl-fallback-note zl-zone-note">{lang === 'ko' ? t('shownInKorean') : t('zonesShownInEnglish')}</p>
      ) : null}

      <div className="zl-map-layout zl-zone-layout">
        <section className="zl-section zl-zone-facts" aria-labelledby="zone-facts">
          <h2 id="zone-facts">{t('zoneFacts')}</h2>
          <dl className="zl-dl" data-testid="zone-facts">
            <dt>{t('zoneField')}</dt>
            <dd>
              <RefText value={zone.field} notice={false} />
            </dd>
            <dt>{t('zoneModel')}</dt>
            <dd>{zoneModelText(zone.model, t)}</dd>
            <dt>{t('zoneRound')}</dt>
            <dd>{zone.round === null ? t('zoneNoRound') : t('zoneRoundValue', { round: zone.round })}</dd>
            <dt>{t('zoneCommitteeDate')}</dt>
            <dd>{formatDay(zone.committeeDate, lang) ?? t('zoneUnknownDate')}</dd>
            <dt>{t('zoneState')}</dt>
            <dd data-testid="zone-state">{zoneStateText(zone.state, t)}</dd>
            {zone.outcome ? (
              <>
                <dt>{t('zoneOutcome')}</dt>
                <dd>{zoneOutcomeText(zone.outcome, t)}</dd>
              </>
            ) : null}
            {zone.statusNote ? (
              <>
                <dt>{t('zoneStatusNote')}</dt>
                <dd>
                  <RefText value={zone.statusNote} notice={false} />
                </dd>
              </>
            ) : null}
            <dt>{t('zonePeriod')}</dt>
            <dd>{period}</dd>
            {zone.designationNumber ? (
              <>
                <dt>{t('zaNumber')}</dt>
                <dd>{zone.designationNumber}</dd>
              </>
            ) : null}
            <dt>{t('zoneSource')}</dt>
            <dd>{t(sourceKey)}</dd>
          </dl>

          <h2 className="zl-h2-gap" id="zone-regions">
            {t('zoneRegions')}
          </h2>
          <ul className="zl-bullets" data-testid="zone-regions">
            {zone.regions.map((r) => {
              const region = regions.get(r.code);
              return (
                <li key={r.code}>
                  <Link href={`/regions/${r.code}`} className="zl-link">
                    {region ? <RegionNameText region={region} /> : r.code}
                  </Link>{' '}
                  <span className="zl-muted">({r.role === 'lead' ? t('zoneRoleLead') : t('zoneRolePartner')})</span>
                </li>
              );
            })}
          </ul>
        </section>
        <ZoneMap zone={zone} />
      </div>
      <ZoneAfter zone={zone} onChanged={() => setRevision((r) => r + 1)} />
      <ZoneExemptions zoneId={zone.id} />
      {zone.source === 'demo' ? (
        <Alert kind="warning">
          <p>{t('demoNotice')}</p>
        </Alert>
      ) : null}
    </>
  );
}

function ZoneMap({ zone }: { zone: Zone }) {
  const { t, lang } = useApp();
  const municipal = zone.regions.some((r) => r.code.length === 5);
  const regions = useRegionIndex(municipal);
  const { boundaries, failed } = useBoundaries(municipal ? MUNICIPALITIES : PROVINCES);

  const shown = useMemo(() => {
    if (!boundaries) return null;
    if (!municipal) return boundaries;
    // A zone in municipalities: draw the provinces they belong to.
    const provinces = new Set(zone.regions.map((r) => provinceOf(r.code)));
    return boundaries.filter((b) => provinces.has(provinceOf(b.properties.code)));
  }, [boundaries, municipal, zone]);

  const focus = useMemo(() => zone.regions.map((r) => r.code), [zone]);
  const areas = useMemo(() => {
    const byCode = new Map<string, MapArea>();
    const own = new Map(zone.regions.map((r) => [r.code, r]));
    for (const b of shown ?? []) {
      const code = b.properties.code;
      const region = regions.get(code);
      const name = region ? regionNameText(region, lang) : lang === 'ko' ? b.properties.name : b.properties.name_eng;
      const mine = own.get(code);
      const capital = region ? region.capitalArea || !region.eligible : false;
      byCode.set(code, {
        code,
        href: `/regions/${code}`,
        label: mine ? t('zoneMapRegionLabel', { name, role: mine.role === 'lead' ? t('zoneRoleLead') : t('zoneRolePartner') }) : name,
        kind: mine ? 'selected' : capital ? 'capital' : 'muted',
        linked: Boolean(mine),
      });
    }
    return byCode;
  }, [shown, zone, regions, lang, t]);

  if (failed) return <MapUnavailable />;
  return (
    <MapPanel
      titleId="zone-map-title"
      title={t('zoneMapTitle')}
      className="zl-map-small"
      testId="zone-map"
      map={shown ? { boundaries: shown, areas, width: 360, height: 440, className: 'zl-zone-map', areaClass: municipal ? 'municipality' : 'province', focus } : null}
      legend={<MapLegend kinds={['selected', 'muted', 'capital']} labels={{ selected: t('legendZoneRegion') }} />}
    />
  );
}
