// Periodic reports: the reporting periods with due dates (late and missing flagged), filing a report with KPI
// values (companies in the project), and review — accept or ask for changes, with a comment — by the zone's
// local governments and MSS.
import { useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { ActionOutcome, useAction } from '../../../shared/ui/actions.tsx';
import { useLoad } from '../../../shared/data/load.ts';
import { Alert, Field, Loading, ProblemAlert, problemText } from '../../../shared/ui/ui.tsx';
import { LocalText, DateTime } from '../../../shared/ui/text.tsx';
import { projectsApi } from '../api/client.ts';
import { DayText, frequencyText, PeriodStatusBadge, reviewText, useNumber } from './common.tsx';
import type { MessageKey } from '../../../i18n/index.ts';
import type { Attachment, Project, ReportingPeriod } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

const fileable = (p: ReportingPeriod) => (p.report === null ? p.status === 'open' || p.status === 'missing' : p.report.reviewState === 'changes_requested');

export function ReportsPanel({ project }: { project: Project }) {
  const { t, user } = useApp();
  const periods = useLoad(`reports:${project.id}:${project.version}`, () => projectsApi.reports(project.id));
  const n = useNumber();
  const supervisor = user?.organisation.kind === 'ministry' || user?.organisation.kind === 'local_government';
  const replace = (period: ReportingPeriod) => {
    if (periods.data) periods.setData({ ...periods.data, items: periods.data.items.map((x) => (x.index === period.index ? period : x)) });
  };
  const data = periods.data;
  const late = data ? data.items.filter((p) => p.status === 'missing' || p.status === 'late').length : 0;
  return (
    <section className="zl-section" aria-labelledby="project-reports">
      <h2 id="project-reports">{t('prjReports')}</h2>
      {periods.error ? <ProblemAlert error={periods.error} /> : !data ? <Loading /> : (
        <>
          <p>{t('prjReportsLead', { frequency: frequencyText(data.frequency, t) })}</p>
          {late > 0 ? <Alert kind="warning"><p data-testid="reports-flagged">{t('prjReportsFlagged', { count: late })}</p></Alert> : null}
          <TableFrame className="zl-scroll-table">
            <table className="tbl col data zl-table zl-compact" data-testid="reports-table">
              <caption className="sr-only">{t('prjReportsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('prjReportPeriod')}</th>
                  <th scope="col">{t('prjReportDue')}</th>
                  <th scope="col">{t('prjReportStatus')}</th>
                  <th scope="col">{t('prjReportReview')}</th>
                  <th scope="col">{t('prjReportValues')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.index} data-period={p.index} data-status={p.status}>
                    <th scope="row" className="zl-nowrap">{p.index}. <DayText day={p.from} /> – <DayText day={p.to} /></th>
                    <td className="zl-nowrap"><DayText day={p.due} /></td>
                    <td><PeriodStatusBadge status={p.status} /></td>
                    <td>
                      {p.report ? (
                        <>
                          {reviewText(p.report.reviewState, t)}
                          {p.report.reviewComment ? <span className="zl-block zl-hint"><LocalText value={p.report.reviewComment} /></span> : null}
                        </>
                      ) : '—'}
                    </td>
                    <td>
                      {p.report ? p.report.kpiValues.map((v) => {
                        const kpi = project.kpis.find((k) => k.id === v.kpiId);
                        return <span key={v.kpiId} className="zl-block">{kpi ? <LocalText value={kpi.name} /> : v.kpiId}: {n(v.value)} {kpi?.unit}</span>;
                      }) : '—'}
                      {p.report ? <ReportAttachments projectId={project.id} period={p.index} version={p.report.version} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          {project.canUpload ? <FileReportForm project={project} periods={data.items} onPeriod={replace} /> : null}
          {supervisor ? <ReviewForms project={project} periods={data.items} onPeriod={replace} /> : null}
        </>
      )}
    </section>
  );
}

function FileReportForm({ project, periods, onPeriod }: { project: Project; periods: ReportingPeriod[]; onPeriod: (p: ReportingPeriod) => void }) {
  const { t } = useApp();
  const open = periods.filter(fileable);
  const [period, setPeriod] = useState<number | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [narrative, setNarrative] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [fileInput, setFileInput] = useState(0);
  const [refused, setRefused] = useState<{ name: string; error: unknown }[]>([]);
  const { busy, error, done, run } = useAction(onPeriod);
  const chosen = period ?? open[0]?.index ?? null;
  if (open.length === 0) {
    return (
      <>
        <ActionOutcome error={error} done={done} />
        <AttachmentRefusals refused={refused} />
        <p className="zl-hint" data-testid="no-report-due">{t('prjReportNoneDue')}</p>
      </>
    );
  }

  const submit = () => {
    const found: Record<string, string> = {};
    const kpiValues: { kpiId: string; value: number }[] = [];
    for (const k of project.kpis) {
      const raw = (values[k.id] ?? '').trim();
      if (raw === '') found[k.id] = t('fieldRequired');
      else if (!Number.isFinite(Number(raw))) found[k.id] = t('prjNeedNumber');
      else kpiValues.push({ kpiId: k.id, value: Number(raw) });
    }
    if (narrative.trim() === '') found.narrative = t('fieldRequired');
    setProblems(found);
    if (Object.keys(found).length > 0 || chosen === null) return;
    setRefused([]);
    void run(async () => {
      const filed = await projectsApi.fileReport(project.id, chosen, { kpiValues, narrative: { ko: narrative.trim() } });
      // The report stands once filed; a refused attachment (type, size) is reported beside it.
      const failed: { name: string; error: unknown }[] = [];
      for (const file of files) {
        try {
          await projectsApi.attach(project.id, chosen, file);
        } catch (err) {
          failed.push({ name: file.name, error: err });
        }
      }
      setRefused(failed);
      return filed;
    }, 'prjReportFiled').then((ok) => {
      if (ok) {
        setValues({});
        setNarrative('');
        setPeriod(null);
        setFiles([]);
        setFileInput((k) => k + 1);
      }
    });
  };
  return (
    <form className="zl-form zl-card zl-mt" noValidate onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="report-form" aria-labelledby="report-form-title">
      <h3 id="report-form-title">{t('prjFileReport')}</h3>
      <ActionOutcome error={error} done={done} />
      <AttachmentRefusals refused={refused} />
      <Field id="report-period" label={t('prjReportPeriod')} required>
        {(a) => (
          <select {...a} className="krds-form-select" value={chosen ?? ''} onChange={(e) => setPeriod(Number(e.target.value))}>
            {open.map((p) => <option key={p.index} value={p.index}>{`${p.index}. ${p.from} – ${p.to}`}</option>)}
          </select>
        )}
      </Field>
      {project.kpis.map((k) => (
        <Field key={k.id} id={`report-kpi-${k.id}`} label={<><LocalText value={k.name} /> ({k.unit})</>} required error={problems[k.id]}>
          {(a) => <input {...a} className="krds-input" type="number" inputMode="decimal" value={values[k.id] ?? ''} onChange={(e) => setValues({ ...values, [k.id]: e.target.value })} />}
        </Field>
      ))}
      <Field id="report-narrative" label={t('prjReportNarrative')} required error={problems.narrative} hint={t('prjInKorean')}>
        {(a) => <textarea {...a} className="krds-input zl-textarea" value={narrative} onChange={(e) => setNarrative(e.target.value)} />}
      </Field>
      <Field id="report-files" label={t('prjAttachments')} hint={t('prjAttachmentsHint')}>
        {(a) => (
          <input
            {...a} key={fileInput} type="file" multiple className="krds-input zl-file" accept=".pdf,.png,.jpg,.jpeg,.csv,.xlsx" data-testid="report-files"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        )}
      </Field>
      <div className="zl-actions">
        <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="report-submit">{t('prjFileReportSubmit')}</button>
      </div>
    </form>
  );
}

function ReviewForms({ project, periods, onPeriod }: { project: Project; periods: ReportingPeriod[]; onPeriod: (p: ReportingPeriod) => void }) {
  const { t } = useApp();
  const [last, setLast] = useState<MessageKey | null>(null);
  const waiting = periods.filter((p) => p.report?.reviewState === 'submitted');
  const reviewed = (p: ReportingPeriod) => {
    setLast(p.report?.reviewState === 'accepted' ? 'prjReviewAcceptedDone' : 'prjReviewChangesDone');
    onPeriod(p);
  };
  return (
    <>
      {last ? <Alert kind="success">{t(last)}</Alert> : null}
      {waiting.length === 0 ? <p className="zl-hint">{t('prjReviewNone')}</p> : null}
      {waiting.map((p) => <ReviewForm key={p.index} project={project} period={p} onPeriod={reviewed} />)}
    </>
  );
}

function ReviewForm({ project, period, onPeriod }: { project: Project; period: ReportingPeriod; onPeriod: (p: ReportingPeriod) => void }) {
  const { t } = useApp();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useAction(onPeriod);
  const decide = (decision: 'accept' | 'request-changes') => {
    if (comment.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    void run(() => projectsApi.review(project.id, period.index, decision, { ko: comment.trim() }), decision === 'accept' ? 'prjReviewAcceptedDone' : 'prjReviewChangesDone');
  };
  const headingId = `review-${period.index}-title`;
  return (
    <form className="zl-form zl-card zl-mt" noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby={headingId} data-testid={`review-form-${period.index}`}>
      <h3 id={headingId}>{t('prjReviewTitle', { period: period.index })}</h3>
      {period.report ? (
        <>
          <p className="zl-hint">{t('prjReportSubmittedAt')} <DateTime iso={period.report.submittedAt} /></p>
          <LocalText value={period.report.narrative} block />
        </>
      ) : null}
      <ActionOutcome error={error} done={null} />
      <Field id={`review-${period.index}-comment`} label={t('prjReviewComment')} required error={missing ? t('fieldRequired') : undefined}>
        {(a) => <textarea {...a} className="krds-input zl-textarea" value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <div className="zl-actions">
        <button type="button" className="krds-btn primary medium" disabled={busy} onClick={() => decide('accept')}>{t('prjReviewAccept')}</button>
        <button type="button" className="krds-btn secondary medium" disabled={busy} onClick={() => decide('request-changes')}>{t('prjReviewRequestChanges')}</button>
      </div>
    </form>
  );
}

function AttachmentRefusals({ refused }: { refused: { name: string; error: unknown }[] }) {
  const { t } = useApp();
  if (refused.length === 0) return null;
  return (
    <Alert kind="error" title={t('prjAttachmentsRefused')}>
      <ul className="zl-alert-list" data-testid="attachments-refused">
        {refused.map((r, i) => <li key={i}>{r.name}: {problemText(r.error, t)}</li>)}
      </ul>
    </Alert>
  );
}

/**
 * The files attached to a filed report, as download links (the server checks each file's SHA-256 on download);
 * the company that attached a file, or the lead company, withdraws it with a reason until the report is accepted.
 */
function ReportAttachments({ projectId, period, version }: { projectId: string; period: number; version: number }) {
  const { t } = useApp();
  const n = useNumber();
  const list = useLoad(`attachments:${projectId}:${period}:${version}`, () => projectsApi.attachments(projectId, period));
  const [removed, setRemoved] = useState<string | null>(null);
  const items = list.data ?? [];
  if (items.length === 0 && removed === null) return null;
  return (
    <>
      {removed !== null ? <p className="zl-hint" role="status" data-testid={`attachment-removed-${period}`}>{t('prjAttachmentRemoved', { name: removed })}</p> : null}
      {items.length === 0 ? null : (
        <ul className="zl-plain-list zl-attachments" aria-label={t('prjAttachments')} data-testid={`attachments-${period}`}>
          {items.map((a) => (
            <li key={a.id} data-attachment={a.name}>
              <a href={a.href} download={a.name} className="zl-link">{a.name}</a> <span className="zl-hint">({a.kind.toUpperCase()}, {n(Math.ceil(a.sizeBytes / 1024))} KB)</span>
              {a.canRemove ? (
                <RemoveAttachment
                  attachment={a}
                  onRemoved={() => {
                    setRemoved(a.name);
                    list.setData(items.filter((x) => x.id !== a.id));
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "Remove" opens a confirmation asking why; only "Remove the file" sends the withdrawal. */
function RemoveAttachment({ attachment, onRemoved }: { attachment: Attachment; onRemoved: () => void }) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useAction<unknown>(() => onRemoved());
  const id = `remove-${attachment.id}`;
  if (!open) {
    return (
      <button type="button" className="krds-btn tertiary xsmall zl-inline-btn" onClick={() => setOpen(true)} aria-label={t('prjAttachmentRemoveNamed', { name: attachment.name })}>
        {t('prjAttachmentRemove')}
      </button>
    );
  }
  const confirm = () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    void run(() => projectsApi.removeAttachment(attachment.href, reason.trim()), 'prjAttachmentRemovedDone');
  };
  return (
    <div className="zl-card zl-confirm" role="group" aria-labelledby={`${id}-title`} data-testid="attachment-remove-confirm">
      <p id={`${id}-title`} className="zl-strong">{t('prjAttachmentRemoveConfirm', { name: attachment.name })}</p>
      <p className="zl-hint">{t('prjAttachmentRemoveHint')}</p>
      <ActionOutcome error={error} done={null} />
      <Field id={`${id}-reason`} label={t('prjAttachmentRemoveReason')} required error={missing ? t('fieldRequired') : undefined}>
        {(a) => <input {...a} className="krds-input" type="text" maxLength={500} value={reason} onChange={(e) => { setReason(e.target.value); if (e.target.value.trim() !== '') setMissing(false); }} />}
      </Field>
      <div className="zl-actions">
        <button type="button" className="krds-btn primary small" disabled={busy} onClick={confirm} data-testid="attachment-remove-submit">{t('prjAttachmentRemoveSubmit')}</button>
        <button type="button" className="krds-btn secondary small" disabled={busy} onClick={() => setOpen(false)}>{t('prjAttachmentRemoveCancel')}</button>
      </div>
    </div>
  );
}
