// Pages of lists (issue 12): a cursor walk shows every row once while rows are added; a forged, foreign or stale
// cursor, a limit beyond the maximum or an unknown parameter is a 400 naming the parameter; the plans, rapid
// confirmations and projects a reader may see are decided in SQL exactly as the policy decides them; every other list
// walks to the same rows as one page. Both engines.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { demoId } from '../../src/db/seed/demo.ts';
import { DEMO_PLAN_ID, seedDemoPlan } from '../../src/db/seed/demo-plan.ts';
import { DEMO_PROJECT_ID, seedDemoDemonstrations } from '../../src/db/seed/demo-demonstrations.ts';
import { seedDemoExemptions, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { decide } from '../../src/domain/auth/policy.ts';
import type { Actor } from '../../src/domain/auth/types.ts';
import { readPage } from '../../src/server/http/pages.ts';
import { loadProject, targetOf } from '../../src/server/demonstrations/store.ts';
import { loadPlan, planTarget } from '../../src/server/plans/store.ts';
import { loadRequest, rapidTarget } from '../../src/server/rapid-confirmations/store.ts';
import { PLAN_LIST } from '../../src/server/plans/page-plans.ts';
import { actorOf, asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

for (const engine of engines()) {
  describe(`list pages (${engine})`, () => {
    let t: TestApp;
    let ministry: Session;
    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      await seedDemoExemptions(t.db);
      await seedDemoPlan(t.db);
      await seedDemoDemonstrations(t.db);
      ministry = await t.login('ministry@demo.zonelink.kr');
      // Plans of other governments, submitted or not, one with the demo expert assigned (rows as the procedure leaves them).
      const expert = await t.db.selectFrom('app_user').select('id').where('email', '=', 'expert@demo.zonelink.kr').executeTakeFirstOrThrow();
      for (const [i, spec] of ([
        { participants: ['26'], submitted: false }, { participants: ['26', '21'], submitted: true }, { participants: ['37020'], submitted: false },
        { participants: ['33', '34'], submitted: true, expert: true }, { participants: ['21010'], submitted: true }, { participants: ['37'], submitted: false },
      ] as { participants: string[]; submitted: boolean; expert?: boolean }[]).entries()) {
        const id = randomUUID();
        await sql`insert into zone_plan select (jsonb_populate_record(p, jsonb_build_object('id', ${id}::uuid, 'lead_region', ${spec.participants[0]}::text,
          'submitted_on', ${spec.submitted ? '2026-09-01' : null}::date, 'created_at', now() - make_interval(mins => ${i})))).* from zone_plan p where p.id = ${DEMO_PLAN_ID}`.execute(t.db);
        for (const [j, code] of spec.participants.entries()) {
          await t.db.insertInto('zone_plan_participant').values({ plan_id: id, region_code: code, role: j === 0 ? 'lead' : 'partner', joined_at: new Date() }).execute();
        }
        await sql`update zone_plan set content = content || jsonb_build_object('leadRegion', ${spec.participants[0]}::text, 'partners', to_jsonb(${spec.participants.slice(1)}::text[])) where id = ${id}`.execute(t.db);
        if (spec.expert) await t.db.insertInto('plan_expert').values({ plan_id: id, expert_user_id: expert.id, assigned_by: null, assigned_on: '2026-09-02' }).execute();
      }
    });
    after(async () => t.close());

    const get = (url: string, s?: Session) => t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'ko', ...(s ? asSession(s) : {}) } });

    /** Copies of a demo exemption granted on the given days (rows straight into the table, as an import would). */
    async function addExemptions(days: string[]): Promise<string[]> {
      const ids = days.map(() => randomUUID());
      for (const [i, day] of days.entries()) {
        await sql`insert into exemption select (jsonb_populate_record(e, jsonb_build_object('id', ${ids[i]}::uuid, 'granted_on', ${day}::date, 'valid_from', ${day}::date, 'valid_until', (${day}::date + 700)))).* from exemption e where e.id = ${demoId('exemption:gyeongbuk-drone')}`.execute(t.db);
      }
      return ids;
    }

    async function walk(first: string, between?: (pageNo: number) => Promise<void>): Promise<string[]> {
      const seen: string[] = [];
      let url: string | null = first;
      for (let pageNo = 0; url !== null; pageNo += 1) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json() as { items: { id: string }[]; next: string | null };
        seen.push(...body.items.map((e) => e.id));
        await between?.(pageNo);
        url = body.next === null ? null : `${first}${first.includes('?') ? '&' : '?'}cursor=${body.next}`;
      }
      return seen;
    }

    test('a walk through the exemptions shows each row once while rows are added before and after the cursor', async () => {
      const existing = await addExemptions(Array.from({ length: 60 }, (_, i) => `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 5)).padStart(2, '0')}`));
      const total = ((await get('/api/exemptions?limit=200')).json() as { items: unknown[] }).items.length;
      const added: string[] = [];
      const seen = await walk('/api/exemptions?limit=7', async (pageNo) => {
        // Newer (already passed) and older (still ahead) grants appear during the walk; same-day ties exercise the id.
        added.push(...await addExemptions([`2030-01-0${1 + (pageNo % 9)}`, `2019-0${1 + (pageNo % 9)}-01`, '2024-03-03']));
      });
      assert.equal(new Set(seen).size, seen.length, 'no row twice');
      for (const id of existing) assert.ok(seen.includes(id), 'every row that existed before the walk is shown');
      assert.ok(seen.length >= total);
    });

    test('filters travel with the cursor; the plans list pages the same way', async () => {
      const all = await walk('/api/exemptions?year=2024&limit=5');
      const once = ((await get('/api/exemptions?year=2024&limit=200')).json() as { items: { id: string }[] }).items.map((e) => e.id);
      assert.deepEqual(all, once);
      const plans = await t.app.inject({ method: 'GET', url: '/api/plans?limit=1', headers: asSession(ministry) });
      assert.equal(plans.statusCode, 200, plans.body);
      assert.equal((plans.json() as { items: unknown[] }).items.length, 1);
    });

    test('a forged, foreign or stale cursor, a limit beyond the maximum or an unknown parameter is a 400 naming it, in the reader’s language', async () => {
      const first = (await get('/api/exemptions?limit=2')).json() as { next: string };
      const [payload, signature] = first.next.split('.') as [string, string];
      const forged = `${Buffer.from(Buffer.from(payload, 'base64url').toString().replace(/"k":\["[^"]+"/, '"k":["2000-01-01"')).toString('base64url')}.${signature}`;
      const foreign = (await get('/api/exemptions?limit=2&year=2025')).json() as { next: string | null };
      const key = await t.app.services.listKey();
      const stale = readPage(PLAN_LIST, {}, {}, key, Date.now() - 25 * 3600_000).nextCursor(['2026-01-01 00:00:00+00', randomUUID()]);
      const cases: [string, RegExp][] = [
        [`/api/exemptions?cursor=${forged}`, /서버가 만든/],
        [`/api/exemptions?cursor=${first.next.slice(0, -2)}xx`, /서버가 만든/],
        [`/api/exemptions?year=2024&cursor=${first.next}`, /다른 목록, 다른 조건/],
        [`/api/zones?cursor=${first.next}`, /다른 목록, 다른 조건/],
        [`/api/plans?cursor=${stale}`, /유효 기간이 지난/],
        ['/api/exemptions?limit=201', /200/],
        ['/api/exemptions?limit=0', /1/],
        ['/api/exemptions?sort=title', /허용된 값이 아닙니다: granted/],
      ];
      if (foreign.next) cases.push([`/api/exemptions?cursor=${foreign.next}`, /다른 목록, 다른 조건/]);
      for (const [url, message] of cases) {
        const res = await get(url, url.startsWith('/api/plans') ? ministry : undefined);
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        const problem = problemOf(res);
        const field = problem.errors?.[0];
        assert.ok(field, url);
        assert.match(field.path, /^\/querystring\/(cursor|limit|sort)$/, url);
        assert.match(field.message, message, `${url}: ${field.message}`);
      }
    });

    /** Every id of a list, page by page, as the session reads it. */
    async function walkAs(session: Session, first: string): Promise<string[]> {
      const shown: string[] = [];
      let url: string | null = first;
      while (url !== null) {
        const res: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({ method: 'GET', url, headers: asSession(session) });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json() as { items: { id?: string; seq?: number }[]; next: string | null };
        shown.push(...body.items.map((p) => String(p.id ?? p.seq)));
        url = body.next === null ? null : `${first}${first.includes('?') ? '&' : '?'}cursor=${body.next}`;
      }
      return shown;
    }

    const READERS = ['ministry@demo.zonelink.kr', 'busan@demo.zonelink.kr', 'ulsan@demo.zonelink.kr', 'company@demo.zonelink.kr', 'expert@demo.zonelink.kr', 'motie@demo.zonelink.kr'];

    test('a reader sees exactly the rapid confirmations and projects the policy lets it read, decided in SQL', async () => {
      const other = randomUUID();
      await t.db.insertInto('organisation').values({ id: other, kind: 'company', name: JSON.stringify({ ko: '다른 기업' }), region_code: null, demo: false }).execute();
      const company = demoId('org:company');
      const motie = demoId('org:motie');
      const zoneIn = async (code: string) => (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', 'like', `${code}%`).orderBy('zone_id').executeTakeFirstOrThrow()).zone_id;
      // Requests of the demo company and of another one, in Busan's, Ulsan's and Gyeongbuk's zones, one addressed to MOTIE.
      for (const [i, spec] of ([
        { company, zone: '21' }, { company: other, zone: '26', ministry: motie }, { company: other, zone: '37' }, { company: other, zone: '21' },
      ] as { company: string; zone: string; ministry?: string }[]).entries()) {
        const id = randomUUID();
        await t.db.insertInto('rapid_confirmation').values({
          id, zone_id: await zoneIn(spec.zone), company_id: spec.company, filed_by: null, activity: JSON.stringify({ ko: `활동 ${i}` }), regulation_ids: JSON.stringify([]),
          ministry_id: spec.ministry ?? null, state: spec.ministry ? 'forwarded' : 'filed', filed_on: `2026-10-0${1 + (i % 2)}`,
        }).execute();
        if (spec.ministry) {
          await t.db.insertInto('rapid_confirmation_reply').values({ request_id: id, organisation_id: spec.ministry, notified_on: '2026-10-03', clock: JSON.stringify({ startedOn: '2026-10-03', days: 30, capDays: null, extension: null, extensionsUsed: 0, pauses: [], rule: 'RFZ Act Art. 85(4)' }) }).execute();
        }
      }
      // Projects led by another company: in Gyeongbuk with a site in Ulsan, and one where the demo company is a partner.
      for (const spec of [{ zone: '37', sites: ['26110'], partners: [] as string[] }, { zone: '37', sites: [], partners: [company] }]) {
        await sql`insert into demonstration_project select (jsonb_populate_record(p, jsonb_build_object('id', ${randomUUID()}::uuid, 'lead_company', ${other}::uuid,
          'zone_id', ${await zoneIn(spec.zone)}::uuid, 'sites', to_jsonb(${spec.sites}::text[]), 'partner_companies', to_jsonb(${spec.partners}::uuid[])))).*
          from demonstration_project p where p.id = ${DEMO_PROJECT_ID}`.execute(t.db);
      }
      const requests = (await t.db.selectFrom('rapid_confirmation').select('id').execute()).map((r) => r.id);
      const projects = (await t.db.selectFrom('demonstration_project').select('id').execute()).map((r) => r.id);
      for (const email of READERS) {
        const session = await t.login(email);
        const actor = await actorOf(t.db, session);
        const expectedRequests: string[] = [];
        for (const id of requests) if (decide(actor, 'rapid-confirmation:read', rapidTarget((await loadRequest(t.db, id))!)).allowed) expectedRequests.push(id);
        const expectedProjects: string[] = [];
        for (const id of projects) if (decide(actor, 'project:read', await targetOf(t.db, (await loadProject(t.db, id))!)).allowed) expectedProjects.push(id);
        assert.deepEqual((await walkAs(session, '/api/rapid-confirmations?limit=1')).sort(), expectedRequests.sort(), `rapid confirmations of ${email}`);
        assert.deepEqual((await walkAs(session, '/api/projects?limit=1')).sort(), expectedProjects.sort(), `projects of ${email}`);
      }
    });

    test('notifications, the audit log, organisations and regulations walk page by page to the rows of one page', async () => {
      const user = await t.db.selectFrom('app_user').select('id').where('email', '=', 'ministry@demo.zonelink.kr').executeTakeFirstOrThrow();
      const at = new Date('2026-11-01T00:00:00Z');
      await t.db.insertInto('notification').values(Array.from({ length: 5 }, (_, i) => ({
        id: randomUUID(), user_id: user.id, kind: 'message', params: JSON.stringify({ subject: `알림 ${i}`, text: '본문' }), link: null, object_type: null, object_id: null, dedup_key: null,
        created_at: i < 3 ? at : new Date(at.getTime() + i * 1000), read_at: null,
      }))).execute();
      for (const [list, max] of [['/api/me/notifications?unread=true', 200], ['/api/audit?', 500], ['/api/organisations?', 500], ['/api/regulations?', 500]] as const) {
        const paged = await walkAs(ministry, `${list}&limit=2`);
        const whole = ((await t.app.inject({ method: 'GET', url: `${list}&limit=${max}`, headers: asSession(ministry) })).json() as { items: { id?: string; seq?: number }[] }).items.map((e) => String(e.id ?? e.seq));
        assert.ok(whole.length >= 3, `${list} has rows to page through`);
        assert.deepEqual(paged, whole, list);
      }
    });

    test('a reader sees exactly the plans the policy lets it read, decided in SQL', async () => {
      const ids = (await t.db.selectFrom('zone_plan').select('id').execute()).map((r) => r.id);
      assert.ok(ids.length > 0, 'demo plans exist');
      for (const email of ['ministry@demo.zonelink.kr', 'busan@demo.zonelink.kr', 'ulsan@demo.zonelink.kr', 'company@demo.zonelink.kr', 'expert@demo.zonelink.kr', 'motie@demo.zonelink.kr']) {
        const session = await t.login(email);
        const row = await t.db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
          .select(['app_user.id', 'app_user.organisation_id', 'app_user.role', 'organisation.kind', 'organisation.region_code'])
          .where('app_user.id', '=', session.userId).executeTakeFirstOrThrow();
        const actor: Actor = { userId: row.id, organisationId: row.organisation_id, orgKind: row.kind, regionCode: row.region_code, role: row.role, tokenScopes: null };
        const expected: string[] = [];
        for (const id of ids) {
          const plan = await loadPlan(t.db, id);
          if (plan && decide(actor, 'plan:read', planTarget(plan)).allowed) expected.push(id);
        }
        const shown: string[] = [];
        let url: string | null = '/api/plans?limit=3';
        while (url !== null) {
          const res: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({ method: 'GET', url, headers: asSession(session) });
          assert.equal(res.statusCode, 200, res.body);
          const body = res.json() as { items: { id: string }[]; next: string | null };
          shown.push(...body.items.map((p) => p.id));
          url = body.next === null ? null : `/api/plans?limit=3&cursor=${body.next}`;
        }
        assert.deepEqual([...shown].sort(), [...expected].sort(), email);
      }
    });
  });
}
