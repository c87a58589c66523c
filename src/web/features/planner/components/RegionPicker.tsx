// Regions to include in or exclude from a consortium: a grouped select, an add button and removable chips.
import { useMemo, useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import type { Region } from '../../../shared/types.ts';
import { pickRegionName } from '../../../shared/ui/text.tsx';
import { RegionLabel, regionText } from '../region-text.tsx';

export function RegionPicker({
  id,
  label,
  hint,
  chosen,
  other,
  regions,
  index,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  chosen: string[];
  other: string[];
  regions: Region[];
  index: Map<string, Region>;
  error: string | undefined;
  onChange: (codes: string[]) => void;
}) {
  const { t, lang } = useApp();
  const [pick, setPick] = useState('');
  const available = regions.filter((r) => !chosen.includes(r.code) && !other.includes(r.code));
  const groups = useMemo(() => {
    const byParent = new Map<string, Region[]>();
    for (const r of available) {
      const key = r.parentCode ?? '';
      byParent.set(key, [...(byParent.get(key) ?? []), r]);
    }
    return [...byParent.entries()];
  }, [available]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const labelId = `${id}-label`;
  return (
    <div className={`form-group zl-region-picker${error ? ' is-error' : ''}`}>
      <div className="form-tit">
        <label htmlFor={id} id={labelId}>
          {label}
        </label>
      </div>
      <div className="zl-picker-row">
        <select
          id={id}
          className="krds-form-select completed"
          value={pick}
          aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setPick(e.target.value)}
        >
          <option value="">{t('plannerChooseRegion')}</option>
          {groups.map(([parent, items]) =>
            parent ? (
              <optgroup key={parent} label={index.get(parent) ? pickRegionName(index.get(parent)!.name, lang).text : parent}>
                {items.map((r) => (
                  <option key={r.code} value={r.code}>
                    {pickRegionName(r.name, lang).text}
                  </option>
                ))}
              </optgroup>
            ) : (
              items.map((r) => (
                <option key={r.code} value={r.code}>
                  {pickRegionName(r.name, lang).text}
                </option>
              ))
            ),
          )}
        </select>
        <button
          type="button"
          className="krds-btn secondary medium"
          disabled={!pick}
          aria-describedby={labelId}
          onClick={() => {
            if (pick) onChange([...chosen, pick]);
            setPick('');
          }}
        >
          {t('plannerAdd')}
        </button>
      </div>
      {error ? (
        <p className="form-hint-invalid" id={errorId}>
          {error}
        </p>
      ) : null}
      <p className="form-hint" id={hintId}>
        {hint}
      </p>
      {chosen.length > 0 ? (
        <ul className="zl-chips" aria-label={label} data-testid={`${id}-chips`}>
          {chosen.map((code) => {
            const name = regionText(code, index, lang);
            return (
              <li key={code} className="zl-chip" data-code={code}>
                <RegionLabel code={code} index={index} />
                <button
                  type="button"
                  className="zl-chip-remove"
                  aria-label={t('plannerRemoveRegion', { name })}
                  onClick={() => onChange(chosen.filter((c) => c !== code))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="zl-muted">{t('plannerNoRegions')}</p>
      )}
    </div>
  );
}
