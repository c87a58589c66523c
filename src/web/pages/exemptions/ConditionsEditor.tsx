// Editing an exemption's structured conditions: text, scope, area, time windows, quantity limits, safety
// measures and the liability-insurance cover (pre-filled with the minimums of Decree Art. 60(1)).
import { useApp } from '../../app-context.tsx';
import { INSURANCE_ITEMS, INSURANCE_KEYS, INSURANCE_MINIMUMS, useWon } from './ConditionsView.tsx';
import { pair, TextPair } from './common.tsx';
import type { Conditions, Insurance } from './types.ts';

interface Pair { ko: string; en: string }
export interface ConditionsDraft {
  text: Pair;
  scope: Pair;
  area: Pair;
  time: Pair;
  quantities: { ko: string; en: string; max: string; unit: string }[];
  safety: Pair[];
  insured: boolean;
  insurance: Record<keyof Insurance, string>;
}

const blank = (): Pair => ({ ko: '', en: '' });
export const emptyConditions = (): ConditionsDraft => ({
  text: blank(), scope: blank(), area: blank(), time: blank(), quantities: [], safety: [], insured: true,
  insurance: Object.fromEntries(INSURANCE_ITEMS.map((k) => [k, String(INSURANCE_MINIMUMS[k])])) as Record<keyof Insurance, string>,
});

const optional = (p: Pair) => (p.ko.trim() ? pair(p.ko, p.en) : null);
/** The API's conditions from the draft; numbers that do not parse are sent as they are and refused by the server. */
export function conditionsOf(d: ConditionsDraft): Conditions {
  return {
    text: pair(d.text.ko, d.text.en),
    scope: optional(d.scope),
    area: optional(d.area),
    time: optional(d.time),
    quantities: d.quantities.map((q) => ({ item: pair(q.ko, q.en), max: Number(q.max), unit: q.unit.trim() })),
    safetyMeasures: d.safety.filter((s) => s.ko.trim()).map((s) => pair(s.ko, s.en)),
    insurance: d.insured ? (Object.fromEntries(INSURANCE_ITEMS.map((k) => [k, Number(d.insurance[k])])) as unknown as Insurance) : null,
  };
}

type Errors = Partial<Record<'conditions.text' | 'conditions.scope' | 'conditions.area' | 'conditions.time' | 'conditions.quantities' | 'conditions.safetyMeasures' | 'conditions.insurance', string>>;

