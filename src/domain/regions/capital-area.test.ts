import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCapitalArea } from './capital-area.ts';

test('Seoul, Incheon and Gyeonggi and their municipalities are in the capital area', () => {
  for (const code of ['11', '23', '31', '11010', '11250', '23320', '23310', '31011', '31380']) {
    assert.equal(isCapitalArea(code), true, code);
  }
});

test('other provinces and municipalities are not', () => {
  for (const code of ['21', '25', '29', '32', '39', '21310', '29010', '32360', '39020', '33041']) {
    assert.equal(isCapitalArea(code), false, code);
  }
});

test('malformed codes are rejected, not answered false', () => {
  for (const code of ['', '1', '111', '1101', '110100', 'ab', '11-01', ' 11']) {
    assert.throws(() => isCapitalArea(code), RangeError, JSON.stringify(code));
  }
});
