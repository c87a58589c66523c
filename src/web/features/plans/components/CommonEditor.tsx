// The common part of a plan, written by the lead government (RFZ Act Art. 74(1)): name, summary, industries
// and supply-chain stages, proposed exemptions (from the regulation catalogue), designation period, KPIs with
// targets, the narrative items and the documents handed in. Others read it.
import { useEffect, useState, type FormEvent } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { CheckGroup, FormErrors, I18nTextField, NumberField, RowList, SelectField, TextField, useField } from '../../../shared/forms/forms.tsx';
import { cleanText, nextId, numberText, parseNumber, requiredText } from '../../../shared/forms/form-values.ts';
import { RowTable } from '../../../shared/ui/RowTable.tsx';
import { LocalText } from '../../../shared/ui/text.tsx';
import { Field } from '../../../shared/ui/ui.tsx';
import type { I18nText, Regulation } from '../../../shared/types.ts';
import type { PlansClient } from '../api/client.ts';
import {
  ATTACHMENT_KEYS, KIND_KEYS, LIST_KEYS, NARRATIVE_KEYS, rowLabel,
} from '../plan-labels.ts';
import { STAGES, STAGE_KEYS, stageText, type Stage } from '../../../shared/stages.ts';
import { PlanSaveFooter, usePlanSave } from './SaveConflict.tsx';
import {
  ATTACHMENT_ITEMS, EXEMPTION_KINDS, NARRATIVE_ITEMS, type Attachment, type CommonContent, type PlanExemption, type PlanView,
} from '../types.ts';

type KpiDraft = { id: string; name: I18nText; unit: string; baseline: string; target: string; targetYear: string };
interface Draft {
  title: I18nText;
  summary: I18nText | null;
  industries: I18nText[];
  stages: Stage[];
  designationMonths: string;
  exemptions: PlanExemption[];
  kpis: KpiDraft[];
  narrative: Partial<Record<string, I18nText>>;
  attachments: Attachment[];
  conditions: string[];
}

function toDraft(c: CommonContent): Draft {
  return {
    title: c.title,
    summary: c.summary,
    industries: c.industries,
    stages: c.stages,
    designationMonths: numberText(c.designationMonths),
    exemptions: c.exemptions,
    kpis: c.kpis.map((k) => ({ ...k, baseline: numberText(k.baseline), target: numberText(k.target), targetYear: numberText(k.targetYear) })),
    narrative: c.narrative,
    attachments: c.attachments,
    conditions: (['seaRequired', 'landUsePlanRequired'] as const).filter((k) => c.conditions[k]),
  };
}

function toInput(model: CommonContent['model'], d: Draft): CommonContent {
  const narrative: CommonContent['narrative'] = {};
  for (const k of NARRATIVE_ITEMS) {
    const v = cleanText(d.narrative[k]);
    if (v) narrative[k] = v;
  }
  return {
    model,
    title: requiredText(d.title),
    summary: cleanText(d.summary),
    industries: d.industries.map(requiredText),
    stages: d.stages,
    designationMonths: parseNumber(d.designationMonths),
    exemptions: d.exemptions.map((e) => ({ ...e, law: requiredText(e.law), regulation: requiredText(e.regulation), request: requiredText(e.request), responsibleMinistry: cleanText(e.responsibleMinistry) })),
    // Target and year are required: an empty one is sent as null and the server names the field.
    kpis: d.kpis.map((k) => ({ id: k.id, name: requiredText(k.name), unit: k.unit, baseline: parseNumber(k.baseline), target: parseNumber(k.target) as number, targetYear: parseNumber(k.targetYear) as number })),
    narrative,
    attachments: d.attachments.map((a) => ({ ...a, title: requiredText(a.title) })),
    conditions: { seaRequired: d.conditions.includes('seaRequired'), landUsePlanRequired: d.conditions.includes('landUsePlanRequired') },
  };
}

/** "제86조제10항" from the catalogue's article and paragraph. */
function provisionOf(r: Regulation): string {
  const article = /^\d+(-\d+)?$/.test(r.article) ? `제${r.article}조` : r.article;
  return r.paragraph ? `${article}제${r.paragraph}항` : article;
}

