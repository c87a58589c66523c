// Administrator-added one-off holidays on both engines: the public list of a year's holidays, add and remove by an
// MSS administrator only, audited, in one transaction with the open deadlines they move (an exemption's results
// report, computed when read; a zone's stored post-management end), and bad input refused without a change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, type CivilDate } from '../../src/domain/calendar/civil-date.ts';
import { createHolidayCalendar } from '../../src/domain/calendar/holidays.ts';
import { postManagementEnd } from '../../src/domain/zones/procedure.ts';
import { regulationId, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { calendarOf } from '../../src/server/calendar/provider.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { todayInSeoul } from '../../src/server/exemptions/view.ts';
import { asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';
import { insertZone } from '../support/zones.ts';

const INSURANCE = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };
const packageOnly = createHolidayCalendar();

/** A future working day (package calendar) at least `days` ahead, whose date 2 years earlier exists (no 29 February). */
function futureWorkingDay(days: number): CivilDate {
  let d = addDays(todayInSeoul(), days);
  while (!packageOnly.isBusinessDay(d) || d.endsWith('-02-29')) d = addDays(d, 1);
  return d;
}

for (const engine of engines()) {
  describe(`one-off holidays (${engine})`, () => {
    let t: TestApp;
    let ministry: Session;
    let busan: Session;
    let motie: Session;
    const holiday = futureWorkingDay(45);
    const nextWorkingDay = (() => { let d = addDays(holiday, 1); while (!packageOnly.isBusinessDay(d)) d = addDays(d, 1); return d; })();
    let exemptionId: string;
    let zoneId: string;

    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      ministry = await t.login('ministry@demo.zonelink.kr');
      busan = await t.login('busan@demo.zonelink.kr');
      motie = await t.login('motie@demo.zonelink.kr');
      // A demonstration exemption whose results report (30 days after expiry, Act Art. 87(11)) falls due on `holiday`.
      const zone = (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').orderBy('zone_id').limit(1).executeTakeFirstOrThrow()).zone_id;
      exemptionId = await insertExemption(t.db, {
        kind: 'demonstration_exemption', title: { ko: '공휴일 특례' }, zoneId: zone, holders: [], regulationIds: [regulationId({ key: 'drone_bvlos' })], stages: [],
        conditions: { text: { ko: '조건' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: INSURANCE },
        grantedOn: '2025-01-02', validFrom: '2025-01-02', validUntil: addDays(holiday, -30), state: 'active', demo: false,
      });
      // A zone in post-management whose 2 years (Act Art. 84(2)) end on `holiday`.
      const endedOn = `${Number(holiday.slice(0, 4)) - 2}${holiday.slice(4)}` as CivilDate;
      assert.equal(postManagementEnd(endedOn, packageOnly), holiday);
      zoneId = await insertZone(t.db, { state: 'post_management', postManagementUntil: holiday });
      await t.db.updateTable('zone').set({ ended_on: endedOn }).where('id', '=', zoneId).execute();
    });
    after(async () => t.close());

    const reportDue = async (): Promise<string | undefined> => {
      const res = await t.app.inject({ method: 'GET', url: `/api/exemptions/${exemptionId}`, headers: { cookie: ministry.cookie } });
      return (res.json() as { lifecycle: { deadlines: { kind: string; due: string }[] } }).lifecycle.deadlines.find((d) => d.kind === 'results_report')?.due;
    };
    const postManagementUntil = async () => (await t.db.selectFrom('zone').select('post_management_until').where('id', '=', zoneId).executeTakeFirstOrThrow()).post_management_until;
    const add = (s: Session, body: unknown) => t.app.inject({ method: 'POST', url: '/api/holidays', headers: { ...asSession(s), 'accept-language': 'en' }, payload: body as object });
    const remove = (s: Session, date: string) => t.app.inject({ method: 'DELETE', url: `/api/holidays/${date}`, headers: { ...asSession(s), 'accept-language': 'en' } });
    const body = (date: string) => ({ date, name: { ko: '임시공휴일', en: 'Temporary public holiday' }, basis: '관보 제20000호 (대통령령)' });

    test('the public list of a year: package holidays with substitutes, no plain Sundays', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/holidays?year=2026' });
      assert.equal(res.statusCode, 200);
      const list = res.json() as { provisional: boolean; items: { date: string; source: string; names: string[] }[] };
      assert.equal(list.provisional, false);
      assert.deepEqual(list.items.find((h) => h.date === '2026-03-02'), { date: '2026-03-02', source: 'package', names: ['대체공휴일(3ㆍ1절)'], added: null, removable: false });
      assert.ok(!list.items.some((h) => h.date === '2026-03-08'), 'a plain Sunday is not listed');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/holidays?year=99' })).statusCode, 400);
    });

    test('a year after the gazetted list comes from the rules and is not provisional; 2051 is (Regulations Art. 2–3)', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/holidays?year=2028' });
      const list = res.json() as { basis: string; provisional: boolean; coverage: { firstYear: number; lastYear: number; gazettedThrough: number }; items: { date: string; names: string[] }[] };
      assert.equal(list.basis, 'rules');
      assert.equal(list.provisional, false);
      assert.equal(list.coverage.lastYear, 2050);
      assert.deepEqual(list.items.find((h) => h.date === '2028-01-27')?.names, ['설날']);
      assert.deepEqual(list.items.find((h) => h.date === '2028-10-05')?.names, ['대체공휴일(추석)']);
      const beyond = (await t.app.inject({ method: 'GET', url: '/api/holidays?year=2051' })).json() as { basis: string; provisional: boolean };
      assert.deepEqual([beyond.basis, beyond.provisional], ['provisional', true]);
    });

    test('only an MSS administrator may add: others get 403 and nothing changes', async () => {
      const before = await snapshot(t.db);
      for (const s of [busan, motie]) {
        const res = await add(s, body(holiday));
        assert.equal(res.statusCode, 403);
        assert.equal(problemOf(res).code, 'forbidden');
      }
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/holidays', payload: body(holiday) })).statusCode, 401);
      assert.deepEqual(await snapshot(t.db), before);
    });

    test('adding a one-off holiday moves the open deadlines that end on it, in one audited transaction', async () => {
      assert.equal(await reportDue(), holiday);
      const res = await add(ministry, body(holiday));
      assert.equal(res.statusCode, 201, res.body);
      const { holiday: added, moved } = res.json() as { holiday: { date: string; basis: string }; moved: { objectType: string; objectId: string; kind: string; before: string; after: string }[] };
      assert.equal(added.date, holiday);
      assert.equal(added.basis, '관보 제20000호 (대통령령)');
      // Civil Act Art. 161: a period ending on a holiday ends on the next working day.
      assert.deepEqual(moved.map((m) => [m.objectType, m.objectId, m.kind, m.before, m.after]).sort(), [
        ['exemption', exemptionId, 'results_report', holiday, nextWorkingDay],
        ['zone', zoneId, 'post_management_end', holiday, nextWorkingDay],
      ]);
      assert.equal(await reportDue(), nextWorkingDay, 'the API computes with the new calendar at once');
      assert.equal(await postManagementUntil(), nextWorkingDay, 'the stored end was recomputed');
      assert.equal(calendarOf(t.db).isBusinessDay(holiday), false);
      const audit = await t.db.selectFrom('audit_log').select(['action', 'object_type', 'object_id', 'after']).where('request_id', '=', String(res.headers['x-request-id'])).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => [a.action, a.object_type]).sort(), [['calendar:deadline-moved', 'exemption'], ['calendar:deadline-moved', 'zone'], ['holiday:add', 'holiday']]);
      const list = (await t.app.inject({ method: 'GET', url: `/api/holidays?year=${holiday.slice(0, 4)}` })).json() as { items: { date: string; source: string; removable: boolean; added: { name: { en: string } } | null }[] };
      const mine = list.items.find((h) => h.date === holiday);
      assert.equal(mine?.source, 'added');
      assert.equal(mine?.removable, true);
      assert.equal(mine?.added?.name.en, 'Temporary public holiday');
    });

    test('bad input is refused with problem+json naming the rule, and changes nothing', async () => {
      const saturday = (() => { let d = addDays(todayInSeoul(), 20); while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 6) d = addDays(d, 1); return d; })();
      const nextYear = Number(todayInSeoul().slice(0, 4)) + 1;
      const cases: [string, unknown, number, RegExp][] = [
        ['the same day again', body(holiday), 409, /already-a-holiday/],
        ['a Saturday', body(saturday), 409, /already-a-holiday/],
        ['a package holiday (New Year)', body(`${nextYear}-01-01`), 409, /already-a-holiday/],
        ['today', body(todayInSeoul()), 400, /holiday-not-in-future/],
        ['a past day', body('2020-03-04'), 400, /holiday-not-in-future/],
        ['an impossible date', body('2027-02-30'), 400, /date/],
        ['no legal basis', { ...body(futureWorkingDay(90)), basis: '   ' }, 400, /basis/],
        ['no Korean name', { ...body(futureWorkingDay(90)), name: { ko: ' ', en: 'x' } }, 400, /name/],
      ];
      for (const [name, payload, status, pattern] of cases) {
        const before = await snapshot(t.db);
        const res = await add(ministry, payload);
        assert.equal(res.statusCode, status, `${name}: ${res.body}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.match(res.body, pattern, name);
        assert.deepEqual(await snapshot(t.db), before, `${name} changed the database`);
      }
      // Removing: a package holiday or an unknown day is not an added holiday (404); a past added day stays (409).
      await t.db.insertInto('extra_holiday').values({ day: '2020-03-04', name: JSON.stringify({ ko: '과거' }), basis: '관보', created_by: null }).execute();
      for (const [date, status] of [[`${nextYear}-01-01`, 404], [futureWorkingDay(120), 404], ['2020-03-04', 409]] as const) {
        const before = await snapshot(t.db);
        const res = await remove(ministry, date);
        assert.equal(res.statusCode, status, `${date}: ${res.body}`);
        assert.deepEqual(await snapshot(t.db), before);
      }
      await t.db.deleteFrom('extra_holiday').where('day', '=', '2020-03-04').execute();
    });

    test('removing it (administrator only) moves the deadlines back, audited', async () => {
      const before = await snapshot(t.db);
      assert.equal((await remove(busan, holiday)).statusCode, 403);
      assert.deepEqual(await snapshot(t.db), before);
      const res = await remove(ministry, holiday);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual((res.json() as { moved: { after: string }[] }).moved.map((m) => m.after), [holiday, holiday]);
      assert.equal(await reportDue(), holiday);
      assert.equal(await postManagementUntil(), holiday);
      const audit = await t.db.selectFrom('audit_log').select('action').where('request_id', '=', String(res.headers['x-request-id'])).execute();
      assert.equal(audit.filter((a) => a.action === 'holiday:remove').length, 1);
      assert.equal(audit.filter((a) => a.action === 'calendar:deadline-moved').length, 2);
    });
  });
}
