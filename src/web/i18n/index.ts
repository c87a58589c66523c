import { formatMessage, messageArguments, type MessageValues } from '../../domain/i18n/icu.ts';
import type { ko } from './ko.ts';

export type Lang = 'ko' | 'en' | 'ja' | 'zh' | 'fr';
export type MessageKey = keyof typeof ko;
export type Catalogue = Record<MessageKey, string>;

export const LANGS: readonly Lang[] = ['ko', 'en', 'ja', 'zh', 'fr'];
export const DEFAULT_LANG: Lang = 'ko';

// Each language's catalogue is a chunk of its own, downloaded only when a reader picks that language.
const LOADERS: Record<Lang, () => Promise<Catalogue>> = {
  ko: () => import('./ko.ts').then((m) => m.ko),
  en: () => import('./en.ts').then((m) => m.en),
  ja: () => import('./ja.ts').then((m) => m.ja),
  zh: () => import('./zh.ts').then((m) => m.zh),
  fr: () => import('./fr.ts').then((m) => m.fr),
};
const loading = new Map<Lang, Promise<Catalogue>>();

/** The UI catalogue of `lang`, fetched once (a failed fetch is retried on the next call). */
export function loadCatalogue(lang: Lang): Promise<Catalogue> {
  let pending = loading.get(lang);
  if (!pending) {
    pending = LOADERS[lang]().catch((error: unknown) => {
      loading.delete(lang);
      throw error;
    });
    loading.set(lang, pending);
  }
  return pending;
}

/** Each language named in itself (autonym), as language switchers show them. */
export const AUTONYMS: Record<Lang, string> = {
  ko: '한국어',
  en: 'English',
  ja: '日本語',
  zh: '中文(简体)',
  fr: 'Français',
};

/** BCP 47 tags for Intl formatting. */
export const INTL_LOCALE: Record<Lang, string> = {
  ko: 'ko-KR',
  en: 'en-GB',
  ja: 'ja-JP',
  zh: 'zh-CN',
  fr: 'fr-FR',
};

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The ICU message `template` with `vars` filled in for `lang` (the runtime the server uses too). */
export function format(lang: Lang, template: string, vars: MessageValues = {}): string {
  return formatMessage(lang, template, vars);
}

export type Translate = (key: MessageKey, vars?: MessageValues) => string;

/** Every catalogue has every key (typed, and catalogues.test.ts); the key itself shows if one were ever missing. */
export function translator(catalogue: Catalogue, lang: Lang): Translate {
  return (key, vars) => format(lang, catalogue[key] ?? key, vars);
}

/** Argument names a message reads, e.g. ['count', 'name'] (plural, select, number and date arguments too). */
export function placeholders(message: string): string[] {
  return [...messageArguments(message).keys()].sort();
}
