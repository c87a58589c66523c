// A region's capability inventory, its CSV form, and province totals. Pure.
import { checkLimit, type InputLimits } from '../input-limits.ts';
import { isStage, type Stage } from '../supply-chain/stages.ts';
import { isCapabilityKey, isExemptionKindKey, type CapabilityKey, type ExemptionKindKey } from './catalogue.ts';

export interface Inventory {
  capabilities: Partial<Record<CapabilityKey, number>>;
  stages: Stage[];
  exemptions: ExemptionKindKey[];
}

export const emptyInventory = (): Inventory => ({ capabilities: {}, stages: [], exemptions: [] });

/** Province level: the province's own entries plus all of its municipalities'. */
export function sumInventories(parts: Inventory[]): Inventory {
  const total = emptyInventory();
  const stages = new Set<Stage>();
  const exemptions = new Set<ExemptionKindKey>();
  for (const part of parts) {
    for (const [key, quantity] of Object.entries(part.capabilities) as [CapabilityKey, number][]) {
      total.capabilities[key] = (total.capabilities[key] ?? 0) + quantity;
    }
    part.stages.forEach((s) => stages.add(s));
    part.exemptions.forEach((e) => exemptions.add(e));
  }
  total.stages = [...stages].sort();
  total.exemptions = [...exemptions].sort();
  return total;
}

export const CSV_COLUMNS = ['region_code', 'kind', 'key', 'quantity'] as const;

export interface CsvRow {
  region: string;
  kind: 'capability' | 'stage' | 'exemption';
  key: string;
  quantity: number;
}

export interface CsvIssue {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  column: (typeof CSV_COLUMNS)[number] | 'row';
  code: 'missing-header' | 'column-count' | 'unknown-region' | 'unknown-kind' | 'unknown-key' | 'bad-quantity' | 'duplicate';
  value: string;
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** One row of an inventory file: its line (the header is line 1) and its cells, trimmed. */
export interface InventoryRecord { line: number; cells: string[] }

/** Limits a CSV text is read within (every line, its cells and their length). */
export type InventoryCsvLimits = Pick<InputLimits, 'rows' | 'columns' | 'cellChars'>;

/** The records of a CSV text (blank lines left out), within `limits`: InputLimitExceeded beyond them. */
export function inventoryCsvRecords(text: string, limits: Partial<InventoryCsvLimits> = {}): InventoryRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  checkLimit(limits, 'rows', lines.length);
  const records: InventoryRecord[] = [];
  lines.forEach((raw, i) => {
    if (i > 0 && raw.trim() === '') return;
    const cells = splitCsvLine(raw);
    checkLimit(limits, 'columns', cells.length);
    for (const cell of cells) checkLimit(limits, 'cell-chars', cell.length);
    records.push({ line: i + 1, cells });
  });
  return records;
}

/**
 * Checks `region_code,kind,key,quantity` records (kind: capability | stage | exemption; quantity only for
 * capabilities), the first being the header on line 1. Every problem is reported with its line and column; rows
 * come back only when there are none.
 */
export function parseInventoryRecords(records: readonly InventoryRecord[], knownRegion: (code: string) => boolean, maxIssues = 50): { rows: CsvRow[]; issues: CsvIssue[] } {
  const issues: CsvIssue[] = [];
  const first = records[0]?.line === 1 ? records[0] : undefined;
  const header = (first?.cells ?? []).map((h) => h.toLowerCase());
  if (CSV_COLUMNS.some((c, i) => header[i] !== c)) {
    return { rows: [], issues: [{ line: 1, column: 'row', code: 'missing-header', value: first?.cells.join(',') ?? '' }] };
  }
  const rows: CsvRow[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < records.length && issues.length < maxIssues; i += 1) {
    const { line, cells } = records[i]!;
    if (cells.length !== CSV_COLUMNS.length) {
      issues.push({ line, column: 'row', code: 'column-count', value: String(cells.length) });
      continue;
    }
    const [region, kind, key, quantityText] = cells as [string, string, string, string];
    if (!knownRegion(region)) issues.push({ line, column: 'region_code', code: 'unknown-region', value: region });
    if (kind !== 'capability' && kind !== 'stage' && kind !== 'exemption') {
      issues.push({ line, column: 'kind', code: 'unknown-kind', value: kind });
      continue;
    }
    const keyOk = kind === 'capability' ? isCapabilityKey(key) : kind === 'stage' ? isStage(key) : isExemptionKindKey(key);
    if (!keyOk) issues.push({ line, column: 'key', code: 'unknown-key', value: key });
    let quantity = 1;
    if (kind === 'capability') {
      quantity = Number(quantityText);
      if (quantityText === '' || !Number.isFinite(quantity) || quantity < 0 || quantity > 1e9) {
        issues.push({ line, column: 'quantity', code: 'bad-quantity', value: quantityText });
      }
    }
    const id = `${region}|${kind}|${key}`;
    if (seen.has(id)) issues.push({ line, column: 'row', code: 'duplicate', value: id });
    seen.add(id);
    rows.push({ region, kind, key, quantity });
  }
  return issues.length > 0 ? { rows: [], issues } : { rows, issues };
}

/** {@link parseInventoryRecords} of a CSV text read within `limits`. */
export function parseInventoryCsv(text: string, knownRegion: (code: string) => boolean, maxIssues = 50, limits: Partial<InventoryCsvLimits> = {}): { rows: CsvRow[]; issues: CsvIssue[] } {
  return parseInventoryRecords(inventoryCsvRecords(text, limits), knownRegion, maxIssues);
}

/** Groups parsed rows into one inventory per region. */
export function inventoriesFromRows(rows: CsvRow[]): Map<string, Inventory> {
  const out = new Map<string, Inventory>();
  for (const row of rows) {
    const inv = out.get(row.region) ?? emptyInventory();
    if (row.kind === 'capability') inv.capabilities[row.key as CapabilityKey] = row.quantity;
    else if (row.kind === 'stage') inv.stages.push(row.key as Stage);
    else inv.exemptions.push(row.key as ExemptionKindKey);
    out.set(row.region, inv);
  }
  return out;
}
