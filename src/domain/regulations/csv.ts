// The regulation catalogue's CSV form: one provision a record, the same fields as the JSON import (translated
// fields as one column per language, `_ko` required). Pure: records → import items, or problems by row and column.
import { parseCsv, type CsvLimits } from '../csv.ts';
import type { I18nText } from '../i18n-text.ts';

const LANGS = ['ko', 'en', 'ja', 'zh', 'fr'] as const;
const TEXTS = { law: 'law', ministryName: 'ministry_name', title: 'title', body: 'body' } as const;
type TextField = keyof typeof TEXTS;

/** Every column, in the documented order (README "Regulation catalogue CSV"). */
export const REGULATION_CSV_COLUMNS: readonly string[] = [
  'instrument', ...LANGS.map((l) => `law_${l}`), 'article', 'paragraph', 'ministry', ...LANGS.map((l) => `ministry_name_${l}`),
  ...LANGS.map((l) => `title_${l}`), ...LANGS.map((l) => `body_${l}`), 'effective_from', 'amendments',
];
/** Columns the header must have; the others may be left out. */
export const REQUIRED_CSV_COLUMNS: readonly string[] = ['instrument', 'law_ko', 'article', 'ministry', 'ministry_name_ko', 'title_ko', 'body_ko', 'effective_from'];

/** An import item as the JSON import takes it (not yet validated). */
export interface RegulationCsvItem {
  instrument: string; law: I18nText; article: string; paragraph: string | null; ministry: string; ministryName: I18nText;
  title: I18nText; body: I18nText; effectiveFrom: string; amendments: { date: string; act: string; note: null }[];
}

export interface RegulationCsvIssue {
  /** Record number, the header being row 1. */
  row: number;
  /** A column name, or `*` for the whole record. */
  column: string;
  keyword: 'header' | 'unknown' | 'required' | 'duplicate' | 'columns' | 'invalid';
  params: Record<string, string | number>;
}

export interface RegulationCsv { items: { row: number; item: RegulationCsvItem }[]; issues: RegulationCsvIssue[] }

/** One amendment a line in the `amendments` cell: `YYYY-MM-DD act` (the date, a space, the amending act). */
const AMENDMENT = /^(\S+)\s+(.+)$/;

export function parseRegulationCsv(text: string, limits?: CsvLimits): RegulationCsv {
  const parsed = parseCsv(text, limits);
  if (!parsed.ok) return { items: [], issues: [{ row: parsed.row, column: '*', keyword: 'invalid', params: {} }] };
  const [head, ...records] = parsed.records;
  const headerText = REQUIRED_CSV_COLUMNS.join(',');
  if (!head) return { items: [], issues: [{ row: 1, column: '*', keyword: 'header', params: { header: headerText } }] };
  const header = head.cells.map((c) => c.trim().toLowerCase());
  const issues: RegulationCsvIssue[] = [];
  header.forEach((name, i) => {
    if (!REGULATION_CSV_COLUMNS.includes(name)) issues.push({ row: 1, column: name || '*', keyword: 'unknown', params: { value: name } });
    else if (header.indexOf(name) !== i) issues.push({ row: 1, column: name, keyword: 'duplicate', params: {} });
  });
  for (const name of REQUIRED_CSV_COLUMNS) if (!header.includes(name)) issues.push({ row: 1, column: name, keyword: 'required', params: {} });
  if (issues.length > 0) return { items: [], issues };

  const items: RegulationCsv['items'] = [];
  for (const record of records) {
    if (record.cells.length !== header.length) {
      issues.push({ row: record.row, column: '*', keyword: 'columns', params: { count: header.length } });
      continue;
    }
    const cell = (name: string): string => (record.cells[header.indexOf(name)] ?? '').trim();
    const text = (field: TextField): I18nText => {
      const out: I18nText = { ko: cell(`${TEXTS[field]}_ko`) };
      for (const l of LANGS) if (l !== 'ko' && cell(`${TEXTS[field]}_${l}`) !== '') out[l] = cell(`${TEXTS[field]}_${l}`);
      return out;
    };
    const amendments: RegulationCsvItem['amendments'] = [];
    let bad = false;
    for (const raw of cell('amendments').split(/\r?\n/)) {
      if (raw.trim() === '') continue;
      const m = AMENDMENT.exec(raw.trim());
      if (m) amendments.push({ date: m[1]!, act: m[2]!.trim(), note: null });
      else bad = true;
    }
    if (bad) { issues.push({ row: record.row, column: 'amendments', keyword: 'invalid', params: {} }); continue; }
    items.push({
      row: record.row,
      item: {
        instrument: cell('instrument'), law: text('law'), article: cell('article'), paragraph: cell('paragraph') || null, ministry: cell('ministry'),
        ministryName: text('ministryName'), title: text('title'), body: text('body'), effectiveFrom: cell('effective_from'), amendments,
      },
    });
  }
  return { items, issues };
}

/** The CSV column of a JSON Pointer into an import item (`/law/en` → `law_en`, `/amendments/0/date` → `amendments`). */
export function csvColumnOf(pointer: string): string {
  const [field, sub] = pointer.split('/').filter((p) => p !== '');
  if (field === undefined) return '*';
  if (field in TEXTS) return `${TEXTS[field as TextField]}_${sub !== undefined && (LANGS as readonly string[]).includes(sub) ? sub : 'ko'}`;
  if (field === 'effectiveFrom') return 'effective_from';
  return field;
}
