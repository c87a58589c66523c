// Non-English sentences carry no English (issue 15, item 8: "제86조 (before Act No. 20236)" in a Korean sentence).
// Two scans: every rule the code cites (string literals of src/domain and src/server that name a law or a policy,
// and every `rule: '…'`) rendered as a citation in ko, ja, zh and fr; and every message of the ko, ja and zh
// catalogues (errors, rule sentences, notifications, the web UI). Korean, Japanese and Chinese may hold Latin
// letters only in the technical names listed below; French may hold no word from the English list below.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { errorCatalogues } from './errors/index.ts';
import { notificationCatalogues } from './notifications/index.ts';
import { citation, violationCatalogues } from './violations/index.ts';
import { LANGS, loadCatalogue } from '../web/i18n/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Latin-script names a Korean, Japanese or Chinese sentence may keep as they are. */
const TECHNICAL = new Set([
  'ZoneLink', 'API', 'JSON', 'UTF', 'CSV', 'XLSX', 'PDF', 'NDJSON', 'SHA', 'URL', 'CSRF', 'X-CSRF-Token', 'Token', 'X', 'ID', 'KPI', 'KPIs',
  'application/json', 'application', 'json', 'text/csv', 'text', 'csv', 'multipart/form-data', 'multipart', 'form', 'data', 'If-Match', 'If', 'Match', 'ETag', 'Idempotency-Key',
  'Content-Range', 'Content', 'Range', 'bytes', 'PUT', 'GET', 'POST', 'HEAD', 'DELETE', 'SMTP', 'HTTP', 'HTTPS', 'Accept-Language', 'Accept', 'Language', 'KRW',
  'LNG', 'LPG', 'ESS', 'MVDC', 'AI', 'EV', 'GIZ', 'RFZ', 'MSS', 'MOTIE', 'MOLIT', 'MOF', 'MOHW', 'UUID', 'ISO', 'YYYY-MM-DD', 'YYYY', 'MM', 'DD', 'PNG', 'JPEG', 'WebP', 'GIF',
  'NUL', 'Tab', 'ms', 'km/h', 'HH', 'ts', 'ndjson', 'https', 'BOM', 'lon', 'lat',
  // CSV column names, which a file must use as they are.
  'kind', 'key', 'quantity', 'capability', 'stage', 'exemption', 'instrument', 'article', 'paragraph', 'ministry', 'amendments', 'region',
  'OK', 'km', 'kg', 'ha', 'm', 'kW', 'MW', 'kWh', 'MWh', 'g', 't', 'h', 'e', 'mail', 'e-mail', 'Email', 'iCal', 'ics', 'SVG', 'TopoJSON', 'GeoJSON', 'SGIS', 'KOSTAT', 'KOGL',
]);
/** English words that are not also French words, for the French scan. */
const ENGLISH = /\b(before|after|the|of|for|with|may|must|not|and|policy|call|setting|required|advisory|years?|days?|once|applicant|withdraws?|item|recusal|applied|reviewers?|mirrored|reference|counted|starts|roll-over|backwards|shown|preceding|business|first|unfavourable|citizen|every|sign-off|liability|insurance|objection|Act|Addendum|Civil|Framework|Administration|Regulations|Holidays|Government|Offices|Decree|proviso|parenthesis|those|who|requested)\b/;

