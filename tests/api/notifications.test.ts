import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startMailer, type Mailer } from '../../src/server/notifications/mailer.ts';
import { notify, usersOfRegions } from '../../src/server/notifications/notify.ts';
import { asSession, startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { startSmtp } from '../support/smtp.ts';

for (const engine of engines()) {
  describe(`notifications (${engine})`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let mailer: Mailer;
    before(async () => {
      t = await startTestApp(engine);
      smtp = await startSmtp();
      mailer = startMailer({ db: t.db, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'ZoneLink <no-reply@zonelink.test>', intervalMs: 60_000 });
    });
    after(async () => {
      await mailer.stop();
      await smtp.close();
      await t.close();
    });

    test('a notification shows in-app in the reader’s language and is e-mailed once', async () => {
      const busanUsers = await usersOfRegions(t.db, ['21']);
      assert.equal(busanUsers.length, 1);
      await t.db.updateTable('app_user').set({ locale: 'fr' }).where('id', '=', busanUsers[0]!).execute();
      const params = { subject: 'Plan Busan–Ulsan', days: 7, due: '2027-03-31' };
      const created = await t.db.transaction().execute((trx) => notify(trx, { userIds: busanUsers, kind: 'deadline-approaching', params, dedupKey: 'plan:demo:reply:7', link: '/plans/demo' }));
      assert.equal(created, 1);
      // The same deadline notice again (e.g. after a restart) is not stored or sent twice.
      assert.equal(await t.db.transaction().execute((trx) => notify(trx, { userIds: busanUsers, kind: 'deadline-approaching', params, dedupKey: 'plan:demo:reply:7' })), 0);

      assert.equal(await mailer.flush(), 1);
      assert.equal(await mailer.flush(), 0);
      assert.equal(smtp.received.length, 1);
      assert.deepEqual(smtp.received[0]!.to, ['busan@demo.zonelink.kr']);
      assert.match(smtp.received[0]!.data, /Subject: =\?UTF-8\?Q\?|Subject: \[ZoneLink\] Plus que 7 jours/);
      assert.match(smtp.received[0]!.data, /31 mars =?\r?\n?2027/);

      const busan = await t.login('busan@demo.zonelink.kr');
      const list = (await t.app.inject({ url: '/api/me/notifications', headers: { cookie: busan.cookie, 'accept-language': 'ko' } })).json();
      assert.equal(list.unread, 1);
      assert.equal(list.items[0].title, '기한 7일 전: Plan Busan–Ulsan');
      const read = await t.app.inject({ method: 'POST', url: `/api/me/notifications/${list.items[0].id}/read`, headers: asSession(busan) });
      assert.equal(read.statusCode, 204);
      assert.equal((await t.app.inject({ url: '/api/me/notifications?unread=true', headers: { cookie: busan.cookie } })).json().items.length, 0);
    });

    test('a failed delivery is retried later, not lost', async () => {
      const broken = startMailer({ db: t.db, smtpUrl: 'smtp://127.0.0.1:1', from: 'x@zonelink.test', intervalMs: 60_000 });
      const users = await usersOfRegions(t.db, ['26']);
      await t.db.transaction().execute((trx) => notify(trx, { userIds: users, kind: 'message', params: { subject: 'Hello', text: 'World' } }));
      assert.equal(await broken.flush(), 0);
      await broken.stop();
      const row = await t.db.selectFrom('email_outbox').selectAll().where('to_address', '=', 'ulsan@demo.zonelink.kr').executeTakeFirstOrThrow();
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, 1);
      assert.ok(row.last_error);
      assert.ok(row.next_attempt_at.getTime() > Date.now());
    });
  });
}
