// Demonstration data: a CSV or NDJSON file sent in 8 MiB parts (resumable upload) under an upload id chosen here;
// after a lost connection the retry resumes from the offset the server reports and cannot store anything twice;
// progress while it goes; on rejection the first
// errors by row and column, and in both modes every problem with its line as a downloadable error file built by the
// server (GET …/uploads/:uploadId/errors.csv).
import { useId, useState } from 'react';
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { useLoad } from '../../../shared/data/load.ts';
import { Alert, ProblemAlert } from '../../../shared/ui/ui.tsx';
import { DateTime } from '../../../shared/ui/text.tsx';
import { newUploadId, projectsApi, uploadInParts, uploadMediaType } from '../api/client.ts';
import { useNumber } from './common.tsx';
import type { Project, UploadError, UploadMode, UploadResult } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';
import { CsvProblemTable } from '../../../shared/ui/CsvProblemTable.tsx';

/** Errors shown in the table (the server returns at most 100). */
const SHOWN = 20;
/** Automatic retries after a lost connection, with the same upload id (each resumes from the server's offset). */
const RETRIES = 2;

/** `/body/row/12/speed` → row 12, column speed. */
export function rowErrors(error: unknown): UploadError[] {
  if (!(error instanceof ApiError)) return [];
  return error.fieldErrors.flatMap((f) => {
    const m = /^\/body\/row\/(\d+)\/(.+)$/.exec(f.path);
    return m ? [{ row: Number(m[1]), column: m[2]!, path: f.path, message: f.message }] : [];
  });
}

type Phase = { kind: 'idle' } | { kind: 'sending'; sent: number; total: number; attempt: number } | { kind: 'done'; result: UploadResult } | { kind: 'failed'; error: unknown };

