// Every saved version of the plan with its hash, and what changed between any two of them, field by field.
import { useEffect, useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { DateTime } from '../../../shared/ui/text.tsx';
import { ProblemAlert } from '../../../shared/ui/ui.tsx';
import type { Translate } from '../../../i18n/index.ts';
import { regionLabel, shortHash } from './common.tsx';
import type { PlansClient } from '../api/client.ts';
import { diffPlanContent, type PlanChange } from '../plan-diff.ts';
import { PlanDiffTable } from './PlanDiffTable.tsx';
import type { PlanContent, PlanView, VersionSummary } from '../types.ts';

interface Compared {
  from: number;
  to: number;
  before: PlanContent;
  after: PlanContent;
  changes: PlanChange[];
}

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

export function VersionsPanel({ plan, client }: { plan: PlanView; client: PlansClient }) {
  const { t, lang } = useApp();
  const regionName = (code: string) => regionLabel(plan.participantDetails.find((p) => p.regionCode === code)?.name, code, lang);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [diff, setDiff] = useState<Compared | null>(null);
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
      const [a, b] = await Promise.all([client.version(plan.id, from), client.version(plan.id, to)]);
      setDiff({ from, to, before: a.content, after: b.content, changes: diffPlanContent(a.content, b.content) });
    } catch (err) {
      setError(err);
    }
  }

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
        <PlanDiffTable
          changes={diff.changes}
          plan={plan}
          before={diff.before}
          after={diff.after}
          caption={t('planEdDiffCaption', { from: diff.from, to: diff.to, count: diff.changes.reduce((n, c) => n + Math.max(1, c.fields.length), 0) })}
          testId="plan-diff"
        />
      ) : null}
    </section>
  );
}
