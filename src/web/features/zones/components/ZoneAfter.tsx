// A zone after designation on its public page: the gazette-style notice, the yearly evaluations (grades are public;
// MSS records them), the change requests and the history; MSS's extension, hearing and cancellation actions; the
// zone's local government's change request and answers to data requests (ZoneLocal.tsx).
import type { CancellationGround as ZoneCancellationGround } from '../../../../domain/zones/zone-period.ts';
import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { useRegionIndex } from '../../../shared/data/reference-data.ts';
import { ActionOutcome, useAction } from '../../../shared/ui/actions.tsx';
import { RefText, regionNameText } from '../../../shared/ui/text.tsx';
import { formatDay, seoulToday } from '../../../shared/dates.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { Zone } from '../../../shared/types.ts';
import { ChangeRequestForm, DataRequestsSection, governsZone } from './ZoneLocal.tsx';
import { CRITERIA, zonesApi, type DesignationNotice, type Evaluation, type Grade, type HistoryEntry, type ZoneChange } from '../api/client.ts';
import { citation } from '../../../../domain/i18n/citation.ts';

const GRADE_KEYS: Record<Grade, MessageKey> = { excellent: 'zaGradeExcellent', good: 'zaGradeGood', fair: 'zaGradeFair', poor: 'zaGradePoor' };
const GRADE_TONE: Record<Grade, string> = { excellent: 'primary', good: 'secondary', fair: 'gray', poor: 'danger' };
/** Zone states in which its governments may apply for a change (as the server's OPERATING). */
const OPERATING: readonly string[] = ['designated', 'evaluated', 'extended'];
const today = seoulToday;
const daysAgo = (n: number) => new Date(Date.parse(`${today()}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export function ZoneAfter({ zone, onChanged }: { zone: Zone; onChanged: () => void }) {
  const { user } = useApp();
  const [evaluations, setEvaluations] = useState<Evaluation[]>([]);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [changes, setChanges] = useState<ZoneChange[]>([]);
  const reload = useCallback(() => {
    void zonesApi.evaluations(zone.id).then((r) => setEvaluations(r.items)).catch(() => setEvaluations([]));
    void zonesApi.history(zone.id).then((r) => setHistory(r.items)).catch(() => setHistory([]));
    void zonesApi.changes(zone.id).then((r) => setChanges(r.items)).catch(() => setChanges([]));
  }, [zone.id]);
  useEffect(() => reload(), [reload, zone.version]);
  const ministry = user?.organisation.kind === 'ministry';
  const local = user?.organisation.kind === 'local_government' && governsZone(user.organisation.regionCode, zone);
  const managed = zone.source !== 'reference';
  const refresh = () => {
    reload();
    onChanged();
  };
  return (
    <>
      {zone.notice ? <NoticeSection notice={zone.notice} /> : null}
      {managed ? <EvaluationsSection zone={zone} evaluations={evaluations} canRecord={ministry} onSaved={refresh} /> : null}
      {managed && (changes.length > 0 || local) ? <ChangesSection zone={zone} changes={changes} onSaved={refresh} canFile={local && OPERATING.includes(zone.state)} /> : null}
      {managed && user && !ministry ? <DataRequestsSection zone={zone} onSaved={refresh} /> : null}
      {managed && ministry && user?.role === 'admin' ? <MinistryActions zone={zone} onSaved={refresh} /> : null}
      {history.length > 0 ? <HistorySection history={history} /> : null}
    </>
  );
}

function NoticeSection({ notice }: { notice: DesignationNotice }) {
  const { t, lang } = useApp();
  const regions = useRegionIndex(true);
  const place = (code: string) => {
    const r = regions.get(code);
    return r ? regionNameText(r, lang) : code;
  };
  return (
    <section className="zl-section" aria-labelledby="zone-notice" data-testid="zone-notice">
      <h2 id="zone-notice">{t('zaNoticeTitle')}</h2>
      <p className="zl-muted">{t('zaNoticeLead', { rule: citation(lang, notice.rule) })}</p>
      <dl className="zl-dl">
        <dt>{t('zaNumber')}</dt>
        <dd data-testid="zone-number">{notice.number}</dd>
        <dt>{t('zaGazettedOn')}</dt>
        <dd>{formatDay(notice.gazettedOn, lang)}</dd>
        <dt>{t('zaName')}</dt>
        <dd><RefText value={notice.name} /></dd>
        <dt>{t('zaLocation')}</dt>
        <dd>{notice.location.map(place).join(', ')}</dd>
        <dt>{t('zaArea')}</dt>
        <dd>{t('zaAreaValue', { area: new Intl.NumberFormat(lang).format(notice.areaSqm) })}</dd>
        <dt>{t('zaPurpose')}</dt>
        <dd><RefText value={notice.purpose} /></dd>
        <dt>{t('zaPeriod')}</dt>
        <dd>{t('zonePeriodValue', { start: formatDay(notice.periodStart, lang) ?? '', end: formatDay(notice.periodEnd, lang) ?? '' })}</dd>
        <dt>{t('zaOperators')}</dt>
        <dd>
          <ul className="zl-bullets">
            {notice.operators.map((o, i) => (
              <li key={i}><RefText value={o.name} />{o.address ? <> — <RefText value={o.address} /></> : null}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('zaExemptions')}</dt>
        <dd>
          <ul className="zl-bullets">
            {notice.exemptions.map((e, i) => (
              <li key={i}><RefText value={e.law} /> {e.provision}: <RefText value={e.request} /></li>
            ))}
          </ul>
        </dd>
        {notice.conditions ? (
          <>
            <dt>{t('zaConditions')}</dt>
            <dd><RefText value={notice.conditions} /></dd>
          </>
        ) : null}
        <dt>{t('zaMap')}</dt>
        <dd>{t('zaMapValue', { regions: notice.mapRegions.map(place).join(', ') })}</dd>
      </dl>
    </section>
  );
}

function GradeBadge({ grade }: { grade: Grade }) {
  const { t } = useApp();
  return <span className={`krds-badge ${GRADE_TONE[grade]}`} data-testid="zone-grade">{t(GRADE_KEYS[grade])}</span>;
}

function EvaluationsSection({ zone, evaluations, canRecord, onSaved }: { zone: Zone; evaluations: Evaluation[]; canRecord: boolean; onSaved: () => void }) {
  const { t, lang } = useApp();
  return (
    <section className="zl-section" aria-labelledby="zone-evaluations" data-testid="zone-evaluations">
      <h2 id="zone-evaluations">{t('zaEvaluationsTitle')}</h2>
      {evaluations.length === 0 ? <p>{t('zaEvaluationsNone')}</p> : (
        <table className="krds-table zl-table">
          <caption className="sr-only">{t('zaEvaluationsCaption')}</caption>
          <thead><tr><th scope="col">{t('zaYear')}</th><th scope="col">{t('zaGrade')}</th><th scope="col">{t('zaConfirmedOn')}</th><th scope="col">{t('zaSummary')}</th></tr></thead>
          <tbody>
            {evaluations.map((e) => (
              <tr key={e.year}>
                <th scope="row">{e.year}</th>
                <td>
                  <GradeBadge grade={e.grade} />
                  {e.consequences.cancellationWarning ? <p className="zl-muted">{t('zaCancellationWarning')}</p> : e.consequences.improvementRequired ? <p className="zl-muted">{t('zaImprovement')}</p> : null}
                </td>
                <td>{formatDay(e.confirmedOn, lang)}</td>
                <td><RefText value={e.summary} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRecord ? <EvaluationForm zone={zone} onSaved={onSaved} /> : null}
    </section>
  );
}

function EvaluationForm({ zone, onSaved }: { zone: Zone; onSaved: () => void }) {
  const { t } = useApp();
  const firstYear = Number((zone.periodStart ?? today()).slice(0, 4));
  const [year, setYear] = useState(String(firstYear));
  const [scores, setScores] = useState<Record<string, string>>(Object.fromEntries(CRITERIA.map((c) => [c, ''])));
  const [summary, setSummary] = useState('');
  const [confirmedOn, setConfirmedOn] = useState(today());
  const action = useAction<Evaluation>(() => onSaved());
  const criterionKey: Record<string, MessageKey> = { 'kpi-achievement': 'zaCriterionKpi', 'regional-economy': 'zaCriterionEconomy', 'use-of-special-cases': 'zaCriterionSpecialCases', 'project-results': 'zaCriterionProjects' };
  return (
    <form
      className="zl-form zl-section-gap"
      aria-labelledby="zone-evaluation-form"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => zonesApi.evaluate(zone.id, { year: Number(year), scores: Object.fromEntries(CRITERIA.map((c) => [c, Number(scores[c])])), summary: { ko: summary }, confirmedOn }), 'zaEvaluationSaved');
      }}
    >
      <h3 id="zone-evaluation-form">{t('zaEvaluationFormTitle')}</h3>
      <p className="zl-hint">{t('zaEvaluationFormHint')}</p>
      <div className="form-group">
        <label htmlFor="za-year">{t('zaYear')}</label>
        <input id="za-year" className="krds-input" type="number" min={2019} max={2200} value={year} onChange={(e) => setYear(e.target.value)} required />
      </div>
      {CRITERIA.map((c) => (
        <div className="form-group" key={c}>
          <label htmlFor={`za-score-${c}`}>{t(criterionKey[c]!)}</label>
          <input id={`za-score-${c}`} className="krds-input" type="number" min={0} max={100} step="any" value={scores[c]} onChange={(e) => setScores({ ...scores, [c]: e.target.value })} required />
        </div>
      ))}
      <div className="form-group">
        <label htmlFor="za-summary">{t('zaSummary')}</label>
        <textarea id="za-summary" className="krds-input zl-textarea" lang="ko" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} required />
      </div>
      <div className="form-group">
        <label htmlFor="za-confirmed">{t('zaConfirmedOn')}</label>
        <input id="za-confirmed" className="krds-input" type="date" value={confirmedOn} onChange={(e) => setConfirmedOn(e.target.value)} required />
      </div>
      <ActionOutcome error={action.error} done={action.done} />
      <button type="submit" className="krds-btn primary medium" disabled={action.busy}>{t('zaEvaluationSave')}</button>
    </form>
  );
}

function ChangesSection({ zone, changes, onSaved, canFile }: { zone: Zone; changes: ZoneChange[]; onSaved: () => void; canFile: boolean }) {
  const { t, lang } = useApp();
  const action = useAction<ZoneChange>(() => onSaved());
  const stateKey: Record<ZoneChange['state'], MessageKey> = { filed: 'zaChangeFiled', under_review: 'zaChangeUnderReview', approved: 'zaChangeApproved', rejected: 'zaChangeRejected', withdrawn: 'zaChangeWithdrawn' };
  return (
    <section className="zl-section" aria-labelledby="zone-changes" data-testid="zone-changes">
      <h2 id="zone-changes">{t('zaChangesTitle')}</h2>
      <ul className="zl-bullets" data-testid="zone-change-list">
        {changes.map((c) => (
          <li key={c.id}>
            <strong>{t(stateKey[c.state])}</strong> · {c.minor ? t('zaChangeMinor') : t('zaChangeCommittee')} · {formatDay(c.filedOn, lang)} — <RefText value={c.description} />
            {c.actions.includes('approve_minor') ? (
              <button type="button" className="krds-btn secondary small zl-inline-btn" disabled={action.busy} onClick={() => void action.run(() => zonesApi.reviewChange(zone.id, c.id, 'approve_minor'), 'zaChangeDecided')}>{t('zaApproveMinor')}</button>
            ) : null}
            {c.actions.includes('accept_for_review') ? (
              <button type="button" className="krds-btn secondary small zl-inline-btn" disabled={action.busy} onClick={() => void action.run(() => zonesApi.reviewChange(zone.id, c.id, 'accept_for_review'), 'zaChangeDecided')}>{t('zaAcceptForReview')}</button>
            ) : null}
            {c.actions.includes('withdraw') ? (
              <>{' '}<button type="button" className="krds-btn tertiary small zl-inline-btn" disabled={action.busy} onClick={() => void action.run(() => zonesApi.withdrawChange(zone.id, c.id), 'zaChangeWithdrawnDone')}>{t('zaWithdraw')}</button></>
            ) : null}
          </li>
        ))}
      </ul>
      {changes.length === 0 ? <p>{t('zaChangesNone')}</p> : null}
      <ActionOutcome error={action.error} done={action.done} />
      {canFile ? <ChangeRequestForm zone={zone} onSaved={onSaved} /> : null}
    </section>
  );
}

/** Grounds of cancelling a zone (CANCELLATION_GROUNDS of src/domain/zones/zone-period.ts), with their labels. */
const GROUND_KEYS = {
  'purpose-unattainable': 'zaGround_purpose_unattainable', 'serious-side-effects': 'zaGround_serious_side_effects', fraud: 'zaGround_fraud',
  'change-of-circumstances': 'zaGround_change_of_circumstances', 'purpose-achieved': 'zaGround_purpose_achieved', 'poor-performance': 'zaGround_poor_performance',
} as const satisfies Record<ZoneCancellationGround, string>;
const GROUNDS = Object.keys(GROUND_KEYS) as ZoneCancellationGround[];

function MinistryActions({ zone, onSaved }: { zone: Zone; onSaved: () => void }) {
  const { t } = useApp();
  const [newEnd, setNewEnd] = useState('');
  const [ground, setGround] = useState<ZoneCancellationGround>('purpose-achieved');
  const action = useAction<unknown>(() => onSaved());
  const meeting = { committee: 'rfz_committee', meetingOn: today(), noticeGivenOn: daysAgo(7), urgent: false };
  return (
    <section className="zl-section" aria-labelledby="zone-ministry-actions" data-testid="zone-ministry-actions">
      <h2 id="zone-ministry-actions">{t('zaMinistryTitle')}</h2>
      <p className="zl-hint">{t('zaMinistryHint')}</p>
      <div className="form-group">
        <label htmlFor="za-new-end">{t('zaNewPeriodEnd')}</label>
        <input id="za-new-end" className="krds-input" type="date" value={newEnd} onChange={(e) => setNewEnd(e.target.value)} />
      </div>
      <button type="button" className="krds-btn secondary medium" disabled={action.busy || newEnd === ''} onClick={() => void action.run(() => zonesApi.extend(zone.id, { newPeriodEnd: newEnd, ...meeting, reason: { ko: '지정기간 연장' } }), 'zaExtended')}>{t('zaExtend')}</button>
      <div className="form-group zl-section-gap">
        <label htmlFor="za-ground">{t('zaGround')}</label>
        <select id="za-ground" className="krds-form-select" value={ground} onChange={(e) => setGround(e.target.value as ZoneCancellationGround)}>
          {GROUNDS.map((g) => <option key={g} value={g}>{t(GROUND_KEYS[g])}</option>)}
        </select>
      </div>
      <button type="button" className="krds-btn secondary medium" disabled={action.busy} onClick={() => void action.run(() => zonesApi.hearing(zone.id, { heldOn: today(), ground, attendees: zone.regions.map((r) => r.code), summary: { ko: '청문' } }), 'zaHearingRecorded')}>{t('zaRecordHearing')}</button>{' '}
      <button type="button" className="krds-btn tertiary medium" disabled={action.busy} onClick={() => void action.run(() => zonesApi.cancel(zone.id, { ground, ...meeting, reason: { ko: '지정해제' } }), 'zaCancelled')}>{t('zaCancel')}</button>
      <ActionOutcome error={action.error} done={action.done} />
    </section>
  );
}

const EVENT_KEYS: Record<string, MessageKey> = {
  designated: 'zaEvDesignated', 'change-filed': 'zaEvChangeFiled', 'change-accepted': 'zaEvChangeAccepted', 'change-approved': 'zaEvChangeApproved', 'change-rejected': 'zaEvChangeRejected',
  'change-withdrawn': 'zaEvChangeWithdrawn', evaluated: 'zaEvEvaluated', extended: 'zaEvExtended', 'hearing-held': 'zaEvHearing', cancelled: 'zaEvCancelled', expired: 'zaEvExpired',
  'post-management-begun': 'zaEvPostManagement', 'data-requested': 'zaEvDataRequested', 'data-answered': 'zaEvDataAnswered', closed: 'zaEvClosed',
};

function HistorySection({ history }: { history: HistoryEntry[] }) {
  const { t, lang } = useApp();
  return (
    <section className="zl-section" aria-labelledby="zone-history" data-testid="zone-history">
      <h2 id="zone-history">{t('zaHistoryTitle')}</h2>
      <ol className="zl-bullets">
        {history.map((h, i) => (
          <li key={i}>
            {formatDay(h.on, lang)} — {EVENT_KEYS[h.kind] ? t(EVENT_KEYS[h.kind]!) : h.kind}
            {h.kind === 'evaluated' && typeof h.params['grade'] === 'string' ? <> ({String(h.params['year'])}: {t(GRADE_KEYS[h.params['grade'] as Grade])})</> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
