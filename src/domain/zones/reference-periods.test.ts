// The reference zones carry their designation periods (issue 15, item 3) with the basis of each date, and the
// period caps an exemption's term: RFZ Act Art. 86(10) (never beyond the zone's period), Art. 90(11).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import zonesJson from '../../../data/reference/zones.json' with { type: 'json' };
import { civilDate } from '../calendar/civil-date.ts';
import { createHolidayCalendar } from '../calendar/holidays.ts';
import { lawfulTerm } from '../exemptions/lawful-term.ts';

interface Zone { round: number; region: string; en: string; state: string; period: { start: string; end: string | null; startBasis: string; endBasis: string } }
const data = zonesJson as { rounds: Record<string, string>; zones: Zone[] };
const calendar = createHolidayCalendar();

test('every reference zone has a start after its committee decision, an end after its start or none, and the basis of each', () => {
  assert.equal(data.zones.length, 42);
  for (const z of data.zones) {
    const committee = data.rounds[String(z.round)]!;
    assert.ok(z.period.start > committee, `${z.round}/${z.region}: ${z.period.start} after ${committee}`);
    if (z.period.end !== null) assert.ok(z.period.end > z.period.start, `${z.round}/${z.region}`);
    assert.ok(z.period.startBasis.length > 0 && z.period.endBasis.length > 0);
    assert.ok(/confirmed|unconfirmed/.test(`${z.period.startBasis} ${z.period.endBasis}`), 'each period says what is confirmed');
  }
  const round1 = data.zones.filter((z) => z.round === 1);
  assert.ok(round1.every((z) => z.period.start === '2019-08-01' && /month confirmed/.test(z.period.startBasis)), 'round 1 ran from 2019-08');
  // A zone still designated whose nominal 4 years are over was extended to an end not found: no invented date.
  const continuing = data.zones.filter((z) => (z.state === 'designated' || z.state === 'evaluated') && z.period.end === null);
  assert.ok(continuing.length > 0 && continuing.every((z) => /unconfirmed/.test(z.period.endBasis)));
  const ended = data.zones.filter((z) => z.state === 'expired');
  assert.ok(ended.every((z) => z.period.end !== null), 'expired zones have an end');
});

test('a round-9 zone caps a four-year demonstration exemption at its period end (Art. 86(10))', () => {
  const zone = data.zones.find((z) => z.round === 9 && z.region === '22')!;
  assert.deepEqual([zone.period.start, zone.period.end], ['2024-05-01', '2028-04-30']);
  const term = lawfulTerm({
    kind: 'demonstration_exemption', grantedOn: civilDate('2025-03-03'), from: civilDate('2025-03-03'),
    zone: { from: civilDate(zone.period.start), until: civilDate(zone.period.end!) }, calendar,
  })!;
  assert.equal(term.firstTermUntil, civilDate('2028-04-30'));
  assert.equal(term.cappedByZone, true);
});
