// One participating government's section (Decree Art. 40(2): each government writes its own part): sites in
// its municipalities, participating companies (zone operators), demonstration projects and the budget per year
// and source. Only that government edits it (the API enforces it); the others read it.
import { useState, type FormEvent } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { CheckGroup, FormErrors, I18nTextField, NumberField, RowList, SelectField, TextField } from '../../../shared/forms/forms.tsx';
import { cleanText, nextId, numberText, parseNumber, requiredText } from '../../../shared/forms/form-values.ts';
import { RowTable } from '../../../shared/ui/RowTable.tsx';
import { LocalText, regionNameText } from '../../../shared/ui/text.tsx';
import { seoulToday } from '../../../shared/dates.ts';
import type { Lang, Translate } from '../../../i18n/index.ts';
import type { I18nText } from '../../../shared/types.ts';
import { budgetTotals } from '../budget.ts';
import type { PlansClient } from '../api/client.ts';
import { regionLabel } from './common.tsx';
import { COMPANY_KIND_KEYS, LIST_KEYS, rowLabel, SOURCE_KEYS } from '../plan-labels.ts';
import { STAGES, STAGE_KEYS } from '../../../shared/stages.ts';
import { municipalityNames, useMunicipalities } from './reference.tsx';
import { PlanSaveFooter, usePlanSave } from './SaveConflict.tsx';
import {
  BUDGET_SOURCES, COMPANY_KINDS, type BudgetLine, type BudgetSource, type Company, type PlanView, type Project, type SectionContent, type Site,
} from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

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
    <TableFrame className="zl-budget-totals">
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
    </TableFrame>
  );
}

