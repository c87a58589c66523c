import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchRanges, snippet } from './highlight.ts';
import { documentTokens, matches, queryTokens, terms } from './tokenize.ts';

const doc = (...texts: string[]) => new Set(documentTokens(texts));

test('Korean two-syllable words and partial words match through bigrams', () => {
  const d = doc('수소 튜브트레일러 도심 운송 실증특례', '드론배송 비가시권 비행');
  for (const q of ['수소', '드론', '트레일러', '튜브트레', '실증', '운송', '수']) assert.ok(matches(d, queryTokens(q)), q);
  for (const q of ['선박', '의료', '수소선박']) assert.ok(!matches(d, queryTokens(q)), q);
});

test('initial consonants (초성) find Hangul words', () => {
  assert.deepEqual(queryTokens('ㅅㅅ'), ['ㅅㅅ']);
  assert.ok(matches(doc('수소 충전소'), queryTokens('ㅅㅅ')));
  assert.ok(matches(doc('드론'), queryTokens('ㄷㄹ')));
  assert.ok(!matches(doc('드론'), queryTokens('ㅅㅅ')));
});

test('Latin words: lower case, French accents folded, prefixes', () => {
  const d = doc('Remorques à hydrogène en ville', 'Drone flights BEYOND visual line of sight');
  for (const q of ['hydrogene', 'Hydrogène', 'HYDRO', 'drone', 'beyond sight', 'remorque']) assert.ok(matches(d, queryTokens(q)), q);
  assert.ok(!matches(d, queryTokens('ship')));
  assert.ok(!matches(d, queryTokens('rogen')), 'infixes of Latin words do not match');
});

test('Japanese and Chinese through CJK bigrams', () => {
  const d = doc('水素チューブトレーラーの都市輸送', '氢气管束车城区运输');
  for (const q of ['水素', 'トレーラー', '輸送', '氢气', '运输']) assert.ok(matches(d, queryTokens(q)), q);
  assert.ok(!matches(d, queryTokens('船舶')));
});

test('terms split scripts; punctuation only gives no tokens', () => {
  assert.deepEqual(terms('LPG 선박연료!'), [{ kind: 'word', text: 'lpg' }, { kind: 'cjk', text: '선박연료' }]);
  assert.deepEqual(queryTokens('  !!! '), []);
});

test('highlights map back to the original text', () => {
  assert.deepEqual(matchRanges('Remorques à Hydrogène', 'hydrogene'), [[12, 21]]);
  assert.deepEqual(matchRanges('액화수소 드론', '수소 드론'), [[2, 4], [5, 7]]);
  assert.deepEqual(matchRanges('수소 충전', 'ㅅㅅ'), [[0, 2]]);
  const s = snippet(`${'가'.repeat(200)}드론${'나'.repeat(200)}`, '드론', 60);
  assert.equal(s.text.slice(s.highlights[0]![0], s.highlights[0]![1]), '드론');
});
