/**
 * Light stemming of Latin-script words for precedent search, per language (en, fr): plurals and the
 * common inflections only, so that "drones" finds "drone" and "remorques" finds "remorque". Words
 * arrive folded (lower case, accents removed; see tokenize.ts). A stem is a search key, not a word:
 * a document stores the stems of every word in both languages and a query asks for the stem in the
 * reader's language, so two forms meet when their stems are equal. Short words are left alone.
 * Hand-written (a few suffix rules) rather than a Snowball stemmer: see docs/decisions/0014-light-stemming.md.
 */

export type StemLanguage = 'en' | 'fr';

const VOWEL = /[aeiouy]/;

function undouble(stem: string): string {
  const n = stem.length;
  return n >= 4 && stem[n - 1] === stem[n - 2] && !/[aeiouls]/.test(stem[n - 1]!) ? stem.slice(0, -1) : stem;
}

/** Drops a final silent e of a word of five or more letters ("drone" → "dron"). */
function dropFinalE(word: string): string {
  return word.length >= 5 && word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) : word;
}

/** English: plural -s/-es/-ies, past -ed/-ied, gerund -ing; then the silent e. */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length >= 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length >= 5) w = `${w.slice(0, -3)}y`;
  else if (/(sses|ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  else if (w.endsWith('ing') && w.length - 3 >= 4 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && !w.endsWith('eed') && w.length - 2 >= 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  return dropFinalE(w);
}

/** French: plural -s/-x, -aux → -al, -eaux → -eau, feminine and participle -e/-ee, infinitive -er. */
export function stemFrench(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('eaux') && w.length >= 6) w = w.slice(0, -1);
  else if (w.endsWith('aux') && w.length >= 5) w = `${w.slice(0, -3)}al`;
  else if (/(eu|ou)x$/.test(w) || (w.endsWith('s') && !/(ss|us|is)$/.test(w) && w.length >= 4)) w = w.slice(0, -1);
  if (w.endsWith('ee') && w.length >= 5) w = w.slice(0, -1);
  if (w.endsWith('er') && w.length - 2 >= 4) w = w.slice(0, -2);
  return dropFinalE(w);
}

export function stem(word: string, language: StemLanguage): string {
  return language === 'fr' ? stemFrench(word) : stemEnglish(word);
}

/** The language whose stems a query is asked in: French for French readers, English otherwise. */
export function stemLanguageOf(locale: string | undefined): StemLanguage {
  return locale === 'fr' ? 'fr' : 'en';
}
