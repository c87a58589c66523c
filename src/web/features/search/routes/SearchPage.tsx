// Precedent search (/search): one box over regulations, exemptions and their conditions in five languages,
// with filters in the address (shareable), ranked hits with highlighted snippets linking to the details; for ministry
// officials, the regulation catalogue import.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { DemoBadge, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { RefText, refTextString } from '../../../shared/ui/text.tsx';
import { seoulToday } from '../../../shared/dates.ts';
import { allZonesQuery } from '../../../shared/data/reference-data.ts';
import { Link, navigate, useLocation } from '../../../shared/router.tsx';
import { articleText, RegulationImport, regulationsQuery } from '../../regulations/index.ts';
import { searchApi, type SearchHit, type SearchQuery, type SearchResult } from '../api/client.ts';
import {
  EXEMPTION_FILTER_STATES, EXEMPTION_KINDS, ExemptionStateBadge, FilterSelect, Highlighted, kindText, STAGES, stageText, stateText,
} from '../../exemptions/index.ts';

const FILTERS = ['type', 'kind', 'ministry', 'zone', 'state', 'stage', 'year'] as const;
type FilterName = (typeof FILTERS)[number];

function queryOf(search: URLSearchParams): SearchQuery {
  const query: SearchQuery = { q: search.get('q') ?? '' };
  for (const name of FILTERS) {
    const value = search.get(name);
    if (value) query[name] = value;
  }
  return query;
}

export function SearchPage() {
  const { t, user } = useApp();
  const { search } = useLocation();
  const key = JSON.stringify(queryOf(search));
  const query = useMemo(() => JSON.parse(key) as SearchQuery, [key]);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  useTitle(query.q ? t('exSearchTitleFor', { q: query.q }) : t('exSearchTitle'));

  useEffect(() => {
    setResult(null);
    setError(null);
    if (!query.q.trim()) return;
    let live = true;
    searchApi
      .search(query)
      .then((r) => live && setResult(r))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [query]);

  return (
    <>
      <h1 className="zl-page-title">{t('exSearchTitle')}</h1>
      <p className="zl-lead">{t('exSearchLead')}</p>
      <SearchForm key={key} initial={query} />
      <section className="zl-section" aria-labelledby="ex-search-results">
        <h2 id="ex-search-results" className="sr-only">
          {t('exSearchResults')}
        </h2>
        {error ? <ProblemAlert error={error} /> : null}
        <p className="zl-result-count" role="status" data-testid="search-count">
          {result ? t('exSearchCount', { count: result.total }) : ''}
        </p>
        {query.q.trim() && !result && !error ? <Loading /> : null}
        {result && result.items.length === 0 ? <p>{t('exSearchNone')}</p> : null}
        {result && result.items.length > 0 ? (
          <ol className="zl-ex-hits" data-testid="search-results">
            {result.items.map((hit) => (
              <Hit key={`${hit.type}:${hit.id}`} hit={hit} />
            ))}
          </ol>
        ) : null}
      </section>
      {user?.organisation.kind === 'ministry' ? <RegulationImport /> : null}
    </>
  );
}

function SearchForm({ initial }: { initial: SearchQuery }) {
  const { t, lang } = useApp();
  const [q, setQ] = useState(initial.q);
  const [filters, setFilters] = useState<Record<FilterName, string>>(
    Object.fromEntries(FILTERS.map((f) => [f, initial[f] ?? ''])) as Record<FilterName, string>,
  );
  const zones = useQuery(allZonesQuery).data;
  const regulations = useQuery(regulationsQuery()).data;
  const ministries = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const r of regulations ?? []) if (!byCode.has(r.ministry)) byCode.set(r.ministry, refTextString(r.ministryName, lang));
    return [...byCode].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [regulations, lang]);
  const thisYear = Number(seoulToday().slice(0, 4));
  const years = Array.from({ length: thisYear - 2018 }, (_, i) => String(thisYear - i));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (q.trim()) params.set('q', q.trim());
    for (const f of FILTERS) if (filters[f]) params.set(f, filters[f]);
    navigate(`/search?${params.toString()}`);
  };
  const set = (name: FilterName) => (value: string) => setFilters((prev) => ({ ...prev, [name]: value }));

  return (
    <form className="zl-filter zl-ex-search" role="search" onSubmit={submit} aria-label={t('exSearchTitle')} data-testid="search-form">
      <div className="form-group zl-ex-search-box">
        <label htmlFor="ex-search-q">{t('exSearchLabel')}</label>
        <div className="zl-ex-search-row">
          <input
            id="ex-search-q"
            type="search"
            className="krds-input"
            value={q}
            maxLength={200}
            onChange={(e) => setQ(e.target.value)}
            aria-describedby="ex-search-hint"
          />
          <button type="submit" className="krds-btn primary medium">
            {t('exSearchButton')}
          </button>
        </div>
        <p className="form-hint" id="ex-search-hint">
          {t('exSearchHint')}
        </p>
      </div>
      <div className="zl-filter-fields">
        <FilterSelect id="ex-f-type" label={t('exFilterType')} value={filters.type} onChange={set('type')}
          options={[{ value: 'exemption', label: t('exTypeExemption') }, { value: 'regulation', label: t('exTypeRegulation') }]} />
        <FilterSelect id="ex-f-kind" label={t('exKind')} value={filters.kind} onChange={set('kind')}
          options={EXEMPTION_KINDS.map((k) => ({ value: k, label: kindText(k, t) }))} />
        <FilterSelect id="ex-f-ministry" label={t('exMinistry')} value={filters.ministry} onChange={set('ministry')} options={ministries} />
        <FilterSelect id="ex-f-zone" label={t('exZone')} value={filters.zone} onChange={set('zone')}
          options={(zones ?? []).map((z) => ({ value: z.id, label: refTextString(z.name, lang) }))} />
        <FilterSelect id="ex-f-state" label={t('exState')} value={filters.state} onChange={set('state')}
          options={EXEMPTION_FILTER_STATES.map((s) => ({ value: s, label: stateText(s, t) }))} />
        <FilterSelect id="ex-f-stage" label={t('exStage')} value={filters.stage} onChange={set('stage')}
          options={STAGES.map((s) => ({ value: s, label: stageText(s, t) }))} />
        <FilterSelect id="ex-f-year" label={t('exYear')} value={filters.year} onChange={set('year')} options={years.map((y) => ({ value: y, label: y }))} />
      </div>
    </form>
  );
}

