// Attachments of periodic reports (Act Art. 87; Decree Art. 59: reports with their supporting documents):
// which kinds of files are accepted, recognised from their bytes (magic numbers), never from the file name
// or the client's declared content type.

export const ATTACHMENT_KINDS = ['pdf', 'png', 'jpeg', 'csv', 'xlsx'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const MEDIA_TYPES: Readonly<Record<AttachmentKind, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** How many bytes of the start and of the end of a file {@link sniffAttachment} needs at most. */
export const SNIFF_HEAD_BYTES = 64 * 1024;
export const SNIFF_TAIL_BYTES = 64 * 1024 + 22;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4, a local file header
const LATIN1 = new TextDecoder('latin1');

/**
 * An Office Open XML workbook is a ZIP archive whose central directory (at the end of the file) names
 * `xl/workbook.xml` (ECMA-376 Part 2); a Word or PowerPoint file, or any other ZIP, is not a spreadsheet.
 */
function isWorkbook(head: Uint8Array, tail: Uint8Array): boolean {
  if (!startsWith(head, ZIP)) return false;
  const text = LATIN1.decode(tail);
  return text.includes('PK\x01\x02') && text.includes('xl/workbook.xml') && text.includes('[Content_Types].xml');
}

/**
 * CSV has no magic number: the file must be UTF-8 text (an optional byte-order mark), without control
 * characters other than tab, CR and LF, and its first line must hold a separator (comma, semicolon or tab).
 * `complete` says whether `head` is the whole file (otherwise a multi-byte character may be cut at its end).
 */
function isCsv(head: Uint8Array, complete: boolean): boolean {
  let bytes = startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;
  if (bytes.length === 0) return false;
  if (!complete) {
    // Drop a multi-byte character cut at the end of the sample (at most 3 continuation bytes).
    let cut = bytes.length;
    for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i -= 1) {
      const b = bytes[i]!;
      if ((b & 0xc0) === 0x80) continue;
      if (b >= 0xc0) cut = i;
      break;
    }
    bytes = bytes.subarray(0, cut);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return false;
  }
  const firstLine = text.split(/\r?\n/, 1)[0]!;
  return /[,;\t]/.test(firstLine);
}

/**
 * The kind of a file from its first bytes (`head`, up to {@link SNIFF_HEAD_BYTES}) and its last bytes
 * (`tail`, up to {@link SNIFF_TAIL_BYTES}: where a ZIP keeps its central directory), or null when it is
 * none of the accepted kinds.
 */
export function sniffAttachment(head: Uint8Array, tail: Uint8Array, size: number): AttachmentKind | null {
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (isWorkbook(head, tail)) return 'xlsx';
  if (isCsv(head, size <= head.length)) return 'csv';
  return null;
}

/** A file name safe to show and to put in a Content-Disposition header: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"').join('').trim().slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
}

/** Where a report's review stands (Decree Art. 59: the supervisors accept it or ask for changes). */
export type ReviewState = 'submitted' | 'accepted' | 'changes_requested';

/**
 * Whether a file may still be withdrawn from a report: while the report is not accepted — filed and awaiting
 * review, or sent back with changes requested. Once accepted, the report and its files are the evidence the
 * supervisors relied on (and that a law-amendment request may cite, Act Art. 87(9)); they stay.
 */
export function attachmentRemovable(reviewState: ReviewState): boolean {
  return reviewState !== 'accepted';
}
