// Work shared by nodes is claimed once (issue 11, finding 7): parallel mailers send each outbox mail once, and
// parallel job runners run a scheduled job once per period; a lapsed lease lets another node take over.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startJobRunner, type Job, type JobRunner } from '../../src/server/jobs/job-runner.ts';
import { claimDueJobs, registerJobs } from '../../src/server/jobs/scheduled-jobs.ts';
import { startMailer } from '../../src/server/notifications/mailer.ts';
import { notify, usersOfKind } from '../../src/server/notifications/notify.ts';
import { openTestDatabase, engines, type TestDatabase } from '../support/db.ts';
import { startSmtp } from '../support/smtp.ts';

for (const engine of engines()) {
  describe(`job queue (${engine})`, () => {
    let t: TestDatabase;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    before(async () => {
      t = await openTestDatabase(engine);
      smtp = await startSmtp();
    });
    after(async () => {
      await smtp.close();
      await t.close();
    });

    test('four mailers flushing at once send each of 24 mails exactly once', async () => {
      const ministry = await usersOfKind(t.db, 'ministry');
      // English mails travel as 7-bit text, so each one's number can be read from the received bytes.
      await t.db.updateTable('app_user').set({ locale: 'en' }).where('id', 'in', ministry).execute();
      for (let i = 0; i < 24; i += 1) {
        await t.db.transaction().execute((trx) => notify(trx, { userIds: ministry, kind: 'deadline-approaching', params: { subject: `mailno${i}x`, due: '2027-01-01', days: 3 } }));
      }
      const mailers = Array.from({ length: 4 }, (_, i) => startMailer({ db: t.db, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'ZoneLink <no-reply@zonelink.test>', intervalMs: 60_000, node: `node-${i}` }));
      try {
        const counts = await Promise.all(mailers.map((m) => m.flush()));
        assert.equal(counts.reduce((a, b) => a + b, 0), 24 * ministry.length);
        assert.deepEqual(await Promise.all(mailers.map((m) => m.flush())), [0, 0, 0, 0]);
      } finally {
        await Promise.all(mailers.map((m) => m.stop()));
      }
      const subjects = smtp.received.map((r) => /mailno\d+x/.exec(r.data)?.[0]);
      assert.equal(smtp.received.length, 24 * ministry.length);
      assert.ok(subjects.every((s) => s !== undefined));
      assert.equal(new Set(subjects.map((s, i) => `${s}:${smtp.received[i]!.to.join()}`)).size, smtp.received.length);
      const rows = await t.db.selectFrom('email_outbox').select(['status', 'attempts', 'leased_by']).execute();
      assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.leased_by === null));
    });

    test('five runners ticking at once run a due job once per period', async () => {
      let runs = 0;
      const job: Job = { name: 'test-once', periodMs: 3_600_000, leaseMs: 60_000, run: async () => { runs += 1; } };
      const runners: JobRunner[] = [];
      for (let i = 0; i < 5; i += 1) runners.push(await startJobRunner({ db: t.db, jobs: [job], pollMs: 3_600_000, node: `runner-${i}` }));
      try {
        const ran = await Promise.all(runners.map((r) => r.tick()));
        assert.equal(runs, 1);
        assert.equal(ran.flat().length, 1);
        await Promise.all(runners.map((r) => r.tick()));
        assert.equal(runs, 1, 'not again within the period');
        // The period has passed: once more, by one of them.
        await sql`update scheduled_job set next_run_at = clock_timestamp() - interval '1 second' where name = 'test-once'`.execute(t.db);
        await Promise.all(runners.map((r) => r.tick()));
        assert.equal(runs, 2);
        const row = await t.db.selectFrom('scheduled_job').selectAll().where('name', '=', 'test-once').executeTakeFirstOrThrow();
        assert.equal(row.runs, 2);
        assert.equal(row.leased_by, null);
        assert.equal(row.next_run_at.getTime() - row.last_started_at!.getTime(), 3_600_000, 'next run one period after the start');
      } finally {
        await Promise.all(runners.map((r) => r.stop()));
      }
    });

    test('a job held by a node that died is taken over once its lease lapses, not before', async () => {
      const job = { name: 'test-lease', periodMs: 1_000, leaseMs: 60_000 };
      let runs = 0;
      const runner = await startJobRunner({ db: t.db, jobs: [{ ...job, run: async () => { runs += 1; } }], pollMs: 3_600_000, node: 'alive' });
      try {
        await registerJobs(t.db, [job]);
        assert.deepEqual(await claimDueJobs(t.db, [job], 'dead'), ['test-lease']);
        await sql`update scheduled_job set next_run_at = clock_timestamp() - interval '1 second' where name = 'test-lease'`.execute(t.db);
        assert.deepEqual(await runner.tick(), [], 'the lease still holds');
        await sql`update scheduled_job set leased_until = clock_timestamp() - interval '1 second' where name = 'test-lease'`.execute(t.db);
        assert.deepEqual(await runner.tick(), ['test-lease']);
        assert.equal(runs, 1);
      } finally {
        await runner.stop();
      }
    });

    test('a failing job records its error, frees its lease and is due again a minute after it started', async () => {
      const runner = await startJobRunner({ db: t.db, jobs: [{ name: 'test-fail', periodMs: 3_600_000, leaseMs: 60_000, run: async () => { throw new Error('scan broke'); } }], pollMs: 3_600_000, node: 'n1' });
      try {
        assert.deepEqual(await runner.tick(), ['test-fail']);
        const row = await t.db.selectFrom('scheduled_job').selectAll().where('name', '=', 'test-fail').executeTakeFirstOrThrow();
        assert.equal(row.last_error, 'scan broke');
        assert.equal(row.leased_by, null);
        const retryIn = row.next_run_at.getTime() - row.last_started_at!.getTime();
        assert.ok(retryIn >= 59_000 && retryIn <= 61_000, `retry after ${retryIn} ms`);
      } finally {
        await runner.stop();
      }
    });
  });
}
