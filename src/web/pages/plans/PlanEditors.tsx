// The public notice / hearing record of a plan (lead, RFZ Act Art. 74(2); Decree Art. 43): dates, the local-era
// committee's opinion and the opinions received with their responses (texts in ko with optional translations).
// The common part and the sections are in CommonEditor.tsx and SectionEditor.tsx.
import { useState, type FormEvent } from 'react';
import { useApp } from '../../app-context.tsx';
import { FormErrors, I18nTextField, RowList, useField } from '../../components/forms.tsx';
import { cleanText, nextId, requiredText } from '../../components/form-values.ts';
import { Field } from '../../components/ui.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import type { PlansClient } from './client.ts';
import { rowLabel } from './plan-labels.ts';
import { ConflictNotice, SaveOutcome, usePlanSave } from './SaveConflict.tsx';
import type { Consultation, Opinion, PlanView } from './types.ts';

interface Draft {
  noticeOn: string;
  noticeUntil: string;
  inspectionFrom: string;
  inspectionUntil: string;
  announcedOn: string;
  heldOn: string;
  heard: boolean;
  opinions: Opinion[];
}

const toDraft = (c: Consultation): Draft => ({
  noticeOn: c.noticeOn ?? '', noticeUntil: c.noticeUntil ?? '', inspectionFrom: c.inspectionFrom ?? '', inspectionUntil: c.inspectionUntil ?? '',
  announcedOn: c.hearing?.announcedOn ?? '', heldOn: c.hearing?.heldOn ?? '', heard: c.localEraCommitteeHeard, opinions: c.opinions,
});

const date = (s: string): string | null => (s === '' ? null : s);

function toInput(d: Draft): Consultation {
  return {
    noticeOn: date(d.noticeOn), noticeUntil: date(d.noticeUntil), inspectionFrom: date(d.inspectionFrom), inspectionUntil: date(d.inspectionUntil),
    hearing: d.announcedOn || d.heldOn ? { announcedOn: d.announcedOn, heldOn: d.heldOn } : null,
    localEraCommitteeHeard: d.heard,
    opinions: d.opinions.map((o) => ({ ...o, summary: requiredText(o.summary), response: cleanText(o.response) })),
  };
}

function DateInput({ pointer, label, value, onChange }: { pointer: string; label: string; value: string; onChange: (v: string) => void }) {
  const f = useField(pointer);
  return (
    <Field id={f.id} label={label} error={f.error}>
      {(a) => <input {...a} type="date" className="krds-input" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function LineInput({ pointer, label, value, onChange }: { pointer: string; label: string; value: string; onChange: (v: string) => void }) {
  const f = useField(pointer);
  return (
    <Field id={f.id} label={label} required error={f.error}>
      {(a) => <input {...a} className="krds-input" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export function ConsultationEditor({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  const { t, lang } = useApp();
  const editable = plan.can.editCommon;
  const [d, setD] = useState<Draft>(() => toDraft(plan.consultation));
  const { busy, error, saved, conflict, save, clearConflict } = usePlanSave(plan, client, onPlan);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save(() => client.saveConsultation(plan, toInput(d))).then((next) => next && setD(toDraft(next.consultation)));
  }

  const dates: [keyof Draft, string, MessageKey][] = [
    ['noticeOn', '/noticeOn', 'planNoticeOn'],
    ['noticeUntil', '/noticeUntil', 'planNoticeUntil'],
    ['inspectionFrom', '/inspectionFrom', 'planInspectionFrom'],
    ['inspectionUntil', '/inspectionUntil', 'planInspectionUntil'],
    ['announcedOn', '/hearing/announcedOn', 'planHearingAnnounced'],
    ['heldOn', '/hearing/heldOn', 'planHearingHeld'],
  ];
  return (
    <section className="zl-section zl-card" aria-labelledby="plan-consultation-title" data-testid="plan-consultation">
      <h2 id="plan-consultation-title">{t('planConsultationTitle')}</h2>
      <p className="zl-hint">{t('planConsultationRule')}</p>
      <FormErrors error={error} idBase="pn">
        <form onSubmit={onSubmit} noValidate data-testid="plan-consultation-form">
          <fieldset className="zl-fieldset" disabled={!editable}>
            <legend className="sr-only">{t('planConsultationTitle')}</legend>
            <div className="zl-two-col">
              {dates.map(([key, pointer, label]) => (
                <DateInput key={key} pointer={pointer} label={t(label)} value={d[key] as string} onChange={(v) => set(key)(v as never)} />
              ))}
            </div>
            <div className="krds-form-check">
              <input type="checkbox" id="pn-heard" checked={d.heard} onChange={(e) => set('heard')(e.target.checked)} />
              <label htmlFor="pn-heard">{t('planLocalEraHeard')}</label>
            </div>
            <RowList
              pointer="/opinions"
              legend={t('planOpinions')}
              items={d.opinions}
              onChange={set('opinions')}
              newItem={(): Opinion => ({ id: nextId('op', d.opinions.map((o) => o.id)), receivedOn: '', from: '', summary: { ko: '' }, response: null, reflected: false })}
              itemLabel={(o, i) => rowLabel('opinions', i, o.from, t, lang)}
              addLabel={t('planOpinionAdd')}
              readOnly={!editable}
              max={1000}
            >
              {(o, i, update) => {
                const p = `/opinions/${i}`;
                return (
                  <>
                    <div className="zl-two-col">
                      <LineInput pointer={`${p}/from`} label={t('planOpinionFrom')} value={o.from} onChange={(v) => update({ ...o, from: v })} />
                      <DateInput pointer={`${p}/receivedOn`} label={t('planOpinionReceived')} value={o.receivedOn} onChange={(v) => update({ ...o, receivedOn: v })} />
                    </div>
                    <I18nTextField pointer={`${p}/summary`} label={t('planOpinionSummary')} value={o.summary} onChange={(v) => update({ ...o, summary: v })} required multiline rows={2} />
                    <I18nTextField pointer={`${p}/response`} label={t('planOpinionResponse')} value={o.response} onChange={(v) => update({ ...o, response: v })} multiline rows={2} />
                    <div className="krds-form-check">
                      <input type="checkbox" id={`pn-opinions-${i}-reflected`} checked={o.reflected} onChange={(e) => update({ ...o, reflected: e.target.checked })} />
                      <label htmlFor={`pn-opinions-${i}-reflected`}>{t('planOpinionReflected')}</label>
                    </div>
                  </>
                );
              }}
            </RowList>
          </fieldset>
          {conflict ? (
            <ConflictNotice
              conflict={conflict}
              testId="plan-consultation-conflict"
              onLoadLatest={() => {
                onPlan(conflict.latest);
                setD(toDraft(conflict.latest.consultation));
                clearConflict();
              }}
              onKeepMine={() => {
                onPlan(conflict.latest);
                clearConflict();
              }}
            />
          ) : null}
          {editable ? (
            <div className="zl-actions">
              <button type="submit" className="krds-btn primary medium" data-testid="plan-consultation-save" disabled={busy}>
                {busy ? t('planSaving') : t('planSaveConsultation')}
              </button>
            </div>
          ) : null}
          <SaveOutcome error={error} saved={saved} message="planConsultationSaved" />
        </form>
      </FormErrors>
    </section>
  );
}
