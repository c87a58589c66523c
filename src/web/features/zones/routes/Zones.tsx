import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { allZonesQuery, provincesQuery } from '../../../shared/data/reference-data.ts';
import type { MessageKey, Translate } from '../../../i18n/index.ts';
import { Link, navigate, useLocation } from '../../../shared/router.tsx';
import type { Region, Zone, ZoneFilter, ZoneModel, ZoneOutcome, ZoneState } from '../../../shared/types.ts';
import { Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { RefText, RegionNameText, regionNameText } from '../../../shared/ui/text.tsx';
import { formatDay } from '../../../shared/dates.ts';
import { PROVINCES } from '../../../shared/map/geo.ts';
import { LegendSwatch, type MapArea } from '../../../shared/map/RegionMap.tsx';
import { MapPanel, useBoundaries } from '../../../shared/map/MapPanel.tsx';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';
import { provinceOf } from '../../../../domain/regions/provinces.ts';

export const ZONE_STATES: readonly ZoneState[] = [
  'designated',
  'evaluated',
  'extended',
  'cancelled',
  'expired',
  'post_management',
  'closed',
];

const STATE_KEYS: Record<ZoneState, MessageKey> = {
  designated: 'zoneStateDesignated',
  evaluated: 'zoneStateEvaluated',
  extended: 'zoneStateExtended',
  cancelled: 'zoneStateCancelled',
  expired: 'zoneStateExpired',
  post_management: 'zoneStatePostManagement',
  closed: 'zoneStateClosed',
};

const OUTCOME_KEYS: Record<ZoneOutcome, MessageKey> = {
  ended: 'zoneOutcomeEnded',
  temporary_permit: 'zoneOutcomeTemporaryPermit',
  cancelled: 'zoneOutcomeCancelled',
};

export const zoneStateText = (state: ZoneState, t: Translate) => t(STATE_KEYS[state] ?? 'zoneStateDesignated');
export const zoneOutcomeText = (outcome: ZoneOutcome, t: Translate) => t(OUTCOME_KEYS[outcome] ?? 'zoneOutcomeEnded');
export const zoneModelText = (model: ZoneModel, t: Translate) =>
  model === 'connected' ? t('zoneModelConnected') : t('zoneModelSingle');

const OPERATING: readonly ZoneState[] = ['designated', 'evaluated', 'extended'];

export function ZoneStateBadge({ state }: { state: ZoneState }) {
  const { t } = useApp();
  const tone = OPERATING.includes(state) ? 'bg-light-primary' : state === 'cancelled' ? 'bg-light-danger' : 'bg-light-gray';
  return <span className={`krds-badge ${tone}`}>{zoneStateText(state, t)}</span>;
}

/** A zone without a name in the reader's language (e.g. one designated here in ko and en only): say once which language a table falls back to. */
export function ZoneLanguageNote({ zones }: { zones: readonly Zone[] }) {
  const { t, lang } = useApp();
  if (lang === 'ko' || !zones.some((z) => !z.name[lang]?.trim())) return null;
  return <p className="zl-fallback-note zl-table-note">{t('zonesShownInEnglish')}</p>;
}

/** The provinces a zone touches (a municipality counts for its province today: 군위군 for 대구). */
export function zoneProvinces(zone: Zone): string[] {
  return [...new Set(zone.regions.map((r) => provinceOf(r.code)))];
}

const SHADE_LIMITS = [0, 1, 2, 3, 4] as const;
/** 0, 1, 2, 3, 4, 5 or more zones → shade 0–5. */
export const shadeOf = (count: number) => Math.min(count, 5);

function parseFilter(search: URLSearchParams): ZoneFilter {
  const round = Number(search.get('round'));
  const region = search.get('region') ?? '';
  const state = search.get('state') ?? '';
  const model = search.get('model') ?? '';
  return {
    round: Number.isInteger(round) && round >= 1 && round <= 100 ? round : undefined,
    region: /^\d{2}$/.test(region) ? region : undefined,
    state: (ZONE_STATES as readonly string[]).includes(state) ? (state as ZoneState) : undefined,
    model: model === 'single' || model === 'connected' ? model : undefined,
  };
}

function filterHref(filter: ZoneFilter): string {
  const query = new URLSearchParams();
  if (filter.round !== undefined) query.set('round', String(filter.round));
  if (filter.region) query.set('region', filter.region);
  if (filter.state) query.set('state', filter.state);
  if (filter.model) query.set('model', filter.model);
  const qs = query.toString();
  return qs ? `/zones?${qs}` : '/zones';
}


export function ZonesPage() {
  const { t, lang } = useApp();
  const { search } = useLocation();
  const filter = parseFilter(search);
  const key = filterHref(filter);
  useTitle(t('zonesTitle'));

  const provinces = useQuery(provincesQuery).data;
  const allZones = useQuery(allZonesQuery).data;
  const [mapZones, setMapZones] = useState<{ key: string; items: Zone[] } | null>(null);
  const [tableZones, setTableZones] = useState<{ key: string; items: Zone[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { boundaries, failed: mapFailed } = useBoundaries(PROVINCES);

  // The map counts zones per province under the other filters; the table applies the province too.
  const { round, region, state, model } = filter;
  useEffect(() => {
    let live = true;
    setError(null);
    const withoutRegion = { round, state, model };
    const mapKey = filterHref(withoutRegion);
    const tableKey = filterHref({ ...withoutRegion, region });
    const forMap = api.listZones(withoutRegion);
    const forTable = region ? api.listZones({ ...withoutRegion, region }) : forMap;
    Promise.all([forMap, forTable])
      .then(([m, tb]) => {
        if (!live) return;
        setMapZones({ key: mapKey, items: m.items });
        setTableZones({ key: tableKey, items: tb.items });
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [round, region, state, model]);

  const provinceByCode = useMemo(() => new Map((provinces ?? []).map((p) => [p.code, p])), [provinces]);

  const counts = useMemo(() => {
    const byProvince = new Map<string, number>();
    for (const zone of mapZones?.items ?? []) {
      for (const code of zoneProvinces(zone)) byProvince.set(code, (byProvince.get(code) ?? 0) + 1);
    }
    return byProvince;
  }, [mapZones]);

  const areas = useMemo(() => {
    const byCode = new Map<string, MapArea>();
    if (!boundaries || !mapZones) return byCode;
    for (const b of boundaries) {
      const code = b.properties.code;
      const province = provinceByCode.get(code);
      const name = province ? regionNameText(province, lang) : lang === 'ko' ? b.properties.name : b.properties.name_eng;
      const count = counts.get(code) ?? 0;
      const capital = province ? province.capitalArea || !province.eligible : false;
      byCode.set(code, {
        code,
        href: filterHref({ round, state, model, region: code }),
        label: t('zonesMapAreaLabel', { name, count }),
        kind: region === code ? 'selected' : capital ? 'capital' : 'eligible',
        shade: shadeOf(count),
        ...(count > 0 ? { marker: String(count) } : {}),
      });
    }
    return byCode;
  }, [boundaries, mapZones, provinceByCode, counts, lang, t, round, region, state, model]);

  const rounds = useMemo(
    () => [...new Set((allZones ?? []).map((z) => z.round).filter((r): r is number => r !== null))].sort((a, b) => a - b),
    [allZones],
  );

  const items = tableZones?.key === key ? tableZones.items : null;
  const activeFilters = [filter.round, filter.region, filter.state, filter.model].filter((v) => v !== undefined).length;

  return (
    <>
      <h1 className="zl-page-title">{t('zonesTitle')}</h1>
      <p className="zl-lead">{t('zonesLead')}</p>

      <ZoneFilterForm key={key} filter={filter} rounds={rounds} provinces={provinces ?? []} />

      <div className="zl-map-layout zl-zones-layout">
        <MapPanel
          titleId="zones-map-title"
          title={t('zonesMapTitle')}
          failed={mapFailed}
          map={boundaries && mapZones ? { boundaries, areas, width: 520, height: 640, className: 'zl-zones-map', areaClass: 'province' } : null}
          hint={t('zonesMapHint')}
          legend={<ShadeLegend />}
        />

        <section className="zl-section zl-zone-list" aria-labelledby="zone-list-title">
          <h2 id="zone-list-title">{t('zonesListTitle')}</h2>
          {error ? <ProblemAlert error={error} /> : null}
          <p className="zl-result-count" role="status" data-testid="zone-count">
            {items ? t('zonesCount', { count: items.length }) : ''}
          </p>
          {activeFilters > 0 ? (
            <p>
              <Link href="/zones" className="zl-link">
                {t('zonesClearFilters')}
              </Link>
            </p>
          ) : null}
          {items ? (
            items.length === 0 ? (
              <p>{t('zonesNone')}</p>
            ) : (
              <ZoneTable zones={items} provinces={provinceByCode} testId="zone-table" />
            )
          ) : error ? null : (
            <Loading />
          )}
        </section>
      </div>
    </>
  );
}

function ShadeLegend() {
  const { t } = useApp();
  return (
    <div className="zl-legend">
      <p className="zl-legend-title">{t('zonesMapLegend')}</p>
      <ul className="zl-legend-shades">
        {[...SHADE_LIMITS, 5].map((n) => (
          <li key={n}>
            <LegendSwatch kind="eligible" shade={n} /> {n === 5 ? t('zonesShadeMore', { count: 5 }) : t('zonesShade', { count: n })}
          </li>
        ))}
        <li>
          <LegendSwatch kind="capital" /> {t('legendCapital')}
        </li>
      </ul>
    </div>
  );
}

function ZoneFilterForm({
  filter,
  rounds,
  provinces,
}: {
  filter: ZoneFilter;
  rounds: number[];
  provinces: Region[];
}) {
  const { t, lang } = useApp();
  const [round, setRound] = useState(filter.round === undefined ? '' : String(filter.round));
  const [region, setRegion] = useState(filter.region ?? '');
  const [state, setState] = useState(filter.state ?? '');
  const [model, setModel] = useState(filter.model ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(
      filterHref({
        round: round ? Number(round) : undefined,
        region: region || undefined,
        state: (state || undefined) as ZoneState | undefined,
        model: (model || undefined) as ZoneModel | undefined,
      }),
    );
  };

  // Keep the chosen round selectable before the list of rounds has loaded.
  const roundOptions = filter.round !== undefined && !rounds.includes(filter.round) ? [...rounds, filter.round] : rounds;

  return (
    <form className="zl-filter" onSubmit={submit} aria-labelledby="zone-filter-title" data-testid="zone-filter">
      <h2 id="zone-filter-title" className="sr-only">
        {t('zonesFilterTitle')}
      </h2>
      <div className="zl-filter-fields">
        <div className="form-group">
          <label htmlFor="zone-filter-round">{t('zoneRound')}</label>
          <select id="zone-filter-round" className="krds-form-select completed" value={round} onChange={(e) => setRound(e.target.value)}>
            <option value="">{t('filterAll')}</option>
            {roundOptions.map((r) => (
              <option key={r} value={r}>
                {t('zoneRoundValue', { round: r })}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="zone-filter-region">{t('zoneProvince')}</label>
          <select id="zone-filter-region" className="krds-form-select completed" value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value="">{t('filterAll')}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {regionNameText(p, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="zone-filter-state">{t('zoneState')}</label>
          <select id="zone-filter-state" className="krds-form-select completed" value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t('filterAll')}</option>
            {ZONE_STATES.map((s) => (
              <option key={s} value={s}>
                {zoneStateText(s, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="zone-filter-model">{t('zoneModel')}</label>
          <select id="zone-filter-model" className="krds-form-select completed" value={model} onChange={(e) => setModel(e.target.value)}>
            <option value="">{t('filterAll')}</option>
            <option value="single">{t('zoneModelSingle')}</option>
            <option value="connected">{t('zoneModelConnected')}</option>
          </select>
        </div>
        <div className="zl-filter-actions">
          <button type="submit" className="krds-btn primary medium">
            {t('filterApply')}
          </button>
        </div>
      </div>
    </form>
  );
}

/** The zones as a table: round, name (link), regions (links), model, state and outcome, committee date. */
export function ZoneTable({
  zones,
  provinces,
  testId,
  caption,
}: {
  zones: Zone[];
  provinces: Map<string, Region>;
  testId?: string;
  caption?: string;
}) {
  const { t, lang } = useApp();
  return (
    <>
      <ZoneLanguageNote zones={zones} />
      <TableFrame>
        <table className="tbl col data zl-table zl-zone-table" data-testid={testId}>
          <caption className="sr-only">{caption ?? t('zonesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('zoneRound')}</th>
              <th scope="col">{t('zoneName')}</th>
              <th scope="col">{t('zoneRegions')}</th>
              <th scope="col">{t('zoneModel')}</th>
              <th scope="col">{t('zoneState')}</th>
              <th scope="col">{t('zoneCommitteeDate')}</th>
            </tr>
          </thead>
          <tbody>
            {zones.map((zone) => (
              <tr key={zone.id}>
                <td className="zl-nowrap">{zone.round === null ? '—' : t('zoneRoundValue', { round: zone.round })}</td>
                <th scope="row">
                  <Link href={`/zones/${zone.id}`}>
                    <RefText value={zone.name} notice={false} />
                  </Link>
                </th>
                <td>
                  {zone.regions.map((r, i) => {
                    const region = provinces.get(r.code);
                    return (
                      <span key={r.code}>
                        {i > 0 ? ', ' : null}
                        <Link href={`/regions/${r.code}`}>{region ? <RegionNameText region={region} /> : r.code}</Link>
                      </span>
                    );
                  })}
                </td>
                <td>{zoneModelText(zone.model, t)}</td>
                <td>
                  <ZoneStateBadge state={zone.state} />
                  {zone.outcome ? <span className="zl-outcome">{zoneOutcomeText(zone.outcome, t)}</span> : null}
                </td>
                <td className="zl-nowrap">{formatDay(zone.committeeDate, lang) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}
