// Adding one provision to the regulation catalogue (MSS): instrument, law, article and paragraph, ministry,
// title, text and effective date. Not a nested <form>: it lives inside the exemption form, so it saves by button;
// its own FormErrors places the server's field errors ("/article", "/law/ko", …) beside its fields.
import { useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { ErrorSummary, FormErrors, I18nTextField, SelectField } from '../../../shared/forms/forms.tsx';
import { blankText, requiredText } from '../../../shared/forms/form-values.ts';
import { ProblemAlert } from '../../../shared/ui/ui.tsx';
import { ApiError } from '../../../shared/api.ts';
import type { I18nText, Regulation } from '../../../shared/types.ts';
import { DateField, LineField } from '../../../shared/forms/fields.tsx';
import { regulationsApi } from '../api/client.ts';
import { INSTRUMENTS, type Instrument } from '../../../../contract/regulations.ts';

const INSTRUMENT_KEYS = { act: 'exInstrumentAct', decree: 'exInstrumentDecree', rule: 'exInstrumentRule', notice: 'exInstrumentNotice' } as const;

export function RegulationForm({ onCreated, onCancel }: { onCreated: (r: Regulation) => void; onCancel: () => void }) {
  const { t } = useApp();
  const [instrument, setInstrument] = useState<Instrument>('act');
  const [law, setLaw] = useState<I18nText>(blankText());
  const [article, setArticle] = useState('');
  const [paragraph, setParagraph] = useState('');
  const [ministry, setMinistry] = useState('');
  const [ministryName, setMinistryName] = useState<I18nText>(blankText());
  const [title, setTitle] = useState<I18nText>(blankText());
  const [body, setBody] = useState<I18nText>(blankText());
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await regulationsApi.create({
        instrument, law: requiredText(law), article: article.trim(), paragraph: paragraph.trim() || null, ministry: ministry.trim().toUpperCase(),
        ministryName: requiredText(ministryName), title: requiredText(title), body: requiredText(body), effectiveFrom, amendments: [],
      }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="zl-ex-subform" role="group" aria-labelledby="ex-reg-new-title" data-testid="regulation-form">
      <h3 id="ex-reg-new-title">{t('exAddRegulation')}</h3>
      <FormErrors error={error} idBase="ex-reg">
        {error && !(error instanceof ApiError && error.fieldErrors.length > 0) ? <ProblemAlert error={error} /> : null}
        <ErrorSummary />
        <SelectField pointer="/instrument" label={t('exInstrument')} required value={instrument} onChange={(v) => setInstrument(INSTRUMENTS.find((i) => i === v) ?? 'act')}
          options={INSTRUMENTS.map((i) => ({ value: i, label: t(INSTRUMENT_KEYS[i]) }))} />
        <I18nTextField pointer="/law" label={t('exLaw')} value={law} onChange={setLaw} required />
        <div className="zl-ex-row">
          <LineField pointer="/article" label={t('exArticleNo')} required hint={t('exArticleHint')} value={article} onChange={setArticle} maxLength={20} />
          <LineField pointer="/paragraph" label={t('exParagraph')} value={paragraph} onChange={setParagraph} maxLength={20} />
          <DateField pointer="/effectiveFrom" label={t('exEffectiveFrom')} required value={effectiveFrom} onChange={setEffectiveFrom} />
        </div>
        <LineField pointer="/ministry" label={t('exMinistryCode')} required hint={t('exMinistryCodeHint')} value={ministry} onChange={setMinistry} maxLength={16} />
        <I18nTextField pointer="/ministryName" label={t('exMinistry')} value={ministryName} onChange={setMinistryName} required />
        <I18nTextField pointer="/title" label={t('exRegTitle')} value={title} onChange={setTitle} required />
        <I18nTextField pointer="/body" label={t('exRegBody')} value={body} onChange={setBody} required multiline />
        <div className="zl-actions">
          <button type="button" className="krds-btn primary medium" disabled={busy} onClick={() => void save()} data-testid="regulation-save">
            {busy ? t('exSaving') : t('exRegSave')}
          </button>
          <button type="button" className="krds-btn secondary medium" onClick={onCancel}>
            {t('exCancel')}
          </button>
        </div>
      </FormErrors>
    </div>
  );
}
