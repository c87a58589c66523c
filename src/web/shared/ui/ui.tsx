import { useEffect, type ReactNode } from 'react';
import { useApp } from '../app-context.tsx';
import { ApiError } from '../api.ts';
import type { Translate } from '../../i18n/index.ts';

export function useTitle(title: string | null): void {
  const { t } = useApp();
  useEffect(() => {
    document.title = title ? `${title} | ${t('appName')}` : `${t('appName')} — ${t('appTagline')}`;
  }, [title, t]);
}

type AlertKind = 'error' | 'success' | 'info' | 'warning';

/** Errors are announced at once (role=alert); other messages politely (role=status). */
export function Alert({ kind, title, children }: { kind: AlertKind; title?: string; children?: ReactNode }) {
  return (
    <div className={`zl-alert zl-alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <p className="zl-alert-title">{title}</p> : null}
      {children}
    </div>
  );
}

/** The server's localised `detail`, or a generic message in the UI language. */
export function problemText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errorNetwork');
    // A refusal with field errors: its detail lists them by JSON pointer (for API clients); the reader gets them
    // beside their fields or listed as sentences, and here only how many to check.
    if (error.fieldErrors.length > 0) return t('formErrorSummary', { count: error.fieldErrors.length });
    return error.problem.detail ?? error.problem.title ?? t('errorGeneric');
  }
  return t('errorGeneric');
}

export function ProblemAlert({ error, extra }: { error: unknown; extra?: { path: string; message: string }[] }) {
  const { t } = useApp();
  return (
    <Alert kind="error">
      <p>{problemText(error, t)}</p>
      {error instanceof ApiError && error.problem.requestId ? (
        <p className="zl-request-id">
          <small>ID: {error.problem.requestId}</small>
        </p>
      ) : null}
      {extra && extra.length > 0 ? (
        <ul className="zl-alert-list">
          {extra.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

export function Loading() {
  const { t } = useApp();
  return (
    <p className="zl-loading" role="status">
      {t('loading')}
    </p>
  );
}

export function DemoBadge() {
  const { t } = useApp();
  return <span className="krds-badge bg-light-warning zl-demo-badge">{t('demoBadge')}</span>;
}

/** Normalises a problem `errors[].path` ("/teamName/ko", "body.teamName.ko", "teamName") to "teamName.ko". */
export function normalisePath(path: string): string {
  return path
    .replace(/^#?\/?/, '')
    .replace(/^body[./]/, '')
    .replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1');
}

/** Splits field errors over the known fields; the rest are returned as unmatched. */
export function splitFieldErrors(
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): { byField: Record<string, string>; unmatched: { path: string; message: string }[] } {
  const byField: Record<string, string> = {};
  const unmatched: { path: string; message: string }[] = [];
  if (!(error instanceof ApiError)) return { byField, unmatched };
  for (const item of error.fieldErrors) {
    const path = normalisePath(item.path);
    const field = fields.includes(path) ? path : aliases[path];
    if (field && !byField[field]) byField[field] = item.message;
    else unmatched.push(item);
  }
  return { byField, unmatched };
}

interface FieldProps {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  lang?: string | undefined;
  children: (props: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: true;
    'aria-required'?: true;
  }) => ReactNode;
}

/** A KRDS form group: label, control, hint and error message wired with aria attributes. */
export function Field({ id, label, required, hint, error, children }: FieldProps) {
  const { t } = useApp();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-group">
      <div className="form-tit">
        <label htmlFor={id}>
          {label}
          {required ? <span className="zl-required"> ({t('required')})</span> : null}
        </label>
      </div>
      <div className={`form-conts${error ? ' is-error' : ''}`}>
        {children({
          id,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(error ? { 'aria-invalid': true as const } : {}),
          ...(required ? { 'aria-required': true as const } : {}),
        })}
      </div>
      {error ? (
        <p className="form-hint-invalid" id={errorId}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="form-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
