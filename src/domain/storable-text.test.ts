import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { findUnstorable, storable, unstorableAt } from './storable-text.ts';

describe('storable text', () => {
  test('unpaired surrogates and NUL are found; pairs, other controls and plain text are fine', () => {
    const table: [string, number][] = [
      ['plain 한국어 😀', -1], ['x\ud800', 1], ['\udc00y', 0], ['a\u0000b', 1], ['\ud83d\ude00\ud800', 2], ['\u001b[31m', -1], ['', -1], ['\ude00\ud83d', 0],
    ];
    for (const [text, at] of table) assert.equal(unstorableAt(text), at, JSON.stringify(text));
  });

  test('storable() leaves good text alone and replaces what cannot be stored', () => {
    assert.equal(storable('ok 😀'), 'ok 😀');
    assert.equal(storable('x\ud800\u0000y'), 'x\uFFFD\uFFFDy');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { assert.equal(unstorableAt(storable(s)), -1); }));
  });

  test('every bad string of a JSON value is named by its pointer, keys too', () => {
    const value = { a: ['ok', 'x\ud800'], 'b/c~': { d: 'a\u0000' }, 'k\udc00': 1, n: 3, z: null };
    assert.deepEqual(findUnstorable(value).map((u) => [u.pointer, u.index, u.char]), [
      ['/a/1', 1, 'U+D800'], ['/b~1c~0/d', 1, 'U+0000'], ['/k\uFFFD', 1, 'U+DC00'],
    ]);
    assert.deepEqual(findUnstorable({ ok: ['fine', { deeper: '😀' }] }), []);
    assert.equal(findUnstorable(Array.from({ length: 50 }, () => '\u0000'), 5).length, 5);
  });
});
