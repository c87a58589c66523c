import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, addMonthsClamped, civilDate, fromDayNumber, toDayNumber, type CivilDate } from '../calendar/civil-date.ts';
import { createHolidayCalendar } from '../calendar/holidays.ts';
import { lawfulTerm } from './lawful-term.ts';
import { checkExtension, checkGrantTerm, extensionDeadline, validityLimits, type ExemptionKind } from './validity.ts';

const d = civilDate;
const calendar = createHolidayCalendar();
const openZone = { from: d('2019-01-01'), until: d('2099-12-31') };
/**
 * The last day of a term of `years` years from 00:00 of `from` (Civil Act Art. 160): the day before the same date
 * `years` later, or the month's last day when that month has no such day (29 February → 28 February).
 */
const nominal = (from: CivilDate, years: number): CivilDate => {
  const same = addMonthsClamped(from, 12 * years);
  return same.slice(8) !== from.slice(8) ? same : addDays(same, -1);
};

describe('latest lawful ends: the first term and the extension never exceed the Act\'s total (ADR 0013)', () => {
  // [why, kind, grantedOn, from, first term's last day (or null), zone's last day, first term's latest end, extension's latest end]
  const rows: [string, ExemptionKind, string, string, string | null, string, string | null, string | null][] = [
    ['4 + 2 years (Art. 86(10)): 2024-09-02 → 2028-09-01, then 2030-09-01', 'demonstration_exemption', '2024-09-02', '2024-09-02', null, '2099-12-31', '2028-09-01', '2030-09-01'],
    ['2 + 2 before Act No. 20236 (Addendum Art. 3)', 'demonstration_exemption', '2023-04-11', '2023-05-01', null, '2099-12-31', '2025-04-30', '2027-04-30'],
    ['3 + 2 for temporary permits (Art. 90(11)); 2028-01-01 is a Saturday and New Year, not moved', 'temporary_permit', '2025-01-02', '2025-01-02', null, '2099-12-31', '2028-01-01', '2030-01-01'],
    ['a first term rolled to Monday under the old reading buys no extra days: the total holds', 'temporary_permit', '2025-01-02', '2025-01-02', '2028-01-03', '2099-12-31', '2028-01-01', '2030-01-01'],
    ['a shorter first term: the extension is 2 years from its end', 'demonstration_exemption', '2025-03-04', '2025-03-04', '2026-03-03', '2099-12-31', '2029-03-03', '2028-03-03'],
    ['capped at the zone\'s period (Art. 80(1), 86(10))', 'demonstration_exemption', '2024-09-02', '2024-09-02', null, '2027-12-31', '2027-12-31', '2027-12-31'],
    ['temporary permits are not capped by the zone (Art. 90(11))', 'temporary_permit', '2025-01-02', '2025-01-02', null, '2025-12-31', '2028-01-01', '2030-01-01'],
    ['29 February: 3 years end on 2031-02-28, the month having no 29th (Art. 160(3))', 'temporary_permit', '2028-02-29', '2028-02-29', null, '2099-12-31', '2031-02-28', '2033-02-28'],
    ['29 February: 4 years end on 2028-02-28 (Art. 160(2))', 'demonstration_exemption', '2024-08-07', '2024-02-29', null, '2099-12-31', '2028-02-28', '2030-02-28'],
    ['menu special cases run for the zone\'s period, no extension (Art. 80(1))', 'menu_special_case', '2024-05-01', '2024-05-01', null, '2032-12-31', '2032-12-31', null],
  ];
  for (const [why, kind, grantedOn, from, firstUntil, zoneUntil, first, extension] of rows) {
    it(why, () => {
      const r = lawfulTerm({
        kind, grantedOn: d(grantedOn), from: d(from), ...(firstUntil ? { firstUntil: d(firstUntil) } : {}),
        zone: { from: d('2019-01-01'), until: d(zoneUntil) }, calendar,
      });
      assert.equal(r?.firstTermUntil, first);
      assert.equal(r?.extensionUntil, extension);
    });
  }

  it('rapid confirmation has no term (Art. 85)', () => {
    assert.equal(lawfulTerm({ kind: 'rapid_confirmation', grantedOn: d('2025-01-02'), from: d('2025-01-02'), zone: openZone, calendar }), null);
  });

  it('a refusal offers the longest lawful term (grant and extension)', () => {
    const grant = checkGrantTerm({ kind: 'demonstration_exemption', grantedOn: d('2024-09-02'), term: { from: d('2024-09-02'), until: d('2029-01-01') }, zone: { from: d('2024-05-01'), until: d('2028-06-30') }, calendar });
    assert.equal(grant.ok, false);
    if (!grant.ok) for (const v of grant.violations) assert.equal(v.params.maxUntil, '2028-06-30', v.code);
    const ext = checkExtension({
      kind: 'temporary_permit', grantedOn: d('2025-01-02'), term: { from: d('2025-01-02'), until: d('2028-01-03') }, extensionsSoFar: 0,
      requestedOn: d('2027-10-01'), newUntil: d('2030-01-03'), ground: 'law_not_amended', zone: openZone, calendar,
    });
    assert.equal(ext.ok, false);
    if (!ext.ok) assert.deepEqual(ext.violations.map((v) => [v.code, v.params.maxUntil]), [['exceeds-maximum', '2030-01-01']]);
  });
});

