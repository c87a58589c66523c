/**
 * Search tokens for precedent search in ko, en, ja, zh and fr, computed in the application so that
 * PGlite and PostgreSQL index and match the same way (a `text[]` column with a GIN index; no
 * extension only one engine has — see docs/decisions/0007-search.md).
 *
 * - Hangul and CJK runs (Hangul syllables, Han, Hiragana, Katakana): every character and every
 *   overlapping two-character token, so two-syllable words (드론, 수소) and partial words match.
 * - Hangul runs also give initial-consonant (초성) bigrams: 수소 → "ㅅㅅ".
 * - Latin, Greek, Cyrillic and digit runs: lower-cased words with accents folded (é → e), plus
 *   every prefix of 3+ characters so a partial word ("hydro") finds "hydrogen", plus the word's light
 *   English and French stems (stem.ts); a query word asks for its stem in the reader's language, so
 *   "drones" finds "drone" and "remorques" finds "remorque".
 */
import { stem, stemEnglish, stemFrench, type StemLanguage } from './stem.ts';

export type TermKind = 'word' | 'cjk' | 'chosung';
export interface Term {
  readonly kind: TermKind;
  /** Folded text of the term (lower case, accents removed). */
  readonly text: string;
}

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Compatibility jamo of the 19 initial consonants, in syllable order (Unicode §3.12). */
const CHOSUNG = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];
const CHOSUNG_SET = new Set(CHOSUNG);
const MAX_WORD = 32;
const MIN_PREFIX = 3;

type CharClass = 'cjk' | 'word' | 'chosung' | 'sep';

const isHangul = (ch: string): boolean => {
  const cp = ch.codePointAt(0)!;
  return cp >= HANGUL_FIRST && cp <= HANGUL_LAST;
};

function classOf(ch: string): CharClass {
  if (isHangul(ch)) return 'cjk';
  if (CHOSUNG_SET.has(ch)) return 'chosung';
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u.test(ch)) return 'cjk';
  if (/[\p{L}\p{N}]/u.test(ch)) return 'word';
  return 'sep';
}

/**
 * One character (already NFKC) folded for matching: Latin-script letters lose their accents and
 * are lower-cased (may give 0–n characters); Hangul and CJK stay as they are (NFD would split
 * Hangul syllables into jamo).
 */
export function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  // NFKC turns compatibility jamo (ㅅ) into conjoining initials (ᄉ): map them back.
  if (cp >= 0x1100 && cp <= 0x1112) return CHOSUNG[cp - 0x1100]!;
  const cls = classOf(ch);
  if (cls === 'cjk' || cls === 'chosung') return ch;
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Initial consonant of a Hangul syllable, or the character itself. */
export function chosungOf(ch: string): string {
  if (!isHangul(ch)) return ch;
  return CHOSUNG[Math.floor((ch.codePointAt(0)! - HANGUL_FIRST) / 588)]!;
}

/** Splits text into terms: runs of one class (words; Hangul/CJK; initial consonants). */
export function terms(text: string): Term[] {
  const out: Term[] = [];
  let run = '';
  let runClass: CharClass = 'sep';
  for (const raw of text.normalize('NFKC')) {
    for (const ch of foldChar(raw)) {
      const cls = classOf(ch);
      if (cls !== runClass && run !== '') {
        out.push({ kind: runClass as TermKind, text: run });
        run = '';
      }
      runClass = cls;
      if (cls !== 'sep') run += ch;
    }
  }
  if (run !== '') out.push({ kind: runClass as TermKind, text: run });
  return out;
}

function bigrams(chars: readonly string[], into: Set<string>): void {
  for (let i = 0; i + 1 < chars.length; i++) into.add(chars[i]! + chars[i + 1]!);
}

/** Tokens stored for a document: the union over all its texts. */
export function documentTokens(texts: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    for (const term of terms(text)) {
      const chars = [...term.text];
      if (term.kind === 'word') {
        const word = chars.slice(0, MAX_WORD);
        const whole = word.join('');
        tokens.add(whole);
        for (let n = MIN_PREFIX; n < word.length; n++) tokens.add(word.slice(0, n).join(''));
        tokens.add(stemEnglish(whole));
        tokens.add(stemFrench(whole));
      } else if (term.kind === 'cjk') {
        for (const ch of chars) tokens.add(ch);
        bigrams(chars, tokens);
        const hangul = chars.filter(isHangul);
        if (hangul.length === chars.length) bigrams(chars.map(chosungOf), tokens);
      } else {
        bigrams(chars, tokens);
      }
    }
  }
  return [...tokens].sort();
}

/**
 * Tokens a query needs (all of them must be in a document): the query's terms, each as indexed; a
 * Latin-script word as its stem in `language` (the reader's; English unless French).
 */
export function queryTokens(query: string, language: StemLanguage = 'en'): string[] {
  const tokens = new Set<string>();
  for (const term of terms(query)) {
    const chars = [...term.text];
    if (term.kind === 'word') tokens.add(stem(chars.slice(0, MAX_WORD).join(''), language));
    else if (chars.length === 1) tokens.add(chars[0]!);
    else bigrams(chars, tokens);
  }
  return [...tokens].sort();
}

/** Does a document (by its stored tokens) contain every query token? The reference for recall checks. */
export function matches(docTokens: ReadonlySet<string> | readonly string[], query: readonly string[]): boolean {
  const set = docTokens instanceof Set ? docTokens : new Set(docTokens);
  return query.length > 0 && query.every((t) => set.has(t));
}
