// Message coverage (issue 13): every notification kind, event and deadline, every rule violation, and what the pages
// render from the pure domain (guards after "still needed", plan moves, the exemption calendar's rule, holiday names),
// in all five languages, says no id, no raw state and, in ko/ja/zh, no Latin-script citation (in fr no English one).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXEMPTION_STATES } from '../../domain/exemptions/lifecycle.ts';
import { holidayName } from '../../domain/calendar/holiday-names.ts';
import { defaultCalendar, holidaysOfYear } from '../../domain/calendar/holidays.ts';
import { civilDate } from '../../domain/calendar/civil-date.ts';
import { EXEMPTION_GUARDS } from '../../domain/exemptions/lifecycle.ts';
import { EXEMPTION_KINDS, validityLimits } from '../../domain/exemptions/validity.ts';
import { citation } from '../../domain/i18n/citation.ts';
import { guardsText, guardText, planActionText } from '../../domain/i18n/plan-terms.ts';
import { CHANGE_GUARDS } from '../../domain/zones/zone-changes.ts';
import { PLAN_ACTIONS, PLAN_GUARDS } from '../../domain/zones/plan-machine.ts';
import { ZONE_GUARDS } from '../../domain/zones/zone-machine.ts';
import { RAPID_STATES } from '../../contract/rapid-confirmations.ts';
import { INCIDENT_SEVERITIES } from '../../domain/demonstrations/reports.ts';
import { CHANGE_STATES } from '../../domain/zones/zone-changes.ts';
import { PLAN_STATES } from '../../domain/zones/plan-machine.ts';
import { ZONE_STATES } from '../../domain/zones/zone-machine.ts';
import { messageArguments } from '../../domain/i18n/icu.ts';
import { LOCALES, type Locale } from '../locales.ts';
import { violationCatalogues, violationSentence } from '../violations/index.ts';
import { notificationCatalogues, renderNotification } from './index.ts';
import { ko } from './ko.ts';

const STATES = [...new Set<string>([...PLAN_STATES, ...ZONE_STATES, ...CHANGE_STATES, ...RAPID_STATES, ...EXEMPTION_STATES, ...INCIDENT_SEVERITIES, 'changes_requested', 'accepted'])];
/** English words that are also French. */
const FRENCH_TOO = new Set(['active', 'minor']);
const CITATION_LATIN = /\b(?:Art\.|Act|Decree|RFZ)\b/;
const CITATION_ENGLISH_FR = /\b(?:Act|Decree|Art\.)/;

function faults(locale: Locale, text: string): string[] {
  const found: string[] = [];
  if (/\{\w+\}/.test(text)) found.push('an argument without a value');
  const id = /\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+(?:-[a-z]+){2,}\b/.exec(text);
  if (id) found.push(`an id (${id[0]})`);
  for (const state of STATES) {
    const raw = new RegExp(`(^|[^\\p{L}_-])${state}($|[^\\p{L}_-])`, 'u');
    if ((locale !== 'en' || state.includes('_')) && !(locale === 'fr' && FRENCH_TOO.has(state)) && raw.test(text)) found.push(`the raw state ${state}`);
  }
  if ((locale === 'ko' || locale === 'ja' || locale === 'zh') && CITATION_LATIN.test(text)) found.push('a Latin-script citation');
  if (locale === 'fr' && CITATION_ENGLISH_FR.test(text)) found.push('an English citation');
  return found;
}

/** A value for each argument, by its name. */
function sample(name: string, scope: 'exemption' | 'zone'): string | number {
  const named: Record<string, string> = { state: scope === 'zone' ? 'under_review' : 'ministry_review', action: scope === 'zone' ? 'submit' : 'grant',
    guards: scope === 'zone' ? 'all-signoffs-match-hash, meeting-notice-given' : 'insurance-proof-submitted, meeting-notice-given', kind: 'demonstration_exemption', stage: 'cabinet', last: 'cabinet', ground: 'fraud', allowed: 'fraud' };
  if (name in named) return named[name]!;
  if (/^(due|until|ended|from|to|on|.*On|.*Until|.*By|deadline|maxUntil|zoneFrom|zoneUntil|validThrough)$/.test(name)) return '2026-12-08';
  if (name === 'rule') return 'RFZ Act Art. 86(10); Decree Art. 44(1)';
  return /^(days|count|year|years|previous|members|present|requiredDays|value|minimum|max|limit|percent|area|n)$/.test(name) ? 2 : 'Ulsan';
}

