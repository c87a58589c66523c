// Every /api route × every role × own/other scope, generated from the app's route table (run per engine by
// authorization-matrix-pglite.test.ts and authorization-matrix-postgres.test.ts).
// The expectations below are written by hand, independently of the policy code: a new route
// without a row here fails this test until someone decides who may use it.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { errorFilePath } from '../../src/server/demonstrations/error-file.ts';
import { stagingStore, storePart } from '../../src/server/demonstrations/staged-parts.ts';
import { after, before, describe, test } from 'node:test';
import { notify } from '../../src/server/notifications/notify.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import type { Engine } from '../support/db.ts';
import { common, consultation, decision, planFixtures, section, type FixtureState, type PlanRef } from '../support/plans.ts';
import type { Database } from '../../src/db/database.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, seedDemoExemptions, seedReferenceRegulations, zoneAt } from '../../src/db/seed/regulations.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { insertRegulation } from '../../src/server/regulations/store.ts';
import { addDays } from '../../src/domain/calendar/civil-date.ts';
import { createHolidayCalendar } from '../../src/domain/calendar/holidays.ts';
import { todayInSeoul } from '../../src/server/plans/evaluate.ts';
import { insertZone } from '../support/zones.ts';
import type { ExemptionState } from '../../src/domain/exemptions/lifecycle.ts';
import { rapidConfirmationClock } from '../../src/domain/exemptions/validity.ts';

const packageCalendar = createHolidayCalendar();
const ROLES = ['anonymous', 'ministry', 'busan', 'company', 'expert', 'motie', 'busan-read-token'] as const;
type Role = (typeof ROLES)[number];
const EMAIL: Record<Exclude<Role, 'anonymous'>, string> = {
  ministry: 'ministry@demo.zonelink.kr',
  busan: 'busan@demo.zonelink.kr',
  company: 'company@demo.zonelink.kr',
  expert: 'expert@demo.zonelink.kr',
  motie: 'motie@demo.zonelink.kr',
  'busan-read-token': 'busan@demo.zonelink.kr',
};

type Scope = 'own' | 'other';
interface Cell { own: number; other: number }
const same = (status: number): Cell => ({ own: status, other: status });
const all = (status: number, overrides: Partial<Record<Role, Cell>> = {}): Record<Role, Cell> =>
  Object.fromEntries(ROLES.map((r) => [r, overrides[r] ?? same(status)])) as Record<Role, Cell>;
const signedIn = (status: number, overrides: Partial<Record<Role, Cell>> = {}) => all(status, { anonymous: same(401), ...overrides });

interface Ctx {
  role: Role;
  scope: Scope;
  actorUserId: string | null;
  tokenOf(role: 'busan' | 'ministry'): Promise<string>;
  /** A zone plan in `state` — Busan's (with Ulsan) for `own`, Ulsan's for `other`; `fresh` for cells that change it. */
  planOf(state: FixtureState, fresh?: boolean): Promise<PlanRef>;
  notificationOf(role: Exclude<Role, 'anonymous' | 'busan-read-token'>): Promise<string>;
}
interface Row {
  expect: Record<Role, Cell>;
  request(ctx: Ctx): Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }> | { url: string; payload?: unknown };
}

const MATRIX_CSV = 'ts,speed\n2026-11-20T10:00:00+09:00,10\n';
const profile = { teamName: { ko: '팀' }, contactEmail: 'team@example.kr', phone: null, introduction: { ko: '소개' } };

// Regulations and exemptions: a fresh exemption per cell for the routes that change it.
let matrixDb: Database | null = null;
let serial = 0;
const regulationBody = () => ({
  instrument: 'notice', law: { ko: '매트릭스 고시' }, article: `M${++serial}`, paragraph: null, ministry: 'MOLIT', ministryName: { ko: '국토교통부' },
  title: { ko: '매트릭스' }, body: { ko: '본문' }, effectiveFrom: '2025-01-01', amendments: [],
});
const exemptionConditions = { text: { ko: '조건' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 } };
async function freshExemption(holders: string[], state: ExemptionState = 'active', term: { grantedOn?: string; validFrom?: string | null; validUntil?: string | null } = {}): Promise<string> {
  return insertExemption(matrixDb!, {
    kind: 'demonstration_exemption', title: { ko: '매트릭스 특례' }, zoneId: zoneAt(25), holders, regulationIds: [regulationId({ key: 'drone_bvlos' })],
    conditions: exemptionConditions, stages: ['logistics'], grantedOn: term.grantedOn ?? '2025-01-02', validFrom: term.validFrom === undefined ? '2025-01-02' : term.validFrom,
    validUntil: term.validUntil === undefined ? '2029-01-01' : term.validUntil, state, demo: false,
  });
}
/** An exemption with a law-amendment track: reviewed (amendment needed or refused), optionally with a plan. */
async function trackedExemption(review: { needed: boolean; plan?: boolean }): Promise<string> {
  const id = await freshExemption([], 'amendment_requested');
  await matrixDb!.insertInto('law_amendment').values({
    exemption_id: id, requested_on: '2026-01-05', evidence: '[]', review_reported_on: '2026-03-02', amendment_needed: review.needed, review: JSON.stringify({ ko: '검토' }),
    plan_submitted_on: review.plan ? '2026-04-01' : null, plan: review.plan ? JSON.stringify({ targetLaw: { ko: '법' } }) : null,
    schedule: review.plan ? JSON.stringify([{ stage: 'promulgated', by: '2026-12-31' }]) : '[]', progress: '[]', version: 1,
  }).execute();
  return id;
}
/** An open exemption draft in `zoneId`, as designation writes them from a plan's special case. */
async function freshDraft(zoneId: string, planId: string): Promise<string> {
  const id = randomUUID();
  await matrixDb!.insertInto('exemption_draft').values({
    id, zone_id: zoneId, plan_id: planId, plan_item: `sc-${id}`, kind: 'demonstration_exemption', title: JSON.stringify({ ko: '매트릭스 초안' }),
    regulation_ids: [regulationId({ key: 'drone_bvlos' })], stages: ['logistics'], conditions_text: JSON.stringify({ ko: '조건' }), valid_from: null, valid_until: null,
    special_case: JSON.stringify({ law: { ko: '법' }, provision: '제1조', regulation: { ko: '규제' }, request: { ko: '요청' }, responsibleMinistry: null }),
    state: 'open', exemption_id: null, reason: null, decided_by: null, decided_at: null,
  }).execute();
  return id;
}
const holderOf = (ctx: Ctx) => (ctx.scope === 'own' ? [demoId('org:company')] : [demoId('org:ulsan')]);
/** A future working day not used by an earlier cell, for the one-off holiday routes. */
let holidaySerial = 0;
function freeHoliday(): string {
  let day = addDays(todayInSeoul(), 400 + 7 * holidaySerial++);
  while (!packageCalendar.isBusinessDay(day)) day = addDays(day, 1);
  return day;
}

