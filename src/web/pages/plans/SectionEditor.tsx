// One participating government's section (Decree Art. 40(2): each government writes its own part): sites in
// its municipalities, participating companies (zone operators), demonstration projects and the budget per year
// and source. Only that government edits it (the API enforces it); the others read it.
import { useState, type FormEvent } from 'react';
import { useApp } from '../../app-context.tsx';
import { CheckGroup, FormErrors, I18nTextField, NumberField, RowList, SelectField, useField } from '../../components/forms.tsx';
import { cleanText, nextId, numberText, parseNumber, requiredText } from '../../components/form-values.ts';
import { LocalText, regionNameText } from '../../components/text.tsx';
import { Field } from '../../components/ui.tsx';
import type { Lang, Translate } from '../../i18n/index.ts';
import type { I18nText } from '../../types.ts';
import { budgetTotals } from './budget.ts';
import type { PlansClient } from './client.ts';
import { regionLabel } from './common.tsx';
import { COMPANY_KIND_KEYS, LIST_KEYS, rowLabel, SOURCE_KEYS } from './plan-labels.ts';
import { STAGES, STAGE_KEYS } from '../../stages.ts';
import { municipalityNames, useMunicipalities } from './reference.tsx';
import { ConflictNotice, SaveOutcome, usePlanSave } from './SaveConflict.tsx';
import {
  BUDGET_SOURCES, COMPANY_KINDS, type BudgetLine, type BudgetSource, type Company, type PlanView, type Project, type SectionContent, type Site,
} from './types.ts';

type SiteDraft = Omit<Site, 'areaSqm'> & { areaSqm: string };
type CompanyDraft = Omit<Company, 'businessNumber'> & { businessNumber: string };
type BudgetDraft = { year: string; source: BudgetSource; amountMillionKrw: string; purpose: I18nText | null };
interface Draft {
  sites: SiteDraft[];
  companies: CompanyDraft[];
  projects: Project[];
  budget: BudgetDraft[];
}

const EMPTY: SectionContent = { sites: [], companies: [], projects: [], budget: [] };

function toDraft(s: SectionContent): Draft {
  return {
    sites: s.sites.map((x) => ({ ...x, areaSqm: numberText(x.areaSqm) })),
    companies: s.companies.map((x) => ({ ...x, businessNumber: x.businessNumber ?? '' })),
    projects: s.projects,
    budget: s.budget.map((b) => ({ year: String(b.year), source: b.source, amountMillionKrw: numberText(b.amountMillionKrw), purpose: b.purpose })),
  };
}

function toInput(d: Draft): SectionContent {
  return {
    sites: d.sites.map((x) => ({ id: x.id, regionCode: x.regionCode, name: requiredText(x.name), areaSqm: parseNumber(x.areaSqm) })),
    companies: d.companies.map((x) => ({ id: x.id, name: requiredText(x.name), kind: x.kind, businessNumber: x.businessNumber.trim() || null, address: cleanText(x.address) })),
    projects: d.projects.map((x) => ({ ...x, title: requiredText(x.title), description: cleanText(x.description) })),
    // Year and amount are required: an empty one is sent as null and the server names the field.
    budget: d.budget.map((b) => ({ year: parseNumber(b.year) as number, source: b.source, amountMillionKrw: parseNumber(b.amountMillionKrw) as number, purpose: cleanText(b.purpose) })),
  };
}

const pick = (text: I18nText, lang: Lang): string => text[lang]?.trim() || text.ko;
const money = (n: number, lang: Lang): string => n.toLocaleString(lang, { maximumFractionDigits: 1 });

