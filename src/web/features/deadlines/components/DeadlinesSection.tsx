// Dashboard panel: the exemption deadlines the reader must act on — overdue results reports and amendment plans,
// request windows that closed while the term still runs, and what falls due soon — scoped by the server
// (GET /api/exemption-deadlines: ministries all, a local government its zones, a company its own).
import { useEffect, useState } from 'react';
import { request } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { LocalText } from '../../../shared/ui/text.tsx';
import { Loading, ProblemAlert } from '../../../shared/ui/ui.tsx';
import type { MessageKey } from '../../../i18n/index.ts';
import { Link } from '../../../shared/router.tsx';
import type { I18nText } from '../../../shared/types.ts';
import { formatDay } from '../../../shared/dates.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';
import { citation } from '../../../../domain/i18n/citation.ts';

type Kind = 'extension_window' | 'expiry' | 'results_report' | 'amendment_plan';
interface DeadlineItem {
  kind: Kind;
  due: string;
  status: 'overdue' | 'closed' | 'due_soon';
  daysLeft: number;
  rule: string;
  exemption: { id: string; title: I18nText; state: string; zone: { id: string; name: I18nText } };
}
interface DeadlineList { asOf: string; horizonDays: number; overdue: number; closed: number; dueSoon: number; items: DeadlineItem[] }

const KIND: Record<Kind, MessageKey> = {
  extension_window: 'dlKindExtensionWindow', expiry: 'dlKindExpiry', results_report: 'dlKindResultsReport', amendment_plan: 'dlKindAmendmentPlan',
};
const BADGE: Record<DeadlineItem['status'], string> = { overdue: 'bg-light-danger', closed: 'bg-light-warning', due_soon: 'bg-light-primary' };
/** Overdue and closed first, then by day. */
const ORDER: Record<DeadlineItem['status'], number> = { overdue: 0, closed: 1, due_soon: 2 };

export function DeadlinesSection() {
  const { t, lang } = useApp();
  const [list, setList] = useState<DeadlineList | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    request<DeadlineList>('GET', '/api/exemption-deadlines').then((r) => live && setList(r), (e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, []);

  const status = (d: DeadlineItem): string =>
    d.status === 'closed' ? t('dlStatusClosed') : d.daysLeft === 0 ? t('dlStatusToday') : d.daysLeft < 0 ? t('dlStatusOverdue', { days: -d.daysLeft }) : t('dlStatusDueSoon', { days: d.daysLeft });
  const items = list ? [...list.items].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.due.localeCompare(b.due)) : [];

  return (
    <section className="zl-section" aria-labelledby="me-deadlines" data-testid="exemption-deadlines">
      <h2 id="me-deadlines">{t('dlTitle')}</h2>
      {error ? <ProblemAlert error={error} /> : !list ? <Loading /> : (
        <>
          <p className="zl-lead">{t('dlLead', { days: list.horizonDays })}</p>
          {items.length === 0 ? <p>{t('dlNone')}</p> : (
            <>
              <p data-testid="deadline-summary">{t('dlSummary', { overdue: list.overdue, closed: list.closed, dueSoon: list.dueSoon })}</p>
              <TableFrame>
                <table className="tbl col data zl-table zl-compact">
                  <caption className="sr-only">{t('dlCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dlColExemption')}</th>
                      <th scope="col">{t('dlColZone')}</th>
                      <th scope="col">{t('dlColWhat')}</th>
                      <th scope="col">{t('dlColDue')}</th>
                      <th scope="col">{t('dlColStatus')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((d) => (
                      <tr key={`${d.exemption.id}:${d.kind}`} data-testid={`deadline-${d.kind}-${d.exemption.id}`} data-status={d.status}>
                        <th scope="row"><Link href={`/exemptions/${d.exemption.id}`}><LocalText value={d.exemption.title} /></Link></th>
                        <td><LocalText value={d.exemption.zone.name} /></td>
                        <td>{t(KIND[d.kind])} <small className="zl-muted">({citation(lang, d.rule)})</small></td>
                        <td className="zl-nowrap">{formatDay(d.due, lang)}</td>
                        <td><span className={`krds-badge ${BADGE[d.status]}`}>{status(d)}</span></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableFrame>
            </>
          )}
        </>
      )}
    </section>
  );
}
