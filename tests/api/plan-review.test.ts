// Review and decision of zone plans (issue 3 item 5): structured 409s, return of an incomplete application,
// re-deliberation once within 60 days, and the history of sign-offs and edits.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { common, decision, planFixtures } from '../support/plans.ts';

type Who = 'busan' | 'ulsan' | 'ministry' | 'expert' | 'motie';
interface Guard { guard: string; article: string; violations?: { code: string; rule: string; message: string }[] }

for (const engine of engines()) {
  describe(`plan review (${engine})`, () => {
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
    async function refused(who: Who, method: string, url: string, payload: unknown, status: number, headers: Record<string, string> = {}) {
      const before = await snapshot(t.db);
      const res = await send(who, method, url, payload, headers);
      assert.equal(res.statusCode, status, res.body);
      assert.deepEqual(await snapshot(t.db), before, 'a refused request changed the database');
      return problemOf(res) as ReturnType<typeof problemOf> & { guards?: Guard[]; transition?: { state: string; action: string; allowed: string[] } };
    }

    test('a refused move carries the failed guards with their articles and violations as data, and the text in the reader’s language', async () => {
      const p = await f.plan('deliberation');
      const late = await refused('ministry', 'POST', `/api/plans/${p.id}/decision`, decision({ noticeGivenOn: '2026-11-16', present: 10 }), 409, { 'accept-language': 'fr' });
      assert.deepEqual(late.guards?.map((g) => [g.guard, g.article]), [
        ['meeting-notice-given', 'Decree Art. 47(6), 49(6)'],
        ['quorum-present', 'Decree Art. 47(7), 49(7)'],
      ]);
      assert.deepEqual(late.guards?.[0]?.violations?.map((v) => [v.code, v.rule]), [['meeting-notice-too-late', 'Decree Art. 47(6)']]);
      assert.deepEqual(late.guards?.[1]?.violations?.map((v) => v.code), ['quorum-not-present']);
      assert.deepEqual(late.transition, { state: 'deliberation', action: 'designate', allowed: ['designate', 'designate_with_conditions', 'reject', 'send_back'] });
      assert.match(late.detail, /^« Désigner » n’est pas encore possible : la convocation envoyée à temps, le quorum atteint \(loi RFZ, art\. 75\(3\) ; décret, art\. 44, 47\(6\)–\(7\)\)\. Convocation trop tardive .*le 12 novembre 2026.*\(décret, art\. 47\(6\)\)\./);
      assert.deepEqual(late.violations?.map((v) => v.code), ['guard-failed', 'meeting-notice-too-late', 'quorum-not-present']);

      // A move the table does not have: the state, the action and what is possible now, as data.
      const twice = await refused('busan', 'POST', `/api/plans/${p.id}/submit`, undefined, 409);
      assert.deepEqual(twice.transition, { state: 'deliberation', action: 'submit', allowed: [] });
      assert.equal(twice.guards, undefined);

      // A submission without sign-offs names the guard, its article and each missing sign-off.
      const signing = await f.plan('signing_off');
      const early = await refused('busan', 'POST', `/api/plans/${signing.id}/submit`, undefined, 409);
      assert.deepEqual(early.guards?.map((g) => [g.guard, g.article]), [['all-signoffs-match-hash', 'Decree Art. 40(2)']]);
      assert.deepEqual(early.guards?.[0]?.violations?.map((v) => v.code), ['sign-off-missing', 'sign-off-missing']);
    });

    test('MSS returns an incomplete application naming the missing items; after a supplement request only once its deadline passed', async () => {
      const p = await f.plan('under_review');
      const bare = await refused('ministry', 'POST', `/api/plans/${p.id}/return`, { missingItems: [], reason: { ko: '미비' } }, 409);
      assert.deepEqual(bare.guards?.map((g) => [g.guard, g.article]), [['return-ground', 'RFZ Act Art. 72(4), 75(5)']]);
      assert.equal(bare.guards?.[0]?.violations?.[0]?.code, 'return-without-missing-item');
      await refused('busan', 'POST', `/api/plans/${p.id}/return`, { missingItems: ['zone-maps'], reason: { ko: '미비' } }, 403);
      const res = await send('ministry', 'POST', `/api/plans/${p.id}/return`, { missingItems: ['zone-maps', 'funding-plan'], reason: { ko: '지도 누락' } });
      assert.equal(res.statusCode, 200, res.body);
      const returned = res.json();
      assert.equal(returned.state, 'returned');
      assert.ok(returned.clocks.every((c: { stoppedOn: string | null }) => c.stoppedOn !== null), 'every clock stops');
      assert.deepEqual(returned.steps.at(-1).body.missingItems, ['zone-maps', 'funding-plan']);
      assert.equal(returned.steps.at(-1).by.name, '김특구 (데모)');
      // The lead revises and drafts again.
      assert.equal((await send('busan', 'POST', `/api/plans/${p.id}/revise`)).json().state, 'drafting');

      // A supplement request with a deadline: no return while it runs; a past deadline in a request is refused.
      const q = await f.plan('under_review');
      const past = await refused('ministry', 'POST', `/api/plans/${q.id}/supplement-requests`, { request: { ko: '보완' }, items: [], answerBy: '2020-01-01' }, 400);
      assert.equal(past.errors?.[0]?.path, '/body/answerBy');
      const requested = await send('ministry', 'POST', `/api/plans/${q.id}/supplement-requests`, { request: { ko: '보완' }, items: ['zone-maps'], answerBy: '2099-12-31' });
      assert.equal(requested.statusCode, 200, requested.body);
      const open = await refused('ministry', 'POST', `/api/plans/${q.id}/return`, { missingItems: ['zone-maps'], reason: { ko: '미보완' } }, 409);
      assert.deepEqual(open.guards?.map((g) => g.guard), ['supplement-not-answered']);
      assert.equal(open.guards?.[0]?.violations?.[0]?.code, 'supplement-deadline-open');
      // The deadline passes unanswered (the stored request is moved into the past).
      await t.db.updateTable('zone_plan_step').set({ body: JSON.stringify({ request: { ko: '보완' }, items: ['zone-maps'], answerBy: '2026-01-02' }) })
        .where('plan_id', '=', q.id).where('kind', '=', 'request_supplement').execute();
      const back = await send('ministry', 'POST', `/api/plans/${q.id}/return`, { missingItems: ['zone-maps'], reason: { ko: '미보완' } });
      assert.equal(back.statusCode, 200, back.body);
      assert.equal(back.json().state, 'returned');
    });

    test('re-deliberation: once, within 60 days of the decision; a second request or a late one is 409 naming the rule', async () => {
      const p = await f.plan('rejected');
      await refused('ulsan', 'POST', `/api/plans/${p.id}/redeliberation`, { reason: { ko: '재심의' } }, 403);
      let res = await send('busan', 'POST', `/api/plans/${p.id}/redeliberation`, { reason: { ko: '안전 대책을 보강했습니다' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'deliberation');
      res = await send('ministry', 'POST', `/api/plans/${p.id}/decision`, decision({ decision: 'reject', periodStart: null, periodEnd: null }));
      assert.equal(res.json().state, 'rejected');
      const second = await refused('busan', 'POST', `/api/plans/${p.id}/redeliberation`, { reason: { ko: '다시' } }, 409, { 'accept-language': 'en' });
      assert.deepEqual(second.guards?.map((g) => [g.guard, g.article]), [['redeliberation-not-used', 'ZoneLink policy after Decree Art. 57-3(4) (once)']]);
      assert.match(second.detail, /Re-deliberation may be requested only once; it has been requested once already/);

      const q = await f.plan('rejected');
      await t.db.updateTable('zone_plan').set({ decided_on: '2026-01-05' }).where('id', '=', q.id).execute();
      const late = await refused('busan', 'POST', `/api/plans/${q.id}/redeliberation`, { reason: { ko: '늦음' } }, 409);
      assert.deepEqual(late.guards?.map((g) => g.guard), ['redeliberation-window-open']);
      assert.equal(late.guards?.[0]?.violations?.[0]?.code, 'redeliberation-too-late');
    });

    test('the history shows edits, sign-offs and their withdrawal, with who and when', async () => {
      const p = await f.plan('signed');
      let res = await send('ulsan', 'DELETE', `/api/plans/${p.id}/signoff`);
      assert.equal(res.statusCode, 200, res.body);
      res = await send('ulsan', 'POST', `/api/plans/${p.id}/signoff`, { contentHash: p.hash });
      assert.equal(res.statusCode, 200, res.body);
      // An edit by the lead withdraws both sign-offs.
      res = await send('busan', 'PUT', `/api/plans/${p.id}`, { ...common(), summary: { ko: '요약 수정' } }, { 'if-match': String(res.headers.etag) });
      assert.equal(res.statusCode, 200, res.body);
      const steps = res.json().steps as { kind: string; body: Record<string, unknown>; by: { name: string; regionCode: string | null } | null; createdAt: string; onDate: string }[];
      const tail = steps.slice(-5).map((s) => [s.kind, s.by?.regionCode ?? null]);
      assert.deepEqual(tail, [['sign_off', '21'], ['sign_off', '26'], ['withdraw_sign_off', '26'], ['sign_off', '26'], ['edit', '21']]);
      const edit = steps.at(-1)!;
      assert.deepEqual(edit.body.withdrawnSignOffs, ['21', '26']);
      assert.equal(edit.body.change, 'common');
      assert.equal(edit.by?.name, '박부산 (데모)');
      assert.match(edit.createdAt, /^\d{4}-\d{2}-\d{2}T/);
      assert.ok(steps.some((s) => s.kind === 'edit' && s.body.change === 'section:26' && s.by?.regionCode === '26'));
    });

    const EXPERT = demoId('user:expert@demo.zonelink.kr');
    const MOTIE = demoId('org:motie');
    const sheet = (over: Record<string, number> = {}) => ({
      'regional-fit': 7, innovativeness: 8, 'exemption-business-link': 6, funding: 5, 'safety-environment': 7, privacy: 6, 'economic-effect': 8, 'past-evaluation': 5, ...over,
    });

    test('experts: a tie to a participating government or company blocks the assignment (409 naming it); declaration, then scores with totals and averages', async () => {
      const p = await f.plan('under_review');
      // The expert declares a tie to Ulsan, a participant: MSS cannot assign it.
      let res = await send('expert', 'PUT', '/api/experts/me/ties', { ties: [{ kind: 'government', regionCode: '26', note: '자문위원' }, { kind: 'company', name: '다른 기업', businessNumber: null }] });
      assert.equal(res.statusCode, 200, res.body);
      const listed = (await send('ministry', 'GET', '/api/experts')).json().items.find((e: { userId: string }) => e.userId === EXPERT);
      assert.equal(listed.ties.length, 2);
      const tied = await refused('ministry', 'POST', `/api/plans/${p.id}/experts`, { expertUserId: EXPERT }, 409, { 'accept-language': 'en' });
      assert.deepEqual(tied.guards?.map((g) => [g.guard, g.article]), [['no-conflict-of-interest', 'Decree Art. 50 (recusal), applied to expert reviewers']]);
      assert.deepEqual(tied.guards?.[0]?.violations?.map((v) => v.code), ['expert-tied-to-government']);
      assert.match(tied.detail, /Ulsan \(26\)/);
      // A tie to a company named in the plan blocks it too.
      await send('expert', 'PUT', '/api/experts/me/ties', { ties: [{ kind: 'company', name: 'ulsan 기업', businessNumber: null }] });
      const company = await refused('ministry', 'POST', `/api/plans/${p.id}/experts`, { expertUserId: EXPERT }, 409);
      assert.deepEqual(company.guards?.[0]?.violations?.map((v) => v.code), ['expert-tied-to-company']);
      // Not an expert → 400 naming the field; not the ministry → 403.
      const notExpert = await refused('ministry', 'POST', `/api/plans/${p.id}/experts`, { expertUserId: demoId('user:busan@demo.zonelink.kr') }, 400);
      assert.equal(notExpert.errors?.[0]?.path, '/body/expertUserId');
      await refused('busan', 'POST', `/api/plans/${p.id}/experts`, { expertUserId: EXPERT }, 403);

      // Without ties the expert is assigned; it now reads the plan, which it could not before.
      assert.equal((await send('expert', 'GET', `/api/plans/${p.id}`)).statusCode, 403);
      await send('expert', 'PUT', '/api/experts/me/ties', { ties: [] });
      res = await send('ministry', 'POST', `/api/plans/${p.id}/experts`, { expertUserId: EXPERT });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().experts.map((e: { userId: string; declaration: string | null }) => [e.userId, e.declaration]), [[EXPERT, null]]);
      await refused('ministry', 'POST', `/api/plans/${p.id}/experts`, { expertUserId: EXPERT }, 409);
      assert.equal((await send('expert', 'GET', `/api/plans/${p.id}`)).statusCode, 200);
      const ws = (await send('expert', 'GET', '/api/experts/me')).json();
      assert.deepEqual(ws.assignments.map((a: { planId: string }) => a.planId), [p.id]);
      assert.equal(ws.criteria.length, 8);
      const inbox = (await send('expert', 'GET', '/api/me/notifications')).json();
      assert.ok(JSON.stringify(inbox).includes('/expert'), 'the expert is notified with a link to its workspace');

      // Scores before the declaration are refused by the machine's guard.
      const early = await refused('expert', 'PUT', `/api/plans/${p.id}/experts/me/scores`, { scores: sheet(), comment: null }, 409);
      assert.deepEqual(early.guards?.map((g) => g.guard), ['no-conflict-of-interest']);
      assert.equal(early.guards?.[0]?.violations?.[0]?.code, 'expert-not-declared');
      const outOfRange = await refused('expert', 'PUT', `/api/plans/${p.id}/experts/me/scores`, { scores: sheet({ privacy: 11 }), comment: null }, 400);
      assert.ok(outOfRange.errors?.some((e) => e.path.startsWith('/body/scores/privacy')));

      res = await send('expert', 'POST', `/api/plans/${p.id}/experts/me/declaration`, { conflict: false, note: { ko: '이해관계 없음' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().can.score, true);
      res = await send('expert', 'PUT', `/api/plans/${p.id}/experts/me/scores`, { scores: sheet(), comment: { ko: '혁신성이 높음' } });
      assert.equal(res.statusCode, 200, res.body);
      const mine = res.json();
      assert.equal(mine.experts[0].total, 52);
      assert.equal(mine.summary.sheets, 0, 'an expert does not see the summary of the others');
      const review = (await send('ministry', 'GET', `/api/plans/${p.id}/review`)).json();
      assert.equal(review.summary.sheets, 1);
      assert.equal(review.summary.averageTotal, 52);
      assert.equal(review.summary.averages.innovativeness, 8);
      assert.equal(review.summary.maxTotal, 80);
      const plan = (await send('ministry', 'GET', `/api/plans/${p.id}`)).json();
      assert.equal(plan.steps.at(-1).kind, 'submit_expert_review');
      assert.equal(JSON.stringify(plan.steps.at(-1).body).includes('innovativeness'), false, 'scores stay out of the plan history');
      // Participants do not see the review record.
      await refused('busan', 'GET', `/api/plans/${p.id}/review`, undefined, 403);
    });

    test('an expert who declares a conflict is recused and cannot score', async () => {
      const p = await f.plan('under_review');
      await send('expert', 'PUT', '/api/experts/me/ties', { ties: [] });
      assert.equal((await send('ministry', 'POST', `/api/plans/${p.id}/experts`, { expertUserId: EXPERT })).statusCode, 200);
      const res = await send('expert', 'POST', `/api/plans/${p.id}/experts/me/declaration`, { conflict: true, note: { ko: '가족이 참여 기업에 근무' } });
      assert.equal(res.json().experts[0].declaration, 'conflict');
      const refusedScore = await refused('expert', 'PUT', `/api/plans/${p.id}/experts/me/scores`, { scores: sheet(), comment: null }, 409);
      assert.equal(refusedScore.guards?.[0]?.violations?.[0]?.code, 'expert-declared-conflict');
    });

    test('responsible ministries: each gives its own opinion within its own 30-day clock, paused by a supplement; the referral waits for them', async () => {
      const p = await f.plan('under_review');
      await f.as('motie'); // sign in before the refusal (a sign-in writes a session and an audit entry)
      await refused('motie', 'POST', `/api/plans/${p.id}/opinions`, { position: 'agree', opinion: { ko: '동의' }, conditions: null }, 403);
      let res = await send('ministry', 'POST', `/api/plans/${p.id}/consultations`, { organisationId: MOTIE });
      assert.equal(res.statusCode, 200, res.body);
      const c = res.json().consultations[0];
      assert.equal(c.organisationId, MOTIE);
      assert.equal(c.clock.days, 30);
      assert.equal(c.clock.rule, 'RFZ Act Art. 75(2)');
      assert.equal(c.repliedOn, null);
      await refused('ministry', 'POST', `/api/plans/${p.id}/consultations`, { organisationId: MOTIE }, 409);
      await refused('ministry', 'POST', `/api/plans/${p.id}/consultations`, { organisationId: demoId('org:busan') }, 400);

      // MOTIE has not replied and its 30 days run: MSS cannot refer, even vouching for the others.
      const wait = await refused('ministry', 'POST', `/api/plans/${p.id}/refer`, { committee: 'rfz_committee', ministryRepliesComplete: true, note: null }, 409);
      assert.deepEqual(wait.guards?.map((g) => g.guard), ['ministry-replies-complete-or-due']);
      assert.equal(wait.guards?.[0]?.violations?.[0]?.code, 'ministry-reply-pending');

      // A supplement pauses MOTIE's clock and the answer resumes it.
      assert.equal((await send('ministry', 'POST', `/api/plans/${p.id}/supplement-requests`, { request: { ko: '보완' }, items: [] })).statusCode, 200);
      let review = (await send('motie', 'GET', `/api/plans/${p.id}/review`)).json();
      assert.equal(review.consultations[0].clock.paused, true);
      assert.equal(review.consultations[0].clock.due, null);
      assert.equal(review.can.opine, true);
      assert.equal((await send('busan', 'POST', `/api/plans/${p.id}/supplement-answer`, { answer: { ko: '보완함' } })).statusCode, 200);
      review = (await send('motie', 'GET', `/api/plans/${p.id}/review`)).json();
      assert.equal(review.consultations[0].clock.paused, false);
      assert.equal(review.consultations[0].clock.pauses.length, 1);
      assert.equal(review.ministries.length, 0, 'only MSS sees whom it may consult');

      const conditional = await refused('motie', 'POST', `/api/plans/${p.id}/opinions`, { position: 'agree_with_conditions', opinion: { ko: '조건부 동의' }, conditions: null }, 400);
      assert.equal(conditional.errors?.[0]?.path, '/body/conditions');
      res = await send('motie', 'POST', `/api/plans/${p.id}/opinions`, { position: 'agree_with_conditions', opinion: { ko: '조건부 동의' }, conditions: { ko: '충전소 안전거리 확보' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().consultations[0].position, 'agree_with_conditions');
      assert.notEqual(res.json().consultations[0].clock.stoppedOn, null);
      const twice = await refused('motie', 'POST', `/api/plans/${p.id}/opinions`, { position: 'disagree', opinion: { ko: '반대' }, conditions: null }, 409);
      assert.deepEqual(twice.guards?.[0]?.violations?.map((v) => v.code), ['opinion-already-given']);

      // Every consulted ministry replied: MSS refers.
      res = await send('ministry', 'POST', `/api/plans/${p.id}/refer`, { committee: 'rfz_committee', ministryRepliesComplete: false, note: null });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().state, 'deliberation');
      const steps = res.json().steps.map((s: { kind: string }) => s.kind);
      assert.ok(steps.includes('ministry_opinion'));
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', p.id).execute();
      for (const a of ['plan:consult-ministry', 'plan:ministry-opinion']) assert.ok(audit.some((x) => x.action === a), a);
    });
  });
}