export function ConditionsEditor({
  value, onChange, errors, insuranceRequired,
}: { value: ConditionsDraft; onChange: (d: ConditionsDraft) => void; errors: Errors; insuranceRequired: boolean }) {
  const { t } = useApp();
  const won = useWon();
  const d = value;
  const set = (patch: Partial<ConditionsDraft>) => onChange({ ...d, ...patch });
  const textPair = (key: 'text' | 'scope' | 'area' | 'time', label: string, hint?: string) => (
    <TextPair id={`ex-cond-${key}`} label={label} hint={hint} ko={d[key].ko} en={d[key].en} multiline={key === 'text'} required={key === 'text'}
      onKo={(ko) => set({ [key]: { ...d[key], ko } })} onEn={(en) => set({ [key]: { ...d[key], en } })} error={errors[`conditions.${key}`]} />
  );
  return (
    <fieldset className="zl-ex-pair zl-ex-conditions-editor" data-testid="conditions-editor">
      <legend>{t('exConditions')}</legend>
      {textPair('text', t('exCondText'))}
      {textPair('scope', t('exCondScope'), t('exCondScopeHint'))}
      {textPair('area', t('exCondArea'), t('exCondAreaHint'))}
      {textPair('time', t('exCondTime'), t('exCondTimeHint'))}

      <fieldset className="zl-ex-pair">
        <legend>{t('exCondQuantities')}</legend>
        {errors['conditions.quantities'] ? <p className="form-hint-invalid">{errors['conditions.quantities']}</p> : null}
        {d.quantities.map((q, i) => {
          const update = (patch: Partial<typeof q>) => set({ quantities: d.quantities.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
          return (
            <div className="zl-ex-row zl-ex-quantity" key={i} data-testid={`quantity-${i}`}>
              <div className="form-group">
                <label htmlFor={`ex-q-${i}-ko`}>{t('exQtyItem')}</label>
                <input id={`ex-q-${i}-ko`} lang="ko" className="krds-input" value={q.ko} onChange={(e) => update({ ko: e.target.value })} />
              </div>
              <div className="form-group">
                <label htmlFor={`ex-q-${i}-en`}>{t('exQtyItemEn')}</label>
                <input id={`ex-q-${i}-en`} lang="en" className="krds-input" value={q.en} onChange={(e) => update({ en: e.target.value })} />
              </div>
              <div className="form-group">
                <label htmlFor={`ex-q-${i}-max`}>{t('exQtyMax')}</label>
                <input id={`ex-q-${i}-max`} type="number" min={0} className="krds-input" value={q.max} onChange={(e) => update({ max: e.target.value })} />
              </div>
              <div className="form-group">
                <label htmlFor={`ex-q-${i}-unit`}>{t('exQtyUnit')}</label>
                <input id={`ex-q-${i}-unit`} className="krds-input" value={q.unit} maxLength={40} onChange={(e) => update({ unit: e.target.value })} />
              </div>
              <button type="button" className="krds-btn small tertiary" onClick={() => set({ quantities: d.quantities.filter((_, j) => j !== i) })}>
                {t('exRemove')}
                <span className="sr-only"> ({t('exRowN', { n: i + 1 })})</span>
              </button>
            </div>
          );
        })}
        <button type="button" className="krds-btn small secondary" data-testid="quantity-add"
          onClick={() => set({ quantities: [...d.quantities, { ko: '', en: '', max: '', unit: '' }] })}>
          {t('exQtyAdd')}
        </button>
      </fieldset>

      <fieldset className="zl-ex-pair">
        <legend>{t('exCondSafety')}</legend>
        {errors['conditions.safetyMeasures'] ? <p className="form-hint-invalid">{errors['conditions.safetyMeasures']}</p> : null}
        {d.safety.map((s, i) => (
          <div className="zl-ex-row" key={i}>
            <div className="form-group">
              <label htmlFor={`ex-safety-${i}-ko`}>{t('exSafetyItem', { n: i + 1 })}</label>
              <input id={`ex-safety-${i}-ko`} lang="ko" className="krds-input" value={s.ko}
                onChange={(e) => set({ safety: d.safety.map((x, j) => (j === i ? { ...x, ko: e.target.value } : x)) })} />
            </div>
            <div className="form-group">
              <label htmlFor={`ex-safety-${i}-en`}>{t('exInEnglish')}</label>
              <input id={`ex-safety-${i}-en`} lang="en" className="krds-input" value={s.en}
                onChange={(e) => set({ safety: d.safety.map((x, j) => (j === i ? { ...x, en: e.target.value } : x)) })} />
            </div>
            <button type="button" className="krds-btn small tertiary" onClick={() => set({ safety: d.safety.filter((_, j) => j !== i) })}>
              {t('exRemove')}
              <span className="sr-only"> ({t('exRowN', { n: i + 1 })})</span>
            </button>
          </div>
        ))}
        <button type="button" className="krds-btn small secondary" data-testid="safety-add" onClick={() => set({ safety: [...d.safety, blank()] })}>
          {t('exSafetyAdd')}
        </button>
      </fieldset>

      <fieldset className="zl-ex-pair" aria-describedby="ex-ins-hint">
        <legend>{t('exCondInsurance')}</legend>
        <p className="form-hint" id="ex-ins-hint">{insuranceRequired ? t('exInsRequiredHint') : t('exInsOptionalHint')}</p>
        {errors['conditions.insurance'] ? <p className="form-hint-invalid" data-testid="insurance-error">{errors['conditions.insurance']}</p> : null}
        <div className="krds-form-check">
          <input type="checkbox" id="ex-insured" checked={d.insured} onChange={(e) => set({ insured: e.target.checked })} />
          <label htmlFor="ex-insured">{t('exInsured')}</label>
        </div>
        {d.insured ? (
          <div className="zl-ex-row">
            {INSURANCE_ITEMS.map((k) => (
              <div className={`form-group${errors['conditions.insurance'] ? ' is-error' : ''}`} key={k}>
                <label htmlFor={`ex-ins-${k}`}>{t(INSURANCE_KEYS[k])}</label>
                <input id={`ex-ins-${k}`} type="number" min={0} step={1000000} className="krds-input" value={d.insurance[k]}
                  aria-describedby={`ex-ins-${k}-min`}
                  onChange={(e) => set({ insurance: { ...d.insurance, [k]: e.target.value } })} />
                <p className="form-hint" id={`ex-ins-${k}-min`}>{t('exInsMinimumIs', { amount: won(INSURANCE_MINIMUMS[k]) })}</p>
              </div>
            ))}
          </div>
        ) : null}
      </fieldset>
    </fieldset>
  );
}
