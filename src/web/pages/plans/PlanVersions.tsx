// Every saved version of the plan with its hash, and what changed between any two of them.
import { useEffect, useState } from 'react';
import { useApp } from '../../app-context.tsx';
import { DateTime } from '../../components/text.tsx';
import { ProblemAlert } from '../../components/ui.tsx';
import type { Translate } from '../../i18n/index.ts';
import { regionLabel, shortHash } from './common.tsx';
import type { PlansClient } from './client.ts';
import type { DiffView, PlanView, VersionSummary } from './types.ts';

function changeText(change: string, t: Translate, name: (code: string) => string): string {
  const [kind = '', code] = change.split(':');
  const arg = code ? name(code) : undefined;
  switch (kind) {
    case 'create': return t('planChangeCreate');
    case 'common': return t('planChangeCommon');
    case 'section': return t('planChangeSection', { region: arg ?? '' });
    case 'invite': return t('planChangeInvite', { region: arg ?? '' });
    case 'leave': return t('planChangeLeave', { region: arg ?? '' });
    default: return change;
  }
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function VersionsPanel({ plan, client }: { plan: PlanView; client: PlansClient }) {
  const { t, lang } = useApp();
  const regionName = (code: string) => regionLabel(plan.participantDetails.find((p) => p.regionCode === code)?.name, code, lang);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [diff, setDiff] = useState<DiffView | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    client
      .versions(plan.id)
      .then((items) => {
        if (!live) return;
        setVersions(items);
        const last = items.at(-1)?.version ?? 1;
        setTo(last);
        setFrom(Math.max(1, last - 1));
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [client, plan.id, plan.contentVersion]);

  async function compare() {
    setError(null);
    try {
      setDiff(await client.diff(plan.id, from, to));
    } catch (err) {
      setError(err);
    }
  }

  const opText = (op: string) => t(op === 'add' ? 'planDiffAdd' : op === 'remove' ? 'planDiffRemove' : 'planDiffReplace');
  return (
    <section className="zl-section zl-card" aria-labelledby="plan-versions-title" data-testid="plan-versions">
      <h2 id="plan-versions-title">{t('planVersionsTitle')}</h2>
      {versions ? (
        <div className="krds-table-wrap zl-scroll" tabIndex={0} role="region" aria-label={t('planVersionsCaption')}>
          <table className="tbl col data zl-table zl-compact">
            <caption className="sr-only">{t('planVersionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planVersion')}</th>
                <th scope="col">{t('planChange')}</th>
                <th scope="col">{t('planHash')}</th>
                <th scope="col">{t('planSavedBy')}</th>
                <th scope="col">{t('planSavedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td className="zl-num">{v.version}</td>
                  <td>{changeText(v.change, t, regionName)}</td>
                  <td className="zl-mono">{shortHash(v.contentHash)}</td>
                  <td>{v.createdBy ?? '—'}</td>
                  <td>
                    <DateTime iso={v.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {versions && versions.length > 1 ? (
        <form
          className="zl-plan-inline"
          onSubmit={(e) => {
            e.preventDefault();
            void compare();
          }}
        >
          <label htmlFor="plan-diff-from">{t('planDiffFrom')}</label>
          <select id="plan-diff-from" className="krds-form-select" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>{v.version}</option>
            ))}
          </select>
          <label htmlFor="plan-diff-to">{t('planDiffTo')}</label>
          <select id="plan-diff-to" className="krds-form-select" value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>{v.version}</option>
            ))}
          </select>
          <button type="submit" className="krds-btn secondary medium" data-testid="plan-diff-submit">
            {t('planDiffShow')}
          </button>
        </form>
      ) : null}
      {error ? <ProblemAlert error={error} /> : null}
      {diff ? (
        <div className="krds-table-wrap zl-scroll" data-testid="plan-diff" tabIndex={0} role="region" aria-label={t('planDiffCaption', { from: diff.from, to: diff.to, count: diff.changes.length })}>
          <table className="tbl col data zl-table zl-compact zl-diff">
            <caption>{t('planDiffCaption', { from: diff.from, to: diff.to, count: diff.changes.length })}</caption>
            <thead>
              <tr>
                <th scope="col" className="zl-diff-path">{t('planDiffPath')}</th>
                <th scope="col" className="zl-nowrap">{t('planDiffOp')}</th>
                <th scope="col" className="zl-diff-value">{t('planDiffBefore')}</th>
                <th scope="col" className="zl-diff-value">{t('planDiffAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changes.map((c, i) => (
                <tr key={i} className={`zl-diff-${c.op}`}>
                  <td className="zl-mono">{c.path}</td>
                  <td className="zl-nowrap">{opText(c.op)}</td>
                  <td className="zl-diff-before">{show(c.before)}</td>
                  <td className="zl-diff-after">{show(c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