test('every notification kind, event and deadline reads as a sentence in all five languages', () => {
  const cases: [string, Record<string, string | number | { ko: string }>][] = [];
  for (const kind of Object.keys(ko.kinds)) cases.push([kind, { subject: { ko: '울산 수소 특구' }, actor: '김민수', state: 'plan:submitted', due: '2026-12-08', days: 1, text: '안내' }]);
  for (const state of Object.keys(ko.events)) {
    cases.push(['transition', { subject: { ko: '울산 수소 특구' }, actor: '김민수', state, answer: 'no_permit_needed', outcome: 'committee', changeState: 'under_review',
      grade: 'poor', consequence: 'cancellation', ground: 'poor-performance', minor: 'yes', year: 2026, due: '2026-12-08', until: '2028-12-08', ended: '2026-12-07', rule: 'RFZ Act Art. 85(4)' }]);
  }
  for (const deadline of Object.keys(ko.deadlines)) cases.push(['deadline-approaching', { subject: { ko: '울산 수소 특구' }, deadline, rule: 'Decree Art. 44(3)2', year: 2026, due: '2026-12-08', days: 7, about: 'rapid' }]);
  // Rows written before migration 0061 with a bare state.
  cases.push(['transition', { subject: '울산 수소 특구', actor: '김민수', state: 'signing_off' }]);
  for (const locale of LOCALES) {
    for (const [kind, params] of cases) {
      const { title, body } = renderNotification(kind, params, locale);
      assert.deepEqual(faults(locale, `${title} ${body}`), [], `${locale} ${kind} ${JSON.stringify(params.state ?? params.deadline ?? '')}: ${title} / ${body}`);
    }
  }
});

test('the findings of issue 13 in notifications: no English state in French, no signing_off, citations per language', () => {
  const forwarded = renderNotification('transition', { subject: { ko: '드론 배송' }, about: 'rapid', state: 'rapid:forwarded', rule: 'RFZ Act Art. 85(4)', actor: 'A' }, 'fr');
  assert.doesNotMatch(forwarded.body, /forwarded to the responsible ministries/);
  assert.match(forwarded.body, /transmise aux ministères compétents/);
  assert.doesNotMatch(renderNotification('transition', { subject: '계획', state: 'plan:signing_off', actor: 'A' }, 'fr').body, /signing_off|[가-힣]{3}님이/);
  const decision = renderNotification('deadline-approaching', { subject: { ko: '계획' }, deadline: 'plan-decision', rule: 'Decree Art. 44(1)', due: '2026-12-08', days: 3 }, 'ko');
  assert.match(decision.title, /시행령 제44조제1항/);
  assert.doesNotMatch(decision.title, /Decree Art\. 44\(1\)/);
  assert.match(renderNotification('deadline-approaching', { subject: { ko: '특례' }, deadline: 'exemption-expiry', rule: 'RFZ Act Art. 86(10)', due: '2026-12-08', days: 3 }, 'ja').title, /第86条第10項/);
});

test('every rule violation reads as a sentence in all five languages', () => {
  for (const scope of ['exemption', 'zone'] as const) {
    for (const code of Object.keys(scope === 'zone' ? violationCatalogues.en.zones.codes : violationCatalogues.en.codes)) {
      const template = (scope === 'zone' ? violationCatalogues.en.zones.codes : violationCatalogues.en.codes) as Record<string, string>;
      const params = Object.fromEntries([...messageArguments(template[code]!).keys()].filter((k) => k !== 'rule').map((k) => [k, sample(k, scope)]));
      for (const locale of LOCALES) {
        const sentence = violationSentence(locale, { code, rule: 'RFZ Act Art. 86(10); Decree Art. 44(1)', params, scope });
        assert.deepEqual(faults(locale, sentence), [], `${locale} ${scope} ${code}: ${sentence}`);
      }
    }
  }
  assert.ok(Object.keys(notificationCatalogues.ko.events).length > 30);
});

test('what the pages show from the domain reads as a sentence: guards, plan moves, the calendar\'s rule, holiday names', () => {
  const guards = [...new Set<string>([...PLAN_GUARDS, ...ZONE_GUARDS, ...CHANGE_GUARDS, ...EXEMPTION_GUARDS])];
  const rules = EXEMPTION_KINDS.flatMap((kind) => ['2020-01-01', '2026-12-08'].map((on) => validityLimits(kind, civilDate(on))?.rule ?? null)).filter((r): r is string => r !== null);
  const holidays = new Set<string>();
  for (let year = 2018; year <= 2050; year += 1) for (const h of holidaysOfYear(year, defaultCalendar())) h.packageNames.forEach((n) => holidays.add(n));
  for (const locale of LOCALES) {
    for (const guard of guards) {
      const text = guardText(locale, guard);
      assert.notEqual(text, guard, `${locale}: no text for the guard ${guard}`);
      assert.deepEqual(faults(locale, text), [], `${locale} guard ${guard}: ${text}`);
    }
    assert.deepEqual(faults(locale, guardsText(locale, ['all-signoffs-match-hash', 'quorum-present'])), []);
    for (const action of PLAN_ACTIONS) assert.deepEqual(faults(locale, planActionText(locale, action) ?? action), [], `${locale} plan move ${action}`);
    for (const rule of rules) assert.deepEqual(faults(locale, citation(locale, rule)), [], `${locale} calendar rule ${rule}: ${citation(locale, rule)}`);
    for (const name of holidays) {
      const text = holidayName(locale, name);
      if (locale !== 'ko') assert.doesNotMatch(text, /\p{Script=Hangul}/u, `${locale} holiday ${name}: ${text}`);
    }
  }
  assert.ok(holidays.size > 20 && rules.length >= 4);
});
