// An OpenType CJK font with CFF outlines (Noto Sans CJK from the Debian package fonts-noto-cjk, inside a
// TrueType collection) read for embedding in PDF: Unicode → glyph (cmap), advance widths (hmtx), glyph → CID
// (CFF charset), and a subset that keeps every glyph slot but empties the charstrings of the glyphs not used,
// so CIDs and offsets stay valid while the embedded font shrinks from ~15 MB to what the text needs.
import { readFileSync } from 'node:fs';

export const DEFAULT_CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const DEFAULT_CJK_FACE = 'NotoSansCJKkr-Regular';

interface Table { offset: number; length: number }

function tablesAt(buf: Buffer, offset: number): Map<string, Table> {
  const count = buf.readUInt16BE(offset + 4);
  const out = new Map<string, Table>();
  for (let i = 0; i < count; i += 1) {
    const r = offset + 12 + 16 * i;
    out.set(buf.toString('latin1', r, r + 4), { offset: buf.readUInt32BE(r + 8), length: buf.readUInt32BE(r + 12) });
  }
  return out;
}

function postscriptName(buf: Buffer, name: Table): string | null {
  const count = buf.readUInt16BE(name.offset + 2);
  const strings = name.offset + buf.readUInt16BE(name.offset + 4);
  for (let i = 0; i < count; i += 1) {
    const r = name.offset + 6 + 12 * i;
    if (buf.readUInt16BE(r) === 3 && buf.readUInt16BE(r + 6) === 6) {
      const len = buf.readUInt16BE(r + 8);
      const at = strings + buf.readUInt16BE(r + 10);
      return Buffer.from(buf.subarray(at, at + len)).swap16().toString('utf16le');
    }
  }
  return null;
}

/** cmap subtable format 12 (or 4) of the Windows Unicode encodings. */
function readCmap(buf: Buffer, cmap: Table): Map<number, number> {
  const map = new Map<number, number>();
  const count = buf.readUInt16BE(cmap.offset + 2);
  let best: { offset: number; format: number } | null = null;
  for (let i = 0; i < count; i += 1) {
    const r = cmap.offset + 4 + 8 * i;
    const platform = buf.readUInt16BE(r);
    const encoding = buf.readUInt16BE(r + 2);
    const offset = cmap.offset + buf.readUInt32BE(r + 4);
    const format = buf.readUInt16BE(offset);
    if (platform === 3 && encoding === 10 && format === 12) best = { offset, format };
    else if (platform === 3 && encoding === 1 && format === 4 && best === null) best = { offset, format };
  }
  if (best === null) throw new Error('font has no Unicode cmap');
  const o = best.offset;
  if (best.format === 12) {
    const groups = buf.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g += 1) {
      const r = o + 16 + 12 * g;
      const start = buf.readUInt32BE(r);
      const end = buf.readUInt32BE(r + 4);
      const gid = buf.readUInt32BE(r + 8);
      for (let c = start; c <= end; c += 1) map.set(c, gid + (c - start));
    }
  } else {
    const segX2 = buf.readUInt16BE(o + 6);
    const ends = o + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    for (let s = 0; s < segX2 / 2; s += 1) {
      const end = buf.readUInt16BE(ends + 2 * s);
      const start = buf.readUInt16BE(starts + 2 * s);
      const delta = buf.readInt16BE(deltas + 2 * s);
      const rangeOffset = buf.readUInt16BE(ranges + 2 * s);
      for (let c = start; c <= end && c !== 0xffff; c += 1) {
        let gid: number;
        if (rangeOffset === 0) gid = (c + delta) & 0xffff;
        else {
          const at = ranges + 2 * s + rangeOffset + 2 * (c - start);
          gid = buf.readUInt16BE(at);
          if (gid !== 0) gid = (gid + delta) & 0xffff;
        }
        if (gid !== 0) map.set(c, gid);
      }
    }
  }
  return map;
}

interface CffIndex { count: number; offSize: number; start: number; dataStart: number; end: number; offsets: number[] }

function readIndex(buf: Buffer, at: number): CffIndex {
  const count = buf.readUInt16BE(at);
  if (count === 0) return { count, offSize: 0, start: at, dataStart: at + 2, end: at + 2, offsets: [] };
  const offSize = buf[at + 2]!;
  const offsets: number[] = [];
  for (let i = 0; i <= count; i += 1) {
    let v = 0;
    for (let j = 0; j < offSize; j += 1) v = v * 256 + buf[at + 3 + i * offSize + j]!;
    offsets.push(v);
  }
  const dataStart = at + 3 + (count + 1) * offSize - 1;
  return { count, offSize, start: at, dataStart, end: dataStart + offsets[count]!, offsets };
}

