// Zone-plan fixtures driven through the API: a Busan-led connected plan with Ulsan ("own" for Busan) or an
// Ulsan-led single plan ("other"), advanced to any state of the plan machine.
import { asSession, type Session, type TestApp } from './app.ts';

export const common = (model: 'single' | 'connected' = 'connected') => ({
  model,
  title: { ko: '부산·울산 수소 해양물류 광역연계 특구 (시험)', en: 'Busan–Ulsan hydrogen marine logistics zone (test)' },
  summary: { ko: '요약' },
  industries: [{ ko: '수소 해양물류', en: 'Hydrogen marine logistics' }],
  stages: ['production', 'logistics'],
  exemptions: [{
    id: 'ex-1', kind: 'demonstration', law: { ko: '고압가스 안전관리법', en: 'High-Pressure Gas Safety Control Act' }, provision: '시행규칙 별표 (시험)',
    regulation: { ko: '충전 시설 기준' }, request: { ko: '선박 충전 실증 허용' }, stages: ['logistics'], responsibleMinistry: { ko: '산업통상자원부' },
  }],
  designationMonths: 48,
  kpis: [{ id: 'kpi-1', name: { ko: '실증 선박 수', en: 'Vessels in demonstration' }, unit: 'ea', baseline: 0, target: 5, targetYear: 2030 }],
  narrative: {
    'necessity-and-effects': { ko: '필요성' }, 'industry-growth-plan': { ko: '육성 계획' }, 'sandbox-measures': { ko: '규제 특례 대책' },
    'local-era-plan-link': { ko: '지방시대 계획 연계' }, 'real-estate-stabilisation': { ko: '부동산 안정 대책' }, 'firm-attraction': { ko: '기업 유치' },
    'local-support': { ko: '지방자치단체 지원' }, 'safety-privacy-measures': { ko: '안전·개인정보 대책' },
  },
  attachments: [
    { item: 'location-maps', title: { ko: '위치도' }, reference: 'doc-001' },
    { item: 'zone-maps', title: { ko: '특구 지도' }, reference: 'doc-002' },
  ],
  conditions: { seaRequired: false, landUsePlanRequired: false },
});

export const section = (municipality: string, tag: string) => ({
  sites: [{ id: `site-${tag}`, regionCode: municipality, name: { ko: `${tag} 부지` }, areaSqm: 120000 }],
  companies: [{ id: `co-${tag}`, name: { ko: `${tag} 기업` }, kind: 'sme', businessNumber: null, address: null }],
  projects: [{
    id: `pr-${tag}`, title: { ko: `${tag} 실증` }, description: null, stages: ['logistics'], exemptions: ['ex-1'], companies: [`co-${tag}`], sites: [`site-${tag}`],
    startOn: '2027-01-01', endOn: '2030-12-31',
  }],
  budget: [{ year: 2027, source: 'national', amountMillionKrw: 3000, purpose: null }, { year: 2027, source: 'local', amountMillionKrw: 1000, purpose: null }],
});

export const consultation = {
  noticeOn: '2026-08-03', noticeUntil: '2026-09-10', inspectionFrom: '2026-08-10', inspectionUntil: '2026-09-10',
  hearing: { announcedOn: '2026-08-05', heldOn: '2026-08-25' }, localEraCommitteeHeard: true,
  opinions: [{ id: 'op-1', receivedOn: '2026-08-20', from: '주민 (시험)', summary: { ko: '안전 대책 요청' }, response: { ko: '안전 대책 보강' }, reflected: true }],
};

export const decision = (over: Record<string, unknown> = {}) => ({
  decision: 'designate', committee: 'rfz_committee', meetingOn: '2026-11-20', noticeGivenOn: '2026-11-10', urgent: false, members: 40, present: 30,
  minutes: { ko: '지정 의결 (시험)' }, conditions: null, periodStart: '2026-12-01', periodEnd: '2030-11-30', zoneName: null, ...over,
});

export type FixtureState = 'drafting' | 'ready' | 'signing_off' | 'signed' | 'submitted' | 'under_review' | 'supplement_requested' | 'deliberation' | 'sent_back' | 'rejected';
const ORDER: FixtureState[] = ['drafting', 'ready', 'signing_off', 'signed', 'submitted', 'under_review', 'supplement_requested', 'deliberation', 'sent_back', 'rejected'];

