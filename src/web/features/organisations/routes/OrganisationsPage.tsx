// /organisations: every organisation with its kind and, for a responsible ministry, its ministry code — the code its
// regulations carry, which decides whose evidence packs it reads. An MSS administrator picks the code among the
// ministries of the regulation catalogue; the server checks it (known, held by no other organisation) and audits it.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { LocalText, refTextString } from '../../../shared/ui/text.tsx';
import { Loading, ProblemAlert, splitFieldErrors, useTitle } from '../../../shared/ui/ui.tsx';
import { regulationsQuery } from '../../regulations/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { organisationsApi, type Organisation } from '../api/client.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';


export function OrganisationsPage() {
  const { t, lang, user } = useApp();
  const [items, setItems] = useState<Organisation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useTitle(t('orgTitle'));
  const admin = user?.organisation.kind === 'ministry' && user.role === 'admin';
  const regulations = useQuery({ ...regulationsQuery(), enabled: admin }).data;
  const ministries = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const r of regulations ?? []) if (!byCode.has(r.ministry)) byCode.set(r.ministry, refTextString(r.ministryName, lang));
    return [...byCode].sort(([a], [b]) => a.localeCompare(b));
  }, [regulations, lang]);

  const load = useCallback(() => {
    organisationsApi.list().then((r) => setItems(r.items), setError);
  }, []);
  useEffect(load, [load]);

  return (
    <>
      <h1 className="zl-page-title">{t('orgTitle')}</h1>
      <p className="zl-lead">{t('orgLead')}</p>
      <div role="status" data-testid="organisation-notice">{notice ? <div className="zl-alert zl-alert-success"><p>{notice}</p></div> : null}</div>
      {error ? <ProblemAlert error={error} /> : null}
      {!items ? <Loading /> : (
        <TableFrame>
          <table className="tbl col data zl-table zl-compact" data-testid="organisation-list">
            <caption className="sr-only">{t('orgCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orgColName')}</th>
                <th scope="col">{t('orgColKind')}</th>
                <th scope="col">{t('orgColMinistry')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id} data-testid={`organisation-${o.id}`}>
                  <th scope="row"><LocalText value={o.name} /></th>
                  <td>{t(`orgKind_${o.kind}` as MessageKey)}</td>
                  <td>
                    {admin && o.kind === 'responsible_ministry' ? (
                      <MinistryCodeForm organisation={o} ministries={ministries} onSaved={(saved) => {
                        setNotice(t('orgSaved', { name: refTextString(saved.name, lang), code: saved.ministryCode ?? t('orgMinistryNone') }));
                        load();
                      }} />
                    ) : (o.ministryCode ?? '—')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      {user && !admin ? <p className="zl-muted">{t('orgOnlyAdmin')}</p> : null}
    </>
  );
}

function MinistryCodeForm({ organisation, ministries, onSaved }: { organisation: Organisation; ministries: [string, string][]; onSaved: (o: Organisation) => void }) {
  const { t, lang } = useApp();
  const [code, setCode] = useState(organisation.ministryCode ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { byField, unmatched } = splitFieldErrors(error, ['ministryCode']);
  const id = `org-ministry-${organisation.id}`;
  const options = ministries.some(([c]) => c === organisation.ministryCode) || organisation.ministryCode === null
    ? ministries : [[organisation.ministryCode, organisation.ministryCode] as [string, string], ...ministries];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await organisationsApi.setMinistryCode(organisation.id, code === '' ? null : code));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="zl-inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={id} className="sr-only">{t('orgMinistryLabel', { name: refTextString(organisation.name, lang) })}</label>
      <select id={id} className="krds-form-select" value={code} onChange={(e) => setCode(e.target.value)}
        aria-invalid={byField['ministryCode'] ? true : undefined} aria-describedby={byField['ministryCode'] ? `${id}-error` : undefined}>
        <option value="">{t('orgMinistryNone')}</option>
        {options.map(([value, label]) => <option key={value} value={value}>{value} — {label}</option>)}
      </select>{' '}
      <button type="submit" className="krds-btn small secondary" disabled={busy}>{t('orgSave')}</button>
      {byField['ministryCode'] ? <p id={`${id}-error`} className="form-hint-invalid">{byField['ministryCode']}</p> : null}
      {error && !byField['ministryCode'] ? <ProblemAlert error={error} extra={unmatched} /> : null}
    </form>
  );
}
