// Reads the first worksheet of an XLSX file as the inventory CSV (same columns, same line numbers),
// so one parser and one set of row/column errors serve both formats.
import ExcelJS from 'exceljs';

const csvCell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return String(value);
}

/** Null when the bytes are not a readable XLSX workbook with a worksheet. */
export async function xlsxToCsv(bytes: Buffer): Promise<string | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const lines: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(4, row.cellCount); c += 1) cells.push(csvCell(cellText(row.getCell(c).value).trim()));
    while (cells.length > 4 && cells[cells.length - 1] === '') cells.pop();
    lines.push(cells.join(','));
  }
  return lines.join('\n');
}
