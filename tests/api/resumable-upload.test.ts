// Resumable uploads (ADR 0008): a file sent in parts survives a dropped part, resumes from the server's offset,
// is stored exactly once on completion; wrong offsets, checksums and callers change nothing.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { expireStagedUploads } from '../../src/server/demonstrations/parts.ts';
import { stagingStore } from '../../src/server/demonstrations/staged-parts.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';

const rows = Array.from({ length: 300 }, (_, i) => `${new Date(Date.parse('2026-11-20T00:00:00+09:00') + i * 1000).toISOString()},${i % 5},129.0,35.1,${i % 40}`);
const FILE = Buffer.from(['ts,deviceId,lon,lat,speed', ...rows].join('\n'));
const SHA = createHash('sha256').update(FILE).digest('hex');
const third = Math.ceil(FILE.length / 3);
const PARTS = [[0, third], [third, 2 * third], [2 * third, FILE.length]] as const;

// Parts live in the file store: this node's folder (the default) on each engine, and the database's store as well.
const runs = [...engines().map((engine) => ({ engine, store: 'local' })), { engine: engines()[0]!, store: 'database' }];
for (const { engine, store } of runs) {
  describe(`resumable uploads (${engine}, FILE_STORE=${store})`, () => {
    let t: TestApp;
    let company: Session;
    let ulsan: Session;
    let expert: Session;
    let projectId: string;
    before(async () => {
      t = await startTestApp(engine, { FILE_STORE: store });
      company = await t.login('company@demo.zonelink.kr');
      ulsan = await t.login('ulsan@demo.zonelink.kr');
      expert = await t.login('expert@demo.zonelink.kr');
      const zoneId = (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').executeTakeFirstOrThrow()).zone_id;
      const res = await send(company, 'POST', '/api/projects', {
        zoneId, title: { ko: '분할 업로드' }, summary: { ko: '요약' }, partnerCompanies: [], exemptionIds: [], sites: ['21010'], products: [{ ko: '제품' }],
        periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [], kpis: [], safetyPlan: { ko: '안전' }, insuranceRequired: false, insurance: null, rules: [],
      });
      assert.equal(res.statusCode, 201, res.body);
      projectId = res.json().id;
    });
    after(async () => t.close());

    const send = (s: Session, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: method as 'GET', url, headers: { ...asSession(s), 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    const base = (id: string) => `/api/projects/${projectId}/uploads/${id}`;
    const part = (id: string, start: number, end: number, body = FILE.subarray(start, end), who = company) =>
      send(who, 'PUT', `${base(id)}/parts`, body, { 'content-type': 'text/csv', 'content-range': `bytes ${start}-${end - 1}/${FILE.length}` });
    const offset = async (id: string) => (await send(company, 'GET', `${base(id)}/parts`)).json().offset as number;
    const events = async (id: string) => Number((await t.db.selectFrom('demonstration_event').select((eb) => eb.fn.countAll<number>().as('n')).where('upload_id', '=', id).executeTakeFirstOrThrow()).n);

    /** Sends the first `sent` bytes of a part over a real connection, then drops it. */
    async function dropMidPart(id: string, start: number, end: number, sent: number): Promise<void> {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      const req = httpRequest({
        host: '127.0.0.1', port, method: 'PUT', path: `${base(id)}/parts`,
        headers: { ...asSession(company), 'content-type': 'text/csv', 'content-length': String(end - start), 'content-range': `bytes ${start}-${end - 1}/${FILE.length}` },
      });
      req.on('error', () => undefined);
      req.write(FILE.subarray(start, start + sent));
      await once(req, 'socket');
      req.destroy();
    }

    test('three parts, one dropped mid-part and one cut short: resumed from the offset, stored exactly once', async () => {
      const id = randomUUID();
      let res = await part(id, PARTS[0][0], PARTS[0][1]);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().offset, third);
      assert.equal(res.headers['upload-offset'], String(third));
      await dropMidPart(id, PARTS[1][0], PARTS[1][1], 100);
      assert.equal(await offset(id), third);
      // A body shorter than its Content-Range (a proxy cut it): refused, nothing added.
      res = await part(id, PARTS[1][0], PARTS[1][1], FILE.subarray(PARTS[1][0], PARTS[1][0] + 50));
      assert.equal(res.statusCode, 409, res.body);
      assert.match(problemOf(res).detail ?? '', new RegExp(`byte ${third}`));
      const head = await send(company, 'HEAD', `${base(id)}/parts`);
      assert.equal(head.headers['upload-offset'], String(third));
      for (const [start, end] of PARTS.slice(1)) assert.equal((await part(id, start, end)).statusCode, 200);
      assert.equal(await offset(id), FILE.length);
      assert.equal(await events(id), 0);
      res = await send(company, 'POST', `${base(id)}/complete`, { sha256: SHA });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().rowsStored, 300);
      assert.equal(await events(id), 300);
      const left = await stagingStore(t.config, t.db).listOlderThan(new Date(Date.now() + 3_600_000));
      assert.deepEqual(left.filter((f) => f.includes(id)), [], 'no part of the completed upload is left in the store');
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['project:upload']);
      // Completing twice replays; a part after completion is refused.
      res = await send(company, 'POST', `${base(id)}/complete`, {});
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().replayed, true);
      assert.equal(await events(id), 300);
      assert.equal((await part(id, 0, third)).statusCode, 409);
    });

    test('a part at the wrong offset is refused naming the offset, nothing changed; an exact re-send is accepted', async () => {
      const id = randomUUID();
      assert.equal((await part(id, 0, third)).statusCode, 200);
      const before = await snapshot(t.db);
      let res = await part(id, 2 * third, FILE.length);
      assert.equal(res.statusCode, 409);
      assert.equal(res.headers['upload-offset'], String(third));
      assert.match(problemOf(res).detail ?? '', new RegExp(`start at byte ${third}`));
      const changed = Buffer.from(FILE.subarray(0, third));
      changed[5] = 0x21;
      assert.equal((await part(id, 0, third, changed)).statusCode, 409);
      assert.deepEqual(await snapshot(t.db), before);
      res = await part(id, 0, third);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().offset, third);
      res = await send(company, 'POST', `${base(id)}/complete`, {});
      assert.equal(res.statusCode, 409);
      assert.equal(res.headers['upload-offset'], String(third));
      assert.equal((await send(company, 'PUT', `${base(id)}/parts`, 'x', { 'content-type': 'text/csv', 'content-range': 'bytes 5-1/10' })).statusCode, 400);
      assert.equal((await send(company, 'PUT', `${base(id)}/parts`, 'x', { 'content-type': 'text/csv' })).statusCode, 400);
      assert.equal((await send(company, 'PUT', `${base(id)}/parts`, 'x', { 'content-type': 'text/plain', 'content-range': 'bytes 0-0/1' })).statusCode, 415);
      assert.equal((await send(company, 'PUT', `${base(id)}/parts`, 'x', { 'content-type': 'text/csv', 'content-range': `bytes 0-0/${2 ** 30}` })).statusCode, 413);
      assert.deepEqual(await snapshot(t.db), before);
      // A re-send spanning two received parts is checked against both.
      assert.equal((await part(id, third, 2 * third)).statusCode, 200);
      assert.equal((await part(id, third - 10, third + 10)).json().offset, 2 * third);
      const spanning = Buffer.from(FILE.subarray(third - 10, third + 10));
      spanning[15] = 0x21;
      assert.equal((await part(id, third - 10, third + 10, spanning)).statusCode, 409);
    });

    test('a wrong SHA-256 stores nothing; other callers are refused', async () => {
      const id = randomUUID();
      for (const [start, end] of PARTS) assert.equal((await part(id, start, end)).statusCode, 200);
      const before = await snapshot(t.db);
      const res = await send(company, 'POST', `${base(id)}/complete`, { sha256: '0'.repeat(64) });
      assert.equal(res.statusCode, 409, res.body);
      assert.deepEqual(await snapshot(t.db), before);
      assert.equal(await events(id), 0);
      for (const who of [ulsan, expert]) {
        assert.equal((await part(id, 0, third, undefined, who)).statusCode, 403);
        assert.equal((await send(who, 'GET', `${base(id)}/parts`)).statusCode, 403);
        assert.equal((await send(who, 'POST', `${base(id)}/complete`, {})).statusCode, 403);
      }
      assert.deepEqual(await snapshot(t.db), before);
      assert.equal((await send(company, 'GET', `${base(randomUUID())}/parts`)).statusCode, 404);
    });

    test('invalid rows: refused all or nothing, then stored with skip-invalid', async () => {
      // The refused upload's error file is kept by design (officials download it): in the database store, its rows.
      const rows = async () => {
        const all = await snapshot(t.db);
        if (store === 'database') for (const table of ['stored_file', 'stored_file_chunk']) delete all[table];
        return all;
      };
      const id = randomUUID();
      const bad = Buffer.concat([FILE, Buffer.from('\nnot-a-time,1,129,35,1')]);
      const res0 = await send(company, 'PUT', `${base(id)}/parts`, bad, { 'content-type': 'text/csv', 'content-range': `bytes 0-${bad.length - 1}/${bad.length}` });
      assert.equal(res0.statusCode, 200, res0.body);
      const before = await rows();
      let res = await send(company, 'POST', `${base(id)}/complete`, {});
      assert.equal(res.statusCode, 400);
      assert.deepEqual(problemOf(res).errors!.map((e) => e.path), ['/body/row/302/ts']);
      assert.deepEqual(await rows(), before);
      res = await send(company, 'POST', `${base(id)}/complete`, { mode: 'skip-invalid' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().rowsRejected, 1);
      assert.equal(await events(id), 300);
    });

    test('abandoned uploads expire with their stored parts', async () => {
      const id = randomUUID();
      assert.equal((await part(id, 0, third)).statusCode, 200);
      // A stored part no upload names (its row update lost to a crash) goes too, once as old.
      const files = stagingStore(t.config, t.db);
      const orphan = await files.receive(Readable.from([Buffer.from('orphan')]), 100, 0, 0);
      await files.commitFile(orphan, `${projectId}.${randomUUID()}.0.${randomUUID()}`);
      const stored = () => files.listOlderThan(new Date(Date.now() + 3 * 3_600_000));
      assert.equal(await expireStagedUploads(t.db, t.config, 3_600_000), 0);
      assert.ok((await stored()).length >= 2);
      // Two hours on, this one and those the earlier tests left unfinished go.
      assert.ok(await expireStagedUploads(t.db, t.config, 3_600_000, Date.now() + 2 * 3_600_000) >= 1);
      assert.equal(await t.db.selectFrom('demonstration_upload_staging').select('id').executeTakeFirst(), undefined);
      assert.equal((await send(company, 'GET', `${base(id)}/parts`)).statusCode, 404);
      assert.deepEqual(await stored(), []);
    });
  });
}
