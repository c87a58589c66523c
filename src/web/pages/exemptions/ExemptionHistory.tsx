// An exemption's history: the dated facts everyone may see (grant, extension, amendment request, amended law)
// and, for the ministry, the audited actions on it.
import { useEffect, useState } from 'react';
import { useApp } from '../../app-context.tsx';
import { DateTime } from '../../components/text.tsx';
import { exemptionsApi } from './client.ts';
import { Day } from './common.tsx';
import type { AuditEntry, Exemption } from './types.ts';

const ACTION_KEYS = {
  'exemption:create': 'exHistCreate', 'exemption:extend': 'exHistExtend', 'exemption:request-amendment': 'exHistRequest',
  'exemption:record-amendment': 'exHistAmended',
} as const;

export function ExemptionHistory({ exemption }: { exemption: Exemption }) {
  const { t, user } = useApp();
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const ministry = user?.organisation.kind === 'ministry';
  const e = exemption;

  useEffect(() => {
    if (!ministry) return;
    let live = true;
    exemptionsApi.history(e.id).then((r) => live && setAudit(r.items)).catch(() => live && setAudit(null));
    return () => {
      live = false;
    };
  }, [ministry, e.id, e.state, e.validity.until]);

  const facts: { date: string; text: string }[] = [{ date: e.grantedOn, text: t('exCalGranted') }];
  if (e.validity.extensionsUsed > 0 && e.validity.until) facts.push({ date: e.validity.until, text: t('exHistExtendedUntil') });
  if (e.amendmentRequestedOn) facts.push({ date: e.amendmentRequestedOn, text: t('exCalAmendmentRequested') });
  if (e.lawAmendedOn) facts.push({ date: e.lawAmendedOn, text: t('exCalLawAmended') });
  facts.sort((a, b) => a.date.localeCompare(b.date));

  return (
    <section className="zl-section" aria-labelledby="ex-history">
      <h2 id="ex-history">{t('exHistory')}</h2>
      <ol className="zl-ex-history" data-testid="exemption-history">
        {facts.map((f, i) => (
          <li key={i}>
            <Day iso={f.date} /> — {f.text}
          </li>
        ))}
      </ol>
      {audit && audit.length > 0 ? (
        <>
          <h3>{t('exHistAudit')}</h3>
          <ol className="zl-ex-history" data-testid="exemption-audit">
            {audit.map((a) => (
              <li key={a.seq}>
                <DateTime iso={a.at} /> — {a.action in ACTION_KEYS ? t(ACTION_KEYS[a.action as keyof typeof ACTION_KEYS]) : a.action}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
