import { useId, useMemo, useState } from 'react';
import { geoCentroid, geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { handleLinkClick } from '../router.tsx';
import type { Boundary } from './geo.ts';

/**
 * eligible / capital: the regions map; current: the page's own region; selected: regions a page points out
 * (a zone's regions, a planner answer); muted: other eligible regions when some are selected.
 */
export type AreaKind = 'eligible' | 'capital' | 'current' | 'selected' | 'muted';

export interface MapArea {
  code: string;
  href: string;
  /** Accessible name of the link, e.g. "부산광역시: 특구 지정 가능". */
  label: string;
  kind: AreaKind;
  /** Choropleth class 0–5 (drawn instead of the kind's fill, except for the capital-area hatch). */
  shade?: number;
  /** Short text drawn at the area's centre, e.g. a count or a number in a list (decorative: say it in `label`). */
  marker?: string;
  /** false: drawn, but not a link (not focusable); default true. */
  linked?: boolean;
}

/** A place drawn as a dot (e.g. a violation), named by `label` in its tooltip; list them beside the map too. */
export interface MapPoint {
  lon: number;
  lat: number;
  label: string;
}

/** A crossing between two areas drawn as a line between their centres: solid for a bridge or tunnel, dashed for a ferry. */
export interface MapConnection {
  a: string;
  b: string;
  kind: 'fixed' | 'ferry';
  /** What it is, e.g. "Ulleung–Pohang ferry" (its tooltip; say it in text beside the map too). */
  label: string;
}

export interface RegionMapProps {
  boundaries: Boundary[];
  areas: Map<string, MapArea>;
  width: number;
  height: number;
  /** id of the element that names the map (a figcaption). */
  labelledBy: string;
  className?: string;
  /** CSS class given to every area path, e.g. "province". */
  areaClass: string;
  /** Codes to zoom on (with their surroundings); the whole map when absent or empty. */
  focus?: readonly string[] | undefined;
  /** Dots drawn over the areas (decorative for assistive technology: give the same facts as text). */
  points?: readonly MapPoint[] | undefined;
  /** Bridges, tunnels and ferries between areas, drawn differently (land borders need no line). */
  connections?: readonly MapConnection[] | undefined;
}

/** How far a focus may zoom in, relative to the whole map. */
const MAX_ZOOM = 4;

/** Hatch pattern for the capital area, so the distinction never relies on colour alone. */
export function CapitalPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
      <rect width="7" height="7" className="zl-hatch-bg" />
      <line x1="0" y1="0" x2="0" y2="7" className="zl-hatch-line" />
    </pattern>
  );
}