export function DataPanel({ project, onStored }: { project: Project; onStored: () => void }) {
  const { t } = useApp();
  const uploads = useLoad(`uploads:${project.id}`, () => projectsApi.uploads(project.id));
  const n = useNumber();
  return (
    <section className="zl-section" aria-labelledby="project-data">
      <h2 id="project-data">{t('prjData')}</h2>
      <p>{t('prjDataLead')}</p>
      <p className="zl-hint">{t('prjDataFormat')} <code className="zl-mono">ts,deviceId,sessionId,lon,lat,speed,altitude,load,people</code></p>
      {project.canUpload ? <UploadForm project={project} onStored={() => { uploads.reload(); onStored(); }} /> : null}
      <h3>{t('prjUploads')}</h3>
      {uploads.error ? <ProblemAlert error={uploads.error} /> : uploads.data === undefined ? null : uploads.data.length === 0 ? <p>{t('prjUploadsNone')}</p> : (
        <TableFrame>
          <table className="tbl col data zl-table zl-compact" data-testid="uploads-table">
            <caption className="sr-only">{t('prjUploads')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prjUploadedAt')}</th>
                <th scope="col">{t('prjUploadFormat')}</th>
                <th scope="col">{t('prjUploadModeLabel')}</th>
                <th scope="col">{t('prjRowsStored')}</th>
                <th scope="col">{t('prjRowsRejected')}</th>
              </tr>
            </thead>
            <tbody>
              {uploads.data.map((u) => (
                <tr key={u.uploadId}>
                  <td><DateTime iso={u.createdAt} /></td>
                  <td>{u.format.toUpperCase()}</td>
                  <td>{u.mode === 'all' ? t('prjModeAll') : t('prjModeSkip')}</td>
                  <td className="zl-num">{n(u.rowsStored)}</td>
                  <td className="zl-num">{n(u.rowsRejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </section>
  );
}

function UploadForm({ project, onStored }: { project: Project; onStored: () => void }) {
  const { t } = useApp();
  const id = useId().replace(/:/g, '');
  const n = useNumber();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<UploadMode>('all');
  const [uploadId, setUploadId] = useState(newUploadId);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [missing, setMissing] = useState<string | null>(null);
  /** The server's file of every problem of the last upload (the response and the table hold only the first ones). */
  const [download, setDownload] = useState<string | null>(null);

  // Other content or another mode is another upload: it gets a new id. The same choice sent again keeps its id.
  const choose = (next: { file?: File | null; mode?: UploadMode }) => {
    if (next.file !== undefined) setFile(next.file);
    if (next.mode !== undefined) setMode(next.mode);
    setUploadId(newUploadId());
    setPhase({ kind: 'idle' });
    setDownload(null);
  };

  async function send() {
    if (!file) {
      setMissing(t('prjChooseFile'));
      return;
    }
    const media = uploadMediaType(file);
    if (!media) {
      setMissing(t('prjFileType'));
      return;
    }
    setMissing(null);
    setDownload(null);
    for (let attempt = 0; ; attempt += 1) {
      setPhase({ kind: 'sending', sent: 0, total: file.size, attempt });
      try {
        const result = await uploadInParts(project.id, uploadId, file, media, mode, (sent, total) => setPhase({ kind: 'sending', sent, total, attempt }));
        setPhase({ kind: 'done', result });
        if (result.errors.length > 0) setDownload(projectsApi.uploadErrorsUrl(project.id, uploadId));
        if (!result.replayed) onStored();
        return;
      } catch (error) {
        const lost = error instanceof ApiError && error.status === 0;
        if (lost && attempt < RETRIES) continue;
        setPhase({ kind: 'failed', error });
        if (rowErrors(error).length > 0) setDownload(projectsApi.uploadErrorsUrl(project.id, uploadId));
        // A refused upload stored nothing and claimed no id, but a fresh id keeps the next try unambiguous.
        if (!lost) setUploadId(newUploadId());
        return;
      }
    }
  }

  const sending = phase.kind === 'sending';
  const failed = phase.kind === 'failed' ? phase.error : null;
  const lost = failed instanceof ApiError && failed.status === 0;
  const errors = failed ? rowErrors(failed) : phase.kind === 'done' ? phase.result.errors : [];
  const errorLink = download ? (
    <p>
      <a href={download} download className="krds-btn secondary small" data-testid="upload-error-file">{t('prjErrorFile')}</a>
    </p>
  ) : null;
  return (
    <form className="zl-form zl-card" noValidate onSubmit={(e) => { e.preventDefault(); void send(); }} aria-labelledby={`${id}-title`} data-testid="upload-form">
      <h3 id={`${id}-title`}>{t('prjUpload')}</h3>
      <div className="form-group">
        <div className="form-tit"><label htmlFor={`${id}-file`}>{t('prjUploadFile')}<span className="zl-required"> ({t('required')})</span></label></div>
        <div className={`form-conts${missing ? ' is-error' : ''}`}>
          <input
            id={`${id}-file`} type="file" className="krds-input zl-file" accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson" data-testid="upload-file"
            aria-invalid={missing ? true : undefined} aria-describedby={missing ? `${id}-file-error` : undefined}
            onChange={(e) => choose({ file: e.target.files?.[0] ?? null })}
          />
        </div>
        {missing ? <p className="form-hint-invalid" id={`${id}-file-error`}>{missing}</p> : null}
      </div>
      <fieldset className="zl-fieldset">
        <legend>{t('prjUploadModeLabel')}</legend>
        <div className="zl-radio-group zl-radio-column">
          {(['all', 'skip-invalid'] as const).map((m) => (
            <div className="krds-form-check" key={m}>
              <input type="radio" id={`${id}-mode-${m}`} name={`${id}-mode`} value={m} checked={mode === m} onChange={() => choose({ mode: m })} data-testid={`upload-mode-${m}`} />
              <label htmlFor={`${id}-mode-${m}`}>{m === 'all' ? t('prjModeAllLong') : t('prjModeSkipLong')}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <p className="zl-hint">{t('prjUploadIdNote')} <span className="zl-mono" data-testid="upload-id">{uploadId}</span></p>
      <div className="zl-actions">
        <button type="submit" className="krds-btn primary medium" disabled={sending} data-testid="upload-submit">
          {lost ? t('prjUploadRetry') : t('prjUploadSend')}
        </button>
      </div>
      {sending ? (
        <div className="zl-progress" role="status">
          <label htmlFor={`${id}-progress`}>
            {phase.sent >= phase.total ? t('prjUploadChecking') : t('prjUploadSending', { percent: phase.total ? Math.floor((phase.sent / phase.total) * 100) : 0 })}
            {phase.attempt > 0 ? ` ${t('prjUploadAttempt', { attempt: phase.attempt + 1 })}` : ''}
          </label>
          <progress id={`${id}-progress`} max={phase.total || 1} value={phase.sent} />
        </div>
      ) : null}
      {phase.kind === 'done' ? (
        <Alert kind={phase.result.rowsRejected > 0 ? 'warning' : 'success'}>
          <p data-testid="upload-result">
            {phase.result.replayed ? t('prjUploadReplayed') : t('prjUploadStored', { stored: n(phase.result.rowsStored), total: n(phase.result.rowsTotal) })}
            {phase.result.rowsRejected > 0 ? ` ${t('prjUploadRejectedRows', { count: phase.result.rowsRejected })}` : ''}
          </p>
          {errorLink}
        </Alert>
      ) : null}
      {failed ? (
        <ProblemAlert error={failed} />
      ) : null}
      {failed && !lost && errors.length > 0 ? <p>{t('prjUploadNothingStored')}</p> : null}
      {failed ? errorLink : null}
      {errors.length > 0 ? <ErrorTable errors={errors} /> : null}
    </form>
  );
}

function ErrorTable({ errors }: { errors: readonly UploadError[] }) {
  const { t } = useApp();
  const shown = errors.slice(0, SHOWN);
  return (
    <CsvProblemTable
      problems={shown.map((e) => ({ at: e.row, column: e.column === '*' ? t('prjWholeRow') : e.column, message: e.message }))}
      labels={{ caption: t('prjUploadErrorsCaption', { shown: shown.length, count: errors.length }), at: t('prjRow'), column: t('prjColumn'), problem: t('prjProblem') }}
      captionShown
      testId="upload-errors"
    />
  );
}