const FIELD_KEYS = {
  title: 'exFieldTitle', conditions: 'exFieldConditions', zone: 'exFieldZone', regulations: 'exFieldRegulations',
  law: 'exFieldLaw', body: 'exFieldBody', ministry: 'exFieldMinistry',
} as const;

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useApp();
  const href = hit.type === 'exemption' ? `/exemptions/${hit.id}` : `/regulations/${hit.id}`;
  return (
    <li className="zl-ex-hit" data-testid="search-hit" data-type={hit.type}>
      <p className="zl-ex-hit-meta">
        <span className={`krds-badge ${hit.type === 'exemption' ? 'bg-light-primary' : 'bg-light-gray'}`}>
          {hit.type === 'exemption' ? t('exTypeExemption') : t('exTypeRegulation')}
        </span>
        {hit.kind ? <span>{kindText(hit.kind, t)}</span> : null}
        {hit.state ? <ExemptionStateBadge state={hit.state} /> : null}
        <span>{hit.year}</span>
        {hit.demo ? <DemoBadge /> : null}
      </p>
      <h3 className="zl-ex-hit-title">
        <Link href={href}>
          <RefText value={hit.title} />
        </Link>
      </h3>
      <p className="zl-ex-hit-where">
        {hit.zone ? (
          <span data-testid="search-hit-zone">
            {t('exZone')}: <RefText value={hit.zone.name} notice={false} />
          </span>
        ) : null}
        {hit.law ? (
          <span>
            <RefText value={hit.law} notice={false} /> {hit.article ? articleText(hit.article, null, t) : null}
          </span>
        ) : null}
        {hit.stages.length > 0 ? <span>{hit.stages.map((s) => stageText(s, t)).join(' · ')}</span> : null}
      </p>
      {hit.snippets.length > 0 ? (
        <ul className="zl-ex-snippets">
          {hit.snippets.slice(0, 3).map((s, i) => (
            <li key={i}>
              <span className="zl-ex-snippet-field">{s.field in FIELD_KEYS ? t(FIELD_KEYS[s.field as keyof typeof FIELD_KEYS]) : s.field}</span>{' '}
              <Highlighted text={s.text} ranges={s.highlights} />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
