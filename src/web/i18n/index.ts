import { ko } from './ko.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';
import { zh } from './zh.ts';
import { fr } from './fr.ts';

export type Lang = 'ko' | 'en' | 'ja' | 'zh' | 'fr';
export type MessageKey = keyof typeof ko;
export type Catalogue = Record<MessageKey, string>;

export const LANGS: readonly Lang[] = ['ko', 'en', 'ja', 'zh', 'fr'];
export const DEFAULT_LANG: Lang = 'ko';

export const catalogues: Record<Lang, Catalogue> = { ko, en, ja, zh, fr };

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

/** Replaces {placeholder} with values; unknown placeholders stay visible. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, vars) => format(catalogue[key] || ko[key], vars);
}

/** Placeholder names used in a message, e.g. ['name', 'status']. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
