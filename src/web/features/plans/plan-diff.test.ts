import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedParts, diffList, diffPlanContent } from './plan-diff.ts';
import type { PlanContent } from './types.ts';

const base = (): PlanContent => ({
  model: 'connected', leadRegion: '21', partners: ['26'], title: { ko: '계획', en: 'Plan' }, summary: null, industries: [{ ko: '수소' }],
  stages: ['production'], exemptions: [], designationMonths: 48, kpis: [], narrative: {}, attachments: [],
  conditions: { seaRequired: false, landUsePlanRequired: false },
  sections: {
    21: {
      sites: [{ id: 'site-1', regionCode: '21120', name: { ko: '부산 부지' }, areaSqm: 1000 }, { id: 'site-2', regionCode: '21130', name: { ko: '두번째' }, areaSqm: null }],
      companies: [], projects: [], budget: [{ year: 2027, source: 'national', amountMillionKrw: 3000, purpose: null }],
    },
    26: { sites: [], companies: [], projects: [], budget: [] },
  },
});

test('no change, no rows', () => {
  assert.deepEqual(diffPlanContent(base(), base()), []);
});

test('rows are matched by identity, not position: removing the first site is one removal', () => {
  const after = base();
  after.sections['21']!.sites.shift();
  const changes = diffPlanContent(base(), after);
  assert.equal(changes.length, 1);
  assert.deepEqual({ ...changes[0], fields: undefined }, { government: '21', list: 'sites', item: { key: 'site-1', label: { ko: '부산 부지' } }, op: 'remove', fields: undefined });
  assert.deepEqual(changes[0]!.fields.map((f) => f.field), ['regionCode', 'name', 'areaSqm']);
});

test('field-level changes with the language of a text', () => {
  const after = base();
  after.title = { ko: '계획', en: 'Zone plan', fr: 'Plan de zone' };
  after.sections['21']!.sites[0] = { ...after.sections['21']!.sites[0]!, areaSqm: 1500 };
  after.sections['21']!.budget[0]!.amountMillionKrw = 3500;
  after.sections['26']!.companies.push({ id: 'co-1', name: { ko: '울산 기업' }, kind: 'sme', businessNumber: null, address: null });
  const changes = diffPlanContent(base(), after);
  assert.deepEqual(changes[0], {
    government: null, list: null, item: null, op: 'change',
    fields: [{ field: 'title', lang: 'en', before: 'Plan', after: 'Zone plan' }, { field: 'title', lang: 'fr', before: null, after: 'Plan de zone' }],
  });
  const site = changes.find((c) => c.list === 'sites')!;
  assert.deepEqual(site.fields, [{ field: 'areaSqm', before: 1000, after: 1500 }]);
  const budget = changes.find((c) => c.list === 'budget')!;
  assert.equal(budget.item?.key, '2027:national');
  assert.deepEqual(budget.fields, [{ field: 'amountMillionKrw', before: 3000, after: 3500 }]);
  const company = changes.find((c) => c.list === 'companies')!;
  assert.equal(company.government, '26');
  assert.equal(company.op, 'add');
  assert.deepEqual(company.fields.map((f) => [f.field, f.lang ?? null, f.after]), [['name', 'ko', '울산 기업'], ['kind', null, 'sme']]);
  assert.deepEqual(changedParts(changes), { common: true, governments: ['21', '26'] });
});

test('narrative, conditions, participants and a new section', () => {
  const after = base();
  after.narrative = { 'land-use-plan': { ko: '토지 이용' } };
  after.conditions.seaRequired = true;
  after.partners = ['26', '48'];
  after.sections['48'] = { sites: [{ id: 'site-1', regionCode: '48121', name: { ko: '창원' }, areaSqm: null }], companies: [], projects: [], budget: [] };
  const changes = diffPlanContent(base(), after);
  assert.deepEqual(changes[0]!.fields.map((f) => f.field), ['narrative.land-use-plan', 'conditions.seaRequired']);
  assert.deepEqual(changes[1]!.fields, [{ field: 'partners', before: ['26'], after: ['26', '48'] }]);
  assert.equal(changes[2]!.government, '48');
  assert.equal(changes[2]!.op, 'add');
});

test('a changed exemption is named by its law and provision', () => {
  const ex = { id: 'ex-1', kind: 'demonstration', law: { ko: '법', en: 'Act' }, provision: '제5조', regulation: { ko: '규제' }, request: { ko: '요청' }, stages: [], responsibleMinistry: null };
  const [change] = diffList(null, 'exemptions', [ex], [{ ...ex, stages: ['logistics'] }]);
  assert.deepEqual(change!.item, { key: 'ex-1', label: { ko: '법 제5조', en: 'Act 제5조' } });
  assert.deepEqual(change!.fields, [{ field: 'stages', before: [], after: ['logistics'] }]);
});
