// Text PostgreSQL can store: no unpaired UTF-16 surrogate (UTF-8 cannot encode one; jsonb refuses its escape) and
// no NUL (neither text nor jsonb holds U+0000). Pure.

/** The first code unit that cannot be stored, or -1: an unpaired surrogate or NUL. */
export function unstorableAt(text: string): number {
  const nul = text.indexOf('\u0000');
  if (text.isWellFormed()) return nul;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) { i += 1; continue; }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return nul;
}

/** `text` with every unpaired surrogate and NUL replaced by U+FFFD (for echoing refused input back, e.g. in a row problem). */
export function storable(text: string): string {
  return unstorableAt(text) < 0 ? text : text.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

export interface Unstorable {
  /** JSON Pointer (RFC 6901) of the string in the value; a key that cannot be stored is shown with U+FFFD. */
  pointer: string;
  /** Index of the first unstorable code unit, and it as `U+XXXX`. */
  index: number;
  char: string;
}

const escapeToken = (key: string): string => storable(key).replaceAll('~', '~0').replaceAll('/', '~1');

/** Every string (value or object key) of a parsed JSON value that cannot be stored, at most `max`; iterative. */
export function findUnstorable(value: unknown, max = 20): Unstorable[] {
  const found: Unstorable[] = [];
  const stack: [unknown, string, string | null][] = [[value, '', null]];
  const note = (text: string, pointer: string): void => {
    const index = unstorableAt(text);
    if (index >= 0) found.push({ pointer, index, char: `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}` });
  };
  while (stack.length > 0 && found.length < max) {
    const [item, pointer, key] = stack.pop()!;
    if (key !== null) note(key, pointer);
    if (typeof item === 'string') note(item, pointer);
    else if (Array.isArray(item)) for (let i = item.length - 1; i >= 0; i -= 1) stack.push([item[i], `${pointer}/${i}`, null]);
    else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [name, child] = entries[i]!;
        stack.push([child, `${pointer}/${escapeToken(name)}`, name]);
      }
    }
  }
  return found.slice(0, max);
}
