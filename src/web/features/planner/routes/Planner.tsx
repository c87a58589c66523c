// The consortium planner: which eligible regions, together, cover a converged project's needs.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { api, ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { catalogueQuery, municipalitiesQuery, provincesQuery } from '../../../shared/data/reference-data.ts';
import { INTL_LOCALE, type Lang, type Translate } from '../../../i18n/index.ts';
import { Link, navigate } from '../../../shared/router.tsx';
import type {
  CatalogueEntry,
  Me,
  NeedCoverage,
  PlannerAnswer,
  PlannerQuery,
  PlannerResult,
  PlanningRequestItem,
  Region,
  RegionRole,
} from '../../../shared/types.ts';
import { Alert, Field, Loading, normalisePath, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { catalogueName, DateTime, pickRegionName } from '../../../shared/ui/text.tsx';
import { loadBoundaries, MUNICIPALITIES, PROVINCES, type Boundary } from '../../../shared/map/geo.ts';
import { RegionMap, type MapArea } from '../../../shared/map/RegionMap.tsx';
import { MapLegend } from '../../../shared/map/MapLegend.tsx';
import { plansApi } from '../../plans/index.ts';
import { GROUP_KEYS } from '../components/Inventory.tsx';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';
import { ShowMore, usePaged } from '../../../shared/data/paged.tsx';

type Level = PlannerQuery['level'];
interface CapRow {
  id: number;
  key: string;
  min: string;
}
interface FormState {
  level: Level;
  caps: CapRow[];
  stages: string[];
  exemptions: string[];
  include: string[];
  exclude: string[];
  contiguous: boolean;
  maxRegions: string;
  objective: PlannerQuery['objective'];
  alternatives: number;
}

let rowIds = 0;
const newRow = (key = '', min = ''): CapRow => ({ id: ++rowIds, key, min });

function ownRegionFor(user: Me, level: Level): string[] {
  const code = user.organisation.regionCode;
  if (user.organisation.kind !== 'local_government' || !code) return [];
  return (level === 'province' ? code.length === 2 : code.length === 5) ? [code] : [];
}

function initialForm(user: Me): FormState {
  return {
    level: 'province',
    caps: [newRow()],
    stages: [],
    exemptions: [],
    include: ownRegionFor(user, 'province'),
    exclude: [],
    contiguous: true,
    maxRegions: '',
    objective: 'fewest',
    alternatives: 2,
  };
}

/** A saved request's query back into the form (ignoring anything it does not recognise). */
function formFromQuery(query: unknown, fallback: FormState): FormState {
  if (!query || typeof query !== 'object') return fallback;
  const q = query as Partial<PlannerQuery>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const caps = Array.isArray(q.needs?.capabilities)
    ? q.needs.capabilities
        .filter((c) => c && typeof c.key === 'string' && typeof c.min === 'number')
        .map((c) => newRow(c.key, String(c.min)))
    : [];
  return {
    level: q.level === 'municipality' ? 'municipality' : 'province',
    caps: caps.length > 0 ? caps : [newRow()],
    stages: strings(q.needs?.stages),
    exemptions: strings(q.needs?.exemptions),
    include: strings(q.include),
    exclude: strings(q.exclude),
    contiguous: q.contiguous === true,
    maxRegions: typeof q.maxRegions === 'number' ? String(q.maxRegions) : '',
    objective: q.objective === 'cost' ? 'cost' : 'fewest',
    alternatives: typeof q.alternatives === 'number' ? Math.max(0, Math.min(5, q.alternatives)) : 2,
  };
}

interface FieldErrors {
  caps: Record<number, string>;
  stages: Record<string, string>;
  exemptions: Record<string, string>;
  include?: string;
  exclude?: string;
  maxRegions?: string;
  needs?: string;
  other: string[];
}
const noErrors = (): FieldErrors => ({ caps: {}, stages: {}, exemptions: {}, other: [] });

/** Places the server's `errors[]` (paths like /body/needs/capabilities/0) next to the fields sent. */
function placeErrors(error: unknown, query: PlannerQuery, rows: CapRow[]): FieldErrors {
  const out = noErrors();
  if (!(error instanceof ApiError)) return out;
  for (const item of error.fieldErrors) {
    const path = normalisePath(item.path);
    let m: RegExpExecArray | null;
    if ((m = /^needs\.capabilities\.(\d+)/.exec(path))) {
      const row = rows[Number(m[1])];
      if (row) {
        out.caps[row.id] = out.caps[row.id] ? `${out.caps[row.id]} ${item.message}` : item.message;
        continue;
      }
    } else if ((m = /^needs\.(stages|exemptions)\.(\d+)/.exec(path))) {
      const field = m[1] as 'stages' | 'exemptions';
      const key = query.needs[field][Number(m[2])];
      if (key) {
        out[field][key] = item.message;
        continue;
      }
    } else if ((m = /^(include|exclude|maxRegions)(\.|$)/.exec(path))) {
      const field = m[1] as 'include' | 'exclude' | 'maxRegions';
      out[field] = out[field] ? `${out[field]} ${item.message}` : item.message;
      continue;
    } else if (path === 'needs' || path.startsWith('needs.')) {
      out.needs = item.message;
      continue;
    }
    out.other.push(item.message);
  }
  return out;
}

export function regionLabel(code: string, index: Map<string, Region>, lang: Lang): { text: string; lang?: Lang } {
  const region = index.get(code);
  if (!region) return { text: code };
  const own = pickRegionName(region.name, lang);
  if (region.level === 'province' || !region.parentCode) return own.lang === lang ? { text: own.text } : own;
  const parent = index.get(region.parentCode);
  const parentName = parent ? pickRegionName(parent.name, lang).text : region.parentCode;
  return { text: `${parentName} ${own.text}`, ...(own.lang === lang ? {} : { lang: own.lang }) };
}

function RegionLabel({ code, index }: { code: string; index: Map<string, Region> }) {
  const { lang } = useApp();
  const label = regionLabel(code, index, lang);
  return label.lang ? <span lang={label.lang}>{label.text}</span> : <>{label.text}</>;
}

const regionText = (code: string, index: Map<string, Region>, lang: Lang) => regionLabel(code, index, lang).text;
const listText = (codes: string[], index: Map<string, Region>, lang: Lang) =>
  codes.map((c) => regionText(c, index, lang)).join(', ');

function needName(ref: NeedCoverage['ref'], catalogue: CatalogueEntry[], lang: Lang): string {
  return catalogueName(catalogue.find((e) => e.key === ref.key)?.name, lang, ref.key);
}

const number = (value: number, lang: Lang, digits = 2) =>
  new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: digits }).format(value);

