// /committees: the ministry's committee page — plans before the deliberation committee and the RFZ committee, the
// decisions taken, and the meeting-notice deadline (at least 7 days before the meeting, Decree Art. 47(6), 49(6)).
// Each decision is recorded with its minutes on the plan's page, where the notice rule is enforced.
import { allPages } from '../../../shared/data/pages.ts';
import { useEffect, useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { DemoBadge, Field, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { LocalText } from '../../../shared/ui/text.tsx';
import { Link } from '../../../shared/router.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import { PlanStateBadge, usePlansClient, type PlanState, type PlanSummary } from '../../plans/index.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

const AGENDA: readonly PlanState[] = ['deliberation'];
const DECIDED: readonly PlanState[] = ['designated', 'designated_with_conditions', 'rejected', 'sent_back'];

/** The latest notice day: 7 days before the meeting, counted back (the server also rolls it to a business day). */
function latestNotice(meeting: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meeting)) return null;
  const d = new Date(`${meeting}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  d.setUTCDate(d.getUTCDate() - 7);
  return d.toISOString().slice(0, 10);
}

function PlanTable({ plans, caption }: { plans: PlanSummary[]; caption: string }) {
  const { t } = useApp();
  if (plans.length === 0) return <p>{t('rvCommitteeNone')}</p>;
  return (
    <TableFrame>
      <table className="tbl col data zl-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planTitleLabel')}</th>
            <th scope="col">{t('planState')}</th>
            <th scope="col">{t('planSubmittedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link href={`/plans/${p.id}`}><LocalText value={p.title} /></Link> {p.demo ? <DemoBadge /> : null}
              </th>
              <td><PlanStateBadge state={p.state} /></td>
              <td className="zl-nowrap">{p.submittedOn ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

export function CommitteesPage() {
  const { t, user } = useApp();
  const client = usePlansClient();
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [meeting, setMeeting] = useState('');
  useTitle(t('rvCommitteeTitle'));
  const ministry = user?.organisation.kind === 'ministry';
  useEffect(() => {
    if (client && ministry) allPages((cursor) => client.list({}, cursor)).then(setPlans, setError);
  }, [client, ministry]);

  if (user === undefined) return <Loading />;
  if (user === null || !client) return (<><h1 className="zl-page-title">{t('rvCommitteeTitle')}</h1><LoginFirst /></>);
  const latest = latestNotice(meeting);
  return (
    <>
      <h1 className="zl-page-title">{t('rvCommitteeTitle')}</h1>
      <p className="zl-lead">{t('rvCommitteeLead')}</p>
      {!ministry ? <p>{t('rvCommitteeOnlyMinistry')}</p> : error ? <ProblemAlert error={error} /> : !plans ? <Loading /> : (
        <>
          <section className="zl-section zl-card" aria-labelledby="rv-agenda-title" data-testid="committee-agenda">
            <h2 id="rv-agenda-title">{t('rvCommitteeAgenda')}</h2>
            <PlanTable plans={plans.filter((p) => AGENDA.includes(p.state))} caption={t('rvCommitteeAgenda')} />
          </section>
          <section className="zl-section zl-card" aria-labelledby="rv-notice-title">
            <h2 id="rv-notice-title">{t('rvNoticeCalcTitle')}</h2>
            <Field id="rv-meeting" label={t('rvNoticeMeeting')}>
              {(a) => <input {...a} type="date" className="krds-input" value={meeting} onChange={(e) => setMeeting(e.target.value)} />}
            </Field>
            {latest ? <p role="status" data-testid="committee-notice-latest">{t('rvNoticeLatest', { meeting, latest })}</p> : null}
          </section>
          <section className="zl-section zl-card" aria-labelledby="rv-decided-title">
            <h2 id="rv-decided-title">{t('rvCommitteeDecided')}</h2>
            <PlanTable plans={plans.filter((p) => DECIDED.includes(p.state))} caption={t('rvCommitteeDecided')} />
          </section>
        </>
      )}
    </>
  );
}
