// What the signed-in user may do with an exemption now, by the shared policy and lifecycle (./permissions.ts;
// the server decides again): extend it once (MSS administrator, Act Art. 86(10)), request the law amendment
// (holder or MSS, Art. 87(9)), record the amended law (responsible ministry or MSS administrator, Art. 87(4)),
// and the forms after the decision: re-deliberation, hearing and cancellation, expiry, results report and the
// law-amendment track.
import { useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { Field } from '../../../shared/ui/ui.tsx';
import { formatDay } from '../../../shared/dates.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { exemptionsApi } from '../api/client.ts';
import { EscalatePanel, PlanPanel, ProgressPanel, ReviewPanel } from './AmendmentTrackPanels.tsx';
import { CancelPanel, HearingPanel } from './CancellationPanels.tsx';
import { seoulToday } from './common.tsx';
import { EvidencePicker } from './EvidencePicker.tsx';
import { offers } from '../permissions.ts';
import { RedeliberationDecisionPanel, RedeliberationRequestPanel } from './RedeliberationPanels.tsx';
import { ExpirePanel, ResultsReportPanel } from './TermEndPanels.tsx';
import type { EvidenceRef, Exemption } from '../types.ts';

type Done = (e: Exemption, message: string) => void;

export function ExemptionActions({ exemption, onChange }: { exemption: Exemption; onChange: (e: Exemption) => void }) {
  const { t, user } = useApp();
  const [notice, setNotice] = useState<string | null>(null);
  if (!user) return null;
  const done: Done = (e, message) => {
    onChange(e);
    setNotice(message);
  };
  const can = offers(user, exemption);
  if (!Object.values(can).some(Boolean) && !notice) return null;
  // Panels are keyed by the state and the track's version, so a form done once starts afresh for the next step.
  const k = `${exemption.state}:${exemption.lifecycle.amendment?.version ?? 0}`;
  return (
    <section className="zl-section" aria-labelledby="ex-actions-title">
      <h2 id="ex-actions-title">{t('exActions')}</h2>
      <div role="status" data-testid="ex-action-done">
        {notice ? <div className="zl-alert zl-alert-success"><p>{notice}</p></div> : null}
      </div>
      <div className="zl-ex-actions" key={k}>
        {can.redeliberate ? <RedeliberationRequestPanel exemption={exemption} onDone={done} /> : null}
        {can.decideRedeliberation ? <RedeliberationDecisionPanel exemption={exemption} onDone={done} /> : null}
        {can.extend ? <ExtendPanel exemption={exemption} onDone={done} /> : null}
        {can.requestAmendment ? <AmendmentRequestPanel exemption={exemption} onDone={done} /> : null}
        {can.expire ? <ExpirePanel exemption={exemption} onDone={done} /> : null}
        {can.reportResults ? <ResultsReportPanel exemption={exemption} onDone={done} /> : null}
        {can.review ? <ReviewPanel exemption={exemption} onDone={done} /> : null}
        {can.plan ? <PlanPanel exemption={exemption} onDone={done} /> : null}
        {can.progress ? <ProgressPanel exemption={exemption} onDone={done} /> : null}
        {can.escalate ? <EscalatePanel exemption={exemption} onDone={done} /> : null}
        {can.recordAmended ? <LawAmendedPanel exemption={exemption} onDone={done} /> : null}
        {can.hearing ? <HearingPanel exemption={exemption} onDone={done} /> : null}
        {can.cancel ? <CancelPanel exemption={exemption} onDone={done} /> : null}
      </div>
    </section>
  );
}

function ExtendPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t, lang } = useApp();
  const [requestedOn, setRequestedOn] = useState(seoulToday());
  // Offered at the longest lawful end (the Act's total and the zone's period, ADR 0013); the official may shorten it.
  const latest = exemption.validity.extensionLatestUntil;
  const [newUntil, setNewUntil] = useState(latest ?? '');
  const [ground, setGround] = useState('law_not_amended');
  const applyBy = exemption.validity.extensionApplyBy;
  return (
    <ActionPanel
      id="ex-extend"
      title={t('exExtendTitle')}
      lead={applyBy ? t('exExtendLead', { date: formatDay(applyBy.nominal, lang) ?? applyBy.nominal }) : undefined}
      fields={['requestedOn', 'newUntil', 'ground']}
      submitLabel={t('exExtendSubmit')}
      run={async () => {
        const updated = await exemptionsApi.extend(exemption.id, { requestedOn, newUntil, ground });
        onDone(updated, t('exExtendDone', { date: formatDay(updated.validity.until, lang) ?? '' }));
      }}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-extend-requested" label={t('exRequestedOn')} required error={fieldError('requestedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={requestedOn} onChange={(e) => setRequestedOn(e.target.value)} />}
          </Field>
          <Field id="ex-extend-until" label={t('exNewUntil')} required error={fieldError('newUntil')}
            hint={latest ? t('exNewUntilLatest', { date: formatDay(latest, lang) ?? latest }) : t('exNewUntilHint')}>
            {(p) => <input {...p} type="date" className="krds-input" value={newUntil} onChange={(e) => setNewUntil(e.target.value)} />}
          </Field>
          <Field id="ex-extend-ground" label={t('exGround')} required error={fieldError('ground')}>
            {(p) => (
              <select {...p} className="krds-form-select completed" value={ground} onChange={(e) => setGround(e.target.value)}>
                <option value="law_not_amended">{t('exGroundLawNotAmended')}</option>
                <option value="demonstration_delayed">{t('exGroundDelayed')}</option>
              </select>
            )}
          </Field>
        </>
      )}
    </ActionPanel>
  );
}

function AmendmentRequestPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t, lang } = useApp();
  const [requestedOn, setRequestedOn] = useState(seoulToday());
  const [results, setResults] = useState('');
  const [evidence, setEvidence] = useState('');
  const [refs, setRefs] = useState<EvidenceRef[]>([]);
  return (
    <ActionPanel
      id="ex-amendment-request"
      title={t('exRequestTitle')}
      lead={exemption.validity.amendmentRequestBy
        ? t('exRequestLeadBy', { date: formatDay(exemption.validity.amendmentRequestBy.nominal, lang) ?? '' })
        : t('exRequestLead')}
      fields={['requestedOn', 'results.ko', 'evidence', 'evidenceRefs']}
      submitLabel={t('exRequestSubmit')}
      run={async () => {
        const links = evidence.split('\n').map((l) => l.trim()).filter(Boolean);
        onDone(await exemptionsApi.requestAmendment(exemption.id, { requestedOn, results: { ko: results }, evidence: links, evidenceRefs: refs }), t('exRequestDone'));
      }}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-request-on" label={t('exRequestedOn')} required error={fieldError('requestedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={requestedOn} onChange={(e) => setRequestedOn(e.target.value)} />}
          </Field>
          <Field id="ex-request-results" label={t('exResults')} required error={fieldError('results.ko')}>
            {(p) => <textarea {...p} rows={3} className="krds-input zl-textarea" value={results} onChange={(e) => setResults(e.target.value)} />}
          </Field>
          <EvidencePicker id="ex-request-refs" exemption={exemption} value={refs} onChange={setRefs} error={fieldError('evidenceRefs')} />
          <Field id="ex-request-evidence" label={t('exEvidence')} hint={t('exEvidenceHint')} error={fieldError('evidence')}>
            {(p) => <textarea {...p} rows={2} className="krds-input zl-textarea" value={evidence} onChange={(e) => setEvidence(e.target.value)} />}
          </Field>
        </>
      )}
    </ActionPanel>
  );
}

function LawAmendedPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t } = useApp();
  const [amendedOn, setAmendedOn] = useState(seoulToday());
  const [act, setAct] = useState('');
  return (
    <ActionPanel
      id="ex-law-amended"
      title={t('exAmendedTitle')}
      lead={t('exAmendedLead')}
      fields={['amendedOn', 'act']}
      submitLabel={t('exAmendedSubmit')}
      run={async () => {
        onDone(await exemptionsApi.recordAmendment(exemption.id, { amendedOn, act }), t('exAmendedDone'));
      }}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-amended-on" label={t('exAmendedOn')} required error={fieldError('amendedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={amendedOn} onChange={(e) => setAmendedOn(e.target.value)} />}
          </Field>
          <Field id="ex-amended-act" label={t('exAct')} required hint={t('exActHint')} error={fieldError('act')}>
            {(p) => <input {...p} type="text" className="krds-input" value={act} maxLength={200} onChange={(e) => setAct(e.target.value)} />}
          </Field>
        </>
      )}
    </ActionPanel>
  );
}
