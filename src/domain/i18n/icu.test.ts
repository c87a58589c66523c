import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMessage, messageArguments } from './icu.ts';

test('plural by the language’s rules: English 1 day / 2 days, French 0 and 1 jour / 2 jours', () => {
  const en = '{n, plural, one {# day left} other {# days left}}';
  const fr = '{n, plural, one {# jour restant} other {# jours restants}}';
  assert.deepEqual([1, 2].map((n) => formatMessage('en', en, { n })), ['1 day left', '2 days left']);
  assert.deepEqual([0, 1, 2].map((n) => formatMessage('fr', fr, { n })), ['0 jour restant', '1 jour restant', '2 jours restants']);
});

test('select, numbers and calendar dates formatted for the language (the day does not move with the time zone)', () => {
  assert.equal(formatMessage('fr', '{g, select, f {Elle} other {Il}} a {n, number} voix', { g: 'f', n: 12345 }), 'Elle a 12\u202f345 voix');
  assert.equal(formatMessage('ko', '{d, date, long}', { d: '2026-12-08' }), '2026년 12월 8일');
  assert.equal(formatMessage('en', '{d, date, long}', { d: '2026-01-01' }), '1 January 2026');
});

test('French "de" elides before a vowel ("Partie d’Ulsan", not "Partie de Ulsan"), also inside plural branches', () => {
  assert.equal(formatMessage('fr', 'Partie de {name}', { name: 'Ulsan' }), 'Partie d’Ulsan');
  assert.equal(formatMessage('fr', 'Partie de {name}', { name: 'Busan' }), 'Partie de Busan');
  assert.equal(formatMessage('fr', 'De {name}', { name: 'Incheon' }), 'D’Incheon');
  assert.equal(formatMessage('fr', 'Objectif inférieur de {n}', { n: 8 }), 'Objectif inférieur de 8');
  assert.equal(formatMessage('fr', '{n, plural, one {# zone de {r}} other {# zones de {r}}}', { n: 2, r: 'Eumseong' }), '2 zones d’Eumseong');
  assert.equal(formatMessage('en', 'Part of {name}', { name: 'Ulsan' }), 'Part of Ulsan');
});

test('a value not given stays visible; arguments are listed with their kind', () => {
  assert.equal(formatMessage('en', '{a} and {b}', { a: 1 }), '1 and {b}');
  assert.deepEqual([...messageArguments('{a} {n, plural, one {# {b}} other {# {b}}} {d, date, long}').keys()], ['a', 'n', 'b', 'd']);
});

test('an apostrophe before an argument is a quote mark, not ICU quoting: the argument is filled in', () => {
  const message = "'{action}' is not possible while the plan is '{state}'. Possible now: {allowed}";
  assert.equal(formatMessage('en', message, { action: 'submit', state: 'under review', allowed: 'withdraw' }),
    "'submit' is not possible while the plan is 'under review'. Possible now: withdraw");
  assert.equal(formatMessage('ko', "보고서 {period}은(는) 현재 '{state}' 상태입니다.", { period: '2026-1', state: '제출' }), "보고서 2026-1은(는) 현재 '제출' 상태입니다.");
  assert.deepEqual([...messageArguments(message).keys()], ['action', 'state', 'allowed']);
});