/** A DICT operand that is an integer, with where its bytes are (to patch it in place). */
interface DictEntry { op: number; operands: { value: number; at: number; size: number }[] }

function readDict(buf: Buffer, from: number, to: number): DictEntry[] {
  const out: DictEntry[] = [];
  let operands: DictEntry['operands'] = [];
  let p = from;
  while (p < to) {
    const b = buf[p]!;
    if (b <= 21) {
      const op = b === 12 ? 1200 + buf[p + 1]! : b;
      p += b === 12 ? 2 : 1;
      out.push({ op, operands });
      operands = [];
    } else if (b === 28) { operands.push({ value: buf.readInt16BE(p + 1), at: p, size: 3 }); p += 3; }
    else if (b === 29) { operands.push({ value: buf.readInt32BE(p + 1), at: p, size: 5 }); p += 5; }
    else if (b === 30) {
      const at = p;
      p += 1;
      while (p < to) { const n = buf[p]!; p += 1; if ((n & 0x0f) === 0x0f || (n >> 4) === 0x0f) break; }
      operands.push({ value: NaN, at, size: p - at });
    } else if (b >= 32 && b <= 246) { operands.push({ value: b - 139, at: p, size: 1 }); p += 1; }
    else if (b >= 247 && b <= 250) { operands.push({ value: (b - 247) * 256 + buf[p + 1]! + 108, at: p, size: 2 }); p += 2; }
    else if (b >= 251 && b <= 254) { operands.push({ value: -(b - 251) * 256 - buf[p + 1]! - 108, at: p, size: 2 }); p += 2; }
    else throw new Error(`bad CFF DICT byte ${b}`);
  }
  return out;
}

/** Rewrites an integer operand in place; it must have been written in the 5-byte form if it changes. */
function patchInt(out: Buffer, operand: { value: number; at: number; size: number }, base: number, value: number): void {
  if (value === operand.value) return;
  if (operand.size !== 5) throw new Error('CFF offset not in 5-byte form');
  out[operand.at - base] = 29;
  out.writeInt32BE(value, operand.at - base + 1);
}

const OP = { charset: 15, charStrings: 17, private: 18, subrs: 19, fdArray: 1236, fdSelect: 1237, ros: 1230 } as const;

export class CjkFont {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly bbox: [number, number, number, number];
  private readonly buf: Buffer;
  private readonly cff: Table;
  private readonly cmap: Map<number, number>;
  private readonly advances: number[];
  private readonly cids: Uint32Array;

  constructor(path = DEFAULT_CJK_FONT, face = DEFAULT_CJK_FACE) {
    const buf = readFileSync(path);
    this.buf = buf;
    const offsets: number[] = buf.toString('latin1', 0, 4) === 'ttcf'
      ? Array.from({ length: buf.readUInt32BE(8) }, (_, i) => buf.readUInt32BE(12 + 4 * i))
      : [0];
    let chosen: Map<string, Table> | null = null;
    for (const offset of offsets) {
      const tables = tablesAt(buf, offset);
      const name = tables.get('name');
      if (name && postscriptName(buf, name) === face) { chosen = tables; break; }
    }
    if (chosen === null) throw new Error(`font face ${face} not found in ${path}`);
    const need = (tag: string): Table => {
      const t = chosen!.get(tag);
      if (!t) throw new Error(`font table ${tag} missing`);
      return t;
    };
    this.postscriptName = face;
    const head = need('head');
    this.unitsPerEm = buf.readUInt16BE(head.offset + 18);
    this.bbox = [buf.readInt16BE(head.offset + 36), buf.readInt16BE(head.offset + 38), buf.readInt16BE(head.offset + 40), buf.readInt16BE(head.offset + 42)];
    const hhea = need('hhea');
    this.ascent = buf.readInt16BE(hhea.offset + 4);
    this.descent = buf.readInt16BE(hhea.offset + 6);
    const metrics = buf.readUInt16BE(hhea.offset + 34);
    const hmtx = need('hmtx');
    const glyphs = buf.readUInt16BE(need('maxp').offset + 4);
    this.advances = Array.from({ length: glyphs }, (_, g) => buf.readUInt16BE(hmtx.offset + 4 * Math.min(g, metrics - 1)));
    this.cmap = readCmap(buf, need('cmap'));
    this.cff = need('CFF ');
    this.cids = this.readCharset(glyphs);
  }

