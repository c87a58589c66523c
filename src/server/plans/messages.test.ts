// Plan violation texts exist in all five languages with the same placeholders, and a Japanese,
// Chinese or French reader gets them in their language (not the English fallback).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOCALES } from '../../i18n/locales.ts';
import { VIOLATIONS, violationMessage } from './messages.ts';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('plan violation texts', () => {
  test('every code in every language, with the same placeholders as English', () => {
    for (const locale of LOCALES) {
      assert.deepEqual(Object.keys(VIOLATIONS[locale]).sort(), Object.keys(VIOLATIONS.en).sort(), locale);
      for (const [code, text] of Object.entries(VIOLATIONS.en)) assert.deepEqual(holes(VIOLATIONS[locale][code]!), holes(text), `${locale} ${code}`);
    }
  });

  test('worded in the reader\'s language; code and article kept', () => {
    const v = { code: 'quorum-not-present', rule: 'Decree Art. 50', params: { members: 40, present: 10 } };
    const expected: Record<string, RegExp> = { ko: /과반수/, en: /majority/, ja: /過半数/, zh: /过半数/, fr: /majorité/ };
    for (const locale of LOCALES) {
      const m = violationMessage(locale, v);
      assert.match(m, expected[locale]!, locale);
      assert.match(m, /^quorum-not-present: .*\[Decree Art\. 50\]$/);
    }
  });
});
