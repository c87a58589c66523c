// Hostile XLSX files for the bounded-parsing tests, built as the attacks were: a minimal workbook (content types,
// workbook, relationships, one sheet) around a sheet whose XML the test chooses, deflated with node:zlib into a ZIP
// written here (local headers, central directory, end record: APPNOTE 4.3), so the test controls every declared size.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

interface Packed { name: string; data: Buffer; crc: number; size: number }

/** A ZIP archive of deflated entries, each declaring `size` as its unpacked size. */
function zip(entries: readonly Packed[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const packed = (name: string, text: string): Packed => {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
};

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="inventory" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

const FRAME = { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'xl/workbook.xml': WORKBOOK, 'xl/_rels/workbook.xml.rels': WORKBOOK_RELS };

const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER_ROW = `<row r="1">${['A', 'B', 'C', 'D'].map((c, i) => inline(`${c}1`, ['region_code', 'kind', 'key', 'quantity'][i]!)).join('')}</row>`;

const frame = (): Packed[] => Object.entries(FRAME).map(([name, text]) => packed(name, text));

/** A workbook whose first sheet holds `rows` (`<row>` elements) after the inventory header. */
export function workbook(rows: string): Buffer {
  return zip([...frame(), packed('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${HEADER_ROW}${rows}${SHEET_TAIL}`)]);
}

/** 2,000 rows each holding one cell in column XFD (the last, 16,384th). */
export const xfdSheet = (): Buffer => workbook(Array.from({ length: 2000 }, (_, i) => `<row r="${i + 2}">${inline(`XFD${i + 2}`, 'x')}</row>`).join(''));

/** One row numbered 1,048,576 (the last row a sheet may have). */
export const lastRowSheet = (): Buffer => workbook(`<row r="1048576">${inline('A1048576', '26010')}</row>`);

/**
 * A deflate bomb: a sheet of `megabytes` MiB (the header row, then blanks between the tags, which XML allows and
 * deflate packs about 1000:1), deflated as a stream so neither the unpacked sheet nor more than a chunk of it is ever
 * in memory here.
 */
export async function bombSheet(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw();
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  let size = 0;
  const write = async (buf: Buffer): Promise<void> => {
    crc = crc32(buf, crc);
    size += buf.length;
    if (!deflate.write(buf)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(SHEET_HEAD + HEADER_ROW));
  const blanks = Buffer.alloc(1_048_576, 0x20);
  for (let i = 0; i < megabytes; i += 1) await write(blanks);
  await write(Buffer.from(SHEET_TAIL));
  deflate.end();
  await ended;
  return zip([...frame(), { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(parts), crc, size: size >>> 0 }]);
}

/**
 * `zip` with the named entry's declared unpacked size replaced by `size` in its local header and its central directory
 * record (a ZIP whose directory lies).
 */
export function withDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i += 1) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50 && out.toString('latin1', i + 30, i + 30 + out.readUInt16LE(i + 26)) === name) out.writeUInt32LE(size, i + 22);
    if (signature === 0x02014b50 && out.toString('latin1', i + 46, i + 46 + out.readUInt16LE(i + 28)) === name) out.writeUInt32LE(size, i + 24);
  }
  return out;
}
