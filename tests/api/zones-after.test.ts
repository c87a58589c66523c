// A zone after designation (issue 3 item 6): number and public notice, changes, evaluations, extension, hearing and
// cancellation, expiry by the scan, post-management data requests, notifications — on both engines.
// Dates are relative to today (Asia/Seoul), so the tests hold whatever day they run.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, civilDate, type CivilDate } from '../../src/domain/calendar/civil-date.ts';
import { scanDeadlines } from '../../src/server/notifications/deadline-scan.ts';
import { todayInSeoul } from '../../src/server/plans/evaluate.ts';
import { asSession, problemOf, startTestApp, type TestApp } from '../support/app.ts';
import { engines, snapshot } from '../support/db.ts';
import { decision, planFixtures } from '../support/plans.ts';
import { insertZone } from '../support/zones.ts';
import { guardText } from '../../src/domain/i18n/plan-terms.ts';

type Who = 'ministry' | 'busan' | 'ulsan' | 'company' | 'anonymous';
const today = todayInSeoul();
const ago = (days: number): CivilDate => addDays(today, -days);
const scores = (v: number) => ({ 'kpi-achievement': v, 'regional-economy': v, 'use-of-special-cases': v, 'project-results': v });
const meeting = { committee: 'deliberation_committee', meetingOn: today, noticeGivenOn: ago(10), urgent: false };
/** A zone that started over a year ago and ends in about two years. */
const running = () => ({ periodStart: ago(400), periodEnd: addDays(today, 700) });
const startYear = () => Number(ago(400).slice(0, 4));

