import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvColumnOf, parseRegulationCsv } from './csv.ts';

const HEAD = 'instrument,law_ko,law_en,article,paragraph,ministry,ministry_name_ko,title_ko,title_fr,body_ko,effective_from,amendments';

describe('parseRegulationCsv', () => {
  test('maps columns to import items (translations optional, amendments one a line)', () => {
    const csv = `\uFEFF${HEAD}\r\nact,규제자유특구법,RFZ Act,86,10,MSS,중소벤처기업부,"실증특례, 기간",,"첫 줄\n둘째 줄",2024-04-16,"2024-04-16 Act No. 20236\n2025-01-01 Act No. 1"\n`;
    const { items, issues } = parseRegulationCsv(csv);
    assert.deepEqual(issues, []);
    assert.deepEqual(items, [{
      row: 2,
      item: {
        instrument: 'act', law: { ko: '규제자유특구법', en: 'RFZ Act' }, article: '86', paragraph: '10', ministry: 'MSS', ministryName: { ko: '중소벤처기업부' },
        title: { ko: '실증특례, 기간' }, body: { ko: '첫 줄\n둘째 줄' }, effectiveFrom: '2024-04-16',
        amendments: [{ date: '2024-04-16', act: 'Act No. 20236', note: null }, { date: '2025-01-01', act: 'Act No. 1', note: null }],
      },
    }]);
  });

  const table: [string, string, { row: number; column: string; keyword: string }[]][] = [
    ['empty file', '', [{ row: 1, column: '*', keyword: 'header' }]],
    ['unknown column', `${HEAD},colour\n`, [{ row: 1, column: 'colour', keyword: 'unknown' }]],
    ['repeated column', `${HEAD},article\n`, [{ row: 1, column: 'article', keyword: 'duplicate' }]],
    ['required column missing', 'instrument,law_ko,article,ministry,ministry_name_ko,title_ko,effective_from\n', [{ row: 1, column: 'body_ko', keyword: 'required' }]],
    ['wrong cell count', `${HEAD}\nact,법,,1\n`, [{ row: 2, column: '*', keyword: 'columns' }]],
    ['amendment without act', `${HEAD}\nact,법,,1,,MSS,부,제목,,본문,2024-01-01,2024-02-01\n`, [{ row: 2, column: 'amendments', keyword: 'invalid' }]],
    ['quote left open', `${HEAD}\n"act\n`, [{ row: 2, column: '*', keyword: 'invalid' }]],
  ];
  for (const [name, csv, expected] of table) {
    test(`refused: ${name}`, () => {
      const { items, issues } = parseRegulationCsv(csv);
      assert.deepEqual(issues.map(({ row, column, keyword }) => ({ row, column, keyword })), expected);
      if (expected[0]!.row === 1) assert.deepEqual(items, []);
    });
  }

  test('a pointer into an item names its column', () => {
    assert.deepEqual(['/law/en', '/ministryName/ko', '/title', '/effectiveFrom', '/amendments/1/date', '/article', ''].map(csvColumnOf),
      ['law_en', 'ministry_name_ko', 'title_ko', 'effective_from', 'amendments', 'article', '*']);
  });
});
