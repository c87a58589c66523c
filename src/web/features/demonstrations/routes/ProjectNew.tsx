// /projects/new: a company creates a demonstration project it leads — zone, exemptions used, partners, sites,
// products and services, period, milestones, KPIs, the conditions its data is checked against, safety plan and
// liability insurance (Decree Art. 60). Built from the shared form pieces: texts in five languages, rows, numbers;
// errors found here and errors the server names both stand next to their fields, in the UI language.
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { navigate } from '../../../shared/router.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import { CheckGroup, ErrorSummary, FormErrors, I18nTextField, NumberField, RowList, SelectField, useField } from '../../../shared/forms/forms.tsx';
import { bodyPointer } from '../../../shared/forms/form-errors.ts';
import { blankText, parseNumber, requiredText } from '../../../shared/forms/form-values.ts';
import { useLoad } from '../../../shared/data/load.ts';
import { SearchPick } from '../../../shared/forms/search-pick.tsx';
import { Alert, Field, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { refTextString } from '../../../shared/ui/text.tsx';
import { LANGS, type MessageKey, type Translate } from '../../../i18n/index.ts';
import type { I18nText } from '../../../shared/types.ts';
import { projectsApi } from '../api/client.ts';
import { frequencyText, useZones } from '../components/common.tsx';
import { SitesPicker } from '../components/sites.tsx';
import { KPI_FREQUENCIES, type KpiFrequency, type ProjectInput } from '../types.ts';
import { provinceOf } from '../../../../domain/regions/provinces.ts';
import { ProjectInput as ProjectInputSchema } from '../../../../contract/projects.ts';
import { checkBeforeSending } from '../../../shared/forms/schema-form.ts';

interface Draft {
  zoneId: string;
  title: I18nText;
  summary: I18nText;
  exemptionIds: string[];
  insuranceRequired: boolean;
  partners: string[];
  sites: string[];
  products: I18nText[];
  periodStart: string;
  periodEnd: string;
  milestones: { title: I18nText; due: string; done: boolean }[];
  kpis: { name: I18nText; unit: string; target: string; frequency: KpiFrequency }[];
  maxSpeed: string;
  maxAltitude: string;
  maxLoad: string;
  maxPeople: string;
  windowStart: string;
  windowEnd: string;
  requireDevice: boolean;
  requirePosition: boolean;
  safetyPlan: I18nText;
  insurer: string;
  policyNumber: string;
  death: string;
  injury: string;
  disability: string;
  property: string;
  validFrom: string;
  validUntil: string;
}

const newKpi = (): Draft['kpis'][number] => ({ name: blankText(), unit: '', target: '', frequency: 'quarterly' });
const EMPTY: Draft = {
  zoneId: '', title: blankText(), summary: blankText(), exemptionIds: [], insuranceRequired: true, partners: [], sites: [], products: [blankText()],
  periodStart: '', periodEnd: '', milestones: [], kpis: [newKpi()],
  maxSpeed: '', maxAltitude: '', maxLoad: '', maxPeople: '', windowStart: '', windowEnd: '', requireDevice: false, requirePosition: false,
  safetyPlan: blankText(), insurer: '', policyNumber: '', death: '', injury: '', disability: '', property: '', validFrom: '', validUntil: '',
};

/** Decree Art. 60(1) minimum cover, KRW (the hint of each amount). */
const COVER = [
  ['death', 'deathPerPerson', 150_000_000, 'prjCoverDeath'],
  ['injury', 'injuryPerPerson', 30_000_000, 'prjCoverInjury'],
  ['disability', 'disabilityPerPerson', 150_000_000, 'prjCoverDisability'],
  ['property', 'propertyPerAccident', 1_000_000_000, 'prjCoverProperty'],
] as const;
const LIMITS = [['maxSpeed', 'speed', 'prjMaxSpeed'], ['maxAltitude', 'altitude', 'prjMaxAltitude'], ['maxLoad', 'load', 'prjMaxLoad'], ['maxPeople', 'people', 'prjMaxPeople']] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The request body, what the browser finds wrong (body pointer → message), and the form field of each rule. */
function build(d: Draft, t: Translate): { body: ProjectInput; problems: { path: string; message: string }[]; ruleFields: string[] } {
  const problems: { path: string; message: string }[] = [];
  const flag = (pointer: string, message: string) => problems.push({ path: `/body${pointer}`, message });
  const need = (pointer: string, value: string) => {
    if (value.trim() === '') flag(pointer, t('fieldRequired'));
  };
  const number = (pointer: string, value: string, required: boolean) => {
    if (value.trim() === '') {
      if (required) flag(pointer, t('fieldRequired'));
    } else if (parseNumber(value) === null) flag(pointer, t('prjNeedNumber'));
  };
  need('/zoneId', d.zoneId);
  need('/title/ko', d.title.ko);
  need('/summary/ko', d.summary.ko);
  d.products.forEach((p, i) => need(`/products/${i}/ko`, p.ko));
  need('/periodStart', d.periodStart);
  need('/periodEnd', d.periodEnd);
  d.milestones.forEach((m, i) => {
    need(`/milestones/${i}/title/ko`, m.title.ko);
    need(`/milestones/${i}/due`, m.due);
  });
  d.kpis.forEach((k, i) => {
    need(`/kpis/${i}/name/ko`, k.name.ko);
    need(`/kpis/${i}/unit`, k.unit);
    number(`/kpis/${i}/target`, k.target, true);
  });
  need('/safetyPlan/ko', d.safetyPlan.ko);

  const rules: unknown[] = [];
  const ruleFields: string[] = [];
  for (const [field, measure] of LIMITS) {
    number(`/${field}`, d[field], false);
    const max = parseNumber(d[field]);
    if (max !== null) {
      rules.push({ id: `max-${measure}`, kind: 'maximum', measure, max });
      ruleFields.push(`/${field}`);
    }
  }
  if (d.windowStart !== '' || d.windowEnd !== '') {
    for (const [field, value] of [['windowStart', d.windowStart], ['windowEnd', d.windowEnd]] as const) {
      if (!TIME.test(value)) flag(`/${field}`, value === '' ? t('fieldRequired') : t('prjNeedTime'));
    }
    rules.push({ id: 'hours', kind: 'timeWindow', windows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: d.windowStart, end: d.windowEnd }] });
    ruleFields.push('/windowStart');
  }
  const fields = [...(d.requireDevice ? ['deviceId'] : []), ...(d.requirePosition ? ['lon', 'lat'] : [])];
  if (fields.length > 0) {
    rules.push({ id: 'required-fields', kind: 'requiredFields', fields });
    ruleFields.push('/requiredFields');
  }

  const anyInsurance = [d.insurer, d.policyNumber, d.death, d.injury, d.disability, d.property, d.validFrom, d.validUntil].some((v) => v.trim() !== '');
  if (anyInsurance) {
    need('/insurance/insurer', d.insurer);
    need('/insurance/policyNumber', d.policyNumber);
    for (const [key, field] of COVER) number(`/insurance/cover/${field}`, d[key], true);
    need('/insurance/validFrom', d.validFrom);
    need('/insurance/validUntil', d.validUntil);
  }
  const body: ProjectInput = {
    zoneId: d.zoneId,
    title: requiredText(d.title),
    summary: requiredText(d.summary),
    partnerCompanies: d.partners,
    exemptionIds: d.exemptionIds,
    sites: d.sites,
    products: d.products.map(requiredText),
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    milestones: d.milestones.map((m) => ({ title: requiredText(m.title), due: m.due, done: m.done })),
    kpis: d.kpis.map((k, i) => ({ id: `kpi-${i + 1}`, name: requiredText(k.name), unit: k.unit.trim(), target: parseNumber(k.target) ?? 0, frequency: k.frequency })),
    safetyPlan: requiredText(d.safetyPlan),
    insuranceRequired: d.insuranceRequired,
    insurance: anyInsurance ? {
      insurer: d.insurer.trim(), policyNumber: d.policyNumber.trim(), validFrom: d.validFrom, validUntil: d.validUntil,
      cover: {
        deathPerPerson: parseNumber(d.death) ?? 0, injuryPerPerson: parseNumber(d.injury) ?? 0,
        disabilityPerPerson: parseNumber(d.disability) ?? 0, propertyPerAccident: parseNumber(d.property) ?? 0,
      },
    } : null,
    rules,
  };
  return { body, problems, ruleFields };
}

