// The planner form's needs: capability rows (a capability and its minimum), development stages and exemptions.
import { useApp } from '../../../shared/app-context.tsx';
import type { CatalogueEntry } from '../../../shared/types.ts';
import { catalogueName } from '../../../shared/ui/text.tsx';
import { GROUP_KEYS } from './Inventory.tsx';
import { newRow, type FieldErrors, type FormState } from '../form.ts';

/** `local`: what the browser found before sending; `placed`: the server's field errors placed by `placeErrors`. */
export function NeedsFields({ form, update, entries, local, placed }: {
  form: FormState; update: (patch: Partial<FormState>) => void; entries: CatalogueEntry[]; local: FieldErrors; placed: FieldErrors;
}) {
  const { t, lang } = useApp();
  const capabilityEntries = entries.filter((e) => e.group === 'asset' || e.group === 'cluster');
  const needsError = local.needs ?? placed.needs;
  return (
    <fieldset className="zl-fieldset" id="planner-needs" tabIndex={-1} aria-describedby={needsError ? 'planner-needs-error' : undefined}>
      <legend>{t('plannerNeeds')}</legend>
      <p className="zl-hint">{t('plannerNeedsLead')}</p>
      {needsError ? (
        <p className="form-hint-invalid" id="planner-needs-error">
          {needsError}
        </p>
      ) : null}

      <h3 className="zl-subheading" id="planner-caps-title">
        {t('plannerCapabilities')}
      </h3>
      <ul className="zl-need-rows" aria-labelledby="planner-caps-title">
        {form.caps.map((row, i) => {
          const message = local.caps[row.id] ?? placed.caps[row.id];
          const keyId = `planner-cap-key-${row.id}`;
          const minId = `planner-cap-min-${row.id}`;
          const errorId = `planner-cap-error-${row.id}`;
          return (
            <li key={row.id} className={`zl-need-row${message ? ' is-error' : ''}`} data-testid="need-row">
              <div className="form-group">
                <label htmlFor={keyId}>{t('plannerCapability', { n: i + 1 })}</label>
                <select
                  id={keyId}
                  className="krds-form-select completed"
                  value={row.key}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? errorId : undefined}
                  onChange={(e) => update({ caps: form.caps.map((r) => (r.id === row.id ? { ...r, key: e.target.value } : r)) })}
                >
                  <option value="">{t('plannerChooseCapabilityOption')}</option>
                  {(['asset', 'cluster'] as const).map((group) => (
                    <optgroup key={group} label={t(GROUP_KEYS[group])}>
                      {capabilityEntries
                        .filter((e) => e.group === group)
                        .map((e) => (
                          <option key={e.key} value={e.key}>
                            {catalogueName(e.name, lang, e.key)}
                          </option>
                        ))}
                    </optgroup>
                  ))}
                </select>
              </div>
              <div className="form-group zl-min">
                <label htmlFor={minId}>{t('plannerMinimum')}</label>
                <input
                  id={minId}
                  className="krds-input"
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="any"
                  value={row.min}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? errorId : undefined}
                  onChange={(e) => update({ caps: form.caps.map((r) => (r.id === row.id ? { ...r, min: e.target.value } : r)) })}
                />
              </div>
              <div className="zl-need-remove">
                <button
                  type="button"
                  className="krds-btn small tertiary"
                  onClick={() => update({ caps: form.caps.length > 1 ? form.caps.filter((r) => r.id !== row.id) : [newRow()] })}
                  aria-label={t('plannerRemoveCapability', { n: i + 1 })}
                >
                  {t('plannerRemove')}
                </button>
              </div>
              {message ? (
                <p className="form-hint-invalid zl-need-error" id={errorId} data-testid="need-error">
                  {message}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p>
        <button
          type="button"
          className="krds-btn secondary small"
          onClick={() => update({ caps: [...form.caps, newRow()] })}
          disabled={form.caps.length >= 30}
          data-testid="add-capability"
        >
          <i className="svg-icon ico-plus" aria-hidden="true" /> {t('plannerAddCapability')}
        </button>
      </p>

      {(['stage', 'exemption'] as const).map((group) => {
        const field = group === 'stage' ? 'stages' : 'exemptions';
                return (
          <fieldset key={group} className="zl-fieldset zl-fieldset-inner">
            <legend>{group === 'stage' ? t('plannerStages') : t('plannerExemptions')}</legend>
            <div className="zl-check-grid">
              {entries
                .filter((e) => e.group === group)
                .map((e) => {
                  const id = `planner-${group}-${e.key}`;
                  const message = placed[field][e.key];
                  return (
                    <div key={e.key} className={`krds-form-check${message ? ' is-error' : ''}`}>
                      <input
                        type="checkbox"
                        id={id}
                        checked={form[field].includes(e.key)}
                        aria-invalid={message ? true : undefined}
                        aria-describedby={message ? `${id}-error` : undefined}
                        onChange={(ev) =>
                          update({
                            [field]: ev.target.checked
                              ? [...new Set([...form[field], e.key])]
                              : form[field].filter((k) => k !== e.key),
                          })
                        }
                      />
                      <label htmlFor={id}>{catalogueName(e.name, lang, e.key)}</label>
                      {message ? (
                        <p className="form-hint-invalid" id={`${id}-error`} data-testid="need-error">
                          {message}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
            </div>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
