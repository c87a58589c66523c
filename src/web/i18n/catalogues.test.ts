import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ko } from './ko.ts';
import { LANGS, loadCatalogue, placeholders, format, translator, type Catalogue, type Lang } from './index.ts';

const keys = Object.keys(ko) as (keyof typeof ko)[];
const catalogues = Object.fromEntries(await Promise.all(LANGS.map(async (lang) => [lang, await loadCatalogue(lang)]))) as Record<Lang, Catalogue>;

test('the Korean catalogue defines keys', () => {
  assert.ok(keys.length > 50);
});

for (const lang of LANGS) {
  test(`catalogue ${lang} has every key with a non-empty message`, () => {
    const catalogue = catalogues[lang] as Record<string, unknown>;
    const missing = keys.filter((k) => !(k in catalogue));
    assert.deepEqual(missing, [], `${lang}: missing keys`);
    const empty = keys.filter((k) => typeof catalogue[k] !== 'string' || (catalogue[k] as string).trim() === '');
    assert.deepEqual(empty, [], `${lang}: empty messages`);
    const extra = Object.keys(catalogue).filter((k) => !(k in ko));
    assert.deepEqual(extra, [], `${lang}: keys unknown to ko`);
  });

  test(`catalogue ${lang} keeps the placeholders of ko`, () => {
    const catalogue = catalogues[lang];
    for (const key of keys) {
      assert.deepEqual(placeholders(catalogue[key]), placeholders(ko[key]), `${lang}.${key}`);
    }
  });
}

test('non-Korean catalogues are translated, not copies of ko', () => {
  // Brand names and pure placeholders may be identical; most sentences must differ.
  for (const lang of LANGS.filter((l) => l !== 'ko')) {
    const catalogue = catalogues[lang];
    const same = keys.filter((k) => catalogue[k] === ko[k] && /[가-힣]/.test(ko[k]));
    assert.deepEqual(same, [], `${lang}: untranslated Korean messages`);
  }
});

test('format fills placeholders and keeps unknown ones', () => {
  assert.equal(format('en', '{a} and {b}', { a: 1 }), '1 and {b}');
  assert.equal(translator(catalogues.en, 'en')('tokenRevokeLabel', { name: 'ci' }), 'Revoke token ci');
});

test('no "(s)" plurals in English or French: counts use ICU plural (issue 13)', () => {
  for (const lang of ['en', 'fr'] as const) {
    const hedged = keys.filter((k) => /\w\(s\)/.test(catalogues[lang][k]));
    assert.deepEqual(hedged, [], `${lang}: "(s)" plurals`);
  }
  const t = { en: translator(catalogues.en, 'en'), fr: translator(catalogues.fr, 'fr') };
  assert.equal(t.en('dlStatusDueSoon', { days: 1 }), '1 day left');
  assert.equal(t.en('riDone', { count: 2 }), '2 provisions added.');
  assert.equal(t.fr('dlStatusDueSoon', { days: 1 }), '1 jour restant');
  assert.equal(t.fr('hdAdded', { date: '8 décembre 2026', count: 3 }), 'Le 8 décembre 2026 a été ajouté comme jour férié exceptionnel. 3 délais en cours recalculés.');
});

test('French elides "de" before a vowel: "Partie d’Ulsan" (issue 13)', () => {
  const fr = translator(catalogues.fr, 'fr');
  assert.equal(fr('planSectionTitle', { name: 'Ulsan' }), 'Partie d’Ulsan');
  assert.equal(fr('planSectionTitle', { name: 'Busan' }), 'Partie de Busan');
});
