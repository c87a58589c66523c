// The one message runtime of ZoneLink, for the server and the browser alike (decision record 0043): ICU
// MessageFormat through FormatJS (`intl-messageformat`) — plural and select by the language's CLDR rules, and
// number and date arguments formatted for the language. Each (language, message) is compiled once. A calendar date
// given as "2026-12-08" to a `date` argument is that day (read in UTC, so no time zone moves it). An argument left
// without a value stays visible as {name}, as the hand-written formatters did. In French, "de" before an argument
// elides before a vowel ("Partie d’Ulsan", "Partie de Busan"): see `elideDe`.
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export type MessageValue = string | number | Date;
export type MessageValues = Readonly<Record<string, MessageValue | undefined>>;

/** BCP 47 tags of the five languages, for plural rules and Intl formats. */
export const INTL_TAG = { ko: 'ko-KR', en: 'en-GB', ja: 'ja-JP', zh: 'zh-CN', fr: 'fr-FR' } as const;
export type MessageLocale = keyof typeof INTL_TAG;

/** Date styles (short, medium, long, full: FormatJS's own) read in UTC, so a civil date stays its day. */
const UTC = { timeZone: 'UTC' } as const;
const FORMATS = { date: { short: UTC, medium: UTC, long: UTC, full: UTC } } as const;
const PARSE = { ignoreTag: true, requiresOtherClause: true } as const;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Compiled { readonly format: IntlMessageFormat; readonly args: ReadonlyMap<string, TYPE> }
const compiled = new Map<string, Compiled>();

/**
 * ZoneLink's messages use the apostrophe as a letter and as a quote mark around values ("the plan is '{state}'"),
 * never as ICU's escape: an apostrophe before a syntax character is doubled (ICU's literal apostrophe), so the
 * argument after it is still filled in.
 */
const LITERAL_APOSTROPHE = /(?<!')'(?=[{}#|])/g;

/** The message's AST (throws a SyntaxError naming the fault on a malformed message). */
export function parseMessage(message: string): MessageFormatElement[] {
  return parse(message.replace(LITERAL_APOSTROPHE, "''"), PARSE);
}

/** Each argument the message reads, with the kind of its first use (argument, number, date, plural, select…). */
export function messageArguments(message: string | MessageFormatElement[]): Map<string, TYPE> {
  const args = new Map<string, TYPE>();
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if (!args.has(el.value)) args.set(el.value, el.type);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(typeof message === 'string' ? parseMessage(message) : message);
  return args;
}

/** The argument that carries the French preposition before `name`: "de " or "d’" by the value's first letter. */
const DE = (name: string): string => `\u0000de\u0000${name}`;
const VOWEL = /^[aeiouâàäéèêëîïôöûüœæ]/i;

/**
 * French: a literal ending in "de " before a plain argument becomes the literal without it and an argument that
 * says "de " or "d’" (capitalised at a sentence's start) for the value given, so place names read "d’Incheon".
 */
function elideDe(elements: MessageFormatElement[]): MessageFormatElement[] {
  const out: MessageFormatElement[] = [];
  elements.forEach((el, i) => {
    const next = elements[i + 1];
    if (el.type === TYPE.literal && next?.type === TYPE.argument) {
      const m = /(^|[\s(«’'])([dD])e $/.exec(el.value);
      if (m) {
        const head = el.value.slice(0, el.value.length - 3);
        if (head !== '') out.push({ ...el, value: head });
        out.push({ type: TYPE.argument, value: `${DE(next.value)}\u0000${m[2]}` });
        return;
      }
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.push({ ...el, options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: elideDe(o.value) }])) });
      return;
    }
    out.push(el);
  });
  return out;
}

function compile(locale: MessageLocale, message: string): Compiled {
  const key = `${locale}\u0000${message}`;
  let entry = compiled.get(key);
  if (!entry) {
    const ast = locale === 'fr' ? elideDe(parseMessage(message)) : parseMessage(message);
    entry = { format: new IntlMessageFormat(ast, INTL_TAG[locale], FORMATS, { ignoreTag: true }), args: messageArguments(ast) };
    compiled.set(key, entry);
  }
  return entry;
}

/** `message` with `values` filled in for `locale`. */
export function formatMessage(locale: MessageLocale, message: string, values: MessageValues = {}): string {
  const { format, args } = compile(locale, message);
  const filled: Record<string, MessageValue> = {};
  for (const [name, type] of args) {
    if (name.startsWith('\u0000de\u0000')) {
      const [, , argument = '', d = 'd'] = name.split('\u0000');
      const value = values[argument];
      filled[name] = typeof value === 'string' && VOWEL.test(value) ? `${d}’` : `${d}e `;
      continue;
    }
    const value = values[name];
    if (value === undefined) filled[name] = type === TYPE.plural ? Number.NaN : `{${name}}`;
    else if ((type === TYPE.date || type === TYPE.time) && typeof value === 'string' && CIVIL_DATE.test(value)) filled[name] = new Date(`${value}T00:00:00Z`);
    else filled[name] = value;
  }
  const out = format.format(filled);
  return typeof out === 'string' ? out : String(out);
}
