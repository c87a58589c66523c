// Rapid confirmation (RFZ Act Art. 85; Decree Art. 56) on both engines: a company files, the zone's local government
// forwards, ministries reply or ask for supplements (their clocks pause), the deadline scan records the deemed answer
// "no permit needed" exactly once after the 30 days counted on business rules, disagreement goes to the committee;
// scope 403s and bad input that changes nothing. Dates are relative to today (Asia/Seoul); the scan gets its day.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addDays, type CivilDate } from '../../src/domain/calendar/civil-date.ts';
import { dueDate, type ClockState } from '../../src/domain/calendar/clock.ts';
import { rapidConfirmationClock } from '../../src/domain/exemptions/validity.ts';
import { refreshCalendar } from '../../src/server/calendar/provider.ts';
import { scanDeadlines } from '../../src/server/notifications/deadline-scan.ts';
import { todayInSeoul } from '../../src/server/plans/evaluate.ts';
import { insertRegulation } from '../../src/server/regulations/store.ts';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';
import { insertZone } from '../support/zones.ts';

type Who = 'ministry' | 'busan' | 'ulsan' | 'company' | 'motie' | 'expert';
const today = todayInSeoul();

for (const engine of engines()) {
  describe(`rapid confirmation (${engine})`, () => {
    let t: TestApp;
    let zoneId: string;
    let regulation: string;
    let otherMinistry: string;
    const sessions = new Map<Who, Record<string, string>>();
    before(async () => {
      t = await startTestApp(engine);
      zoneId = await insertZone(t.db, { regions: ['21'], periodStart: addDays(today, -100), periodEnd: addDays(today, 1000) });
      regulation = await insertRegulation(t.db, {
        instrument: 'notice', law: { ko: '신속확인 시험 고시' }, article: 'R1', paragraph: null, ministry: 'MOTIE', ministryName: { ko: '산업통상자원부' },
        title: { ko: '수소 충전 기준' }, body: { ko: '본문' }, effectiveFrom: '2025-01-01', amendments: [],
      }, { demo: false, source: 'platform' });
      otherMinistry = randomUUID();
      await t.db.insertInto('organisation').values({ id: otherMinistry, kind: 'responsible_ministry', name: JSON.stringify({ ko: '환경부 (시험)', en: 'Ministry of Environment (test)' }), region_code: null, ministry_code: 'ME', demo: false }).execute();
    });
    after(async () => t.close());

    async function send(who: Who, method: 'GET' | 'POST', url: string, payload?: unknown, extra: Record<string, string> = {}) {
      if (!sessions.has(who)) sessions.set(who, asSession(await t.login(`${who}@demo.zonelink.kr`)));
      return t.app.inject({ method, url, headers: { ...sessions.get(who)!, ...extra }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    }
    async function ok(who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) {
      const res = await send(who, method, url, payload);
      assert.ok(res.statusCode < 300, `${method} ${url} as ${who}: ${res.statusCode} ${res.body.slice(0, 400)}`);
      return res.json();
    }
    const file = () => ok('company', 'POST', '/api/rapid-confirmations', { zoneId, activity: { ko: '수소 튜브트레일러 도심 운행' }, regulationIds: [regulation], ministryId: null });
    const scan = async (day: CivilDate) => {
      await scanDeadlines(t.db, { today: day, offsets: [] });
      return Number((await t.db.selectFrom('rapid_confirmation_reply').select((eb) => eb.fn.countAll().as('n')).where('deemed', '=', true).executeTakeFirstOrThrow()).n);
    };
    const notices = async (requestId: string) => (await t.db.selectFrom('notification').select('dedup_key').where('object_id', '=', requestId).where('dedup_key', 'like', 'rapid:%:deemed').execute()).length;

    test('filed, forwarded to the ministry of the regulation, silent past 30 business-rule days: exactly one deemed "no permit needed"', async () => {
      const filed = await file();
      assert.equal(filed.state, 'filed');
      const forwarded = await ok('busan', 'POST', `/api/rapid-confirmations/${filed.id}/forward`, { ministryIds: [] });
      assert.equal(forwarded.state, 'forwarded');
      assert.equal(forwarded.replies.length, 1);
      const reply = forwarded.replies[0];
      assert.equal(reply.status, 'pending');
      // The due day is counted by Civil Act Art. 157, 161 on the server's calendar (decision record 0012).
      const due = dueDate(rapidConfirmationClock(today), await refreshCalendar(t.db))!.due;
      assert.equal(reply.due, due);
      assert.ok(due >= addDays(today, 30));
      assert.equal(reply.daysLeft, Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000));

      // The ministry is reminded 7 days before its due day, once (DEFAULT_OFFSETS of the scan).
      const reminders = async () => (await t.db.selectFrom('notification').select('dedup_key').where('object_id', '=', filed.id).where('kind', '=', 'deadline-approaching').execute()).length;
      await scanDeadlines(t.db, { today: addDays(due, -7) });
      await scanDeadlines(t.db, { today: addDays(due, -6) });
      assert.equal(await reminders(), 1);

      const deemedBefore = await scan(due);
      assert.equal(await notices(filed.id), 0, 'nothing is deemed on the last day');
      assert.equal(await scan(addDays(due, 1)), deemedBefore + 1);
      assert.equal(await scan(addDays(due, 1)), deemedBefore + 1, 'a second run records nothing more');
      assert.equal(await scan(addDays(due, 5)), deemedBefore + 1);
      const after = await ok('company', 'GET', `/api/rapid-confirmations/${filed.id}`);
      assert.equal(after.state, 'answered');
      assert.deepEqual([after.replies[0].answer, after.replies[0].deemed, after.replies[0].repliedOn], ['no_permit_needed', true, addDays(due, 1)]);
      const recipients = await t.db.selectFrom('notification').innerJoin('app_user', 'app_user.id', 'notification.user_id').select('app_user.email')
        .where('object_id', '=', filed.id).where('dedup_key', 'like', 'rapid:%:deemed').execute();
      assert.deepEqual(recipients.map((r) => r.email).sort(), ['busan@demo.zonelink.kr', 'company@demo.zonelink.kr', 'ministry@demo.zonelink.kr']);
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', filed.id).execute();
      assert.equal(audit.filter((a) => a.action === 'rapid-confirmation:deemed').length, 1);
    });

    test('a supplement pauses the ministry’s clock; no deemed answer while it is open', async () => {
      const filed = await file();
      await ok('busan', 'POST', `/api/rapid-confirmations/${filed.id}/forward`, { ministryIds: [] });
      const paused = await ok('motie', 'POST', `/api/rapid-confirmations/${filed.id}/supplement-request`, { request: { ko: '안전성 자료를 보완하십시오' } });
      assert.deepEqual([paused.replies[0].paused, paused.replies[0].status, paused.replies[0].due], [true, 'paused', null]);
      const again = await send('motie', 'POST', `/api/rapid-confirmations/${filed.id}/supplement-request`, { request: { ko: '또' } }, { 'accept-language': 'en' });
      assert.equal(again.statusCode, 409);
      assert.match(problemOf(again).detail, /still open/);
      const before = await scan(addDays(today, 200));
      assert.equal((await ok('company', 'GET', `/api/rapid-confirmations/${filed.id}`)).replies[0].deemed, false);
      const resumed = await ok('company', 'POST', `/api/rapid-confirmations/${filed.id}/supplement`, { ministryId: paused.replies[0].organisationId });
      assert.equal(resumed.replies[0].paused, false);
      assert.equal(resumed.replies[0].status, 'pending');
      const answered = await ok('motie', 'POST', `/api/rapid-confirmations/${filed.id}/reply`, { answer: 'permit_needed', rules: { ko: '고압가스 안전관리법 제5조 허가' } });
      assert.deepEqual([answered.state, answered.replies[0].answer], ['answered', 'permit_needed']);
      assert.equal(await scan(addDays(today, 200)), before);
    });

    test('ministries that disagree go to the committee, which MSS records', async () => {
      const filed = await file();
      const forwarded = await ok('busan', 'POST', `/api/rapid-confirmations/${filed.id}/forward`, { ministryIds: [otherMinistry] });
      assert.equal(forwarded.replies.length, 2);
      const replied = await ok('motie', 'POST', `/api/rapid-confirmations/${filed.id}/reply`, { answer: 'permit_needed', rules: { ko: '허가 필요' } });
      assert.equal(replied.state, 'forwarded');
      await scan(addDays(today, 60));
      const committee = await ok('ministry', 'GET', `/api/rapid-confirmations/${filed.id}`);
      assert.equal(committee.state, 'committee');
      assert.ok(committee.committeeDue > addDays(today, 60));
      const decided = await ok('ministry', 'POST', `/api/rapid-confirmations/${filed.id}/decision`, { decision: 'no_permit_needed', note: null });
      assert.deepEqual([decided.state, decided.committeeDecision, decided.decidedOn], ['decided', 'no_permit_needed', today]);
    });

    test('the local government may answer within its own powers', async () => {
      const filed = await file();
      const answered = await ok('busan', 'POST', `/api/rapid-confirmations/${filed.id}/local-answer`, { answer: { ko: '조례상 신고로 충분합니다' } });
      assert.deepEqual([answered.state, answered.replies], ['answered_locally', []]);
    });

    test('scope: the company, the zone’s government, the addressed ministry and MSS see it; others get 403', async () => {
      const filed = await file();
      for (const who of ['ulsan', 'motie', 'expert'] as const) assert.equal((await send(who, 'GET', `/api/rapid-confirmations/${filed.id}`)).statusCode, 403, who);
      assert.equal((await send('ulsan', 'POST', `/api/rapid-confirmations/${filed.id}/forward`, { ministryIds: [] })).statusCode, 403);
      assert.equal((await send('company', 'POST', `/api/rapid-confirmations/${filed.id}/forward`, { ministryIds: [] })).statusCode, 403);
      assert.equal((await send('busan', 'POST', '/api/rapid-confirmations', { zoneId, activity: { ko: '활동' }, regulationIds: [regulation], ministryId: null })).statusCode, 403);
      const ulsanList = await ok('ulsan', 'GET', '/api/rapid-confirmations');
      assert.ok(!ulsanList.items.some((r: { id: string }) => r.id === filed.id));
      assert.ok((await ok('busan', 'GET', '/api/rapid-confirmations')).items.some((r: { id: string }) => r.id === filed.id));
      assert.ok(!(await ok('motie', 'GET', '/api/rapid-confirmations')).items.some((r: { id: string }) => r.id === filed.id), 'not yet addressed to MOTIE');
      await ok('busan', 'POST', `/api/rapid-confirmations/${filed.id}/forward`, { ministryIds: [] });
      assert.equal((await send('motie', 'GET', `/api/rapid-confirmations/${filed.id}`)).statusCode, 200);
      assert.equal((await send('company', 'POST', `/api/rapid-confirmations/${filed.id}/reply`, { answer: 'no_permit_needed', rules: null })).statusCode, 403);
      assert.equal((await send('motie', 'POST', `/api/rapid-confirmations/${filed.id}/decision`, { decision: 'no_permit_needed', note: null })).statusCode, 403);
    });

    test('bad input is refused as localised problem+json and changes nothing', async () => {
      const filed = await file();
      const cases: [Who, string, unknown, number, RegExp][] = [
        ['company', '/api/rapid-confirmations', { zoneId, activity: { ko: '활동' }, regulationIds: [randomUUID()], ministryId: null }, 400, /regulationIds/],
        ['company', '/api/rapid-confirmations', { zoneId: randomUUID(), activity: { ko: '활동' }, regulationIds: [regulation], ministryId: null }, 400, /zoneId/],
        ['company', '/api/rapid-confirmations', { zoneId, activity: { ko: '' }, regulationIds: [], ministryId: null }, 400, /./],
        ['company', '/api/rapid-confirmations', { zoneId, activity: { ko: '활동' }, regulationIds: [regulation], ministryId: (await t.db.selectFrom('organisation').select('id').where('kind', '=', 'company').executeTakeFirstOrThrow()).id }, 400, /ministryId/],
        ['busan', `/api/rapid-confirmations/${filed.id}/forward`, { ministryIds: [randomUUID()] }, 400, /ministryIds/],
        ['busan', `/api/rapid-confirmations/${filed.id}/decision`, { decision: 'permit_needed', note: null }, 403, /./],
        ['ministry', `/api/rapid-confirmations/${filed.id}/decision`, { decision: 'permit_needed', note: null }, 409, /./],
        ['company', `/api/rapid-confirmations/${filed.id}/supplement`, { ministryId: otherMinistry }, 400, /ministryId/],
      ];
      for (const [who, url, payload, status, detail] of cases) {
        const before = await snapshot(t.db);
        const res = await send(who, 'POST', url, payload, { 'accept-language': 'ko' });
        assert.equal(res.statusCode, status, `${url} ${JSON.stringify(payload)}: ${res.body.slice(0, 300)}`);
        assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
        assert.match(res.body, detail);
        assert.deepEqual(await snapshot(t.db), before, `${url} changed nothing`);
      }
      // A reply after the period: the deemed answer stands (Art. 85(5)), said in the reader's language.
      await ok('busan', 'POST', `/api/rapid-confirmations/${filed.id}/forward`, { ministryIds: [] });
      const due = addDays(today, -1);
      await t.db.updateTable('rapid_confirmation_reply').set({ clock: JSON.stringify({ ...(rapidConfirmationClock(addDays(due, -40)) as ClockState) }) }).where('request_id', '=', filed.id).execute();
      const before = await snapshot(t.db);
      const late = await send('motie', 'POST', `/api/rapid-confirmations/${filed.id}/reply`, { answer: 'permit_needed', rules: { ko: '허가' } }, { 'accept-language': 'ko' });
      assert.equal(late.statusCode, 409);
      assert.match(problemOf(late).detail, /허가 등 불필요.*지역특구법 제85조제5항/);
      assert.deepEqual(await snapshot(t.db), before);
    });
  });
}
