// /projects/new: a company creates a demonstration project it leads — zone, exemptions used, partners, sites,
// products and services, period, milestones, KPIs, the conditions its data is checked against, safety plan and
// liability insurance (Decree Art. 60). Errors appear next to their fields, in the UI language.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.tsx';
import { navigate } from '../../router.tsx';
import { LoginFirst } from '../../components/LoginFirst.tsx';
import { useLoad } from '../../components/load.ts';
import { Alert, Field, Loading, normalisePath, ProblemAlert, useTitle } from '../../components/ui.tsx';
import { LocalText, refTextString } from '../../components/text.tsx';
import { projectsApi } from './client.ts';
import { frequencyText, useZones } from './common.tsx';
import { Repeater } from './Repeater.tsx';
import { SitesPicker } from './sites.tsx';
import { KPI_FREQUENCIES, type KpiFrequency, type ProjectInput } from './types.ts';

interface Draft {
  zoneId: string;
  titleKo: string;
  titleEn: string;
  summary: string;
  exemptionIds: string[];
  insuranceRequired: boolean;
  partners: string;
  sites: string[];
  products: { name: string }[];
  periodStart: string;
  periodEnd: string;
  milestones: { title: string; due: string; done: boolean }[];
  kpis: { name: string; unit: string; target: string; frequency: KpiFrequency }[];
  maxSpeed: string;
  maxAltitude: string;
  maxLoad: string;
  maxPeople: string;
  windowStart: string;
  windowEnd: string;
  requireDevice: boolean;
  requirePosition: boolean;
  safetyPlan: string;
  insurer: string;
  policyNumber: string;
  death: string;
  injury: string;
  disability: string;
  property: string;
  validFrom: string;
  validUntil: string;
}

const EMPTY: Draft = {
  zoneId: '', titleKo: '', titleEn: '', summary: '', exemptionIds: [], insuranceRequired: true, partners: '', sites: [], products: [{ name: '' }],
  periodStart: '', periodEnd: '', milestones: [], kpis: [{ name: '', unit: '', target: '', frequency: 'quarterly' }],
  maxSpeed: '', maxAltitude: '', maxLoad: '', maxPeople: '', windowStart: '', windowEnd: '', requireDevice: false, requirePosition: false,
  safetyPlan: '', insurer: '', policyNumber: '', death: '', injury: '', disability: '', property: '', validFrom: '', validUntil: '',
};

/** Decree Art. 60(1) minimum cover, KRW (shown as the hint of each amount). */
const MINIMUM = { death: 150_000_000, injury: 30_000_000, disability: 150_000_000, property: 1_000_000_000 } as const;
const COVER_FIELD = { death: 'deathPerPerson', injury: 'injuryPerPerson', disability: 'disabilityPerPerson', property: 'propertyPerAccident' } as const;
const LIMITS = [['maxSpeed', 'speed'], ['maxAltitude', 'altitude'], ['maxLoad', 'load'], ['maxPeople', 'people']] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const num = (s: string): number | null => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null);

