// Sites of a project (municipalities, KOSTAT 2018): names, a picker by province, and a map of the sites with
// optional points (violations, incidents) drawn on it.
import { useEffect, useId, useMemo, useState } from 'react';
import { api } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { RegionNameText, regionNameText } from '../../../shared/ui/text.tsx';
import { loadBoundaries, MUNICIPALITIES, type Boundary } from '../../../shared/map/geo.ts';
import { RegionMap, type MapArea, type MapPoint } from '../../../shared/map/RegionMap.tsx';
import type { Region } from '../../../shared/types.ts';
import { useProvinces } from '../../plans/index.ts';
import { useField } from '../../../shared/forms/forms.tsx';
import { provinceOf } from '../../../../domain/regions/provinces.ts';

const byProvince = new Map<string, Promise<Region[]>>();

function municipalitiesOf(province: string): Promise<Region[]> {
  let pending = byProvince.get(province);
  if (!pending) {
    pending = api.listRegions('municipality', province).then((r) => r.items);
    pending.catch(() => byProvince.delete(province));
    byProvince.set(province, pending);
  }
  return pending;
}

/** The municipalities with these codes (loaded by province); codes not found yet are missing from the map. */
export function useMunicipalities(codes: readonly string[]): Map<string, Region> {
  const [found, setFound] = useState<Map<string, Region>>(new Map());
  const provinces = [...new Set(codes.map((c) => provinceOf(c)))].sort().join(',');
  useEffect(() => {
    if (provinces === '') return;
    let live = true;
    Promise.all(provinces.split(',').map(municipalitiesOf))
      .then((lists) => live && setFound(new Map(lists.flat().map((r) => [r.code, r]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [provinces]);
  return found;
}

export function SiteName({ code, regions }: { code: string; regions: Map<string, Region> }) {
  const region = regions.get(code);
  return region ? <RegionNameText region={region} /> : <span className="zl-mono">{code}</span>;
}

/** Chooses municipalities: a province, then its municipalities as checkboxes; the chosen ones stay listed. */
export function SitesPicker({ value, onChange, initialProvince }: { value: string[]; onChange: (codes: string[]) => void; initialProvince: string | undefined }) {
  const { t, lang } = useApp();
  const provinces = useProvinces();
  const [province, setProvince] = useState(initialProvince ?? '');
  const [list, setList] = useState<Region[] | null>(null);
  const names = useMunicipalities(value);
  const { id, error } = useField('/sites', true);
  useEffect(() => {
    if (initialProvince) setProvince(initialProvince);
  }, [initialProvince]);
  useEffect(() => {
    if (!province) return;
    let live = true;
    setList(null);
    municipalitiesOf(province).then((items) => live && setList(items)).catch(() => live && setList([]));
    return () => {
      live = false;
    };
  }, [province]);
  const toggle = (code: string) => onChange(value.includes(code) ? value.filter((c) => c !== code) : [...value, code]);
  return (
    <fieldset className="zl-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('prjSites')}</legend>
      <p className="zl-hint">{t('prjSitesHint')}</p>
      {error ? <p className="form-hint-invalid" id={`${id}-error`}>{error}</p> : null}
      <div className="form-group">
        <div className="form-tit">
          <label htmlFor={`${id}-province`}>{t('prjSitesProvince')}</label>
        </div>
        <div className="form-conts">
          <select id={`${id}-province`} className="krds-form-select" value={province} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{t('prjChoose')}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>{regionNameText(p, lang)}</option>
            ))}
          </select>
        </div>
      </div>
      {province && list ? (
        <div className="zl-site-grid" role="group" aria-label={t('prjSitesMunicipalities')}>
          {list.map((m) => (
            <div className="krds-form-check" key={m.code}>
              <input type="checkbox" id={`${id}-m-${m.code}`} checked={value.includes(m.code)} onChange={() => toggle(m.code)} />
              <label htmlFor={`${id}-m-${m.code}`}><RegionNameText region={m} /></label>
            </div>
          ))}
        </div>
      ) : null}
      <p className="zl-chosen" data-testid="sites-chosen">
        {t('prjSitesChosen', { count: value.length })}{' '}
        {value.map((code, i) => (
          <span key={code}>{i > 0 ? ', ' : ''}<SiteName code={code} regions={names} /></span>
        ))}
      </p>
    </fieldset>
  );
}

/** The sites on the municipalities map, zoomed on them; `points` are drawn on top (described by the caller). */
export function SitesMap({ sites, points, caption }: { sites: readonly string[]; points?: MapPoint[]; caption: string }) {
  const { t, lang } = useApp();
  const [boundaries, setBoundaries] = useState<Boundary[] | null>(null);
  const names = useMunicipalities(sites);
  const captionId = `${useId().replace(/:/g, '')}-caption`;
  useEffect(() => {
    let live = true;
    loadBoundaries(MUNICIPALITIES).then((b) => live && setBoundaries(b)).catch(() => live && setBoundaries([]));
    return () => {
      live = false;
    };
  }, []);
  const areas = useMemo(() => {
    const out = new Map<string, MapArea>();
    for (const code of sites) {
      const region = names.get(code);
      out.set(code, { code, href: `/regions/${code}`, label: region ? regionNameText(region, lang) : code, kind: 'selected' });
    }
    return out;
  }, [sites, names, lang]);
  if (boundaries === null) return null;
  if (boundaries.length === 0) return <p>{t('prjMapUnavailable')}</p>;
  return (
    <figure className="zl-project-map">
      <RegionMap boundaries={boundaries} areas={areas} width={520} height={420} labelledBy={captionId} areaClass="municipality" focus={sites} {...(points ? { points } : {})} />
      <figcaption id={captionId}>{caption}</figcaption>
    </figure>
  );
}
