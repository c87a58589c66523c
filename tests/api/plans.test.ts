import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';
import { DEMO_PLAN_ID, seedDemoPlan } from '../../src/db/seed/demo-plan.ts';
import { common, consultation, decision, planFixtures, section } from '../support/plans.ts';
import { guardText } from '../../src/domain/i18n/plan-terms.ts';

type Who = 'busan' | 'ulsan' | 'ministry';

for (const engine of engines()) {
  describe(`zone plans (${engine})`, () => {
    let t: TestApp;
    let f: ReturnType<typeof planFixtures>;
    before(async () => {
      t = await startTestApp(engine);
      f = planFixtures(t);
    });
    after(async () => t.close());

    async function send(who: Who, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) {
      return t.app.inject({ method: method as 'POST', url, headers: { ...(await f.as(who)), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    }
    async function view(who: Who, id: string) {
      const res = await send(who, 'GET', `/api/plans/${id}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    }
    /** Sends a request that must be refused, proves nothing changed, and returns the problem. */
    async function refused(who: Who, method: string, url: string, payload: unknown, status: number, headers: Record<string, string> = {}) {
      const before = await snapshot(t.db);
      const res = await send(who, method, url, payload, headers);
      assert.equal(res.statusCode, status, res.body);
      assert.deepEqual(await snapshot(t.db), before, 'a refused request changed the database');
      return problemOf(res);
    }

    test('two governments draft, sign off, submit; MSS reviews with clocks and designates; the zone is listed', async () => {
      // Busan starts a connected plan and writes the common part.
      const created = await send('busan', 'POST', '/api/plans', { model: 'connected', leadRegion: '21', title: { ko: '부산·울산 수소 해양물류 특구', en: ' ' } });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      assert.equal(created.headers.location, `/api/plans/${id}`);
      assert.deepEqual(created.json().content.title, { ko: '부산·울산 수소 해양물류 특구' }, 'empty translations are dropped');
      let res = await send('busan', 'PUT', `/api/plans/${id}`, common(), { 'if-match': String(created.headers.etag) });
      assert.equal(res.statusCode, 200, res.body);

      // Ulsan cannot see it until invited; then it sees it and owns a section.
      assert.equal((await send('ulsan', 'GET', `/api/plans/${id}`)).statusCode, 403);
      res = await send('busan', 'POST', `/api/plans/${id}/partners`, { regionCode: '26' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().participants, ['21', '26']);
      assert.deepEqual((await view('ulsan', id)).can.editSections, ['26']);
      assert.deepEqual((await view('busan', id)).can.editSections, ['21']);

      // Each government writes only its own section.
      await refused('busan', 'PUT', `/api/plans/${id}/sections/26`, section('26310', 'x'), 403, { 'if-match': String(res.headers.etag) });
      res = await send('busan', 'PUT', `/api/plans/${id}/sections/21`, section('21120', 'busan'), { 'if-match': String(res.headers.etag) });
      assert.equal(res.statusCode, 200, res.body);
      res = await send('ulsan', 'PUT', `/api/plans/${id}/sections/26`, section('26310', 'ulsan'), { 'if-match': String(res.headers.etag) });
      assert.equal(res.statusCode, 200, res.body);
      await refused('ulsan', 'PUT', `/api/plans/${id}`, common(), 403, { 'if-match': String(res.headers.etag) });

      // Every save is a version with its hash; a diff names the changed paths.
      const versions = (await send('ulsan', 'GET', `/api/plans/${id}/versions`)).json().items;
      assert.deepEqual(versions.map((v: { change: string }) => v.change), ['create', 'common', 'invite:26', 'section:21', 'section:26']);
      assert.equal(versions.at(-1).contentHash, res.json().contentHash);
      assert.equal(versions.at(-1).createdRegion, '26');
      const v2 = (await send('busan', 'GET', `/api/plans/${id}/versions/2`)).json();
      assert.equal(v2.content.exemptions[0].id, 'ex-1');
      const diff = (await send('busan', 'GET', `/api/plans/${id}/diff?from=3&to=5`)).json();
      assert.deepEqual(diff.changes.map((c: { path: string }) => c.path).sort(), ['/sections/21/budget/0', '/sections/21/budget/1', '/sections/21/companies/0', '/sections/21/projects/0', '/sections/21/sites/0', '/sections/26/budget/0', '/sections/26/budget/1', '/sections/26/companies/0', '/sections/26/projects/0', '/sections/26/sites/0']);
      assert.ok(diff.changes.every((c: { op: string; after: unknown }) => c.op === 'add' && c.after !== undefined));
      const titleDiff = (await send('busan', 'GET', `/api/plans/${id}/diff?from=1&to=2`)).json();
      assert.deepEqual(titleDiff.changes.find((c: { path: string }) => c.path === '/title/ko'), { path: '/title/ko', op: 'replace', before: '부산·울산 수소 해양물류 특구', after: common().title.ko });

      // Sign-off on the exact hash; a change withdraws every sign-off; a stale hash is refused.
      res = await send('busan', 'POST', `/api/plans/${id}/request-signoff`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'signing_off');
      const firstHash = res.json().contentHash as string;
      res = await send('busan', 'POST', `/api/plans/${id}/signoff`, { contentHash: firstHash });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().participantDetails[0].signOff.current, true);
      const changed = { ...section('26310', 'ulsan'), budget: [{ year: 2028, source: 'private', amountMillionKrw: 500, purpose: null }] };
      res = await send('ulsan', 'PUT', `/api/plans/${id}/sections/26`, changed, { 'if-match': String(res.headers.etag) });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'drafting');
      assert.ok(res.json().participantDetails.every((p: { signOff: unknown }) => p.signOff === null), 'the change withdrew the sign-off');
      res = await send('busan', 'POST', `/api/plans/${id}/request-signoff`);
      const hash = res.json().contentHash as string;
      assert.notEqual(hash, firstHash);
      const stale = await refused('busan', 'POST', `/api/plans/${id}/signoff`, { contentHash: firstHash }, 409);
      assert.ok(stale.detail.includes(guardText('ko', 'signed-hash-is-current')), stale.detail);
      assert.match(stale.detail, /부산광역시 \(21\)가 서명한 판\(sha256:\w+\)이 현재 판\(sha256:\w+\)과 다름\(시행령 제40조제2항\)\./);
      assert.deepEqual(stale.violations?.map((v) => v.code), ['guard-failed', 'stale-content']);
      for (const who of ['busan', 'ulsan'] as const) assert.equal((await send(who, 'POST', `/api/plans/${id}/signoff`, { contentHash: hash })).statusCode, 200);

      // Without the consultation record the submission is refused, naming the guard and the items.
      const early = await refused('busan', 'POST', `/api/plans/${id}/submit`, undefined, 409);
      assert.ok(early.detail.includes(guardText('ko', 'public-consultation-complete')), early.detail);
      assert.doesNotMatch(early.detail, /public-consultation-complete/);
      assert.deepEqual(early.violations?.filter((v) => v.code === 'missing-item').map((v) => v.params.item), ['local-era-committee-opinion', 'public-notice', 'consultation-results']);
      assert.ok(!early.detail.includes(guardText('ko', 'all-signoffs-match-hash')), early.detail);
      res = await send('busan', 'PUT', `/api/plans/${id}/consultation`, consultation, { 'if-match': String((await send('busan', 'GET', `/api/plans/${id}`)).headers.etag) });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'signing_off', 'the consultation record is not plan content: sign-offs stay');
      assert.equal(res.json().readiness.submittable, true, JSON.stringify(res.json().readiness.violations));
      assert.equal(res.json().readiness.earliestSubmission, '2026-09-03');

      res = await send('busan', 'POST', `/api/plans/${id}/submit`);
      assert.equal(res.statusCode, 200, res.body);
      let plan = res.json();
      assert.equal(plan.state, 'submitted');
      assert.deepEqual(plan.clocks.map((c: { name: string }) => c.name), ['decision']);
      assert.equal(plan.clocks[0].days, 90);
      assert.equal(plan.clocks[0].rule, 'Decree Art. 44(1)');
      assert.ok(plan.clocks[0].due >= plan.clocks[0].nominalDue);
      // The partner can no longer leave or withdraw its sign-off; nobody can edit.
      await refused('ulsan', 'DELETE', `/api/plans/${id}/signoff`, undefined, 409);
      await refused('ulsan', 'DELETE', `/api/plans/${id}/partners/26`, undefined, 409);
      await refused('busan', 'PUT', `/api/plans/${id}`, common(), 409, { 'if-match': String(res.headers.etag) });

      // MSS: accept (ministries' 30-day clock), supplement (clocks pause), answer (resume), refer, decide.
      await refused('busan', 'POST', `/api/plans/${id}/accept`, undefined, 403);
      plan = (await send('ministry', 'POST', `/api/plans/${id}/accept`)).json();
      assert.equal(plan.state, 'under_review');
      assert.deepEqual(plan.clocks.map((c: { name: string; days: number }) => [c.name, c.days]), [['decision', 90], ['ministry-reply', 30]]);
      res = await send('ministry', 'POST', `/api/plans/${id}/supplement-requests`, { request: { ko: '안전 대책 보완', en: 'Safety measures' }, items: ['safety-privacy-measures'] });
      plan = res.json();
      assert.equal(plan.state, 'supplement_requested');
      assert.ok(plan.clocks.every((c: { paused: boolean; due: string | null; pauses: unknown[] }) => c.paused && c.due === null && c.pauses.length === 1));
      const remaining = plan.clocks.map((c: { remainingDays: number }) => c.remainingDays);
      await refused('ministry', 'POST', `/api/plans/${id}/supplement-answer`, { answer: { ko: '보완' } }, 403);
      plan = (await send('busan', 'POST', `/api/plans/${id}/supplement-answer`, { answer: { ko: '보완했습니다' } })).json();
      assert.equal(plan.state, 'under_review');
      assert.ok(plan.clocks.every((c: { paused: boolean; due: string | null; pauses: { to: string | null }[] }) => !c.paused && c.due !== null && c.pauses[0]!.to !== null));
      assert.deepEqual(plan.clocks.map((c: { remainingDays: number }) => c.remainingDays), remaining);
      const notYet = await refused('ministry', 'POST', `/api/plans/${id}/refer`, { committee: 'rfz_committee', ministryRepliesComplete: false, note: null }, 409);
      assert.ok(notYet.detail.includes(guardText('ko', 'ministry-replies-complete-or-due')), notYet.detail);
      assert.match(notYet.detail, /제75조제2항/);
      plan = (await send('ministry', 'POST', `/api/plans/${id}/refer`, { committee: 'rfz_committee', ministryRepliesComplete: true, note: { ko: '회신 완료' } })).json();
      assert.equal(plan.state, 'deliberation');
      assert.notEqual(plan.clocks.find((c: { name: string }) => c.name === 'ministry-reply').stoppedOn, null);

      // Decisions: the wrong role, a late meeting notice, no quorum — all refused.
      await refused('busan', 'POST', `/api/plans/${id}/decision`, decision(), 403);
      const late = await refused('ministry', 'POST', `/api/plans/${id}/decision`, decision({ noticeGivenOn: '2026-11-16' }), 409);
      assert.ok(late.detail.includes(guardText('ko', 'meeting-notice-given')), late.detail);
      assert.match(late.detail, /시행령 제47조제6항/);
      const quorum = await refused('ministry', 'POST', `/api/plans/${id}/decision`, decision({ present: 20 }), 409);
      assert.ok(quorum.detail.includes(guardText('ko', 'quorum-present')), quorum.detail);
      const noPeriod = await refused('ministry', 'POST', `/api/plans/${id}/decision`, decision({ periodEnd: null }), 400);
      assert.equal(noPeriod.errors?.[0]?.path, '/body/periodEnd');

      res = await send('ministry', 'POST', `/api/plans/${id}/decision`, decision({ decision: 'designate_with_conditions', conditions: { ko: '안전관리 계획 보완' } }));
      assert.equal(res.statusCode, 200, res.body);
      plan = res.json();
      assert.equal(plan.state, 'designated_with_conditions');
      assert.ok(plan.zoneId);
      const HISTORY_ONLY = ['edit', 'sign_off', 'withdraw_sign_off']; // history entries that are not transitions (plan-review.test.ts)
      assert.deepEqual(plan.steps.map((s: { kind: string }) => s.kind).filter((k: string) => !HISTORY_ONLY.includes(k)), [
        'request_signoff', 'request_signoff', 'submit', 'accept_for_review', 'request_supplement', 'answer_supplement', 'refer_to_committee', 'designate_with_conditions',
      ]);
      const zone = (await t.app.inject(`/api/zones/${plan.zoneId}`)).json();
      assert.equal(zone.source, 'platform');
      assert.equal(zone.model, 'connected');
      assert.equal(zone.state, 'designated');
      assert.equal(zone.periodStart, '2026-12-01');
      assert.equal(zone.periodEnd, '2030-11-30');
      assert.equal(zone.committeeDate, '2026-11-20');
      assert.deepEqual(zone.regions, [{ code: '21', role: 'lead' }, { code: '26', role: 'partner' }]);
      const listed = (await t.app.inject('/api/zones?region=26&model=connected')).json().items;
      assert.ok(listed.some((z: { id: string }) => z.id === plan.zoneId));

      // Every step is audit-logged.
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', 'in', [id, plan.zoneId]).orderBy('seq').execute();
      const actions = audit.map((a) => a.action);
      for (const a of ['plan:create', 'plan:edit-common', 'plan:invite', 'plan:edit-section', 'plan:request_signoff', 'plan:sign-off', 'plan:record-consultation', 'plan:submit',
        'plan:accept_for_review', 'plan:request_supplement', 'plan:answer_supplement', 'plan:refer_to_committee', 'plan:designate_with_conditions', 'zone:designate']) {
        assert.ok(actions.includes(a), `audit lacks ${a}`);
      }
    });

    test('a capital-area site, a site outside the government and a capital-area partner are refused, naming the rule', async () => {
      const p = await f.plan('drafting');
      const seoul = await refused('busan', 'PUT', `/api/plans/${p.id}/sections/21`, section('11010', 'seoul'), 409, { 'if-match': p.etag });
      assert.equal(seoul.detail, '수도권 부지: 종로구 (11010)의 21/site-seoul(지역특구법 제2조제13항).');
      assert.deepEqual(seoul.violations?.map((v) => [v.code, v.rule, v.params]), [['site-in-capital-area', 'RFZ Act Art. 2(13)', { site: '21/site-seoul', regionCode: '11010' }]]);
      assert.equal((seoul as { guards?: { guard: string }[] }).guards?.[0]?.guard, 'applicants-eligible');
      const outside = await refused('busan', 'PUT', `/api/plans/${p.id}/sections/21`, section('26310', 'ulsan'), 409, { 'if-match': p.etag, 'accept-language': 'en' });
      assert.match(outside.detail, /^Site 21\/site-ulsan lies in Ulju-gun \(26310\), outside the applying governments \(RFZ Act Art\. /);
      const partner = await refused('busan', 'POST', `/api/plans/${p.id}/partners`, { regionCode: '31' }, 409);
      assert.deepEqual(partner.violations?.map((v) => v.code), ['applicant-in-capital-area']);
      assert.match(partner.detail, /지역특구법 제72조제1항제1호/);
      const unknown = await refused('busan', 'PUT', `/api/plans/${p.id}/sections/21`, section('21999', 'x'), 400, { 'if-match': p.etag });
      assert.equal(unknown.errors?.[0]?.path, '/body/sites/0/regionCode');
    });

    test('a single-government "connected" plan cannot be submitted', async () => {
      let p = await f.call('busan', 'POST', '/api/plans', { model: 'connected', leadRegion: '21', title: { ko: '부산 단독' } });
      p = await f.call('busan', 'PUT', `/api/plans/${p.id}`, common('connected'), p.etag);
      p = await f.call('busan', 'PUT', `/api/plans/${p.id}/sections/21`, section('21120', 'busan'), p.etag);
      p = await f.call('busan', 'PUT', `/api/plans/${p.id}/consultation`, consultation, p.etag);
      p = await f.call('busan', 'POST', `/api/plans/${p.id}/request-signoff`);
      p = await f.call('busan', 'POST', `/api/plans/${p.id}/signoff`, { contentHash: p.hash });
      const problem = await refused('busan', 'POST', `/api/plans/${p.id}/submit`, undefined, 409, { 'accept-language': 'fr' });
      assert.match(problem.detail, /^« Déposer la demande » n’est pas encore possible : au moins deux collectivités métropolitaines dans une zone interrégionale .*Une zone interrégionale exige au moins 2 collectivités métropolitaines \(actuellement 1\)/);
      assert.doesNotMatch(problem.detail, /connected-zone-has-two-metropolitan/);
      assert.doesNotMatch(problem.detail, /public-consultation-complete|all-signoffs-match-hash/);
      // As a single zone the same plan goes through.
      const v = await view('busan', p.id);
      assert.equal(v.readiness.facts['connected-zone-has-two-metropolitan'], false);
      assert.ok(v.actions.some((a: { action: string; blockedBy: string[] }) => a.action === 'submit' && a.blockedBy.includes('connected-zone-has-two-metropolitan')));
    });

    test('edits need If-Match; a stale one is 412 and changes nothing', async () => {
      const p = await f.plan('drafting');
      const missing = await refused('busan', 'PUT', `/api/plans/${p.id}`, common(), 400);
      assert.equal(missing.errors?.[0]?.path, '/headers/if-match');
      assert.equal((await send('busan', 'PUT', `/api/plans/${p.id}`, { ...common(), designationMonths: 36 }, { 'if-match': p.etag })).statusCode, 200);
      const stale = await refused('ulsan', 'PUT', `/api/plans/${p.id}/sections/26`, section('26310', 'u2'), 412, { 'if-match': p.etag });
      assert.equal(stale.code, 'precondition-failed');
      // Saving identical content writes no new version.
      const before = (await send('busan', 'GET', `/api/plans/${p.id}/versions`)).json().items.length;
      const current = await f.get('busan', p.id);
      assert.equal((await send('busan', 'PUT', `/api/plans/${p.id}`, { ...common(), designationMonths: 36 }, { 'if-match': current.etag })).statusCode, 200);
      assert.equal((await send('busan', 'GET', `/api/plans/${p.id}/versions`)).json().items.length, before);
    });

    test('a partner withdraws its sign-off or leaves before submission; the plan cannot be submitted without it', async () => {
      const p = await f.plan('signed');
      let res = await send('ulsan', 'DELETE', `/api/plans/${p.id}/signoff`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'signing_off');
      assert.deepEqual(res.json().participantDetails.map((d: { signOff: unknown }) => d.signOff !== null), [true, false]);
      const problem = await refused('busan', 'POST', `/api/plans/${p.id}/submit`, undefined, 409);
      assert.ok(problem.detail.includes(guardText('ko', 'all-signoffs-match-hash')), problem.detail);
      assert.match(problem.detail, /울산광역시 \(26\)의 서명\(동의\)이 없음\(시행령 제40조제2항\)\./);
      assert.ok(problem.violations?.map((v) => v.code)?.includes('sign-off-missing'));
      res = await send('ulsan', 'DELETE', `/api/plans/${p.id}/partners/26`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'drafting');
      assert.deepEqual(res.json().participants, ['21']);
      assert.equal(res.json().content.sections['26'], undefined);
      assert.equal((await send('ulsan', 'GET', `/api/plans/${p.id}`)).statusCode, 403);
      await refused('busan', 'DELETE', `/api/plans/${p.id}/partners/21`, undefined, 403);
    });

    test('who sees which plans', async () => {
      const own = await f.plan('drafting');
      const submitted = await f.plan('submitted', 'other');
      const ids = async (email: string) => {
        const s = await t.login(email);
        return ((await t.app.inject({ url: '/api/plans', headers: { cookie: s.cookie } })).json().items as { id: string }[]).map((i) => i.id);
      };
      assert.ok((await ids('busan@demo.zonelink.kr')).includes(own.id));
      assert.ok(!(await ids('busan@demo.zonelink.kr')).includes(submitted.id));
      assert.ok((await ids('ulsan@demo.zonelink.kr')).includes(own.id));
      assert.ok((await ids('ministry@demo.zonelink.kr')).includes(own.id));
      const motie = await ids('motie@demo.zonelink.kr');
      assert.ok(motie.includes(submitted.id) && !motie.includes(own.id), 'responsible ministries see submitted plans only');
      assert.deepEqual(await ids('company@demo.zonelink.kr'), []);
      assert.equal((await t.app.inject(`/api/plans/${own.id}`)).statusCode, 401);
      assert.equal(problemOf(await send('busan', 'GET', '/api/plans/00000000-0000-4000-8000-000000000000')).code, 'not-found');
      assert.equal(problemOf(await send('busan', 'GET', `/api/plans/${own.id}/versions/99`)).code, 'not-found');
    });

    test('illegal moves are 409 naming the state; a send-back reopens drafting', async () => {
      const p = await f.plan('under_review');
      const twice = await refused('busan', 'POST', `/api/plans/${p.id}/submit`, undefined, 409, { 'accept-language': 'en' });
      assert.match(twice.detail, /'submit' is not possible while the plan is 'under_review'/);
      const early = await refused('ministry', 'POST', `/api/plans/${p.id}/decision`, decision(), 409);
      assert.match(early.detail, /under_review/);
      const back = await f.plan('sent_back');
      const res = await send('busan', 'POST', `/api/plans/${back.id}/revise`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'drafting');
      assert.deepEqual(res.json().clocks, []);
      assert.equal(res.json().zoneId, null);
    });

    test('the demo plan: Busan leads, Ulsan joins, connected, drafting, labelled demo, ready for sign-off', async () => {
      assert.deepEqual(await seedDemoPlan(t.db), { created: true });
      assert.deepEqual(await seedDemoPlan(t.db), { created: false });
      const v = await view('ulsan', DEMO_PLAN_ID);
      assert.equal(v.demo, true);
      assert.equal(v.state, 'drafting');
      assert.equal(v.model, 'connected');
      assert.deepEqual(v.participants, ['21', '26']);
      assert.match(v.title.ko, /데모/);
      assert.match(v.title.en, /demo/);
      assert.deepEqual((await send('busan', 'GET', `/api/plans/${DEMO_PLAN_ID}/versions`)).json().items.map((i: { change: string; createdRegion: string }) => `${i.change}@${i.createdRegion}`),
        ['create@21', 'common@21', 'invite:26@21', 'section:21@21', 'section:26@26']);
      // Only the joint steps are left: sign-offs, then the public notice and hearing.
      assert.deepEqual([...new Set(v.readiness.violations.map((x: { guard: string }) => x.guard))].sort(), ['all-signoffs-match-hash', 'public-consultation-complete', 'required-items-present']);
      assert.deepEqual(v.readiness.violations.filter((x: { guard: string }) => x.guard === 'required-items-present').map((x: { params: { item: string } }) => x.params.item), ['consultation-results']);
      assert.deepEqual((await view('busan', DEMO_PLAN_ID)).actions.find((a: { action: string }) => a.action === 'request_signoff'), { action: 'request_signoff', to: 'signing_off', blockedBy: [] });
      assert.deepEqual(v.readiness.violations.filter((x: { severity: string }) => x.severity === 'warning'), [], 'Busan and Ulsan share a border');
      // The seeded content is valid API input: saving it unchanged writes no version.
      const { model, title, summary, industries, stages, exemptions, designationMonths, kpis, narrative, attachments, conditions } = v.content;
      let res = await send('busan', 'PUT', `/api/plans/${DEMO_PLAN_ID}`, { model, title, summary, industries, stages, exemptions, designationMonths, kpis, narrative, attachments, conditions }, { 'if-match': v.etag });
      assert.equal(res.statusCode, 200, res.body);
      res = await send('ulsan', 'PUT', `/api/plans/${DEMO_PLAN_ID}/sections/26`, v.content.sections['26'], { 'if-match': String(res.headers.etag) });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().contentVersion, 5);
      assert.equal(res.json().contentHash, v.contentHash);
    });

    test('the lead withdraws; a withdrawn plan is closed', async () => {
      const p = await f.plan('submitted');
      const res = await send('busan', 'POST', `/api/plans/${p.id}/withdraw`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'withdrawn');
      assert.ok(res.json().clocks.every((c: { stoppedOn: string | null }) => c.stoppedOn !== null));
      await refused('busan', 'POST', `/api/plans/${p.id}/revise`, undefined, 409);
    });
  });
}