/** Totals per year and source under the budget rows, and in the read-only view. */
export function BudgetTotalsTable({ lines, caption, testId }: { lines: Pick<BudgetLine, 'year' | 'source' | 'amountMillionKrw'>[]; caption: string; testId: string }) {
  const { t, lang } = useApp();
  const totals = budgetTotals(lines);
  if (totals.years.length === 0) return null;
  return (
    <div className="krds-table-wrap zl-budget-totals">
      <table className="tbl col data zl-table zl-compact" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planEdYear')}</th>
            {BUDGET_SOURCES.map((s) => <th scope="col" key={s} className="zl-num">{t(SOURCE_KEYS[s])}</th>)}
            <th scope="col" className="zl-num">{t('planEdTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.years.map((y) => (
            <tr key={y}>
              <th scope="row">{y}</th>
              {BUDGET_SOURCES.map((s) => <td key={s} className="zl-num">{money(totals.byYear.get(y)![s], lang)}</td>)}
              <td className="zl-num">{money(totals.yearTotal.get(y)!, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('planEdTotal')}</th>
            {BUDGET_SOURCES.map((s) => <td key={s} className="zl-num">{money(totals.bySource[s], lang)}</td>)}
            <td className="zl-num" data-testid={`${testId}-total`}><strong>{money(totals.total, lang)}</strong></td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function BusinessNumberField({ pointer, value, onChange }: { pointer: string; value: string; onChange: (v: string) => void }) {
  const { t } = useApp();
  const f = useField(pointer);
  return (
    <Field id={f.id} label={t('planEdBusinessNumber')} hint={t('planEdBusinessNumberHint')} error={f.error}>
      {(a) => <input {...a} className="krds-input" inputMode="numeric" placeholder="000-00-00000" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function DateField({ pointer, label, value, onChange }: { pointer: string; label: string; value: string; onChange: (v: string) => void }) {
  const f = useField(pointer);
  return (
    <Field id={f.id} label={label} required error={f.error}>
      {(a) => <input {...a} type="date" className="krds-input" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function SectionForm({ plan, client, region, onPlan, t }: { plan: PlanView; client: PlansClient; region: string; onPlan: (p: PlanView) => void; t: Translate }) {
  const { lang } = useApp();
  const [d, setD] = useState<Draft>(() => toDraft(plan.content.sections[region] ?? EMPTY));
  const { busy, error, saved, conflict, save, clearConflict } = usePlanSave(plan, client, onPlan);
  const municipalities = useMunicipalities(region);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const stages = STAGES.map((s) => ({ value: s, label: t(STAGE_KEYS[s]) }));
  const exemptionOptions = plan.content.exemptions.map((e) => ({ value: e.id, label: `${pick(e.law, lang)} ${e.provision}` }));
  const siteOptions = d.sites.map((s, i) => ({ value: s.id, label: rowLabel('sites', i, s.name, t, lang) }));
  const companyOptions = d.companies.map((c, i) => ({ value: c.id, label: rowLabel('companies', i, c.name, t, lang) }));
  // Companies named in other governments' sections can join this one too (one operator across regions).
  const elsewhere = Object.entries(plan.content.sections)
    .filter(([code]) => code !== region)
    .flatMap(([, s]) => s.companies)
    .filter((c) => !d.companies.some((x) => x.name.ko === c.name.ko));
  const [copyFrom, setCopyFrom] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save(() => client.saveSection(plan, region, toInput(d))).then((next) => next && setD(toDraft(next.content.sections[region] ?? EMPTY)));
  }

  return (
    <FormErrors error={error} idBase={`ps-${region}`}>
      <form onSubmit={onSubmit} noValidate data-testid={`plan-section-form-${region}`}>
        <RowList
          pointer="/sites"
          legend={t(LIST_KEYS.sites.list)}
          hint={t('planEdSitesHint')}
          items={d.sites}
          onChange={set('sites')}
          newItem={() => ({ id: nextId('site', d.sites.map((s) => s.id)), regionCode: municipalities.length === 1 ? municipalities[0]!.code : '', name: { ko: '' }, areaSqm: '' })}
          itemLabel={(x, i) => rowLabel('sites', i, x.name, t, lang)}
          addLabel={t(LIST_KEYS.sites.add)}
          max={100}
        >
          {(x, i, update) => (
            <>
              <div className="zl-two-col">
                <SelectField
                  pointer={`/sites/${i}/regionCode`}
                  label={t('planEdMunicipality')}
                  value={x.regionCode}
                  onChange={(v) => update({ ...x, regionCode: v })}
                  options={municipalities.map((m) => ({ value: m.code, label: regionNameText(m, lang) }))}
                  placeholder={t('planEdChooseMunicipality')}
                  required
                />
                <NumberField pointer={`/sites/${i}/areaSqm`} label={t('planEdArea')} unit="m²" min={0} value={x.areaSqm} onChange={(v) => update({ ...x, areaSqm: v })} />
              </div>
              <I18nTextField pointer={`/sites/${i}/name`} label={t('planEdSiteName')} value={x.name} onChange={(v) => update({ ...x, name: v })} required />
            </>
          )}
        </RowList>

        <RowList
          pointer="/companies"
          legend={t(LIST_KEYS.companies.list)}
          hint={t('planEdCompaniesHint')}
          items={d.companies}
          onChange={set('companies')}
          newItem={(): CompanyDraft => ({ id: nextId('co', d.companies.map((c) => c.id)), name: { ko: '' }, kind: 'sme', businessNumber: '', address: null })}
          itemLabel={(x, i) => rowLabel('companies', i, x.name, t, lang)}
          addLabel={t(LIST_KEYS.companies.add)}
          max={200}
          footer={
            elsewhere.length > 0 ? (
              <div className="zl-plan-inline">
                <label htmlFor={`ps-${region}-copy-company`}>{t('planEdCompanyFromOther')}</label>
                <select id={`ps-${region}-copy-company`} className="krds-form-select" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}>
                  <option value="">{t('planEdChooseCompany')}</option>
                  {elsewhere.map((c, i) => <option key={`${c.id}-${i}`} value={String(i)}>{pick(c.name, lang)}</option>)}
                </select>
                <button
                  type="button"
                  className="krds-btn secondary small"
                  disabled={copyFrom === ''}
                  onClick={() => {
                    const c = elsewhere[Number(copyFrom)];
                    if (!c) return;
                    set('companies')([...d.companies, { ...c, id: nextId('co', d.companies.map((x) => x.id)), businessNumber: c.businessNumber ?? '' }]);
                    setCopyFrom('');
                  }}
                >
                  {t('planEdCompanyCopy')}
                </button>
              </div>
            ) : null
          }
        >
          {(x, i, update) => (
            <>
              <I18nTextField pointer={`/companies/${i}/name`} label={t('planEdCompanyName')} value={x.name} onChange={(v) => update({ ...x, name: v })} required />
              <div className="zl-two-col">
                <SelectField pointer={`/companies/${i}/kind`} label={t('planEdCompanyKind')} value={x.kind} onChange={(v) => update({ ...x, kind: v as Company['kind'] })} options={COMPANY_KINDS.map((k) => ({ value: k, label: t(COMPANY_KIND_KEYS[k]) }))} required />
                <BusinessNumberField pointer={`/companies/${i}/businessNumber`} value={x.businessNumber} onChange={(v) => update({ ...x, businessNumber: v })} />
              </div>
              <I18nTextField pointer={`/companies/${i}/address`} label={t('planEdAddress')} value={x.address} onChange={(v) => update({ ...x, address: v })} />
            </>
          )}
        </RowList>

        <RowList
          pointer="/projects"
          legend={t(LIST_KEYS.projects.list)}
          items={d.projects}
          onChange={set('projects')}
          newItem={(): Project => ({ id: nextId('pr', d.projects.map((p) => p.id)), title: { ko: '' }, description: null, stages: [], exemptions: [], companies: [], sites: [], startOn: '', endOn: '' })}
          itemLabel={(x, i) => rowLabel('projects', i, x.title, t, lang)}
          addLabel={t(LIST_KEYS.projects.add)}
          max={50}
        >
          {(x, i, update) => {
            const p = `/projects/${i}`;
            return (
              <>
                <I18nTextField pointer={`${p}/title`} label={t('planEdProjectTitle')} value={x.title} onChange={(v) => update({ ...x, title: v })} required />
                <I18nTextField pointer={`${p}/description`} label={t('planEdDescription')} value={x.description} onChange={(v) => update({ ...x, description: v })} multiline rows={2} />
                <div className="zl-two-col">
                  <DateField pointer={`${p}/startOn`} label={t('planEdStartOn')} value={x.startOn} onChange={(v) => update({ ...x, startOn: v })} />
                  <DateField pointer={`${p}/endOn`} label={t('planEdEndOn')} value={x.endOn} onChange={(v) => update({ ...x, endOn: v })} />
                </div>
                <CheckGroup pointer={`${p}/stages`} legend={t('planStages')} options={stages} value={x.stages} onChange={(v) => update({ ...x, stages: v })} />
                <CheckGroup pointer={`${p}/exemptions`} legend={t('planEdProjectExemptions')} options={exemptionOptions} value={x.exemptions} onChange={(v) => update({ ...x, exemptions: v })} empty={t('planEdNoExemptions')} />
                <CheckGroup pointer={`${p}/companies`} legend={t('planEdProjectCompanies')} options={companyOptions} value={x.companies} onChange={(v) => update({ ...x, companies: v })} empty={t('planEdNoCompanies')} />
                <CheckGroup pointer={`${p}/sites`} legend={t('planEdProjectSites')} options={siteOptions} value={x.sites} onChange={(v) => update({ ...x, sites: v })} empty={t('planEdNoSites')} />
              </>
            );
          }}
        </RowList>

        <RowList
          pointer="/budget"
          legend={t(LIST_KEYS.budget.list)}
          hint={t('planEdBudgetHint')}
          items={d.budget}
          onChange={set('budget')}
          newItem={(): BudgetDraft => ({ year: d.budget.at(-1)?.year ?? String(new Date().getFullYear() + 1), source: 'national', amountMillionKrw: '', purpose: null })}
          itemLabel={(x, i) => rowLabel('budget', i, x.year ? `${x.year} · ${t(SOURCE_KEYS[x.source])}` : null, t, lang)}
          addLabel={t(LIST_KEYS.budget.add)}
          max={200}
          footer={
            <BudgetTotalsTable
              lines={d.budget.map((b) => ({ year: Number(b.year), source: b.source, amountMillionKrw: b.amountMillionKrw.trim() === '' ? Number.NaN : Number(b.amountMillionKrw) }))}
              caption={t('planEdTotalsCaption')}
              testId={`plan-budget-totals-${region}`}
            />
          }
        >
          {(x, i, update) => (
            <>
              <div className="zl-three-col">
                <NumberField pointer={`/budget/${i}/year`} label={t('planEdYear')} value={x.year} onChange={(v) => update({ ...x, year: v })} required min={2019} max={2100} step={1} />
                <SelectField pointer={`/budget/${i}/source`} label={t('planEdSource')} value={x.source} onChange={(v) => update({ ...x, source: v as BudgetSource })} options={BUDGET_SOURCES.map((s) => ({ value: s, label: t(SOURCE_KEYS[s]) }))} required />
                <NumberField pointer={`/budget/${i}/amountMillionKrw`} label={t('planEdAmount')} unit={t('planEdUnitMillionKrw')} min={0} value={x.amountMillionKrw} onChange={(v) => update({ ...x, amountMillionKrw: v })} required />
              </div>
              <I18nTextField pointer={`/budget/${i}/purpose`} label={t('planEdPurpose')} value={x.purpose} onChange={(v) => update({ ...x, purpose: v })} />
            </>
          )}
        </RowList>

        {conflict ? (
          <ConflictNotice
            conflict={conflict}
            testId={`plan-section-conflict-${region}`}
            onLoadLatest={() => {
              onPlan(conflict.latest);
              setD(toDraft(conflict.latest.content.sections[region] ?? EMPTY));
              clearConflict();
            }}
            onKeepMine={() => {
              onPlan(conflict.latest);
              clearConflict();
            }}
          />
        ) : null}
        <div className="zl-actions">
          <button type="submit" className="krds-btn primary medium" data-testid={`plan-section-save-${region}`} disabled={busy}>
            {busy ? t('planSaving') : t('planSaveSection')}
          </button>
        </div>
        <SaveOutcome error={error} saved={saved} />
      </form>
    </FormErrors>
  );
}

/** Another government's section as tables: texts in the reader's language, else Korean with a notice. */
function SectionView({ plan, region }: { plan: PlanView; region: string }) {
  const { t, lang } = useApp();
  const s = plan.content.sections[region] ?? EMPTY;
  useMunicipalities(region);
  const name = (text: I18nText) => <LocalText value={text} />;
  const site = (code: string) => {
    const n = municipalityNames.get(code);
    return n ? regionNameText({ name: n }, lang) : code;
  };
  const byId = <T extends { id: string }>(xs: T[], id: string) => xs.find((x) => x.id === id);
  return (
    <div className="zl-plan-view" data-testid={`plan-section-view-${region}`}>
      <h3 className="zl-subheading">{t(LIST_KEYS.sites.list)}</h3>
      {s.sites.length === 0 ? <p>{t('formRowsEmpty')}</p> : (
        <div className="krds-table-wrap">
          <table className="tbl col data zl-table zl-compact">
            <caption className="sr-only">{t(LIST_KEYS.sites.list)}</caption>
            <thead><tr><th scope="col">{t('planEdSiteName')}</th><th scope="col">{t('planEdMunicipality')}</th><th scope="col" className="zl-num">{t('planEdArea')} (m²)</th></tr></thead>
            <tbody>
              {s.sites.map((x) => (
                <tr key={x.id}><th scope="row">{name(x.name)}</th><td>{site(x.regionCode)}</td><td className="zl-num">{x.areaSqm === null ? '—' : x.areaSqm.toLocaleString(lang)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="zl-subheading">{t(LIST_KEYS.companies.list)}</h3>
      {s.companies.length === 0 ? <p>{t('formRowsEmpty')}</p> : (
        <div className="krds-table-wrap">
          <table className="tbl col data zl-table zl-compact">
            <caption className="sr-only">{t(LIST_KEYS.companies.list)}</caption>
            <thead><tr><th scope="col">{t('planEdCompanyName')}</th><th scope="col">{t('planEdCompanyKind')}</th><th scope="col">{t('planEdBusinessNumber')}</th></tr></thead>
            <tbody>
              {s.companies.map((x) => (
                <tr key={x.id}><th scope="row">{name(x.name)}</th><td>{t(COMPANY_KIND_KEYS[x.kind])}</td><td className="zl-mono">{x.businessNumber ?? '—'}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="zl-subheading">{t(LIST_KEYS.projects.list)}</h3>
      {s.projects.length === 0 ? <p>{t('formRowsEmpty')}</p> : (
        <div className="krds-table-wrap">
          <table className="tbl col data zl-table zl-compact">
            <caption className="sr-only">{t(LIST_KEYS.projects.list)}</caption>
            <thead><tr><th scope="col">{t('planEdProjectTitle')}</th><th scope="col">{t('planEdPeriod')}</th><th scope="col">{t('planEdProjectCompanies')}</th><th scope="col">{t('planEdProjectSites')}</th></tr></thead>
            <tbody>
              {s.projects.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{name(x.title)}</th>
                  <td className="zl-nowrap">{x.startOn} – {x.endOn}</td>
                  <td>{x.companies.map((id) => byId(s.companies, id)).filter(Boolean).map((c) => pick(c!.name, lang)).join(', ') || '—'}</td>
                  <td>{x.sites.map((id) => byId(s.sites, id)).filter(Boolean).map((c) => pick(c!.name, lang)).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="zl-subheading">{t(LIST_KEYS.budget.list)}</h3>
      {s.budget.length === 0 ? <p>{t('formRowsEmpty')}</p> : <BudgetTotalsTable lines={s.budget} caption={t('planEdTotalsCaption')} testId={`plan-budget-totals-${region}`} />}
    </div>
  );
}

export function SectionEditor({ plan, client, region, onPlan }: { plan: PlanView; client: PlansClient; region: string; onPlan: (p: PlanView) => void }) {
  const { t, lang } = useApp();
  const editable = plan.can.editSections.includes(region);
  const participant = plan.participantDetails.find((p) => p.regionCode === region);
  const name = regionLabel(participant?.name, region, lang);
  const s = plan.content.sections[region] ?? EMPTY;
  return (
    <section className="zl-section zl-card" aria-labelledby={`plan-section-${region}`} data-testid={`plan-section-${region}`} data-editable={editable}>
      <h2 id={`plan-section-${region}`}>{t('planSectionTitle', { name })}</h2>
      <p className="zl-hint">
        {t('planSectionCounts', { sites: s.sites.length, companies: s.companies.length, projects: s.projects.length, budget: s.budget.length })}
        {' · '}
        {editable ? t('planSectionOwn') : t('planEdSectionOthers', { name })}
      </p>
      {editable ? <SectionForm plan={plan} client={client} region={region} onPlan={onPlan} t={t} /> : <SectionView plan={plan} region={region} />}
    </section>
  );
}
