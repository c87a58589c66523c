// A readable diff of two versions of a plan's content (pure): per part (the lead's common part, each
// government's section, the participants), rows of lists matched by their identity (id; a budget line by
// year and source; an attachment by item and reference) rather than by position, and field by field — texts
// language by language. The version page and the "someone else saved" notice show it.
import type { I18nText } from '../../shared/types.ts';
import type { PlanContent, SectionContent } from './types.ts';

export type ListName = 'exemptions' | 'kpis' | 'attachments' | 'sites' | 'companies' | 'projects' | 'budget';

export interface FieldChange {
  /** The field inside the item (or the plan field when there is no item), e.g. "areaSqm", "narrative.land-use-plan". */
  field: string;
  /** For a text written in several languages: which language changed. */
  lang?: string;
  before: unknown;
  after: unknown;
}

export interface PlanChange {
  /** null: the common part; otherwise the government (region code) whose section it is. */
  government: string | null;
  /** null: a plain field of the plan (title, summary, stages, participants…). */
  list: ListName | null;
  /** The item's identity and its name as of the newer version (the older one when removed). */
  item: { key: string; label: I18nText | string } | null;
  op: 'add' | 'remove' | 'change';
  fields: FieldChange[];
}

const isText = (v: unknown): v is I18nText =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { ko?: unknown }).ko === 'string';
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The changes of one field: a text language by language, anything else as a whole. */
function fieldChanges(field: string, before: unknown, after: unknown): FieldChange[] {
  if (same(before, after)) return [];
  if ((isText(before) || before == null) && (isText(after) || after == null) && (before != null || after != null)) {
    const b = (before ?? {}) as Record<string, string>;
    const a = (after ?? {}) as Record<string, string>;
    const langs = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort((x, y) => (x === 'ko' ? -1 : y === 'ko' ? 1 : x.localeCompare(y)));
    return langs.filter((l) => (b[l] ?? '') !== (a[l] ?? '')).map((lang) => ({ field, lang, before: b[lang] ?? null, after: a[lang] ?? null }));
  }
  return [{ field, before: before ?? null, after: after ?? null }];
}

/** Every field of an item that holds something (for added and removed rows). */
function filled(item: Row, skip: readonly string[], side: 'before' | 'after'): FieldChange[] {
  return Object.entries(item)
    .filter(([k, v]) => !skip.includes(k) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .flatMap(([k, v]) => fieldChanges(k, side === 'before' ? v : null, side === 'after' ? v : null));
}

type Row = Record<string, unknown>;

interface ListSpec {
  key: (item: Row) => string;
  label: (item: Row) => I18nText | string;
  /** Fields that make the identity (not listed as changed fields). */
  identity: readonly string[];
}

const byId = (item: Row): string => String(item.id);
const textOf = (field: string) => (item: Row): I18nText => item[field] as I18nText;
/** An exemption is named by its law and provision, in each language the law is written in. */
function exemptionLabel(item: Row): I18nText {
  const law = item.law as I18nText;
  const out: Record<string, string> = {};
  for (const [lang, name] of Object.entries(law)) if (name) out[lang] = `${name} ${String(item.provision)}`.trim();
  return out as unknown as I18nText;
}

const SPECS: Record<ListName, ListSpec> = {
  exemptions: { key: byId, label: exemptionLabel, identity: ['id'] },
  kpis: { key: byId, label: textOf('name'), identity: ['id'] },
  attachments: { key: (a) => `${String(a.item)}:${String(a.reference)}`, label: textOf('title'), identity: [] },
  sites: { key: byId, label: textOf('name'), identity: ['id'] },
  companies: { key: byId, label: textOf('name'), identity: ['id'] },
  projects: { key: byId, label: textOf('title'), identity: ['id'] },
  budget: { key: (b) => `${String(b.year)}:${String(b.source)}`, label: (b) => `${String(b.year)}:${String(b.source)}`, identity: ['year', 'source'] },
};

/** Rows added, removed and changed between two lists, in the newer list's order (removed rows where they were). */
export function diffList(government: string | null, list: ListName, before: readonly object[], after: readonly object[]): PlanChange[] {
  const spec = SPECS[list];
  const items = (xs: readonly object[]) => xs as readonly Row[];
  const old = new Map(items(before).map((x) => [spec.key(x), x]));
  const now = new Map(items(after).map((x) => [spec.key(x), x]));
  const out: PlanChange[] = [];
  for (const x of items(before)) {
    const key = spec.key(x);
    if (!now.has(key)) out.push({ government, list, item: { key, label: spec.label(x) }, op: 'remove', fields: filled(x, spec.identity, 'before') });
  }
  for (const x of items(after)) {
    const key = spec.key(x);
    const was = old.get(key);
    if (!was) {
      out.push({ government, list, item: { key, label: spec.label(x) }, op: 'add', fields: filled(x, spec.identity, 'after') });
      continue;
    }
    const fields = [...new Set([...Object.keys(was), ...Object.keys(x)])]
      .filter((k) => !spec.identity.includes(k))
      .flatMap((k) => fieldChanges(k, was[k], x[k]));
    if (fields.length > 0) out.push({ government, list, item: { key, label: spec.label(x) }, op: 'change', fields });
  }
  return out;
}

const COMMON_FIELDS = ['model', 'title', 'summary', 'industries', 'stages', 'designationMonths'] as const;
const COMMON_LISTS = ['exemptions', 'kpis', 'attachments'] as const;
const SECTION_LISTS = ['sites', 'companies', 'projects', 'budget'] as const;
const EMPTY: SectionContent = { sites: [], companies: [], projects: [], budget: [] };

function plain(government: string | null, fields: FieldChange[]): PlanChange[] {
  return fields.length === 0 ? [] : [{ government, list: null, item: null, op: 'change', fields }];
}

/** What changed from `before` to `after`: the common part, the participants, then each government's section. */
export function diffPlanContent(before: PlanContent, after: PlanContent): PlanChange[] {
  const out: PlanChange[] = [];
  const common: FieldChange[] = COMMON_FIELDS.flatMap((f) => fieldChanges(f, before[f], after[f]));
  const items = [...new Set([...Object.keys(before.narrative), ...Object.keys(after.narrative)])].sort();
  for (const item of items) {
    common.push(...fieldChanges(`narrative.${item}`, before.narrative[item as keyof PlanContent['narrative']], after.narrative[item as keyof PlanContent['narrative']]));
  }
  for (const c of ['seaRequired', 'landUsePlanRequired'] as const) common.push(...fieldChanges(`conditions.${c}`, before.conditions[c], after.conditions[c]));
  out.push(...plain(null, common));
  for (const list of COMMON_LISTS) out.push(...diffList(null, list, before[list], after[list]));
  out.push(...plain(null, [...fieldChanges('leadRegion', before.leadRegion, after.leadRegion), ...fieldChanges('partners', before.partners, after.partners)]));
  const governments = [...new Set([after.leadRegion, ...after.partners, ...Object.keys(before.sections), ...Object.keys(after.sections)])];
  for (const g of governments) {
    const b = before.sections[g] ?? EMPTY;
    const a = after.sections[g] ?? EMPTY;
    for (const list of SECTION_LISTS) out.push(...diffList(g, list, b[list], a[list]));
  }
  return out;
}

/** The governments whose sections changed, and whether the common part did (for "who changed what"). */
export function changedParts(changes: readonly PlanChange[]): { common: boolean; governments: string[] } {
  return {
    common: changes.some((c) => c.government === null),
    governments: [...new Set(changes.flatMap((c) => (c.government === null ? [] : [c.government])))],
  };
}