const MATRIX: Record<string, Row> = {
  'GET /api/session': { expect: signedIn(200), request: () => ({ url: '/api/session' }) },
  'POST /api/session': {
    expect: all(200),
    request: () => ({ url: '/api/session', payload: { email: 'expert@demo.zonelink.kr', password: 'zonelink-demo' } }),
  },
  'DELETE /api/session': { expect: signedIn(204, { 'busan-read-token': same(403) }), request: () => ({ url: '/api/session' }) },
  'GET /api/me': { expect: signedIn(200), request: () => ({ url: '/api/me' }) },
  'PATCH /api/me': { expect: signedIn(200, { 'busan-read-token': same(403) }), request: () => ({ url: '/api/me', payload: { displayName: 'Matrix' } }) },
  'GET /api/me/tokens': { expect: signedIn(200), request: () => ({ url: '/api/me/tokens' }) },
  'POST /api/me/tokens': {
    expect: signedIn(201, { 'busan-read-token': same(403) }),
    request: () => ({ url: '/api/me/tokens', payload: { name: 'matrix', scopes: ['read'] } }),
  },
  'DELETE /api/me/tokens/:id': {
    // Someone else's token does not exist for you (404); a read-only token may not revoke (403).
    expect: all(-1, {
      anonymous: same(401), ministry: { own: 204, other: 404 }, busan: { own: 204, other: 404 }, company: { own: 204, other: 404 },
      expert: { own: 204, other: 404 }, motie: { own: 204, other: 404 }, 'busan-read-token': { own: 403, other: 404 },
    }),
    async request(ctx) {
      const owner = ctx.scope === 'own' ? (ctx.role === 'busan-read-token' ? 'busan' : ctx.role) : ctx.role === 'ministry' ? 'busan' : 'ministry';
      const id = owner === 'anonymous' ? '00000000-0000-4000-8000-000000000000' : await ctx.tokenOf(owner as 'busan' | 'ministry');
      return { url: `/api/me/tokens/${id}` };
    },
  },
  'GET /api/regions': { expect: all(200), request: () => ({ url: '/api/regions?level=province' }) },
  'GET /api/regions/:code': { expect: all(200), request: (ctx) => ({ url: `/api/regions/${ctx.scope === 'own' ? '21' : '26'}` }) },
  'PUT /api/regions/:code/profile': {
    expect: all(403, { anonymous: same(401), ministry: same(200), busan: { own: 200, other: 403 } }),
    request: (ctx) => ({ url: `/api/regions/${ctx.scope === 'own' ? '21' : '26'}/profile`, payload: profile }),
  },
  'GET /api/capabilities/catalogue': { expect: all(200), request: () => ({ url: '/api/capabilities/catalogue' }) },
  'GET /api/regions/:code/inventory': { expect: all(200), request: (ctx) => ({ url: `/api/regions/${ctx.scope === 'own' ? '21' : '26'}/inventory` }) },
  'PUT /api/regions/:code/inventory': {
    expect: all(403, { anonymous: same(401), ministry: same(200), busan: { own: 200, other: 403 } }),
    request: (ctx) => ({ url: `/api/regions/${ctx.scope === 'own' ? '21' : '26'}/inventory`, payload: { capabilities: [{ key: 'port', quantity: 3 }], stages: ['logistics'], exemptions: [] } }),
  },
  'POST /api/inventory/import': {
    expect: all(403, { anonymous: same(401), ministry: same(200), busan: { own: 200, other: 403 } }),
    request: (ctx) => ({ url: '/api/inventory/import', payload: { csv: `region_code,kind,key,quantity\n${ctx.scope === 'own' ? '21010' : '26010'},capability,port,2\n` } }),
  },
  'GET /api/zones': { expect: all(200), request: () => ({ url: '/api/zones?round=1' }) },
  'GET /api/zones/:id': { expect: all(404), request: () => ({ url: '/api/zones/00000000-0000-4000-8000-000000000000' }) },
  'GET /api/me/notifications': { expect: signedIn(200), request: () => ({ url: '/api/me/notifications' }) },
  'POST /api/me/notifications/:id/read': {
    // Someone else's notification does not exist for you (404); a read-only token may not mark (403).
    expect: all(-1, {
      anonymous: same(401), ministry: { own: 204, other: 404 }, busan: { own: 204, other: 404 }, company: { own: 204, other: 404 },
      expert: { own: 204, other: 404 }, motie: { own: 204, other: 404 }, 'busan-read-token': { own: 403, other: 404 },
    }),
    async request(ctx) {
      const self = ctx.role === 'anonymous' ? 'expert' : ctx.role === 'busan-read-token' ? 'busan' : ctx.role;
      const owner = ctx.scope === 'own' ? self : self === 'ministry' ? 'busan' : 'ministry';
      return { url: `/api/me/notifications/${await ctx.notificationOf(owner)}/read` };
    },
  },
  'GET /api/plans': { expect: signedIn(200), request: () => ({ url: '/api/plans' }) },
  'POST /api/plans': {
    // Only a local government starts a plan, for its own area (Act Art. 72(1)).
    expect: all(403, { anonymous: same(401), busan: { own: 201, other: 403 } }),
    request: (ctx) => ({ url: '/api/plans', payload: { model: 'single', leadRegion: ctx.scope === 'own' ? '21' : '26', title: { ko: '매트릭스' } } }),
  },
  ...planReads(['GET /api/plans/:id', ''], ['GET /api/plans/:id/versions', '/versions'], ['GET /api/plans/:id/versions/:version', '/versions/1'], ['GET /api/plans/:id/diff', '/diff?from=1&to=2'], ['GET /api/plans/:id/coverage', '/coverage']),
  'PUT /api/plans/:id': planLead('drafting', async (p) => ({ url: `/api/plans/${p.id}`, payload: common(), headers: { 'if-match': p.etag } })),
  'PUT /api/plans/:id/sections/:region': planLead('drafting', async (p, ctx) => ({
    url: `/api/plans/${p.id}/sections/${ctx.scope === 'own' ? '21' : '26'}`, payload: section(ctx.scope === 'own' ? '21120' : '26310', 'm'), headers: { 'if-match': p.etag },
  })),
  'POST /api/plans/:id/partners': planLead('drafting', async (p) => ({ url: `/api/plans/${p.id}/partners`, payload: { regionCode: '22' } })),
  'DELETE /api/plans/:id/partners/:region': planLead('drafting', async (p, ctx) => ({ url: `/api/plans/${p.id}/partners/${ctx.scope === 'own' ? '26' : '38'}` })),
  'PUT /api/plans/:id/consultation': planLead('drafting', async (p) => ({ url: `/api/plans/${p.id}/consultation`, payload: consultation, headers: { 'if-match': p.etag } })),
  'POST /api/plans/:id/request-signoff': planLead('ready', async (p) => ({ url: `/api/plans/${p.id}/request-signoff` })),
  'POST /api/plans/:id/signoff': planLead('signing_off', async (p) => ({ url: `/api/plans/${p.id}/signoff`, payload: { contentHash: p.hash } })),
  'DELETE /api/plans/:id/signoff': planLead('signed', async (p) => ({ url: `/api/plans/${p.id}/signoff` })),
  'POST /api/plans/:id/submit': planLead('signed', async (p) => ({ url: `/api/plans/${p.id}/submit` })),
  'POST /api/plans/:id/withdraw': planLead('drafting', async (p) => ({ url: `/api/plans/${p.id}/withdraw` })),
  'POST /api/plans/:id/supplement-answer': planLead('supplement_requested', async (p) => ({ url: `/api/plans/${p.id}/supplement-answer`, payload: { answer: { ko: '보완' } } })),
  'POST /api/plans/:id/revise': planLead('sent_back', async (p) => ({ url: `/api/plans/${p.id}/revise` })),
  'POST /api/plans/:id/redeliberation': planLead('rejected', async (p) => ({ url: `/api/plans/${p.id}/redeliberation`, payload: { reason: { ko: '재심의 요청' } } })),
  'GET /api/experts': { expect: all(403, { anonymous: same(401), ministry: same(200) }), request: () => ({ url: '/api/experts' }) },
  'GET /api/experts/me': { expect: all(403, { anonymous: same(401), expert: same(200) }), request: () => ({ url: '/api/experts/me' }) },
  'PUT /api/experts/me/ties': {
    expect: all(403, { anonymous: same(401), expert: same(200) }),
    request: () => ({ url: '/api/experts/me/ties', payload: { ties: [{ kind: 'government', regionCode: '11', note: 'matrix' }] } }),
  },
  'GET /api/plans/:id/review': {
    // MSS; an assigned expert and a consulted ministry see their own part (own = assigned / consulted).
    expect: all(403, { anonymous: same(401), ministry: same(200), expert: { own: 200, other: 403 }, motie: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/plans/${(await reviewPlan(ctx.role === 'motie' ? 'consulted' : 'assigned', ctx.scope)).id}/review` }),
  },
  'POST /api/plans/:id/experts': planMinistry('under_review', async (p) => ({ url: `/api/plans/${p.id}/experts`, payload: { expertUserId: demoId('user:expert@demo.zonelink.kr') } })),
  'POST /api/plans/:id/consultations': planMinistry('under_review', async (p) => ({ url: `/api/plans/${p.id}/consultations`, payload: { organisationId: demoId('org:motie') } })),
  'POST /api/plans/:id/experts/me/declaration': {
    expect: all(403, { anonymous: same(401), expert: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/plans/${(await reviewPlan('assigned', ctx.scope)).id}/experts/me/declaration`, payload: { conflict: false, note: null } }),
  },
  'PUT /api/plans/:id/experts/me/scores': {
    expect: all(403, { anonymous: same(401), expert: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/plans/${(await reviewPlan('declared', ctx.scope)).id}/experts/me/scores`, payload: { scores: scoreSheet, comment: null } }),
  },
  'POST /api/plans/:id/opinions': {
    expect: all(403, { anonymous: same(401), motie: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/plans/${(await reviewPlan('consulted', ctx.scope)).id}/opinions`, payload: { position: 'agree', opinion: { ko: '이견 없음' }, conditions: null } }),
  },
  'POST /api/plans/:id/return': planMinistry('under_review', async (p) => ({ url: `/api/plans/${p.id}/return`, payload: { missingItems: ['zone-maps'], reason: { ko: '미비' } } })),
  'POST /api/plans/:id/accept': planMinistry('submitted', async (p) => ({ url: `/api/plans/${p.id}/accept` })),
  'POST /api/plans/:id/supplement-requests': planMinistry('under_review', async (p) => ({ url: `/api/plans/${p.id}/supplement-requests`, payload: { request: { ko: '보완 요청' }, items: ['zone-maps'] } })),
  'POST /api/plans/:id/refer': planMinistry('under_review', async (p) => ({ url: `/api/plans/${p.id}/refer`, payload: { committee: 'rfz_committee', ministryRepliesComplete: true, note: null } })),
  'POST /api/plans/:id/decision': planMinistry('deliberation', async (p) => ({ url: `/api/plans/${p.id}/decision`, payload: decision() })),
  'GET /api/about': { expect: all(200), request: () => ({ url: '/api/about' }) },
  'POST /api/planner/solve': {
    expect: signedIn(200),
    request: () => ({ url: '/api/planner/solve', payload: { needs: { capabilities: [{ key: 'port', min: 2 }], stages: [], exemptions: [] } } }),
  },
  'POST /api/planner/requests': {
    expect: all(403, { anonymous: same(401), ministry: same(201), busan: same(201) }),
    request: () => ({ url: '/api/planner/requests', payload: { title: 'matrix', query: { needs: { capabilities: [{ key: 'port', min: 2 }], stages: [], exemptions: [] } } } }),
  },
  'GET /api/planner/requests': {
    expect: signedIn(200, { company: same(200), expert: same(200), motie: same(200) }),
    request: () => ({ url: '/api/planner/requests' }),
  },
  'GET /api/audit': { expect: all(403, { anonymous: same(401), ministry: same(200) }), request: () => ({ url: '/api/audit' }) },
  'GET /api/projects': { expect: signedIn(200), request: () => ({ url: '/api/projects' }) },
  'POST /api/projects': {
    // A company creates the projects it leads, in any zone.
    expect: all(403, { anonymous: same(401), company: same(201) }),
    request: async (ctx) => ({ url: '/api/projects', payload: { zoneId: await projects.zone(ctx.scope), ...projectUpdate } }),
  },
  ...projectReads(['GET /api/projects/:id', ''], ['GET /api/projects/:id/uploads', '/uploads'], ['GET /api/projects/:id/compliance', '/compliance'], ['GET /api/projects/:id/reports', '/reports'], ['GET /api/projects/:id/incidents', '/incidents'], ['GET /api/projects/:id/coverage', '/coverage']),
  'GET /api/projects/:id/uploads/:uploadId/errors.csv': {
    // The same readers as the project's uploads.
    expect: projectReads(['x', ''])['x']!.expect,
    request: async (ctx) => ({ url: `${await projects.errored(ctx.scope)}/errors.csv` }),
  },
  ...Object.fromEntries(['pdf', 'csv'].map((format) => [`GET /api/projects/:id/evidence-pack.${format}`, {
    // Who reads the project, and the responsible ministry whose regulation an exemption of the project suspends
    // (own: the project uses an exemption of a MOTIE regulation; other: it does not).
    expect: { ...projectReads(['x', ''])['x']!.expect, motie: { own: 200, other: 403 } },
    request: async (ctx: Ctx) => ({ url: `/api/projects/${await projects.evidence(ctx.scope)}/evidence-pack.${format}` }),
  } satisfies Row])),
  'GET /api/evidence-packs': { expect: signedIn(200), request: () => ({ url: '/api/evidence-packs' }) },
  'PUT /api/projects/:id/reports/:period': {
    // Every company in the project files its periodic reports (here: the first quarter, ended).
    expect: all(403, { anonymous: same(401), company: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/projects/${await projects.project(ctx.scope, ctx.role === 'company')}/reports/1`, payload: { kpiValues: [], narrative: { ko: '분기 보고' } } }),
  },
  'POST /api/projects/:id/reports/:period/review': {
    // MSS and the project's local governments review filed reports.
    expect: all(403, { anonymous: same(401), ministry: same(200), busan: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/projects/${await projects.reported(ctx.scope)}/reports/1/review`, payload: { decision: 'accept', comment: { ko: '확인' } } }),
  },
  'POST /api/projects/:id/incidents/:incidentId/suspension': {
    // After a serious incident the supervisors suspend an exemption for the project: MSS and the project's local governments (Act Art. 89; Decree Art. 59).
    expect: all(403, { anonymous: same(401), ministry: same(200), busan: { own: 200, other: 403 } }),
    request: async (ctx) => {
      const s = await projects.suspendable(ctx.scope);
      return { url: `/api/projects/${s.project}/incidents/${s.incident}/suspension`, payload: { exemptionIds: [s.exemption], reason: { ko: '중대 사고' } } };
    },
  },
  'POST /api/projects/:id/exemptions/:exemptionId/lift-suspension': {
    // Only the ministry lifts it (issue 5: "reversible by the ministry").
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async (ctx) => {
      const s = await projects.suspendable(ctx.scope, true);
      return { url: `/api/projects/${s.project}/exemptions/${s.exemption}/lift-suspension`, payload: { reason: { ko: '조치 완료' } } };
    },
  },
  'POST /api/projects/:id/incidents': {
    expect: all(403, { anonymous: same(401), company: { own: 201, other: 403 } }),
    request: async (ctx) => ({
      url: `/api/projects/${await projects.project(ctx.scope)}/incidents`,
      payload: { severity: 'minor', occurredAt: '2026-11-20T10:00:00+09:00', place: { ko: '부두' }, lon: null, lat: null, description: { ko: '경미한 접촉' }, immediateActions: { ko: '운행 중지' } },
    }),
  },
  'PUT /api/projects/:id': {
    expect: all(403, { anonymous: same(401), company: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/projects/${await projects.project(ctx.scope)}`, payload: projectUpdate }),
  },
  'POST /api/projects/:id/transition': {
    expect: all(403, { anonymous: same(401), company: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/projects/${await projects.project(ctx.scope, ctx.role === 'company')}/transition`, payload: { to: 'demonstrating' } }),
  },
  'PUT /api/projects/:id/uploads/:uploadId': {
    expect: all(403, { anonymous: same(401), company: { own: 201, other: 403 } }),
    request: async (ctx) => ({
      url: `/api/projects/${await projects.project(ctx.scope)}/uploads/${randomUUID()}`,
      payload: 'ts,speed\n2026-11-20T10:00:00+09:00,10\n', headers: { 'content-type': 'text/csv' },
    }),
  },
  // Resumable uploads: the same callers as the single-stream upload.
  'PUT /api/projects/:id/uploads/:uploadId/parts': {
    expect: all(403, { anonymous: same(401), company: { own: 200, other: 403 } }),
    request: async (ctx) => ({
      url: `/api/projects/${await projects.project(ctx.scope)}/uploads/${randomUUID()}/parts`,
      payload: MATRIX_CSV, headers: { 'content-type': 'text/csv', 'content-range': `bytes 0-${Buffer.byteLength(MATRIX_CSV) - 1}/${Buffer.byteLength(MATRIX_CSV)}` },
    }),
  },
  'GET /api/projects/:id/uploads/:uploadId/parts': {
    expect: all(403, { anonymous: same(401), company: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `${await projects.staged(ctx.scope)}/parts` }),
  },
  'POST /api/projects/:id/uploads/:uploadId/complete': {
    expect: all(403, { anonymous: same(401), company: { own: 201, other: 403 } }),
    request: async (ctx) => ({ url: `${await projects.staged(ctx.scope)}/complete`, payload: {} }),
  },
  'POST /api/projects/:id/reports/:period/attachments': {
    // Every company in the project attaches files to its filed reports.
    expect: all(403, { anonymous: same(401), company: { own: 201, other: 403 } }),
    request: async (ctx) => ({
      url: `/api/projects/${await projects.reported(ctx.scope)}/reports/1/attachments?name=matrix.pdf`,
      payload: Buffer.from('%PDF-1.4\n%%EOF\n'), headers: { 'content-type': 'application/pdf' },
    }),
  },
  'GET /api/projects/:id/reports/:period/attachments': {
    expect: projectReads(['x', ''])['x']!.expect,
    request: async (ctx) => ({ url: (await projects.attachment(ctx.scope)).replace(/\/[^/]+$/, '') }),
  },
  'GET /api/projects/:id/reports/:period/attachments/:attachmentId': {
    expect: projectReads(['x', ''])['x']!.expect,
    request: async (ctx) => ({ url: await projects.attachment(ctx.scope) }),
  },
  'DELETE /api/projects/:id/reports/:period/attachments/:attachmentId': {
    // The company that attached a file or the lead company withdraws it (here: the lead; a fresh file per cell).
    expect: all(403, { anonymous: same(401), company: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: await projects.attachment(ctx.scope, true), payload: { reason: '잘못 올린 파일' } }),
  },
  'GET /api/regulations': { expect: all(200), request: () => ({ url: '/api/regulations' }) },
  'GET /api/regulations/:id': { expect: all(200), request: () => ({ url: `/api/regulations/${regulationId({ key: 'drone_bvlos' })}` }) },
  'POST /api/regulations': {
    // MSS keeps the catalogue.
    expect: all(403, { anonymous: same(401), ministry: same(201) }),
    request: () => ({ url: '/api/regulations', payload: regulationBody() }),
  },
  'POST /api/regulations/import': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: () => ({ url: '/api/regulations/import', payload: { items: [regulationBody()] } }),
  },
  'POST /api/regulations/:id/amendments': {
    expect: all(403, { anonymous: same(401), ministry: same(201) }),
    request: () => ({ url: `/api/regulations/${regulationId({ key: 'drone_bvlos' })}/amendments`, payload: { date: '2026-03-01', act: `Act No. M${++serial}`, note: null } }),
  },
  'GET /api/exemptions': { expect: all(200), request: () => ({ url: '/api/exemptions' }) },
  'GET /api/exemptions/:id': { expect: all(200), request: () => ({ url: `/api/exemptions/${demoId('exemption:gyeongbuk-drone')}` }) },
  'POST /api/exemptions': {
    // Grants are committee decisions recorded by an MSS administrator.
    expect: all(403, { anonymous: same(401), ministry: same(201) }),
    request: () => ({ url: '/api/exemptions', payload: {
      kind: 'demonstration_exemption', title: { ko: '매트릭스' }, zoneId: zoneAt(25), holders: [], regulationIds: [regulationId({ key: 'drone_bvlos' })],
      conditions: exemptionConditions, stages: [], grantedOn: '2025-01-02', validFrom: '2025-01-02', validUntil: '2029-01-01', insuranceProofSubmitted: true,
    } }),
  },
  'GET /api/zones/:id/exemption-drafts': {
    // The drafts a designation wrote from the plan's special cases: MSS and the zone's local governments.
    expect: all(403, { anonymous: same(401), ministry: same(200), busan: { own: 200, other: 403 }, 'busan-read-token': { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/zones/${await zones.zone(ctx.scope)}/exemption-drafts` }),
  },
  'POST /api/exemption-drafts/:id/confirm': {
    // Recording a grant from a draft is recording a grant: an MSS administrator.
    expect: all(403, { anonymous: same(401), ministry: same(201) }),
    request: async (ctx) => ({
      url: `/api/exemption-drafts/${await freshDraft(zoneAt(25), (await ctx.planOf('drafting')).id)}/confirm`,
      payload: {
        kind: 'demonstration_exemption', title: { ko: '매트릭스' }, holders: [], regulationIds: [regulationId({ key: 'drone_bvlos' })],
        conditions: exemptionConditions, stages: [], grantedOn: '2025-01-02', validFrom: '2025-01-02', validUntil: '2029-01-01', insuranceProofSubmitted: true,
      },
    }),
  },
  'POST /api/exemption-drafts/:id/dismiss': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async (ctx) => ({
      url: `/api/exemption-drafts/${await freshDraft(await zones.zone(ctx.scope), (await ctx.planOf('drafting')).id)}/dismiss`,
      payload: { reason: { ko: '매트릭스' } },
    }),
  },
  'POST /api/exemptions/:id/extend': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async () => ({ url: `/api/exemptions/${await freshExemption([])}/extend`, payload: { requestedOn: '2025-06-02', newUntil: '2031-01-01', ground: 'law_not_amended' } }),
  },
  'POST /api/exemptions/:id/amendment-request': {
    // The holding company (its own exemption) or MSS (Act Art. 87(9)).
    expect: all(403, { anonymous: same(401), ministry: same(200), company: { own: 200, other: 403 } }),
    request: async (ctx) => ({
      url: `/api/exemptions/${await freshExemption(holderOf(ctx))}/amendment-request`,
      payload: { requestedOn: '2026-01-05', results: { ko: '실증 결과' }, evidence: [] },
    }),
  },
  'POST /api/exemptions/:id/law-amended': {
    // The responsible ministry amends its law; an MSS administrator may record it.
    expect: all(403, { anonymous: same(401), ministry: same(200), motie: same(200) }),
    request: async () => ({ url: `/api/exemptions/${await freshExemption([], 'amendment_requested')}/law-amended`, payload: { amendedOn: '2026-03-03', act: 'Act No. 99999 (matrix)' } }),
  },
  'POST /api/exemptions/:id/redeliberation': {
    // The applicant (its own exemption) or MSS, within 60 days (Act Art. 86(8)).
    expect: all(403, { anonymous: same(401), ministry: same(200), company: { own: 200, other: 403 } }),
    request: async (ctx) => ({
      url: `/api/exemptions/${await freshExemption(holderOf(ctx), 'rejected', { grantedOn: '2026-08-05', validFrom: null, validUntil: null })}/redeliberation`,
      payload: { notifiedOn: '2026-08-05', requestedOn: '2026-09-01', grounds: { ko: '사유' } },
    }),
  },
  'POST /api/exemptions/:id/redeliberation/decision': {
    // A committee decision recorded by an MSS administrator.
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async () => {
      const id = await freshExemption([], 'redeliberation', { grantedOn: '2026-08-05', validFrom: null, validUntil: null });
      await matrixDb!.insertInto('exemption_redeliberation').values({ exemption_id: id, notified_on: '2026-08-05', requested_on: '2026-09-01', grounds: JSON.stringify({ ko: '사유' }), requested_by: null }).execute();
      return { url: `/api/exemptions/${id}/redeliberation/decision`, payload: { decidedOn: '2026-09-10', outcome: 'rejected', validFrom: null, validUntil: null, insuranceProofSubmitted: false } };
    },
  },
  'POST /api/exemptions/:id/cancellation/hearing': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async () => ({ url: `/api/exemptions/${await freshExemption([])}/cancellation/hearing`, payload: { ground: 'harm', noticeOn: '2026-03-05', heldOn: '2026-03-16', record: { ko: '청문' } } }),
  },
  'POST /api/exemptions/:id/cancel': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async () => {
      const id = await freshExemption([]);
      await matrixDb!.insertInto('exemption_cancellation').values({ exemption_id: id, ground: 'harm', hearing_notice_on: '2026-03-05', hearing_on: '2026-03-16', hearing_record: JSON.stringify({ ko: '청문' }) }).execute();
      return { url: `/api/exemptions/${id}/cancel`, payload: { decidedOn: '2026-03-20', reason: { ko: '사유' } } };
    },
  },
  'POST /api/exemptions/:id/expire': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async () => ({ url: `/api/exemptions/${await freshExemption([], 'active', { validUntil: '2025-12-31' })}/expire` }),
  },
  'POST /api/exemptions/:id/results-report': {
    // The holder (its own exemption) or MSS (Act Art. 87(11)).
    expect: all(403, { anonymous: same(401), ministry: same(200), company: { own: 200, other: 403 } }),
    request: async (ctx) => ({
      url: `/api/exemptions/${await freshExemption(holderOf(ctx), 'expired', { validUntil: '2025-12-31' })}/results-report`,
      payload: { submittedOn: '2026-01-10', results: { ko: '결과' }, evidenceRefs: [] },
    }),
  },
  'POST /api/exemptions/:id/amendment/review': {
    // The responsible ministry reviews; an MSS administrator may record it.
    expect: all(403, { anonymous: same(401), ministry: same(200), motie: same(200) }),
    request: async () => ({ url: `/api/exemptions/${await freshExemption([], 'amendment_requested')}/amendment/review`, payload: { reportedOn: '2026-03-02', amendmentNeeded: true, text: { ko: '검토' } } }),
  },
  'POST /api/exemptions/:id/amendment/plan': {
    expect: all(403, { anonymous: same(401), ministry: same(200), motie: same(200) }),
    request: async () => ({ url: `/api/exemptions/${await trackedExemption({ needed: true })}/amendment/plan`, payload: { submittedOn: '2026-04-01', targetLaw: { ko: '법' }, schedule: [{ stage: 'promulgated', by: '2026-12-31' }] } }),
  },
  'POST /api/exemptions/:id/amendment/progress': {
    expect: all(403, { anonymous: same(401), ministry: same(200), motie: same(200) }),
    request: async () => ({ url: `/api/exemptions/${await trackedExemption({ needed: true, plan: true })}/amendment/progress`, payload: { stage: 'drafting', on: '2026-05-01' } }),
  },
  'POST /api/exemptions/:id/amendment/escalate': {
    // The committee's recommendation, recorded by an MSS administrator (Act Art. 87(13)).
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async () => ({ url: `/api/exemptions/${await trackedExemption({ needed: false })}/amendment/escalate`, payload: { recommendedOn: '2026-03-10', recommendation: { ko: '권고' } } }),
  },
  'GET /api/exemption-deadlines': {
    // Signed-in readers with deadlines to watch (the list is scoped by the route); experts have none.
    expect: signedIn(200, { expert: same(403) }),
    request: () => ({ url: '/api/exemption-deadlines' }),
  },
  'GET /api/holidays': { expect: all(200), request: () => ({ url: '/api/holidays?year=2026' }) },
  'POST /api/holidays': {
    // One-off holidays (Regulations on Holidays of Government Offices Art. 2 item 12): MSS administrators only.
    expect: all(403, { anonymous: same(401), ministry: same(201) }),
    request: () => ({ url: '/api/holidays', payload: { date: freeHoliday(), name: { ko: '매트릭스 임시공휴일' }, basis: '관보' } }),
  },
  'DELETE /api/holidays/:date': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async () => {
      const day = freeHoliday();
      await matrixDb!.insertInto('extra_holiday').values({ day, name: JSON.stringify({ ko: '매트릭스' }), basis: '관보', created_by: null }).execute();
      return { url: `/api/holidays/${day}` };
    },
  },
  'GET /api/bundles/:zoneId': { expect: all(200), request: () => ({ url: `/api/bundles/${zoneAt(25)}` }) },
  'GET /api/reform-board': { expect: all(200), request: () => ({ url: '/api/reform-board' }) },
  'GET /api/search': { expect: all(200), request: () => ({ url: `/api/search?q=${encodeURIComponent('드론')}` }) },
  'GET /api/organisations': { expect: all(200), request: () => ({ url: '/api/organisations?kind=company' }) },
  'PUT /api/organisations/:id/ministry-code': {
    // Which ministry a responsible ministry is (its evidence-pack access follows): MSS administrators only.
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: () => ({ url: `/api/organisations/${demoId('org:motie')}/ministry-code`, payload: { ministryCode: 'MOTIE' } }),
  },
  'GET /api/zones/:id/history': { expect: all(200), request: async (ctx) => ({ url: `/api/zones/${await zones.zone(ctx.scope)}/history` }) },
  'GET /api/zones/:id/evaluations': { expect: all(200), request: async (ctx) => ({ url: `/api/zones/${await zones.zone(ctx.scope)}/evaluations` }) },
  'GET /api/zones/:id/changes': { expect: all(200), request: async (ctx) => ({ url: `/api/zones/${await zones.zone(ctx.scope)}/changes` }) },
  'GET /api/zones/:id/data-requests': { expect: signedIn(200), request: async (ctx) => ({ url: `/api/zones/${await zones.zone(ctx.scope)}/data-requests` }) },
  'POST /api/zones/:id/changes': {
    // The zone's local governments apply for changes (Act Art. 81(1)).
    expect: all(403, { anonymous: same(401), busan: { own: 201, other: 403 } }),
    request: async (ctx) => ({ url: `/api/zones/${await zones.zone(ctx.scope)}/changes`, payload: { items: ['typo'], areaChangePercent: null, description: { ko: '오탈자' } } }),
  },
  'POST /api/zones/:id/changes/:changeId/withdraw': {
    expect: all(403, { anonymous: same(401), busan: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: await zones.change(ctx.scope, 'filed', true, '/withdraw') }),
  },
  'POST /api/zones/:id/changes/:changeId/review': {
    // MSS approves minor changes (Art. 81(2) proviso) and accepts the others for review.
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async (ctx) => ({ url: await zones.change(ctx.scope, 'filed', true, '/review'), payload: { action: 'approve_minor', note: null } }),
  },
  'POST /api/zones/:id/changes/:changeId/committee-decision': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async (ctx) => ({ url: await zones.change(ctx.scope, 'under_review', false, '/committee-decision'), payload: { decision: 'approve', ...zones.meeting(), ministryRepliesComplete: true, note: null } }),
  },
  'POST /api/zones/:id/evaluations': {
    expect: all(403, { anonymous: same(401), ministry: same(201) }),
    request: async (ctx) => ({ url: `/api/zones/${await zones.fresh(ctx.scope)}/evaluations`, payload: zones.evaluation(80) }),
  },
  'POST /api/zones/:id/extension': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async (ctx) => ({ url: `/api/zones/${await zones.evaluated(ctx.scope)}/extension`, payload: { newPeriodEnd: addDays(todayInSeoul(), 1000), ...zones.meeting(), reason: { ko: '연장' } } }),
  },
  'POST /api/zones/:id/hearings': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async (ctx) => ({ url: `/api/zones/${await zones.zone(ctx.scope)}/hearings`, payload: { heldOn: todayInSeoul(), ground: 'purpose-achieved', attendees: ['부산광역시'], summary: { ko: '청문' } } }),
  },
  'POST /api/zones/:id/cancellation': {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async (ctx) => ({ url: `/api/zones/${await zones.heard(ctx.scope)}/cancellation`, payload: { ground: 'purpose-achieved', ...zones.meeting(), reason: { ko: '목적 달성' } } }),
  },
  'POST /api/zones/:id/data-requests': {
    expect: all(403, { anonymous: same(401), ministry: same(201) }),
    request: async (ctx) => ({ url: `/api/zones/${await zones.ended(ctx.scope)}/data-requests`, payload: { organisationId: await zones.orgOf('busan'), subject: { ko: '자료' }, dueOn: addDays(todayInSeoul(), 30) } }),
  },
  'POST /api/zones/:id/data-requests/:requestId/answer': {
    // The addressed organisation answers (Art. 84(2)); a read-only token may not.
    expect: all(-1, {
      anonymous: same(401), ministry: { own: 200, other: 403 }, busan: { own: 200, other: 403 }, company: { own: 200, other: 403 },
      expert: { own: 200, other: 403 }, motie: { own: 200, other: 403 }, 'busan-read-token': same(403),
    }),
    request: async (ctx) => ({ url: await zones.dataRequest(ctx.role, ctx.scope), payload: { answer: { ko: '답변' } } }),
  },
  // Rapid confirmation (Act Art. 85): Busan's zone and the demo company, addressed to MOTIE (`own`); Ulsan's zone,
  // another company, another ministry (`other`).
  'GET /api/rapid-confirmations': { expect: signedIn(200), request: () => ({ url: '/api/rapid-confirmations' }) },
  'GET /api/rapid-confirmations/:id': {
    expect: all(403, {
      anonymous: same(401), ministry: same(200), busan: { own: 200, other: 403 }, company: { own: 200, other: 403 }, motie: { own: 200, other: 403 },
      'busan-read-token': { own: 200, other: 403 },
    }),
    request: async (ctx) => ({ url: `/api/rapid-confirmations/${await rapid.shared(ctx.scope)}` }),
  },
  'POST /api/rapid-confirmations': {
    expect: all(403, { anonymous: same(401), company: same(201) }),
    request: async (ctx) => ({ url: '/api/rapid-confirmations', payload: { zoneId: await zones.zone(ctx.scope), activity: { ko: '활동' }, regulationIds: [regulationId({ key: 'drone_bvlos' })], ministryId: null } }),
  },
  'POST /api/rapid-confirmations/:id/forward': {
    expect: all(403, { anonymous: same(401), busan: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/rapid-confirmations/${await rapid.fresh(ctx.scope, 'filed')}/forward`, payload: { ministryIds: [] } }),
  },
  'POST /api/rapid-confirmations/:id/local-answer': {
    expect: all(403, { anonymous: same(401), busan: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/rapid-confirmations/${await rapid.fresh(ctx.scope, 'filed')}/local-answer`, payload: { answer: { ko: '답변' } } }),
  },
  'POST /api/rapid-confirmations/:id/reply': {
    // Only the ministry the request is addressed to replies (Art. 85(3)).
    expect: all(403, { anonymous: same(401), motie: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/rapid-confirmations/${await rapid.fresh(ctx.scope, 'forwarded')}/reply`, payload: { answer: 'no_permit_needed', rules: null } }),
  },
  'POST /api/rapid-confirmations/:id/supplement-request': {
    expect: all(403, { anonymous: same(401), motie: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/rapid-confirmations/${await rapid.fresh(ctx.scope, 'forwarded')}/supplement-request`, payload: { request: { ko: '보완' } } }),
  },
  'POST /api/rapid-confirmations/:id/supplement': {
    // The company that filed supplies the supplement.
    expect: all(403, { anonymous: same(401), company: { own: 200, other: 403 } }),
    request: async (ctx) => ({ url: `/api/rapid-confirmations/${await rapid.fresh(ctx.scope, 'paused')}/supplement`, payload: { ministryId: await rapid.ministry(ctx.scope) } }),
  },
  'POST /api/rapid-confirmations/:id/decision': {
    // The committee's decision, recorded by an MSS administrator (Art. 85(7)).
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async (ctx) => ({ url: `/api/rapid-confirmations/${await rapid.fresh(ctx.scope, 'committee')}/decision`, payload: { decision: 'permit_needed', note: null } }),
  },
};

/** Rapid-confirmation requests inserted in a state: Busan's zone, the demo company, MOTIE (`own`); Ulsan's zone, another company and ministry (`other`). */
let rapid: ReturnType<typeof rapidFixtures>;
function rapidFixtures(t: TestApp) {
  const today = todayInSeoul();
  const shared = new Map<Scope, Promise<string>>();
  let others: Promise<{ company: string; ministry: string }> | null = null;
  const otherOrgs = () => (others ??= (async () => {
    const company = randomUUID();
    const ministry = randomUUID();
    await t.db.insertInto('organisation').values([
      { id: company, kind: 'company', name: JSON.stringify({ ko: '다른 회사', en: 'Another company' }), region_code: null, ministry_code: null, demo: false },
      { id: ministry, kind: 'responsible_ministry', name: JSON.stringify({ ko: '다른 부처', en: 'Another ministry' }), region_code: null, ministry_code: 'MATRIX', demo: false },
    ]).execute();
    return { company, ministry };
  })());
  const ministry = async (scope: Scope) => (scope === 'own' ? demoId('org:motie') : (await otherOrgs()).ministry);
  async function fresh(scope: Scope, state: 'filed' | 'forwarded' | 'paused' | 'committee'): Promise<string> {
    const id = randomUUID();
    const company = scope === 'own' ? demoId('org:company') : (await otherOrgs()).company;
    const addressed = await ministry(scope);
    await t.db.insertInto('rapid_confirmation').values({
      id, zone_id: await zones.zone(scope), company_id: company, filed_by: null, activity: JSON.stringify({ ko: '활동' }), regulation_ids: JSON.stringify([regulationId({ key: 'drone_bvlos' })]),
      ministry_id: addressed, state: state === 'paused' ? 'forwarded' : state, filed_on: today, forwarded_on: state === 'filed' ? null : today, local_answer: null,
      committee_due: state === 'committee' ? addDays(today, 30) : null, committee_decision: null, committee_note: null, decided_on: null,
    }).execute();
    if (state !== 'filed') {
      const clock = { ...rapidConfirmationClock(today), pauses: state === 'paused' ? [{ from: today, to: null }] : [] };
      const replied = state === 'committee';
      await t.db.insertInto('rapid_confirmation_reply').values({
        request_id: id, organisation_id: addressed, notified_on: today, clock: JSON.stringify(clock), supplement_request: null,
        answer: replied ? 'permit_needed' : null, rules: null, replied_on: replied ? today : null, replied_by: null,
      }).execute();
    }
    return id;
  }
  return {
    fresh,
    ministry,
    shared: (scope: Scope) => {
      if (!shared.has(scope)) shared.set(scope, fresh(scope, 'forwarded'));
      return shared.get(scope)!;
    },
  };
}

/** Zones managed on ZoneLink: Busan's (`own`) or Ulsan's (`other`), fresh for the cells that change them. */
let zones: ReturnType<typeof zoneFixtures>;
function zoneFixtures(t: TestApp) {
  const today = todayInSeoul();
  const shared = new Map<Scope, Promise<string>>();
  const regions = (scope: Scope) => [scope === 'own' ? '21' : '26'];
  const fresh = (scope: Scope) => insertZone(t.db, { regions: regions(scope), periodStart: addDays(today, -400), periodEnd: addDays(today, 700) });
  const year = Number(addDays(today, -400).slice(0, 4));
  const orgOf = async (who: Exclude<Role, 'anonymous' | 'busan-read-token'>) => (await t.db.selectFrom('app_user').select('organisation_id').where('email', '=', EMAIL[who]).executeTakeFirstOrThrow()).organisation_id;
  const event = (zoneId: string, kind: string, params: Record<string, unknown>) => t.db.insertInto('zone_event').values({ id: randomUUID(), zone_id: zoneId, kind, on_date: today, params: JSON.stringify(params), actor_user_id: null }).execute();
  return {
    fresh,
    orgOf,
    zone: (scope: Scope) => {
      if (!shared.has(scope)) shared.set(scope, fresh(scope));
      return shared.get(scope)!;
    },
    meeting: () => ({ committee: 'deliberation_committee', meetingOn: today, noticeGivenOn: addDays(today, -10), urgent: false }),
    evaluation: (v: number) => ({ year, scores: { 'kpi-achievement': v, 'regional-economy': v, 'use-of-special-cases': v, 'project-results': v }, summary: { ko: '평가' }, confirmedOn: today }),
    /** A fresh zone evaluated `good`. */
    async evaluated(scope: Scope) {
      const id = await fresh(scope);
      await t.db.insertInto('zone_evaluation').values({ id: randomUUID(), zone_id: id, year, grade: 'good', scores: '{}', summary: JSON.stringify({ ko: '양호' }), confirmed_on: today, recorded_by: null }).execute();
      await t.db.updateTable('zone').set({ state: 'evaluated' }).where('id', '=', id).execute();
      return id;
    },
    /** A fresh zone whose cancellation hearing was held. */
    async heard(scope: Scope) {
      const id = await fresh(scope);
      await event(id, 'hearing-held', { heldOn: today, ground: 'purpose-achieved' });
      return id;
    },
    /** A fresh zone in post-management. */
    ended: (scope: Scope) => insertZone(t.db, { regions: regions(scope), state: 'post_management', periodStart: addDays(today, -1500), periodEnd: addDays(today, -10), postManagementUntil: addDays(today, 700) }),
    /** A fresh change request of a fresh zone; returns its URL with `suffix`. */
    async change(scope: Scope, state: 'filed' | 'under_review', minor: boolean, suffix: string) {
      const zoneId = await fresh(scope);
      const id = randomUUID();
      await t.db.insertInto('zone_change').values({
        id, zone_id: zoneId, state, items: JSON.stringify(minor ? ['typo'] : ['operators']), area_change_percent: null, description: JSON.stringify({ ko: '변경' }), minor,
        filed_by_region: regions(scope)[0]!, filed_on: today, reply_due: state === 'under_review' ? addDays(today, 15) : null, decided_on: null, decision: null,
      }).execute();
      return `/api/zones/${zoneId}/changes/${id}${suffix}`;
    },
    /** A fresh data request addressed to the actor's organisation (`own`) or to another one (`other`). */
    async dataRequest(role: Role, scope: Scope) {
      const self = role === 'anonymous' ? 'expert' : role === 'busan-read-token' ? 'busan' : role;
      const addressee = scope === 'own' ? self : self === 'ministry' ? 'busan' : 'ministry';
      const zoneId = await insertZone(t.db, { regions: ['21'], state: 'post_management', periodStart: addDays(today, -1500), periodEnd: addDays(today, -10), postManagementUntil: addDays(today, 700) });
      const id = randomUUID();
      await t.db.insertInto('zone_data_request').values({ id, zone_id: zoneId, organisation_id: await orgOf(addressee), subject: JSON.stringify({ ko: '자료' }), requested_on: today, due_on: addDays(today, 30), answer: null, answered_on: null, answered_by: null }).execute();
      return `/api/zones/${zoneId}/data-requests/${id}/answer`;
    },
  };
}

/** Demonstration projects: the demo company's in a Busan zone (`own`), another company's in an Ulsan zone (`other`). */
const projectUpdate = {
  title: { ko: '매트릭스 실증' }, summary: { ko: '요약' }, partnerCompanies: [], exemptionIds: [], sites: [], products: [{ ko: '제품' }],
  periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [], kpis: [], safetyPlan: { ko: '안전계획' }, insuranceRequired: true,
  insurance: {
    insurer: '보험사', policyNumber: 'M-1', validFrom: '2026-01-01', validUntil: '2099-12-31',
    cover: { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 },
  },
  rules: [{ id: 'speed', kind: 'maximum', measure: 'speed', max: 30 }],
};
interface ProjectFixtures {
  zone(scope: Scope): Promise<string>; project(scope: Scope, fresh?: boolean): Promise<string>; reported(scope: Scope): Promise<string>; suspendable(scope: Scope, suspended?: boolean): Promise<{ project: string; incident: string; exemption: string }>;
  /** The download address of a PDF attached to the first report of the scope's project (`fresh`: a new file each time). */
  attachment(scope: Scope, fresh?: boolean): Promise<string>;
  /** The scope's project using an exemption — for `own`, one that suspends a MOTIE regulation. */
  evidence(scope: Scope): Promise<string>;
  /** The address of a fresh resumable upload of the scope's project whose parts have all arrived. */
  staged(scope: Scope): Promise<string>;
  /** The address of an upload of the scope's project with a kept error file. */
  errored(scope: Scope): Promise<string>;
}
let projects: ProjectFixtures;
function projectFixtures(t: TestApp): ProjectFixtures {
  const cache = new Map<Scope, Promise<string>>();
  const attachments = new Map<Scope, Promise<string>>();
  const evidence = new Map<Scope, Promise<string>>();
  let otherCompany: Promise<string> | null = null;
  // A reference zone of that region only: zones designated by other rows' plans (Busan + Ulsan) would blur own/other.
  const zone = async (scope: Scope) => (await t.db.selectFrom('zone_region').innerJoin('zone', 'zone.id', 'zone_region.zone_id').select('zone_region.zone_id')
    .where('zone_region.region_code', '=', scope === 'own' ? '21' : '26').where('zone.source', '=', 'reference').orderBy('zone_region.zone_id').executeTakeFirstOrThrow()).zone_id;
  const company = async (scope: Scope): Promise<string> => {
    if (scope === 'own') return (await t.db.selectFrom('app_user').select('organisation_id').where('email', '=', EMAIL.company).executeTakeFirstOrThrow()).organisation_id;
    otherCompany ??= (async () => {
      const id = randomUUID();
      await t.db.insertInto('organisation').values({ id, kind: 'company', name: JSON.stringify({ ko: '다른 기업' }), region_code: null, demo: true }).execute();
      return id;
    })();
    return otherCompany;
  };
  async function create(scope: Scope): Promise<string> {
    const id = randomUUID();
    const u = projectUpdate;
    await t.db.insertInto('demonstration_project').values({
      id, zone_id: await zone(scope), title: JSON.stringify(u.title), summary: JSON.stringify(u.summary), state: 'draft', lead_company: await company(scope),
      partner_companies: [], sites: [], products: JSON.stringify(u.products), period_start: u.periodStart, period_end: u.periodEnd,
      milestones: '[]', kpis: '[]', safety_plan: JSON.stringify(u.safetyPlan), insurance_required: true, insurance: JSON.stringify(u.insurance),
      rules: JSON.stringify(u.rules), version: 1, demo: false, created_by: null,
    }).execute();
    return id;
  }
  return {
    zone,
    /** A fresh demonstrating project using one exemption, with a serious incident naming it on record (`suspended`: the exemption suspended). */
    async suspendable(scope, suspended = false) {
      const id = await create(scope);
      await t.db.updateTable('demonstration_project').set({ state: 'demonstrating' }).where('id', '=', id).execute();
      const exemption = await insertExemption(t.db, {
        kind: 'demonstration_exemption', title: { ko: '정지 매트릭스 특례' }, zoneId: await zone(scope), holders: [await company(scope)], regulationIds: [],
        conditions: { text: { ko: '조건' }, scope: null, area: null, time: null, safetyMeasures: [], insurance: null, quantities: [] },
        stages: [], grantedOn: '2025-12-01', validFrom: '2026-01-01', validUntil: '2029-12-31', state: 'active', demo: false,
      });
      await t.db.insertInto('demonstration_project_exemption').values({ project_id: id, exemption_id: exemption, position: 0 }).execute();
      const at = new Date('2026-11-20T01:00:00Z');
      const incident = randomUUID();
      await t.db.insertInto('demonstration_incident').values({
        id: incident, project_id: id, severity: 'serious', occurred_at: at, reported_at: at, report_deadline: at, place: JSON.stringify({ ko: '부두' }),
        lon: null, lat: null, description: JSON.stringify({ ko: '충돌' }), immediate_actions: JSON.stringify({ ko: '정지' }), reported_by: null, exemption_ids: [exemption],
      }).execute();
      if (suspended) {
        await t.db.insertInto('demonstration_exemption_suspension').values({
          id: randomUUID(), project_id: id, exemption_id: exemption, incident_id: incident, suspended_at: at, suspended_by: null, reason: JSON.stringify({ ko: '정지' }),
        }).execute();
      }
      return { project: id, incident, exemption };
    },
    /** A fresh project with a report filed for its first quarter, awaiting review. */
    async reported(scope) {
      const id = await create(scope);
      await t.db.insertInto('demonstration_report').values({
        project_id: id, period_index: 1, period_from: '2026-01-01', period_to: '2026-03-31', due: '2026-04-30', kpi_values: '[]', narrative: JSON.stringify({ ko: '보고' }),
        submitted_at: new Date(), submitted_by: null, review_state: 'submitted', review_comment: null, reviewed_at: null, reviewed_by: null, version: 1,
      }).execute();
      return id;
    },
    evidence(scope) {
      if (!evidence.has(scope)) {
        evidence.set(scope, (async () => {
          const project = await create(scope);
          const regulation = await insertRegulation(t.db, {
            instrument: 'act', law: { ko: '매트릭스 법' }, article: `E-${scope}`, paragraph: null, ministry: scope === 'own' ? 'MOTIE' : 'MOLIT', ministryName: { ko: '부처' },
            title: { ko: '규제' }, body: { ko: '본문' }, effectiveFrom: '2020-01-01', amendments: [],
          }, { demo: false, source: 'platform' });
          const exemption = await insertExemption(t.db, {
            kind: 'demonstration_exemption', title: { ko: '매트릭스 특례' }, zoneId: await zone(scope), holders: [await company(scope)], regulationIds: [regulation],
            conditions: { text: { ko: '조건' }, scope: null, area: null, time: null, safetyMeasures: [], insurance: null, quantities: [] },
            stages: [], grantedOn: '2025-12-01', validFrom: '2026-01-01', validUntil: '2029-12-31', state: 'active', demo: false,
          });
          await t.db.insertInto('demonstration_project_exemption').values({ project_id: project, exemption_id: exemption, position: 0 }).execute();
          return project;
        })());
      }
      return evidence.get(scope)!;
    },
    attachment(scope, fresh = false) {
      if (fresh || !attachments.has(scope)) {
        const made = (async () => {
          const project = await this.project(scope);
          const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
          await t.db.insertInto('demonstration_report').values({
            project_id: project, period_index: 1, period_from: '2026-01-01', period_to: '2026-03-31', due: '2026-04-30', kpi_values: '[]', narrative: JSON.stringify({ ko: '보고' }),
            submitted_at: new Date(), submitted_by: null, review_state: 'submitted', review_comment: null, reviewed_at: null, reviewed_by: null, version: 1,
          }).onConflict((oc) => oc.doNothing()).execute();
          const id = randomUUID();
          await mkdir(join(t.config.filesDir, 'attachments'), { recursive: true });
          await writeFile(join(t.config.filesDir, 'attachments', id), pdf);
          await t.db.insertInto('demonstration_attachment').values({
            id, project_id: project, period_index: 1, name: 'matrix.pdf', kind: 'pdf', size_bytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), created_by: null,
          }).execute();
          return `/api/projects/${project}/reports/1/attachments/${id}`;
        })();
        if (fresh) return made;
        attachments.set(scope, made);
      }
      return attachments.get(scope)!;
    },
    async errored(scope) {
      const project = await this.project(scope);
      const id = randomUUID();
      const path = errorFilePath(t.config.filesDir, project, id);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, `${JSON.stringify({ row: 2, column: 'speed', code: 'type', params: { expected: 'number' } })}\n`);
      return `/api/projects/${project}/uploads/${id}`;
    },
    async staged(scope) {
      const project = await this.project(scope);
      const id = randomUUID();
      const csv = Buffer.from(MATRIX_CSV);
      const files = stagingStore(t.config, t.db);
      const part = await storePart(files, await files.receive(Readable.from([csv]), csv.length, 0, 0), project, id, 0);
      await t.db.insertInto('demonstration_upload_staging').values({ project_id: project, id, format: 'csv', total_bytes: csv.length, received_bytes: csv.length, parts: JSON.stringify([part]), created_by: null }).execute();
      return `/api/projects/${project}/uploads/${id}`;
    },
    project(scope, fresh = false) {
      if (fresh) return create(scope);
      if (!cache.has(scope)) cache.set(scope, create(scope));
      return cache.get(scope)!;
    },
  };
}
/** Projects are read by their companies, MSS and the zone's local governments. */
function projectReads(...routes: [string, string][]): Record<string, Row> {
  return Object.fromEntries(routes.map(([key, suffix]) => [key, {
    expect: all(403, { anonymous: same(401), ministry: same(200), busan: { own: 200, other: 403 }, 'busan-read-token': { own: 200, other: 403 }, company: { own: 200, other: 403 } }),
    request: async (ctx: Ctx) => ({ url: `/api/projects/${await projects.project(ctx.scope)}${suffix}` }),
  }]));
}

// Review: plans under review with the demo expert assigned (and declared) or the demo MOTIE consulted — "own" for them.
let reviewFixtures: ReturnType<typeof planFixtures> | null = null;
const reviewPlans = new Map<string, Promise<PlanRef>>();
const scoreSheet = { 'regional-fit': 7, innovativeness: 8, 'exemption-business-link': 6, funding: 5, 'safety-environment': 7, privacy: 6, 'economic-effect': 8, 'past-evaluation': 5 };
function reviewPlan(kind: 'assigned' | 'declared' | 'consulted', scope: Scope): Promise<PlanRef> {
  const key = `${kind}/${scope}`;
  if (!reviewPlans.has(key)) {
    reviewPlans.set(key, (async () => {
      const f = reviewFixtures!;
      const p = await f.plan('under_review', scope);
      if (scope === 'other') return p;
      if (kind === 'consulted') {
        await f.call('ministry', 'POST', `/api/plans/${p.id}/consultations`, { organisationId: demoId('org:motie') });
      } else {
        await f.call('ministry', 'POST', `/api/plans/${p.id}/experts`, { expertUserId: demoId('user:expert@demo.zonelink.kr') });
        if (kind === 'declared') await f.call('expert', 'POST', `/api/plans/${p.id}/experts/me/declaration`, { conflict: false, note: null });
      }
      return p;
    })());
  }
  return reviewPlans.get(key)!;
}

type PlanRequest = (plan: PlanRef, ctx: Ctx) => Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }>;
/** Plans are read by their participants (and their province), MSS, and responsible ministries once submitted. */
function planReads(...routes: [string, string][]): Record<string, Row> {
  return Object.fromEntries(routes.map(([key, suffix]) => [key, {
    expect: all(403, { anonymous: same(401), ministry: same(200), busan: { own: 200, other: 403 }, 'busan-read-token': { own: 200, other: 403 } }),
    request: async (ctx: Ctx) => ({ url: `/api/plans/${(await ctx.planOf('drafting')).id}${suffix}` }),
  }]));
}
/** Steps only the lead government (Busan, on its own plan) may take. */
function planLead(state: FixtureState, request: PlanRequest): Row {
  return {
    expect: all(403, { anonymous: same(401), busan: { own: 200, other: 403 } }),
    request: async (ctx) => request(await ctx.planOf(state, ctx.role === 'busan' && ctx.scope === 'own'), ctx),
  };
}
/** Review steps of MSS (decisions: an MSS administrator). */
function planMinistry(state: FixtureState, request: PlanRequest): Row {
  return {
    expect: all(403, { anonymous: same(401), ministry: same(200) }),
    request: async (ctx) => request(await ctx.planOf(state, ctx.role === 'ministry'), ctx),
  };
}

/** The matrix on one engine (one test file each, so the two run side by side: authorization-matrix-*.test.ts). */
export function describeMatrix(engine: Engine): void {
  describe(`authorisation matrix (${engine})`, () => {
    let t: TestApp;
    const sessions = new Map<Role, Session>();
    let readToken = '';
    let plans: ReturnType<typeof planFixtures>;
    const planCache = new Map<string, Promise<PlanRef>>();
    before(async () => {
      t = await startTestApp(engine);
      for (const role of ROLES) {
        if (role !== 'anonymous' && role !== 'busan-read-token') sessions.set(role, await t.login(EMAIL[role]));
      }
      const busan = sessions.get('busan')!;
      const res = await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: { cookie: busan.cookie, 'x-csrf-token': busan.csrf }, payload: { name: 'read', scopes: ['read'] } });
      readToken = res.json().token;
      plans = planFixtures(t);
      reviewFixtures = plans;
      reviewPlans.clear();
      projects = projectFixtures(t);
      zones = zoneFixtures(t);
      rapid = rapidFixtures(t);
      matrixDb = t.db;
      await seedReferenceRegulations(t.db);
      await seedDemoExemptions(t.db);
    });
    after(async () => t.close());

    /** A fresh token of that user: the object a token route acts on. */
    async function tokenOf(role: 'busan' | 'ministry'): Promise<string> {
      const fresh = await t.login(EMAIL[role]);
      const res = await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: { cookie: fresh.cookie, 'x-csrf-token': fresh.csrf }, payload: { name: 'target', scopes: ['read'] } });
      return res.json().item.id;
    }

    /** A fresh notification of that user: the object the mark-as-read route acts on. */
    async function notificationOf(role: Exclude<Role, 'anonymous' | 'busan-read-token'>): Promise<string> {
      const user = await t.db.selectFrom('app_user').select('id').where('email', '=', EMAIL[role]).executeTakeFirstOrThrow();
      await t.db.transaction().execute((trx) => notify(trx, { userIds: [user.id], kind: 'message', params: { subject: 'matrix', text: 'x' }, email: false }));
      const row = await t.db.selectFrom('notification').select('id').where('user_id', '=', user.id).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
      return row.id;
    }

    /** Cells that must not change the plan share one per state and scope; the others get their own. */
    function planOf(scope: Scope) {
      return (state: FixtureState, fresh = false): Promise<PlanRef> => {
        if (fresh) return plans.plan(state, scope);
        const key = `${state}/${scope}`;
        if (!planCache.has(key)) planCache.set(key, plans.plan(state, scope));
        return planCache.get(key)!;
      };
    }

    test('every route has a row in the matrix', () => {
      const routes = t.app.routeTable.filter((r) => r.action !== undefined).map((r) => `${r.method} ${r.url}`);
      const missing = routes.filter((key) => !(key in MATRIX));
      assert.deepEqual(missing, [], `routes without expectations: ${missing.join(', ')}`);
      const stale = Object.keys(MATRIX).filter((key) => !routes.includes(key));
      assert.deepEqual(stale, [], `matrix rows without routes: ${stale.join(', ')}`);
    });

    for (const [key, row] of Object.entries(MATRIX)) {
      const [method, route] = key.split(' ') as [string, string];
      test(key, async () => {
        const failures: string[] = [];
        for (const role of ROLES) {
          for (const scope of ['own', 'other'] as const) {
            // Signing out ends the session: use a fresh one for that route.
            const session = role === 'anonymous' || role === 'busan-read-token' ? undefined
              : method === 'DELETE' && route === '/api/session' ? await t.login(EMAIL[role]) : sessions.get(role);
            const headers: Record<string, string> = {};
            if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
            if (role === 'busan-read-token') headers.authorization = `Bearer ${readToken}`;
            const req = await row.request({ role, scope, actorUserId: session?.userId ?? null, tokenOf, notificationOf, planOf: planOf(scope) });
            if ('headers' in req) Object.assign(headers, req.headers);
            const res = await t.app.inject({ method: method as 'GET', url: req.url, headers, ...(req.payload !== undefined ? { payload: req.payload as object } : {}) });
            const expected = row.expect[role][scope];
            if (res.statusCode !== expected) failures.push(`${role}/${scope}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
        assert.deepEqual(failures, []);
      });
    }
  });
}