/** Search as you type in the regulation catalogue; picking one fills law, provision, regulation and ministry. */
function RegulationPicker({ pointer, client, onPick }: { pointer: string; client: PlansClient; onPick: (r: Regulation) => void }) {
  const { t, lang } = useApp();
  const f = useField(`${pointer}/search`);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Regulation[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) {
      setItems(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      client.regulations(query).then(
        (found) => live && (setItems(found.slice(0, 8)), setFailed(false)),
        () => live && (setItems([]), setFailed(true)),
      );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q, client]);
  return (
    <div className="zl-reg-picker">
      <Field id={f.id} label={t('planEdRegSearch')} hint={t('planEdRegSearchHint')}>
        {(a) => <input {...a} type="search" className="krds-input" value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <p className="zl-hint" role="status" aria-live="polite">
        {items === null ? '' : failed ? t('errorGeneric') : items.length === 0 ? t('planEdRegNone') : t('planEdRegFound', { count: items.length })}
      </p>
      {items && items.length > 0 ? (
        <ul className="zl-reg-results" data-testid="regulation-results">
          {items.map((r) => {
            const name = `${r.law[lang] ?? r.law.ko} ${provisionOf(r)} — ${r.title[lang] ?? r.title.ko}`;
            return (
              <li key={r.id}>
                <button
                  type="button"
                  className="krds-btn xsmall secondary"
                  aria-label={t('planEdRegUse', { name })}
                  onClick={() => {
                    onPick(r);
                    setQ('');
                  }}
                >
                  {t('planEdRegUseShort')}
                </button>{' '}
                <span lang={r.law[lang] ? lang : 'ko'}>{name}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function stageOptions(t: ReturnType<typeof useApp>['t']) {
  return STAGES.map((s) => ({ value: s, label: t(STAGE_KEYS[s]) }));
}

function CommonForm({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  const { t, lang } = useApp();
  const [d, setD] = useState<Draft>(() => toDraft(plan.content));
  const saving = usePlanSave(plan, client, onPlan);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const stages = stageOptions(t);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void saving.save(() => client.saveCommon(plan, toInput(plan.content.model, d))).then((next) => next && setD(toDraft(next.content)));
  }

  return (
    <FormErrors error={saving.error} idBase="pc">
      <form onSubmit={onSubmit} noValidate data-testid="plan-common-form">
        <I18nTextField pointer="/title" label={t('planTitleLabel')} value={d.title} onChange={set('title')} required />
        <I18nTextField pointer="/summary" label={t('planSummary')} value={d.summary} onChange={set('summary')} multiline />
        <div className="zl-two-col">
          <NumberField pointer="/designationMonths" label={t('planDesignationMonths')} hint={t('planDesignationMonthsHint')} min={1} max={120} step={1} value={d.designationMonths} onChange={set('designationMonths')} />
        </div>
        <RowList
          pointer="/industries"
          legend={t(LIST_KEYS.industries.list)}
          items={d.industries}
          onChange={set('industries')}
          newItem={() => ({ ko: '' })}
          itemLabel={(x, i) => rowLabel('industries', i, x, t, lang)}
          addLabel={t(LIST_KEYS.industries.add)}
          max={20}
        >
          {(x, i, update) => <I18nTextField pointer={`/industries/${i}`} label={t('planEdIndustry')} value={x} onChange={update} required />}
        </RowList>
        <CheckGroup pointer="/stages" legend={t('planStages')} options={stages} value={d.stages} onChange={set('stages')} />

        <RowList
          pointer="/exemptions"
          legend={t(LIST_KEYS.exemptions.list)}
          hint={t('planEdExemptionsHint')}
          items={d.exemptions}
          onChange={set('exemptions')}
          newItem={(): PlanExemption => ({ id: nextId('ex', d.exemptions.map((e) => e.id)), kind: 'demonstration', law: { ko: '' }, provision: '', regulation: { ko: '' }, request: { ko: '' }, stages: [], responsibleMinistry: null })}
          itemLabel={(x, i) => rowLabel('exemptions', i, x.law.ko ? `${x.law[lang] ?? x.law.ko} ${x.provision}` : null, t, lang)}
          addLabel={t(LIST_KEYS.exemptions.add)}
          max={100}
        >
          {(x, i, update, field) => {
            const p = `/exemptions/${i}`;
            return (
              <>
                <RegulationPicker
                  pointer={p}
                  client={client}
                  onPick={(r) => update({ ...x, law: r.law, provision: provisionOf(r), regulation: r.title, responsibleMinistry: r.ministryName, regulationId: r.id })}
                />
                <div className="zl-two-col">
                  <SelectField pointer={`${p}/kind`} label={t('planEdKind')} value={x.kind} onChange={(v) => update({ ...x, kind: v as PlanExemption['kind'] })} options={EXEMPTION_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))} required />
                  <TextField {...field('provision')} label={t('planEdProvision')} required hint={t('planEdProvisionHint')} lang="ko" />
                </div>
                <I18nTextField {...field('law')} label={t('planEdLaw')} required />
                <I18nTextField {...field('regulation')} label={t('planEdRegulation')} required multiline rows={2} />
                <I18nTextField {...field('request')} label={t('planEdRequest')} required multiline rows={2} />
                <I18nTextField {...field('responsibleMinistry')} label={t('planEdMinistry')} />
                <CheckGroup {...field('stages')} legend={t('planStages')} options={stages} />
              </>
            );
          }}
        </RowList>

        <RowList
          pointer="/kpis"
          legend={t(LIST_KEYS.kpis.list)}
          items={d.kpis}
          onChange={set('kpis')}
          newItem={() => ({ id: nextId('kpi', d.kpis.map((k) => k.id)), name: { ko: '' }, unit: '', baseline: '', target: '', targetYear: '' })}
          itemLabel={(x, i) => rowLabel('kpis', i, x.name, t, lang)}
          addLabel={t(LIST_KEYS.kpis.add)}
          max={50}
        >
          {(x, _i, _update, field) => (
            <>
              <I18nTextField {...field('name')} label={t('planEdKpiName')} required />
              <div className="zl-three-col">
                <TextField {...field('unit')} label={t('planEdUnit')} required hint={t('planEdUnitHint')} suggestions={UNITS} />
                <NumberField {...field('baseline')} label={t('planEdBaseline')} unit={x.unit || undefined} />
                <NumberField {...field('target')} label={t('planEdTarget')} unit={x.unit || undefined} required />
                <NumberField {...field('targetYear')} label={t('planEdTargetYear')} required min={2019} max={2100} step={1} />
              </div>
            </>
          )}
        </RowList>

        <h3 className="zl-subheading">{t('planNarrative')}</h3>
        {NARRATIVE_ITEMS.map((k) => (
          <I18nTextField key={k} pointer={`/narrative/${k}`} label={t(NARRATIVE_KEYS[k])} value={d.narrative[k] ?? null} onChange={(v) => setD((prev) => ({ ...prev, narrative: { ...prev.narrative, [k]: v } }))} multiline rows={2} />
        ))}
        <CheckGroup
          pointer="/conditions"
          legend={t('planConditions')}
          options={[{ value: 'seaRequired', label: t('planSeaRequired') }, { value: 'landUsePlanRequired', label: t('planLandUseRequired') }]}
          value={d.conditions}
          onChange={set('conditions')}
        />
        <RowList
          pointer="/attachments"
          legend={t(LIST_KEYS.attachments.list)}
          items={d.attachments}
          onChange={set('attachments')}
          newItem={(): Attachment => ({ item: 'location-maps', title: { ko: '' }, reference: '' })}
          itemLabel={(x, i) => rowLabel('attachments', i, x.title, t, lang)}
          addLabel={t(LIST_KEYS.attachments.add)}
          max={50}
        >
          {(x, i, update, field) => (
            <>
              <div className="zl-two-col">
                <SelectField pointer={`/attachments/${i}/item`} label={t('planEdAttachmentItem')} value={x.item} onChange={(v) => update({ ...x, item: v as Attachment['item'] })} options={ATTACHMENT_ITEMS.map((k) => ({ value: k, label: t(ATTACHMENT_KEYS[k]) }))} required />
                <TextField {...field('reference')} label={t('planEdReference')} required hint={t('planEdReferenceHint')} />
              </div>
              <I18nTextField {...field('title')} label={t('planEdAttachmentTitle')} required />
            </>
          )}
        </RowList>
        <PlanSaveFooter
          state={saving}
          onLoadLatest={(latest) => setD(toDraft(latest.content))}
          conflictTestId="plan-common-conflict"
          saveTestId="plan-common-save"
          saveLabel={t('planSaveCommon')}
          note={<p className="zl-hint">{t('planChangeWithdrawsSignOffs')}</p>}
        />
      </form>
    </FormErrors>
  );
}

const UNITS = ['건', '개', '명', '대', '척', '억 원', '백만 원', '%', 'kg', 't', 'km', 'MW', 'MWh'];

/** The common part as others read it: each text in the reader's language, else Korean with a notice. */
function CommonView({ plan }: { plan: PlanView }) {
  const { t } = useApp();
  const c = plan.content;
  const stage = (s: string) => stageText(s, t);
  return (
    <div className="zl-plan-view" data-testid="plan-common-view">
      <dl className="zl-dl">
        <dt>{t('planTitleLabel')}</dt>
        <dd><LocalText value={c.title} /></dd>
        {c.summary ? (<><dt>{t('planSummary')}</dt><dd><LocalText value={c.summary} block /></dd></>) : null}
        <dt>{t('planIndustries')}</dt>
        <dd>{c.industries.length === 0 ? '—' : c.industries.map((x, i) => <span key={i}>{i > 0 ? ', ' : null}<LocalText value={x} /></span>)}</dd>
        <dt>{t('planStages')}</dt>
        <dd>{c.stages.map(stage).join(', ') || '—'}</dd>
        <dt>{t('planDesignationMonths')}</dt>
        <dd>{c.designationMonths === null ? '—' : `${c.designationMonths} ${t('planEdUnitMonths')}`}</dd>
      </dl>
      <RowTable title={t(LIST_KEYS.exemptions.list)} columns={[t('planEdKind'), t('planEdLaw'), t('planEdRegulation'), t('planEdRequest'), t('planStages')]} rows={c.exemptions}>
        {(e) => (
          <tr key={e.id}>
            <td>{t(KIND_KEYS[e.kind])}</td>
            <th scope="row"><LocalText value={e.law} /> <span lang="ko">{e.provision}</span></th>
            <td><LocalText value={e.regulation} /></td>
            <td><LocalText value={e.request} /></td>
            <td>{e.stages.map(stage).join(', ') || '—'}</td>
          </tr>
        )}
      </RowTable>
      <RowTable title={t(LIST_KEYS.kpis.list)} columns={[t('planEdKpiName'), t('planEdBaseline'), t('planEdTarget'), t('planEdTargetYear')]} rows={c.kpis}>
        {(k) => (
          <tr key={k.id}>
            <th scope="row"><LocalText value={k.name} /></th>
            <td className="zl-num">{k.baseline === null ? '—' : `${k.baseline.toLocaleString()} ${k.unit}`}</td>
            <td className="zl-num">{`${k.target.toLocaleString()} ${k.unit}`}</td>
            <td className="zl-num">{k.targetYear}</td>
          </tr>
        )}
      </RowTable>
      <h3 className="zl-subheading">{t('planNarrative')}</h3>
      <dl className="zl-dl">
        {NARRATIVE_ITEMS.filter((k) => c.narrative[k]).map((k) => (
          <div key={k}><dt>{t(NARRATIVE_KEYS[k])}</dt><dd><LocalText value={c.narrative[k]!} block /></dd></div>
        ))}
      </dl>
      {c.attachments.length > 0 ? (
        <>
          <h3 className="zl-subheading">{t(LIST_KEYS.attachments.list)}</h3>
          <ul className="zl-bullets">
            {c.attachments.map((a, i) => <li key={i}>{t(ATTACHMENT_KEYS[a.item])}: <LocalText value={a.title} /> <span className="zl-muted">({a.reference})</span></li>)}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function CommonEditor({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  const { t } = useApp();
  const editable = plan.can.editCommon;
  return (
    <section className="zl-section zl-card" aria-labelledby="plan-common-title" data-testid="plan-common">
      <h2 id="plan-common-title">{t('planCommonTitle')}</h2>
      <p className="zl-hint">{editable ? t('planCommonLeadOnly') : t('planReadOnly')}</p>
      {editable ? <CommonForm plan={plan} client={client} onPlan={onPlan} /> : <CommonView plan={plan} />}
    </section>
  );
}
