import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
  const table: [string, string, string[][]][] = [
    ['plain, LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF, no final break', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['byte order mark dropped', '\uFEFFa,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['quoted comma', 'a\n"x, y"\n', [['a'], ['x, y']]],
    ['quoted doubled quote', 'a\n"say ""hi"""\n', [['a'], ['say "hi"']]],
    ['quoted LF and CRLF kept', 'a,b\n"l1\nl2","m1\r\nm2"\n', [['a', 'b'], ['l1\nl2', 'm1\r\nm2']]],
    ['empty cells', 'a,b,c\n,,\n', [['a', 'b', 'c'], ['', '', '']]],
    ['blank lines skipped', 'a\n\n1\r\n\r\n2\n', [['a'], ['1'], ['2']]],
    ['Korean text', '법률,조\n"규제자유특구법, 시행령",86\n', [['법률', '조'], ['규제자유특구법, 시행령', '86']]],
    ['empty text', '', []],
  ];
  for (const [name, text, cells] of table) {
    test(name, () => {
      const result = parseCsv(text);
      assert.ok(result.ok);
      assert.deepEqual(result.records.map((r) => r.cells), cells);
    });
  }

  test('rows count records, lines count the file (a quoted break is one record)', () => {
    const result = parseCsv('a\n"x\ny"\n\nz\n');
    assert.ok(result.ok);
    assert.deepEqual(result.records.map((r) => [r.row, r.line]), [[1, 1], [2, 2], [3, 5]]);
  });

  const bad: [string, string, number][] = [
    ['quote left open', 'a\n"x\n', 2],
    ['text after a closing quote', 'a\nb\n"x"y\n', 3],
  ];
  for (const [name, text, row] of bad) {
    test(`refused: ${name}`, () => {
      const result = parseCsv(text);
      assert.ok(!result.ok);
      assert.equal(result.row, row);
    });
  }
});
