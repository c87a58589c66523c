import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorCatalogues } from './errors/index.ts';
import { notificationCatalogues } from './notifications/index.ts';
import { messageArguments } from '../domain/i18n/icu.ts';
import { format, LOCALES, negotiateLocale } from './locales.ts';

const holes = (s: string) => [...messageArguments(s).keys()].sort();

describe('locales', () => {
  test('negotiates Accept-Language by weight and primary subtag', () => {
    const table: [string | undefined, string][] = [
      [undefined, 'ko'], ['', 'ko'], ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'], ['de, en;q=0.5', 'en'], ['zh-Hans-CN', 'zh'],
      ['en;q=0.2, ja;q=0.9', 'ja'], ['de', 'ko'], ['en;q=0', 'ko'], ['*', 'ko'],
    ];
    for (const [header, expected] of table) assert.equal(negotiateLocale(header), expected, String(header));
  });

  test('formats placeholders and leaves unknown ones', () => {
    assert.equal(format('en', '{a} and {b}', { a: 1 }), '1 and {b}');
  });

  test('every notification text exists in every language with the arguments of Korean', () => {
    const walk = (obj: object, prefix = ''): [string, string][] =>
      Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : walk(v as object, `${prefix}${k}.`)));
    const reference = new Map(walk(notificationCatalogues.ko));
    for (const locale of LOCALES) {
      const entries = new Map(walk(notificationCatalogues[locale]));
      assert.deepEqual([...entries.keys()].sort(), [...reference.keys()].sort(), locale);
      for (const [key, text] of entries) assert.deepEqual(holes(text), holes(reference.get(key)!), `${locale}: ${key}`);
    }
  });

  test('every error catalogue has every key, non-empty, with the same placeholders', () => {
    const walk = (obj: object, prefix = ''): [string, string][] =>
      Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : walk(v as object, `${prefix}${k}.`)));
    const reference = new Map(walk(errorCatalogues.ko));
    for (const locale of LOCALES) {
      const entries = new Map(walk(errorCatalogues[locale]));
      assert.deepEqual([...entries.keys()].sort(), [...reference.keys()].sort(), locale);
      for (const [key, text] of entries) {
        assert.ok(text.trim().length > 0, `${locale}: ${key} is empty`);
            assert.deepEqual(holes(text), holes(reference.get(key)!), `${locale}: ${key} placeholders`);
      }
    }
  });
});