export function PlannerPage() {
  const { t, user } = useApp();
  useTitle(t('plannerTitle'));

  useEffect(() => {
    if (user === null) navigate(`/login?next=${encodeURIComponent('/planner')}`, { replace: true });
  }, [user]);

  if (!user) return <Loading />;
  return <Planner key={user.id} user={user} />;
}

function Planner({ user }: { user: Me }) {
  const { t, lang } = useApp();
  const catalogue = useQuery(catalogueQuery);
  const provinces = useQuery(provincesQuery).data;
  const [form, setForm] = useState<FormState>(() => initialForm(user));
  const municipalities = useQuery({ ...municipalitiesQuery, enabled: form.level === 'municipality' }).data;
  const [localErrors, setLocalErrors] = useState<FieldErrors>(noErrors);
  const [serverError, setServerError] = useState<unknown>(null);
  const [placed, setPlaced] = useState<FieldErrors>(noErrors);
  const [result, setResult] = useState<{ query: PlannerQuery; result: PlannerResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedVersion, setSavedVersion] = useState(0);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const canSave = user.organisation.kind === 'local_government' || user.organisation.kind === 'ministry';

  const index = useMemo(
    () => new Map([...(provinces ?? []), ...(municipalities ?? [])].map((r) => [r.code, r])),
    [provinces, municipalities],
  );

  const update = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = noErrors();
    const seen = new Set<string>();
    const capabilities: PlannerQuery['needs']['capabilities'] = [];
    for (const row of form.caps) {
      // A row left empty is ignored.
      if (row.key === '' && row.min.trim() === '') continue;
      const min = Number(row.min);
      if (row.key === '') errors.caps[row.id] = t('plannerChooseCapability');
      else if (seen.has(row.key)) errors.caps[row.id] = t('plannerDuplicateCapability');
      else if (row.min.trim() === '' || !Number.isFinite(min) || min <= 0) errors.caps[row.id] = t('plannerMinPositive');
      else capabilities.push({ key: row.key, min });
      seen.add(row.key);
    }
    const maxRegions = form.maxRegions.trim() === '' ? undefined : Number(form.maxRegions);
    if (maxRegions !== undefined && (!Number.isInteger(maxRegions) || maxRegions < 1 || maxRegions > 50)) {
      errors.maxRegions = t('plannerMaxRegionsInvalid');
    }
    if (capabilities.length === 0 && form.stages.length === 0 && form.exemptions.length === 0 && Object.keys(errors.caps).length === 0) {
      errors.needs = t('plannerNeedsRequired');
    }
    setLocalErrors(errors);
    if (Object.keys(errors.caps).length > 0 || errors.maxRegions || errors.needs) {
      const firstRow = form.caps.find((r) => errors.caps[r.id]);
      document.getElementById(firstRow ? `planner-cap-key-${firstRow.id}` : errors.maxRegions ? 'planner-max' : 'planner-needs')?.focus();
      return;
    }
    const sentRows = form.caps.filter((r) => r.key !== '' && r.min.trim() !== '');
    const query: PlannerQuery = {
      level: form.level,
      needs: {
        capabilities,
        stages: (catalogue.data ?? []).filter((e) => e.group === 'stage' && form.stages.includes(e.key)).map((e) => e.key),
        exemptions: (catalogue.data ?? [])
          .filter((e) => e.group === 'exemption' && form.exemptions.includes(e.key))
          .map((e) => e.key),
      },
      include: form.include,
      exclude: form.exclude,
      allowCapitalArea: false,
      contiguous: form.contiguous,
      ...(maxRegions !== undefined ? { maxRegions } : {}),
      objective: form.objective,
      alternatives: form.alternatives,
    };
    setBusy(true);
    setServerError(null);
    setPlaced(noErrors());
    setResult(null);
    try {
      const answer = await api.solvePlan(query);
      setResult({ query, result: answer });
      window.setTimeout(() => resultRef.current?.focus(), 0);
    } catch (err) {
      setResult(null);
      setServerError(err);
      setPlaced(placeErrors(err, query, sentRows));
    } finally {
      setBusy(false);
    }
  };

  const capError = (row: CapRow) => localErrors.caps[row.id] ?? placed.caps[row.id];
  const stageError = (key: string) => placed.stages[key];
  const exemptionError = (key: string) => placed.exemptions[key];

  if (catalogue.error) return <ProblemAlert error={catalogue.error} />;
  if (!catalogue.data || !provinces) return <Loading />;
  const entries = catalogue.data;
  const capabilityEntries = entries.filter((e) => e.group === 'asset' || e.group === 'cluster');
  const levelRegions = (form.level === 'province' ? provinces : (municipalities ?? [])).filter(
    (r) => r.eligible && !r.capitalArea,
  );

  return (
    <>
      <h1 className="zl-page-title">{t('plannerTitle')}</h1>
      <p className="zl-lead">{t('plannerLead')}</p>

      <form className="zl-form zl-planner-form" onSubmit={submit} noValidate aria-labelledby="planner-form-title" data-testid="planner-form">
        <h2 id="planner-form-title" className="sr-only">
          {t('plannerFormTitle')}
        </h2>
        {serverError ? <PlannerProblem error={serverError} other={placed.other} /> : null}

        <fieldset className="zl-fieldset" id="planner-needs" tabIndex={-1} aria-describedby={localErrors.needs || placed.needs ? 'planner-needs-error' : undefined}>
          <legend>{t('plannerNeeds')}</legend>
          <p className="zl-hint">{t('plannerNeedsLead')}</p>
          {localErrors.needs || placed.needs ? (
            <p className="form-hint-invalid" id="planner-needs-error">
              {localErrors.needs ?? placed.needs}
            </p>
          ) : null}

          <h3 className="zl-subheading" id="planner-caps-title">
            {t('plannerCapabilities')}
          </h3>
          <ul className="zl-need-rows" aria-labelledby="planner-caps-title">
            {form.caps.map((row, i) => {
              const message = capError(row);
              const keyId = `planner-cap-key-${row.id}`;
              const minId = `planner-cap-min-${row.id}`;
              const errorId = `planner-cap-error-${row.id}`;
              return (
                <li key={row.id} className={`zl-need-row${message ? ' is-error' : ''}`} data-testid="need-row">
                  <div className="form-group">
                    <label htmlFor={keyId}>{t('plannerCapability', { n: i + 1 })}</label>
                    <select
                      id={keyId}
                      className="krds-form-select completed"
                      value={row.key}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? errorId : undefined}
                      onChange={(e) => update({ caps: form.caps.map((r) => (r.id === row.id ? { ...r, key: e.target.value } : r)) })}
                    >
                      <option value="">{t('plannerChooseCapabilityOption')}</option>
                      {(['asset', 'cluster'] as const).map((group) => (
                        <optgroup key={group} label={t(GROUP_KEYS[group])}>
                          {capabilityEntries
                            .filter((e) => e.group === group)
                            .map((e) => (
                              <option key={e.key} value={e.key}>
                                {catalogueName(e.name, lang, e.key)}
                              </option>
                            ))}
                        </optgroup>
                      ))}
                    </select>
                  </div>
                  <div className="form-group zl-min">
                    <label htmlFor={minId}>{t('plannerMinimum')}</label>
                    <input
                      id={minId}
                      className="krds-input"
                      type="number"
                      inputMode="decimal"
                      min={0}
                      step="any"
                      value={row.min}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? errorId : undefined}
                      onChange={(e) => update({ caps: form.caps.map((r) => (r.id === row.id ? { ...r, min: e.target.value } : r)) })}
                    />
                  </div>
                  <div className="zl-need-remove">
                    <button
                      type="button"
                      className="krds-btn small tertiary"
                      onClick={() => update({ caps: form.caps.length > 1 ? form.caps.filter((r) => r.id !== row.id) : [newRow()] })}
                      aria-label={t('plannerRemoveCapability', { n: i + 1 })}
                    >
                      {t('plannerRemove')}
                    </button>
                  </div>
                  {message ? (
                    <p className="form-hint-invalid zl-need-error" id={errorId} data-testid="need-error">
                      {message}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p>
            <button
              type="button"
              className="krds-btn secondary small"
              onClick={() => update({ caps: [...form.caps, newRow()] })}
              disabled={form.caps.length >= 30}
              data-testid="add-capability"
            >
              <i className="svg-icon ico-plus" aria-hidden="true" /> {t('plannerAddCapability')}
            </button>
          </p>

          {(['stage', 'exemption'] as const).map((group) => {
            const field = group === 'stage' ? 'stages' : 'exemptions';
            const errorOf = group === 'stage' ? stageError : exemptionError;
            return (
              <fieldset key={group} className="zl-fieldset zl-fieldset-inner">
                <legend>{group === 'stage' ? t('plannerStages') : t('plannerExemptions')}</legend>
                <div className="zl-check-grid">
                  {entries
                    .filter((e) => e.group === group)
                    .map((e) => {
                      const id = `planner-${group}-${e.key}`;
                      const message = errorOf(e.key);
                      return (
                        <div key={e.key} className={`krds-form-check${message ? ' is-error' : ''}`}>
                          <input
                            type="checkbox"
                            id={id}
                            checked={form[field].includes(e.key)}
                            aria-invalid={message ? true : undefined}
                            aria-describedby={message ? `${id}-error` : undefined}
                            onChange={(ev) =>
                              update({
                                [field]: ev.target.checked
                                  ? [...new Set([...form[field], e.key])]
                                  : form[field].filter((k) => k !== e.key),
                              })
                            }
                          />
                          <label htmlFor={id}>{catalogueName(e.name, lang, e.key)}</label>
                          {message ? (
                            <p className="form-hint-invalid" id={`${id}-error`} data-testid="need-error">
                              {message}
                            </p>
                          ) : null}
                        </div>
                      );
                    })}
                </div>
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset className="zl-fieldset">
          <legend>{t('plannerConstraints')}</legend>
          <div className="zl-two-col">
            <fieldset className="zl-radio-group">
              <legend>{t('plannerLevel')}</legend>
              {(['province', 'municipality'] as const).map((level) => (
                <div key={level} className="krds-form-check">
                  <input
                    type="radio"
                    id={`planner-level-${level}`}
                    name="planner-level"
                    checked={form.level === level}
                    onChange={() =>
                      update({ level, include: ownRegionFor(user, level), exclude: [] })
                    }
                  />
                  <label htmlFor={`planner-level-${level}`}>
                    {level === 'province' ? t('plannerLevelProvince') : t('plannerLevelMunicipality')}
                  </label>
                </div>
              ))}
            </fieldset>
            <fieldset className="zl-radio-group">
              <legend>{t('plannerObjective')}</legend>
              {(['fewest', 'cost'] as const).map((objective) => (
                <div key={objective} className="krds-form-check">
                  <input
                    type="radio"
                    id={`planner-objective-${objective}`}
                    name="planner-objective"
                    checked={form.objective === objective}
                    aria-describedby={objective === 'cost' ? 'planner-objective-cost-hint' : undefined}
                    onChange={() => update({ objective })}
                  />
                  <label htmlFor={`planner-objective-${objective}`}>
                    {objective === 'fewest' ? t('plannerObjectiveFewest') : t('plannerObjectiveCost')}
                  </label>
                </div>
              ))}
              <p className="form-hint" id="planner-objective-cost-hint">
                {t('plannerObjectiveCostHint')}
              </p>
            </fieldset>
          </div>
          <div className="krds-form-check zl-contiguous">
            <input
              type="checkbox"
              id="planner-contiguous"
              checked={form.contiguous}
              aria-describedby="planner-contiguous-hint"
              onChange={(e) => update({ contiguous: e.target.checked })}
            />
            <label htmlFor="planner-contiguous">{t('plannerContiguous')}</label>
            <p className="form-hint" id="planner-contiguous-hint">
              {t('plannerContiguousHint')}
            </p>
          </div>
          <div className="zl-two-col">
            <Field
              id="planner-max"
              label={
                <>
                  {t('plannerMaxRegions')} <span className="zl-optional">({t('optional')})</span>
                </>
              }
              hint={t('plannerMaxRegionsHint')}
              error={localErrors.maxRegions ?? placed.maxRegions}
            >
              {(aria) => (
                <input
                  {...aria}
                  className="krds-input"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={50}
                  step={1}
                  value={form.maxRegions}
                  onChange={(e) => update({ maxRegions: e.target.value })}
                />
              )}
            </Field>
            <Field id="planner-alternatives" label={t('plannerAlternatives')} hint={t('plannerAlternativesHint')}>
              {(aria) => (
                <select
                  {...aria}
                  className="krds-form-select completed"
                  value={form.alternatives}
                  onChange={(e) => update({ alternatives: Number(e.target.value) })}
                >
                  {[0, 1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="zl-two-col">
            <RegionPicker
              id="planner-include"
              label={t('plannerInclude')}
              hint={form.level === 'province' ? t('plannerIncludeHint') : t('plannerIncludeHintMunicipality')}
              chosen={form.include}
              other={form.exclude}
              regions={levelRegions}
              index={index}
              error={placed.include}
              onChange={(include) => update({ include })}
            />
            <RegionPicker
              id="planner-exclude"
              label={t('plannerExclude')}
              hint={t('plannerExcludeHint')}
              chosen={form.exclude}
              other={form.include}
              regions={levelRegions}
              index={index}
              error={placed.exclude}
              onChange={(exclude) => update({ exclude })}
            />
          </div>
        </fieldset>

        <div className="zl-actions">
          <button type="submit" className="krds-btn primary large" disabled={busy} data-testid="planner-submit">
            {busy ? t('plannerSolving') : t('plannerSubmit')}
          </button>
          <p className="zl-loading zl-inline-status" role="status">
            {busy ? t('plannerSolving') : ''}
          </p>
        </div>
      </form>

      {result ? (
        <PlannerResultView
          key={JSON.stringify(result.query)}
          query={result.query}
          result={result.result}
          catalogue={entries}
          index={index}
          headingRef={resultRef}
          canSave={canSave}
          onSaved={() => setSavedVersion((v) => v + 1)}
        />
      ) : null}

      {canSave ? (
        <SavedRequests
          version={savedVersion}
          index={index}
          onLoad={(query) => {
            setForm(formFromQuery(query, initialForm(user)));
            setLocalErrors(noErrors());
            setPlaced(noErrors());
            setServerError(null);
            document.getElementById('planner-form-title')?.scrollIntoView();
            document.getElementById(`planner-level-province`)?.focus();
          }}
        />
      ) : null}
    </>
  );
}

function PlannerProblem({ error, other }: { error: unknown; other: string[] }) {
  const { t } = useApp();
  const problem = error instanceof ApiError ? error.problem : null;
  const located = error instanceof ApiError ? error.fieldErrors.length - other.length : 0;
  return (
    <Alert kind="error" title={problem?.status === 422 ? (problem.title ?? t('plannerInfeasible')) : (problem?.title ?? t('errorGeneric'))}>
      {problem && problem.status !== 0 ? null : <p>{t('errorNetwork')}</p>}
      {located > 0 ? <p>{t('plannerSeeFields')}</p> : null}
      {other.length > 0 ? (
        <ul className="zl-alert-list">
          {other.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : null}
      {problem && located === 0 && other.length === 0 && problem.detail ? <p>{problem.detail}</p> : null}
    </Alert>
  );
}

function RegionPicker({
  id,
  label,
  hint,
  chosen,
  other,
  regions,
  index,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  chosen: string[];
  other: string[];
  regions: Region[];
  index: Map<string, Region>;
  error: string | undefined;
  onChange: (codes: string[]) => void;
}) {
  const { t, lang } = useApp();
  const [pick, setPick] = useState('');
  const available = regions.filter((r) => !chosen.includes(r.code) && !other.includes(r.code));
  const groups = useMemo(() => {
    const byParent = new Map<string, Region[]>();
    for (const r of available) {
      const key = r.parentCode ?? '';
      byParent.set(key, [...(byParent.get(key) ?? []), r]);
    }
    return [...byParent.entries()];
  }, [available]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const labelId = `${id}-label`;
  return (
    <div className={`form-group zl-region-picker${error ? ' is-error' : ''}`}>
      <div className="form-tit">
        <label htmlFor={id} id={labelId}>
          {label}
        </label>
      </div>
      <div className="zl-picker-row">
        <select
          id={id}
          className="krds-form-select completed"
          value={pick}
          aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setPick(e.target.value)}
        >
          <option value="">{t('plannerChooseRegion')}</option>
          {groups.map(([parent, items]) =>
            parent ? (
              <optgroup key={parent} label={index.get(parent) ? pickRegionName(index.get(parent)!.name, lang).text : parent}>
                {items.map((r) => (
                  <option key={r.code} value={r.code}>
                    {pickRegionName(r.name, lang).text}
                  </option>
                ))}
              </optgroup>
            ) : (
              items.map((r) => (
                <option key={r.code} value={r.code}>
                  {pickRegionName(r.name, lang).text}
                </option>
              ))
            ),
          )}
        </select>
        <button
          type="button"
          className="krds-btn secondary medium"
          disabled={!pick}
          aria-describedby={labelId}
          onClick={() => {
            if (pick) onChange([...chosen, pick]);
            setPick('');
          }}
        >
          {t('plannerAdd')}
        </button>
      </div>
      {error ? (
        <p className="form-hint-invalid" id={errorId}>
          {error}
        </p>
      ) : null}
      <p className="form-hint" id={hintId}>
        {hint}
      </p>
      {chosen.length > 0 ? (
        <ul className="zl-chips" aria-label={label} data-testid={`${id}-chips`}>
          {chosen.map((code) => {
            const name = regionText(code, index, lang);
            return (
              <li key={code} className="zl-chip" data-code={code}>
                <RegionLabel code={code} index={index} />
                <button
                  type="button"
                  className="zl-chip-remove"
                  aria-label={t('plannerRemoveRegion', { name })}
                  onClick={() => onChange(chosen.filter((c) => c !== code))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="zl-muted">{t('plannerNoRegions')}</p>
      )}
    </div>
  );
}

function statusText(result: PlannerResult, t: Translate): string {
  if (result.status === 'optimal') return t('plannerStatusOptimal');
  if (result.status === 'feasible') return t('plannerStatusFeasible');
  return t('plannerStatusUnknown');
}

function objectiveText(answer: PlannerAnswer, objective: PlannerQuery['objective'], t: Translate, lang: Lang): string {
  return objective === 'fewest' ? t('plannerRegionsCount', { count: answer.count }) : t('plannerCostValue', { cost: number(answer.cost, lang) });
}

function PlannerResultView({
  query,
  result,
  catalogue,
  index,
  headingRef,
  canSave,
  onSaved,
}: {
  query: PlannerQuery;
  result: PlannerResult;
  catalogue: CatalogueEntry[];
  index: Map<string, Region>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  canSave: boolean;
  onSaved: () => void;
}) {
  const { t, lang } = useApp();
  const answers = useMemo(() => (result.best ? [result.best, ...result.alternatives] : []), [result]);
  const [selected, setSelected] = useState(0);
  const answer = answers[selected];
  const explanation = result.explanation.answers[selected];
  const tone = result.status === 'optimal' ? 'bg-light-success' : result.status === 'feasible' ? 'bg-light-warning' : 'bg-light-gray';

  return (
    <section className="zl-section zl-planner-result" aria-labelledby="planner-result-title" data-testid="planner-result">
      <div className="zl-title-row">
        <h2 id="planner-result-title" ref={headingRef} tabIndex={-1}>
          {t('plannerResult')}
        </h2>
        <span className={`krds-badge ${tone}`} data-testid="planner-status" data-status={result.status}>
          {statusText(result, t)}
        </span>
      </div>
      {result.best ? (
        <p className="zl-lead" data-testid="planner-summary">
          {result.status === 'optimal'
            ? t('plannerSummaryOptimal', { regions: listText(result.best.regions, index, lang), objective: objectiveText(result.best, query.objective, t, lang) })
            : t('plannerSummaryFeasible', {
                regions: listText(result.best.regions, index, lang),
                objective: objectiveText(result.best, query.objective, t, lang),
                gap: number((result.gap ?? 0) * 100, lang, 1),
              })}
        </p>
      ) : (
        <Alert kind="warning">
          <p>{t('plannerNoAnswer')}</p>
        </Alert>
      )}
      <dl className="zl-dl zl-stats" data-testid="planner-stats">
        <dt>{t('plannerOptimality')}</dt>
        <dd>{result.status === 'optimal' ? t('plannerProven') : t('plannerNotProven')}</dd>
        <dt>{t('plannerGap')}</dt>
        <dd>{result.gap === null ? '—' : `${number(result.gap * 100, lang, 1)} %`}</dd>
        <dt>{t('plannerBound')}</dt>
        <dd>{result.bound === null ? '—' : number(result.bound, lang)}</dd>
        <dt>{t('plannerTime')}</dt>
        <dd>{t('plannerMilliseconds', { ms: number(result.elapsedMs, lang, 0) })}</dd>
        <dt>{t('plannerNodes')}</dt>
        <dd>{number(result.nodes, lang, 0)}</dd>
      </dl>

      {answer && explanation ? (
        <>
          {answers.length > 1 ? (
            <fieldset className="zl-fieldset zl-answers" data-testid="planner-answers">
              <legend>{t('plannerAnswers')}</legend>
              {answers.map((a, i) => {
                const comparison = result.explanation.answers[i]?.comparison;
                return (
                  <div key={a.regions.join('-')} className="krds-form-check zl-answer">
                    <input
                      type="radio"
                      id={`planner-answer-${i}`}
                      name="planner-answer"
                      checked={selected === i}
                      aria-describedby={comparison ? `planner-answer-${i}-cmp` : undefined}
                      onChange={() => setSelected(i)}
                    />
                    <label htmlFor={`planner-answer-${i}`}>
                      <span>
                        <strong>{i === 0 ? t('plannerBest') : t('plannerAlternative', { n: i })}</strong>:{' '}
                        {listText(a.regions, index, lang)} — {objectiveText(a, query.objective, t, lang)}
                      </span>
                    </label>
                    {comparison ? (
                      <p className="form-hint" id={`planner-answer-${i}-cmp`}>
                        {comparison.tie
                          ? t('plannerTie', { regions: listText(comparison.regions, index, lang) })
                          : comparison.against === 'next'
                            ? t('plannerBetterThanNext', {
                                regions: listText(comparison.regions, index, lang),
                                delta: number(Math.abs(comparison.objectiveDelta), lang),
                              })
                            : t('plannerWorseThanBest', { delta: number(Math.abs(comparison.objectiveDelta), lang) })}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          ) : null}

          <div className="zl-map-layout zl-planner-layout">
            <PlannerMap level={query.level} answer={answer} roles={explanation.regions} index={index} />
            <RolesList roles={explanation.regions} answer={answer} catalogue={catalogue} index={index} />
          </div>
          <CoverageTable answer={answer} roles={explanation.regions} catalogue={catalogue} index={index} />
          {canSave ? <SaveRequest query={query} onSaved={onSaved} /> : null}
        </>
      ) : null}
    </section>
  );
}

function PlannerMap({
  level,
  answer,
  roles,
  index,
}: {
  level: Level;
  answer: PlannerAnswer;
  roles: RegionRole[];
  index: Map<string, Region>;
}) {
  const { t, lang } = useApp();
  const [boundaries, setBoundaries] = useState<Boundary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setBoundaries(null);
    loadBoundaries(level === 'province' ? PROVINCES : MUNICIPALITIES)
      .then((b) => live && setBoundaries(b))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [level]);

  const areas = useMemo(() => {
    const byCode = new Map<string, MapArea>();
    const order = new Map(answer.regions.map((c, i) => [c, i + 1]));
    const roleOf = new Map(roles.map((r) => [r.code, r]));
    for (const b of boundaries ?? []) {
      const code = b.properties.code;
      const region = index.get(code);
      const capital = region ? region.capitalArea || !region.eligible : ['11', '23', '31'].includes(code.slice(0, 2));
      const n = order.get(code);
      const name = region ? regionText(code, index, lang) : lang === 'ko' ? b.properties.name : b.properties.name_eng;
      const role = roleOf.get(code);
      byCode.set(code, {
        code,
        href: `/regions/${code}`,
        label: n
          ? t('plannerMapLabel', { n, name, count: role?.contributes.length ?? 0 })
          : name,
        kind: n ? 'selected' : capital ? 'capital' : 'muted',
        linked: n !== undefined,
        ...(n ? { marker: String(n) } : {}),
      });
    }
    return byCode;
  }, [boundaries, answer, roles, index, lang, t]);

  if (failed) {
    return (
      <Alert kind="warning">
        <p>{t('mapUnavailable')}</p>
      </Alert>
    );
  }
  return (
    <figure className="zl-map-figure zl-planner-map" data-testid="planner-map">
      <figcaption id="planner-map-title" className="zl-map-caption">
        {t('plannerMapTitle')}
      </figcaption>
      {boundaries ? (
        <RegionMap
          boundaries={boundaries}
          areas={areas}
          width={480}
          height={560}
          labelledBy="planner-map-title"
          className="zl-planner-svg"
          areaClass={level === 'province' ? 'province' : 'municipality'}
          focus={answer.regions}
          connections={(answer.joins ?? []).flatMap((j) => (j.kind === 'border' ? [] : [{ a: j.a, b: j.b, kind: j.kind, label: j.note ?? '' }]))}
        />
      ) : (
        <Loading />
      )}
      <p className="zl-map-hint">{t('plannerMapHint')}</p>
      {(answer.joins ?? []).length > 0 ? (
        <>
          <p className="zl-hint" id="planner-joins-title">{t('plannerJoins')}</p>
          <ul className="zl-plain-list" data-testid="planner-joins" aria-labelledby="planner-joins-title">
            {(answer.joins ?? []).map((j) => (
              <li key={`${j.a}-${j.b}`} data-kind={j.kind}>
                <RegionLabel code={j.a} index={index} /> – <RegionLabel code={j.b} index={index} />:{' '}
                {t(j.kind === 'border' ? 'neighbourBorder' : j.kind === 'fixed' ? 'neighbourFixed' : 'neighbourFerry')}
                {j.note ? ` (${j.note})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <MapLegend kinds={['selected', 'muted', 'capital']} labels={{ selected: t('legendChosen') }} />
    </figure>
  );
}

function RolesList({
  roles,
  answer,
  catalogue,
  index,
}: {
  roles: RegionRole[];
  answer: PlannerAnswer;
  catalogue: CatalogueEntry[];
  index: Map<string, Region>;
}) {
  const { t, lang } = useApp();
  const needLabel = (id: string) => {
    const cov = answer.coverage.find((c) => c.need === id);
    return cov ? needName(cov.ref, catalogue, lang) : id;
  };
  const name = (key: string) => catalogueName(catalogue.find((e) => e.key === key)?.name, lang, key);
  return (
    <div className="zl-roles" data-testid="planner-roles">
      <h3 className="zl-subheading">{t('plannerRoles')}</h3>
      <ol className="zl-role-list">
        {answer.regions.map((code, i) => {
          const role = roles.find((r) => r.code === code);
          const adds = role
            ? [
                ...Object.entries(role.adds.capabilities).map(([k, q]) => `${name(k)} ${number(q, lang)}`),
                ...role.adds.stages.map(name),
                ...role.adds.exemptions.map(name),
              ]
            : [];
          return (
            <li key={code} className="zl-card zl-role" data-code={code}>
              <p className="zl-role-title">
                <span className="zl-role-number" aria-hidden="true">
                  {i + 1}
                </span>
                <Link href={`/regions/${code}`} className="zl-link">
                  <RegionLabel code={code} index={index} />
                </Link>
                {role?.included ? <span className="krds-badge bg-light-secondary">{t('plannerIncluded')}</span> : null}
                {role?.connector ? <span className="krds-badge bg-light-warning">{t('plannerConnector')}</span> : null}
              </p>
              <dl className="zl-role-dl">
                <dt>{t('plannerAdds')}</dt>
                <dd>{adds.length > 0 ? adds.join(', ') : t('plannerAddsNothing')}</dd>
                <dt>{t('plannerCritical')}</dt>
                <dd>
                  {role && role.critical.length > 0 ? role.critical.map(needLabel).join(', ') : t('plannerCriticalNone')}
                </dd>
                {role?.objectiveWithout !== undefined ? (
                  <>
                    <dt>{t('plannerWithout')}</dt>
                    <dd>{role.objectiveWithout === null ? t('plannerWithoutInfeasible') : number(role.objectiveWithout, lang)}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function CoverageTable({
  answer,
  roles,
  catalogue,
  index,
}: {
  answer: PlannerAnswer;
  roles: RegionRole[];
  catalogue: CatalogueEntry[];
  index: Map<string, Region>;
}) {
  const { t, lang } = useApp();
  const critical = new Map(roles.map((r) => [r.code, new Set(r.critical)]));
  const kindText = (kind: NeedCoverage['ref']['kind'], key: string) => {
    if (kind === 'stage') return t('plannerNeedStage');
    if (kind === 'exemption') return t('plannerNeedExemption');
    return catalogue.find((e) => e.key === key)?.group === 'cluster' ? t('inventoryGroupCluster') : t('inventoryGroupAsset');
  };
  return (
    <div className="zl-section">
      <h3 className="zl-subheading" id="planner-coverage-title">
        {t('plannerCoverage')}
      </h3>
      <p className="zl-hint">{t('plannerCoverageLead')}</p>
      <div className="krds-table-wrap" tabIndex={0} role="region" aria-labelledby="planner-coverage-title">
        <table className="tbl col data zl-table zl-coverage" data-testid="coverage-table">
          <caption className="sr-only">{t('plannerCoverageCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plannerNeed')}</th>
              <th scope="col" className="zl-num">
                {t('plannerRequired')}
              </th>
              {answer.regions.map((code, i) => (
                <th scope="col" key={code} className="zl-num">
                  <span className="zl-role-number" aria-hidden="true">
                    {i + 1}
                  </span>{' '}
                  <RegionLabel code={code} index={index} />
                </th>
              ))}
              <th scope="col" className="zl-num">
                {t('plannerTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {answer.coverage.map((cov) => (
              <tr key={cov.need} data-need={cov.need}>
                <th scope="row">
                  {needName(cov.ref, catalogue, lang)}
                  <span className="zl-need-kind">{kindText(cov.ref.kind, cov.ref.key)}</span>
                </th>
                <td className="zl-num">
                  {cov.ref.kind === 'capability' ? number(cov.ref.min, lang) : t('plannerAtLeastOne')}
                </td>
                {answer.regions.map((code) => {
                  const covers = cov.regions.includes(code);
                  const isCritical = critical.get(code)?.has(cov.need) ?? false;
                  return (
                    <td key={code} className={`zl-num${covers ? ' zl-covers' : ''}`} data-code={code}>
                      {covers ? (
                        <>
                          {cov.ref.kind === 'capability' ? (
                            number(cov.amounts?.[code] ?? 0, lang)
                          ) : (
                            <>
                              <span aria-hidden="true">✓</span>
                              <span className="sr-only">{t('plannerCovers')}</span>
                            </>
                          )}
                          {isCritical ? <span className="zl-critical">{t('plannerCriticalShort')}</span> : null}
                        </>
                      ) : (
                        <>
                          <span aria-hidden="true">—</span>
                          <span className="sr-only">{t('plannerDoesNotCover')}</span>
                        </>
                      )}
                    </td>
                  );
                })}
                <td className="zl-num">
                  {number(cov.total, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function SaveRequest({ query, onSaved }: { query: PlannerQuery; onSaved: () => void }) {
  const { t, user } = useApp();
  const [savedRegions, setSavedRegions] = useState<string[]>([]);
  const [starting, setStarting] = useState(false);
  const ownRegion = user?.organisation.kind === 'local_government' ? user.organisation.regionCode : null;
  const partners = ownRegion && savedRegions.includes(ownRegion) ? savedRegions.filter((code) => code !== ownRegion) : [];
  /** Starts a connected-zone plan led by the user's government, with the consortium's other regions invited. */
  const startPlan = async () => {
    if (!user || !ownRegion || !saved) return;
    setStarting(true);
    setError(null);
    try {
      const client = plansApi;
      let plan = await client.create({ model: 'connected', leadRegion: ownRegion, title: { ko: saved } });
      for (const code of partners) plan = await client.invite(plan, code);
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setStarting(false);
    }
  };
  const id = useId();
  const [title, setTitle] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setMissing(title.trim() === '');
    if (title.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.savePlanRequest(title.trim(), query);
      setSaved(result.title);
      setSavedRegions(result.regions);
      setTitle('');
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError =
    missing ? t('fieldRequired') : error instanceof ApiError ? error.fieldErrors.find((e) => normalisePath(e.path) === 'title')?.message : undefined;
  return (
    <form className="zl-form zl-card zl-save-request" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="save-request">
      <h3 id={`${id}-title`}>{t('plannerSaveTitle')}</h3>
      <p className="zl-hint">{t('plannerSaveLead')}</p>
      {error && !fieldError ? <ProblemAlert error={error} /> : null}
      {saved ? (
        <Alert kind="success">
          <p>{t('plannerSaved', { title: saved })}</p>
          {partners.length > 0 ? (
            <button type="button" className="krds-btn secondary medium" disabled={starting} onClick={() => void startPlan()} data-testid="start-plan">
              {t('plannerStartPlan', { count: partners.length })}
            </button>
          ) : null}
        </Alert>
      ) : null}
      <div className="zl-picker-row">
        <Field id="planner-request-title" label={t('plannerRequestTitle')} required error={fieldError}>
          {(aria) => (
            <input
              {...aria}
              className="krds-input"
              type="text"
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="save-request-submit">
          {t('plannerSaveButton')}
        </button>
      </div>
    </form>
  );
}

function SavedRequests({
  version,
  index,
  onLoad,
}: {
  version: number;
  index: Map<string, Region>;
  onLoad: (query: unknown) => void;
}) {
  const { t, lang } = useApp();
  const saved = usePaged(['planner-requests', version], api.listPlanRequests);
  const { items, error } = saved;
  const regionsOf = (item: PlanningRequestItem): string[] => {
    const result = item.result as { regions?: unknown } | null;
    return Array.isArray(result?.regions) ? result.regions.filter((c): c is string => typeof c === 'string') : [];
  };
  return (
    <section className="zl-section" aria-labelledby="planner-saved-title" data-testid="saved-requests">
      <h2 id="planner-saved-title">{t('plannerSavedList')}</h2>
      <p>{t('plannerSavedListLead')}</p>
      {error ? (
        <ProblemAlert error={error} />
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{t('plannerSavedNone')}</p>
      ) : (
        <TableFrame>
          <table className="tbl col data zl-table" data-testid="saved-requests-table">
            <caption className="sr-only">{t('plannerSavedList')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plannerRequestTitle')}</th>
                <th scope="col">{t('plannerSavedRegions')}</th>
                <th scope="col">{t('plannerSavedAt')}</th>
                <th scope="col">{t('tokenActions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.title}</th>
                  <td>{regionsOf(item).length > 0 ? listText(regionsOf(item), index, lang) : t('plannerSavedNoAnswer')}</td>
                  <td>
                    <DateTime iso={item.createdAt} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="krds-btn small tertiary"
                      aria-label={t('plannerLoadLabel', { title: item.title })}
                      onClick={() => onLoad(item.query)}
                    >
                      {t('plannerLoad')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ShowMore paged={saved} testId="saved-requests-more" />
        </TableFrame>
      )}
    </section>
  );
}
