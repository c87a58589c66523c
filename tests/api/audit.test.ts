import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { verifyAuditLog } from '../../src/server/audit/verify.ts';
import { asSession, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

for (const engine of engines()) {
  describe(`audit log (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    test('every write appends a chained entry that verifies', async () => {
      const s = await t.login('company@demo.zonelink.kr');
      await t.app.inject({ method: 'PATCH', url: '/api/me', headers: asSession(s), payload: { displayName: 'Audit me' } });
      const entries = await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      assert.ok(entries.length >= 3);
      const last = entries[entries.length - 1]!;
      assert.equal(last.action, 'user:update');
      assert.deepEqual(last.after, { displayName: 'Audit me' });
      assert.equal(last.prev_hash, entries[entries.length - 2]!.hash);
      assert.deepEqual(await verifyAuditLog(t.db), { ok: true, checked: entries.length, problems: [] });
    });

    test('concurrent writes keep one unbroken chain', async () => {
      const s = await t.login('busan@demo.zonelink.kr');
      await Promise.all(Array.from({ length: 8 }, (_, i) =>
        t.app.inject({ method: 'PATCH', url: '/api/me', headers: asSession(s), payload: { displayName: `n${i}` } })));
      const result = await verifyAuditLog(t.db);
      assert.equal(result.ok, true);
    });

    test('the database refuses to change or delete entries', async () => {
      await assert.rejects(sql`update audit_log set action = 'x'`.execute(t.db), /append-only/);
      await assert.rejects(sql`delete from audit_log`.execute(t.db), /append-only/);
    });

    test('verify finds a tampered entry', async () => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.db);
      const victim = await t.db.selectFrom('audit_log').select('seq').orderBy('seq').limit(1).offset(1).executeTakeFirstOrThrow();
      await sql`update audit_log set after = '{"forged":true}'::jsonb where seq = ${victim.seq}`.execute(t.db);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.db);
      const result = await verifyAuditLog(t.db);
      assert.equal(result.ok, false);
      assert.deepEqual(result.problems, [{ seq: victim.seq, problem: 'hash-mismatch' }]);
    });

    test('only the ministry reads the audit log', async () => {
      const ministry = await t.login('ministry@demo.zonelink.kr');
      const res = await t.app.inject({ url: '/api/audit?limit=5', headers: { cookie: ministry.cookie } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().items.length, 5);
      const busan = await t.login('busan@demo.zonelink.kr');
      assert.equal((await t.app.inject({ url: '/api/audit', headers: { cookie: busan.cookie } })).statusCode, 403);
    });
  });
}