/** The request body, the client-side problems by field, and which form field each rule came from. */
function build(d: Draft): { body: ProjectInput; problems: Record<string, 'required' | 'number' | 'time'>; ruleFields: string[] } {
  const problems: Record<string, 'required' | 'number' | 'time'> = {};
  const need = (path: string, value: string) => {
    if (value.trim() === '') problems[path] = 'required';
  };
  const number = (path: string, value: string, required: boolean) => {
    if (value.trim() === '') {
      if (required) problems[path] = 'required';
    } else if (num(value) === null) problems[path] = 'number';
  };
  need('zoneId', d.zoneId);
  need('title.ko', d.titleKo);
  need('summary.ko', d.summary);
  d.products.forEach((p, i) => need(`products.${i}.ko`, p.name));
  need('periodStart', d.periodStart);
  need('periodEnd', d.periodEnd);
  d.milestones.forEach((m, i) => {
    need(`milestones.${i}.title.ko`, m.title);
    need(`milestones.${i}.due`, m.due);
  });
  d.kpis.forEach((k, i) => {
    need(`kpis.${i}.name.ko`, k.name);
    need(`kpis.${i}.unit`, k.unit);
    number(`kpis.${i}.target`, k.target, true);
  });
  need('safetyPlan.ko', d.safetyPlan);

  const rules: unknown[] = [];
  const ruleFields: string[] = [];
  for (const [field, measure] of LIMITS) {
    number(field, d[field], false);
    const max = num(d[field]);
    if (max !== null) {
      rules.push({ id: `max-${measure}`, kind: 'maximum', measure, max });
      ruleFields.push(field);
    }
  }
  if (d.windowStart !== '' || d.windowEnd !== '') {
    if (!TIME.test(d.windowStart)) problems.windowStart = d.windowStart === '' ? 'required' : 'time';
    if (!TIME.test(d.windowEnd)) problems.windowEnd = d.windowEnd === '' ? 'required' : 'time';
    rules.push({ id: 'hours', kind: 'timeWindow', windows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: d.windowStart, end: d.windowEnd }] });
    ruleFields.push('windowStart');
  }
  const fields = [...(d.requireDevice ? ['deviceId'] : []), ...(d.requirePosition ? ['lon', 'lat'] : [])];
  if (fields.length > 0) {
    rules.push({ id: 'required-fields', kind: 'requiredFields', fields });
    ruleFields.push('requiredFields');
  }

  const insuranceParts = [d.insurer, d.policyNumber, d.death, d.injury, d.disability, d.property, d.validFrom, d.validUntil];
  const anyInsurance = insuranceParts.some((v) => v.trim() !== '');
  if (anyInsurance) {
    need('insurance.insurer', d.insurer);
    need('insurance.policyNumber', d.policyNumber);
    for (const key of ['death', 'injury', 'disability', 'property'] as const) number(`insurance.cover.${COVER_FIELD[key]}`, d[key], true);
    need('insurance.validFrom', d.validFrom);
    need('insurance.validUntil', d.validUntil);
  }
  const body: ProjectInput = {
    zoneId: d.zoneId,
    title: { ko: d.titleKo.trim(), ...(d.titleEn.trim() ? { en: d.titleEn.trim() } : {}) },
    summary: { ko: d.summary.trim() },
    partnerCompanies: d.partners.split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean),
    exemptionIds: d.exemptionIds,
    sites: d.sites,
    products: d.products.map((p) => ({ ko: p.name.trim() })),
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    milestones: d.milestones.map((m) => ({ title: { ko: m.title.trim() }, due: m.due, done: m.done })),
    kpis: d.kpis.map((k, i) => ({ id: `kpi-${i + 1}`, name: { ko: k.name.trim() }, unit: k.unit.trim(), target: num(k.target) ?? 0, frequency: k.frequency })),
    safetyPlan: { ko: d.safetyPlan.trim() },
    insuranceRequired: d.insuranceRequired,
    insurance: anyInsurance ? {
      insurer: d.insurer.trim(), policyNumber: d.policyNumber.trim(), validFrom: d.validFrom, validUntil: d.validUntil,
      cover: { deathPerPerson: num(d.death) ?? 0, injuryPerPerson: num(d.injury) ?? 0, disabilityPerPerson: num(d.disability) ?? 0, propertyPerAccident: num(d.property) ?? 0 },
    } : null,
    rules,
  };
  return { body, problems, ruleFields };
}

/** Server field errors by form field: list items go to their list, rules to the field they came from. */
function serverErrors(error: unknown, ruleFields: string[]): { byField: Record<string, string>; unmatched: { path: string; message: string }[] } {
  const byField: Record<string, string> = {};
  const unmatched: { path: string; message: string }[] = [];
  if (!(error instanceof ApiError)) return { byField, unmatched };
  for (const item of error.fieldErrors) {
    const path = normalisePath(item.path);
    let field: string | undefined = path;
    const list = /^(sites|partnerCompanies|exemptionIds)\.\d+$/.exec(path);
    const rule = /^rules\.(\d+)(\.|$)/.exec(path);
    const kpi = /^kpis\.(\d+)\.id$/.exec(path);
    if (list) field = list[1];
    else if (rule) field = ruleFields[Number(rule[1])];
    else if (kpi) field = `kpis.${kpi[1]}.name.ko`;
    else if (path === 'title' || path === 'summary' || path === 'safetyPlan') field = `${path}.ko`;
    else if (path === 'insurance') field = 'insurance.insurer';
    if (field && !byField[field]) byField[field] = item.message;
    else unmatched.push(item);
  }
  return { byField, unmatched };
}

