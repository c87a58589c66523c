// The cells of an XLSX workbook's first worksheet, read within the input limits (docs/decisions/0021-bounded-parsing.md):
// the ZIP central directory is checked first (entry count, declared unpacked sizes and ratios), then only the parts
// needed (workbook, its relationships, shared strings, the sheet) are inflated as streams whose bytes are counted
// as they come (declared sizes can lie), and the sheet's XML is read as a stream of tags. A cell beyond the column
// limit or a row beyond the row limit stops the read at once, and only the cells present are kept (a cell at XFD or
// row 1,048,576 never allocates the gap before it). Runs in a worker (off-thread.ts).
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { checkLimit, columnOfReference, InputLimitExceeded, type InputLimits } from '../../domain/input-limits.ts';

export interface SheetRow {
  /** The row's number in the sheet (1-based), as a CSV line number would be. */
  line: number;
  /** Cell texts from column A to the last cell present (missing cells are ''). */
  cells: string[];
}

/** The file is not a readable workbook (not a ZIP, no workbook part, no worksheet, malformed XML). */
export class NotAWorkbook extends Error {}

const RATIO_CHECKED_FROM = 1_048_576;
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => (error ? reject(new NotAWorkbook(error.message)) : resolve(zip)));
  });
}

/** The central directory's entries by name, refused when they declare more than the limits allow. */
function directory(zip: ZipFile, limits: InputLimits): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    let declared = 0;
    zip.on('entry', (entry: Entry) => {
      try {
        checkLimit(limits, 'zip-entries', entries.size + 1);
        declared += entry.uncompressedSize;
        checkLimit(limits, 'unpacked-bytes', declared);
        if (entry.uncompressedSize > RATIO_CHECKED_FROM) checkLimit(limits, 'compression-ratio', Math.ceil(entry.uncompressedSize / Math.max(1, entry.compressedSize)));
      } catch (error) {
        reject(error);
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(new NotAWorkbook(error.message)));
    zip.readEntry();
  });
}

/** Inflates one entry into an XML parser, counting the bytes against what is left of the unpacked limit. */
class PartReader {
  private inflated = 0;
  constructor(private readonly zip: ZipFile, private readonly entries: Map<string, Entry>, private readonly limits: InputLimits) {}

  has(name: string): boolean { return this.entries.has(name); }

  async read(name: string, onTag: (parser: SaxesParser) => void): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) throw new NotAWorkbook(`no part ${name}`);
    let stream: NodeJS.ReadableStream;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw new NotAWorkbook((error as Error).message);
    }
    const parser = new SaxesParser();
    onTag(parser);
    const decoder = new TextDecoder('utf-8');
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        checkLimit(this.limits, 'unpacked-bytes', this.inflated);
        parser.write(decoder.decode(chunk, { stream: true }));
      }
      parser.write(decoder.decode()).close();
    } catch (error) {
      (stream as { destroy?: () => void }).destroy?.();
      if (error instanceof InputLimitExceeded) throw error;
      throw new NotAWorkbook((error as Error).message);
    }
  }
}

/** `target` of a relationship, resolved against the folder of the part that holds it (`xl/`). */
const resolveTarget = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');

/** The first worksheet's part name and the shared-strings part's, from the workbook and its relationships. */
async function locateParts(parts: PartReader): Promise<{ sheet: string; sharedStrings: string | null }> {
  let firstSheetRel: string | null = null;
  await parts.read('xl/workbook.xml', (parser) => {
    parser.on('opentag', (tag: SaxesTagPlain) => {
      if (firstSheetRel !== null || localName(tag.name) !== 'sheet') return;
      const key = Object.keys(tag.attributes).find((k) => k.endsWith(':id'));
      firstSheetRel = key ? String(tag.attributes[key]) : '';
    });
  });
  const targets = new Map<string, string>();
  let sharedStrings: string | null = null;
  if (parts.has('xl/_rels/workbook.xml.rels')) {
    await parts.read('xl/_rels/workbook.xml.rels', (parser) => {
      parser.on('opentag', (tag: SaxesTagPlain) => {
        if (localName(tag.name) !== 'Relationship') return;
        const target = resolveTarget(String(tag.attributes.Target ?? ''));
        targets.set(String(tag.attributes.Id ?? ''), target);
        if (String(tag.attributes.Type ?? '').endsWith('/sharedStrings')) sharedStrings = target;
      });
    });
  }
  if (firstSheetRel === null) throw new NotAWorkbook('no worksheet');
  const sheet = targets.get(firstSheetRel) ?? 'xl/worksheets/sheet1.xml';
  if (sharedStrings === null && parts.has('xl/sharedStrings.xml')) sharedStrings = 'xl/sharedStrings.xml';
  return { sheet, sharedStrings: sharedStrings !== null && parts.has(sharedStrings) ? sharedStrings : null };
}

