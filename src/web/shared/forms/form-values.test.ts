import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, nextId, numberText, parseNumber, requiredText, matchOptions } from './form-values.ts';

test('texts: empty translations dropped, nothing written is null, a required text stays present', () => {
  assert.deepEqual(cleanText({ ko: ' 부지 ', en: ' ', ja: 'サイト' }), { ko: '부지', ja: 'サイト' });
  assert.equal(cleanText({ ko: '  ', en: '' }), null);
  assert.equal(cleanText(null), null);
  assert.deepEqual(cleanText({ ko: '', en: 'Site' }), { ko: '', en: 'Site' });
  assert.deepEqual(requiredText({ ko: '' }), { ko: '' });
});

test('numbers typed as text', () => {
  assert.equal(parseNumber(''), null);
  assert.equal(parseNumber('12.5'), 12.5);
  assert.equal(parseNumber('1e3'), 1000);
  assert.equal(parseNumber('abc'), null);
  assert.equal(numberText(null), '');
  assert.equal(numberText(0), '0');
});

test('row ids: the first free number', () => {
  assert.equal(nextId('site', []), 'site-1');
  assert.equal(nextId('site', ['site-1', 'site-3']), 'site-2');
});

test('matchOptions: every word of the search, ignoring case, width and spacing', () => {
  const options = [{ label: '한빛수소모빌리티 (데모 기업)' }, { label: 'Hanbit Hydrogen Mobility' }, { label: '부산 해양 드론' }];
  assert.deepEqual(matchOptions(options, '').length, 3);
  assert.deepEqual(matchOptions(options, '수소').map((o) => o.label), ['한빛수소모빌리티 (데모 기업)']);
  assert.deepEqual(matchOptions(options, '  hydrogen   HANBIT ').map((o) => o.label), ['Hanbit Hydrogen Mobility']);
  assert.deepEqual(matchOptions(options, 'ＨＡＮＢＩＴ').map((o) => o.label), ['Hanbit Hydrogen Mobility'], 'full-width letters');
  assert.deepEqual(matchOptions(options, '부산 트럭'), []);
});
