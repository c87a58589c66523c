// Values of form fields as the pages keep them (pure): texts in five languages, numbers typed as text, row ids.
import { LANGS, type Lang } from '../../i18n/index.ts';
import type { I18nText } from '../types.ts';

/** The languages a text may be translated into besides Korean (which is required). */
export const TRANSLATIONS = LANGS.filter((l): l is Exclude<Lang, 'ko'> => l !== 'ko');

/** An empty text (Korean not yet written). */
export const blankText = (): I18nText => ({ ko: '' });

/** The text with empty translations dropped, or null when nothing at all is written. */
export function cleanText(text: I18nText | null | undefined): I18nText | null {
  if (!text) return null;
  const out: I18nText = { ko: text.ko.trim() };
  for (const l of TRANSLATIONS) {
    const v = text[l]?.trim();
    if (v) out[l] = v;
  }
  return out.ko === '' && Object.keys(out).length === 1 ? null : out;
}

/** Like cleanText for a required text: an empty one stays `{ ko: '' }` so the server names the field. */
export const requiredText = (text: I18nText | null | undefined): I18nText => cleanText(text) ?? { ko: '' };

/** The number typed, or null for an empty field (or one that is not a number). */
export function parseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** A number as an input shows it ('' for null). */
export const numberText = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));

/** The next free identifier "<prefix>-<n>" (ids the API requires, unique in their list; users never type them). */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** Options whose label holds every word of `query` (case- and width-insensitive); all when the query is empty. */
export function matchOptions<T extends { label: string }>(options: readonly T[], query: string): T[] {
  const words = fold(query).split(' ').filter(Boolean);
  return options.filter((o) => words.every((w) => fold(o.label).includes(w)));
}
