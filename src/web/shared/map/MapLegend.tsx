// The legend under a region map: a swatch and a name for each kind of area the map shows.
import { useApp } from '../app-context.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import { LegendSwatch, type AreaKind } from './RegionMap.tsx';

const LEGEND_KEYS = {
  current: 'legendCurrent',
  eligible: 'legendEligible',
  capital: 'legendCapital',
  selected: 'legendSelected',
  muted: 'legendOtherEligible',
} as const satisfies Record<AreaKind, MessageKey>;

/** The map legend; `kinds` limits it to what the map shows, `labels` renames entries for the page. */
export function MapLegend({
  kinds = ['eligible', 'capital'],
  labels = {},
}: {
  kinds?: readonly AreaKind[];
  labels?: Partial<Record<AreaKind, string>>;
}) {
  const { t } = useApp();
  return (
    <div className="zl-legend">
      <p className="zl-legend-title">{t('mapLegend')}</p>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <LegendSwatch kind={kind} /> {labels[kind] ?? t(LEGEND_KEYS[kind])}
          </li>
        ))}
      </ul>
    </div>
  );
}
