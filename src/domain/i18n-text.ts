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
