// A list of like rows in a form (products, milestones, KPIs): each row in its own fieldset with a remove button,
// and an add button below.
import type { ReactNode } from 'react';
import { useApp } from '../../app-context.tsx';

export function Repeater<T>({ legend, items, onChange, make, min = 0, addLabel, rowLegend, render, testId }: {
  legend: string;
  items: T[];
  onChange: (items: T[]) => void;
  make: () => T;
  min?: number;
  addLabel: string;
  rowLegend: (index: number) => string;
  render: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
  testId?: string;
}) {
  const { t } = useApp();
  const update = (i: number) => (patch: Partial<T>) => onChange(items.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <fieldset className="zl-fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      {items.map((item, i) => (
        <fieldset key={i} className="zl-repeat-row">
          <legend>{rowLegend(i)}</legend>
          <div className="zl-repeat-fields">{render(item, i, update(i))}</div>
          {items.length > min ? (
            <button type="button" className="krds-btn small tertiary" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('prjRemoveRow', { row: rowLegend(i) })}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" className="krds-btn small secondary" onClick={() => onChange([...items, make()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
