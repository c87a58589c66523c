// The consortium planner: which eligible regions, together, cover a converged project's needs. The form's parts,
// the answer and the saved requests are in ../components; the form's state and reading in ../form.ts.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { catalogueQuery, municipalitiesQuery, provincesQuery } from '../../../shared/data/reference-data.ts';
import { navigate } from '../../../shared/router.tsx';
import type { Me, PlannerQuery, PlannerResult } from '../../../shared/types.ts';
import { Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { formFromQuery, initialForm, noErrors, placeErrors, readForm, type FieldErrors, type FormState } from '../form.ts';
import { PlannerProblem } from '../components/PlannerProblem.tsx';
import { PlannerResultView } from '../components/PlannerResultView.tsx';
import { SavedRequests } from '../components/SavedRequests.tsx';
import { NeedsFields } from '../components/NeedsFields.tsx';
import { ConstraintsFields } from '../components/ConstraintsFields.tsx';

export function PlannerPage() {
  const { t, user } = useApp();
  useTitle(t('plannerTitle'));

  useEffect(() => {
    if (user === null) navigate(`/login?next=${encodeURIComponent('/planner')}`, { replace: true });
  }, [user]);

  if (!user) return <Loading />;
  return <Planner key={user.id} user={user} />;
}

function Planner({ user }: { user: Me }) {
  const { t } = useApp();
  const catalogue = useQuery(catalogueQuery);
  const provinces = useQuery(provincesQuery).data;
  const [form, setForm] = useState<FormState>(() => initialForm(user));
  const municipalities = useQuery({ ...municipalitiesQuery, enabled: form.level === 'municipality' }).data;
  const [localErrors, setLocalErrors] = useState<FieldErrors>(noErrors);
  const [serverError, setServerError] = useState<unknown>(null);
  const [placed, setPlaced] = useState<FieldErrors>(noErrors);
  const [result, setResult] = useState<{ query: PlannerQuery; result: PlannerResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedVersion, setSavedVersion] = useState(0);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const canSave = user.organisation.kind === 'local_government' || user.organisation.kind === 'ministry';

  const index = useMemo(
    () => new Map([...(provinces ?? []), ...(municipalities ?? [])].map((r) => [r.code, r])),
    [provinces, municipalities],
  );

  const update = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { errors, query, sent } = readForm(form, catalogue.data ?? [], t);
    setLocalErrors(errors);
    if (!query) {
      const firstRow = form.caps.find((r) => errors.caps[r.id]);
      document.getElementById(firstRow ? `planner-cap-key-${firstRow.id}` : errors.maxRegions ? 'planner-max' : 'planner-needs')?.focus();
      return;
    }
    setBusy(true);
    setServerError(null);
    setPlaced(noErrors());
    setResult(null);
    try {
      const answer = await api.solvePlan(query);
      setResult({ query, result: answer });
      window.setTimeout(() => resultRef.current?.focus(), 0);
    } catch (err) {
      setResult(null);
      setServerError(err);
      setPlaced(placeErrors(err, query, sent));
    } finally {
      setBusy(false);
    }
  };

  if (catalogue.error) return <ProblemAlert error={catalogue.error} />;
  if (!catalogue.data || !provinces) return <Loading />;
  const entries = catalogue.data;
  const levelRegions = (form.level === 'province' ? provinces : (municipalities ?? [])).filter(
    (r) => r.eligible && !r.capitalArea,
  );

  return (
    <>
      <h1 className="zl-page-title">{t('plannerTitle')}</h1>
      <p className="zl-lead">{t('plannerLead')}</p>

      <form className="zl-form zl-planner-form" onSubmit={submit} noValidate aria-labelledby="planner-form-title" data-testid="planner-form">
        <h2 id="planner-form-title" className="sr-only">
          {t('plannerFormTitle')}
        </h2>
        {serverError ? <PlannerProblem error={serverError} other={placed.other} /> : null}

        <NeedsFields form={form} update={update} entries={entries} local={localErrors} placed={placed} />
        <ConstraintsFields user={user} form={form} update={update} regions={levelRegions} index={index} local={localErrors} placed={placed} />

        <div className="zl-actions">
          <button type="submit" className="krds-btn primary large" disabled={busy} data-testid="planner-submit">
            {busy ? t('plannerSolving') : t('plannerSubmit')}
          </button>
          <p className="zl-loading zl-inline-status" role="status">
            {busy ? t('plannerSolving') : ''}
          </p>
        </div>
      </form>

      {result ? (
        <PlannerResultView
          key={JSON.stringify(result.query)}
          query={result.query}
          result={result.result}
          catalogue={entries}
          index={index}
          headingRef={resultRef}
          canSave={canSave}
          onSaved={() => setSavedVersion((v) => v + 1)}
        />
      ) : null}

      {canSave ? (
        <SavedRequests
          version={savedVersion}
          index={index}
          onLoad={(query) => {
            setForm(formFromQuery(query, initialForm(user)));
            setLocalErrors(noErrors());
            setPlaced(noErrors());
            setServerError(null);
            document.getElementById('planner-form-title')?.scrollIntoView();
            document.getElementById(`planner-level-province`)?.focus();
          }}
        />
      ) : null}
    </>
  );
}