  private topDict(): { entries: DictEntry[]; index: CffIndex; strings: CffIndex } {
    const base = this.cff.offset;
    const names = readIndex(this.buf, base + this.buf[base + 2]!);
    const top = readIndex(this.buf, names.end);
    const strings = readIndex(this.buf, top.end);
    return { entries: readDict(this.buf, top.dataStart + top.offsets[0]!, top.dataStart + top.offsets[1]!), index: top, strings };
  }

  private readCharset(glyphs: number): Uint32Array {
    const { entries } = this.topDict();
    const cids = new Uint32Array(glyphs);
    const charset = entries.find((e) => e.op === OP.charset)?.operands[0]?.value ?? 0;
    if (charset <= 2) { for (let g = 0; g < glyphs; g += 1) cids[g] = g; return cids; }
    const buf = this.buf;
    let p = this.cff.offset + charset;
    const format = buf[p]!;
    p += 1;
    let g = 1;
    while (g < glyphs) {
      if (format === 0) { cids[g] = buf.readUInt16BE(p); p += 2; g += 1; continue; }
      const first = buf.readUInt16BE(p);
      const left = format === 1 ? buf[p + 2]! : buf.readUInt16BE(p + 2);
      p += format === 1 ? 3 : 4;
      for (let k = 0; k <= left && g < glyphs; k += 1) cids[g++] = first + k;
    }
    return cids;
  }

  /** The glyph of a code point (0, .notdef, when the font has none). */
  glyphOf(codePoint: number): number { return this.cmap.get(codePoint) ?? 0; }
  cidOf(gid: number): number { return this.cids[gid] ?? 0; }
  /** Advance width in thousandths of the font size (PDF glyph space). */
  width(gid: number): number { return Math.round(((this.advances[gid] ?? 0) * 1000) / this.unitsPerEm); }

  /** The CFF table with every charstring outside `keep` (and .notdef) replaced by an empty glyph. */
  subset(keep: ReadonlySet<number>): Buffer {
    const buf = this.buf;
    const base = this.cff.offset;
    const { entries } = this.topDict();
    const offsetOf = (op: number) => {
      const e = entries.find((x) => x.op === op);
      if (!e) throw new Error(`CFF operator ${op} missing`);
      return e;
    };
    const csEntry = offsetOf(OP.charStrings);
    const charStrings = readIndex(buf, base + csEntry.operands[0]!.value);
    // The new CharStrings INDEX: same count, 4-byte offsets, endchar (14) for glyphs not kept.
    const parts: Buffer[] = [];
    const offsets: number[] = [1];
    for (let g = 0; g < charStrings.count; g += 1) {
      const data = g === 0 || keep.has(g)
        ? buf.subarray(charStrings.dataStart + charStrings.offsets[g]!, charStrings.dataStart + charStrings.offsets[g + 1]!)
        : Buffer.from([14]);
      parts.push(data);
      offsets.push(offsets[g]! + data.length);
    }
    const header = Buffer.alloc(3 + 4 * offsets.length);
    header.writeUInt16BE(charStrings.count, 0);
    header[2] = 4;
    offsets.forEach((o, i) => header.writeUInt32BE(o, 3 + 4 * i));
    const newCharStrings = Buffer.concat([header, ...parts]);
    const oldStart = charStrings.start - base;
    const oldEnd = charStrings.end - base;
    const delta = newCharStrings.length - (oldEnd - oldStart);
    const moved = (offset: number) => (offset >= oldEnd ? offset + delta : offset);
    const cff = buf.subarray(base, base + this.cff.length);
    const out = Buffer.concat([cff.subarray(0, oldStart), newCharStrings, cff.subarray(oldEnd)]);
    // Offsets in the Top DICT (before the CharStrings: patched in place in `out`).
    for (const op of [OP.charset, OP.fdArray, OP.fdSelect]) {
      const e = entries.find((x) => x.op === op);
      if (e) patchInt(out, e.operands[0]!, base, moved(e.operands[0]!.value));
    }
    patchInt(out, csEntry.operands[0]!, base, oldStart);
    // Private DICT offsets in each font DICT of the FDArray.
    const fdArrayOld = offsetOf(OP.fdArray).operands[0]!.value;
    const fdArray = readIndex(out, moved(fdArrayOld));
    for (let i = 0; i < fdArray.count; i += 1) {
      const dict = readDict(out, fdArray.dataStart + fdArray.offsets[i]!, fdArray.dataStart + fdArray.offsets[i + 1]!);
      const priv = dict.find((x) => x.op === OP.private);
      if (priv) patchInt(out, priv.operands[1]!, 0, moved(priv.operands[1]!.value));
    }
    return out;
  }
}
