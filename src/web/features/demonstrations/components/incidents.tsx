// Safety incidents: the list with each reporting deadline as the server set it (reported late flagged) and the
// exemptions concerned, the form companies in the project use to report one (a serious one names the exemptions;
// MSS and the zone's governments are notified by the server at once), the supervisors' suspension of those
// exemptions for this project, and MSS's lifting of a suspension, exemption by exemption.
import { useState } from 'react';
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { ActionOutcome, useAction } from '../../../shared/ui/actions.tsx';
import { useLoad } from '../../../shared/data/load.ts';
import { Field, Loading, ProblemAlert } from '../../../shared/ui/ui.tsx';
import { DateTime, LocalText } from '../../../shared/ui/text.tsx';
import { formatDateTime, fromSeoulLocalInput as fromSeoulLocal, seoulLocalInput as seoulLocal } from '../../../shared/dates.ts';
import { projectsApi } from '../api/client.ts';
import { severityText } from './common.tsx';
import { INCIDENT_SEVERITIES, type DeadlineHours, type Incident, type IncidentSeverity, type Project } from '../types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

const SUSPENDING: readonly IncidentSeverity[] = ['serious', 'critical'];

/** The title of one of the project's exemptions in the reader's language. */
function useExemptionTitle(project: Project): (id: string) => string {
  const { lang } = useApp();
  const exemptions = useLoad(`exemptions:${project.zoneId}`, () => projectsApi.exemptions(project.zoneId));
  return (id) => {
    const e = exemptions.data?.find((x) => x.id === id);
    return e ? (e.title[lang] ?? e.title.ko) : id;
  };
}

