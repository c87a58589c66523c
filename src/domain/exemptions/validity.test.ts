import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, civilDate, fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import { pauseClock } from '../calendar/clock.ts';
import { createHolidayCalendar } from '../calendar/holidays.ts';
import type { RuleResult } from '../zones/transition-table.ts';
import {
  checkAmendmentRequest,
  checkExtension,
  checkGrantTerm,
  checkRedeliberation,
  deemedValidity,
  extensionDeadline,
  insuranceCopyDue,
  ministryReviewClock,
  rapidConfirmationClock,
  rapidConfirmationCommitteeDue,
  rapidConfirmationOutcome,
  resultsReportDue,
  temporaryPermitValidity,
  validityLimits,
  type ExemptionKind,
  type ExtensionInput,
} from './validity.ts';
import { dueDate } from '../calendar/clock.ts';

const d = civilDate;
const calendar = createHolidayCalendar();
const zone = { from: d('2024-05-01'), until: d('2032-12-31') };
const codes = <T>(r: RuleResult<T>): string[] => (r.ok ? r.warnings : r.violations).map((v) => v.code);

describe('validity limits (RFZ Act Art. 86(10), 90(11); Act No. 20236 Addendum Art. 3)', () => {
  it('4 + 2 years for demonstration exemptions granted from 2024-08-07, 2 + 2 before', () => {
    assert.equal(validityLimits('demonstration_exemption', d('2024-08-07'))?.initialYears, 4);
    assert.equal(validityLimits('demonstration_exemption', d('2024-08-06'))?.initialYears, 2);
    assert.equal(validityLimits('temporary_permit', d('2025-01-01'))?.initialYears, 3);
    assert.equal(validityLimits('temporary_permit', d('2025-01-01'))?.cappedByZone, false);
    assert.equal(validityLimits('rapid_confirmation', d('2025-01-01')), null);
  });

  // [name, kind, grantedOn, from, until, zone, expected codes]
  const rows: [string, ExemptionKind, string, string, string, { from: string; until: string }, string[]][] = [
    ['4 years to the day before the same date (Art. 86(10); Civil Act Art. 160)', 'demonstration_exemption', '2024-09-02', '2024-09-02', '2028-09-01', zone, []],
    ['one business day too long', 'demonstration_exemption', '2024-09-02', '2024-09-02', '2028-09-04', zone, ['exceeds-maximum']],
    ['2-year cap for a grant before 2024-08-07 (Act No. 20236 Addendum Art. 3)', 'demonstration_exemption', '2023-04-11', '2023-05-01', '2027-04-30', { from: '2023-04-11', until: '2027-04-30' }, ['exceeds-maximum']],
    ['beyond the zone period (Art. 86(10), 80(1))', 'demonstration_exemption', '2024-09-02', '2024-09-02', '2028-09-01', { from: '2024-05-01', until: '2027-12-31' }, ['beyond-zone-period']],
    ['end before start', 'demonstration_exemption', '2024-09-02', '2024-09-02', '2024-09-01', zone, ['end-before-start']],
    ['temporary permit: 3 years, not capped by the zone (Art. 90(11))', 'temporary_permit', '2025-01-02', '2025-01-02', '2028-01-01', { from: '2021-01-01', until: '2025-12-31' }, []],
    ['3 years end on New Year 2028 (a Saturday): a holiday does not lengthen the grant, Monday 01-03 is too long (Art. 90(11); ADR 0013)', 'temporary_permit', '2025-01-02', '2025-01-02', '2028-01-03', zone, ['exceeds-maximum']],
    ['temporary permit over 3 years', 'temporary_permit', '2025-01-02', '2025-01-02', '2028-01-04', zone, ['exceeds-maximum']],
    ['menu special case lasts for the zone period (Art. 80(1))', 'menu_special_case', '2024-05-01', '2024-05-01', '2033-01-01', zone, ['beyond-zone-period']],
    ['rapid confirmation has no term (Art. 85)', 'rapid_confirmation', '2025-01-02', '2025-01-02', '2025-02-01', zone, ['no-validity-period']],
  ];
  for (const [name, kind, grantedOn, from, until, z, expected] of rows) {
    it(name, () => {
      const r = checkGrantTerm({ kind, grantedOn: d(grantedOn), term: { from: d(from), until: d(until) }, zone: { from: d(z.from), until: d(z.until) }, calendar });
      assert.deepEqual(codes(r), expected);
      assert.equal(r.ok, expected.length === 0);
    });
  }

  it('a violation carries its rule and parameters', () => {
    const r = checkGrantTerm({ kind: 'demonstration_exemption', grantedOn: d('2024-09-02'), term: { from: d('2024-09-02'), until: d('2028-09-04') }, zone, calendar });
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual(r.violations[0], { code: 'exceeds-maximum', rule: 'RFZ Act Art. 86(10)', params: { years: 4, maxUntil: '2028-09-01', until: '2028-09-04' } });
  });
});

