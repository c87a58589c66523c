import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api.ts';
import { bodyPointer, controlId, errorAt, fieldErrorMap, fieldSentence } from './form-errors.ts';

test('problem paths become pointers inside the body', () => {
  assert.equal(bodyPointer('/body/sites/0/name/ko'), '/sites/0/name/ko');
  assert.equal(bodyPointer('body.sites[0].name'), '/sites/0/name');
  assert.equal(bodyPointer('/body'), '/');
  assert.equal(bodyPointer('/headers/if-match'), '/headers/if-match');
  assert.equal(bodyPointer('/bodyguard'), '/bodyguard');
});

test('field errors by pointer; the first message of a repeated path wins', () => {
  const error = new ApiError({
    status: 400,
    errors: [
      { path: '/body/sites/0/name/ko', message: 'required' },
      { path: '/body/sites/0/name/ko', message: 'second' },
      { path: '/body/budget/1', message: 'duplicate' },
    ],
  });
  const map = fieldErrorMap(error);
  assert.equal(map.get('/sites/0/name/ko'), 'required');
  assert.equal(map.get('/budget/1'), 'duplicate');
  assert.equal(map.size, 2);
  assert.equal(fieldErrorMap(new Error('x')).size, 0);
  assert.equal(errorAt(map, '/sites/0/name'), undefined);
  assert.equal(errorAt(map, '/sites/0/name', true), 'required');
  assert.equal(errorAt(map, '/sites/0', true), 'required');
  assert.equal(errorAt(map, '/sites/1', true), undefined);
});

test('control ids are derived from pointers', () => {
  assert.equal(controlId('ps-21', '/sites/0/name/ko'), 'ps-21-sites-0-name-ko');
  assert.equal(controlId('pc', '/'), 'pc');
});

test('a field error outside its field is a sentence, after the field\'s name when known, never a pointer', () => {
  assert.equal(fieldSentence('/body/reason/ko', '필수 항목입니다.', { reason: '사유' }), '사유: 필수 항목입니다.');
  assert.equal(fieldSentence('/body/conditions', '필수 항목입니다.', {}), '필수 항목입니다.');
});
