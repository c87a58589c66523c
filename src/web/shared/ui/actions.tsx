// One write at a time for a panel of a page: busy while it runs, the server's refusal kept for display, a short
// confirmation when it went through.
import { useMutation, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { queryClient } from '../data/query-client.ts';
import { ApiError } from '../api.ts';
import { fieldSentence } from '../forms/form-errors.ts';
import { useApp } from '../app-context.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import { Alert, ProblemAlert } from './ui.tsx';

/**
 * Runs one write at a time for a panel (a mutation of the data layer); the answer goes to `onResult`, a refusal
 * stays in `error`; `busy` while it runs. Queries under `invalidates` are asked again after a success.
 */
export function useAction<R>(onResult: (result: R) => void, invalidates: readonly QueryKey[] = []) {
  const [done, setDone] = useState<MessageKey | null>(null);
  const mutation = useMutation({
    mutationFn: (fn: () => Promise<R>) => fn(),
    onSuccess: async (result) => {
      onResult(result);
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
  async function run(fn: () => Promise<R>, success: MessageKey): Promise<boolean> {
    setDone(null);
    try {
      await mutation.mutateAsync(fn);
      setDone(success);
      return true;
    } catch {
      return false;
    }
  }
  return { busy: mutation.isPending, error: mutation.error, done, run };
}

/**
 * The panel's outcome: the server's refusal or a short confirmation. Field errors are read as sentences in the
 * reader's language, each after the name of its field when `labels` knows it (by the pointer's first segment,
 * "/body/reason/ko" → "reason"), never as a JSON pointer.
 */
export function ActionOutcome({ error, done, labels = {} }: { error: unknown; done: MessageKey | null; labels?: Readonly<Record<string, string>> }) {
  const { t } = useApp();
  if (error) {
    const fields = error instanceof ApiError ? error.fieldErrors.map((f) => ({ path: f.path, message: fieldSentence(f.path, f.message, labels) })) : [];
    return <ProblemAlert error={error} extra={fields} />;
  }
  return done ? <Alert kind="success">{t(done)}</Alert> : null;
}
