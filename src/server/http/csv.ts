// The one CSV writer for every CSV the platform emits (upload error files, evidence packs, exports to come):
// RFC 4180 quoting, CRLF line ends, UTF-8 with a byte order mark (so spreadsheets read Korean text), and
// formula-leading cells (=, +, -, @, tab, CR and their full-width forms) defused with a leading apostrophe, as
// the OWASP guidance on CSV injection says — a downloaded file never runs what a user typed. csv-stringify
// (escape_formulas) does the work; numbers stay numbers (a negative number is not a formula).
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null | undefined;

/** Byte order mark that starts every CSV document. */
export const CSV_BOM = '\uFEFF';

const OPTIONS = { escape_formulas: true, record_delimiter: 'windows', quote_record_delimiter: true } as const;

/** Records as CSV lines, each ending in CRLF (a part of a document: for streaming in batches). */
export function csvLines(records: readonly (readonly CsvValue[])[]): string {
  return records.length === 0 ? '' : stringify(records as CsvValue[][], OPTIONS);
}

/** A whole CSV document: byte order mark, header, records. */
export function csvDocument(header: readonly string[], records: readonly (readonly CsvValue[])[]): string {
  return `${CSV_BOM}${csvLines([header, ...records])}`;
}
