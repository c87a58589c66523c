// One set of input limits for every import (INPUT_MAX_…): an inventory CSV or XLSX, a regulations CSV, a JSON body
// beyond a limit is refused with 413 input-limit naming the limit and its value in the reader's language, and nothing
// is stored; the limits come from the environment.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { DEFAULT_INPUT_LIMITS } from '../../src/domain/input-limits.ts';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { workbook } from '../support/hostile-xlsx.ts';

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('input limits from the environment', () => {
  test('every INPUT_ variable sets its limit; the defaults otherwise; a bad value stops the start', () => {
    assert.deepEqual(loadConfig({}).inputLimits, DEFAULT_INPUT_LIMITS);
    const set = loadConfig({
      INPUT_MAX_UNPACKED_MB: '8', INPUT_MAX_COMPRESSION_RATIO: '50', INPUT_MAX_ZIP_ENTRIES: '20', INPUT_MAX_ROWS: '10', INPUT_MAX_COLUMNS: '6',
      INPUT_MAX_CELL_CHARS: '100', INPUT_MAX_LINE_CHARS: '1000', INPUT_MAX_JSON_DEPTH: '8', INPUT_PARSE_TIME_MS: '500', INPUT_PARSE_MEMORY_MB: '32',
    }).inputLimits;
    assert.deepEqual(set, { unpackedBytes: 8 * 1_048_576, compressionRatio: 50, zipEntries: 20, rows: 10, columns: 6, cellChars: 100, lineChars: 1000, jsonDepth: 8, parseTimeMs: 500, parseMemoryMb: 32 });
    assert.throws(() => loadConfig({ INPUT_MAX_ROWS: '0' }), /INPUT_MAX_ROWS must be a positive integer/);
    assert.throws(() => loadConfig({ INPUT_MAX_JSON_DEPTH: 'deep' }), /INPUT_MAX_JSON_DEPTH must be a positive integer/);
  });
});

for (const engine of engines()) {
  describe(`imports within the input limits (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { INPUT_MAX_ROWS: '5', INPUT_MAX_COLUMNS: '8', INPUT_MAX_CELL_CHARS: '300', INPUT_MAX_JSON_DEPTH: '16' });
    });
    after(async () => t.close());

    const refused = (res: Awaited<ReturnType<TestApp['app']['inject']>>, name: string, max: number) => {
      assert.equal(res.statusCode, 413, res.body);
      const problem = problemOf(res) as ReturnType<typeof problemOf> & { limit: unknown };
      assert.equal(problem.code, 'input-limit');
      assert.deepEqual(problem.limit, { name, max });
      return problem;
    };

    test('an inventory CSV beyond the rows, columns or cell length; the messages in five languages', async () => {
      const busan = await t.login('busan@demo.zonelink.kr');
      const post = (csv: string, lang = 'en') => t.app.inject({ method: 'POST', url: '/api/inventory/import', headers: { ...asSession(busan), 'accept-language': lang }, payload: { csv } });
      const head = 'region_code,kind,key,quantity\n';
      const stored = (await t.app.inject('/api/regions/21010/inventory')).json();
      const rows = refused(await post(`${head}${'21010,stage,logistics,\n'.repeat(5)}`), 'rows', 5);
      assert.equal(rows.detail, 'At most 5 rows are read. Nothing was stored.');
      refused(await post(`${head}21010,stage,logistics,${',x'.repeat(8)}`), 'columns', 8);
      refused(await post(`${head}21010,stage,${'k'.repeat(301)},`), 'cell-chars', 300);
      const details = await Promise.all(['ko', 'ja', 'zh', 'fr'].map(async (lang) => problemOf(await post(`${head}21010,stage,${'k'.repeat(301)},`, lang)).detail));
      assert.deepEqual(details, [
        '셀 하나는 300자를 넘을 수 없습니다. 아무것도 저장되지 않았습니다.',
        '1つのセルは300文字までです。何も保存されていません。',
        '单元格最多 300 个字符。未保存任何内容。',
        'Une cellule peut contenir 300 caractères au plus. Rien n’a été enregistré.',
      ]);
      assert.deepEqual((await t.app.inject('/api/regions/21010/inventory')).json(), stored, 'nothing stored');
      const ok = await post(`${head}21010,stage,logistics,\n21010,capability,port,2`);
      assert.equal(ok.statusCode, 200, ok.body);
    });

    test('an inventory XLSX beyond the rows, columns or cell length', async () => {
      const busan = await t.login('busan@demo.zonelink.kr');
      const post = (file: Buffer) => t.app.inject({ method: 'POST', url: '/api/inventory/import', headers: asSession(busan), payload: { xlsx: file.toString('base64') } });
      refused(await post(workbook(`<row r="6">${cell('A6', '21010')}</row>`)), 'rows', 5);
      refused(await post(workbook(`<row r="2">${cell('I2', 'x')}</row>`)), 'columns', 8);
      refused(await post(workbook(`<row r="2">${cell('A2', 'x'.repeat(301))}</row>`)), 'cell-chars', 300);
      const ok = await post(workbook(`<row r="5">${cell('A5', '21020')}${cell('B5', 'stage')}${cell('C5', 'logistics')}</row>`));
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { regions: ['21020'], rows: 1 });
    });

    test('a regulations CSV beyond the rows or columns; nothing stored', async () => {
      const ministry = await t.login('ministry@demo.zonelink.kr');
      const before = (await t.db.selectFrom('regulation').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
      const post = (csv: string) => t.app.inject({ method: 'POST', url: '/api/regulations/import', headers: { ...asSession(ministry), 'content-type': 'text/csv' }, payload: csv });
      refused(await post('instrument,law_ko\n'.repeat(6)), 'rows', 5);
      refused(await post(`${'a,'.repeat(8)}a\n`), 'columns', 8);
      const after = (await t.db.selectFrom('regulation').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
      assert.equal(after, before);
    });

    test('a JSON body nested deeper than the limit, on any route', async () => {
      const busan = await t.login('busan@demo.zonelink.kr');
      const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
      refused(await t.app.inject({ method: 'POST', url: '/api/inventory/import', headers: { ...asSession(busan), 'content-type': 'application/json' }, payload: deep(17) }), 'json-depth', 16);
      refused(await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...asSession(busan), 'content-type': 'application/json' }, payload: `{"displayName":${deep(400_000)}}` }), 'json-depth', 16);
      const shallow = await t.app.inject({ method: 'POST', url: '/api/inventory/import', headers: { ...asSession(busan), 'content-type': 'application/json' }, payload: deep(16) });
      assert.equal(shallow.statusCode, 400, 'within the limit the body is read and checked as before');
    });
  });
}