describe('totals and caps over random grants and calendars (property)', () => {
  const kinds: ExemptionKind[] = ['demonstration_exemption', 'temporary_permit'];
  const day = (min: string, max: string) => fc.integer({ min: toDayNumber(d(min)), max: toDayNumber(d(max)) }).map(fromDayNumber);
  /** A calendar with random administrator-added one-off holidays (Regulations Art. 2 item 12). */
  const calendarArb = fc.uniqueArray(day('2019-01-01', '2040-12-31'), { maxLength: 40 })
    .map((days) => createHolidayCalendar({ extra: days.map((date) => ({ date, name: '임시공휴일' })) }));

  it('the first term, the extension and the total stay within the Act, and within the zone where it caps', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds), day('2022-01-01', '2034-12-31'), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: -200, max: 3000 }), calendarArb,
        (kind, grantedOn, startDelay, shorten, zoneSlack, cal) => {
          const from = addDays(grantedOn, startDelay);
          const limits = validityLimits(kind, grantedOn)!;
          const initial = limits.initialYears!;
          const zone = { from: d('2019-01-01'), until: addDays(from, zoneSlack + 365) };
          const lawful = lawfulTerm({ kind, grantedOn, from, zone, calendar: cal })!;
          const first = lawful.firstTermUntil!;
          assert.ok(first <= nominal(from, initial), 'first term within its maximum');
          if (limits.cappedByZone) assert.ok(first <= zone.until, 'first term within the zone');
          // Whatever day the first term ends on (shorter, or even a day past a weekend), the total holds.
          const firstUntil = addDays(first, shorten % 3 === 0 ? 2 : -Math.min(shorten, 400));
          if (firstUntil < from) return;
          const withFirst = lawfulTerm({ kind, grantedOn, from, firstUntil, zone, calendar: cal })!;
          const ext = withFirst.extensionUntil!;
          assert.ok(ext <= nominal(from, initial + limits.extensionYears), 'first term + extension within the total');
          assert.ok(ext <= nominal(addDays(firstUntil, 1), limits.extensionYears), 'the extension within its own maximum');
          if (limits.cappedByZone) assert.ok(ext <= zone.until, 'extension within the zone');
          // No calendar moves a lawful end: the same ends without the one-off holidays.
          assert.deepEqual(lawfulTerm({ kind, grantedOn, from, firstUntil, zone, calendar })!, withFirst);
          // The check accepts the offered end and refuses one day more.
          if (ext > firstUntil) {
            const input = {
              kind, grantedOn, term: { from, until: firstUntil }, extensionsSoFar: 0, requestedOn: extensionDeadline(firstUntil, cal).nominal,
              ground: 'law_not_amended' as const, zone, calendar: cal,
            };
            assert.equal(checkExtension({ ...input, newUntil: ext }).ok, true);
            const over = checkExtension({ ...input, newUntil: addDays(ext, 1) });
            assert.equal(over.ok, false);
            if (!over.ok) for (const v of over.violations) assert.equal(v.params.maxUntil, ext);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a grant of the offered first term passes the grant check; one day more does not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), day('2022-01-01', '2034-12-31'), fc.integer({ min: -200, max: 3000 }), calendarArb, (kind, grantedOn, zoneSlack, cal) => {
        const zone = { from: d('2019-01-01'), until: addDays(grantedOn, zoneSlack + 365) };
        const first = lawfulTerm({ kind, grantedOn, from: grantedOn, zone, calendar: cal })!.firstTermUntil!;
        assert.equal(checkGrantTerm({ kind, grantedOn, term: { from: grantedOn, until: first }, zone, calendar: cal }).ok, true);
        const over = checkGrantTerm({ kind, grantedOn, term: { from: grantedOn, until: addDays(first, 1) }, zone, calendar: cal });
        assert.equal(over.ok, false);
        if (!over.ok) for (const v of over.violations) assert.equal(v.params.maxUntil, first);
      }),
      { numRuns: 200 },
    );
  });
});
