import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, civilDate } from '../../src/domain/calendar/civil-date.ts';
import { dueDate } from '../../src/domain/calendar/clock.ts';
import { scanDeadlines } from '../../src/server/notifications/deadline-scan.ts';
import { calendarOf } from '../../src/server/calendar/provider.ts';
import { loadPlan } from '../../src/server/plans/store.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { planFixtures } from '../support/plans.ts';

const inbox = async (t: TestApp, email: string) => {
  const s = await t.login(email);
  return (await t.app.inject({ url: '/api/me/notifications?limit=200', headers: { cookie: s.cookie, 'accept-language': 'en' } })).json() as { items: { kind: string; title: string; body: string; link: string }[] };
};

for (const engine of engines()) {
  describe(`plan notifications (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    test('each transition notifies the partner government, and the ministry once submitted', async () => {
      const plan = await planFixtures(t).plan('under_review');
      const ulsan = await inbox(t, 'ulsan@demo.zonelink.kr');
      const states = ulsan.items.filter((n) => n.link === `/plans/${plan.id}`).map((n) => n.title.split(': ').pop());
      assert.ok(states.includes('signing_off') && states.includes('submitted') && states.includes('under_review'), String(states));
      const ministry = await inbox(t, 'ministry@demo.zonelink.kr');
      const seen = ministry.items.filter((n) => n.link === `/plans/${plan.id}`).map((n) => n.title.split(': ').pop());
      assert.ok(seen.includes('submitted'), String(seen));
      assert.ok(!seen.includes('signing_off'), 'the ministry is not told about drafting steps');
      // The one who acted is not notified of its own step.
      const busan = await inbox(t, 'busan@demo.zonelink.kr');
      assert.ok(!busan.items.some((n) => n.link === `/plans/${plan.id}` && n.title.endsWith('submitted')));
    });

    test('review deadlines are announced once per offset, and once more when overdue — even when scanned again', async () => {
      const ref = await planFixtures(t).plan('under_review');
      const plan = (await loadPlan(t.db, ref.id))!;
      const due = dueDate(plan.clocks.ministryReply!.state, calendarOf(t.db))!.due;
      const weekBefore = addDays(civilDate(due), -7);
      assert.ok((await scanDeadlines(t.db, { today: weekBefore })) > 0);
      assert.equal(await scanDeadlines(t.db, { today: weekBefore }), 0, 'a second scan on the same day sends nothing');
      assert.equal(await scanDeadlines(t.db, { today: addDays(weekBefore, 1) }), 0, 'still the 7-day notice');
      const motie = await inbox(t, 'motie@demo.zonelink.kr');
      const notices = motie.items.filter((n) => n.link === `/plans/${ref.id}` && n.kind === 'deadline-approaching');
      assert.equal(notices.length, 1);
      assert.match(notices[0]!.title, /^7 days left: .*30-day ministry reply/);
      assert.ok((await scanDeadlines(t.db, { today: addDays(civilDate(due), 1) })) > 0);
      const overdue = (await inbox(t, 'ministry@demo.zonelink.kr')).items.filter((n) => n.link === `/plans/${ref.id}` && n.kind === 'deadline-overdue');
      assert.ok(overdue.length >= 1);
      const outbox = await t.db.selectFrom('email_outbox').select('to_address').where('subject', 'like', '%30-day ministry reply%').execute();
      assert.ok(outbox.some((m) => m.to_address === 'motie@demo.zonelink.kr'));
    });
  });
}
