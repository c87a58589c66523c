// The common part of a plan, written by the lead government (RFZ Act Art. 74(1)): name, summary, industries
// and supply-chain stages, proposed exemptions (from the regulation catalogue), designation period, KPIs with
// targets, the narrative items and the documents handed in. Others read it.
import { useEffect, useState, type FormEvent } from 'react';
import { useApp } from '../../app-context.tsx';
import { CheckGroup, FormErrors, I18nTextField, NumberField, RowList, SelectField, useField } from '../../components/forms.tsx';
import { cleanText, nextId, numberText, parseNumber, requiredText } from '../../components/form-values.ts';
import { LocalText } from '../../components/text.tsx';
import { Field } from '../../components/ui.tsx';
import type { I18nText, Regulation } from '../../types.ts';
import type { PlansClient } from './client.ts';
import {
  ATTACHMENT_KEYS, KIND_KEYS, LIST_KEYS, NARRATIVE_KEYS, rowLabel,
} from './plan-labels.ts';
import { STAGES, STAGE_KEYS, stageText } from '../../stages.ts';
import { ConflictNotice, SaveOutcome, usePlanSave } from './SaveConflict.tsx';
import {
  ATTACHMENT_ITEMS, EXEMPTION_KINDS, NARRATIVE_ITEMS, type Attachment, type CommonContent, type PlanExemption, type PlanView,
} from './types.ts';

type KpiDraft = { id: string; name: I18nText; unit: string; baseline: string; target: string; targetYear: string };
interface Draft {
  title: I18nText;
  summary: I18nText | null;
  industries: I18nText[];
  stages: string[];
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
  const { busy, error, saved, conflict, save, clearConflict } = usePlanSave(plan, client, onPlan);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const stages = stageOptions(t);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save(() => client.saveCommon(plan, toInput(plan.content.model, d))).then((next) => next && setD(toDraft(next.content)));
  }

  return (
    <FormErrors error={error} idBase="pc">
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
          {(x, i, update) => {
            const p = `/exemptions/${i}`;
            return (
              <>
                <RegulationPicker
                  pointer={p}
                  client={client}
                  onPick={(r) => update({ ...x, law: r.law, provision: provisionOf(r), regulation: r.title, responsibleMinistry: r.ministryName })}
                />
                <div className="zl-two-col">
                  <SelectField pointer={`${p}/kind`} label={t('planEdKind')} value={x.kind} onChange={(v) => update({ ...x, kind: v as PlanExemption['kind'] })} options={EXEMPTION_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))} required />
                  <ProvisionField pointer={`${p}/provision`} value={x.provision} onChange={(v) => update({ ...x, provision: v })} />
                </div>
                <I18nTextField pointer={`${p}/law`} label={t('planEdLaw')} value={x.law} onChange={(v) => update({ ...x, law: v })} required />
                <I18nTextField pointer={`${p}/regulation`} label={t('planEdRegulation')} value={x.regulation} onChange={(v) => update({ ...x, regulation: v })} required multiline rows={2} />
                <I18nTextField pointer={`${p}/request`} label={t('planEdRequest')} value={x.request} onChange={(v) => update({ ...x, request: v })} required multiline rows={2} />
                <I18nTextField pointer={`${p}/responsibleMinistry`} label={t('planEdMinistry')} value={x.responsibleMinistry} onChange={(v) => update({ ...x, responsibleMinistry: v })} />
                <CheckGroup pointer={`${p}/stages`} legend={t('planStages')} options={stages} value={x.stages} onChange={(v) => update({ ...x, stages: v })} />
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
          {(x, i, update) => {
            const p = `/kpis/${i}`;
            return (
              <>
                <I18nTextField pointer={`${p}/name`} label={t('planEdKpiName')} value={x.name} onChange={(v) => update({ ...x, name: v })} required />
                <div className="zl-three-col">
                  <UnitField pointer={`${p}/unit`} value={x.unit} onChange={(v) => update({ ...x, unit: v })} />
                  <NumberField pointer={`${p}/baseline`} label={t('planEdBaseline')} unit={x.unit || undefined} value={x.baseline} onChange={(v) => update({ ...x, baseline: v })} />
                  <NumberField pointer={`${p}/target`} label={t('planEdTarget')} unit={x.unit || undefined} value={x.target} onChange={(v) => update({ ...x, target: v })} required />
                  <NumberField pointer={`${p}/targetYear`} label={t('planEdTargetYear')} value={x.targetYear} onChange={(v) => update({ ...x, targetYear: v })} required min={2019} max={2100} step={1} />
                </div>
              </>
            );
          }}
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
          {(x, i, update) => {
            const p = `/attachments/${i}`;
            return (
              <>
                <div className="zl-two-col">
                  <SelectField pointer={`${p}/item`} label={t('planEdAttachmentItem')} value={x.item} onChange={(v) => update({ ...x, item: v as Attachment['item'] })} options={ATTACHMENT_ITEMS.map((k) => ({ value: k, label: t(ATTACHMENT_KEYS[k]) }))} required />
                  <ReferenceField pointer={`${p}/reference`} value={x.reference} onChange={(v) => update({ ...x, reference: v })} />
                </div>
                <I18nTextField pointer={`${p}/title`} label={t('planEdAttachmentTitle')} value={x.title} onChange={(v) => update({ ...x, title: v })} required />
              </>
            );
          }}
        </RowList>
        {conflict ? (
          <ConflictNotice
            conflict={conflict}
            testId="plan-common-conflict"
            onLoadLatest={() => {
              onPlan(conflict.latest);
              setD(toDraft(conflict.latest.content));
              clearConflict();
            }}
            onKeepMine={() => {
              onPlan(conflict.latest);
              clearConflict();
            }}
          />
        ) : null}
        <div className="zl-actions">
          <button type="submit" className="krds-btn primary medium" data-testid="plan-common-save" disabled={busy}>
            {busy ? t('planSaving') : t('planSaveCommon')}
          </button>
        </div>
        <p className="zl-hint">{t('planChangeWithdrawsSignOffs')}</p>
        <SaveOutcome error={error} saved={saved} />
      </form>
    </FormErrors>
  );
}

