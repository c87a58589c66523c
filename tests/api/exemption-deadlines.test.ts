// Exemption deadlines on both engines: alerts to the holder, the zone's local government and MSS at the configured
// offsets, sent once (the key lives in the database, so a restart sends nothing again), in-app and by e-mail over
// real SMTP on loopback; and the scoped "overdue and due soon" list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '../../src/domain/calendar/civil-date.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { todayInSeoul } from '../../src/server/exemptions/view.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { startMailer } from '../../src/server/notifications/mailer.ts';
import { scanExemptionDeadlines } from '../../src/server/notifications/deadline-scan.ts';
import { asSession, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';
import { startSmtp } from '../support/smtp.ts';
import type { CivilDate } from '../../src/domain/calendar/civil-date.ts';

const INSURANCE = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };

for (const engine of engines()) {
  describe(`exemption deadlines and alerts (${engine})`, () => {
    let t: TestApp;
    let busanZone: string;
    let ulsanZone: string;
    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      const zoneIn = async (region: string) => (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', '=', region).orderBy('zone_id').limit(1).executeTakeFirstOrThrow()).zone_id;
      busanZone = await zoneIn('21');
      ulsanZone = await zoneIn('26');
    });
    after(async () => t.close());

    const fresh = (zoneId: string, holders: string[], validUntil: string, title = '경보 특례') => insertExemption(t.db, {
      kind: 'demonstration_exemption', title: { ko: title }, zoneId, holders, regulationIds: [regulationId({ key: 'drone_bvlos' })], stages: [],
      conditions: { text: { ko: '조건' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: INSURANCE },
      grantedOn: '2025-01-02', validFrom: '2025-01-02', validUntil, state: 'active', demo: false,
    });
    const notices = async (id: string) => t.db.selectFrom('notification').innerJoin('app_user', 'app_user.id', 'notification.user_id')
      .select(['app_user.email as email', 'notification.dedup_key as key']).where('notification.object_id', '=', id).orderBy('notification.dedup_key').orderBy('app_user.email').execute();

    test('alerts at 90, 30 and 7 days before the window closes, to the holder, the zone\'s government and MSS — once, and by e-mail', async () => {
      const id = await fresh(busanZone, [demoId('org:company')], '2029-01-01', '야간 드론 경보 특례');
      // The extension / amendment-request window closes on 2028-11-01 (2 months before expiry, Act Art. 86(10), 87(9)).
      assert.ok(await scanExemptionDeadlines(t.db, { today: '2028-08-02' as CivilDate }) >= 0);
      assert.deepEqual(await notices(id), [], '91 days before: nothing yet');
      assert.ok(await scanExemptionDeadlines(t.db, { today: '2028-08-03' as CivilDate }) > 0);
      const first = await notices(id);
      const emails = [...new Set(first.map((n) => n.email))].sort();
      assert.ok(emails.includes('company@demo.zonelink.kr') && emails.includes('busan@demo.zonelink.kr') && emails.includes('ministry@demo.zonelink.kr'), emails.join());
      assert.ok(!emails.includes('ulsan@demo.zonelink.kr') && !emails.includes('expert@demo.zonelink.kr'));
      assert.ok(first.every((n) => n.key === `exemption:${id}:extension_window:2029-01-01:90`));
      // The same day again, the next day, and after a restart (the keys are in the database): nothing new.
      assert.equal(await scanExemptionDeadlines(t.db, { today: '2028-08-03' as CivilDate }), 0);
      await scanExemptionDeadlines(t.db, { today: '2028-08-04' as CivilDate });
      assert.deepEqual(await notices(id), first);
      await scanExemptionDeadlines(t.db, { today: '2028-10-25' as CivilDate });
      assert.ok((await notices(id)).some((n) => n.key === `exemption:${id}:extension_window:2029-01-01:7`));

      const smtp = await startSmtp();
      const mailer = startMailer({ db: t.db, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'ZoneLink <no-reply@zonelink.test>', intervalMs: 60_000 });
      try {
        while ((await mailer.flush()) > 0) { /* deliver the whole outbox */ }
        // The e-mail is written in the holder's language (ko) when it is sent, with the day as Korean writes it, and
        // links to the exemption.
        const textOf = (data: string): string => {
          const [head = '', ...rest] = data.split(/\r?\n\r?\n/);
          const body = rest.join('\n\n');
          return /Content-Transfer-Encoding: base64/i.test(head) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body.replace(/=\r?\n/g, '');
        };
        const mine = smtp.received.filter((m) => m.to.includes('company@demo.zonelink.kr')).map((m) => textOf(m.data))
          .filter((text) => text.includes(`/exemptions/${id}`) && text.includes('2028년 11월 1일'));
        assert.ok(mine.length >= 1, 'the holder got the alert by e-mail');
      } finally {
        await mailer.stop();
        await smtp.close();
      }
    });

    test('offsets are configurable', async () => {
      const id = await fresh(ulsanZone, [], '2030-03-31');
      // The window closes on 2030-01-31; 60 days before is 2029-12-02.
      await scanExemptionDeadlines(t.db, { today: '2029-12-01' as CivilDate, offsets: [60] });
      assert.deepEqual(await notices(id), []);
      await scanExemptionDeadlines(t.db, { today: '2029-12-02' as CivilDate, offsets: [60] });
      assert.deepEqual([...new Set((await notices(id)).map((n) => n.key))], [`exemption:${id}:extension_window:2030-03-31:60`]);
    });

    test('overdue and due soon, scoped: MSS all, a local government its zones, a company its own; experts none', async () => {
      const today = todayInSeoul();
      const soon = await fresh(busanZone, [demoId('org:company')], addDays(today, 40), '곧 만료');
      const lapsed = await fresh(busanZone, [demoId('org:company')], addDays(today, -40), '보고 지연');
      const elsewhere = await fresh(ulsanZone, [demoId('org:ulsan')], addDays(today, 40), '울산 특례');
      const list = async (s: Session | null, qs = '') => t.app.inject({ method: 'GET', url: `/api/exemption-deadlines${qs}`, headers: s ? asSession(s) : {} });
      const pick = (body: { items: { kind: string; status: string; exemption: { id: string } }[] }) =>
        body.items.filter((i) => [soon, lapsed, elsewhere].includes(i.exemption.id)).map((i) => [i.exemption.id, i.kind, i.status]);

      const company = (await list(await t.login('company@demo.zonelink.kr'))).json();
      assert.equal(company.scope, 'holder');
      assert.deepEqual(pick(company), [[soon, 'extension_window', 'closed'], [lapsed, 'results_report', 'overdue'], [soon, 'expiry', 'due_soon'], [soon, 'results_report', 'due_soon']],
        'a window closed while the term runs is listed, past expiries are not; unreported results are');
      assert.equal(company.closed, 1);
      const busan = (await list(await t.login('busan@demo.zonelink.kr'))).json();
      assert.equal(busan.scope, 'region');
      assert.deepEqual(pick(busan), pick(company));
      const ministry = (await list(await t.login('ministry@demo.zonelink.kr'))).json();
      assert.deepEqual([...new Set(pick(ministry).map((x) => x[0]))].sort(), [lapsed, soon, elsewhere].sort());
      assert.ok(ministry.overdue >= 1 && ministry.dueSoon >= 2);
      const short = (await list(await t.login('ministry@demo.zonelink.kr'), '?horizon=30')).json();
      assert.deepEqual(pick(short).sort(), [[soon, 'extension_window', 'closed'], [elsewhere, 'extension_window', 'closed'], [lapsed, 'results_report', 'overdue']].sort());
      assert.equal((await list(await t.login('expert@demo.zonelink.kr'))).statusCode, 403);
      assert.equal((await list(null)).statusCode, 401);
    });
  });
}
