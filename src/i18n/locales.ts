// The five languages of ZoneLink and how a request picks one.
import { formatMessage, type MessageValues } from '../domain/i18n/icu.ts';
import { LOCALES } from '../contract/locales.ts';

export { LOCALES };
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ko';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header (RFC 9110 §12.5.4). */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.weight > 0)
    .sort((x, y) => y.weight - x.weight || x.index - y.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/** The ICU message `template` with `params` filled in for `locale` (the one runtime, src/domain/i18n/icu.ts). */
export function format(locale: Locale, template: string, params: MessageValues = {}): string {
  return formatMessage(locale, template, params);
}
