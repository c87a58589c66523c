// One action on an object as a small form: its fields, a submit button and the server's localised refusal
// (field errors beside the fields, the rest above). Success is told by the caller, since a done action may
// take its panel away.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { ProblemAlert, splitFieldErrors } from '../../../shared/ui/ui.tsx';

export interface ActionState {
  busy: boolean;
  fieldError: (name: string) => string | undefined;
}

export function ActionPanel({
  id, title, lead, fields, submitLabel, run, children,
}: {
  id: string;
  title: string;
  lead?: string;
  /** Field names (normalised paths such as `newUntil` or `results.ko`) shown beside their controls. */
  fields: readonly string[];
  submitLabel: string;
  run: () => Promise<void>;
  children: (state: ActionState) => ReactNode;
}) {
  const { t } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { byField, unmatched } = splitFieldErrors(error, fields);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zl-section zl-ex-action" aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {lead ? <p className="form-hint">{lead}</p> : null}
      <form onSubmit={submit} noValidate>
        {error ? <ProblemAlert error={error} extra={unmatched} /> : null}
        {children({ busy, fieldError: (name) => byField[name] })}
        <div className="zl-actions">
          <button type="submit" className="krds-btn primary medium" disabled={busy}>
            {busy ? t('exSaving') : submitLabel}
          </button>
        </div>
      </form>
    </section>
  );
}