export interface PlanRef { id: string; etag: string; hash: string }

export function planFixtures(t: TestApp) {
  const sessions = new Map<string, Session>();
  type Who = 'busan' | 'ulsan' | 'ministry' | 'expert' | 'motie' | 'company';
  async function as(who: Who): Promise<Record<string, string>> {
    if (!sessions.has(who)) sessions.set(who, await t.login(`${who}@demo.zonelink.kr`));
    return asSession(sessions.get(who)!);
  }
  async function call(who: Who, method: string, url: string, payload?: unknown, etag?: string): Promise<PlanRef> {
    const headers = { ...(await as(who)), ...(etag ? { 'if-match': etag } : {}) };
    const res = await t.app.inject({ method: method as 'POST', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} as ${who}: ${res.statusCode} ${res.body.slice(0, 500)}`);
    const body = res.json();
    return { id: body.id ?? body.planId, etag: String(res.headers.etag), hash: body.contentHash };
  }
  async function get(who: 'busan' | 'ulsan' | 'ministry', id: string): Promise<PlanRef> {
    return call(who, 'GET', `/api/plans/${id}`);
  }

  /** A plan in `state`: "own" is led by Busan with Ulsan as partner (connected); "other" is Ulsan's single plan.
   *  `over` replaces fields of the lead's common part (e.g. its special cases). */
  async function plan(state: FixtureState, scope: 'own' | 'other' = 'own', over: Record<string, unknown> = {}): Promise<PlanRef> {
    const lead = scope === 'own' ? 'busan' : 'ulsan';
    const model = scope === 'own' ? 'connected' : 'single';
    const step = (s: FixtureState) => ORDER.indexOf(state) >= ORDER.indexOf(s);
    let p = await call(lead, 'POST', '/api/plans', { model, leadRegion: scope === 'own' ? '21' : '26', title: common(model).title });
    p = await call(lead, 'PUT', `/api/plans/${p.id}`, { ...common(model), ...over }, p.etag);
    if (scope === 'own') {
      p = await call('busan', 'POST', `/api/plans/${p.id}/partners`, { regionCode: '26' });
      p = await call('busan', 'PUT', `/api/plans/${p.id}/sections/21`, section('21120', 'busan'), p.etag);
      p = await call('ulsan', 'PUT', `/api/plans/${p.id}/sections/26`, section('26310', 'ulsan'), p.etag);
    } else {
      p = await call('ulsan', 'PUT', `/api/plans/${p.id}/sections/26`, section('26310', 'ulsan'), p.etag);
    }
    if (step('ready')) p = await call(lead, 'PUT', `/api/plans/${p.id}/consultation`, consultation, p.etag);
    if (step('signing_off')) p = await call(lead, 'POST', `/api/plans/${p.id}/request-signoff`);
    if (step('signed')) {
      p = await call(lead, 'POST', `/api/plans/${p.id}/signoff`, { contentHash: p.hash });
      if (scope === 'own') p = await call('ulsan', 'POST', `/api/plans/${p.id}/signoff`, { contentHash: p.hash });
    }
    if (step('submitted')) p = await call(lead, 'POST', `/api/plans/${p.id}/submit`);
    if (step('under_review')) p = await call('ministry', 'POST', `/api/plans/${p.id}/accept`);
    if (state === 'supplement_requested') return call('ministry', 'POST', `/api/plans/${p.id}/supplement-requests`, { request: { ko: '보완 요청' }, items: [] });
    if (step('deliberation')) p = await call('ministry', 'POST', `/api/plans/${p.id}/refer`, { committee: 'rfz_committee', ministryRepliesComplete: true, note: null });
    if (state === 'sent_back' || state === 'rejected') {
      p = await call('ministry', 'POST', `/api/plans/${p.id}/decision`, decision({ decision: state === 'sent_back' ? 'send_back' : 'reject', periodStart: null, periodEnd: null }));
    }
    return p;
  }

  return { plan, call, get, as };
}
