import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { LOCALES } from '../locales.ts';
import { messageArguments } from '../../domain/i18n/icu.ts';
const placeholders = (s: string): string[] => [...messageArguments(s).keys()].sort();
import { citation, violationCatalogues, violationSentence, zoneViolationSentence } from './index.ts';
import { PLAN_ITEMS } from '../../domain/zones/procedure.ts';
import { CHANGE_ITEMS } from '../../domain/zones/zone-changes.ts';

const en = violationCatalogues.en;

test('every language has every violation text with the placeholders of English', () => {
  for (const locale of LOCALES) {
    const c = violationCatalogues[locale];
    for (const section of Object.keys(en) as (keyof typeof en)[]) {
      if (typeof en[section] === 'string' || section === 'zones') continue;
      const keys = Object.keys(en[section] as object);
      assert.deepEqual(Object.keys(c[section] as object).sort(), [...keys].sort(), `${locale}.${section}`);
      if (section !== 'codes') continue;
      for (const k of keys) assert.deepEqual(placeholders((c.codes as Record<string, string>)[k]!), placeholders((en.codes as Record<string, string>)[k]!), `${locale}.codes.${k}`);
    }
  }
});

test('every violation code the exemption rules and routes produce has a sentence', () => {
  const dirs = ['src/domain/exemptions', 'src/server/exemptions'];
  const codes = new Set<string>();
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const m of readFileSync(`${dir}/${file}`, 'utf8').matchAll(/code: '([a-z-]+)'/g)) codes.add(m[1]!);
    }
  }
  assert.ok(codes.size > 20);
  const missing = [...codes].filter((c) => !(c in en.codes));
  assert.deepEqual(missing, []);
});

test('sentences format dates, years and grounds in the reader\'s language and cite the article', () => {
  const v = { code: 'exceeds-maximum', rule: 'RFZ Act Art. 86(10)', params: { years: 4, maxUntil: '2030-03-04', until: '2031-01-01' } };
  assert.equal(violationSentence('ko', v), '유효기간은 최대 4년, 즉 2030년 3월 4일까지입니다. 2031년 1월 1일은(는) 이를 넘습니다(지역특구법 제86조제10항).');
  assert.equal(violationSentence('en', v), 'The term may run for at most 4 years, that is until 4 March 2030; 1 January 2031 is too late (RFZ Act Art. 86(10)).');
  assert.match(violationSentence('fr', v), /4 ans au plus, soit jusqu’au 4 mars 2030 .*\(loi RFZ, art\. 86\(10\)\)/);
  const late = { code: 'end-before-start', rule: 'Decree Art. 57-3(2)', params: { notifiedOn: '2026-03-01', requestedOn: '2026-02-01' } };
  assert.equal(violationSentence('en', late), 'The request date (1 February 2026) must not be before the notice date (1 March 2026) (Decree Art. 57-3(2)).');
  assert.match(violationSentence('ja', late), /請求日（2026年2月1日）は通知日（2026年3月1日）より前にできません（施行令第57条の3第2項）/);
  const ground = { code: 'no-cancellation-ground', rule: 'RFZ Act Art. 89(1)', params: { ground: null, allowed: ['fraud', 'harm'] } };
  assert.match(violationSentence('zh', ground), /以欺骗或不正当手段获得批准、危害生命、安全或环境/);
  assert.doesNotMatch(violationSentence('ko', ground), /fraud|harm|=/);
});

test('citations follow each language\'s usual form', () => {
  assert.equal(citation('ko', 'RFZ Act Art. 89(1)–(2), 141; Decree Art. 63'), '지역특구법 제89조제1항~제2항, 제141조, 시행령 제63조');
  assert.equal(citation('zh', 'Decree Art. 57-3(4)'), '施行令第57条之3第4款');
  assert.equal(citation('en', 'RFZ Act Art. 87(11) (parenthesis: not for those who requested an amendment)'), 'RFZ Act Art. 87(11)');
});

const codesIn = (dirs: readonly string[]): Set<string> => {
  const codes = new Set<string>();
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const m of readFileSync(`${dir}/${file}`, 'utf8').matchAll(/code: '([a-z-]+)'/g)) codes.add(m[1]!);
    }
  }
  return codes;
};

