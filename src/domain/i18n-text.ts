// Text a user writes, in up to five languages. Korean is required; readers fall back to it.
import { LOCALES, type Locale } from '../i18n/locales.ts';

export type I18nText = { ko: string } & Partial<Record<Exclude<Locale, 'ko'>, string>>;

/** The text in `locale`, or Korean with `fallback: true` when that translation is missing. */
export function pickText(text: I18nText, locale: Locale): { text: string; locale: Locale; fallback: boolean } {
  const wanted = text[locale];
  if (wanted !== undefined && wanted.trim() !== '') return { text: wanted, locale, fallback: false };
  return { text: text.ko, locale: 'ko', fallback: locale !== 'ko' };
}

/** Drops empty translations and keys that are not locales. */
export function normaliseText(text: I18nText): I18nText {
  const out: I18nText = { ko: text.ko.trim() };
  for (const locale of LOCALES) {
    if (locale === 'ko') continue;
    const value = text[locale]?.trim();
    if (value) out[locale] = value;
  }
  return out;
}

/** Parts joined per language ("<project> — <place>"): each part in that language, else in Korean. */
export function joinTexts(separator: string, ...parts: readonly (I18nText | string)[]): I18nText {
  const at = (part: I18nText | string, locale: Locale): string => (typeof part === 'string' ? part : pickText(part, locale).text);
  const out: I18nText = { ko: parts.map((p) => at(p, 'ko')).join(separator) };
  for (const locale of LOCALES) {
    if (locale !== 'ko' && parts.some((p) => typeof p !== 'string' && p[locale])) out[locale] = parts.map((p) => at(p, locale)).join(separator);
  }
  return out;
}

/** Each language's text cut to `length` characters (a notification's subject). */
export function clipText(text: I18nText, length: number): I18nText {
  return Object.fromEntries(Object.entries(text).map(([locale, value]) => [locale, value.slice(0, length)])) as I18nText;
}
