// Light stemming (issue 15, item 7; docs/decisions/0014-light-stemming.md): plurals and common inflections in
// English and French meet their base forms, short words and other scripts are left alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stemEnglish, stemFrench } from './stem.ts';
import { documentTokens, matches, queryTokens } from './tokenize.ts';
import { matchRanges } from './highlight.ts';

test('English: each inflected form has the stem of its base form', () => {
  const rows: [string, string][] = [
    ['drones', 'drone'], ['ships', 'ship'], ['vehicles', 'vehicle'], ['batteries', 'battery'], ['charges', 'charge'],
    ['charging', 'charge'], ['charged', 'charge'], ['tested', 'test'], ['testing', 'test'], ['shipping', 'ship'],
    ['boxes', 'box'], ['batches', 'batch'], ['applies', 'apply'], ['applied', 'apply'], ['trailers', 'trailer'],
  ];
  for (const [inflected, base] of rows) assert.equal(stemEnglish(inflected), stemEnglish(base), `${inflected} / ${base}`);
});

test('French: plurals, -aux, feminine and participle forms have the stem of their base form', () => {
  const rows: [string, string][] = [
    ['remorques', 'remorque'], ['drones', 'drone'], ['navires', 'navire'], ['chevaux', 'cheval'], ['bateaux', 'bateau'],
    ['regionaux', 'regional'], ['regionale', 'regional'], ['autorisees', 'autorise'], ['autoriser', 'autorise'], ['feux', 'feu'],
  ];
  for (const [inflected, base] of rows) assert.equal(stemFrench(inflected), stemFrench(base), `${inflected} / ${base}`);
});

test('short words and words that only look inflected stay as they are', () => {
  for (const w of ['gas', 'bus', 'status', 'analysis', 'class', 'need', 'speed', 'lpg', 'ess']) assert.equal(stemEnglish(w), w, w);
  for (const w of ['prix', 'mer', 'hiver', 'gaz', 'bus']) assert.equal(stemFrench(w), w, w);
});

test('inflected queries find base forms and base queries find inflected forms, per reader language', () => {
  const doc = (...texts: string[]) => new Set(documentTokens(texts));
  const rows: [query: string, language: 'en' | 'fr', text: string][] = [
    ['drones', 'en', 'Drone flights beyond visual line of sight'],
    ['drone', 'en', 'Delivery drones over the sea'],
    ['charging stations', 'en', 'Mobile LNG charge station'],
    ['tested vehicles', 'en', 'Vehicle testing on public roads'],
    ['batteries', 'en', 'Next-generation battery recycling'],
    ['remorques', 'fr', "Remorque à hydrogène en ville"],
    ['navires autonomes', 'fr', 'Navire autonome côtier'],
    ['véhicules électriques', 'fr', 'Véhicule électrique de livraison'],
    ['bateaux', 'fr', 'Bateau de pêche en PEHD'],
  ];
  for (const [query, language, text] of rows) assert.ok(matches(doc(text), queryTokens(query, language)), `${query} (${language}) in "${text}"`);
  assert.ok(!matches(doc('Unmanned ships'), queryTokens('drones', 'en')));
  assert.ok(!matches(doc('Next-generation battery recycling'), queryTokens('batch', 'en')));
});

test('a stemmed query word is highlighted whole', () => {
  assert.deepEqual(matchRanges('Drone flights', 'drones'), [[0, 5]]);
  assert.deepEqual(matchRanges('Recycling of batteries', 'battery'), [[13, 22]]);
});
