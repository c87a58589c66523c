// The error file of an upload: every problem (not only the first 100 of the response) downloadable as CSV in the
// reader's language, once the upload is stored in skip-invalid mode or refused; valid rows stored; in scope only.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { errorFileStore, expireRefusedErrorFiles } from '../../src/server/demonstrations/error-file.ts';
import { expireStagedUploads } from '../../src/server/demonstrations/parts.ts';
import { parseCsv } from '../../src/domain/csv.ts';
import { asSession, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

const project = (zoneId: string) => ({
  zoneId, title: { ko: '오류 파일 실증' }, summary: { ko: '요약' }, partnerCompanies: [], exemptionIds: [], sites: [], products: [{ ko: '제품' }],
  periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [], kpis: [], safetyPlan: { ko: '안전계획' }, insuranceRequired: false, insurance: null, rules: [],
});
const INVALID = 250;
const VALID = 30;

for (const engine of engines()) {
  describe(`upload error file (${engine})`, () => {
    let t: TestApp;
    let company: Session;
    let busan: Session;
    let projectId: string;
    before(async () => {
      t = await startTestApp(engine);
      company = await t.login('company@demo.zonelink.kr');
      busan = await t.login('busan@demo.zonelink.kr');
      const zone = (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id;
      const res = await send(company, 'POST', '/api/projects', project(zone));
      assert.equal(res.statusCode, 201, res.body);
      projectId = res.json().id;
    });
    after(async () => t.close());

    const send = (s: Session, method: string, url: string, payload?: string | object, headers: Record<string, string> = {}) =>
      t.app.inject({ method: method as 'GET', url, headers: { ...asSession(s), 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload } : {}) });
    const at = (i: number) => new Date(Date.parse('2026-11-20T00:00:00+09:00') + i * 1000).toISOString();
    /** Even lines 2..2*INVALID (after the header) have a bad speed; the rest are valid. */
    const csv = (): string => {
      const lines = ['ts,deviceId,lon,lat,speed'];
      for (let i = 0; i < INVALID + VALID; i += 1) lines.push(`${at(i)},1,129.0,35.1,${i < INVALID ? 'fast' : '10'}`);
      return lines.join('\n');
    };
    const rowsOf = (body: string) => body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(','));

    test('skip-invalid: valid rows stored, every invalid row in the downloaded file in the reader\'s language', async () => {
      const id = randomUUID();
      const res = await send(company, 'PUT', `/api/projects/${projectId}/uploads/${id}?mode=skip-invalid`, csv(), { 'content-type': 'text/csv' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().rowsStored, VALID);
      assert.equal(res.json().rowsRejected, INVALID);
      assert.equal(res.json().errors.length, 100);
      const stored = await t.db.selectFrom('demonstration_event').select((eb) => eb.fn.countAll<string>().as('n')).where('upload_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(Number(stored.n), VALID);

      const file = await send(busan, 'GET', `/api/projects/${projectId}/uploads/${id}/errors.csv`);
      assert.equal(file.statusCode, 200, file.body);
      assert.match(String(file.headers['content-type']), /^text\/csv/);
      assert.ok(file.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 byte order mark');
      const rows = rowsOf(file.body);
      assert.deepEqual(rows.map((r) => Number(r[0])), Array.from({ length: INVALID }, (_, i) => i + 2));
      assert.ok(rows.every((r) => r[1] === 'speed' && r[2]!.length > 0));
      assert.match(file.body, /^\uFEFFrow,column,problem,line\r\n2,speed,/);
      assert.ok(file.body.includes(`,"${at(0)},1,129.0,35.1,fast"\r\n`), 'the rejected line');
      assert.equal(rows[0]![2], res.json().errors[0].message);

      const korean = await send(company, 'GET', `/api/projects/${projectId}/uploads/${id}/errors.csv`, undefined, { 'accept-language': 'ko' });
      assert.equal(korean.statusCode, 200);
      assert.notEqual(rowsOf(korean.body)[0]![2], rows[0]![2]);
    });

    test('a refused upload keeps its error file until the periodic scan; an upload without problems has none (404)', async () => {
      const refused = randomUUID();
      const res = await send(company, 'PUT', `/api/projects/${projectId}/uploads/${refused}`, csv(), { 'content-type': 'text/csv' });
      assert.equal(res.statusCode, 400);
      const file = await send(company, 'GET', `/api/projects/${projectId}/uploads/${refused}/errors.csv`);
      assert.equal(file.statusCode, 200);
      assert.equal(rowsOf(file.body).length, INVALID);
      const stored = randomUUID();
      assert.equal((await send(company, 'PUT', `/api/projects/${projectId}/uploads/${stored}?mode=skip-invalid`, csv(), { 'content-type': 'text/csv' })).statusCode, 201);
      // The periodic scan removes a refused upload's file once older than the staging TTL; a stored upload's stays.
      assert.equal(await expireRefusedErrorFiles(t.db, errorFileStore(t.config, t.db), 3_600_000), 0);
      assert.equal((await send(company, 'GET', `/api/projects/${projectId}/uploads/${refused}/errors.csv`)).statusCode, 200);
      await expireStagedUploads(t.db, t.config, 3_600_000, Date.now() + 2 * 3_600_000);
      assert.equal((await send(company, 'GET', `/api/projects/${projectId}/uploads/${refused}/errors.csv`)).statusCode, 404);
      assert.equal((await send(company, 'GET', `/api/projects/${projectId}/uploads/${stored}/errors.csv`)).statusCode, 200);

      const clean = randomUUID();
      const ok = await send(company, 'PUT', `/api/projects/${projectId}/uploads/${clean}`, `ts,speed\n${at(1)},10\n`, { 'content-type': 'text/csv' });
      assert.equal(ok.statusCode, 201, ok.body);
      const none = await send(company, 'GET', `/api/projects/${projectId}/uploads/${clean}/errors.csv`);
      assert.equal(none.statusCode, 404);
      assert.match(String(none.headers['content-type']), /^application\/problem\+json/);
    });

    test('formula-leading cells come back neutralised in errors.csv (issue 11, finding 4)', async () => {
      const FORMULA = "=cmd|' /C calc'!A0";
      const cellsOf = async (body: string): Promise<string[][]> => {
        const parsed = parseCsv(body);
        assert.ok(parsed.ok, 'errors.csv is valid RFC 4180');
        return parsed.records.map((r) => r.cells);
      };
      const leading = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
      // A header naming formulas as columns: each is an unknown column, reported with its name and the header line.
      const badHeader = randomUUID();
      const header = `ts,${FORMULA},@SUM(A1:A9),+1+1,-2+3`;
      assert.equal((await send(company, 'PUT', `/api/projects/${projectId}/uploads/${badHeader}`, `${header}\n${at(1)},1,2,3,4\n`, { 'content-type': 'text/csv' })).statusCode, 400);
      const headerFile = await send(company, 'GET', `/api/projects/${projectId}/uploads/${badHeader}/errors.csv`);
      assert.equal(headerFile.statusCode, 200);
      const headerCells = await cellsOf(headerFile.body);
      assert.deepEqual(headerCells.slice(1).map((r) => r[1]), [`'${FORMULA}`, "'@SUM(A1:A9)", "'+1+1", "'-2+3"]);
      // Rows whose first cell is a formula (one behind a tab): the rejected line comes back defused.
      const badCells = randomUUID();
      const body = `ts,speed\n${FORMULA},10\n\t=1+1,10\n`;
      assert.equal((await send(company, 'PUT', `/api/projects/${projectId}/uploads/${badCells}`, body, { 'content-type': 'text/csv' })).statusCode, 400);
      const cellFile = await send(company, 'GET', `/api/projects/${projectId}/uploads/${badCells}/errors.csv`);
      assert.equal(cellFile.statusCode, 200);
      const rows = await cellsOf(cellFile.body);
      assert.deepEqual(rows.slice(1).map((r) => [r[0], r[1], r[3]]), [['2', 'ts', `'${FORMULA},10`], ['3', 'ts', "'\t=1+1,10"]]);
      for (const cell of [...headerCells, ...rows].flat()) assert.doesNotMatch(cell, leading, `live formula cell: ${JSON.stringify(cell)}`);
    });

    test('another company may not read it (403)', async () => {
      const id = randomUUID();
      const res = await send(company, 'PUT', `/api/projects/${projectId}/uploads/${id}?mode=skip-invalid`, csv(), { 'content-type': 'text/csv' });
      assert.equal(res.statusCode, 201, res.body);
      const other = randomUUID();
      const lead = await t.db.selectFrom('demonstration_project').select('lead_company').where('id', '=', projectId).executeTakeFirstOrThrow();
      await t.db.insertInto('organisation').values({ id: other, kind: 'company', name: JSON.stringify({ ko: '다른 기업' }), region_code: null, demo: true }).execute();
      await t.db.updateTable('demonstration_project').set({ lead_company: other }).where('id', '=', projectId).execute();
      try {
        const denied = await send(company, 'GET', `/api/projects/${projectId}/uploads/${id}/errors.csv`);
        assert.equal(denied.statusCode, 403, denied.body);
      } finally {
        await t.db.updateTable('demonstration_project').set({ lead_company: lead.lead_company }).where('id', '=', projectId).execute();
      }
    });
  });
}
