/**
 * Highlighted snippets: where the query's terms occur in a text, on the same folding as the
 * tokens (accents, case; 초성 for Hangul), as character ranges into the original text — the
 * client decides how to mark them (no HTML is produced here).
 */
import { stemEnglish, stemFrench } from './stem.ts';
import { chosungOf, foldChar, terms } from './tokenize.ts';

const stemsOf = (word: string): string[] => [stemEnglish(word), stemFrench(word)];

/**
 * Ranges of the words of the folded text a query word matches: those it starts (marked as far as the query
 * word goes, as before stemming) and those sharing a stem with it or starting with one of its stems (marked whole).
 */
function wordRanges(folded: string, query: string): [number, number][] {
  const stems = stemsOf(query);
  const ranges: [number, number][] = [];
  for (const m of folded.matchAll(/(?:(?![\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])+/gu)) {
    const [word] = m;
    if (word.startsWith(query)) ranges.push([m.index, m.index + query.length]);
    else if (stemsOf(word).some((s) => stems.includes(s)) || stems.some((s) => s.length >= 3 && word.startsWith(s))) ranges.push([m.index, m.index + word.length]);
  }
  return ranges;
}

export interface Snippet {
  readonly text: string;
  /** [start, end) offsets into `text`, in UTF-16 code units, sorted and non-overlapping. */
  readonly highlights: readonly (readonly [number, number])[];
}

interface Folded {
  readonly folded: string;
  readonly chosung: string;
  /** Original offset of each folded code unit. */
  readonly origin: readonly number[];
}

function fold(text: string): Folded {
  let folded = '';
  let chosung = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = foldChar(ch.normalize('NFKC'));
    for (const part of f) {
      folded += part;
      const c = chosungOf(part);
      chosung += c.length === part.length ? c : part;
      for (let i = 0; i < part.length; i++) origin.push(offset);
    }
    offset += ch.length;
  }
  return { folded, chosung, origin };
}

/** Ranges of `text` matched by `query`. Latin words match at the start of a word (prefixes). */
export function matchRanges(text: string, query: string): [number, number][] {
  const f = fold(text);
  const ranges: [number, number][] = [];
  for (const term of terms(query)) {
    const found: [number, number][] = [];
    if (term.kind === 'word') found.push(...wordRanges(f.folded, term.text));
    else {
      const haystack = term.kind === 'chosung' ? f.chosung : f.folded;
      for (let at = haystack.indexOf(term.text); at >= 0; at = haystack.indexOf(term.text, at + 1)) found.push([at, at + term.text.length]);
    }
    for (const [at, endFolded] of found) {
      const start = f.origin[at]!;
      const lastOrigin = f.origin[endFolded - 1]!;
      const end = lastOrigin + (text.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** A window of about `width` characters around the first match (the start of the text if none). */
export function snippet(text: string, query: string, width = 120): Snippet {
  const ranges = matchRanges(text, query);
  if (text.length <= width) return { text, highlights: ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  start = Math.max(0, end - width);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const highlights = ranges
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]) => [a + shift, b + shift] as const);
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, highlights };
}
