// The public notice / hearing record of a plan (lead, RFZ Act Art. 74(2); Decree Art. 43). The common part
// and the sections are in CommonEditor.tsx and SectionEditor.tsx.
import { useState, type FormEvent } from 'react';
import { useApp } from '../../app-context.tsx';
import { Field } from '../../components/ui.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import type { I18nText } from '../../types.ts';
import { ActionOutcome, usePlanAction } from './common.tsx';
import type { PlansClient } from './client.ts';
import type { Consultation, PlanView } from './types.ts';

/** Keeps the other languages of a text when its Korean is edited; null when emptied. */
const withKo = (old: I18nText | null | undefined, ko: string): I18nText | null => (ko.trim() === '' ? null : { ...(old ?? {}), ko });

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
