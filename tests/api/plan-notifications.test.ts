import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, civilDate } from '../../src/domain/calendar/civil-date.ts';
import { dueDate } from '../../src/domain/calendar/clock.ts';
import { scanDeadlines } from '../../src/server/notifications/deadline-scan.ts';
import { mailText } from '../../src/server/notifications/mail-text.ts';
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
      // Named in the reader's language (English here), never the raw state.
      assert.ok(states.includes('signing off') && states.includes('submitted') && states.includes('under review'), String(states));
      const ministry = await inbox(t, 'ministry@demo.zonelink.kr');
      const seen = ministry.items.filter((n) => n.link === `/plans/${plan.id}`).map((n) => n.title.split(': ').pop());
      assert.ok(seen.includes('submitted'), String(seen));
      assert.ok(!seen.includes('signing off'), 'the ministry is not told about drafting steps');
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
      // The mail stores no sentence: it is rendered in the recipient's language when sent (motie reads Korean).
      const mails = await t.db.selectFrom('email_outbox').selectAll().where('to_address', '=', 'motie@demo.zonelink.kr').execute();
      const texts = await Promise.all(mails.map((m) => mailText(t.db, m)));
      assert.ok(mails.every((m) => m.subject === null && m.body === null));
      assert.ok(texts.some((m) => /부처의 30일 이내 의견 회신\(지역특구법 제75조제2항\)/.test(m.subject)), texts.map((m) => m.subject).join('\n'));
    });
  });
}
