import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { civilDate } from '../calendar/civil-date.ts';
import { RowParser, splitCsvLine } from './events.ts';
import { insuranceIssues, insurancePolicy, periodInstants, seoulToday } from './project.ts';

const period = { ...periodInstants('2026-01-01', '2026-12-31'), fromLabel: '2026-01-01', toLabel: '2026-12-31' };
const cover = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };

describe('demonstration rows', () => {
  test('CSV lines split with RFC 4180 quotes', () => {
    assert.deepEqual(splitCsvLine('a,"b,c","d""e",'), ['a', 'b,c', 'd"e', '']);
    assert.deepEqual(splitCsvLine(''), ['']);
    assert.equal(splitCsvLine('"open'), null);
    assert.equal(splitCsvLine('"a"b'), null);
  });

  test('CSV: header, values, missing cells, period bounds in Seoul time', () => {
    const p = new RowParser('csv', period);
    assert.deepEqual(p.line('\uFEFFts,deviceId,lon,lat,speed', 1), { event: null, issues: [] });
    const ok = p.line('2026-01-01T00:00:00+09:00,7,129,35,', 2);
    assert.deepEqual(ok.issues, []);
    assert.equal(ok.event!.ts, Date.parse('2025-12-31T15:00:00Z'));
    assert.equal(ok.event!.speed, null);
    assert.equal(ok.event!.deviceId, 7);
    assert.deepEqual(p.line('2025-12-31T23:59:59+09:00,7,,,', 3).issues.map((i) => i.code), ['outOfPeriod']);
    assert.deepEqual(p.line('2027-01-01T00:00:00+09:00,7,,,', 4).issues.map((i) => i.code), ['outOfPeriod']);
    assert.deepEqual(p.line('2026-12-31T23:59:59+09:00,-1,181,,1e999', 5).issues.map((i) => `${i.column}:${i.code}`), ['deviceId:outOfRange', 'lon:outOfRange', 'speed:type', 'lat:required']);
    assert.deepEqual(p.line('2026-06-01T00:00:00Z,1', 6).issues.map((i) => i.code), ['columns']);
    assert.deepEqual(p.line('   ', 7), { event: null, issues: [] });
  });

  test('CSV: a bad header refuses the file', () => {
    const p = new RowParser('csv', period);
    assert.deepEqual(p.line('ts,ts,colour', 1).issues.map((i) => `${i.column}:${i.code}`), ['ts:duplicate', 'colour:unknown']);
    assert.deepEqual(new RowParser('csv', period).finish(0).map((i) => i.code), ['header']);
  });

  test('NDJSON: objects only, known fields, epoch ms or ISO instants', () => {
    const p = new RowParser('ndjson', period);
    assert.equal(p.line(JSON.stringify({ ts: Date.parse('2026-05-01T00:00:00Z'), people: 2 }), 1).event!.people, 2);
    assert.deepEqual(p.line('[1,2]', 2).issues.map((i) => i.code), ['type']);
    assert.deepEqual(p.line('{"ts":"2026-05-01T00:00:00Z","x":1}', 3).issues.map((i) => `${i.column}:${i.code}`), ['x:unknown']);
    assert.deepEqual(p.line('{"ts":"2026-05-01T00:00:00"}', 4).issues.map((i) => i.code), ['type']);
    assert.deepEqual(p.line('{"ts":"2026-05-01T00:00:00Z","lat":35}', 5).issues.map((i) => `${i.column}:${i.code}`), ['lon:required']);
    assert.deepEqual(p.line('{"ts":"2026-05-01T00:00:00Z","sessionId":1.5}', 6).issues.map((i) => i.code), ['type']);
    assert.deepEqual(p.line('{', 7).issues.map((i) => i.code), ['invalid']);
  });
});

describe('insurance (Decree Art. 60)', () => {
  const today = civilDate('2026-11-25');
  const policy = { insurer: 'X', policyNumber: 'P', cover, validFrom: '2026-01-01', validUntil: '2026-11-25' };
  test('required insurance must cover today and meet every minimum', () => {
    assert.deepEqual(insuranceIssues(false, null, today), []);
    assert.deepEqual(insuranceIssues(true, null, today).map((i) => i.code), ['missing']);
    assert.deepEqual(insuranceIssues(true, policy, today), []);
    assert.deepEqual(insuranceIssues(true, { ...policy, validFrom: '2026-11-26', validUntil: '2027-01-01' }, today).map((i) => i.code), ['not-valid-today']);
    assert.deepEqual(insuranceIssues(true, { ...policy, validUntil: '2026-11-24' }, today).map((i) => i.code), ['not-valid-today']);
    const low = insuranceIssues(true, { ...policy, cover: { ...cover, propertyPerAccident: 999_999_999 } }, today);
    assert.deepEqual(low.map((i) => i.path), ['/insurance/cover/propertyPerAccident']);
  });
  test('the policy runs over whole Seoul days', () => {
    assert.deepEqual(insurancePolicy(policy), { id: 'P', from: '2026-01-01T00:00:00+09:00', to: '2026-11-26T00:00:00+09:00', cover });
    assert.equal(seoulToday(Date.parse('2026-11-25T15:00:00Z')), '2026-11-26');
    assert.equal(seoulToday(Date.parse('2026-11-25T14:59:59Z')), '2026-11-25');
  });
});

describe('periodic reports', async () => {
  const { reportingSchedule, reportFrequency, reportStatus, incidentDeadline } = await import('./reports.ts');
  const { defaultCalendar } = await import('../calendar/holidays.ts');
  test('periods are cut from the start by the most frequent KPI frequency; due 30 days later on a business day', () => {
    assert.equal(reportFrequency(['yearly', 'quarterly', 'half-yearly']), 'quarterly');
    assert.equal(reportFrequency([]), 'quarterly');
    const s = reportingSchedule('2026-01-31', '2026-06-15', 'monthly', defaultCalendar());
    assert.deepEqual(s.map((p) => [p.from, p.to]), [
      ['2026-01-31', '2026-02-27'], ['2026-02-28', '2026-03-30'], ['2026-03-31', '2026-04-29'], ['2026-04-30', '2026-05-30'], ['2026-05-31', '2026-06-15'],
    ]);
    // 2026-02-27 + 30 = 2026-03-29 (Sunday) → Monday 2026-03-30.
    assert.equal(s[0]!.due, '2026-03-30');
    const q = reportingSchedule('2026-01-01', '2026-12-31', 'quarterly', defaultCalendar());
    assert.deepEqual(q.map((p) => p.to), ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
  });
  test('status: upcoming, open, missing, submitted, late', () => {
    const p = { index: 1, from: civilDate('2026-01-01'), to: civilDate('2026-03-31'), due: civilDate('2026-04-30') };
    assert.equal(reportStatus(p, null, civilDate('2026-03-31')), 'upcoming');
    assert.equal(reportStatus(p, null, civilDate('2026-04-30')), 'open');
    assert.equal(reportStatus(p, null, civilDate('2026-05-01')), 'missing');
    assert.equal(reportStatus(p, civilDate('2026-04-30'), civilDate('2026-06-01')), 'submitted');
    assert.equal(reportStatus(p, civilDate('2026-05-01'), civilDate('2026-06-01')), 'late');
    assert.equal(incidentDeadline(0, 'serious'), 24 * 3_600_000);
  });
});
