// The editable parts of a plan: the common part (lead only), one section per government (each its own),
// and the public notice / hearing record (lead, RFZ Act Art. 74(2); Decree Art. 43).
import { useState, type FormEvent } from 'react';
import { useApp } from '../../app-context.tsx';
import { Field } from '../../components/ui.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import type { I18nText } from '../../types.ts';
import { ActionOutcome, regionLabel, usePlanAction } from './common.tsx';
import type { PlansClient } from './client.ts';
import { STAGES, STAGE_KEYS } from '../../stages.ts';
import { NARRATIVE_ITEMS, type Consultation, type NarrativeItem, type PlanView, type SectionContent } from './types.ts';

export const NARRATIVE_KEYS: Record<NarrativeItem, MessageKey> = {
  'necessity-and-effects': 'planItemNecessity',
  'industry-growth-plan': 'planItemIndustryGrowth',
  'sandbox-measures': 'planItemSandbox',
  'local-era-plan-link': 'planItemLocalEra',
  'real-estate-stabilisation': 'planItemRealEstate',
  'firm-attraction': 'planItemFirmAttraction',
  'local-support': 'planItemLocalSupport',
  'safety-privacy-measures': 'planItemSafety',
  'land-use-plan': 'planItemLandUse',
};


const json = (value: unknown): string => JSON.stringify(value, null, 2);
/** Keeps the other languages of a text when its Korean is edited; null when emptied. */
const withKo = (old: I18nText | null | undefined, ko: string): I18nText | null => (ko.trim() === '' ? null : { ...(old ?? {}), ko });

