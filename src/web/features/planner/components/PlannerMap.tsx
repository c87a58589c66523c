// The chosen consortium on the province or municipality map, numbered in order, with its links across the sea.
import { useMemo } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import type { PlannerAnswer, Region, RegionRole } from '../../../shared/types.ts';
import { MUNICIPALITIES, PROVINCES } from '../../../shared/map/geo.ts';
import { type MapArea } from '../../../shared/map/RegionMap.tsx';
import { useBoundaries, MapPanel, MapUnavailable } from '../../../shared/map/MapPanel.tsx';
import { MapLegend } from '../../../shared/map/MapLegend.tsx';
import type { Level } from '../form.ts';
import { RegionLabel, regionText } from '../region-text.tsx';

export function PlannerMap({
  level,
  answer,
  roles,
  index,
}: {
  level: Level;
  answer: PlannerAnswer;
  roles: RegionRole[];
  index: Map<string, Region>;
}) {
  const { t, lang } = useApp();
  const { boundaries, failed } = useBoundaries(level === 'province' ? PROVINCES : MUNICIPALITIES);

  const areas = useMemo(() => {
    const byCode = new Map<string, MapArea>();
    const order = new Map(answer.regions.map((c, i) => [c, i + 1]));
    const roleOf = new Map(roles.map((r) => [r.code, r]));
    for (const b of boundaries ?? []) {
      const code = b.properties.code;
      const region = index.get(code);
      const capital = region ? region.capitalArea || !region.eligible : ['11', '23', '31'].includes(code.slice(0, 2));
      const n = order.get(code);
      const name = region ? regionText(code, index, lang) : lang === 'ko' ? b.properties.name : b.properties.name_eng;
      const role = roleOf.get(code);
      byCode.set(code, {
        code,
        href: `/regions/${code}`,
        label: n
          ? t('plannerMapLabel', { n, name, count: role?.contributes.length ?? 0 })
          : name,
        kind: n ? 'selected' : capital ? 'capital' : 'muted',
        linked: n !== undefined,
        ...(n ? { marker: String(n) } : {}),
      });
    }
    return byCode;
  }, [boundaries, answer, roles, index, lang, t]);

  if (failed) return <MapUnavailable />;
  const connections = (answer.joins ?? []).flatMap((j) => (j.kind === 'border' ? [] : [{ a: j.a, b: j.b, kind: j.kind, label: j.note ?? '' }]));
  return (
    <MapPanel
      titleId="planner-map-title"
      title={t('plannerMapTitle')}
      className="zl-planner-map"
      testId="planner-map"
      map={boundaries ? {
        boundaries, areas, width: 480, height: 560, className: 'zl-planner-svg', areaClass: level === 'province' ? 'province' : 'municipality',
        focus: answer.regions, connections,
      } : null}
      hint={t('plannerMapHint')}
      legend={<MapLegend kinds={['selected', 'muted', 'capital']} labels={{ selected: t('legendChosen') }} />}
    >
      {(answer.joins ?? []).length > 0 ? (
        <>
          <p className="zl-hint" id="planner-joins-title">{t('plannerJoins')}</p>
          <ul className="zl-plain-list" data-testid="planner-joins" aria-labelledby="planner-joins-title">
            {(answer.joins ?? []).map((j) => (
              <li key={`${j.a}-${j.b}`} data-kind={j.kind}>
                <RegionLabel code={j.a} index={index} /> – <RegionLabel code={j.b} index={index} />:{' '}
                {t(j.kind === 'border' ? 'neighbourBorder' : j.kind === 'fixed' ? 'neighbourFixed' : 'neighbourFerry')}
                {j.note ? ` (${j.note})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </MapPanel>
  );
}
