// A map with its caption, written once: the boundaries loaded (useBoundaries), the map or a loading line or a
// warning that the map could not be loaded, then the page's hint and legend.
import { useEffect, useState, type ReactNode } from 'react';
import { useApp } from '../app-context.tsx';
import { Alert, Loading } from '../ui/ui.tsx';
import { loadBoundaries, type Boundary } from './geo.ts';
import { RegionMap, type RegionMapProps } from './RegionMap.tsx';

/** The boundaries of `source` (PROVINCES or MUNICIPALITIES): null while loading (again when the source changes). */
export function useBoundaries(source: { url: string; object: string }): { boundaries: Boundary[] | null; failed: boolean } {
  const [loaded, setLoaded] = useState<{ url: string; boundaries: Boundary[] } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadBoundaries(source)
      .then((boundaries) => live && setLoaded({ url: source.url, boundaries }))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [source]);
  return { boundaries: loaded?.url === source.url ? loaded.boundaries : null, failed };
}

export function MapUnavailable() {
  const { t } = useApp();
  return (
    <Alert kind="warning">
      <p>{t('mapUnavailable')}</p>
    </Alert>
  );
}

/**
 * `map`: the map's drawing (null while its data loads); `failed`: the warning in its place. `titleId` names the
 * map for assistive technology; `titleHidden` keeps the caption for them only.
 */
export function MapPanel({ titleId, title, titleHidden = false, className, testId, map, failed = false, hint, legend, children }: {
  titleId: string;
  title: string;
  titleHidden?: boolean;
  className?: string;
  testId?: string;
  map: Omit<RegionMapProps, 'labelledBy'> | null;
  failed?: boolean;
  hint?: string;
  legend: ReactNode;
  children?: ReactNode;
}) {
  return (
    <figure className={`zl-map-figure${className ? ` ${className}` : ''}`} data-testid={testId}>
      <figcaption id={titleId} className={titleHidden ? 'sr-only' : 'zl-map-caption'}>
        {title}
      </figcaption>
      {failed ? <MapUnavailable /> : map ? <RegionMap {...map} labelledBy={titleId} /> : <Loading />}
      {hint ? <p className="zl-map-hint">{hint}</p> : null}
      {children}
      {legend}
    </figure>
  );
}
