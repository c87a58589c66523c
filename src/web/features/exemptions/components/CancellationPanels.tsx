// Cancellation (Act Art. 89, 91, 141; Decree Art. 63; Administrative Procedures Act Art. 21): a ground from the
// Act's list, the hearing the holder was told of at least 10 days before, then the decision — MSS administrator.
import { useState } from 'react';
import type { CancellationGround } from '../../../../domain/exemptions/cancellation.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Field } from '../../../shared/ui/ui.tsx';
import { formatDay } from '../../../shared/dates.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { exemptionsApi } from '../api/client.ts';
import { seoulToday } from './common.tsx';
import type { Exemption } from '../types.ts';

type Done = (e: Exemption, message: string) => void;

const GROUND_KEYS = {
  fraud: 'xaGround_fraud', conditions_breached: 'xaGround_conditions_breached', purpose_impossible: 'xaGround_purpose_impossible',
  public_need: 'xaGround_public_need', harm: 'xaGround_harm',
} as const satisfies Record<CancellationGround, string>;
/** The grounds of Act Art. 89(1), in its order (CANCELLATION_GROUNDS of src/domain/exemptions/cancellation.ts). */
const GROUNDS = Object.keys(GROUND_KEYS) as (keyof typeof GROUND_KEYS)[];
/** The localised label of a cancellation ground of Art. 89(1). */
export const groundKey = (g: string) => (g in GROUND_KEYS ? GROUND_KEYS[g as keyof typeof GROUND_KEYS] : null);

export function HearingPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t } = useApp();
  const [ground, setGround] = useState<string>('conditions_breached');
  const [noticeOn, setNoticeOn] = useState('');
  const [heldOn, setHeldOn] = useState(seoulToday());
  const [record, setRecord] = useState('');
  return (
    <ActionPanel
      id="ex-hearing"
      title={t('xaHearingTitle')}
      lead={t('xaHearingLead')}
      fields={['ground', 'noticeOn', 'heldOn', 'record.ko']}
      submitLabel={t('xaHearingSubmit')}
      run={async () => onDone(await exemptionsApi.hearing(exemption.id, { ground, noticeOn, heldOn, record: { ko: record } }), t('xaHearingDone'))}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-hearing-ground" label={t('xaGround')} required error={fieldError('ground')}>
            {(p) => (
              <select {...p} className="krds-form-select completed" value={ground} onChange={(e) => setGround(e.target.value)}>
                {GROUNDS.map((g) => <option key={g} value={g}>{t(GROUND_KEYS[g])}</option>)}
              </select>
            )}
          </Field>
          <Field id="ex-hearing-notice" label={t('xaNoticeOn')} required error={fieldError('noticeOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={noticeOn} onChange={(e) => setNoticeOn(e.target.value)} />}
          </Field>
          <Field id="ex-hearing-held" label={t('xaHeldOn')} required error={fieldError('heldOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}
          </Field>
          <Field id="ex-hearing-record" label={t('xaRecord')} required error={fieldError('record.ko')}>
            {(p) => <textarea {...p} rows={3} className="krds-input zl-textarea" value={record} onChange={(e) => setRecord(e.target.value)} />}
          </Field>
        </>
      )}
    </ActionPanel>
  );
}

export function CancelPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t, lang } = useApp();
  const c = exemption.lifecycle.cancellation!;
  const [decidedOn, setDecidedOn] = useState(seoulToday());
  const [reason, setReason] = useState('');
  const ground = groundKey(c.ground);
  return (
    <ActionPanel
      id="ex-cancel"
      title={t('xaCancelTitle')}
      lead={t('xaCancelLead', { date: formatDay(c.hearingOn, lang) ?? c.hearingOn, ground: ground ? t(ground) : c.ground })}
      fields={['decidedOn', 'reason.ko']}
      submitLabel={t('xaCancelSubmit')}
      run={async () => onDone(await exemptionsApi.cancel(exemption.id, { decidedOn, reason: { ko: reason } }), t('xaCancelDone'))}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-cancel-decided" label={t('xaDecidedOn')} required error={fieldError('decidedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />}
          </Field>
          <Field id="ex-cancel-reason" label={t('xaReason')} required error={fieldError('reason.ko')}>
            {(p) => <textarea {...p} rows={3} className="krds-input zl-textarea" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </>
      )}
    </ActionPanel>
  );
}