function latinWords(text: string): string[] {
  // ICU syntax is not text: arguments, and the keywords and option keys of plural and select.
  const stripped = text.replace(/\{\w+, (?:plural|select),/g, ' ').replace(/\b\w+ ?\{/g, ' ').replace(/\{[^{}]*\}/g, ' ');
  return [...stripped.matchAll(/[A-Za-z_][A-Za-z0-9_/-]*/g)].map((m) => m[0])
    // Identifiers (column and field names: law_ko, _en, deviceId) are code, not English.
    .filter((w) => !w.includes('_') && !/[a-z][A-Z]/.test(w))
    .filter((w) => !TECHNICAL.has(w) && !TECHNICAL.has(w.replace(/-.*$/, '')));
}

function citedRules(): Map<string, string> {
  const files = execFileSync('git', ['ls-files', 'src/domain/*.ts', 'src/server/*.ts'], { cwd: root, encoding: 'utf8' }).trim().split('\n').filter((f) => !f.includes('.test.'));
  const rules = new Map<string, string>();
  const LAW = /'((?:RFZ Act|Decree|Civil Act|Framework Act|Act No|Administrative Procedures Act|ZoneLink policy|call policy|MSS call|Regulations on|Public Official|Local Autonomy|Enforcement Decree)[^'\n]*)'/g;
  for (const file of files) {
    const source = readFileSync(`${root}${file}`, 'utf8');
    for (const m of source.matchAll(LAW)) rules.set(m[1]!, file);
    for (const m of source.matchAll(/rule:\s*'([^'\n]*)'/g)) rules.set(m[1]!, file);
  }
  return rules;
}

test('the scan finds the rules the code cites (more than a hundred, the Act No. 20236 one among them)', () => {
  const rules = citedRules();
  assert.ok(rules.size > 100, String(rules.size));
  assert.ok(rules.has('RFZ Act Art. 86 (before Act No. 20236); Act No. 20236 Addendum Art. 3'));
});

test('every cited rule reads without English in ko, ja, zh and fr', () => {
  const bad: string[] = [];
  for (const [rule, file] of citedRules()) {
    for (const locale of ['ko', 'ja', 'zh'] as const) {
      const words = latinWords(citation(locale, rule));
      if (words.length > 0) bad.push(`${locale} ${file}: "${rule}" → "${citation(locale, rule)}" (${words.join(', ')})`);
    }
    const fr = citation('fr', rule);
    if (ENGLISH.test(fr)) bad.push(`fr ${file}: "${rule}" → "${fr}"`);
  }
  assert.deepEqual(bad, []);
});

test('the Act No. 20236 citation in each language', () => {
  const rule = 'RFZ Act Art. 86 (before Act No. 20236); Act No. 20236 Addendum Art. 3';
  assert.equal(citation('ko', rule), '지역특구법 제86조(법률 제20236호 시행 전), 법률 제20236호 부칙 제3조');
  assert.equal(citation('ja', rule), '地域特区法第86条（法律第20236号の施行前）、法律第20236号附則第3条');
  assert.equal(citation('en', rule), rule);
  assert.doesNotMatch(citation('fr', rule), /before|Addendum|Act No/);
});

function strings(value: unknown, path: string, into: [string, string][]): [string, string][] {
  if (typeof value === 'string') into.push([path, value]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, into);
  return into;
}

test('the ko, ja and zh message catalogues hold no English words', async () => {
  const bad: string[] = [];
  for (const locale of ['ko', 'ja', 'zh'] as const) {
    const web = LANGS.includes(locale) ? await loadCatalogue(locale) : {};
    const all = [
      ...strings(errorCatalogues[locale], `errors.${locale}`, []),
      ...strings(violationCatalogues[locale], `violations.${locale}`, []),
      ...strings(notificationCatalogues[locale], `notifications.${locale}`, []),
      ...strings(web, `web.${locale}`, []),
    ];
    for (const [path, text] of all) {
      const words = latinWords(text);
      if (words.length > 0) bad.push(`${path}: ${text} (${words.join(', ')})`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the French message catalogues hold no English words', async () => {
  const all = [
    ...strings(errorCatalogues.fr, 'errors.fr', []), ...strings(violationCatalogues.fr, 'violations.fr', []),
    ...strings(notificationCatalogues.fr, 'notifications.fr', []), ...strings(await loadCatalogue('fr'), 'web.fr', []),
  ];
  const bad = all.filter(([, text]) => ENGLISH.test(text.replace(/\{[^}]*\}/g, ' '))).map(([path, text]) => `${path}: ${text}`);
  assert.deepEqual(bad, []);
});
