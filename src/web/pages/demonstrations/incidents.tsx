// Safety incidents: the list with each reporting deadline (reported late flagged), and the form companies in the
// project use to report one — MSS and the zone's governments are notified by the server at once.
import { useState } from 'react';
import { DEFAULT_INCIDENT_DEADLINE_HOURS, incidentDeadline } from '../../../domain/demonstrations/reports.ts';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.tsx';
import { ActionOutcome, useAction } from '../../components/actions.tsx';
import { useLoad } from '../../components/load.ts';
import { Field, Loading, ProblemAlert } from '../../components/ui.tsx';
import { DateTime, LocalText } from '../../components/text.tsx';
import { fromSeoulLocalInput as fromSeoulLocal, seoulLocalInput as seoulLocal } from '../../dates.ts';
import { projectsApi } from './client.ts';
import { severityText } from './common.tsx';
import { INCIDENT_SEVERITIES, type Incident, type IncidentSeverity, type Project } from './types.ts';


export function IncidentsPanel({ project }: { project: Project }) {
  const { t } = useApp();
  const incidents = useLoad(`incidents:${project.id}`, () => projectsApi.incidents(project.id));
  const add = (incident: Incident) => incidents.setData([...(incidents.data ?? []), incident]);
  return (
    <section className="zl-section" aria-labelledby="project-incidents">
      <h2 id="project-incidents">{t('prjIncidents')}</h2>
      <p>{t('prjIncidentsLead', { minor: DEFAULT_INCIDENT_DEADLINE_HOURS.minor, serious: DEFAULT_INCIDENT_DEADLINE_HOURS.serious })}</p>
      {incidents.error ? <ProblemAlert error={incidents.error} /> : incidents.data === undefined ? <Loading /> : incidents.data.length === 0 ? (
        <p data-testid="incidents-none">{t('prjIncidentsNone')}</p>
      ) : (
        <div className="krds-table-wrap">
          <table className="tbl col data zl-table zl-compact" data-testid="incidents-table">
            <caption className="sr-only">{t('prjIncidentsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prjIncidentOccurred')}</th>
                <th scope="col">{t('prjIncidentSeverity')}</th>
                <th scope="col">{t('prjIncidentPlace')}</th>
                <th scope="col">{t('prjIncidentDescription')}</th>
                <th scope="col">{t('prjIncidentDeadline')}</th>
              </tr>
            </thead>
            <tbody>
              {incidents.data.map((i) => (
                <tr key={i.id}>
                  <td className="zl-nowrap"><DateTime iso={i.occurredAt} /></td>
                  <td><span className={`krds-badge ${i.severity === 'minor' ? 'bg-light-warning' : 'bg-light-danger'}`}>{severityText(i.severity, t)}</span></td>
                  <td><LocalText value={i.place} /></td>
                  <td>
                    <LocalText value={i.description} />
                    <span className="zl-block zl-hint">{t('prjIncidentActions')}: <LocalText value={i.immediateActions} /></span>
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
        </div>
      )}
      {project.canUpload ? <IncidentForm project={project} onIncident={add} /> : null}
    </section>
  );
}

function IncidentForm({ project, onIncident }: { project: Project; onIncident: (i: Incident) => void }) {
  const { t } = useApp();
  const [severity, setSeverity] = useState<IncidentSeverity>('minor');
  const [occurred, setOccurred] = useState(() => seoulLocal(Date.now() - 3_600_000));
  const [place, setPlace] = useState('');
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [description, setDescription] = useState('');
  const [actions, setActions] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, error, done, run } = useAction(onIncident);
  const occurredMs = fromSeoulLocal(occurred);
  const deadline = Number.isFinite(occurredMs) ? new Date(incidentDeadline(occurredMs, severity)).toISOString() : null;
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
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    void run(() => projectsApi.reportIncident(project.id, {
      severity, occurredAt: new Date(occurredMs).toISOString(), place: { ko: place.trim() }, lon: x, lat: y,
      description: { ko: description.trim() }, immediateActions: { ko: actions.trim() },
    }), 'prjIncidentReported').then((ok) => {
      if (ok) {
        setPlace('');
        setLon('');
        setLat('');
        setDescription('');
        setActions('');
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
      {deadline ? (
        <p className="zl-deadline" data-testid="incident-deadline" role="status">
          {t('prjIncidentDeadlineIs', { hours: DEFAULT_INCIDENT_DEADLINE_HOURS[severity] })} <strong><DateTime iso={deadline} /></strong>
          {Date.parse(deadline) < Date.now() ? <> <span className="krds-badge bg-light-danger">{t('prjIncidentDeadlinePassed')}</span></> : null}
        </p>
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
