// The planner form's state, a saved query read back into it, the form read into a query (with what the browser can
// check first), and the server's field errors placed beside the fields they name.
import { ApiError } from '../../shared/api.ts';
import type { Translate } from '../../i18n/index.ts';
import type { CatalogueEntry, Me, PlannerQuery } from '../../shared/types.ts';
import { normalisePath } from '../../shared/ui/ui.tsx';

export type Level = PlannerQuery['level'];
export interface CapRow {
  id: number;
  key: string;
  min: string;
}
export interface FormState {
  level: Level;
  caps: CapRow[];
  stages: string[];
  exemptions: string[];
  include: string[];
  exclude: string[];
  contiguous: boolean;
  maxRegions: string;
  objective: PlannerQuery['objective'];
  alternatives: number;
}

let rowIds = 0;
export const newRow = (key = '', min = ''): CapRow => ({ id: ++rowIds, key, min });

export function ownRegionFor(user: Me, level: Level): string[] {
  const code = user.organisation.regionCode;
  if (user.organisation.kind !== 'local_government' || !code) return [];
  return (level === 'province' ? code.length === 2 : code.length === 5) ? [code] : [];
}

export function initialForm(user: Me): FormState {
  return {
    level: 'province',
    caps: [newRow()],
    stages: [],
    exemptions: [],
    include: ownRegionFor(user, 'province'),
    exclude: [],
    contiguous: true,
    maxRegions: '',
    objective: 'fewest',
    alternatives: 2,
  };
}

/** A saved request's query back into the form (ignoring anything it does not recognise). */
export function formFromQuery(query: unknown, fallback: FormState): FormState {
  if (!query || typeof query !== 'object') return fallback;
  const q = query as Partial<PlannerQuery>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const caps = Array.isArray(q.needs?.capabilities)
    ? q.needs.capabilities
        .filter((c) => c && typeof c.key === 'string' && typeof c.min === 'number')
        .map((c) => newRow(c.key, String(c.min)))
    : [];
  return {
    level: q.level === 'municipality' ? 'municipality' : 'province',
    caps: caps.length > 0 ? caps : [newRow()],
    stages: strings(q.needs?.stages),
    exemptions: strings(q.needs?.exemptions),
    include: strings(q.include),
    exclude: strings(q.exclude),
    contiguous: q.contiguous === true,
    maxRegions: typeof q.maxRegions === 'number' ? String(q.maxRegions) : '',
    objective: q.objective === 'cost' ? 'cost' : 'fewest',
    alternatives: typeof q.alternatives === 'number' ? Math.max(0, Math.min(5, q.alternatives)) : 2,
  };
}

export interface FieldErrors {
  caps: Record<number, string>;
  stages: Record<string, string>;
  exemptions: Record<string, string>;
  include?: string;
  exclude?: string;
  maxRegions?: string;
  needs?: string;
  other: string[];
}
export const noErrors = (): FieldErrors => ({ caps: {}, stages: {}, exemptions: {}, other: [] });

/** Places the server's `errors[]` (paths like /body/needs/capabilities/0) next to the fields sent. */
export function placeErrors(error: unknown, query: PlannerQuery, rows: CapRow[]): FieldErrors {
  const out = noErrors();
  if (!(error instanceof ApiError)) return out;
  for (const item of error.fieldErrors) {
    const path = normalisePath(item.path);
    let m: RegExpExecArray | null;
    if ((m = /^needs\.capabilities\.(\d+)/.exec(path))) {
      const row = rows[Number(m[1])];
      if (row) {
        out.caps[row.id] = out.caps[row.id] ? `${out.caps[row.id]} ${item.message}` : item.message;
        continue;
      }
    } else if ((m = /^needs\.(stages|exemptions)\.(\d+)/.exec(path))) {
      const field = m[1] as 'stages' | 'exemptions';
      const key = query.needs[field][Number(m[2])];
      if (key) {
        out[field][key] = item.message;
        continue;
      }
    } else if ((m = /^(include|exclude|maxRegions)(\.|$)/.exec(path))) {
      const field = m[1] as 'include' | 'exclude' | 'maxRegions';
      out[field] = out[field] ? `${out[field]} ${item.message}` : item.message;
      continue;
    } else if (path === 'needs' || path.startsWith('needs.')) {
      out.needs = item.message;
      continue;
    }
    out.other.push(item.message);
  }
  return out;
}

/**
 * The form read for sending: the query, or null with the errors the browser can see before asking (a row without
 * a capability or a positive minimum, a capability twice, the number of regions out of range, no need at all).
 * `sent`: the capability rows the query carries, in its order (to place the server's errors back on them).
 */
export function readForm(form: FormState, catalogue: CatalogueEntry[], t: Translate): { errors: FieldErrors; query: PlannerQuery | null; sent: CapRow[] } {
  const errors = noErrors();
  const seen = new Set<string>();
  const capabilities: PlannerQuery['needs']['capabilities'] = [];
  for (const row of form.caps) {
    // A row left empty is ignored.
    if (row.key === '' && row.min.trim() === '') continue;
    const min = Number(row.min);
    if (row.key === '') errors.caps[row.id] = t('plannerChooseCapability');
    else if (seen.has(row.key)) errors.caps[row.id] = t('plannerDuplicateCapability');
    else if (row.min.trim() === '' || !Number.isFinite(min) || min <= 0) errors.caps[row.id] = t('plannerMinPositive');
    else capabilities.push({ key: row.key, min });
    seen.add(row.key);
  }
  const maxRegions = form.maxRegions.trim() === '' ? undefined : Number(form.maxRegions);
  if (maxRegions !== undefined && (!Number.isInteger(maxRegions) || maxRegions < 1 || maxRegions > 50)) {
    errors.maxRegions = t('plannerMaxRegionsInvalid');
  }
  if (capabilities.length === 0 && form.stages.length === 0 && form.exemptions.length === 0 && Object.keys(errors.caps).length === 0) {
    errors.needs = t('plannerNeedsRequired');
  }
  const sent = form.caps.filter((r) => r.key !== '' && r.min.trim() !== '');
  if (Object.keys(errors.caps).length > 0 || errors.maxRegions || errors.needs) return { errors, query: null, sent };
  const query: PlannerQuery = {
    level: form.level,
    needs: {
      capabilities,
      stages: catalogue.filter((e) => e.group === 'stage' && form.stages.includes(e.key)).map((e) => e.key),
      exemptions: catalogue.filter((e) => e.group === 'exemption' && form.exemptions.includes(e.key)).map((e) => e.key),
    },
    include: form.include,
    exclude: form.exclude,
    allowCapitalArea: false,
    contiguous: form.contiguous,
    ...(maxRegions !== undefined ? { maxRegions } : {}),
    objective: form.objective,
    alternatives: form.alternatives,
  };
  return { errors, query, sent };
}
