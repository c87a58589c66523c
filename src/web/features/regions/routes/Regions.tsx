import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Link } from '../../../shared/router.tsx';
import type { Translate } from '../../../i18n/index.ts';
import type { Region } from '../../../shared/types.ts';
import { Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { RegionNameText, regionNameText } from '../../../shared/ui/text.tsx';
import { PROVINCES } from '../../../shared/map/geo.ts';
import { LegendSwatch, type MapArea } from '../../../shared/map/RegionMap.tsx';
import { MapPanel, useBoundaries } from '../../../shared/map/MapPanel.tsx';
import { MapLegend } from '../../../shared/map/MapLegend.tsx';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

export function statusText(region: Pick<Region, 'capitalArea' | 'eligible'>, t: Translate): string {
  return region.capitalArea || !region.eligible ? t('statusCapital') : t('statusEligible');
}

export function RegionsPage() {
  const { t, lang } = useApp();
  useTitle(t('regionsTitle'));
  const [regions, setRegions] = useState<Region[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { boundaries, failed: mapFailed } = useBoundaries(PROVINCES);

  useEffect(() => {
    let live = true;
    api
      .listRegions('province')
      .then((res) => live && setRegions([...res.items].sort((a, b) => a.code.localeCompare(b.code))))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, []);

  const areas = useMemo(() => {
    const byCode = new Map<string, MapArea>();
    if (!boundaries) return byCode;
    const known = new Map((regions ?? []).map((r) => [r.code, r]));
    for (const b of boundaries) {
      const region = known.get(b.properties.code);
      const name = region ? regionNameText(region, lang) : lang === 'ko' ? b.properties.name : b.properties.name_eng;
      const capital = region ? region.capitalArea || !region.eligible : false;
      byCode.set(b.properties.code, {
        code: b.properties.code,
        href: `/regions/${b.properties.code}`,
        label: region ? t('regionLinkLabel', { name, status: statusText(region, t) }) : name,
        kind: capital ? 'capital' : 'eligible',
      });
    }
    return byCode;
  }, [boundaries, regions, lang, t]);

  return (
    <>
      <h1 className="zl-page-title">{t('regionsTitle')}</h1>
      <p className="zl-lead">{t('regionsLead')}</p>

      <div className="zl-map-layout zl-regions-layout">
        <MapPanel
          titleId="province-map-title"
          title={t('mapTitle')}
          failed={mapFailed}
          map={boundaries && (regions || error) ? { boundaries, areas, width: 520, height: 640, className: 'zl-province-map', areaClass: 'province' } : null}
          hint={t('mapHint')}
          legend={<MapLegend />}
        />

      <section className="zl-section zl-province-list" aria-labelledby="province-list-title">
        <h2 id="province-list-title">{t('listTitle')}</h2>
        {error ? <ProblemAlert error={error} /> : null}
        {regions ? (
          <TableFrame>
            <table className="tbl col data zl-table" data-testid="province-table">
              <caption className="sr-only">{t('listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colCode')}</th>
                  <th scope="col">{t('colName')}</th>
                  {lang === 'ko' ? null : <th scope="col">{t('colNameKo')}</th>}
                  <th scope="col">{t('colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {regions.map((region) => {
                  const capital = region.capitalArea || !region.eligible;
                  return (
                    <tr key={region.code}>
                      <td className="zl-code">{region.code}</td>
                      <th scope="row">
                        <Link href={`/regions/${region.code}`}>
                          <RegionNameText region={region} />
                        </Link>
                      </th>
                      {lang === 'ko' ? null : <td lang="ko">{region.name.ko}</td>}
                      <td>
                        <span className="zl-status">
                          <LegendSwatch kind={capital ? 'capital' : 'eligible'} />
                          {capital ? t('tableEligibleNo') : t('tableEligibleYes')}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableFrame>
        ) : error ? null : (
          <Loading />
        )}
      </section>
      </div>
    </>
  );
}