/** The server's field errors with rules and generated KPI ids moved onto the form fields they came from. */
function onFormFields(error: unknown, ruleFields: readonly string[]): unknown {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return error;
  const errors = error.fieldErrors.map((f) => {
    const pointer = bodyPointer(f.path);
    const rule = /^\/rules\/(\d+)(\/|$)/.exec(pointer);
    const kpi = /^\/kpis\/(\d+)\/id$/.exec(pointer);
    const moved = rule ? ruleFields[Number(rule[1])] : kpi ? `/kpis/${kpi[1]}/name/ko` : undefined;
    return moved ? { ...f, path: `/body${moved}` } : f;
  });
  return new ApiError({ ...error.problem, errors });
}

const PLAIN: Record<string, MessageKey> = {
  zoneId: 'prjZone', title: 'prjTitle', summary: 'prjSummary', periodStart: 'prjPeriodStart', periodEnd: 'prjPeriodEnd', safetyPlan: 'prjSafetyPlan',
  sites: 'prjSites', partnerCompanies: 'prjPartners', exemptionIds: 'prjExemptions', maxSpeed: 'prjMaxSpeed', maxAltitude: 'prjMaxAltitude',
  maxLoad: 'prjMaxLoad', maxPeople: 'prjMaxPeople', windowStart: 'prjWindowStart', windowEnd: 'prjWindowEnd', requiredFields: 'prjRequiredFields',
  insurer: 'prjInsurer', policyNumber: 'prjPolicyNumber', validFrom: 'prjValidFrom', validUntil: 'prjValidUntil', deathPerPerson: 'prjCoverDeath',
  injuryPerPerson: 'prjCoverInjury', disabilityPerPerson: 'prjCoverDisability', propertyPerAccident: 'prjCoverProperty', insurance: 'prjInsurance',
};
const ROW: Record<string, [MessageKey, Record<string, MessageKey>]> = {
  products: ['prjProductN', {}],
  milestones: ['prjMilestoneN', { title: 'prjMilestoneTitle', due: 'prjMilestoneDue' }],
  kpis: ['prjKpiN', { name: 'prjKpiName', unit: 'prjKpiUnit', target: 'prjKpiTarget', frequency: 'prjKpiFrequency' }],
};

