// Re-deliberation (Act Art. 86(8)–(9); Decree Art. 57-3, 64-3): the applicant objects, once and within 60 days
// of the notice, to a rejection or to the conditions of a grant; an MSS administrator records the committee's
// new decision (a grant checked like any grant, with the conditions as re-deliberated).
import { useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { Field } from '../../../shared/ui/ui.tsx';
import { formatDay } from '../../../shared/dates.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { exemptionsApi } from '../api/client.ts';
import { seoulToday } from './common.tsx';
import type { Exemption } from '../types.ts';

type Done = (e: Exemption, message: string) => void;

export function RedeliberationRequestPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t, lang } = useApp();
  const [notifiedOn, setNotifiedOn] = useState(exemption.grantedOn);
  const [requestedOn, setRequestedOn] = useState(seoulToday());
  const [grounds, setGrounds] = useState('');
  return (
    <ActionPanel
      id="ex-redeliberation"
      title={t('xaRedelTitle')}
      lead={exemption.state === 'granted' ? t('xaRedelLeadGranted') : t('xaRedelLeadRejected')}
      fields={['notifiedOn', 'requestedOn', 'grounds.ko']}
      submitLabel={t('xaRedelSubmit')}
      run={async () => {
        const e = await exemptionsApi.requestRedeliberation(exemption.id, { notifiedOn, requestedOn, grounds: { ko: grounds } });
        onDone(e, t('xaRedelDone', { date: formatDay(e.lifecycle.redeliberation?.deadline ?? '', lang) ?? '' }));
      }}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-redel-notified" label={t('xaNotifiedOn')} required hint={t('xaNotifiedOnHint')} error={fieldError('notifiedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={notifiedOn} onChange={(e) => setNotifiedOn(e.target.value)} />}
          </Field>
          <Field id="ex-redel-requested" label={t('exRequestedOn')} required error={fieldError('requestedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={requestedOn} onChange={(e) => setRequestedOn(e.target.value)} />}
          </Field>
          <Field id="ex-redel-grounds" label={t('xaGrounds')} required error={fieldError('grounds.ko')}>
            {(p) => <textarea {...p} rows={3} className="krds-input zl-textarea" value={grounds} onChange={(e) => setGrounds(e.target.value)} />}
          </Field>
        </>
      )}
    </ActionPanel>
  );
}

export function RedeliberationDecisionPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t, lang } = useApp();
  const r = exemption.lifecycle.redeliberation;
  const v = exemption.validity;
  const [decidedOn, setDecidedOn] = useState(seoulToday());
  const [outcome, setOutcome] = useState<'granted' | 'rejected'>('granted');
  // A term granted again starts on the new decision at the earliest (Act Art. 86(10)).
  const [validFrom, setValidFrom] = useState(seoulToday());
  const [validUntil, setValidUntil] = useState(v.until ?? '');
  const [conditions, setConditions] = useState(exemption.conditions.text.ko);
  const [insurance, setInsurance] = useState(false);
  const objectedToGrant = r?.decision === 'granted';
  const granted = outcome === 'granted';
  return (
    <ActionPanel
      id="ex-redeliberation-decision"
      title={t('xaDecideTitle')}
      lead={r ? t('xaDecideLead', { requested: formatDay(r.requestedOn, lang) ?? r.requestedOn, decision: t(objectedToGrant ? 'xaObjectedGrant' : 'xaObjectedRejection') }) : undefined}
      fields={['decidedOn', 'validFrom', 'validUntil', 'conditions', 'conditions.insurance']}
      submitLabel={t('xaDecideSubmit')}
      run={async () => {
        const changed = objectedToGrant && granted && conditions.trim() !== '' && conditions !== exemption.conditions.text.ko;
        onDone(await exemptionsApi.decideRedeliberation(exemption.id, {
          decidedOn, outcome, validFrom: granted ? validFrom : null, validUntil: granted ? validUntil : null, insuranceProofSubmitted: granted && insurance,
          ...(changed ? { conditions: { ...exemption.conditions, text: { ...exemption.conditions.text, ko: conditions } } } : {}),
        }), t('xaDecideDone'));
      }}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-redel-decided" label={t('xaDecidedOn')} required error={fieldError('decidedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />}
          </Field>
          <fieldset className="zl-fieldset">
            <legend>{t('xaOutcome')}</legend>
            <div className="zl-radio-group">
              {(['granted', 'rejected'] as const).map((o) => (
                <div className="krds-form-check" key={o}>
                  <input type="radio" name="ex-redel-outcome" id={`ex-redel-outcome-${o}`} checked={outcome === o} onChange={() => setOutcome(o)} />
                  <label htmlFor={`ex-redel-outcome-${o}`}>{t(o === 'granted' ? 'xaOutcomeGranted' : 'xaOutcomeRejected')}</label>
                </div>
              ))}
            </div>
          </fieldset>
          {granted ? (
            <>
              <Field id="ex-redel-from" label={t('exValidFrom')} required error={fieldError('validFrom')}>
                {(p) => <input {...p} type="date" className="krds-input" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />}
              </Field>
              <Field id="ex-redel-until" label={t('exValidUntil')} required error={fieldError('validUntil')}>
                {(p) => <input {...p} type="date" className="krds-input" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />}
              </Field>
              {objectedToGrant ? (
                <Field id="ex-redel-conditions" label={t('xaConditionsText')} hint={t('xaConditionsHint')} error={fieldError('conditions') ?? fieldError('conditions.insurance')}>
                  {(p) => <textarea {...p} rows={3} className="krds-input zl-textarea" value={conditions} onChange={(e) => setConditions(e.target.value)} />}
                </Field>
              ) : null}
              <div className="krds-form-check">
                <input type="checkbox" id="ex-redel-insurance" checked={insurance} onChange={(e) => setInsurance(e.target.checked)} />
                <label htmlFor="ex-redel-insurance">{t('xaInsurance')}</label>
              </div>
            </>
          ) : null}
        </>
      )}
    </ActionPanel>
  );
}