function SectionForm({ plan, client, region, onPlan, t }: { plan: PlanView; client: PlansClient; region: string; onPlan: (p: PlanView) => void; t: Translate }) {
  const { lang } = useApp();
  const [d, setD] = useState<Draft>(() => toDraft(plan.content.sections[region] ?? EMPTY));
  const saving = usePlanSave(plan, client, onPlan);
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
    void saving.save(() => client.saveSection(plan, region, toInput(d))).then((next) => next && setD(toDraft(next.content.sections[region] ?? EMPTY)));
  }

  return (
    <FormErrors error={saving.error} idBase={`ps-${region}`}>
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
          {(_x, _i, _update, field) => (
            <>
              <div className="zl-two-col">
                <SelectField
                  {...field('regionCode')}
                  label={t('planEdMunicipality')}
                  options={municipalities.map((m) => ({ value: m.code, label: regionNameText(m, lang) }))}
                  placeholder={t('planEdChooseMunicipality')}
                  required
                />
                <NumberField {...field('areaSqm')} label={t('planEdArea')} unit="m²" min={0} />
              </div>
              <I18nTextField {...field('name')} label={t('planEdSiteName')} required />
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
          {(x, i, update, field) => (
            <>
              <I18nTextField {...field('name')} label={t('planEdCompanyName')} required />
              <div className="zl-two-col">
                <SelectField pointer={`/companies/${i}/kind`} label={t('planEdCompanyKind')} value={x.kind} onChange={(v) => update({ ...x, kind: v as Company['kind'] })} options={COMPANY_KINDS.map((k) => ({ value: k, label: t(COMPANY_KIND_KEYS[k]) }))} required />
                <TextField {...field('businessNumber')} label={t('planEdBusinessNumber')} hint={t('planEdBusinessNumberHint')} inputMode="numeric" placeholder="000-00-00000" />
              </div>
              <I18nTextField {...field('address')} label={t('planEdAddress')} />
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
          {(_x, _i, _update, field) => (
            <>
              <I18nTextField {...field('title')} label={t('planEdProjectTitle')} required />
              <I18nTextField {...field('description')} label={t('planEdDescription')} multiline rows={2} />
              <div className="zl-two-col">
                <TextField {...field('startOn')} label={t('planEdStartOn')} type="date" required />
                <TextField {...field('endOn')} label={t('planEdEndOn')} type="date" required />
              </div>
              <CheckGroup {...field('stages')} legend={t('planStages')} options={stages} />
              <CheckGroup {...field('exemptions')} legend={t('planEdProjectExemptions')} options={exemptionOptions} empty={t('planEdNoExemptions')} />
              <CheckGroup {...field('companies')} legend={t('planEdProjectCompanies')} options={companyOptions} empty={t('planEdNoCompanies')} />
              <CheckGroup {...field('sites')} legend={t('planEdProjectSites')} options={siteOptions} empty={t('planEdNoSites')} />
            </>
          )}
        </RowList>

        <RowList
          pointer="/budget"
          legend={t(LIST_KEYS.budget.list)}
          hint={t('planEdBudgetHint')}
          items={d.budget}
          onChange={set('budget')}
          newItem={(): BudgetDraft => ({ year: d.budget.at(-1)?.year ?? String(Number(seoulToday().slice(0, 4)) + 1), source: 'national', amountMillionKrw: '', purpose: null })}
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
          {(x, i, update, field) => (
            <>
              <div className="zl-three-col">
                <NumberField {...field('year')} label={t('planEdYear')} required min={2019} max={2100} step={1} />
                <SelectField pointer={`/budget/${i}/source`} label={t('planEdSource')} value={x.source} onChange={(v) => update({ ...x, source: v as BudgetSource })} options={BUDGET_SOURCES.map((s) => ({ value: s, label: t(SOURCE_KEYS[s]) }))} required />
                <NumberField {...field('amountMillionKrw')} label={t('planEdAmount')} unit={t('planEdUnitMillionKrw')} min={0} required />
              </div>
              <I18nTextField {...field('purpose')} label={t('planEdPurpose')} />
            </>
          )}
        </RowList>

        <PlanSaveFooter
          state={saving}
          onLoadLatest={(latest) => setD(toDraft(latest.content.sections[region] ?? EMPTY))}
          conflictTestId={`plan-section-conflict-${region}`}
          saveTestId={`plan-section-save-${region}`}
          saveLabel={t('planSaveSection')}
        />
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
      <RowTable title={t(LIST_KEYS.sites.list)} columns={[t('planEdSiteName'), t('planEdMunicipality'), { label: `${t('planEdArea')} (m²)`, numeric: true }]} rows={s.sites}>
        {(x) => <tr key={x.id}><th scope="row">{name(x.name)}</th><td>{site(x.regionCode)}</td><td className="zl-num">{x.areaSqm === null ? '—' : x.areaSqm.toLocaleString(lang)}</td></tr>}
      </RowTable>
      <RowTable title={t(LIST_KEYS.companies.list)} columns={[t('planEdCompanyName'), t('planEdCompanyKind'), t('planEdBusinessNumber')]} rows={s.companies}>
        {(x) => <tr key={x.id}><th scope="row">{name(x.name)}</th><td>{t(COMPANY_KIND_KEYS[x.kind])}</td><td className="zl-mono">{x.businessNumber ?? '—'}</td></tr>}
      </RowTable>
      <RowTable title={t(LIST_KEYS.projects.list)} columns={[t('planEdProjectTitle'), t('planEdPeriod'), t('planEdProjectCompanies'), t('planEdProjectSites')]} rows={s.projects}>
        {(x) => (
          <tr key={x.id}>
            <th scope="row">{name(x.title)}</th>
            <td className="zl-nowrap">{x.startOn} – {x.endOn}</td>
            <td>{x.companies.map((id) => byId(s.companies, id)).filter(Boolean).map((c) => pick(c!.name, lang)).join(', ') || '—'}</td>
            <td>{x.sites.map((id) => byId(s.sites, id)).filter(Boolean).map((c) => pick(c!.name, lang)).join(', ') || '—'}</td>
          </tr>
        )}
      </RowTable>
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
