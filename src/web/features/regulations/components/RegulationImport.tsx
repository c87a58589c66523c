// Importing a CSV or JSON file into the regulation catalogue (ministry officials; all or nothing): the server's
// problems in a table by row and column (CSV, the header being row 1) or by item and field (JSON).
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Alert, problemText } from '../../../shared/ui/ui.tsx';
import type { Translate } from '../../../i18n/index.ts';
import { regulationsApi } from '../api/client.ts';
import { CsvProblemTable } from '../../../shared/ui/CsvProblemTable.tsx';

/** `/body/row/3/law_en` → row 3, column law_en; `/body/items/0/title/ko` → item 1, title/ko. */
function located(path: string, t: Translate): { row: string; column: string } | null {
  const csv = /^\/body\/row\/(\d+)\/(.+)$/.exec(path);
  if (csv) return { row: csv[1]!, column: csv[2] === '*' ? t('riWholeRow') : csv[2]! };
  const json = /^\/body\/items\/(\d+)(?:\/(.+))?$/.exec(path);
  if (json) return { row: t('riItem', { n: Number(json[1]) + 1 }), column: json[2] ?? t('riWholeRow') };
  return null;
}

export function RegulationImport() {
  const { t } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    setMissing(!file);
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setCreated((await regulationsApi.import(file)).created);
    } catch (e) {
      setError(e instanceof SyntaxError ? new ApiError({ status: 400, code: 'malformed-body' }) : e);
    } finally {
      setBusy(false);
    }
  };

  const problems = error instanceof ApiError ? error.fieldErrors.map((f) => ({ ...f, at: located(f.path, t) })) : [];
  return (
    <form className="zl-form zl-card zl-csv-import" onSubmit={submit} noValidate aria-labelledby="regulation-import-title" data-testid="regulation-import">
      <h2 id="regulation-import-title">{t('riTitle')}</h2>
      <p>{t('riLead')}</p>
      <p className="zl-hint">{t('riColumns')}</p>
      {error ? (
        <Alert kind="error" title={problemText(error, t)}>
          {problems.length > 0 ? (
            <CsvProblemTable
              problems={problems.map((p) => ({ at: p.at?.row ?? '', column: p.at?.column ?? p.path, message: p.message }))}
              labels={{ caption: t('riErrors'), at: t('riRow'), column: t('riColumn'), problem: t('riProblem') }}
              testId="regulation-import-errors"
            />
          ) : null}
        </Alert>
      ) : null}
      {created !== null ? (
        <Alert kind="success">
          <p data-testid="regulation-import-done">{t('riDone', { count: created })}</p>
        </Alert>
      ) : null}
      <div className={`form-group${missing ? ' is-error' : ''}`}>
        <label htmlFor="regulation-import-file">{t('riFile')}</label>
        <input
          id="regulation-import-file"
          type="file"
          accept=".csv,text/csv,.json,application/json"
          className="zl-file-input"
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? 'regulation-import-file-error' : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setMissing(false);
          }}
        />
        {missing ? (
          <p className="form-hint-invalid" id="regulation-import-file-error">
            {t('riChoose')}
          </p>
        ) : null}
      </div>
      <div className="zl-actions">
        <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="regulation-import-submit">
          {busy ? t('riBusy') : t('riSubmit')}
        </button>
      </div>
    </form>
  );
}