test('every violation code the zone-plan and zone rules and routes produce has a sentence in all five languages, with the placeholders of English', () => {
  const codes = codesIn(['src/domain/zones', 'src/server/plans', 'src/server/zones']);
  codes.delete('role-not-allowed'); // a 403, never said as a violation
  assert.ok(codes.size > 50);
  const zones = en.zones.codes as Record<string, string>;
  assert.deepEqual([...codes].filter((c) => !(c in zones)), []);
  for (const locale of LOCALES) {
    const own = violationCatalogues[locale].zones.codes as Record<string, string>;
    assert.deepEqual(Object.keys(own).sort(), Object.keys(zones).sort(), locale);
    for (const [code, text] of Object.entries(zones)) {
      assert.deepEqual(placeholders(own[code]!), placeholders(text), `${locale}.zones.${code}`);
      assert.ok(placeholders(text).includes('rule'), `${code} cites its article`);
    }
  }
});

test('zone-plan sentences name regions, format dates and numbers, and cite the article; not "code: text [rule]"', () => {
  const quorum = { code: 'quorum-not-present', rule: 'Decree Art. 47(7)', params: { members: 40, present: 10 } };
  assert.equal(zoneViolationSentence('en', quorum), 'A majority of the 40 members must be present, but only 10 are (Decree Art. 47(7)).');
  assert.equal(zoneViolationSentence('ko', quorum), '재적위원 40명 중 과반수 출석 필요 (출석 10명)(시행령 제47조제7항).');
  const notice = { code: 'public-notice-too-short', rule: 'RFZ Act Art. 74(2); Decree Art. 40(1)', params: { requiredDays: 14, mustRunUntil: '2026-03-15', ranUntil: '2026-03-10' } };
  assert.equal(zoneViolationSentence('en', notice), 'The public notice must run for at least 14 days, until 15 March 2026; it ran only until 10 March 2026 (RFZ Act Art. 74(2); Decree Art. 40(1)).');
  assert.match(zoneViolationSentence('ja', notice), /2026年3月15日.*2026年3月10日.*（地域特区法第74条第2項、施行令第40条第1項）。$/);
  const site = { code: 'site-in-capital-area', rule: 'RFZ Act Art. 72(1)', params: { site: 's1', regionCode: '11' } };
  assert.match(zoneViolationSentence('en', site), /^Site s1 lies in the capital area \(Seoul \(11\)\) \(RFZ Act Art\. 72\(1\)\)\.$/);
  assert.match(zoneViolationSentence('ko', site), /서울특별시 \(11\).*\(지역특구법 제72조제1항\)\.$/);
  for (const locale of LOCALES) assert.doesNotMatch(zoneViolationSentence(locale, quorum), /quorum-not-present|\[/, locale);
  // The same code means what its own rules say: an exemption's missing item is not a plan's.
  const missing = { code: 'redeliberation-too-late', rule: 'RFZ Act Art. 79(1)', params: { deadline: '2026-05-01', requestedOn: '2026-05-02' } };
  assert.match(zoneViolationSentence('en', missing), /of the decision/);
  assert.match(violationSentence('en', missing), /of the notice/);
});

test('every plan item, change item and consultation step a zone violation names has a label in all five languages', () => {
  const named = new Set<string>([...Object.keys(PLAN_ITEMS), ...CHANGE_ITEMS]);
  for (const dir of ['src/domain/zones', 'src/server/plans', 'src/server/zones']) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const m of readFileSync(`${dir}/${file}`, 'utf8').matchAll(/item: '([a-z-]+)'/g)) named.add(m[1]!);
    }
  }
  for (const locale of LOCALES) {
    const items = violationCatalogues[locale].zones.items as Record<string, string>;
    assert.deepEqual([...named].filter((i) => !items[i]), [], locale);
    assert.deepEqual(Object.keys(items).sort(), Object.keys(en.zones.items).sort(), locale);
  }
  const missing = { code: 'missing-item', rule: 'Decree Art. 40(1)3', params: { item: 'consultation-results' } };
  assert.equal(zoneViolationSentence('en', missing), `${en.zones.items['consultation-results']} is missing (Decree Art. 40(1)3).`);
  assert.doesNotMatch(zoneViolationSentence('ko', { ...missing, params: { item: 'public-notice' } }), /public-notice/);
});