/** Collects the text of `<t>` elements (not phonetic runs) between `open` and `close` of an element. */
class TextCollector {
  private inText = false;
  private inPhonetic = false;
  text = '';
  constructor(private readonly limits: InputLimits) {}

  reset(): void { this.text = ''; this.inText = false; this.inPhonetic = false; }
  open(name: string): void {
    if (name === 'rPh') this.inPhonetic = true;
    else if ((name === 't' || name === 'v') && !this.inPhonetic) this.inText = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't' || name === 'v') this.inText = false;
  }
  add(text: string): void {
    if (!this.inText) return;
    checkLimit(this.limits, 'cell-chars', this.text.length + text.length);
    this.text += text;
  }
}

async function readSharedStrings(parts: PartReader, name: string, limits: InputLimits): Promise<string[]> {
  const strings: string[] = [];
  const collector = new TextCollector(limits);
  await parts.read(name, (parser) => {
    parser.on('opentag', (tag: SaxesTagPlain) => {
      const n = localName(tag.name);
      if (n === 'si') collector.reset();
      else collector.open(n);
    });
    parser.on('closetag', (tag: SaxesTagPlain) => {
      const n = localName(tag.name);
      if (n === 'si') strings.push(collector.text);
      else collector.close(n);
    });
    parser.on('text', (text: string) => collector.add(text));
  });
  return strings;
}

function cellValue(type: string, raw: string, shared: readonly string[]): string {
  switch (type) {
    case 's': return shared[Number(raw)] ?? '';
    case 'b': return raw === '1' ? 'true' : 'false';
    case 'e': return '';
    case 'str':
    case 'inlineStr': return raw;
    default: {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? String(n) : raw;
    }
  }
}

/** The rows of the workbook's first worksheet that hold a cell, in order, within `limits`. */
export async function readXlsxRows(bytes: Buffer, limits: InputLimits): Promise<SheetRow[]> {
  const zip = await openZip(bytes);
  try {
    const parts = new PartReader(zip, await directory(zip, limits), limits);
    if (!parts.has('xl/workbook.xml')) throw new NotAWorkbook('no xl/workbook.xml');
    const { sheet, sharedStrings } = await locateParts(parts);
    const shared = sharedStrings === null ? [] : await readSharedStrings(parts, sharedStrings, limits);
    const rows: SheetRow[] = [];
    const collector = new TextCollector(limits);
    let rowNumber = 0;
    let cells: string[] = [];
    let column = 0;
    let type = 'n';
    let kept = 0; // characters kept over all cells: never more than the unpacked limit
    await parts.read(sheet, (parser) => {
      parser.on('opentag', (tag: SaxesTagPlain) => {
        const n = localName(tag.name);
        if (n === 'row') {
          const r = Number(tag.attributes.r);
          rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
          checkLimit(limits, 'rows', rowNumber);
          cells = [];
          column = 0;
        } else if (n === 'c') {
          const ref = tag.attributes.r === undefined ? null : columnOfReference(String(tag.attributes.r));
          column = ref !== null && ref > column ? ref : column + 1;
          checkLimit(limits, 'columns', column);
          type = String(tag.attributes.t ?? 'n');
          collector.reset();
        } else collector.open(n);
      });
      parser.on('closetag', (tag: SaxesTagPlain) => {
        const n = localName(tag.name);
        if (n === 'c') {
          const value = cellValue(type, collector.text, shared);
          if (value === '') return;
          kept += value.length;
          checkLimit(limits, 'unpacked-bytes', kept);
          while (cells.length < column - 1) cells.push('');
          cells[column - 1] = value;
        } else if (n === 'row') {
          if (cells.length > 0) rows.push({ line: rowNumber, cells });
        } else collector.close(n);
      });
      parser.on('text', (text: string) => collector.add(text));
    });
    return rows;
  } finally {
    if (zip.isOpen) zip.close();
  }
}