export function ProjectNewPage() {
  const { t, user } = useApp();
  const zones = useZones();
  const [d, setD] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const exemptions = useLoad(d.zoneId ? `exemptions:${d.zoneId}` : null, () => projectsApi.exemptions(d.zoneId));
  useTitle(t('prjNewTitle'));

  if (user === undefined) return <Loading />;
  if (user === null) return (<><h1 className="zl-page-title">{t('prjNewTitle')}</h1><LoginFirst /></>);
  if (user.organisation.kind !== 'company') {
    return (<><h1 className="zl-page-title">{t('prjNewTitle')}</h1><Alert kind="warning">{t('prjNewCompanyOnly')}</Alert></>);
  }

  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const { ruleFields } = build(d);
  const server = serverErrors(error, ruleFields);
  const message = (code: string) => (code === 'required' ? t('fieldRequired') : code === 'number' ? t('prjNeedNumber') : code === 'time' ? t('prjNeedTime') : code);
  /** The error shown next to a field: what the browser found first, else what the server said. */
  const err = (path: string): string | undefined => (problems[path] ? message(problems[path]!) : server.byField[path]);
  const zone = zones?.find((z) => z.id === d.zoneId);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = build(d);
    setProblems(built.problems);
    setError(null);
    if (Object.keys(built.problems).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const project = await projectsApi.create(built.body);
      navigate(`/projects/${project.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"], .zl-alert-error')?.focus());
    }
  }

  const text = (path: string, label: string, value: string, onChange: (v: string) => void, opts: { required?: boolean; hint?: string; area?: boolean; type?: string; lang?: string } = {}) => (
    <Field id={`prj-${path.replace(/\./g, '-')}`} label={label} required={opts.required ?? false} error={err(path)} hint={opts.hint}>
      {(a) => opts.area ? (
        <textarea {...a} className="krds-input zl-textarea" value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...a} className="krds-input" type={opts.type ?? 'text'} lang={opts.lang} inputMode={opts.type === 'number' ? 'decimal' : undefined} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );

  return (
    <>
      <h1 className="zl-page-title">{t('prjNewTitle')}</h1>
      <p className="zl-lead">{t('prjNewLead')}</p>
      {Object.keys(problems).length > 0 ? <Alert kind="error">{t('errorSummary')}</Alert> : null}
      {error ? <ProblemAlert error={error} extra={server.unmatched} /> : null}
      <form className="zl-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="project-form">
        <fieldset className="zl-fieldset">
          <legend>{t('prjBasics')}</legend>
          <Field id="prj-zoneId" label={t('prjZone')} required error={err('zoneId')}>
            {(a) => (
              <select {...a} className="krds-form-select" value={d.zoneId} onChange={(e) => set({ zoneId: e.target.value, exemptionIds: [] })}>
                <option value="">{t('prjChoose')}</option>
                {(zones ?? []).map((z) => (
                  <option key={z.id} value={z.id}>{refTextString(z.name, 'ko')}</option>
                ))}
              </select>
            )}
          </Field>
          {text('title.ko', t('prjTitleKo'), d.titleKo, (v) => set({ titleKo: v }), { required: true, lang: 'ko' })}
          {text('title.en', t('prjTitleEn'), d.titleEn, (v) => set({ titleEn: v }), { lang: 'en' })}
          {text('summary.ko', t('prjSummary'), d.summary, (v) => set({ summary: v }), { required: true, area: true, hint: t('prjInKorean') })}
        </fieldset>

        <fieldset className="zl-fieldset" data-testid="exemptions-field">
          <legend>{t('prjExemptions')}</legend>
          {!d.zoneId ? <p className="zl-hint">{t('prjExemptionsChooseZone')}</p> : exemptions.data === undefined ? <Loading /> : exemptions.data.length === 0 ? (
            <p className="zl-hint">{t('prjExemptionsNone')}</p>
          ) : (
            <div className="zl-check-list">
              {exemptions.data.map((x) => (
                <div className="krds-form-check" key={x.id}>
                  <input
                    type="checkbox" id={`prj-ex-${x.id}`} checked={d.exemptionIds.includes(x.id)}
                    onChange={() => set({
                      exemptionIds: d.exemptionIds.includes(x.id) ? d.exemptionIds.filter((e) => e !== x.id) : [...d.exemptionIds, x.id],
                      ...(x.conditions.insurance && !d.exemptionIds.includes(x.id) ? { insuranceRequired: true } : {}),
                    })}
                  />
                  <label htmlFor={`prj-ex-${x.id}`}><LocalText value={x.title} /></label>
                </div>
              ))}
            </div>
          )}
          {err('exemptionIds') ? <p className="form-hint-invalid">{err('exemptionIds')}</p> : null}
          <div className="krds-form-check zl-mt">
            <input type="checkbox" id="prj-insuranceRequired" checked={d.insuranceRequired} onChange={(e) => set({ insuranceRequired: e.target.checked })} />
            <label htmlFor="prj-insuranceRequired">{t('prjInsuranceRequired')}</label>
          </div>
        </fieldset>

        <fieldset className="zl-fieldset">
          <legend>{t('prjPartners')}</legend>
          {text('partnerCompanies', t('prjPartnerIds'), d.partners, (v) => set({ partners: v }), { area: true, hint: t('prjPartnerIdsHint') })}
        </fieldset>

        <SitesPicker value={d.sites} onChange={(sites) => set({ sites })} initialProvince={zone?.regions[0]?.code.slice(0, 2)} error={err('sites')} />

        <Repeater
          legend={t('prjProducts')} testId="products-field" items={d.products} min={1} onChange={(products) => set({ products })} make={() => ({ name: '' })}
          addLabel={t('prjAddProduct')} rowLegend={(i) => t('prjProductN', { n: i + 1 })}
          render={(p, i, update) => text(`products.${i}.ko`, t('prjProductName'), p.name, (name) => update({ name }), { required: true })}
        />

        <fieldset className="zl-fieldset">
          <legend>{t('prjPeriod')}</legend>
          <div className="zl-two-col">
            {text('periodStart', t('prjPeriodStart'), d.periodStart, (v) => set({ periodStart: v }), { required: true, type: 'date' })}
            {text('periodEnd', t('prjPeriodEnd'), d.periodEnd, (v) => set({ periodEnd: v }), { required: true, type: 'date' })}
          </div>
        </fieldset>

        <Repeater
          legend={t('prjMilestones')} testId="milestones-field" items={d.milestones} onChange={(milestones) => set({ milestones })}
          make={() => ({ title: '', due: '', done: false })} addLabel={t('prjAddMilestone')} rowLegend={(i) => t('prjMilestoneN', { n: i + 1 })}
          render={(m, i, update) => (
            <>
              {text(`milestones.${i}.title.ko`, t('prjMilestoneTitle'), m.title, (title) => update({ title }), { required: true })}
              {text(`milestones.${i}.due`, t('prjMilestoneDue'), m.due, (due) => update({ due }), { required: true, type: 'date' })}
              <div className="krds-form-check">
                <input type="checkbox" id={`prj-milestone-${i}-done`} checked={m.done} onChange={(e) => update({ done: e.target.checked })} />
                <label htmlFor={`prj-milestone-${i}-done`}>{t('prjMilestoneDone')}</label>
              </div>
            </>
          )}
        />

        <Repeater
          legend={t('prjKpis')} testId="kpis-field" items={d.kpis} onChange={(kpis) => set({ kpis })}
          make={() => ({ name: '', unit: '', target: '', frequency: 'quarterly' as KpiFrequency })} addLabel={t('prjAddKpi')} rowLegend={(i) => t('prjKpiN', { n: i + 1 })}
          render={(k, i, update) => (
            <>
              {text(`kpis.${i}.name.ko`, t('prjKpiName'), k.name, (name) => update({ name }), { required: true })}
              {text(`kpis.${i}.unit`, t('prjKpiUnit'), k.unit, (unit) => update({ unit }), { required: true })}
              {text(`kpis.${i}.target`, t('prjKpiTarget'), k.target, (target) => update({ target }), { required: true, type: 'number' })}
              <Field id={`prj-kpis-${i}-frequency`} label={t('prjKpiFrequency')} required error={err(`kpis.${i}.frequency`)}>
                {(a) => (
                  <select {...a} className="krds-form-select" value={k.frequency} onChange={(e) => update({ frequency: e.target.value as KpiFrequency })}>
                    {KPI_FREQUENCIES.map((f) => <option key={f} value={f}>{frequencyText(f, t)}</option>)}
                  </select>
                )}
              </Field>
            </>
          )}
        />

        <fieldset className="zl-fieldset">
          <legend>{t('prjConditions')}</legend>
          <p className="zl-hint">{t('prjConditionsHint')}</p>
          <div className="zl-two-col">
            {text('maxSpeed', t('prjMaxSpeed'), d.maxSpeed, (v) => set({ maxSpeed: v }), { type: 'number' })}
            {text('maxAltitude', t('prjMaxAltitude'), d.maxAltitude, (v) => set({ maxAltitude: v }), { type: 'number' })}
            {text('maxLoad', t('prjMaxLoad'), d.maxLoad, (v) => set({ maxLoad: v }), { type: 'number' })}
            {text('maxPeople', t('prjMaxPeople'), d.maxPeople, (v) => set({ maxPeople: v }), { type: 'number' })}
            {text('windowStart', t('prjWindowStart'), d.windowStart, (v) => set({ windowStart: v }), { type: 'time', hint: t('prjWindowHint') })}
            {text('windowEnd', t('prjWindowEnd'), d.windowEnd, (v) => set({ windowEnd: v }), { type: 'time' })}
          </div>
          <div className="zl-check-list zl-mt" role="group" aria-label={t('prjRequiredFields')}>
            <div className="krds-form-check">
              <input type="checkbox" id="prj-requireDevice" checked={d.requireDevice} onChange={(e) => set({ requireDevice: e.target.checked })} />
              <label htmlFor="prj-requireDevice">{t('prjRequireDevice')}</label>
            </div>
            <div className="krds-form-check">
              <input type="checkbox" id="prj-requirePosition" checked={d.requirePosition} onChange={(e) => set({ requirePosition: e.target.checked })} />
              <label htmlFor="prj-requirePosition">{t('prjRequirePosition')}</label>
            </div>
          </div>
          {err('requiredFields') ? <p className="form-hint-invalid">{err('requiredFields')}</p> : null}
        </fieldset>

        <fieldset className="zl-fieldset">
          <legend>{t('prjSafetyPlan')}</legend>
          {text('safetyPlan.ko', t('prjSafetyPlanText'), d.safetyPlan, (v) => set({ safetyPlan: v }), { required: true, area: true, hint: t('prjInKorean') })}
        </fieldset>

        <fieldset className="zl-fieldset">
          <legend>{t('prjInsurance')}</legend>
          <p className="zl-hint">{t('prjInsuranceHint')}</p>
          <div className="zl-two-col">
            {text('insurance.insurer', t('prjInsurer'), d.insurer, (v) => set({ insurer: v }))}
            {text('insurance.policyNumber', t('prjPolicyNumber'), d.policyNumber, (v) => set({ policyNumber: v }))}
            {(['death', 'injury', 'disability', 'property'] as const).map((key) => (
              <div key={key}>
                {text(`insurance.cover.${COVER_FIELD[key]}`, t(key === 'death' ? 'prjCoverDeath' : key === 'injury' ? 'prjCoverInjury' : key === 'disability' ? 'prjCoverDisability' : 'prjCoverProperty'),
                  d[key], (v) => set({ [key]: v } as Partial<Draft>), { type: 'number', hint: t('prjCoverMinimum', { amount: new Intl.NumberFormat('ko-KR').format(MINIMUM[key]) }) })}
              </div>
            ))}
            {text('insurance.validFrom', t('prjValidFrom'), d.validFrom, (v) => set({ validFrom: v }), { type: 'date' })}
            {text('insurance.validUntil', t('prjValidUntil'), d.validUntil, (v) => set({ validUntil: v }), { type: 'date' })}
          </div>
        </fieldset>

        <div className="zl-actions">
          <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="project-create">
            {busy ? t('prjSaving') : t('prjCreate')}
          </button>
        </div>
      </form>
    </>
  );
}