for (const engine of engines()) {
  describe(`zone after designation (${engine})`, () => {
    let t: TestApp;
    const sessions = new Map<Who, Record<string, string>>();
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    async function headers(who: Who): Promise<Record<string, string>> {
      if (who === 'anonymous') return {};
      if (!sessions.has(who)) sessions.set(who, asSession(await t.login(`${who}@demo.zonelink.kr`)));
      return sessions.get(who)!;
    }
    async function send(who: Who, method: 'GET' | 'POST', url: string, payload?: unknown, extra: Record<string, string> = {}) {
      return t.app.inject({ method, url, headers: { ...(await headers(who)), ...extra }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    }
    async function ok(who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) {
      const res = await send(who, method, url, payload);
      assert.ok(res.statusCode < 300, `${method} ${url} as ${who}: ${res.statusCode} ${res.body.slice(0, 400)}`);
      return res.json();
    }
    const history = async (id: string) => (await ok('anonymous', 'GET', `/api/zones/${id}/history`)).items.map((e: { kind: string }) => e.kind);
    const inbox = async (who: Who) => (await ok(who, 'GET', '/api/me/notifications')).items as { title: string; body: string }[];

    test('designation gives the zone a number and a gazette-style notice, shown publicly with its history', async () => {
      const plans = planFixtures(t);
      const p = await plans.plan('deliberation');
      const decided = await plans.call('ministry', 'POST', `/api/plans/${p.id}/decision`, decision());
      const zoneId = (await ok('busan', 'GET', `/api/plans/${decided.id}`)).zoneId as string;
      const zone = await ok('anonymous', 'GET', `/api/zones/${zoneId}`);
      assert.match(zone.designationNumber, /^RFZ-\d{4}-001$/);
      assert.equal(zone.notice.number, zone.designationNumber);
      assert.deepEqual(zone.notice.mapRegions, ['21', '26']);
      assert.deepEqual(zone.notice.location, ['21120', '26310']);
      assert.equal(zone.notice.areaSqm, 240000);
      assert.equal(zone.notice.periodStart, '2026-12-01');
      assert.equal(zone.notice.operators.length, 2);
      assert.equal(zone.notice.exemptions[0].provision, '시행규칙 별표 (시험)');
      assert.equal(zone.notice.rule, 'RFZ Act Art. 75(4); Decree Art. 44(3)');
      assert.deepEqual(zone.notice.purpose, { ko: '요약' });
      assert.deepEqual(await history(zoneId), ['designated']);
      // The list shows the number but not the whole notice.
      const listed = (await ok('anonymous', 'GET', '/api/zones?region=21')).items.find((z: { id: string }) => z.id === zoneId);
      assert.equal(listed.designationNumber, zone.designationNumber);
      assert.equal(listed.notice, undefined);
    });

    test('a minor change is decided by MSS alone; another goes through review and the committee, guarded by the 15-day reply and the meeting notice', async () => {
      const id = await insertZone(t.db, running());
      // Only the zone's local governments apply (Art. 81(1)).
      assert.equal((await send('company', 'POST', `/api/zones/${id}/changes`, { items: ['typo'], areaChangePercent: null, description: { ko: '오탈자' } })).statusCode, 403);
      const minor = await ok('busan', 'POST', `/api/zones/${id}/changes`, { items: ['typo', 'area'], areaChangePercent: 5, description: { ko: '오탈자와 면적 5% 조정' } });
      assert.equal(minor.minor, true);
      assert.equal(minor.state, 'filed');
      let res = await send('ministry', 'POST', `/api/zones/${id}/changes/${minor.id}/review`, { action: 'accept_for_review', note: null });
      assert.equal(res.statusCode, 409);
      assert.ok(problemOf(res).detail.includes(guardText('ko', 'change-is-not-minor')), problemOf(res).detail);
      assert.equal((await ok('ministry', 'POST', `/api/zones/${id}/changes/${minor.id}/review`, { action: 'approve_minor', note: null })).state, 'approved');

      const major = await ok('ulsan', 'POST', `/api/zones/${id}/changes`, { items: ['area'], areaChangePercent: 12, description: { ko: '면적 12% 확대' } });
      assert.equal(major.minor, false);
      res = await send('ministry', 'POST', `/api/zones/${id}/changes/${major.id}/review`, { action: 'approve_minor', note: null });
      assert.equal(res.statusCode, 409);
      assert.ok(problemOf(res).violations?.some((v) => v.code === 'change-needs-committee'), problemOf(res).detail);
      const accepted = await ok('ministry', 'POST', `/api/zones/${id}/changes/${major.id}/review`, { action: 'accept_for_review', note: null });
      assert.equal(accepted.replyDue, addDays(today, 15));
      const before = await snapshot(t.db);
      res = await send('ministry', 'POST', `/api/zones/${id}/changes/${major.id}/committee-decision`, { decision: 'approve', ...meeting, ministryRepliesComplete: false, note: null }, { 'accept-language': 'fr' });
      assert.equal(res.statusCode, 409);
      assert.ok(problemOf(res).detail.includes(guardText('fr', 'ministry-replies-complete-or-due')), problemOf(res).detail);
      assert.match(problemOf(res).detail, /réponses des ministères/);
      res = await send('ministry', 'POST', `/api/zones/${id}/changes/${major.id}/committee-decision`, { decision: 'approve', ...meeting, noticeGivenOn: ago(3), ministryRepliesComplete: true, note: null });
      assert.equal(res.statusCode, 409);
      assert.ok(problemOf(res).detail.includes(guardText('ko', 'meeting-notice-given')), problemOf(res).detail);
      assert.deepEqual(await snapshot(t.db), before, 'a refused decision changes nothing');
      const approved = await ok('ministry', 'POST', `/api/zones/${id}/changes/${major.id}/committee-decision`, { decision: 'approve', ...meeting, ministryRepliesComplete: true, note: { ko: '승인' } });
      assert.equal(approved.state, 'approved');
      assert.deepEqual(await history(id), ['change-filed', 'change-approved', 'change-filed', 'change-accepted', 'change-approved']);
      const listed = (await ok('anonymous', 'GET', `/api/zones/${id}/changes`)).items;
      assert.deepEqual(listed.map((c: { state: string }) => c.state), ['approved', 'approved']);
      // Notices read in the reader's language (the demo users read Korean).
      assert.ok((await inbox('ministry')).some((n) => n.title.includes('변경 신청됨')));
    });

    test('the ministry records yearly evaluations; the public sees grades; a poor grade warns of cancellation', async () => {
      const id = await insertZone(t.db, { ...running(), name: '평가 특구' });
      const year = startYear();
      assert.equal((await send('busan', 'POST', `/api/zones/${id}/evaluations`, { year, scores: scores(80), summary: { ko: '양호' }, confirmedOn: today })).statusCode, 403);
      const bad = await send('ministry', 'POST', `/api/zones/${id}/evaluations`, { year, scores: scores(80), summary: { ko: '양호' }, confirmedOn: '2026-02-30' }, { 'accept-language': 'ja' });
      assert.equal(bad.statusCode, 400);
      const e = await ok('ministry', 'POST', `/api/zones/${id}/evaluations`, { year, scores: scores(50), summary: { ko: '미흡', en: 'Poor' }, confirmedOn: today });
      assert.equal(e.grade, 'poor');
      assert.equal(e.consequences.cancellationWarning, true);
      const dup = await send('ministry', 'POST', `/api/zones/${id}/evaluations`, { year, scores: scores(95), summary: { ko: '재평가' }, confirmedOn: today });
      assert.equal(dup.statusCode, 409);
      assert.ok(problemOf(dup).violations?.some((v) => v.code === 'evaluation-already-recorded'), problemOf(dup).detail);
      assert.match(problemOf(dup).detail, /^\d{4}년 평가는 이미 기록됨\(지역특구법 제83조제1항\)\.$/);
      const pub = await ok('anonymous', 'GET', `/api/zones/${id}/evaluations`);
      assert.deepEqual(pub.items.map((i: { year: number; grade: string }) => [i.year, i.grade]), [[year, 'poor']]);
      assert.equal((await ok('anonymous', 'GET', `/api/zones/${id}`)).state, 'evaluated');
      assert.ok((await inbox('busan')).some((n) => n.title.includes('평가 특구') && n.title.includes('지정 해제 경고')));
      // A poor grade blocks the extension (Art. 82(3), 83(3)).
      const ext = await send('ministry', 'POST', `/api/zones/${id}/extension`, { newPeriodEnd: addDays(today, 1400), ...meeting, reason: { ko: '연장' } });
      assert.equal(ext.statusCode, 409);
      assert.ok(problemOf(ext).detail.includes(guardText('ko', 'extension-allowed')), problemOf(ext).detail);
      assert.ok(problemOf(ext).violations?.some((v) => v.code === 'extension-poor-grade'), problemOf(ext).detail);
    });

    test('extension: after a good evaluation, before expiry, at most 4 years, with If-Match', async () => {
      const id = await insertZone(t.db, running());
      const noEval = await send('ministry', 'POST', `/api/zones/${id}/extension`, { newPeriodEnd: addDays(today, 1000), ...meeting, reason: { ko: '연장' } });
      assert.equal(noEval.statusCode, 409, 'a designated zone is evaluated before it is extended');
      await ok('ministry', 'POST', `/api/zones/${id}/evaluations`, { year: startYear(), scores: scores(92), summary: { ko: '우수' }, confirmedOn: today });
      const zone = await t.app.inject({ url: `/api/zones/${id}` });
      const etag = String(zone.headers.etag);
      const tooLong = await send('ministry', 'POST', `/api/zones/${id}/extension`, { newPeriodEnd: addDays(today, 700 + 365 * 4 + 2), ...meeting, reason: { ko: '연장' } });
      assert.equal(tooLong.statusCode, 409);
      assert.ok(problemOf(tooLong).violations?.some((v) => v.code === 'extension-too-long'), problemOf(tooLong).detail);
      assert.equal((await send('busan', 'POST', `/api/zones/${id}/extension`, { newPeriodEnd: addDays(today, 1000), ...meeting, reason: { ko: '연장' } })).statusCode, 403);
      const extended = await send('ministry', 'POST', `/api/zones/${id}/extension`, { newPeriodEnd: addDays(today, 1000), ...meeting, reason: { ko: '연장' } }, { 'if-match': etag });
      assert.equal(extended.statusCode, 200, extended.body);
      assert.equal(extended.json().state, 'extended');
      assert.equal(extended.json().periodEnd, addDays(today, 1000));
      const stale = await send('ministry', 'POST', `/api/zones/${id}/extension`, { newPeriodEnd: addDays(today, 1100), ...meeting, reason: { ko: '재연장' } }, { 'if-match': etag });
      assert.equal(stale.statusCode, 412);
    });

    test('cancellation needs a hearing first; then two years of post-management with data requests answered by the addressee', async () => {
      const id = await insertZone(t.db, { ...running(), name: '해제 특구' });
      await ok('ministry', 'POST', `/api/zones/${id}/evaluations`, { year: startYear(), scores: scores(40), summary: { ko: '미흡' }, confirmedOn: today });
      let res = await send('ministry', 'POST', `/api/zones/${id}/cancellation`, { ground: 'poor-performance', ...meeting, reason: { ko: '부진' } });
      assert.equal(res.statusCode, 409);
      assert.ok(problemOf(res).detail.includes(guardText('ko', 'hearing-held')), problemOf(res).detail);
      assert.equal((await send('busan', 'POST', `/api/zones/${id}/hearings`, { heldOn: ago(2), ground: 'poor-performance', attendees: ['부산광역시'], summary: { ko: '청문' } })).statusCode, 403);
      await ok('ministry', 'POST', `/api/zones/${id}/hearings`, { heldOn: ago(2), ground: 'poor-performance', attendees: ['부산광역시', '울산광역시', '○○기업'], summary: { ko: '청문 결과' } });
      const cancelled = await ok('ministry', 'POST', `/api/zones/${id}/cancellation`, { ground: 'poor-performance', ...meeting, reason: { ko: '운영성과 부진' } });
      assert.equal(cancelled.state, 'post_management');
      assert.equal(cancelled.endedOn, today);
      assert.ok(cancelled.postManagementUntil > addDays(today, 729));
      assert.deepEqual((await history(id)).slice(-3), ['hearing-held', 'cancelled', 'post-management-begun']);

      const busanOrg = (await ok('busan', 'GET', '/api/me')).organisation.id as string;
      res = await send('ministry', 'POST', `/api/zones/${id}/data-requests`, { organisationId: busanOrg, subject: { ko: '성과 자료' }, dueOn: today });
      assert.equal(res.statusCode, 409);
      assert.ok(problemOf(res).violations?.some((v) => v.code === 'data-request-due-too-early'), problemOf(res).detail);
      const request = await ok('ministry', 'POST', `/api/zones/${id}/data-requests`, { organisationId: busanOrg, subject: { ko: '고용·투자 성과 자료' }, dueOn: addDays(today, 30) });
      assert.equal((await ok('company', 'GET', `/api/zones/${id}/data-requests`)).items.length, 0);
      assert.equal((await ok('busan', 'GET', `/api/zones/${id}/data-requests`)).items.length, 1);
      assert.equal((await send('company', 'POST', `/api/zones/${id}/data-requests/${request.id}/answer`, { answer: { ko: '답변' } })).statusCode, 403);
      const answered = await ok('busan', 'POST', `/api/zones/${id}/data-requests/${request.id}/answer`, { answer: { ko: '고용 120명' } });
      assert.equal(answered.answeredOn, today);
      assert.equal((await send('busan', 'POST', `/api/zones/${id}/data-requests/${request.id}/answer`, { answer: { ko: '다시' } })).statusCode, 409);
      assert.deepEqual((await ok('ministry', 'GET', `/api/zones/${id}/data-requests`)).items[0].answer, { ko: '고용 120명' });
      // The public history says a request was answered, not what.
      assert.ok(!JSON.stringify(await ok('anonymous', 'GET', `/api/zones/${id}/history`)).includes('고용 120명'));
    });

    test('the scan expires a zone whose period ended and closes it two years later, each once; deadline notices go out once', async () => {
      const expiring = await insertZone(t.db, { periodStart: ago(1500), periodEnd: ago(1), name: '만료 특구' });
      const reference = await t.db.selectFrom('zone').select(['id', 'state']).where('source', '=', 'reference').orderBy('id').execute();
      await scanDeadlines(t.db, { today });
      let zone = await ok('anonymous', 'GET', `/api/zones/${expiring}`);
      assert.equal(zone.state, 'post_management');
      assert.equal(zone.endedOn, ago(1));
      const expiredNotices = (await inbox('busan')).filter((n) => n.title.includes('만료 특구')).length;
      assert.ok(expiredNotices >= 1);
      await scanDeadlines(t.db, { today });
      assert.deepEqual((await history(expiring)).filter((k: string) => k === 'expired'), ['expired']);
      assert.equal((await inbox('busan')).filter((n) => n.title.includes('만료 특구')).length, expiredNotices, 'sent once');
      assert.deepEqual(await t.db.selectFrom('zone').select(['id', 'state']).where('source', '=', 'reference').orderBy('id').execute(), reference, 'reference zones stay as published');
      const later = addDays(civilDate(zone.postManagementUntil), 1);
      await scanDeadlines(t.db, { today: later });
      zone = await ok('anonymous', 'GET', `/api/zones/${expiring}`);
      assert.equal(zone.state, 'closed');

      // An evaluation due soon: one notice to the ministry per offset, ever.
      const evaluable = await insertZone(t.db, { periodStart: '2026-12-01', periodEnd: '2030-11-30', name: '평가기한 특구' });
      const first = await scanDeadlines(t.db, { today: civilDate('2027-11-25') });
      assert.ok(first > 0);
      const titles = (await inbox('ministry')).filter((n) => n.title.includes('평가기한 특구') && n.title.includes('2026년 운영 성과 평가'));
      assert.equal(titles.length, 1);
      await scanDeadlines(t.db, { today: civilDate('2027-11-25') });
      assert.equal((await inbox('ministry')).filter((n) => n.title.includes('평가기한 특구') && n.title.includes('2026년 운영 성과 평가')).length, 1);
      void evaluable;
    });
  });
}
