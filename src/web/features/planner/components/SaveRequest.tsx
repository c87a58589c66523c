// Saving the planner's query as a planning request, then starting a connected-zone plan with its regions.
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { navigate } from '../../../shared/router.tsx';
import type { PlannerQuery } from '../../../shared/types.ts';
import { Alert, Field, normalisePath, ProblemAlert } from '../../../shared/ui/ui.tsx';
import { plansApi } from '../../plans/index.ts';

export function SaveRequest({ query, onSaved }: { query: PlannerQuery; onSaved: () => void }) {
  const { t, user } = useApp();
  const [savedRegions, setSavedRegions] = useState<string[]>([]);
  const [starting, setStarting] = useState(false);
  const ownRegion = user?.organisation.kind === 'local_government' ? user.organisation.regionCode : null;
  const partners = ownRegion && savedRegions.includes(ownRegion) ? savedRegions.filter((code) => code !== ownRegion) : [];
  /** Starts a connected-zone plan led by the user's government, with the consortium's other regions invited. */
  const startPlan = async () => {
    if (!user || !ownRegion || !saved) return;
    setStarting(true);
    setError(null);
    try {
      const client = plansApi;
      let plan = await client.create({ model: 'connected', leadRegion: ownRegion, title: { ko: saved } });
      for (const code of partners) plan = await client.invite(plan, code);
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setStarting(false);
    }
  };
  const id = useId();
  const [title, setTitle] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setMissing(title.trim() === '');
    if (title.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.savePlanRequest(title.trim(), query);
      setSaved(result.title);
      setSavedRegions(result.regions);
      setTitle('');
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError =
    missing ? t('fieldRequired') : error instanceof ApiError ? error.fieldErrors.find((e) => normalisePath(e.path) === 'title')?.message : undefined;
  return (
    <form className="zl-form zl-card zl-save-request" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="save-request">
      <h3 id={`${id}-title`}>{t('plannerSaveTitle')}</h3>
      <p className="zl-hint">{t('plannerSaveLead')}</p>
      {error && !fieldError ? <ProblemAlert error={error} /> : null}
      {saved ? (
        <Alert kind="success">
          <p>{t('plannerSaved', { title: saved })}</p>
          {partners.length > 0 ? (
            <button type="button" className="krds-btn secondary medium" disabled={starting} onClick={() => void startPlan()} data-testid="start-plan">
              {t('plannerStartPlan', { count: partners.length })}
            </button>
          ) : null}
        </Alert>
      ) : null}
      <div className="zl-picker-row">
        <Field id="planner-request-title" label={t('plannerRequestTitle')} required error={fieldError}>
          {(aria) => (
            <input
              {...aria}
              className="krds-input"
              type="text"
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="save-request-submit">
          {t('plannerSaveButton')}
        </button>
      </div>
    </form>
  );
}