function ProvisionField({ pointer, value, onChange }: { pointer: string; value: string; onChange: (v: string) => void }) {
  const { t } = useApp();
  const f = useField(pointer);
  return (
    <Field id={f.id} label={t('planEdProvision')} required hint={t('planEdProvisionHint')} error={f.error}>
      {(a) => <input {...a} className="krds-input" lang="ko" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

const UNITS = ['건', '개', '명', '대', '척', '억 원', '백만 원', '%', 'kg', 't', 'km', 'MW', 'MWh'];

function UnitField({ pointer, value, onChange }: { pointer: string; value: string; onChange: (v: string) => void }) {
  const { t } = useApp();
  const f = useField(pointer);
  return (
    <Field id={f.id} label={t('planEdUnit')} required hint={t('planEdUnitHint')} error={f.error}>
      {(a) => (
        <>
          <input {...a} className="krds-input" list="plan-kpi-units" value={value} onChange={(e) => onChange(e.target.value)} />
          <datalist id="plan-kpi-units">
            {UNITS.map((u) => <option key={u} value={u} />)}
          </datalist>
        </>
      )}
    </Field>
  );
}

function ReferenceField({ pointer, value, onChange }: { pointer: string; value: string; onChange: (v: string) => void }) {
  const { t } = useApp();
  const f = useField(pointer);
  return (
    <Field id={f.id} label={t('planEdReference')} required hint={t('planEdReferenceHint')} error={f.error}>
      {(a) => <input {...a} className="krds-input" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

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
      <h3 className="zl-subheading">{t(LIST_KEYS.exemptions.list)}</h3>
      {c.exemptions.length === 0 ? <p>{t('formRowsEmpty')}</p> : (
        <div className="krds-table-wrap">
          <table className="tbl col data zl-table zl-compact">
            <caption className="sr-only">{t(LIST_KEYS.exemptions.list)}</caption>
            <thead><tr><th scope="col">{t('planEdKind')}</th><th scope="col">{t('planEdLaw')}</th><th scope="col">{t('planEdRegulation')}</th><th scope="col">{t('planEdRequest')}</th><th scope="col">{t('planStages')}</th></tr></thead>
            <tbody>
              {c.exemptions.map((e) => (
                <tr key={e.id}>
                  <td>{t(KIND_KEYS[e.kind])}</td>
                  <th scope="row"><LocalText value={e.law} /> <span lang="ko">{e.provision}</span></th>
                  <td><LocalText value={e.regulation} /></td>
                  <td><LocalText value={e.request} /></td>
                  <td>{e.stages.map(stage).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="zl-subheading">{t(LIST_KEYS.kpis.list)}</h3>
      {c.kpis.length === 0 ? <p>{t('formRowsEmpty')}</p> : (
        <div className="krds-table-wrap">
          <table className="tbl col data zl-table zl-compact">
            <caption className="sr-only">{t(LIST_KEYS.kpis.list)}</caption>
            <thead><tr><th scope="col">{t('planEdKpiName')}</th><th scope="col">{t('planEdBaseline')}</th><th scope="col">{t('planEdTarget')}</th><th scope="col">{t('planEdTargetYear')}</th></tr></thead>
            <tbody>
              {c.kpis.map((k) => (
                <tr key={k.id}>
                  <th scope="row"><LocalText value={k.name} /></th>
                  <td className="zl-num">{k.baseline === null ? '—' : `${k.baseline.toLocaleString()} ${k.unit}`}</td>
                  <td className="zl-num">{`${k.target.toLocaleString()} ${k.unit}`}</td>
                  <td className="zl-num">{k.targetYear}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
