// Pages of the remaining lists (issue 12; docs/decisions/0049-pages-everywhere.md): evidence packs, saved planning
// requests, experts, and the plans in their other orders. A cursor walk shows every row once while rows are added; the evidence packs a reader sees are
// decided in SQL exactly as the policy's `project:evidence` decides them; a planning request of another organisation
// is never shown; a bad cursor, limit or sort is a 400 naming the parameter. Both engines.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { demoId } from '../../src/db/seed/demo.ts';
import { DEMO_PROJECT_ID, seedDemoDemonstrations } from '../../src/db/seed/demo-demonstrations.ts';
import { DEMO_PLAN_ID, seedDemoPlan } from '../../src/db/seed/demo-plan.ts';
import { seedDemoExemptions, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { decide } from '../../src/domain/auth/policy.ts';
import { evidenceTargetOf, loadProject } from '../../src/server/demonstrations/store.ts';
import { insertRegulation } from '../../src/server/regulations/store.ts';
import { actorOf, asSession, problemOf, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { engines } from '../support/db.ts';

const READERS = ['ministry@demo.zonelink.kr', 'busan@demo.zonelink.kr', 'ulsan@demo.zonelink.kr', 'company@demo.zonelink.kr', 'expert@demo.zonelink.kr', 'motie@demo.zonelink.kr'];

for (const engine of engines()) {
  describe(`more list pages (${engine})`, () => {
    let t: TestApp;
    let ministry: Session;
    before(async () => {
      t = await startTestApp(engine);
      await seedReferenceRegulations(t.db);
      await seedDemoExemptions(t.db);
      await seedDemoDemonstrations(t.db);
      ministry = await t.login('ministry@demo.zonelink.kr');
    });
    after(async () => t.close());

    /** Every id of a list, page by page, as the session reads it; `between` runs after each page. */
    async function walkAs(session: Session, first: string, idOf: (row: Record<string, unknown>) => string, between?: (pageNo: number) => Promise<void>): Promise<string[]> {
      const shown: string[] = [];
      let url: string | null = first;
      for (let pageNo = 0; url !== null; pageNo += 1) {
        const res: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({ method: 'GET', url, headers: asSession(session) });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json() as { items: Record<string, unknown>[]; next: string | null };
        assert.ok(body.items.length <= Number(new URL(first, 'http://x').searchParams.get('limit')), 'a page holds at most limit rows');
        shown.push(...body.items.map(idOf));
        await between?.(pageNo);
        url = body.next === null ? null : `${first}${first.includes('?') ? '&' : '?'}cursor=${body.next}`;
      }
      return shown;
    }

    test('a reader sees exactly the evidence packs the policy lets it read, decided in SQL', async () => {
      const other = randomUUID();
      await t.db.insertInto('organisation').values({ id: other, kind: 'company', name: JSON.stringify({ ko: '다른 기업' }), region_code: null, demo: false }).execute();
      const zoneIn = async (code: string) => (await t.db.selectFrom('zone_region').select('zone_id').where('region_code', 'like', `${code}%`).orderBy('zone_id').executeTakeFirstOrThrow()).zone_id;
      // Projects of another company (one in Ulsan, one with the demo company as partner), and a MOTIE regulation
      // suspended by the demo project's first exemption: MOTIE reads the packs of the projects using it, no other.
      for (const spec of [{ zone: '26', partners: [] as string[] }, { zone: '37', partners: [demoId('org:company')] }]) {
        await sql`insert into demonstration_project select (jsonb_populate_record(p, jsonb_build_object('id', ${randomUUID()}::uuid, 'lead_company', ${other}::uuid,
          'zone_id', ${await zoneIn(spec.zone)}::uuid, 'sites', '[]'::jsonb, 'partner_companies', to_jsonb(${spec.partners}::uuid[])))).*
          from demonstration_project p where p.id = ${DEMO_PROJECT_ID}`.execute(t.db);
      }
      const exemption = { exemption_id: demoId('exemption:gyeongbuk-drone') };
      await t.db.insertInto('demonstration_project_exemption').values({ project_id: DEMO_PROJECT_ID, exemption_id: exemption.exemption_id, position: 99 }).onConflict((oc) => oc.doNothing()).execute();
      const regulation = await insertRegulation(t.db, {
        instrument: 'act', law: { ko: '고압가스 안전관리법 (시험)' }, article: '5', paragraph: null, ministry: 'MOTIE', ministryName: { ko: '산업통상자원부' },
        title: { ko: '수소 운송 (시험)' }, body: { ko: '본문' }, effectiveFrom: '2020-01-01', amendments: [],
      }, { demo: false, source: 'platform' });
      await t.db.insertInto('exemption_regulation').values({ exemption_id: exemption.exemption_id, regulation_id: regulation }).onConflict((oc) => oc.doNothing()).execute();
      const projects = (await t.db.selectFrom('demonstration_project').select('id').execute()).map((r) => r.id);
      let motieSees = 0;
      for (const email of READERS) {
        const session = await t.login(email);
        const actor = await actorOf(t.db, session);
        const expected: string[] = [];
        for (const id of projects) if (decide(actor, 'project:evidence', await evidenceTargetOf(t.db, (await loadProject(t.db, id))!)).allowed) expected.push(id);
        const shown = await walkAs(session, '/api/evidence-packs?limit=1', (r) => String(r.projectId));
        assert.deepEqual([...shown].sort(), expected.sort(), email);
        if (email.startsWith('motie')) motieSees = shown.length;
      }
      assert.ok(motieSees > 0, 'the responsible ministry reads the pack of the project suspending its regulation');
    });

    test('a walk through the saved planning requests shows each once while requests are saved, and only the organisation’s own', async () => {
      const busan = await t.login('busan@demo.zonelink.kr');
      const ulsan = await t.login('ulsan@demo.zonelink.kr');
      const save = async (session: Session, at: Date) => {
        const id = randomUUID();
        const actor = await actorOf(t.db, session);
        await t.db.insertInto('planning_request').values({ id, organisation_id: actor.organisationId, created_by: actor.userId, title: `요청 ${id.slice(0, 4)}`, request: JSON.stringify({}), result: null, created_at: at }).execute();
        return id;
      };
      const base = Date.parse('2026-11-01T00:00:00Z');
      const existing: string[] = [];
      // Same instants in pairs: ties are broken by the id.
      for (let i = 0; i < 12; i += 1) existing.push(await save(busan, new Date(base + Math.floor(i / 2) * 1000)));
      const foreign: string[] = [];
      for (let i = 0; i < 4; i += 1) foreign.push(await save(ulsan, new Date(base + i * 1000)));
      const added: string[] = [];
      const seen = await walkAs(busan, '/api/planner/requests?limit=5', (r) => String(r.id), async (pageNo) => {
        // Newer (already passed) and older (still ahead) requests are saved during the walk.
        added.push(await save(busan, new Date(base + 3_600_000 + pageNo)), await save(busan, new Date(base - 3_600_000 - pageNo)), await save(ulsan, new Date(base)));
      });
      assert.equal(new Set(seen).size, seen.length, 'no request twice');
      for (const id of existing) assert.ok(seen.includes(id), 'every request saved before the walk is shown');
      for (const id of foreign) assert.ok(!seen.includes(id), 'another organisation’s request is never shown');
      const ulsanSees = await walkAs(ulsan, '/api/planner/requests?limit=200', (r) => String(r.id));
      assert.ok(ulsanSees.every((id) => !existing.includes(id)));
    });

    test('experts walk page by page to the rows of one page', async () => {
      const expertOrg = demoId('org:expert');
      for (const name of ['가 전문가', '가 전문가', '나 전문가']) {
        await t.db.insertInto('app_user').values({ id: randomUUID(), email: `${randomUUID()}@test.zonelink.kr`, display_name: name, password_hash: 'x', organisation_id: expertOrg, role: 'member', locale: 'ko', demo: false }).execute();
      }
      const paged = await walkAs(ministry, '/api/experts?limit=1', (r) => String(r.userId));
      const whole = ((await t.app.inject({ method: 'GET', url: '/api/experts?limit=500', headers: asSession(ministry) })).json() as { items: { userId: string }[] }).items.map((e) => e.userId);
      assert.ok(whole.length >= 3);
      assert.deepEqual(paged, whole);
    });

    test('plans sorted on the server (updated, region) walk in that order, each once while plans are added; an unknown order lists the allowed ones', async () => {
      await seedDemoPlan(t.db);
      const copy = async (lead: string, minutesAgo: number) => {
        const id = randomUUID();
        await sql`insert into zone_plan select (jsonb_populate_record(z, jsonb_build_object('id', ${id}::uuid, 'lead_region', ${lead}::text,
          'created_at', now() - make_interval(mins => ${minutesAgo}), 'updated_at', now() - make_interval(mins => ${(minutesAgo * 7) % 13})))).*
          from zone_plan z where z.id = ${DEMO_PLAN_ID}`.execute(t.db);
        return id;
      };
      const leads = ['11', '26', '37', '26', '11', '31', '26'];
      const existing: string[] = [];
      for (const [i, lead] of leads.entries()) existing.push(await copy(lead, i + 1));
      for (const sort of ['updated', 'region'] as const) {
        const seen = await walkAs(ministry, `/api/plans?sort=${sort}&limit=2`, (r) => String(r.id), async (pageNo) => { await copy(leads[pageNo % leads.length]!, 100 + pageNo); });
        assert.equal(new Set(seen).size, seen.length, `${sort}: no plan twice`);
        for (const id of existing) assert.ok(seen.includes(id), `${sort}: every plan that existed before the walk is shown`);
        const rows = await t.db.selectFrom('zone_plan').select(['id', 'lead_region', 'created_at', 'updated_at']).where('id', 'in', seen).execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (let i = 1; i < seen.length; i += 1) {
          const a = byId.get(seen[i - 1]!)!;
          const b = byId.get(seen[i]!)!;
          if (sort === 'updated') assert.ok(a.updated_at >= b.updated_at, 'last changed first');
          else assert.ok(a.lead_region < b.lead_region || (a.lead_region === b.lead_region && a.created_at <= b.created_at), 'by lead region, oldest first');
        }
      }
      const res = await t.app.inject({ method: 'GET', url: '/api/plans?sort=title', headers: { 'accept-language': 'ko', ...asSession(ministry) } });
      assert.equal(res.statusCode, 400);
      const field = problemOf(res).errors?.[0];
      assert.equal(field?.path, '/querystring/sort');
      assert.match(field.message, /created, updated, region/);
    });

    test('lists under one object (a plan’s versions, a zone’s history) walk to the rows of one page; a cursor of another object is refused', async () => {
      await seedDemoPlan(t.db);
      const version = await t.db.selectFrom('zone_plan_version').selectAll().where('plan_id', '=', DEMO_PLAN_ID).orderBy('version', 'desc').executeTakeFirstOrThrow();
      for (let v = version.version + 1; v <= version.version + 4; v += 1) await t.db.insertInto('zone_plan_version').values({ ...version, version: v, content: JSON.stringify(version.content) }).execute();
      const zones = (await t.db.selectFrom('zone').select('id').orderBy('id').limit(2).execute()).map((z) => z.id);
      for (const [i, zone] of [zones[0]!, zones[0]!, zones[0]!, zones[0]!, zones[1]!].entries()) {
        await t.db.insertInto('zone_event').values({ id: randomUUID(), zone_id: zone, kind: 'hearing-held', on_date: `2026-0${1 + i}-01`, params: JSON.stringify({ n: i }), actor_user_id: null }).execute();
      }
      const lists: [string, (r: Record<string, unknown>) => string][] = [
        [`/api/plans/${DEMO_PLAN_ID}/versions`, (r) => String(r.version)],
        [`/api/zones/${zones[0]}/history`, (r) => JSON.stringify(r)],
        [`/api/zones/${zones[0]}/changes`, (r) => String(r.id)],
        [`/api/projects/${DEMO_PROJECT_ID}/incidents`, (r) => String(r.id)],
        [`/api/projects/${DEMO_PROJECT_ID}/uploads`, (r) => String(r.id)],
      ];
      for (const [list, idOf] of lists) {
        const paged = await walkAs(ministry, `${list}?limit=1`, idOf);
        const whole = ((await t.app.inject({ method: 'GET', url: `${list}?limit=500`, headers: asSession(ministry) })).json() as { items: Record<string, unknown>[] }).items.map(idOf);
        assert.deepEqual(paged, whole, list);
        const tooMany = await t.app.inject({ method: 'GET', url: `${list}?limit=501`, headers: asSession(ministry) });
        assert.equal(tooMany.statusCode, 400, list);
        assert.equal(problemOf(tooMany).errors?.[0]?.path, '/querystring/limit');
      }
      assert.ok((await walkAs(ministry, `/api/plans/${DEMO_PLAN_ID}/versions?limit=2`, (r) => String(r.version))).length >= 5);
      const first = (await t.app.inject({ method: 'GET', url: `/api/zones/${zones[0]}/history?limit=1`, headers: asSession(ministry) })).json() as { next: string | null };
      assert.ok(first.next);
      const foreign = await t.app.inject({ method: 'GET', url: `/api/zones/${zones[1]}/history?cursor=${first.next}`, headers: asSession(ministry) });
      assert.equal(foreign.statusCode, 400);
      assert.equal(problemOf(foreign).errors?.[0]?.path, '/querystring/cursor');
    });

    test('a zone’s data requests: the ministry walks all, a company only those addressed to it, chosen in SQL', async () => {
      const zone = (await t.db.selectFrom('zone').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
      const company = demoId('org:company');
      const other = randomUUID();
      await t.db.insertInto('organisation').values({ id: other, kind: 'company', name: JSON.stringify({ ko: '또 다른 기업' }), region_code: null, demo: false }).execute();
      const mine: string[] = [];
      for (const [i, org] of [company, other, company, other, company].entries()) {
        const id = randomUUID();
        await t.db.insertInto('zone_data_request').values({ id, zone_id: zone, organisation_id: org, subject: JSON.stringify({ ko: `자료 ${i}` }), requested_on: `2026-10-0${1 + (i % 2)}`, due_on: '2026-12-31', answer: null, answered_on: null, answered_by: null }).execute();
        if (org === company) mine.push(id);
      }
      const list = `/api/zones/${zone}/data-requests?limit=1`;
      const all = await walkAs(ministry, list, (r) => String(r.id));
      assert.equal(all.length, 5);
      const companySession = await t.login('company@demo.zonelink.kr');
      const shown = await walkAs(companySession, list, (r) => String(r.id));
      assert.deepEqual([...shown].sort(), [...mine].sort(), 'a company sees only the requests addressed to it');
      const ministryCursor = ((await t.app.inject({ method: 'GET', url: list, headers: asSession(ministry) })).json() as { next: string }).next;
      const foreign = await t.app.inject({ method: 'GET', url: `${list}&cursor=${ministryCursor}`, headers: asSession(companySession) });
      assert.equal(foreign.statusCode, 400, 'the ministry’s cursor is not the company’s');
      assert.equal(problemOf(foreign).errors?.[0]?.path, '/querystring/cursor');
    });

    test('a bad cursor, a limit beyond the maximum or an unknown sort is a 400 naming it', async () => {
      const busan = await t.login('busan@demo.zonelink.kr');
      const ulsan = await t.login('ulsan@demo.zonelink.kr');
      const busanNext = ((await t.app.inject({ method: 'GET', url: '/api/planner/requests?limit=1', headers: asSession(busan) })).json() as { next: string | null }).next;
      assert.ok(busanNext, 'busan has more than one saved request');
      const cases: [Session, string, string][] = [
        [ulsan, `/api/planner/requests?cursor=${busanNext}`, 'cursor'],
        [ministry, `/api/experts?cursor=${busanNext}`, 'cursor'],
        [ministry, '/api/experts?limit=501', 'limit'],
        [ministry, '/api/experts?sort=title', 'sort'],
        [busan, '/api/planner/requests?limit=0', 'limit'],
        [ministry, '/api/evidence-packs?limit=201', 'limit'],
        [ministry, `/api/evidence-packs?cursor=${busanNext.slice(0, -2)}xx`, 'cursor'],
      ];
      for (const [session, url, parameter] of cases) {
        const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'ko', ...asSession(session) } });
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        const field = problemOf(res).errors?.[0];
        assert.ok(field, url);
        assert.equal(field.path, `/querystring/${parameter}`, url);
      }
    });
  });
}
