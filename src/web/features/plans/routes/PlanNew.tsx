// /plans/new: a local government starts a single or connected plan it leads.
import { useState, type FormEvent } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { navigate } from '../../../shared/router.tsx';
import { Alert, Field, Loading, ProblemAlert, splitFieldErrors, useTitle } from '../../../shared/ui/ui.tsx';
import { RegionCodeName, usePlansClient, useProvinces } from '../components/common.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import type { PlanModel } from '../types.ts';

export function PlanNewPage() {
  const { t, user } = useApp();
  const client = usePlansClient();
  const regions = useProvinces();
  const [model, setModel] = useState<PlanModel>('connected');
  const [titleKo, setTitleKo] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useTitle(t('planNewTitle'));

  if (user === undefined) return <Loading />;
  if (user === null || !client) return (<><h1 className="zl-page-title">{t('planNewTitle')}</h1><LoginFirst /></>);
  const lead = user.organisation.regionCode;
  if (user.organisation.kind !== 'local_government' || !lead) {
    return (
      <>
        <h1 className="zl-page-title">{t('planNewTitle')}</h1>
        <Alert kind="warning">{t('planNewLocalOnly')}</Alert>
      </>
    );
  }

  const { byField, unmatched } = splitFieldErrors(error, ['title.ko', 'title.en', 'model'], { title: 'title.ko' });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!client || !lead) return;
    if (titleKo.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      const plan = await client.create({ model, leadRegion: lead, title: { ko: titleKo.trim(), ...(titleEn.trim() ? { en: titleEn.trim() } : {}) } });
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <>
      <h1 className="zl-page-title">{t('planNewTitle')}</h1>
      <p className="zl-lead">{t('planNewLead')}</p>
      {error ? <ProblemAlert error={error} extra={unmatched} /> : null}
      <form className="zl-form zl-card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <p>
          {t('planLeadRegion')}: <strong><RegionCodeName code={lead} regions={regions} /></strong>
        </p>
        <fieldset className="zl-fieldset">
          <legend>{t('planModel')}</legend>
          <div className="zl-radio-group">
            {(['single', 'connected'] as const).map((m) => (
              <div className="krds-form-check" key={m}>
                <input type="radio" id={`plan-model-${m}`} name="model" value={m} checked={model === m} onChange={() => setModel(m)} />
                <label htmlFor={`plan-model-${m}`}>{t(m === 'single' ? 'planModelSingle' : 'planModelConnected')}</label>
              </div>
            ))}
          </div>
          <p className="zl-hint">{t('planModelHint')}</p>
        </fieldset>
        <Field id="plan-title-ko" label={t('planTitleKo')} required error={missing ? t('fieldRequired') : byField['title.ko']}>
          {(a) => <input {...a} className="krds-input" value={titleKo} onChange={(e) => setTitleKo(e.target.value)} maxLength={300} />}
        </Field>
        <Field id="plan-title-en" label={t('planTitleEn')} error={byField['title.en']}>
          {(a) => <input {...a} className="krds-input" lang="en" value={titleEn} onChange={(e) => setTitleEn(e.target.value)} maxLength={300} />}
        </Field>
        <div className="zl-actions">
          <button type="submit" className="krds-btn primary medium" disabled={busy}>
            {busy ? t('planSaving') : t('planCreate')}
          </button>
        </div>
      </form>
    </>
  );
}