export function IncidentsPanel({ project, onProject }: { project: Project; onProject: (p: Project) => void }) {
  const { t } = useApp();
  const incidents = useLoad(`incidents:${project.id}`, () => projectsApi.incidents(project.id));
  const title = useExemptionTitle(project);
  const add = (incident: Incident) => incidents.data && incidents.setData({ ...incidents.data, items: [...incidents.data.items, incident] });
  const hours = incidents.data?.deadlineHours;
  return (
    <section className="zl-section" aria-labelledby="project-incidents">
      <h2 id="project-incidents">{t('prjIncidents')}</h2>
      {hours ? <p data-testid="incidents-lead">{t('prjIncidentsLead', { minor: hours.minor, serious: hours.serious })}</p> : null}
      <SuspensionsPanel project={project} title={title} onProject={onProject} />
      {incidents.error ? <ProblemAlert error={incidents.error} /> : incidents.data === undefined ? <Loading /> : incidents.data.items.length === 0 ? (
        <p data-testid="incidents-none">{t('prjIncidentsNone')}</p>
      ) : (
        <TableFrame>
          <table className="tbl col data zl-table zl-compact" data-testid="incidents-table">
            <caption className="sr-only">{t('prjIncidentsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prjIncidentOccurred')}</th>
                <th scope="col">{t('prjIncidentSeverity')}</th>
                <th scope="col">{t('prjIncidentPlace')}</th>
                <th scope="col">{t('prjIncidentDescription')}</th>
                <th scope="col">{t('prjIncidentExemptions')}</th>
                <th scope="col">{t('prjIncidentDeadline')}</th>
              </tr>
            </thead>
            <tbody>
              {incidents.data.items.map((i) => (
                <tr key={i.id} data-testid="incident-row">
                  <td className="zl-nowrap"><DateTime iso={i.occurredAt} /></td>
                  <td><span className={`krds-badge ${i.severity === 'minor' ? 'bg-light-warning' : 'bg-light-danger'}`}>{severityText(i.severity, t)}</span></td>
                  <td><LocalText value={i.place} /></td>
                  <td>
                    <LocalText value={i.description} />
                    <span className="zl-block zl-hint">{t('prjIncidentActions')}: <LocalText value={i.immediateActions} /></span>
                  </td>
                  <td>
                    {i.exemptionIds.length === 0 ? '—' : <ul className="zl-plain-list">{i.exemptionIds.map((e) => <li key={e}>{title(e)}</li>)}</ul>}
                    {project.canSuspend && SUSPENDING.includes(i.severity) ? <SuspendForm project={project} incident={i} title={title} onProject={onProject} /> : null}
                  </td>
                  <td className="zl-nowrap">
                    <DateTime iso={i.reportDeadline} />
                    <span className="zl-block">
                      {i.reportedLate ? <span className="krds-badge bg-light-danger">{t('prjIncidentLate')}</span> : <span className="krds-badge bg-light-success">{t('prjIncidentOnTime')}</span>}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      {project.canUpload && hours ? <IncidentForm project={project} hours={hours} title={title} onIncident={add} /> : null}
    </section>
  );
}

/** The exemptions suspended for this project; MSS lifts a suspension, exemption by exemption, with a reason. */
function SuspensionsPanel({ project, title, onProject }: { project: Project; title: (id: string) => string; onProject: (p: Project) => void }) {
  const { t, lang } = useApp();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string | null>(null);
  const { busy, error, done, run } = useAction(onProject);
  if (project.suspendedExemptions.length === 0) return null;
  const lift = (exemptionId: string) => {
    const reason = (reasons[exemptionId] ?? '').trim();
    setMissing(reason === '' ? exemptionId : null);
    if (reason === '') return;
    void run(() => projectsApi.liftSuspension(project.id, exemptionId, { ko: reason }), 'prjLiftedDone');
  };
  return (
    <div className="zl-card zl-mt" data-testid="suspended-exemptions">
      <h3>{t('prjSuspendedExemptionsTitle')}</h3>
      <ActionOutcome error={error} done={done} />
      {project.canLiftSuspension ? <p>{t('prjLiftHint')}</p> : null}
      <ul className="zl-plain-list">
        {project.suspendedExemptions.map((s) => (
          <li key={s.id} data-exemption={s.exemptionId}>
            <strong>{title(s.exemptionId)}</strong> — {t('prjSuspendedSince', { since: formatDateTime(s.suspendedAt, lang) })}
            <span className="zl-block zl-hint">{t('prjSuspensionReason')}: <LocalText value={s.reason} /></span>
            {project.canLiftSuspension ? (
              <form className="zl-form" noValidate onSubmit={(e) => { e.preventDefault(); lift(s.exemptionId); }}>
                <Field id={`lift-reason-${s.exemptionId}`} label={t('prjSuspensionReason')} required error={missing === s.exemptionId ? t('fieldRequired') : undefined}>
                  {(a) => <input {...a} className="krds-input" value={reasons[s.exemptionId] ?? ''} onChange={(e) => setReasons({ ...reasons, [s.exemptionId]: e.target.value })} />}
                </Field>
                <div className="zl-actions">
                  <button type="submit" className="krds-btn secondary medium" disabled={busy} data-testid={`lift-${s.exemptionId}`}>{t('prjLift')}</button>
                </div>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The supervisors suspend, after a serious incident, the exemptions it names that are not suspended yet. */
function SuspendForm({ project, incident, title, onProject }: { project: Project; incident: Incident; title: (id: string) => string; onProject: (p: Project) => void }) {
  const { t } = useApp();
  const open = incident.exemptionIds.filter((e) => project.exemptionIds.includes(e) && !project.suspendedExemptions.some((s) => s.exemptionId === e));
  const [chosen, setChosen] = useState<string[]>(open);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, error, done, run } = useAction(onProject);
  if (project.state !== 'demonstrating' || open.length === 0) return null;
  const submit = () => {
    const picked = chosen.filter((e) => open.includes(e));
    const found: Record<string, string> = {};
    if (picked.length === 0) found.exemptions = t('prjNeedExemption');
    if (reason.trim() === '') found.reason = t('fieldRequired');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    void run(() => projectsApi.suspendExemptions(project.id, incident.id, picked, { ko: reason.trim() }), 'prjSuspendedDone');
  };
  return (
    <form className="zl-form zl-mt" noValidate onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid={`suspend-form-${incident.id}`}>
      <ActionOutcome error={error} done={done} />
      <p className="zl-hint">{t('prjSuspendExemptionsHint')}</p>
      <fieldset className="zl-fieldset" aria-describedby={problems.exemptions ? `suspend-${incident.id}-error` : undefined}>
        <legend>{t('prjIncidentExemptions')}</legend>
        {open.map((e) => (
          <div className="krds-form-check" key={e}>
            <input type="checkbox" id={`suspend-${incident.id}-${e}`} checked={chosen.includes(e)}
              onChange={(ev) => setChosen(ev.target.checked ? [...chosen, e] : chosen.filter((x) => x !== e))} />
            <label htmlFor={`suspend-${incident.id}-${e}`}>{title(e)}</label>
          </div>
        ))}
        {problems.exemptions ? <p className="form-hint-invalid" id={`suspend-${incident.id}-error`}>{problems.exemptions}</p> : null}
      </fieldset>
      <Field id={`suspend-reason-${incident.id}`} label={t('prjSuspensionReason')} required error={problems.reason}>
        {(a) => <input {...a} className="krds-input" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="zl-actions">
        <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid={`suspend-${incident.id}`}>{t('prjSuspendExemptions')}</button>
      </div>
    </form>
  );
}

function IncidentForm({ project, hours, title, onIncident }: { project: Project; hours: DeadlineHours; title: (id: string) => string; onIncident: (i: Incident) => void }) {
  const { t } = useApp();
  const [severity, setSeverity] = useState<IncidentSeverity>('minor');
  const [exemptionIds, setExemptionIds] = useState<string[]>([]);
  const [occurred, setOccurred] = useState(() => seoulLocal(Date.now() - 3_600_000));
  const [place, setPlace] = useState('');
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [description, setDescription] = useState('');
  const [actions, setActions] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, error, done, run } = useAction(onIncident);
  const occurredMs = fromSeoulLocal(occurred);
  const needExemption = SUSPENDING.includes(severity) && project.exemptionIds.length > 0;
  const server = (field: string) => (error instanceof ApiError ? error.fieldErrors.find((f) => f.path === `/body/${field}`)?.message : undefined);
  const err = (field: string) => problems[field] ?? server(field);

  const submit = () => {
    const found: Record<string, string> = {};
    if (!Number.isFinite(occurredMs)) found.occurredAt = t('fieldRequired');
    else if (occurredMs > Date.now()) found.occurredAt = t('prjIncidentFuture');
    for (const [key, value] of [['place', place], ['description', description], ['immediateActions', actions]] as const) if (value.trim() === '') found[key] = t('fieldRequired');
    const x = lon.trim() === '' ? null : Number(lon);
    const y = lat.trim() === '' ? null : Number(lat);
    if (x !== null && !(Number.isFinite(x) && x >= -180 && x <= 180)) found.lon = t('prjNeedLon');
    if (y !== null && !(Number.isFinite(y) && y >= -90 && y <= 90)) found.lat = t('prjNeedLat');
    if ((x === null) !== (y === null)) found[x === null ? 'lon' : 'lat'] = t('prjNeedBothCoordinates');
    if (needExemption && exemptionIds.length === 0) found.exemptionIds = t('prjNeedExemption');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    void run(() => projectsApi.reportIncident(project.id, {
      severity, occurredAt: new Date(occurredMs).toISOString(), place: { ko: place.trim() }, lon: x, lat: y,
      description: { ko: description.trim() }, immediateActions: { ko: actions.trim() }, exemptionIds,
    }), 'prjIncidentReported').then((ok) => {
      if (ok) {
        setPlace('');
        setLon('');
        setLat('');
        setDescription('');
        setActions('');
        setExemptionIds([]);
      }
    });
  };

  return (
    <form className="zl-form zl-card zl-mt" noValidate onSubmit={(e) => { e.preventDefault(); submit(); }} aria-labelledby="incident-form-title" data-testid="incident-form">
      <h3 id="incident-form-title">{t('prjReportIncident')}</h3>
      <ActionOutcome error={error} done={done} />
      <fieldset className="zl-fieldset">
        <legend>{t('prjIncidentSeverity')}</legend>
        <div className="zl-radio-group">
          {INCIDENT_SEVERITIES.map((s) => (
            <div className="krds-form-check" key={s}>
              <input type="radio" id={`incident-severity-${s}`} name="incident-severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
              <label htmlFor={`incident-severity-${s}`}>{severityText(s, t)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <Field id="incident-occurredAt" label={t('prjIncidentOccurredSeoul')} required error={err('occurredAt')}>
        {(a) => <input {...a} className="krds-input" type="datetime-local" value={occurred} onChange={(e) => setOccurred(e.target.value)} />}
      </Field>
      <p className="zl-deadline" data-testid="incident-deadline" role="status">{t('prjIncidentDeadlineHours', { hours: hours[severity] })}</p>
      {project.exemptionIds.length > 0 ? (
        <fieldset className="zl-fieldset" aria-describedby={err('exemptionIds') ? 'incident-exemptions-error' : 'incident-exemptions-hint'}>
          <legend>{t('prjIncidentExemptions')}{needExemption ? ' *' : ''}</legend>
          <p className="zl-hint" id="incident-exemptions-hint">{t('prjIncidentExemptionsHint')}</p>
          {project.exemptionIds.map((e) => (
            <div className="krds-form-check" key={e}>
              <input type="checkbox" id={`incident-exemption-${e}`} checked={exemptionIds.includes(e)}
                onChange={(ev) => setExemptionIds(ev.target.checked ? [...exemptionIds, e] : exemptionIds.filter((x) => x !== e))} />
              <label htmlFor={`incident-exemption-${e}`}>{title(e)}</label>
            </div>
          ))}
          {err('exemptionIds') ? <p className="form-hint-invalid" id="incident-exemptions-error">{err('exemptionIds')}</p> : null}
        </fieldset>
      ) : null}
      <Field id="incident-place" label={t('prjIncidentPlace')} required error={err('place.ko') ?? err('place')}>
        {(a) => <input {...a} className="krds-input" value={place} onChange={(e) => setPlace(e.target.value)} />}
      </Field>
      <div className="zl-two-col">
        <Field id="incident-lon" label={t('prjIncidentLon')} error={err('lon')}>
          {(a) => <input {...a} className="krds-input" type="number" inputMode="decimal" step="any" value={lon} onChange={(e) => setLon(e.target.value)} />}
        </Field>
        <Field id="incident-lat" label={t('prjIncidentLat')} error={err('lat')}>
          {(a) => <input {...a} className="krds-input" type="number" inputMode="decimal" step="any" value={lat} onChange={(e) => setLat(e.target.value)} />}
        </Field>
      </div>
      <Field id="incident-description" label={t('prjIncidentDescription')} required error={err('description.ko') ?? err('description')} hint={t('prjInKorean')}>
        {(a) => <textarea {...a} className="krds-input zl-textarea" value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field id="incident-immediateActions" label={t('prjIncidentActions')} required error={err('immediateActions.ko') ?? err('immediateActions')}>
        {(a) => <textarea {...a} className="krds-input zl-textarea" value={actions} onChange={(e) => setActions(e.target.value)} />}
      </Field>
      <div className="zl-actions">
        <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="incident-submit">{t('prjReportIncidentSubmit')}</button>
      </div>
    </form>
  );
}
