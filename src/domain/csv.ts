// RFC 4180 CSV over a whole text: quoted cells may hold commas, doubled quotes and line breaks (LF or CRLF).
// A leading byte order mark is dropped. Pure. (The demonstration-event and inventory readers split one line at a
// time, for streaming, so they cannot read a line break inside a quoted cell.)
import { checkLimit, type InputLimits } from './input-limits.ts';

export type CsvLimits = Pick<InputLimits, 'rows' | 'columns' | 'cellChars'>;

export interface CsvRecord {
  /** 1-based record number (the header is record 1); a quoted line break does not start a new record. */
  row: number;
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; row: number; line: number };

/**
 * Splits `text` into records of cells. Blank lines are skipped (they are not records). Fails, naming the record,
 * on a quote left open or text after a closing quote. Throws InputLimitExceeded beyond `limits` (more records,
 * cells in a record or characters in a cell).
 */
export function parseCsv(text: string, limits?: CsvLimits): CsvResult {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < s.length) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (s[i] === '"') {
        i += 1;
        for (;;) {
          const q = s.indexOf('"', i);
          if (q < 0) return { ok: false, row: records.length + 1, line: start };
          cell += s.slice(i, q);
          i = q + 1;
          if (s[i] === '"') { cell += '"'; i += 1; continue; }
          break;
        }
        if (i < s.length && s[i] !== ',' && s[i] !== '\n' && !(s[i] === '\r' && s[i + 1] === '\n')) return { ok: false, row: records.length + 1, line: start };
      } else {
        let end = i;
        while (end < s.length && s[end] !== ',' && s[end] !== '\n' && !(s[end] === '\r' && s[end + 1] === '\n')) end += 1;
        cell = s.slice(i, end);
        i = end;
      }
      cells.push(cell);
      if (limits) {
        checkLimit(limits, 'cell-chars', cell.length);
        checkLimit(limits, 'columns', cells.length);
      }
      if (s[i] === ',') { i += 1; continue; }
      break;
    }
    for (const c of cells) for (let k = c.indexOf('\n'); k >= 0; k = c.indexOf('\n', k + 1)) line += 1;
    if (s[i] === '\r') i += 1;
    if (s[i] === '\n') { i += 1; line += 1; }
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    if (limits) checkLimit(limits, 'rows', records.length + 1);
    records.push({ row: records.length + 1, line: start, cells });
  }
  return { ok: true, records };
}
