// Saving a part of a plan with If-Match: when someone else saved first (412), the editor shows what they
// changed since this page was loaded and lets the user load the latest version or keep their own input.
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { ErrorSummary } from '../../../shared/forms/forms.tsx';
import { Alert, ProblemAlert } from '../../../shared/ui/ui.tsx';
import type { MessageKey } from '../../../i18n/index.ts';
import { regionLabel } from './common.tsx';
import { describePointer } from '../plan-labels.ts';
import type { PlansClient } from '../api/client.ts';
import { diffPlanContent, type PlanChange } from '../plan-diff.ts';
import { PlanDiffTable } from './PlanDiffTable.tsx';
import type { PlanView, VersionSummary } from '../types.ts';

export interface Conflict {
  base: PlanView;
  latest: PlanView;
  changes: PlanChange[];
  /** The newest version's author and government, when the content changed. */
  by: VersionSummary | null;
}

/** One save at a time; a 412 becomes a conflict with the other party's changes, any other refusal an error. */
export function usePlanSave(plan: PlanView, client: PlansClient, onPlan: (p: PlanView) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  async function save(write: () => Promise<PlanView>): Promise<PlanView | null> {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await write();
      onPlan(next);
      setSaved(true);
      setConflict(null);
      return next;
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        try {
          const latest = await client.get(plan.id);
          const versions = latest.contentVersion !== plan.contentVersion ? await client.versions(plan.id) : [];
          setConflict({ base: plan, latest, changes: diffPlanContent(plan.content, latest.content), by: versions.at(-1) ?? null });
        } catch (again) {
          setError(again);
        }
      } else {
        setError(err);
      }
      return null;
    } finally {
      setBusy(false);
    }
  }
  /** After a conflict: the editor moves onto the latest version (whether the user loads it or keeps their input). */
  function settleConflict(latest: PlanView): void {
    onPlan(latest);
    setConflict(null);
  }
  return { busy, error, saved, conflict, save, settleConflict };
}

export type PlanSave = ReturnType<typeof usePlanSave>;

/**
 * The end of a plan part's form: the conflict a save met (see ConflictNotice; "load the latest" also gives the
 * latest version to `onLoadLatest` to reset the form), the save button unless `canSave` is false, `note`, and
 * the outcome of the last save.
 */
export function PlanSaveFooter({ state, onLoadLatest, conflictTestId, saveTestId, saveLabel, savedMessage, canSave = true, note }: {
  state: PlanSave;
  onLoadLatest: (latest: PlanView) => void;
  conflictTestId: string;
  saveTestId: string;
  saveLabel: string;
  savedMessage?: MessageKey;
  canSave?: boolean;
  note?: ReactNode;
}) {
  const { t } = useApp();
  const { busy, error, saved, conflict, settleConflict } = state;
  return (
    <>
      {conflict ? (
        <ConflictNotice
          conflict={conflict}
          testId={conflictTestId}
          onLoadLatest={() => {
            settleConflict(conflict.latest);
            onLoadLatest(conflict.latest);
          }}
          onKeepMine={() => settleConflict(conflict.latest)}
        />
      ) : null}
      {canSave ? (
        <div className="zl-actions">
          <button type="submit" className="krds-btn primary medium" data-testid={saveTestId} disabled={busy}>
            {busy ? t('planSaving') : saveLabel}
          </button>
        </div>
      ) : null}
      {note}
      <SaveOutcome error={error} saved={saved} message={savedMessage} />
    </>
  );
}

/**
 * "Someone else saved": who, the versions, their changes field by field; "load the latest" discards this
 * part's input, "keep mine" moves the editor onto the latest version so the next save can go through.
 */
function ConflictNotice({ conflict, onLoadLatest, onKeepMine, testId }: { conflict: Conflict; onLoadLatest: () => void; onKeepMine: () => void; testId: string }) {
  const { t, lang } = useApp();
  const { base, latest, by } = conflict;
  const who = by?.createdRegion
    ? `${by.createdBy ?? '—'} (${regionLabel(latest.participantDetails.find((p) => p.regionCode === by.createdRegion)?.name, by.createdRegion, lang)})`
    : (by?.createdBy ?? t('planEdSomeone'));
  return (
    <div className="zl-conflict" data-testid={testId}>
      <Alert kind="warning" title={t('planEdConflictTitle')}>
        <p>
          {latest.contentVersion === base.contentVersion
            ? t('planEdConflictStateOnly')
            : t('planEdConflictBody', { who, from: base.contentVersion, to: latest.contentVersion })}
        </p>
      </Alert>
      <PlanDiffTable
        changes={conflict.changes}
        plan={latest}
        before={base.content}
        after={latest.content}
        caption={t('planEdConflictCaption', { from: base.contentVersion, to: latest.contentVersion, count: conflict.changes.reduce((n, c) => n + Math.max(1, c.fields.length), 0) })}
        testId={`${testId}-diff`}
      />
      <div className="zl-actions">
        <button type="button" className="krds-btn primary medium" data-testid={`${testId}-load`} onClick={onLoadLatest}>
          {t('planEdConflictLoad')}
        </button>
        <button type="button" className="krds-btn secondary medium" data-testid={`${testId}-keep`} onClick={onKeepMine}>
          {t('planEdConflictKeep')}
        </button>
      </div>
    </div>
  );
}

/** Under the save button: the fields to fix (linked), another refusal in the server's words, or "saved". */
function SaveOutcome({ error, saved, message = 'planSavedVersion' }: { error: unknown; saved: boolean; message?: MessageKey }) {
  const { t } = useApp();
  if (error instanceof ApiError && error.fieldErrors.length > 0) return <ErrorSummary describe={(p) => describePointer(p, t)} />;
  if (error) return <ProblemAlert error={error} />;
  return saved ? <Alert kind="success">{t(message)}</Alert> : null;
}