function parseList(text: string, name: string, bad: string[]): unknown[] {
  try {
    const value: unknown = JSON.parse(text.trim() === '' ? '[]' : text);
    if (Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  bad.push(name);
  return [];
}

function JsonList({ id, label, hint, value, onChange, readOnly, invalid }: { id: string; label: string; hint: string; value: string; onChange: (v: string) => void; readOnly?: boolean; invalid?: string | undefined }) {
  return (
    <Field id={id} label={label} hint={hint} error={invalid}>
      {(a) => <textarea {...a} className="krds-input zl-json" rows={6} spellCheck={false} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export function CommonEditor({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  const { t } = useApp();
  const c = plan.content;
  const editable = plan.can.editCommon;
  const { busy, error, done, run } = usePlanAction(onPlan);
  const [titleKo, setTitleKo] = useState(c.title.ko);
  const [titleEn, setTitleEn] = useState(c.title.en ?? '');
  const [summary, setSummary] = useState(c.summary?.ko ?? '');
  const [industries, setIndustries] = useState(c.industries.map((i) => i.ko).join('\n'));
  const [stages, setStages] = useState<string[]>(c.stages);
  const [months, setMonths] = useState(c.designationMonths === null ? '' : String(c.designationMonths));
  const [narrative, setNarrative] = useState<Record<string, string>>(Object.fromEntries(NARRATIVE_ITEMS.map((k) => [k, c.narrative[k]?.ko ?? ''])));
  const [exemptions, setExemptions] = useState(json(c.exemptions));
  const [kpis, setKpis] = useState(json(c.kpis));
  const [attachments, setAttachments] = useState(json(c.attachments));
  const [sea, setSea] = useState(c.conditions.seaRequired);
  const [landUse, setLandUse] = useState(c.conditions.landUsePlanRequired);
  const [bad, setBad] = useState<string[]>([]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: string[] = [];
    const input = {
      model: c.model,
      title: { ...c.title, ko: titleKo, ...(titleEn.trim() ? { en: titleEn } : {}) },
      summary: withKo(c.summary, summary),
      industries: industries.split('\n').map((line) => line.trim()).filter(Boolean).map((ko) => c.industries.find((i) => i.ko === ko) ?? { ko }),
      stages,
      exemptions: parseList(exemptions, 'exemptions', invalid),
      designationMonths: months.trim() === '' ? null : Number(months),
      kpis: parseList(kpis, 'kpis', invalid),
      narrative: Object.fromEntries(NARRATIVE_ITEMS.flatMap((k) => {
        const v = withKo(c.narrative[k], narrative[k] ?? '');
        return v ? [[k, v]] : [];
      })),
      attachments: parseList(attachments, 'attachments', invalid),
      conditions: { seaRequired: sea, landUsePlanRequired: landUse },
    };
    setBad(invalid);
    if (invalid.length > 0) return;
    void run(() => client.saveCommon(plan, input), 'planSavedVersion');
  }

  const notJson = (name: string) => (bad.includes(name) ? t('planJsonInvalid') : undefined);
  return (
    <section className="zl-section zl-card" aria-labelledby="plan-common-title">
      <h2 id="plan-common-title">{t('planCommonTitle')}</h2>
      <p className="zl-hint">{editable ? t('planCommonLeadOnly') : t('planReadOnly')}</p>
      <form onSubmit={onSubmit} noValidate data-testid="plan-common-form">
        <fieldset className="zl-fieldset" disabled={!editable || busy}>
          <legend className="sr-only">{t('planCommonTitle')}</legend>
          <div className="zl-two-col">
            <Field id="pc-title-ko" label={t('planTitleKo')} required>
              {(a) => <input {...a} className="krds-input" value={titleKo} onChange={(e) => setTitleKo(e.target.value)} />}
            </Field>
            <Field id="pc-title-en" label={t('planTitleEn')}>
              {(a) => <input {...a} className="krds-input" lang="en" value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />}
            </Field>
          </div>
          <Field id="pc-summary" label={t('planSummary')}>
            {(a) => <textarea {...a} className="krds-input" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
          </Field>
          <div className="zl-two-col">
            <Field id="pc-industries" label={t('planIndustries')} hint={t('planOnePerLine')}>
              {(a) => <textarea {...a} className="krds-input" rows={3} value={industries} onChange={(e) => setIndustries(e.target.value)} />}
            </Field>
            <Field id="pc-months" label={t('planDesignationMonths')} hint={t('planDesignationMonthsHint')}>
              {(a) => <input {...a} className="krds-input" type="number" min={1} max={120} inputMode="numeric" value={months} onChange={(e) => setMonths(e.target.value)} />}
            </Field>
          </div>
          <fieldset className="zl-fieldset">
            <legend>{t('planStages')}</legend>
            <div className="zl-check-grid">
              {STAGES.map((s) => (
                <div className="krds-form-check" key={s}>
                  <input
                    type="checkbox"
                    id={`pc-stage-${s}`}
                    checked={stages.includes(s)}
                    onChange={(e) => setStages(e.target.checked ? [...stages, s] : stages.filter((x) => x !== s))}
                  />
                  <label htmlFor={`pc-stage-${s}`}>{t(STAGE_KEYS[s])}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <h3 className="zl-subheading">{t('planNarrative')}</h3>
          {NARRATIVE_ITEMS.map((k) => (
            <Field id={`pc-narrative-${k}`} key={k} label={t(NARRATIVE_KEYS[k])}>
              {(a) => <textarea {...a} className="krds-input" rows={2} value={narrative[k] ?? ''} onChange={(e) => setNarrative({ ...narrative, [k]: e.target.value })} />}
            </Field>
          ))}
          <fieldset className="zl-fieldset">
            <legend>{t('planConditions')}</legend>
            <div className="krds-form-check">
              <input type="checkbox" id="pc-sea" checked={sea} onChange={(e) => setSea(e.target.checked)} />
              <label htmlFor="pc-sea">{t('planSeaRequired')}</label>
            </div>
            <div className="krds-form-check">
              <input type="checkbox" id="pc-land" checked={landUse} onChange={(e) => setLandUse(e.target.checked)} />
              <label htmlFor="pc-land">{t('planLandUseRequired')}</label>
            </div>
          </fieldset>
          <JsonList id="pc-exemptions" label={t('planExemptions')} hint={t('planExemptionsHint')} value={exemptions} onChange={setExemptions} invalid={notJson('exemptions')} />
          <JsonList id="pc-kpis" label={t('planKpis')} hint={t('planKpisHint')} value={kpis} onChange={setKpis} invalid={notJson('kpis')} />
          <JsonList id="pc-attachments" label={t('planAttachments')} hint={t('planAttachmentsHint')} value={attachments} onChange={setAttachments} invalid={notJson('attachments')} />
          {editable ? (
            <div className="zl-actions">
              <button type="submit" className="krds-btn primary medium" data-testid="plan-common-save">
                {busy ? t('planSaving') : t('planSaveCommon')}
              </button>
            </div>
          ) : null}
        </fieldset>
      </form>
      {editable ? <p className="zl-hint">{t('planChangeWithdrawsSignOffs')}</p> : null}
      <ActionOutcome error={error} done={done} />
    </section>
  );
}

export function SectionEditor({ plan, client, region, onPlan }: { plan: PlanView; client: PlansClient; region: string; onPlan: (p: PlanView) => void }) {
  const { t, lang } = useApp();
  const section: SectionContent = plan.content.sections[region] ?? { sites: [], companies: [], projects: [], budget: [] };
  const editable = plan.can.editSections.includes(region);
  const participant = plan.participantDetails.find((p) => p.regionCode === region);
  const name = regionLabel(participant?.name, region, lang);
  const { busy, error, done, run } = usePlanAction(onPlan);
  const [values, setValues] = useState({ sites: json(section.sites), companies: json(section.companies), projects: json(section.projects), budget: json(section.budget) });
  const [bad, setBad] = useState<string[]>([]);
  const fields = ['sites', 'companies', 'projects', 'budget'] as const;
  const labels: Record<(typeof fields)[number], [MessageKey, MessageKey]> = {
    sites: ['planSites', 'planSitesHint'],
    companies: ['planCompanies', 'planCompaniesHint'],
    projects: ['planProjects', 'planProjectsHint'],
    budget: ['planBudget', 'planBudgetHint'],
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: string[] = [];
    const input = Object.fromEntries(fields.map((f) => [f, parseList(values[f], f, invalid)])) as unknown as SectionContent;
    setBad(invalid);
    if (invalid.length === 0) void run(() => client.saveSection(plan, region, input), 'planSavedVersion');
  }

  return (
    <section className="zl-section zl-card" aria-labelledby={`plan-section-${region}`} data-testid={`plan-section-${region}`}>
      <h2 id={`plan-section-${region}`}>{t('planSectionTitle', { name })}</h2>
      <p className="zl-hint">
        {t('planSectionCounts', { sites: section.sites.length, companies: section.companies.length, projects: section.projects.length, budget: section.budget.length })}
        {' · '}
        {editable ? t('planSectionOwn') : t('planSectionOthers')}
      </p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="zl-fieldset" disabled={busy}>
          <legend className="sr-only">{t('planSectionTitle', { name })}</legend>
          <div className="zl-two-col">
            {fields.map((f) => (
              <JsonList
                key={f}
                id={`ps-${region}-${f}`}
                label={t(labels[f][0])}
                hint={t(labels[f][1])}
                value={values[f]}
                readOnly={!editable}
                onChange={(v) => setValues({ ...values, [f]: v })}
                invalid={bad.includes(f) ? t('planJsonInvalid') : undefined}
              />
            ))}
          </div>
          {editable ? (
            <div className="zl-actions">
              <button type="submit" className="krds-btn primary medium" data-testid={`plan-section-save-${region}`}>
                {busy ? t('planSaving') : t('planSaveSection')}
              </button>
            </div>
          ) : null}
        </fieldset>
      </form>
      <ActionOutcome error={error} done={done} />
    </section>
  );
}

export function ConsultationEditor({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  const { t } = useApp();
  const c = plan.consultation;
  const editable = plan.can.editCommon;
  const { busy, error, done, run } = usePlanAction(onPlan);
  const [v, setV] = useState({
    noticeOn: c.noticeOn ?? '', noticeUntil: c.noticeUntil ?? '', inspectionFrom: c.inspectionFrom ?? '', inspectionUntil: c.inspectionUntil ?? '',
    announcedOn: c.hearing?.announcedOn ?? '', heldOn: c.hearing?.heldOn ?? '', heard: c.localEraCommitteeHeard,
  });
  const [opinions, setOpinions] = useState(c.opinions);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const date = (s: string): string | null => (s === '' ? null : s);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input: Consultation = {
      noticeOn: date(v.noticeOn), noticeUntil: date(v.noticeUntil), inspectionFrom: date(v.inspectionFrom), inspectionUntil: date(v.inspectionUntil),
      hearing: v.announcedOn && v.heldOn ? { announcedOn: v.announcedOn, heldOn: v.heldOn } : null,
      localEraCommitteeHeard: v.heard,
      opinions,
    };
    void run(() => client.saveConsultation(plan, input), 'planConsultationSaved');
  }

  const dateField = (id: keyof typeof v, key: MessageKey) => (
    <Field id={`pn-${id}`} label={t(key)}>
      {(a) => <input {...a} type="date" className="krds-input" value={v[id] as string} onChange={set(id)} />}
    </Field>
  );
  return (
    <section className="zl-section zl-card" aria-labelledby="plan-consultation-title">
      <h2 id="plan-consultation-title">{t('planConsultationTitle')}</h2>
      <p className="zl-hint">{t('planConsultationRule')}</p>
      <form onSubmit={onSubmit} noValidate data-testid="plan-consultation-form">
        <fieldset className="zl-fieldset" disabled={!editable || busy}>
          <legend className="sr-only">{t('planConsultationTitle')}</legend>
          <div className="zl-two-col">
            {dateField('noticeOn', 'planNoticeOn')}
            {dateField('noticeUntil', 'planNoticeUntil')}
            {dateField('inspectionFrom', 'planInspectionFrom')}
            {dateField('inspectionUntil', 'planInspectionUntil')}
            {dateField('announcedOn', 'planHearingAnnounced')}
            {dateField('heldOn', 'planHearingHeld')}
          </div>
          <div className="krds-form-check">
            <input type="checkbox" id="pn-heard" checked={v.heard} onChange={(e) => setV({ ...v, heard: e.target.checked })} />
            <label htmlFor="pn-heard">{t('planLocalEraHeard')}</label>
          </div>
          <h3 className="zl-subheading">{t('planOpinions')}</h3>
          {opinions.length === 0 ? <p>{t('planNoOpinions')}</p> : null}
          {opinions.map((o, i) => (
            <fieldset className="zl-fieldset zl-opinion" key={i}>
              <legend>{t('planOpinionN', { n: i + 1 })}</legend>
              <div className="zl-two-col">
                <Field id={`pn-op-${i}-from`} label={t('planOpinionFrom')}>
                  {(a) => <input {...a} className="krds-input" value={o.from} onChange={(e) => setOpinions(opinions.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)))} />}
                </Field>
                <Field id={`pn-op-${i}-on`} label={t('planOpinionReceived')}>
                  {(a) => <input {...a} type="date" className="krds-input" value={o.receivedOn} onChange={(e) => setOpinions(opinions.map((x, j) => (j === i ? { ...x, receivedOn: e.target.value } : x)))} />}
                </Field>
                <Field id={`pn-op-${i}-summary`} label={t('planOpinionSummary')}>
                  {(a) => <textarea {...a} className="krds-input" rows={2} value={o.summary.ko} onChange={(e) => setOpinions(opinions.map((x, j) => (j === i ? { ...x, summary: { ...x.summary, ko: e.target.value } } : x)))} />}
                </Field>
                <Field id={`pn-op-${i}-response`} label={t('planOpinionResponse')}>
                  {(a) => (
                    <textarea
                      {...a}
                      className="krds-input"
                      rows={2}
                      value={o.response?.ko ?? ''}
                      onChange={(e) => setOpinions(opinions.map((x, j) => (j === i ? { ...x, response: withKo(x.response, e.target.value) } : x)))}
                    />
                  )}
                </Field>
              </div>
              <div className="krds-form-check">
                <input type="checkbox" id={`pn-op-${i}-reflected`} checked={o.reflected} onChange={(e) => setOpinions(opinions.map((x, j) => (j === i ? { ...x, reflected: e.target.checked } : x)))} />
                <label htmlFor={`pn-op-${i}-reflected`}>{t('planOpinionReflected')}</label>
              </div>
              <button type="button" className="krds-btn small tertiary" onClick={() => setOpinions(opinions.filter((_, j) => j !== i))}>
                {t('planOpinionRemove', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <div className="zl-actions">
            <button
              type="button"
              className="krds-btn small secondary"
              data-testid="plan-opinion-add"
              onClick={() => setOpinions([...opinions, { id: `op-${Date.now().toString(36)}`, receivedOn: '', from: '', summary: { ko: '' }, response: null, reflected: false }])}
            >
              {t('planOpinionAdd')}
            </button>
            {editable ? (
              <button type="submit" className="krds-btn primary medium" data-testid="plan-consultation-save">
                {busy ? t('planSaving') : t('planSaveConsultation')}
              </button>
            ) : null}
          </div>
        </fieldset>
      </form>
      <ActionOutcome error={error} done={done} />
    </section>
  );
}