describe('extension (RFZ Act Art. 86(10), 90(11))', () => {
  const base: ExtensionInput = {
    kind: 'demonstration_exemption',
    grantedOn: d('2026-08-07'),
    term: { from: d('2026-08-07'), until: d('2030-08-06') },
    extensionsSoFar: 0,
    requestedOn: d('2030-06-05'),
    newUntil: d('2032-08-06'),
    ground: 'law_not_amended',
    zone,
    calendar,
  };

  it('the window closes 2 months before expiry; a holiday deadline is shown on the preceding business day', () => {
    const deadline = extensionDeadline(d('2030-08-06'), calendar);
    assert.equal(deadline.nominal, '2030-06-06'); // 현충일
    assert.equal(deadline.lastBusinessDay, '2030-06-05');
  });

  const rows: [string, Partial<ExtensionInput>, string[]][] = [
    ['in time, on a ground, within 2 years and the zone', {}, []],
    ['on the nominal deadline (a holiday) is still in time', { requestedOn: d('2030-06-06') }, []],
    ['a day late', { requestedOn: d('2030-06-07') }, ['extension-window-closed']],
    ['a second extension', { extensionsSoFar: 1 }, ['second-extension']],
    ['longer than 2 years', { newUntil: d('2032-08-09') }, ['exceeds-maximum']],
    ['past the zone period', { zone: { from: zone.from, until: d('2031-12-31') } }, ['beyond-zone-period']],
    ['no ground', { ground: null }, ['no-extension-ground']],
    ['temporary permit cannot cite a delayed test (Art. 90(11))', { kind: 'temporary_permit', ground: 'demonstration_delayed', grantedOn: d('2027-08-07'), term: { from: d('2027-08-07'), until: d('2030-08-06') } }, ['no-extension-ground']],
    ['temporary permit is not capped by the zone', { kind: 'temporary_permit', grantedOn: d('2027-08-07'), term: { from: d('2027-08-07'), until: d('2030-08-06') }, zone: { from: zone.from, until: d('2030-12-31') } }, []],
    ['menu special cases are not extended', { kind: 'menu_special_case' }, ['no-extension']],
    ['new end not after the current one', { newUntil: d('2030-08-06') }, ['end-before-start']],
  ];
  for (const [name, override, expected] of rows) {
    it(name, () => assert.deepEqual(codes(checkExtension({ ...base, ...override })), expected));
  }

  it('never yields a term beyond the zone when it succeeds (property)', () => {
    const day = fc.integer({ min: toDayNumber(d('2024-08-07')), max: toDayNumber(d('2027-12-31')) }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: 30, max: 1460 }), fc.integer({ min: -100, max: 900 }), fc.integer({ min: 1, max: 900 }), fc.integer({ min: -400, max: 2000 }), (from, length, before, extra, zoneSlack) => {
        const term = { from, until: addDays(from, length) };
        const z = { from: zone.from, until: addDays(term.until, zoneSlack) };
        const r = checkExtension({ ...base, grantedOn: from, term, zone: z, requestedOn: addDays(term.until, -before), newUntil: addDays(term.until, extra) });
        if (r.ok) {
          assert.ok(r.value.term.until <= z.until);
          assert.ok(r.value.term.until <= r.value.maxUntil);
          assert.ok(addDays(term.until, -before) <= r.value.deadline.nominal);
        }
      }),
    );
  });
});

describe('law-amendment request and deemed validity (RFZ Act Art. 87(9)–(10))', () => {
  const term = { from: d('2026-08-07'), until: d('2030-08-06') };
  it('by 2 months before the expiry date, with results attached', () => {
    assert.deepEqual(codes(checkAmendmentRequest({ kind: 'demonstration_exemption', term, requestedOn: d('2030-06-06'), resultsAttached: true, calendar })), []);
    assert.deepEqual(codes(checkAmendmentRequest({ kind: 'demonstration_exemption', term, requestedOn: d('2030-06-07'), resultsAttached: false, calendar })), [
      'amendment-window-closed',
      'missing-item',
    ]);
    assert.deepEqual(codes(checkAmendmentRequest({ kind: 'temporary_permit', term, requestedOn: d('2030-01-01'), resultsAttached: true, calendar })), ['not-applicable']);
  });

  it('deemed valid while the procedure runs, capped at the zone period', () => {
    const z = { from: d('2024-05-01'), until: d('2031-12-31') };
    assert.deepEqual(deemedValidity({ term, zone: z, amendmentRequestedOn: d('2030-05-01'), procedureEndedOn: null, asOf: d('2030-09-01') }), {
      status: 'deemed_valid',
      validThrough: '2031-12-31',
      openEnded: true,
      rule: 'RFZ Act Art. 87(10)',
    });
    assert.equal(deemedValidity({ term, zone: z, amendmentRequestedOn: d('2030-05-01'), procedureEndedOn: null, asOf: d('2032-01-01') }).status, 'expired');
    const ended = deemedValidity({ term, zone: z, amendmentRequestedOn: d('2030-05-01'), procedureEndedOn: d('2031-03-31'), asOf: d('2031-04-01') });
    assert.deepEqual([ended.status, ended.validThrough], ['expired', '2031-03-31']);
    assert.equal(deemedValidity({ term, zone: z, amendmentRequestedOn: null, procedureEndedOn: null, asOf: d('2030-08-07') }).status, 'expired');
    assert.equal(deemedValidity({ term, zone: z, amendmentRequestedOn: null, procedureEndedOn: null, asOf: d('2030-08-06') }).status, 'valid');
  });
});

