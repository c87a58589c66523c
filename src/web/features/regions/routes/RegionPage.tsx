import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Link } from '../../../shared/router.tsx';
import type { Region, RegionDetail } from '../../../shared/types.ts';
import { Loading, ProblemAlert, useTitle, DemoBadge, Alert } from '../../../shared/ui/ui.tsx';
import { DateTime, LocalText, RegionNameText, regionNameText } from '../../../shared/ui/text.tsx';
import { MUNICIPALITIES, type Boundary } from '../../../shared/map/geo.ts';
import { type MapArea, type MapConnection } from '../../../shared/map/RegionMap.tsx';
import { MapPanel, useBoundaries } from '../../../shared/map/MapPanel.tsx';
import { statusText } from './Regions.tsx';
import { MapLegend } from '../../../shared/map/MapLegend.tsx';
import { ProfileForm } from '../components/ProfileForm.tsx';
import { InventorySection } from '../../planner/index.ts';
import { ZoneTable } from '../../zones/index.ts';
import { provincesQuery } from '../../../shared/data/reference-data.ts';
import type { Zone } from '../../../shared/types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';
import { provinceOf } from '../../../../domain/regions/provinces.ts';

export function RegionPage({ code }: { code: string }) {
  const { t, lang, user } = useApp();
  const [detail, setDetail] = useState<RegionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .getRegion(code)
      .then((d) => live && setDetail(d))
      .catch((err: unknown) => {
        if (!live) return;
        setDetail(null);
        setError(err);
      });
    return () => {
      live = false;
    };
    // canEdit depends on who is logged in: reload when the user changes.
  }, [code, user?.id]);

  const region = detail?.region.code === code ? detail.region : null;
  useTitle(region ? regionNameText(region, lang) : error ? t('regionNotFound') : null);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <>
        <h1 className="zl-page-title">{notFound ? t('regionNotFound') : t('errorGeneric')}</h1>
        <ProblemAlert error={error} />
        <p>
          <Link href="/regions" className="krds-btn secondary medium">
            {t('backToRegions')}
          </Link>
        </p>
      </>
    );
  }
  if (!detail || !region) return <Loading />;

  const capital = region.capitalArea || !region.eligible;
  const isProvince = region.level === 'province';

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
            <Link href="/regions" className="txt">
              {t('regionsTitle')}
            </Link>
          </li>
          {detail.parent ? (
            <li>
              <Link href={`/regions/${detail.parent.code}`} className="txt">
                <RegionNameText region={detail.parent} />
              </Link>
            </li>
          ) : null}
          <li>
            <span className="txt" aria-current="page">
              <RegionNameText region={region} />
            </span>
          </li>
        </ol>
      </nav>

      <div className="zl-title-row">
        <h1 className="zl-page-title">
          <RegionNameText region={region} />
        </h1>
        <span className={`krds-badge ${capital ? 'bg-light-gray' : 'bg-light-primary'}`}>{statusText(region, t)}</span>
      </div>
      {lang === 'ko' ? null : (
        <p className="zl-subtitle" lang="ko">
          {region.name.ko}
        </p>
      )}

      <section className="zl-section" aria-labelledby="region-summary">
        <h2 id="region-summary">{t('regionSummary')}</h2>
        <dl className="zl-dl">
          <dt>{t('regionCode')}</dt>
          <dd>{region.code}</dd>
          <dt>{t('regionLevel')}</dt>
          <dd>{isProvince ? t('regionLevelProvince') : t('regionLevelMunicipality')}</dd>
          <dt>{t('regionNameKo')}</dt>
          <dd lang="ko">{region.name.ko}</dd>
          <dt>{t('regionNameEn')}</dt>
          <dd lang="en">{region.name.en}</dd>
          {detail.parent ? (
            <>
              <dt>{t('regionParent')}</dt>
              <dd>
                <Link href={`/regions/${detail.parent.code}`}>
                  <RegionNameText region={detail.parent} />
                </Link>
              </dd>
            </>
          ) : null}
          <dt>{t('regionStatus')}</dt>
          <dd>{statusText(region, t)}</dd>
        </dl>
      </section>

      {isProvince ? (
        <MunicipalitiesSection province={region} municipalities={detail.municipalities} />
      ) : detail.parent ? (
        <LocationSection municipality={region} parent={detail.parent} neighbours={detail.neighbours} />
      ) : null}

      <RegionZonesSection region={region} parent={detail.parent} />

      <InventorySection region={region} municipalities={detail.municipalities} />

      <section className="zl-section" aria-labelledby="region-neighbours">
        <h2 id="region-neighbours">{t('regionNeighbours')}</h2>
        <p>{t('regionNeighboursLead')}</p>
        {detail.neighbours.length === 0 ? (
          <p>{t('regionNoNeighbours')}</p>
        ) : (
          <TableFrame>
            <table className="tbl col data zl-table" data-testid="neighbours">
              <caption className="sr-only">{t('regionNeighbours')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('neighbourKind')}</th>
                  <th scope="col">{t('neighbourNote')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.neighbours.map((n) => (
                  <tr key={n.region.code}>
                    <th scope="row">
                      <Link href={`/regions/${n.region.code}`}>
                        <RegionNameText region={n.region} />
                      </Link>
                    </th>
                    <td>
                      <span className={`zl-kind zl-kind-${n.kind}`}>
                        {t(n.kind === 'border' ? 'neighbourBorder' : n.kind === 'fixed' ? 'neighbourFixed' : 'neighbourFerry')}
                      </span>
                    </td>
                    <td>{n.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>

      <section className="zl-section" aria-labelledby="region-profile" data-testid="profile">
        <div className="zl-title-row">
          <h2 id="region-profile">{t('profileTitle')}</h2>
          {detail.profile?.demo ? <DemoBadge /> : null}
        </div>
        {detail.profile ? (
          <>
            {detail.profile.demo ? (
              <Alert kind="warning">
                <p>{t('demoNotice')}</p>
              </Alert>
            ) : null}
            <dl className="zl-dl">
              <dt>{t('profileTeamName')}</dt>
              <dd data-testid="profile-team-name">
                <LocalText value={detail.profile.teamName} />
              </dd>
              <dt>{t('profileEmail')}</dt>
              <dd>
                <a href={`mailto:${detail.profile.contactEmail}`} className="zl-link">
                  {detail.profile.contactEmail}
                </a>
              </dd>
              {detail.profile.phone ? (
                <>
                  <dt>{t('profilePhone')}</dt>
                  <dd>
                    <a href={`tel:${detail.profile.phone.replace(/[^\d+]/g, '')}`} className="zl-link">
                      {detail.profile.phone}
                    </a>
                  </dd>
                </>
              ) : null}
              <dt>{t('profileIntro')}</dt>
              <dd data-testid="profile-introduction">
                <LocalText value={detail.profile.introduction} block />
              </dd>
              <dt>{t('profileUpdated')}</dt>
              <dd>
                <DateTime iso={detail.profile.updatedAt} />
              </dd>
            </dl>
          </>
        ) : (
          <p>{t('profileNone')}</p>
        )}
        {detail.canEdit ? (
          <ProfileForm
            key={region.code}
            code={region.code}
            profile={detail.profile}
            onSaved={(profile) => setDetail({ ...detail, profile })}
          />
        ) : null}
      </section>
    </>
  );
}

function useMunicipalBoundaries(prefix: string): { boundaries: Boundary[] | null; failed: boolean } {
  const { boundaries: all, failed } = useBoundaries(MUNICIPALITIES);
  const boundaries = useMemo(
    () => (all ? all.filter((b) => provinceOf(b.properties.code) === prefix) : null),
    [all, prefix],
  );
  return { boundaries, failed };
}

function MunicipalitiesSection({ province, municipalities }: { province: Region; municipalities: Region[] }) {
  const { t, lang } = useApp();
  const { boundaries, failed } = useMunicipalBoundaries(province.code);
  const sorted = useMemo(
    () => [...municipalities].sort((a, b) => a.code.localeCompare(b.code)),
    [municipalities],
  );
  const areas = useMemo(() => {
    const map = new Map<string, MapArea>();
    for (const m of sorted) {
      const capital = m.capitalArea || !m.eligible;
      map.set(m.code, {
        code: m.code,
        href: `/regions/${m.code}`,
        label: regionNameText(m, lang),
        kind: capital ? 'capital' : 'eligible',
      });
    }
    return map;
  }, [sorted, lang]);
  const provinceName = regionNameText(province, lang);

  return (
    <section className="zl-section" aria-labelledby="region-municipalities">
      <h2 id="region-municipalities">
        {t('regionMunicipalities')}{' '}
        <span className="zl-count">({t('regionMunicipalitiesCount', { count: sorted.length })})</span>
      </h2>
      {sorted.length === 0 ? (
        <p>{t('regionNoMunicipalities')}</p>
      ) : (
        <div className="zl-map-layout zl-map-layout-small">
          {failed ? null : (
            <MapPanel
              titleId="municipal-map-title"
              title={t('regionMunicipalitiesMap', { name: provinceName })}
              className="zl-map-small"
              map={boundaries ? { boundaries, areas, width: 360, height: 320, areaClass: 'municipality' } : null}
              legend={<MapLegend kinds={[...new Set([...areas.values()].map((a) => a.kind))].sort()} />}
            />
          )}
          <ul className="zl-columns" data-testid="municipalities">
            {sorted.map((m) => (
              <li key={m.code}>
                <Link href={`/regions/${m.code}`}>
                  <RegionNameText region={m} />
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function LocationSection({ municipality, parent, neighbours }: { municipality: Region; parent: Region; neighbours: RegionDetail['neighbours'] }) {
  const region = municipality;
  // Bridges, tunnels and ferries to this municipality, drawn as lines (solid, dashed) on the map.
  const connections: MapConnection[] = neighbours.flatMap((n) =>
    n.kind === 'border' ? [] : [{ a: municipality.code, b: n.region.code, kind: n.kind, label: n.note ?? '' }]);
  const { t, lang } = useApp();
  const { boundaries, failed } = useMunicipalBoundaries(parent.code);
  const [siblings, setSiblings] = useState<Region[] | null>(null);
  useEffect(() => {
    let live = true;
    api
      .listRegions('municipality', parent.code)
      .then((res) => live && setSiblings(res.items))
      .catch(() => live && setSiblings([]));
    return () => {
      live = false;
    };
  }, [parent.code]);

  const areas = useMemo(() => {
    const map = new Map<string, MapArea>();
    for (const m of [...(siblings ?? []), municipality]) {
      const current = m.code === municipality.code;
      map.set(m.code, {
        code: m.code,
        href: `/regions/${m.code}`,
        label: regionNameText(m, lang),
        kind: current ? 'current' : m.capitalArea || !m.eligible ? 'capital' : 'eligible',
      });
    }
    return map;
  }, [siblings, municipality, lang]);

  if (failed) return null;
  const names = { name: regionNameText(municipality, lang), parent: regionNameText(parent, lang) };
  return (
    <section className="zl-section" aria-labelledby="region-location">
      <h2 id="region-location">{t('regionLocationMap', names)}</h2>
      <div className="zl-map-layout zl-map-layout-small">
        <MapPanel
          titleId="location-map-title"
          title={t('regionLocationMap', names)}
          titleHidden
          className="zl-map-small"
          map={boundaries && siblings ? { boundaries, areas, width: 360, height: 320, areaClass: 'municipality', connections } : null}
          legend={<MapLegend kinds={['current', region.capitalArea || !region.eligible ? 'capital' : 'eligible']} />}
        />
      </div>
    </section>
  );
}

function RegionZonesSection({ region, parent }: { region: Region; parent: Region | null }) {
  const { t, lang } = useApp();
  const provinces = useQuery(provincesQuery).data;
  const [zones, setZones] = useState<Zone[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api
      .listZones({ region: region.code })
      .then((res) => live && setZones(res.items))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [region.code]);
  const index = useMemo(() => new Map((provinces ?? []).map((p) => [p.code, p])), [provinces]);
  const name = regionNameText(region, lang);
  return (
    <section className="zl-section" aria-labelledby="region-zones" data-testid="region-zones">
      <h2 id="region-zones">
        {t('regionZones')}{' '}
        {zones ? <span className="zl-count">({t('zonesCount', { count: zones.length })})</span> : null}
      </h2>
      {error ? <ProblemAlert error={error} /> : null}
      {!zones ? (
        error ? null : <Loading />
      ) : zones.length === 0 ? (
        <p>{t('regionNoZones', { name })}</p>
      ) : (
        <ZoneTable zones={zones} provinces={index} caption={t('regionZonesCaption', { name })} testId="region-zone-table" />
      )}
      {parent ? (
        <p>
          <Link href={`/zones?region=${parent.code}`} className="zl-link">
            {t('regionParentZones', { name: regionNameText(parent, lang) })}
          </Link>
        </p>
      ) : (
        <p>
          <Link href={`/zones?region=${region.code}`} className="zl-link">
            {t('regionZonesOnMap')}
          </Link>
        </p>
      )}
    </section>
  );
}
