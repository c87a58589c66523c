// Adding one provision to the regulation catalogue (MSS): instrument, law, article and paragraph, ministry,
// title, text and effective date. Not a nested <form>: it lives inside the exemption form, so it submits by button.
import { useState } from 'react';
import { useApp } from '../../app-context.tsx';
import { Field, ProblemAlert, splitFieldErrors } from '../../components/ui.tsx';
import { exemptionsApi } from './client.ts';
import { pair, TextPair } from './common.tsx';
import { INSTRUMENTS, type Regulation } from './types.ts';

const FIELDS = ['instrument', 'law.ko', 'article', 'paragraph', 'ministry', 'ministryName.ko', 'title.ko', 'body.ko', 'effectiveFrom'] as const;
const INSTRUMENT_KEYS = { act: 'exInstrumentAct', decree: 'exInstrumentDecree', rule: 'exInstrumentRule', notice: 'exInstrumentNotice' } as const;

export function RegulationForm({ onCreated, onCancel }: { onCreated: (r: Regulation) => void; onCancel: () => void }) {
  const { t } = useApp();
  const [v, setV] = useState({
    instrument: 'act', lawKo: '', lawEn: '', article: '', paragraph: '', ministry: '', ministryKo: '', ministryEn: '',
    titleKo: '', titleEn: '', bodyKo: '', bodyEn: '', effectiveFrom: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { byField, unmatched } = splitFieldErrors(error, FIELDS);
  const set = (key: keyof typeof v) => (value: string) => setV((prev) => ({ ...prev, [key]: value }));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await exemptionsApi.createRegulation({
        instrument: v.instrument, law: pair(v.lawKo, v.lawEn), article: v.article.trim(), paragraph: v.paragraph.trim() || null,
        ministry: v.ministry.trim().toUpperCase(), ministryName: pair(v.ministryKo, v.ministryEn), title: pair(v.titleKo, v.titleEn),
        body: pair(v.bodyKo, v.bodyEn), effectiveFrom: v.effectiveFrom, amendments: [],
      });
      onCreated(created);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="zl-ex-subform" role="group" aria-labelledby="ex-reg-new-title" data-testid="regulation-form">
      <h3 id="ex-reg-new-title">{t('exAddRegulation')}</h3>
      {error ? <ProblemAlert error={error} extra={unmatched} /> : null}
      <Field id="ex-reg-instrument" label={t('exInstrument')} required error={byField.instrument}>
        {(p) => (
          <select {...p} className="krds-form-select completed" value={v.instrument} onChange={(e) => set('instrument')(e.target.value)}>
            {INSTRUMENTS.map((i) => <option key={i} value={i}>{t(INSTRUMENT_KEYS[i])}</option>)}
          </select>
        )}
      </Field>
      <TextPair id="ex-reg-law" label={t('exLaw')} ko={v.lawKo} en={v.lawEn} onKo={set('lawKo')} onEn={set('lawEn')} required error={byField['law.ko']} />
      <div className="zl-ex-row">
        <Field id="ex-reg-article" label={t('exArticleNo')} required hint={t('exArticleHint')} error={byField.article}>
          {(p) => <input {...p} className="krds-input" value={v.article} maxLength={20} onChange={(e) => set('article')(e.target.value)} />}
        </Field>
        <Field id="ex-reg-paragraph" label={t('exParagraph')} error={byField.paragraph}>
          {(p) => <input {...p} className="krds-input" value={v.paragraph} maxLength={20} onChange={(e) => set('paragraph')(e.target.value)} />}
        </Field>
        <Field id="ex-reg-effective" label={t('exEffectiveFrom')} required error={byField.effectiveFrom}>
          {(p) => <input {...p} type="date" className="krds-input" value={v.effectiveFrom} onChange={(e) => set('effectiveFrom')(e.target.value)} />}
        </Field>
      </div>
      <Field id="ex-reg-ministry" label={t('exMinistryCode')} required hint={t('exMinistryCodeHint')} error={byField.ministry}>
        {(p) => <input {...p} className="krds-input" value={v.ministry} maxLength={16} onChange={(e) => set('ministry')(e.target.value)} />}
      </Field>
      <TextPair id="ex-reg-ministry-name" label={t('exMinistry')} ko={v.ministryKo} en={v.ministryEn} onKo={set('ministryKo')} onEn={set('ministryEn')} required error={byField['ministryName.ko']} />
      <TextPair id="ex-reg-title" label={t('exRegTitle')} ko={v.titleKo} en={v.titleEn} onKo={set('titleKo')} onEn={set('titleEn')} required error={byField['title.ko']} />
      <TextPair id="ex-reg-body" label={t('exRegBody')} ko={v.bodyKo} en={v.bodyEn} onKo={set('bodyKo')} onEn={set('bodyEn')} required multiline error={byField['body.ko']} />
      <div className="zl-actions">
        <button type="button" className="krds-btn primary medium" disabled={busy} onClick={() => void save()} data-testid="regulation-save">
          {busy ? t('exSaving') : t('exRegSave')}
        </button>
        <button type="button" className="krds-btn secondary medium" onClick={onCancel}>
          {t('exCancel')}
        </button>
      </div>
    </div>
  );
}
