// One write at a time for a panel of a page: busy while it runs, the server's refusal kept for display, a short
// confirmation when it went through.
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useApp } from '../app-context.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import { Alert, ProblemAlert } from './ui.tsx';

/** Runs one write at a time for a panel; the answer goes to `onResult`, a refusal stays in `error`. */
export function useAction<R>(onResult: (result: R) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<MessageKey | null>(null);
  async function run(fn: () => Promise<R>, success: MessageKey): Promise<boolean> {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await fn();
      onResult(result);
      setDone(success);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, run };
}

/** The panel's outcome: the server's refusal (with field paths) or a short confirmation. */
export function ActionOutcome({ error, done }: { error: unknown; done: MessageKey | null }) {
  const { t } = useApp();
  if (error) {
    const fields = error instanceof ApiError ? error.fieldErrors.map((f) => ({ path: f.path, message: `${f.path.replace(/^\/body\//, '')}: ${f.message}` })) : [];
    return <ProblemAlert error={error} extra={fields} />;
  }
  return done ? <Alert kind="success">{t(done)}</Alert> : null;
}
