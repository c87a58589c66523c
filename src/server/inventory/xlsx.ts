// Reads the first worksheet of an XLSX file as inventory records (same columns, the sheet's row numbers as line
// numbers), so one check and one set of row/column errors serve both formats. Read off the request thread within the
// input limits (src/server/parsing).
import type { InputLimits } from '../../domain/input-limits.ts';
import { CSV_COLUMNS, type InventoryRecord } from '../../domain/capabilities/inventory.ts';
import { parseOffThread, Unreadable } from '../parsing/off-thread.ts';
import type { SheetRow } from '../parsing/xlsx-rows.ts';

/** Null when the bytes are not a readable XLSX workbook with a worksheet; InputLimitExceeded beyond `limits`. */
export async function xlsxInventoryRecords(bytes: Buffer, limits: InputLimits): Promise<InventoryRecord[] | null> {
  let rows: SheetRow[];
  try {
    rows = await parseOffThread<SheetRow[]>('xlsx-rows', bytes, limits);
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
  return rows.map(({ line, cells }) => {
    const trimmed = cells.map((c) => c.trim());
    while (trimmed.length < CSV_COLUMNS.length) trimmed.push('');
    while (trimmed.length > CSV_COLUMNS.length && trimmed[trimmed.length - 1] === '') trimmed.pop();
    return { line, cells: trimmed };
  });
}