export function RegionMap({ boundaries, areas, width, height, labelledBy, className, areaClass, focus, points, connections }: RegionMapProps) {
  const patternId = `${useId().replace(/:/g, '')}-capital`;
  const [active, setActive] = useState<string | null>(null);

  const shapes = useMemo(() => {
    const collection: FeatureCollection = { type: 'FeatureCollection', features: boundaries };
    let projection = geoMercator().fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      collection,
    );
    const focused = focus && focus.length > 0 ? boundaries.filter((b) => focus.includes(b.properties.code)) : [];
    if (focused.length > 0) {
      const target: FeatureCollection = { type: 'FeatureCollection', features: focused };
      const pad = Math.min(width, height) * 0.2;
      const maxScale = projection.scale() * MAX_ZOOM;
      projection = geoMercator().fitExtent(
        [
          [pad, pad],
          [width - pad, height - pad],
        ],
        target,
      );
      if (projection.scale() > maxScale) {
        projection = geoMercator().center(geoCentroid(target)).scale(maxScale).translate([width / 2, height / 2]);
      }
    }
    const path = geoPath(projection);
    return { projection, list: boundaries.map((b) => ({ code: b.properties.code, d: path(b) ?? '', centre: path.centroid(b) })) };
  }, [boundaries, width, height, focus]);
  const dots = (points ?? []).flatMap((p) => {
    const xy = shapes.projection([p.lon, p.lat]);
    return xy && xy[0] >= 0 && xy[0] <= width && xy[1] >= 0 && xy[1] <= height ? [{ ...p, x: xy[0], y: xy[1] }] : [];
  });

  const centreOf = new Map(shapes.list.map((s) => [s.code, s.centre]));
  const lines = (connections ?? []).flatMap((c) => {
    const from = centreOf.get(c.a);
    const to = centreOf.get(c.b);
    return from && to && [...from, ...to].every(Number.isFinite) ? [{ ...c, x1: from[0], y1: from[1], x2: to[0], y2: to[1] }] : [];
  });

  const fill = (kind: AreaKind | undefined) =>
    kind === 'capital' ? `url(#${patternId})` : undefined;
  const areaClassName = (area: MapArea) =>
    `zl-area zl-area-${area.kind}${area.shade !== undefined && area.kind !== 'capital' ? ` zl-shade zl-shade-${area.shade}` : ''} ${areaClass}`;

  const activeShape = active ? shapes.list.find((s) => s.code === active) : undefined;

  return (
    <svg
      className={`zl-map ${className ?? ''}`}
      viewBox={`0 0 ${width} ${height}`}
      aria-labelledby={labelledBy}
      preserveAspectRatio="xMidYMid meet"
    >
      <defs>
        <CapitalPattern id={patternId} />
      </defs>
      {shapes.list.map((shape) => {
        const area = areas.get(shape.code);
        if (!area) {
          return <path key={shape.code} d={shape.d} className="zl-area zl-area-other" aria-hidden="true" />;
        }
        if (area.linked === false) {
          return (
            <path key={shape.code} d={shape.d} className={areaClassName(area)} fill={fill(area.kind)} aria-hidden="true" />
          );
        }
        return (
          <a
            key={shape.code}
            href={area.href}
            aria-label={area.label}
            className="zl-map-link"
            data-code={shape.code}
            onClick={(event) => handleLinkClick(event, area.href)}
            onFocus={() => setActive(shape.code)}
            onBlur={() => setActive((c) => (c === shape.code ? null : c))}
            onMouseEnter={() => setActive(shape.code)}
            onMouseLeave={() => setActive((c) => (c === shape.code ? null : c))}
          >
            <title>{area.label}</title>
            <path d={shape.d} className={areaClassName(area)} fill={fill(area.kind)} />
          </a>
        );
      })}
      {shapes.list
        .filter((shape) => areas.get(shape.code)?.kind === 'current')
        .map((shape) => (
          <path key={`current-${shape.code}`} d={shape.d} className="zl-current-outline" aria-hidden="true" />
        ))}
      {shapes.list
        .filter((shape) => areas.get(shape.code)?.kind === 'selected')
        .map((shape) => (
          <path key={`selected-${shape.code}`} d={shape.d} className="zl-selected-outline" aria-hidden="true" />
        ))}
      {shapes.list.map((shape) => {
        const marker = areas.get(shape.code)?.marker;
        const [x, y] = shape.centre;
        if (!marker || !Number.isFinite(x) || !Number.isFinite(y)) return null;
        return (
          <text key={`marker-${shape.code}`} x={x} y={y} className="zl-map-marker" aria-hidden="true">
            {marker}
          </text>
        );
      })}
      {lines.length > 0 ? (
        <g className="zl-map-connections" aria-hidden="true">
          {lines.map((l) => (
            <line key={`${l.a}-${l.b}`} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} className={`zl-map-conn zl-map-conn-${l.kind}`} data-kind={l.kind}>
              <title>{l.label}</title>
            </line>
          ))}
        </g>
      ) : null}
      {activeShape ? <path d={activeShape.d} className="zl-area-outline" aria-hidden="true" /> : null}
      {dots.length > 0 ? (
        <g className="zl-map-points" aria-hidden="true">
          {dots.map((d, i) => (
            <circle key={i} cx={d.x} cy={d.y} r={4} className="zl-map-point">
              <title>{d.label}</title>
            </circle>
          ))}
        </g>
      ) : null}
    </svg>
  );
}

/** A small swatch for the legend, drawn like the map areas. */
export function LegendSwatch({ kind, shade }: { kind: AreaKind; shade?: number }) {
  const patternId = `${useId().replace(/:/g, '')}-swatch`;
  const shadeClass = shade !== undefined && kind !== 'capital' ? ` zl-shade zl-shade-${shade}` : '';
  return (
    <svg className="zl-swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
      {kind === 'capital' ? (
        <defs>
          <CapitalPattern id={patternId} />
        </defs>
      ) : null}
      <rect
        x="1"
        y="1"
        width="26"
        height="16"
        rx="2"
        className={`zl-area zl-area-${kind}${shadeClass}`}
        fill={kind === 'capital' ? `url(#${patternId})` : undefined}
      />
    </svg>
  );
}
