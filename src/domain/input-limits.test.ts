import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCsv } from './csv.ts';
import { inventoryCsvRecords } from './capabilities/inventory.ts';
import { checkLimit, columnOfReference, DEFAULT_INPUT_LIMITS, InputLimitExceeded, jsonNestsDeeper, limitValue, LIMIT_NAMES } from './input-limits.ts';

const refusal = (limit: string, max: number) => (error: unknown) => error instanceof InputLimitExceeded && error.limit === limit && error.max === max;

describe('input limits', () => {
  test('every limit has a value and a check that refuses only beyond it', () => {
    for (const name of LIMIT_NAMES) {
      const max = limitValue(DEFAULT_INPUT_LIMITS, name)!;
      assert.ok(Number.isInteger(max) && max > 0, name);
      checkLimit(DEFAULT_INPUT_LIMITS, name, max);
      assert.throws(() => checkLimit(DEFAULT_INPUT_LIMITS, name, max + 1), refusal(name, max));
    }
    checkLimit({}, 'rows', Number.MAX_SAFE_INTEGER); // a limit left out is not checked
  });

  test('JSON nesting depth is found by a linear scan that ignores brackets inside strings', () => {
    assert.equal(jsonNestsDeeper('[[[]]]', 3), false);
    assert.equal(jsonNestsDeeper('[[[[]]]]', 3), true);
    assert.equal(jsonNestsDeeper('{"a":{"b":[1,{"c":2}]}}', 4), false);
    assert.equal(jsonNestsDeeper('{"a":{"b":[1,{"c":2}]}}', 3), true);
    assert.equal(jsonNestsDeeper('["[[[[[[", "\\"[[[[[["]', 1), false, 'brackets in strings (escaped quotes too) do not count');
    assert.equal(jsonNestsDeeper('[]'.repeat(100_000), 1), false, 'siblings are not depth');
    const deep = `${'['.repeat(400_000)}${']'.repeat(400_000)}`;
    const started = process.hrtime.bigint();
    assert.equal(jsonNestsDeeper(deep, 64), true);
    assert.ok(process.hrtime.bigint() - started < 1_000_000_000n, 'stops at the first level beyond the limit');
  });

  test('column letters of a cell reference', () => {
    assert.deepEqual(['A1', 'Z9', 'AA1', 'XFD1048576', 'xfd2', '12', ''].map(columnOfReference), [1, 26, 27, 16384, 16384, null, null]);
    assert.ok(columnOfReference('AAAAAAAAAAAAAAAAAAAA1')! > 16384, 'a long run of letters is beyond any column limit, not wrapped around');
  });

  test('a CSV text read whole is refused beyond rows, columns and cell length', () => {
    const limits = { rows: 3, columns: 4, cellChars: 5 };
    assert.equal(inventoryCsvRecords('a,b\n\nc,d', limits).length, 2, 'a blank line is no record (but a line)');
    assert.throws(() => inventoryCsvRecords('a\nb\nc\nd', limits), refusal('rows', 3));
    assert.throws(() => inventoryCsvRecords('a,b,c,d,e', limits), refusal('columns', 4));
    assert.throws(() => inventoryCsvRecords('a,123456', limits), refusal('cell-chars', 5));
    assert.deepEqual(parseCsv('a,"b,c"\nd,e', limits), { ok: true, records: [{ row: 1, line: 1, cells: ['a', 'b,c'] }, { row: 2, line: 2, cells: ['d', 'e'] }] });
    assert.throws(() => parseCsv('a\nb\nc\nd', limits), refusal('rows', 3));
    assert.throws(() => parseCsv(`${',' .repeat(4)}`, limits), refusal('columns', 4));
    assert.throws(() => parseCsv('"12\n3456"', limits), refusal('cell-chars', 5));
  });
});
