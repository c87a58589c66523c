// Editing an exemption's structured conditions with the shared form pieces: text, scope, area, time windows,
// quantity limits, safety measures and the liability-insurance cover (pre-filled with the minimums of
// Decree Art. 60(1)). Errors come from the enclosing FormErrors by body pointer ("/conditions/...").
import { useApp } from '../../../shared/app-context.tsx';
import { useField, I18nTextField, NumberField, RowList } from '../../../shared/forms/forms.tsx';
import { blankText, cleanText, numberText, requiredText } from '../../../shared/forms/form-values.ts';
import type { I18nText } from '../../../shared/types.ts';
import { INSURANCE_ITEMS, INSURANCE_KEYS, INSURANCE_MINIMUMS, useWon } from './ConditionsView.tsx';
import { LineField } from './common.tsx';
import type { Conditions, Insurance } from '../types.ts';

export interface ConditionsDraft {
  text: I18nText;
  scope: I18nText;
  area: I18nText;
  time: I18nText;
  quantities: { item: I18nText; max: string; unit: string }[];
  safety: I18nText[];
  insured: boolean;
  insurance: Record<keyof Insurance, string>;
}

export const emptyConditions = (): ConditionsDraft => ({
  text: blankText(), scope: blankText(), area: blankText(), time: blankText(), quantities: [], safety: [], insured: true,
  insurance: Object.fromEntries(INSURANCE_ITEMS.map((k) => [k, numberText(INSURANCE_MINIMUMS[k])])) as Record<keyof Insurance, string>,
});

/** The API's conditions from the draft; a number that does not parse is sent as NaN → null and refused by the server. */
export function conditionsOf(d: ConditionsDraft): Conditions {
  return {
    text: requiredText(d.text),
    scope: cleanText(d.scope),
    area: cleanText(d.area),
    time: cleanText(d.time),
    quantities: d.quantities.map((q) => ({ item: requiredText(q.item), max: Number(q.max), unit: q.unit.trim() })),
    safetyMeasures: d.safety.map((s) => cleanText(s)).filter((s): s is I18nText => s !== null),
    insurance: d.insured ? (Object.fromEntries(INSURANCE_ITEMS.map((k) => [k, Number(d.insurance[k])])) as unknown as Insurance) : null,
  };
}

export function ConditionsEditor({ value, onChange, insuranceRequired }: { value: ConditionsDraft; onChange: (d: ConditionsDraft) => void; insuranceRequired: boolean }) {
  const { t } = useApp();
  const won = useWon();
  const d = value;
  const set = (patch: Partial<ConditionsDraft>) => onChange({ ...d, ...patch });
  const insurance = useField('/conditions/insurance');
  return (
    <fieldset className="zl-fieldset zl-ex-conditions-editor" data-testid="conditions-editor">
      <legend>{t('exConditions')}</legend>
      <I18nTextField pointer="/conditions/text" label={t('exCondText')} value={d.text} onChange={(text) => set({ text })} required multiline />
      <I18nTextField pointer="/conditions/scope" label={t('exCondScope')} hint={t('exCondScopeHint')} value={d.scope} onChange={(scope) => set({ scope })} />
      <I18nTextField pointer="/conditions/area" label={t('exCondArea')} hint={t('exCondAreaHint')} value={d.area} onChange={(area) => set({ area })} />
      <I18nTextField pointer="/conditions/time" label={t('exCondTime')} hint={t('exCondTimeHint')} value={d.time} onChange={(time) => set({ time })} />

      <RowList
        pointer="/conditions/quantities"
        legend={t('exCondQuantities')}
        items={d.quantities}
        onChange={(quantities) => set({ quantities })}
        newItem={() => ({ item: blankText(), max: '', unit: '' })}
        itemLabel={(q, i) => t('exQtyRow', { n: i + 1, item: q.item.ko })}
        addLabel={t('exQtyAdd')}
        max={50}
      >
        {(q, i, update) => (
          <div className="zl-ex-row">
            <I18nTextField pointer={`/conditions/quantities/${i}/item`} label={t('exQtyItem')} value={q.item} onChange={(item) => update({ ...q, item })} required />
            <NumberField pointer={`/conditions/quantities/${i}/max`} label={t('exQtyMax')} value={q.max} onChange={(max) => update({ ...q, max })} min={0} required />
            <LineField pointer={`/conditions/quantities/${i}/unit`} label={t('exQtyUnit')} value={q.unit} onChange={(unit) => update({ ...q, unit })} maxLength={40} required />
          </div>
        )}
      </RowList>

      <RowList
        pointer="/conditions/safetyMeasures"
        legend={t('exCondSafety')}
        items={d.safety}
        onChange={(safety) => set({ safety })}
        newItem={blankText}
        itemLabel={(_, i) => t('exSafetyItem', { n: i + 1 })}
        addLabel={t('exSafetyAdd')}
        max={50}
      >
        {(s, i, update) => <I18nTextField pointer={`/conditions/safetyMeasures/${i}`} label={t('exSafetyItem', { n: i + 1 })} value={s} onChange={update} required />}
      </RowList>

      <fieldset className="zl-fieldset" aria-describedby={insurance.error ? `${insurance.id}-error ex-ins-hint` : 'ex-ins-hint'}>
        <legend>{t('exCondInsurance')}</legend>
        <p className="form-hint" id="ex-ins-hint">{insuranceRequired ? t('exInsRequiredHint') : t('exInsOptionalHint')}</p>
        {insurance.error ? <p className="form-hint-invalid" id={`${insurance.id}-error`} data-testid="insurance-error">{insurance.error}</p> : null}
        <div className="krds-form-check">
          <input type="checkbox" id="ex-insured" checked={d.insured} onChange={(e) => set({ insured: e.target.checked })} />
          <label htmlFor="ex-insured">{t('exInsured')}</label>
        </div>
        {d.insured ? (
          <div className="zl-ex-row">
            {INSURANCE_ITEMS.map((k) => (
              <NumberField key={k} pointer={`/conditions/insurance/${k}`} label={t(INSURANCE_KEYS[k])} unit="₩" min={0} step={1}
                hint={t('exInsMinimumIs', { amount: won(INSURANCE_MINIMUMS[k]) })}
                value={d.insurance[k]} onChange={(v) => set({ insurance: { ...d.insurance, [k]: v } })} />
            ))}
          </div>
        ) : null}
      </fieldset>
    </fieldset>
  );
}