/** Names the field of a pointer for the error summary, e.g. "/kpis/0/unit" → "KPI 1: Unit". */
function describeField(pointer: string, t: Translate): string {
  const parts = pointer.split('/').filter((x) => x !== '' && !(LANGS as readonly string[]).includes(x));
  const row = ROW[parts[0] ?? ''];
  if (row && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const field = parts[2] ? row[1][parts[2]] : undefined;
    return `${t(row[0], { n: Number(parts[1]) + 1 })}${field ? `: ${t(field)}` : ''}`;
  }
  const known = [...parts].reverse().find((x) => PLAIN[x]);
  return known ? t(PLAIN[known]!) : pointer;
}

/** A plain input at a body pointer (dates, times, short texts), with the error the form holds for it. */
function Input({ pointer, label, value, onChange, type = 'text', required, hint, within }: {
  pointer: string; label: string; value: string; onChange: (v: string) => void; type?: string; required?: boolean; hint?: string; within?: boolean;
}) {
  const f = useField(pointer, within);
  return (
    <Field id={f.id} label={label} required={required} hint={hint} error={f.error}>
      {(a) => type === 'textarea'
        ? <textarea {...a} className="krds-input zl-textarea" value={value} onChange={(e) => onChange(e.target.value)} />
        : <input {...a} className="krds-input" type={type} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function Checkbox({ id, label, checked, onChange }: { id: string; label: ReactNode; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="krds-form-check">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function ProjectNewPage() {
  const { t, user, lang } = useApp();
  const zones = useZones();
  const [d, setD] = useState<Draft>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const exemptions = useLoad(d.zoneId ? `exemptions:${d.zoneId}` : null, () => projectsApi.exemptions(d.zoneId));
  const companies = useLoad('companies', projectsApi.companies);
  useTitle(t('prjNewTitle'));

  if (user === undefined) return <Loading />;
  if (user === null) return (<><h1 className="zl-page-title">{t('prjNewTitle')}</h1><LoginFirst /></>);
  if (user.organisation.kind !== 'company') {
    return (<><h1 className="zl-page-title">{t('prjNewTitle')}</h1><Alert kind="warning">{t('prjNewCompanyOnly')}</Alert></>);
  }

  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const { ruleFields } = build(d, t);
  const shown = onFormFields(error, ruleFields);
  const zone = zones?.find((z) => z.id === d.zoneId);
  const refused = error instanceof ApiError && error.fieldErrors.length === 0;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = build(d, t);
    if (built.problems.length > 0) {
      setError(new ApiError({ status: 400, errors: built.problems }));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid=form-error-summary] a')?.focus());
      return;
    }
    // Checked against the contract before sending, like the server's refusal (sentences beside the fields).
    const before = checkBeforeSending(ProjectInputSchema, built.body, t);
    if (before) {
      setError(before);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid=form-error-summary] a')?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const project = await projectsApi.create(built.body);
      navigate(`/projects/${project.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid=form-error-summary] a, .zl-alert-error')?.focus());
    }
  }

  return (
    <>
      <h1 className="zl-page-title">{t('prjNewTitle')}</h1>
      <p className="zl-lead">{t('prjNewLead')}</p>
      <FormErrors error={shown} idBase="prj">
        <ErrorSummary describe={(pointer) => describeField(pointer, t)} />
        {refused ? <ProblemAlert error={error} /> : null}
        <form className="zl-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="project-form">
          <fieldset className="zl-fieldset">
            <legend>{t('prjBasics')}</legend>
            <SelectField
              pointer="/zoneId" label={t('prjZone')} required value={d.zoneId} placeholder={t('prjChoose')}
              onChange={(zoneId) => set({ zoneId, exemptionIds: [] })}
              options={(zones ?? []).map((z) => ({ value: z.id, label: refTextString(z.name, lang) }))}
            />
            <I18nTextField pointer="/title" label={t('prjTitle')} required value={d.title} onChange={(title) => set({ title })} />
            <I18nTextField pointer="/summary" label={t('prjSummary')} required multiline value={d.summary} onChange={(summary) => set({ summary })} />
          </fieldset>

          <div data-testid="exemptions-field">
            {!d.zoneId ? (
              <fieldset className="zl-fieldset"><legend>{t('prjExemptions')}</legend><p className="zl-hint">{t('prjExemptionsChooseZone')}</p></fieldset>
            ) : exemptions.data === undefined ? <Loading /> : (
              <CheckGroup
                pointer="/exemptionIds" legend={t('prjExemptions')} value={d.exemptionIds} empty={t('prjExemptionsNone')}
                options={exemptions.data.map((x) => ({ value: x.id, label: refTextString(x.title, lang) }))}
                onChange={(exemptionIds) => set({
                  exemptionIds,
                  // An exemption whose conditions name insurance makes it required (Decree Art. 60).
                  ...(exemptions.data!.some((x) => exemptionIds.includes(x.id) && x.conditions.insurance) ? { insuranceRequired: true } : {}),
                })}
              />
            )}
          </div>
          <div className="zl-mt">
            <Checkbox id="prj-insuranceRequired" label={t('prjInsuranceRequired')} checked={d.insuranceRequired} onChange={(insuranceRequired) => set({ insuranceRequired })} />
          </div>

          {companies.data === undefined ? <Loading /> : (
            <SearchPick
              pointer="/partnerCompanies" legend={t('prjPartners')} searchLabel={t('prjPartnerSearch')} hint={t('prjPartnerSearchHint')}
              value={d.partners} onChange={(partners) => set({ partners })}
              options={companies.data.filter((c) => c.id !== user.organisation.id).map((c) => ({ value: c.id, label: refTextString(c.name, lang) }))}
            />
          )}

          <SitesPicker value={d.sites} onChange={(sites) => set({ sites })} initialProvince={zone?.regions[0] ? provinceOf(zone.regions[0].code) : undefined} />

          <RowList
            pointer="/products" legend={t('prjProducts')} items={d.products} onChange={(products) => set({ products })} newItem={blankText}
            addLabel={t('prjAddProduct')} itemLabel={(_, i) => t('prjProductN', { n: i + 1 })}
          >
            {(p, i, update) => <I18nTextField pointer={`/products/${i}`} label={t('prjProductName')} required value={p} onChange={update} />}
          </RowList>

          <fieldset className="zl-fieldset">
            <legend>{t('prjPeriod')}</legend>
            <div className="zl-two-col">
              <Input pointer="/periodStart" type="date" label={t('prjPeriodStart')} required value={d.periodStart} onChange={(periodStart) => set({ periodStart })} />
              <Input pointer="/periodEnd" type="date" label={t('prjPeriodEnd')} required value={d.periodEnd} onChange={(periodEnd) => set({ periodEnd })} />
            </div>
          </fieldset>

          <RowList
            pointer="/milestones" legend={t('prjMilestones')} items={d.milestones} onChange={(milestones) => set({ milestones })}
            newItem={() => ({ title: blankText(), due: '', done: false })} addLabel={t('prjAddMilestone')} itemLabel={(_, i) => t('prjMilestoneN', { n: i + 1 })}
          >
            {(m, i, update) => (
              <>
                <I18nTextField pointer={`/milestones/${i}/title`} label={t('prjMilestoneTitle')} required value={m.title} onChange={(title) => update({ ...m, title })} />
                <Input pointer={`/milestones/${i}/due`} type="date" label={t('prjMilestoneDue')} required value={m.due} onChange={(due) => update({ ...m, due })} />
                <Checkbox id={`prj-milestones-${i}-done`} label={t('prjMilestoneDone')} checked={m.done} onChange={(done) => update({ ...m, done })} />
              </>
            )}
          </RowList>

          <RowList
            pointer="/kpis" legend={t('prjKpis')} items={d.kpis} onChange={(kpis) => set({ kpis })} newItem={newKpi}
            addLabel={t('prjAddKpi')} itemLabel={(k, i) => (k.name.ko ? `${t('prjKpiN', { n: i + 1 })}: ${k.name.ko}` : t('prjKpiN', { n: i + 1 }))}
          >
            {(k, i, update) => (
              <>
                <I18nTextField pointer={`/kpis/${i}/name`} label={t('prjKpiName')} required value={k.name} onChange={(name) => update({ ...k, name })} />
                <div className="zl-two-col">
                  <Input pointer={`/kpis/${i}/unit`} label={t('prjKpiUnit')} required value={k.unit} onChange={(unit) => update({ ...k, unit })} />
                  <NumberField pointer={`/kpis/${i}/target`} label={t('prjKpiTarget')} required value={k.target} onChange={(target) => update({ ...k, target })} />
                  <SelectField
                    pointer={`/kpis/${i}/frequency`} label={t('prjKpiFrequency')} required value={k.frequency}
                    onChange={(frequency) => update({ ...k, frequency: frequency as KpiFrequency })}
                    options={KPI_FREQUENCIES.map((f) => ({ value: f, label: frequencyText(f, t) }))}
                  />
                </div>
              </>
            )}
          </RowList>

          <fieldset className="zl-fieldset">
            <legend>{t('prjConditions')}</legend>
            <p className="zl-hint">{t('prjConditionsHint')}</p>
            <div className="zl-two-col">
              {LIMITS.map(([field, , label]) => (
                <NumberField key={field} pointer={`/${field}`} label={t(label)} min={0} value={d[field]} onChange={(v) => set({ [field]: v } as Partial<Draft>)} />
              ))}
              <Input pointer="/windowStart" type="time" label={t('prjWindowStart')} hint={t('prjWindowHint')} value={d.windowStart} onChange={(windowStart) => set({ windowStart })} />
              <Input pointer="/windowEnd" type="time" label={t('prjWindowEnd')} value={d.windowEnd} onChange={(windowEnd) => set({ windowEnd })} />
            </div>
            <RequiredFields d={d} set={set} />
          </fieldset>

          <fieldset className="zl-fieldset">
            <legend>{t('prjSafetyPlan')}</legend>
            <I18nTextField pointer="/safetyPlan" label={t('prjSafetyPlanText')} required multiline rows={5} value={d.safetyPlan} onChange={(safetyPlan) => set({ safetyPlan })} />
          </fieldset>

          <fieldset className="zl-fieldset">
            <legend>{t('prjInsurance')}</legend>
            <p className="zl-hint">{t('prjInsuranceHint')}</p>
            <div className="zl-two-col">
              <Input pointer="/insurance/insurer" label={t('prjInsurer')} value={d.insurer} onChange={(insurer) => set({ insurer })} />
              <Input pointer="/insurance/policyNumber" label={t('prjPolicyNumber')} value={d.policyNumber} onChange={(policyNumber) => set({ policyNumber })} />
              {COVER.map(([key, field, minimum, label]) => (
                <NumberField
                  key={key} pointer={`/insurance/cover/${field}`} label={t(label)} min={0} value={d[key]} onChange={(v) => set({ [key]: v } as Partial<Draft>)}
                  hint={t('prjCoverMinimum', { amount: new Intl.NumberFormat('ko-KR').format(minimum) })}
                />
              ))}
              <Input pointer="/insurance/validFrom" type="date" label={t('prjValidFrom')} value={d.validFrom} onChange={(validFrom) => set({ validFrom })} />
              <Input pointer="/insurance/validUntil" type="date" label={t('prjValidUntil')} value={d.validUntil} onChange={(validUntil) => set({ validUntil })} />
            </div>
          </fieldset>

          <div className="zl-actions">
            <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="project-create">
              {busy ? t('prjSaving') : t('prjCreate')}
            </button>
          </div>
        </form>
      </FormErrors>
    </>
  );
}

function RequiredFields({ d, set }: { d: Draft; set: (patch: Partial<Draft>) => void }) {
  const { t } = useApp();
  const f = useField('/requiredFields');
  return (
    <fieldset className="zl-fieldset" aria-describedby={f.error ? `${f.id}-error` : undefined}>
      <legend>{t('prjRequiredFields')}</legend>
      <div className="zl-check-list">
        <Checkbox id={`${f.id}-device`} label={t('prjRequireDevice')} checked={d.requireDevice} onChange={(requireDevice) => set({ requireDevice })} />
        <Checkbox id={`${f.id}-position`} label={t('prjRequirePosition')} checked={d.requirePosition} onChange={(requirePosition) => set({ requirePosition })} />
      </div>
      {f.error ? <p className="form-hint-invalid" id={`${f.id}-error`}>{f.error}</p> : null}
    </fieldset>
  );
}
