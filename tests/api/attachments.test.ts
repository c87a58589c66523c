// Report attachments: type recognised from the bytes, size limit, stored outside the database with a
// checksum verified on download, written atomically, scoped like the project, audited.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'node:http';
import type { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { hashPassword } from '../../src/server/auth/secrets.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const LIMIT = 64 * 1024;
const projectBody = (zoneId: string, partner: string) => ({
  zoneId, title: { ko: '첨부 실증' }, summary: { ko: '요약' }, partnerCompanies: [partner], exemptionIds: [], sites: [], products: [{ ko: '수소 트럭' }],
  periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [], kpis: [{ id: 'trips', name: { ko: '운행 횟수' }, unit: 'trips', target: 1000, frequency: 'quarterly' }],
  safetyPlan: { ko: '안전계획' }, insuranceRequired: false, insurance: null, rules: [],
});
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3), Buffer.from([0xff, 0xd9])]);
const CSV = Buffer.from('기간,운행 횟수\n2026-Q1,312\n');

async function xlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('KPI').addRows([['kpi', 'value'], ['trips', 312]]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function filesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of ['tmp', 'attachments']) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[]);
    out.push(...names.map((n) => `${sub}/${n}`));
  }
  return out.sort();
}

for (const engine of engines()) {
  describe(`report attachments (${engine})`, () => {
    let t: TestApp;
    let company: Session;
    let busan: Session;
    let ulsan: Session;
    let expert: Session;
    let partner: Session;
    let projectId: string;
    let base: string;
    before(async () => {
      t = await startTestApp(engine, { ATTACHMENT_LIMIT_BYTES: String(LIMIT) });
      const partnerOrg = randomUUID();
      await t.db.insertInto('organisation').values({ id: partnerOrg, kind: 'company', name: JSON.stringify({ ko: '협력 기업 (시험)' }), region_code: null, demo: false }).execute();
      await t.db.insertInto('app_user').values({
        id: randomUUID(), email: 'partner@test.zonelink.kr', display_name: '협력 (시험)', password_hash: await hashPassword(DEMO_PASSWORD), organisation_id: partnerOrg, role: 'member', locale: 'ko', demo: false,
      }).execute();
      partner = await t.login('partner@test.zonelink.kr');
      company = await t.login('company@demo.zonelink.kr');
      busan = await t.login('busan@demo.zonelink.kr');
      ulsan = await t.login('ulsan@demo.zonelink.kr');
      expert = await t.login('expert@demo.zonelink.kr');
      const zone = (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id;
      const res = await send(company, 'POST', '/api/projects', projectBody(zone, partnerOrg));
      assert.equal(res.statusCode, 201, res.body);
      projectId = res.json().id;
      base = `/api/projects/${projectId}/reports/1`;
      const filed = await send(company, 'PUT', base, { kpiValues: [{ kpiId: 'trips', value: 312 }], narrative: { ko: '1분기 보고' } });
      assert.equal(filed.statusCode, 200, filed.body);
    });
    after(async () => t.close());

    const send = (s: Session, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: method as 'GET', url, headers: { ...asSession(s), 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    const attach = (body: Buffer | Readable, name: string, contentType = 'application/octet-stream', who = company) =>
      send(who, 'POST', `${base}/attachments?name=${encodeURIComponent(name)}`, body, { 'content-type': contentType });

    test('PDF, PNG, JPEG, CSV and XLSX are recognised from their bytes, whatever the name and declared type', async () => {
      const cases: [Buffer, string, string, string][] = [
        [PDF, '보고서.pdf', 'application/pdf', 'pdf'],
        [PNG, 'photo.pdf', 'application/pdf', 'png'],
        [JPEG, 'scan.png', 'image/png', 'jpeg'],
        [CSV, 'kpi.txt', 'text/plain', 'csv'],
        [await xlsx(), 'kpi.bin', 'application/json', 'xlsx'],
      ];
      for (const [body, name, type, kind] of cases) {
        const res = await attach(body, name, type);
        assert.equal(res.statusCode, 201, `${name}: ${res.body}`);
        const a = res.json();
        assert.equal(a.kind, kind, name);
        assert.equal(a.name, name);
        assert.equal(a.sizeBytes, body.length);
        const file = await readFile(join(t.config.filesDir, 'attachments', a.id));
        assert.deepEqual(file, body, 'stored outside the database, byte for byte');
        const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', a.id).execute();
        assert.deepEqual(audit.map((x) => x.action), ['project:attach']);
      }
      const list = await send(busan, 'GET', `${base}/attachments`);
      assert.equal(list.statusCode, 200);
      assert.deepEqual(list.json().items.map((a: { kind: string }) => a.kind), ['pdf', 'png', 'jpeg', 'csv', 'xlsx']);
      assert.deepEqual((await filesIn(t.config.filesDir)).filter((f) => f.startsWith('tmp/')), [], 'no temporary file left');
    });

    test('downloads stream the bytes with the recognised type, to whoever may read the project only', async () => {
      const a = (await attach(PNG, '드론 "cam".png')).json();
      const res = await send(busan, 'GET', a.href);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'image/png');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="__ cam.png"; filename\*=UTF-8''%EB%93%9C%EB%A1%A0%20cam.png$/);
      assert.deepEqual(res.rawPayload, PNG);
      assert.equal((await send(company, 'GET', a.href)).statusCode, 200);
      for (const other of [ulsan, expert]) {
        assert.equal((await send(other, 'GET', a.href)).statusCode, 403);
        assert.equal((await send(other, 'GET', `${base}/attachments`)).statusCode, 403);
        assert.equal((await attach(PDF, 'x.pdf', 'application/pdf', other)).statusCode, 403);
      }
      assert.equal((await attach(PDF, 'x.pdf', 'application/pdf', busan)).statusCode, 403, 'governments review, companies attach');
      assert.equal((await t.app.inject({ method: 'GET', url: a.href })).statusCode, 401);
    });

    test('a file changed on disk is not served as the original (checksum verified)', async () => {
      const a = (await attach(PDF, 'tampered.pdf')).json();
      const path = join(t.config.filesDir, 'attachments', a.id);
      await writeFile(path, Buffer.from(PDF.toString().replace('Catalog', 'Catalox')));
      const res = await send(company, 'GET', a.href);
      assert.equal(res.statusCode, 500);
      assert.doesNotMatch(res.body, /Catalox/);
      await writeFile(path, PDF);
      assert.equal((await send(company, 'GET', a.href)).statusCode, 200);
    });

    test('wrong types, empty and oversize files are refused (415 / 413 problem+json); nothing is stored', async () => {
      const files = await filesIn(t.config.filesDir);
      const db = await snapshot(t.db);
      const docx = Buffer.from((await xlsx()).toString('latin1').replaceAll('xl/workbook.xml', 'wd/document.xml'), 'latin1');
      const refused: [Buffer, string, number][] = [
        [Buffer.from('MZ\x90\x00 this is a program'), 'report.pdf', 415],
        [docx, 'kpi.xlsx', 415],
        [Buffer.from('just one line of prose without separators\n'), 'notes.csv', 415],
        [Buffer.from([0x00, 0x01, 0x2c, 0x0a]), 'binary.csv', 415],
        [Buffer.alloc(0), 'empty.pdf', 415],
        [Buffer.concat([PDF, Buffer.alloc(LIMIT)]), 'big.pdf', 413],
      ];
      for (const [body, name, status] of refused) {
        const res = await attach(body, name, 'application/pdf');
        assert.equal(res.statusCode, status, `${name}: ${res.body}`);
        const problem = problemOf(res);
        assert.ok(problem.detail.length > 0);
        if (status === 415) assert.equal(problem.code, 'attachment-type');
      }
      // Without Content-Length (chunked, over a real socket), the limit is enforced while streaming.
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      let answered = false;
      const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${address}${base}/attachments?name=stream.pdf`, {
          method: 'POST', headers: { ...asSession(company), 'content-type': 'application/pdf', 'transfer-encoding': 'chunked' },
        }, (res) => {
          let body = '';
          res.on('data', (c) => { body += String(c); });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', (error) => { if (!answered) reject(error); });
        req.on('response', () => { answered = true; });
        req.write(PDF);
        const chunk = Buffer.alloc(8192);
        let sent = 0;
        const pump = () => {
          while (sent < LIMIT * 2) {
            sent += chunk.length;
            if (!req.write(chunk)) { req.once('drain', pump); return; }
          }
          req.end();
        };
        pump();
      });
      assert.equal(streamed.status, 413, streamed.body);
      assert.deepEqual(await filesIn(t.config.filesDir), files, 'no file stored, no temporary file left');
      assert.deepEqual(await snapshot(t.db), db);
      const ko = await send(company, 'POST', `${base}/attachments?name=x`, Buffer.from('MZ'), { 'content-type': 'application/pdf', 'accept-language': 'ko' });
      assert.match(problemOf(ko).detail, /허용/);
    });

    /** Withdraws a file; `null` sends a body without a reason. */
    const remove = (who: Session, href: string, reason: string | null = '잘못 올린 파일', headers: Record<string, string> = {}) =>
      send(who, 'DELETE', href, reason === null ? {} : { reason }, headers);

    test('a file is withdrawn by the company that attached it or the lead company, with a reason; the record stays, the bytes go', async () => {
      const mine = (await attach(PDF, 'partner.pdf', 'application/pdf', partner)).json();
      const leads = (await attach(PNG, 'lead.png')).json();
      assert.equal(mine.canRemove, true);
      const canRemove = async (who: Session) => Object.fromEntries(((await send(who, 'GET', `${base}/attachments`)).json().items as { id: string; canRemove: boolean }[])
        .filter((a) => a.id === mine.id || a.id === leads.id).map((a) => [a.id === mine.id ? 'partner' : 'lead', a.canRemove]));
      assert.deepEqual(await canRemove(partner), { partner: true, lead: false });
      assert.deepEqual(await canRemove(company), { partner: true, lead: true });
      assert.deepEqual(await canRemove(busan), { partner: false, lead: false });
      for (const other of [ulsan, expert, busan]) assert.equal((await remove(other, mine.href)).statusCode, 403);
      assert.equal((await remove(partner, leads.href)).statusCode, 403, 'a partner does not withdraw the lead\'s file');
      assert.equal((await t.app.inject({ method: 'DELETE', url: mine.href, payload: { reason: 'x' } })).statusCode, 401);
      const before = await snapshot(t.db);
      for (const bad of [null, '', '   ', 'a\u0000b', 'x'.repeat(501)]) {
        const res = await remove(partner, mine.href, bad);
        assert.equal(res.statusCode, 400, `${JSON.stringify(bad)}: ${res.body}`);
        assert.ok(problemOf(res).detail.length > 0);
      }
      assert.deepEqual(await snapshot(t.db), before, 'refused withdrawals change nothing');

      const res = await remove(partner, mine.href, ' 개인정보가 담긴 사진 ');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().reason, '개인정보가 담긴 사진');
      assert.equal(res.json().removedBy, partner.userId);
      const row = await t.db.selectFrom('demonstration_attachment').selectAll().where('id', '=', mine.id).executeTakeFirstOrThrow();
      assert.equal(row.removal_reason, '개인정보가 담긴 사진');
      assert.equal(row.removed_by, partner.userId);
      assert.ok(row.removed_at instanceof Date);
      assert.equal(row.sha256, mine.sha256, 'the record keeps what the file was');
      const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('object_id', '=', mine.id).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['project:attach', 'project:remove-attachment']);
      assert.equal(audit[1]!.actor_user_id, partner.userId);
      assert.equal(await readFile(join(t.config.filesDir, 'attachments', mine.id)).catch(() => null), null, 'the stored file is removed after the commit');
      assert.equal((await send(busan, 'GET', mine.href)).statusCode, 404);
      assert.ok(!(await send(busan, 'GET', `${base}/attachments`)).json().items.some((a: { id: string }) => a.id === mine.id), 'no longer listed');
      assert.equal((await remove(partner, mine.href)).statusCode, 404, 'withdrawn once');
      assert.equal((await remove(company, `${base}/attachments/${randomUUID()}`)).statusCode, 404);

      // Sent back with changes requested: still the company's to correct; the lead withdraws a partner's file.
      const second = (await attach(CSV, 'kpi.csv', 'text/csv', partner)).json();
      assert.equal((await send(busan, 'POST', `${base}/review`, { decision: 'request-changes', comment: { ko: '수정 요청' } })).statusCode, 200);
      assert.equal((await remove(company, second.href, '중복 파일')).statusCode, 200);
      assert.equal((await send(company, 'PUT', base, { kpiValues: [{ kpiId: 'trips', value: 313 }], narrative: { ko: '1분기 보고 (수정)' } })).statusCode, 200);
      assert.equal((await remove(company, leads.href, '다시 올림')).statusCode, 200);
    });

    test('attachments go to a filed report that is not yet accepted', async () => {
      assert.equal((await send(company, 'POST', `/api/projects/${projectId}/reports/2/attachments?name=x.pdf`, PDF, { 'content-type': 'application/pdf' })).statusCode, 404);
      const review = await send(busan, 'POST', `${base}/review`, { decision: 'accept', comment: { ko: '확인' } });
      assert.equal(review.statusCode, 200, review.body);
      const res = await attach(PDF, 'late.pdf');
      assert.equal(res.statusCode, 409);
      const kept = (await send(busan, 'GET', `${base}/attachments`)).json().items as { id: string; href: string }[];
      assert.equal(kept.length > 0, true, 'earlier attachments stay readable');
      assert.ok(((await send(company, 'GET', `${base}/attachments`)).json().items as { canRemove: boolean }[]).every((a) => !a.canRemove));
      const before = await snapshot(t.db);
      const refused = await remove(company, kept[0]!.href, '삭제', { 'accept-language': 'ko' });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.match(problemOf(refused).detail, /승인/);
      assert.deepEqual(await snapshot(t.db), before, 'an accepted report\'s files are evidence and stay');
      assert.equal((await send(busan, 'GET', kept[0]!.href)).statusCode, 200);
    });
  });
}
