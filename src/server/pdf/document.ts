// A small PDF 1.7 writer for reports in Korean (and the other UI languages): A4 pages of text set in an
// embedded CJK font (Type 0 / CIDFontType0C, Identity-H, subset), with a ToUnicode map so the text can be
// searched and copied. Enough for generated documents such as evidence packs; no images.
import { deflateSync } from 'node:zlib';
import type { CjkFont } from './cjk-font.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

const pdfString = (s: string): string => {
  // UTF-16BE with a byte-order mark, as a hex string (document information).
  const units = [0xfeff, ...Array.from(s, (c) => c.codePointAt(0)!).flatMap((cp) => (cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp]))];
  return `<${units.map((u) => u.toString(16).padStart(4, '0')).join('')}>`;
};
const utf16Hex = (cp: number): string =>
  cp > 0xffff
    ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)].map((u) => u.toString(16).padStart(4, '0')).join('')
    : cp.toString(16).padStart(4, '0');
const num = (n: number): string => (Math.round(n * 100) / 100).toString();

export class PdfDocument {
  private readonly pages: string[][] = [];
  private readonly used = new Map<number, { cid: number; width: number; unicode: number }>();
  private y = 0;

  constructor(private readonly font: CjkFont, private readonly title: string) {
    this.newPage();
    // Page numbers are drawn at the end: their digits join the subset from the start.
    for (const d of '0123456789') this.register(d.charCodeAt(0));
  }

  private register(cp: number): number {
    const gid = this.font.glyphOf(cp);
    const cid = this.font.cidOf(gid);
    if (!this.used.has(gid)) this.used.set(gid, { cid, width: this.font.width(gid), unicode: cp });
    return cid;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = A4[1] - MARGIN;
  }

  /** Width of `text` at `size` points. */
  measure(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.font.width(this.font.glyphOf(ch.codePointAt(0)!));
    return (w * size) / 1000;
  }

  private show(x: number, y: number, size: number, text: string): void {
    let hex = '';
    for (const ch of text) hex += this.register(ch.codePointAt(0)!).toString(16).padStart(4, '0');
    this.pages[this.pages.length - 1]!.push(`BT /F1 ${num(size)} Tf ${num(x)} ${num(y)} Td <${hex}> Tj ET`);
  }

