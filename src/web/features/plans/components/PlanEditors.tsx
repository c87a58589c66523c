// The public notice / hearing record of a plan (lead, RFZ Act Art. 74(2); Decree Art. 43): dates, the local-era
// committee's opinion and the opinions received with their responses (texts in ko with optional translations).
// The common part and the sections are in CommonEditor.tsx and SectionEditor.tsx.
import { useState, type FormEvent } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { FormErrors, I18nTextField, RowList, TextField } from '../../../shared/forms/forms.tsx';
import { cleanText, nextId, requiredText } from '../../../shared/forms/form-values.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { PlansClient } from '../api/client.ts';
import { rowLabel } from '../plan-labels.ts';
import { PlanSaveFooter, usePlanSave } from './SaveConflict.tsx';
import type { Consultation, Opinion, PlanView } from '../types.ts';

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

export function ConsultationEditor({ plan, client, onPlan }: { plan: PlanView; client: PlansClient; onPlan: (p: PlanView) => void }) {
  const { t, lang } = useApp();
  const editable = plan.can.editCommon;
  const [d, setD] = useState<Draft>(() => toDraft(plan.consultation));
  const saving = usePlanSave(plan, client, onPlan);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void saving.save(() => client.saveConsultation(plan, toInput(d))).then((next) => next && setD(toDraft(next.consultation)));
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
      <FormErrors error={saving.error} idBase="pn">
        <form onSubmit={onSubmit} noValidate data-testid="plan-consultation-form">
          <fieldset className="zl-fieldset" disabled={!editable}>
            <legend className="sr-only">{t('planConsultationTitle')}</legend>
            <div className="zl-two-col">
              {dates.map(([key, pointer, label]) => (
                <TextField key={key} type="date" pointer={pointer} label={t(label)} value={d[key] as string} onChange={(v) => set(key)(v as never)} />
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
              {(o, i, update, field) => (
                <>
                  <div className="zl-two-col">
                    <TextField {...field('from')} label={t('planOpinionFrom')} required />
                    <TextField {...field('receivedOn')} type="date" label={t('planOpinionReceived')} />
                  </div>
                  <I18nTextField {...field('summary')} label={t('planOpinionSummary')} required multiline rows={2} />
                  <I18nTextField {...field('response')} label={t('planOpinionResponse')} multiline rows={2} />
                  <div className="krds-form-check">
                    <input type="checkbox" id={`pn-opinions-${i}-reflected`} checked={o.reflected} onChange={(e) => update({ ...o, reflected: e.target.checked })} />
                    <label htmlFor={`pn-opinions-${i}-reflected`}>{t('planOpinionReflected')}</label>
                  </div>
                </>
              )}
            </RowList>
          </fieldset>
          <PlanSaveFooter
            state={saving}
            onLoadLatest={(latest) => setD(toDraft(latest.consultation))}
            conflictTestId="plan-consultation-conflict"
            saveTestId="plan-consultation-save"
            saveLabel={t('planSaveConsultation')}
            savedMessage="planConsultationSaved"
            canSave={editable}
          />
        </form>
      </FormErrors>
    </section>
  );
}
