// One set of limits for every file and body ZoneLink reads (XLSX, CSV, NDJSON, JSON): how far a compressed file may
// unpack, how many rows and columns and how long a cell or a line may be, how deep JSON may nest, and how much time
// and memory a parse off the request thread may take (docs/decisions/0021-bounded-parsing.md). Pure.

export const LIMIT_NAMES = [
  'unpacked-bytes', 'compression-ratio', 'zip-entries', 'rows', 'columns', 'cell-chars', 'line-chars', 'json-depth', 'parse-time', 'parse-memory',
] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

export interface InputLimits {
  /** Bytes a compressed file (XLSX) may unpack to in total, counted as it is inflated (INPUT_MAX_UNPACKED_MB). */
  unpackedBytes: number;
  /** Largest unpacked : packed ratio one archive entry of over 1 MiB may declare (INPUT_MAX_COMPRESSION_RATIO). */
  compressionRatio: number;
  /** Entries an archive may hold (INPUT_MAX_ZIP_ENTRIES). */
  zipEntries: number;
  /** Highest row number of a sheet and most records of a CSV file read whole (INPUT_MAX_ROWS). */
  rows: number;
  /** Highest column of a sheet (XFD is 16384) and most cells of a CSV record (INPUT_MAX_COLUMNS). */
  columns: number;
  /** Longest cell, in characters (INPUT_MAX_CELL_CHARS; 32,767 is Excel's own limit). */
  cellChars: number;
  /** Longest line of a streamed CSV or NDJSON upload, in characters (INPUT_MAX_LINE_CHARS). */
  lineChars: number;
  /** Deepest nesting of arrays and objects in a JSON body, NDJSON line or JSON file (INPUT_MAX_JSON_DEPTH). */
  jsonDepth: number;
  /** Wall-clock time of one parse off the request thread (INPUT_PARSE_TIME_MS). */
  parseTimeMs: number;
  /** Heap of one parse off the request thread, in MiB (INPUT_PARSE_MEMORY_MB). */
  parseMemoryMb: number;
}

export const DEFAULT_INPUT_LIMITS: Readonly<InputLimits> = {
  unpackedBytes: 32 * 1_048_576,
  compressionRatio: 100,
  zipEntries: 1_000,
  rows: 100_000,
  columns: 256,
  cellChars: 32_767,
  lineChars: 1_048_576,
  jsonDepth: 64,
  parseTimeMs: 10_000,
  parseMemoryMb: 128,
};

/** An input beyond one of the limits: `max` is the limit's value (bytes, rows, characters, levels, ms, MiB). */
export class InputLimitExceeded extends Error {
  constructor(readonly limit: LimitName, readonly max: number) {
    super(`input beyond the ${limit} limit (${max})`);
    this.name = 'InputLimitExceeded';
  }
}

/** The limit value behind each name (for messages and for checks by name); undefined when `limits` leaves it out. */
export function limitValue(limits: Partial<InputLimits>, name: LimitName): number | undefined {
  switch (name) {
    case 'unpacked-bytes': return limits.unpackedBytes;
    case 'compression-ratio': return limits.compressionRatio;
    case 'zip-entries': return limits.zipEntries;
    case 'rows': return limits.rows;
    case 'columns': return limits.columns;
    case 'cell-chars': return limits.cellChars;
    case 'line-chars': return limits.lineChars;
    case 'json-depth': return limits.jsonDepth;
    case 'parse-time': return limits.parseTimeMs;
    case 'parse-memory': return limits.parseMemoryMb;
  }
}

/** Throws when `value` is beyond the named limit (no check when `limits` leaves it out). */
export function checkLimit(limits: Partial<InputLimits>, name: LimitName, value: number): void {
  const max = limitValue(limits, name);
  if (max !== undefined && value > max) throw new InputLimitExceeded(name, max);
}

/**
 * Whether JSON text nests arrays and objects deeper than `max`, by one linear scan of the text that skips strings
 * (so it never recurses and never allocates, whatever the input). Only brackets outside strings count; the text need
 * not be valid JSON (the parser decides that afterwards).
 */
export function jsonNestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

/** Column number of a cell reference's letters (`A1` → 1, `XFD1048576` → 16384), or null when it has none. */
export function columnOfReference(ref: string): number | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i += 1) {
    const c = ref.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) column = column * 26 + (c - 0x40);
    else if (c >= 0x61 && c <= 0x7a) column = column * 26 + (c - 0x60);
    else break;
  }
  return i === 0 ? null : column;
}