describe('temporary permit after its extension (RFZ Act Art. 90(12)–(13))', () => {
  const term = { from: d('2025-01-02'), until: d('2030-01-01') };
  const rows: [string, boolean, string | null, string, string, string | null][] = [
    ['within the term', true, null, '2029-06-01', 'valid', '2030-01-01'],
    ['extended, law not amended: valid until the amendment', true, null, '2031-06-01', 'deemed_valid_until_amendment', null],
    ['extended, law amended after the term: ends on the amendment', true, '2031-05-01', '2031-06-01', 'ended_by_amendment', '2031-05-01'],
    ['not extended: expires', false, null, '2030-01-02', 'expired', '2030-01-01'],
  ];
  for (const [name, extended, amended, asOf, status, through] of rows) {
    it(name, () => {
      const r = temporaryPermitValidity({ term, extended, lawAmendedOn: amended === null ? null : d(amended), asOf: d(asOf) });
      assert.deepEqual([r.status, r.validThrough], [status, through]);
    });
  }
  it('once the law exists the holder must obtain the regular licence (Art. 90(13))', () => {
    assert.equal(temporaryPermitValidity({ term, extended: true, lawAmendedOn: d('2029-01-01'), asOf: d('2029-06-01') }).mustObtainLicence, true);
  });
});

describe('rapid confirmation (RFZ Act Art. 85)', () => {
  const clock = rapidConfirmationClock(d('2025-09-01'));
  it('answered in time, pending, or deemed "no permit needed" after 30 days of silence (Art. 85(4)–(5))', () => {
    assert.equal(rapidConfirmationOutcome(clock, d('2025-09-20'), d('2025-09-20'), calendar).status, 'answered');
    assert.equal(rapidConfirmationOutcome(clock, null, d('2025-10-01'), calendar).status, 'pending');
    assert.deepEqual(rapidConfirmationOutcome(clock, null, d('2025-10-02'), calendar), { status: 'deemed_no_permit_needed', due: '2025-10-01', lateReply: false, rule: 'RFZ Act Art. 85(5)' });
    assert.equal(rapidConfirmationOutcome(clock, d('2025-10-05'), d('2025-10-06'), calendar).lateReply, true);
    const paused = pauseClock(clock, d('2025-09-10'));
    assert.ok(paused.ok);
    if (paused.ok) assert.equal(rapidConfirmationOutcome(paused.state, null, d('2025-10-20'), calendar).status, 'paused');
  });
  it('conflicting views go to the committee within 30 days (Art. 85(7))', () => {
    assert.equal(rapidConfirmationCommitteeDue(d('2025-09-03'), calendar), '2025-10-10');
  });
  it('exemption review clock: 30 days, 90 with supplements, one 30-day extension (Art. 86(3))', () => {
    assert.equal(dueDate(ministryReviewClock('demonstration_exemption', d('2025-09-01')), calendar)?.due, '2025-10-01');
  });
});

describe('re-deliberation and reports', () => {
  const rows: [string, ExemptionKind, string, number, string[]][] = [
    ['on the 60th day, rolled past Chuseok (Decree 57-3(2))', 'demonstration_exemption', '2025-10-10', 0, []],
    ['after the 60 days (Decree 57-3(2))', 'demonstration_exemption', '2025-10-13', 0, ['redeliberation-too-late']],
    ['a second re-deliberation (Decree 57-3(4))', 'demonstration_exemption', '2025-09-01', 1, ['redeliberation-already-used']],
    ['temporary permit (Decree 64-3(2))', 'temporary_permit', '2025-10-13', 0, ['redeliberation-too-late']],
    ['not for menu special cases', 'menu_special_case', '2025-09-01', 0, ['not-applicable']],
  ];
  for (const [name, kind, requestedOn, previous, expected] of rows) {
    it(name, () => {
      const r = checkRedeliberation({ kind, notifiedOn: d('2025-08-05'), requestedOn: d(requestedOn), previous, calendar });
      assert.deepEqual(codes(r), expected);
    });
  }

  it('results report within 30 days after expiry, not after an amendment request (Art. 87(11))', () => {
    assert.deepEqual(resultsReportDue(d('2025-09-03'), false, calendar), { required: true, due: '2025-10-10', rule: 'RFZ Act Art. 87(11)' });
    assert.equal(resultsReportDue(d('2025-09-03'), true, calendar).required, false);
  });

  it('insurance copy within 30 days of renewal (Decree 60(2))', () => {
    assert.equal(insuranceCopyDue(d('2025-12-02'), calendar), '2026-01-02');
  });
});