  /** Breaks `text` into lines no wider than `width`: at spaces where possible, else between characters. */
  wrap(text: string, size: number, width: number): string[] {
    const out: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/(?<= )/)) {
        if (this.measure(line + word, size) <= width) { line += word; continue; }
        if (line !== '') { out.push(line.trimEnd()); line = ''; }
        for (const ch of word) {
          if (this.measure(line + ch, size) > width && line !== '') { out.push(line); line = ''; }
          line += ch;
        }
      }
      out.push(line.trimEnd());
    }
    return out;
  }

  /** Writes a paragraph at the current position, wrapping and starting new pages as needed. */
  paragraph(text: string, options: { size?: number; indent?: number; gap?: number; bold?: boolean } = {}): void {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const leading = size * 1.45;
    for (const line of this.wrap(text, size, A4[0] - 2 * MARGIN - indent)) {
      if (this.y - leading < MARGIN) this.newPage();
      this.y -= leading;
      this.show(MARGIN + indent, this.y, size, line);
      // Faux bold: the same line drawn again, shifted by a hair.
      if (options.bold) this.show(MARGIN + indent + size * 0.03, this.y, size, line);
    }
    this.y -= options.gap ?? size * 0.4;
  }

  heading(text: string, size = 14): void {
    if (this.y - size * 4 < MARGIN) this.newPage();
    this.y -= size * 0.6;
    this.paragraph(text, { size, bold: true, gap: size * 0.3 });
  }

  /** Rows of cells in columns of the given widths (fractions of the text width). */
  table(header: readonly string[], rows: readonly (readonly string[])[], fractions: readonly number[], size = 8.5): void {
    const total = A4[0] - 2 * MARGIN;
    const widths = fractions.map((f) => f * total);
    const leading = size * 1.4;
    const draw = (cells: readonly string[], bold: boolean) => {
      const wrapped = cells.map((c, i) => this.wrap(c, size, widths[i]! - 4));
      const height = Math.max(...wrapped.map((w) => w.length)) * leading;
      if (this.y - height < MARGIN) this.newPage();
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, k) => {
          this.show(x, this.y - leading * (k + 1), size, line);
          if (bold) this.show(x + size * 0.03, this.y - leading * (k + 1), size, line);
        });
        x += widths[i]!;
      });
      this.y -= height + size * 0.3;
      this.pages[this.pages.length - 1]!.push(`0.6 G 0.4 w ${num(MARGIN)} ${num(this.y + size * 0.15)} m ${num(MARGIN + total)} ${num(this.y + size * 0.15)} l S`);
    };
    draw(header, true);
    for (const row of rows) draw(row, false);
    this.y -= size * 0.6;
  }

  /** The finished file. */
  finish(): Buffer {
    const objects: (string | Buffer)[] = [];
    const add = (body: string | Buffer): number => { objects.push(body); return objects.length; };
    const stream = (dict: string, data: Buffer): Buffer => {
      const packed = deflateSync(data);
      return Buffer.concat([Buffer.from(`<< ${dict} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]);
    };
    const catalog = add('');
    const pagesId = add('');
    // The font: subset CFF, widths and ToUnicode of the glyphs used.
    const glyphs = [...this.used.entries()].sort((a, b) => a[1].cid - b[1].cid);
    const fontFile = add(stream('/Subtype /CIDFontType0C', this.font.subset(new Set(this.used.keys()))));
    const [x0, y0, x1, y1] = this.font.bbox.map((v) => Math.round((v * 1000) / this.font.unitsPerEm));
    const descriptor = add(`<< /Type /FontDescriptor /FontName /${this.font.postscriptName} /Flags 4 /FontBBox [${x0} ${y0} ${x1} ${y1}] /ItalicAngle 0 /Ascent ${Math.round((this.font.ascent * 1000) / this.font.unitsPerEm)} /Descent ${Math.round((this.font.descent * 1000) / this.font.unitsPerEm)} /CapHeight 733 /StemV 80 /FontFile3 ${fontFile} 0 R >>`);
    const widths = glyphs.map(([, g]) => `${g.cid} [${g.width}]`).join(' ');
    const cidFont = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${this.font.postscriptName} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [${widths}] >>`);
    const cmapLines = glyphs.map(([, g]) => `<${g.cid.toString(16).padStart(4, '0')}> <${utf16Hex(g.unicode)}>`);
    const chunks: string[] = [];
    for (let i = 0; i < cmapLines.length; i += 100) {
      const part = cmapLines.slice(i, i + 100);
      chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
    }
    const toUnicode = add(stream('', Buffer.from([
      '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def', '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
      '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange', ...chunks, 'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
    ].join('\n'), 'latin1')));
    const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /${this.font.postscriptName} /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
    const pageIds: number[] = [];
    this.pages.forEach((ops, i) => {
      const footer = `BT /F1 8 Tf ${num(A4[0] - MARGIN - 20)} ${num(MARGIN / 2)} Td <${[...String(i + 1)].map((d) => this.register(d.charCodeAt(0)).toString(16).padStart(4, '0')).join('')}> Tj ET`;
      const content = add(stream('', Buffer.from([...ops, footer].join('\n'), 'latin1')));
      pageIds.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${num(A4[0])} ${num(A4[1])}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
    });
    objects[pagesId - 1] = `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
    objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R /Lang (ko) >>`;
    const info = add(`<< /Title ${pdfString(this.title)} /Producer (ZoneLink) >>`);
    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let offset = parts[0]!.length;
    const xref: number[] = [];
    objects.forEach((body, i) => {
      xref.push(offset);
      const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
      parts.push(chunk);
      offset += chunk.length;
    });
    const table = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...xref.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
    parts.push(Buffer.from(`${table}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
}
