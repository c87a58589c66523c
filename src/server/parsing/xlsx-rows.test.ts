import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { DEFAULT_INPUT_LIMITS, InputLimitExceeded } from '../../domain/input-limits.ts';
import { bombSheet, lastRowSheet, withDeclaredSize, workbook, xfdSheet } from '../../../tests/support/hostile-xlsx.ts';
import { NotAWorkbook, readXlsxRows } from './xlsx-rows.ts';
import { parseOffThread } from './off-thread.ts';

const refusal = (limit: string, max: number) => (error: unknown) => error instanceof InputLimitExceeded && error.limit === limit && error.max === max;
const heapGrowth = async (run: () => Promise<unknown>): Promise<number> => {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  await run().catch(() => undefined);
  return process.memoryUsage().heapUsed - before;
};

describe('reading an XLSX sheet within the input limits', () => {
  test('the cells of a workbook written by ExcelJS: shared strings, numbers, booleans, rich text, gaps kept as empty cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('first');
    sheet.addRows([['region_code', 'kind', 'key', 'quantity'], ['21030', 'capability', 'port', 3.5]]);
    sheet.getCell('C4').value = { richText: [{ text: 'logi' }, { text: 'stics' }] };
    sheet.getCell('A4').value = true;
    book.addWorksheet('second').addRow(['not read']);
    const rows = await readXlsxRows(Buffer.from(await book.xlsx.writeBuffer()), DEFAULT_INPUT_LIMITS);
    assert.deepEqual(rows, [
      { line: 1, cells: ['region_code', 'kind', 'key', 'quantity'] },
      { line: 2, cells: ['21030', 'capability', 'port', '3.5'] },
      { line: 4, cells: ['true', '', 'logistics'] },
    ]);
  });

  test('2,000 rows with one cell in column XFD: refused at the first such cell, nothing allocated for the gap', async () => {
    const file = xfdSheet();
    assert.ok(file.length < 30_000, `a small file (${file.length} bytes)`);
    await assert.rejects(readXlsxRows(file, DEFAULT_INPUT_LIMITS), refusal('columns', 256));
    assert.ok(await heapGrowth(() => readXlsxRows(file, DEFAULT_INPUT_LIMITS)) < 20 * 1_048_576);
    const wide = { ...DEFAULT_INPUT_LIMITS, columns: 16_384 };
    const rows = await readXlsxRows(file, wide);
    assert.equal(rows.length, 2001);
    assert.equal(rows[1]!.cells.length, 16_384, 'allowed that wide, the row is as wide as its last cell');
  });

  test('one row numbered 1,048,576: refused by the row limit before anything is kept', async () => {
    await assert.rejects(readXlsxRows(lastRowSheet(), DEFAULT_INPUT_LIMITS), refusal('rows', 100_000));
    const rows = await readXlsxRows(lastRowSheet(), { ...DEFAULT_INPUT_LIMITS, rows: 1_048_576 });
    assert.deepEqual(rows.map((r) => r.line), [1, 1_048_576], 'only the rows present, under their own numbers');
  });

  test('a cell longer than the cell limit is refused while it is read', async () => {
    const file = workbook(`<row r="2"><c r="A2" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c></row>`);
    await assert.rejects(readXlsxRows(file, DEFAULT_INPUT_LIMITS), refusal('cell-chars', 32_767));
  });

  test('a deflate bomb is refused from its declared size; one whose directory lies is refused while inflating', async () => {
    const bomb = await bombSheet(64);
    assert.ok(bomb.length < 100_000, `${bomb.length} bytes`);
    await assert.rejects(readXlsxRows(bomb, DEFAULT_INPUT_LIMITS), refusal('unpacked-bytes', DEFAULT_INPUT_LIMITS.unpackedBytes));
    await assert.rejects(readXlsxRows(bomb, { ...DEFAULT_INPUT_LIMITS, unpackedBytes: 1e9 }), refusal('compression-ratio', 100));
    const lying = withDeclaredSize(bomb, 'xl/worksheets/sheet1.xml', 10_000);
    assert.ok(await heapGrowth(() => readXlsxRows(lying, DEFAULT_INPUT_LIMITS)) < 20 * 1_048_576);
    await assert.rejects(readXlsxRows(lying, DEFAULT_INPUT_LIMITS), (error) => error instanceof NotAWorkbook || error instanceof InputLimitExceeded);
    // Declared sizes within the limits but the bytes actually inflated counted against them all the same.
    const small = { ...DEFAULT_INPUT_LIMITS, unpackedBytes: 40 * 1_048_576, compressionRatio: 1e6 };
    await assert.rejects(readXlsxRows(withDeclaredSize(bomb, 'xl/worksheets/sheet1.xml', 30 * 1_048_576), small), (error) => error instanceof NotAWorkbook || refusal('unpacked-bytes', small.unpackedBytes)(error));
  });

  test('more entries than allowed, and bytes that are no ZIP', async () => {
    await assert.rejects(readXlsxRows(xfdSheet(), { ...DEFAULT_INPUT_LIMITS, zipEntries: 3 }), refusal('zip-entries', 3));
    await assert.rejects(readXlsxRows(Buffer.from('not a workbook'), DEFAULT_INPUT_LIMITS), NotAWorkbook);
  });

  test('off the request thread: the value comes back, a limit is named, a worker out of time or memory is stopped', async () => {
    const ok = await parseOffThread<{ line: number }[]>('xlsx-rows', workbook(''), DEFAULT_INPUT_LIMITS);
    assert.deepEqual(ok.map((r) => r.line), [1]);
    await assert.rejects(parseOffThread('xlsx-rows', xfdSheet(), DEFAULT_INPUT_LIMITS), refusal('columns', 256));
    await assert.rejects(parseOffThread('xlsx-rows', xfdSheet(), { ...DEFAULT_INPUT_LIMITS, parseMemoryMb: 97, parseTimeMs: 1 }), refusal('parse-time', 1));
    const hungry = { ...DEFAULT_INPUT_LIMITS, columns: 16_384, rows: 1_048_576, parseMemoryMb: 8 };
    const many = workbook(Array.from({ length: 1000 }, (_, i) => `<row r="${i + 2}">${inlineRow(i)}</row>`).join(''));
    await assert.rejects(parseOffThread('xlsx-rows', many, hungry), refusal('parse-memory', 8));
    const again = await parseOffThread<{ line: number }[]>('xlsx-rows', workbook(''), DEFAULT_INPUT_LIMITS);
    assert.deepEqual(again.map((r) => r.line), [1], 'a worker that answered is used again; those stopped are replaced');
  });
});

/** Wide rows of distinct cells, so that keeping them all takes memory. */
function inlineRow(i: number): string {
  return Array.from({ length: 60 }, (_, c) => `<c r="${String.fromCharCode(65 + (c % 26))}${c >= 26 ? String.fromCharCode(65 + Math.floor(c / 26)) : ''}${i + 2}" t="inlineStr"><is><t>${'y'.repeat(200)}${i}-${c}</t></is></c>`).join('');
}
