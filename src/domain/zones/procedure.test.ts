import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { civilDate } from '../calendar/civil-date.ts';
import { dueDate, pauseClock, resumeClock } from '../calendar/clock.ts';
import { createHolidayCalendar } from '../calendar/holidays.ts';
import {
  PLAN_ITEMS,
  checkMeetingNotice,
  checkPublicConsultation,
  checkSubmissionAfterConsultation,
  checkZoneRedeliberation,
  designationDecisionClock,
  ministryReplyClock,
  missingSubmissionItems,
  postManagementEnd,
  privateProposalReplyDue,
  type PlanItem,
  type PublicConsultation,
} from './procedure.ts';
import { createSignOffSet, contentHash } from './signoff.ts';
import { evaluateSubmission } from './submission.ts';

const d = civilDate;
const calendar = createHolidayCalendar();

const good: PublicConsultation = {
  procedure: 'designation',
  noticeOn: d('2025-09-01'),
  noticeUntil: d('2025-10-10'),
  inspectionFrom: d('2025-09-08'),
  inspectionUntil: d('2025-10-10'),
  hearing: { announcedOn: d('2025-09-10'), heldOn: d('2025-09-25') },
  localEraCommitteeHeard: true,
};

describe('public notice and hearing (RFZ Act Art. 74(2); Decree Art. 43, 52(1))', () => {
  it('accepts a complete record; notice ends 10-01 (30 days), inspection 09-08..10-01 (24 days)', () => {
    const r = checkPublicConsultation(good, calendar);
    assert.deepEqual(r.violations, []);
    assert.equal(r.earliestSubmission, '2025-10-02');
  });

  // [name, override, expected code, expected item]
  const rows: [string, Partial<PublicConsultation>, string, string][] = [
    ['notice missing (Art. 74(2))', { noticeOn: null }, 'missing-item', 'public-notice'],
    ['notice of 29 days (Decree 43(1))', { noticeUntil: d('2025-09-30') }, 'public-notice-too-short', 'public-notice'],
    ['inspection opened before 6 days had passed (Decree 43(1))', { inspectionFrom: d('2025-09-07') }, 'inspection-starts-too-early', 'public-inspection'],
    ['inspection of 23 days (Decree 43(1))', { inspectionUntil: d('2025-09-30') }, 'inspection-too-short', 'public-inspection'],
    ['hearing announced 13 clear days ahead (Decree 43(3))', { hearing: { announcedOn: d('2025-09-11'), heldOn: d('2025-09-25') } }, 'hearing-announced-too-late', 'public-hearing-announcement'],
    ['Local Era Committee not heard (Art. 74(2))', { localEraCommitteeHeard: false }, 'missing-item', 'local-era-committee-opinion'],
  ];
  for (const [name, override, code, item] of rows) {
    it(`refuses: ${name}`, () => {
      const v = checkPublicConsultation({ ...good, ...override }, calendar).violations;
      assert.equal(v.length, 1, JSON.stringify(v));
      assert.equal(v[0]?.code, code);
      assert.equal(v[0]?.params['item'], item);
    });
  }

  it('the notice period rolls over the Chuseok 2025 holidays (Civil Act Art. 161)', () => {
    const v = checkPublicConsultation({ ...good, noticeOn: d('2025-09-03'), noticeUntil: d('2025-10-03'), inspectionFrom: d('2025-09-10'), inspectionUntil: d('2025-10-10') }, calendar).violations;
    assert.deepEqual(v.map((x) => [x.code, x.params['mustRunUntil']]), [['public-notice-too-short', '2025-10-10']]);
  });

  it('changes use 15 days of notice and 12 of inspection after 3 days (Decree 52(1))', () => {
    const change: PublicConsultation = { ...good, procedure: 'change', noticeUntil: d('2025-09-16'), inspectionFrom: d('2025-09-05'), inspectionUntil: d('2025-09-16'), hearing: null };
    assert.deepEqual(checkPublicConsultation(change, calendar).violations, []);
  });

  it('skips the notice when it was done under another law (Art. 74-2)', () => {
    assert.deepEqual(checkPublicConsultation({ ...good, noticeOn: null, consultedUnderOtherLaw: true, hearing: null }, calendar).violations, []);
  });

  it('refuses a submission before the consultation ended', () => {
    const r = checkPublicConsultation(good, calendar);
    assert.deepEqual(checkSubmissionAfterConsultation(r, d('2025-10-02')), []);
    assert.equal(checkSubmissionAfterConsultation(r, d('2025-10-01'))[0]?.code, 'submitted-before-consultation-ended');
  });
});

describe('submission items (Decree Art. 40(1), 42(3); RFZ Act Art. 74(1))', () => {
  const all = Object.keys(PLAN_ITEMS) as PlanItem[];
  it('names exactly the missing item and its article', () => {
    const provided = all.filter((i) => i !== 'designation-period' && i !== 'sea-documents');
    assert.deepEqual(missingSubmissionItems(provided, { seaRequired: false, landUsePlanRequired: true }), [
      { code: 'missing-item', rule: 'Decree Art. 42(3)1', params: { item: 'designation-period' } },
    ]);
    assert.deepEqual(
      missingSubmissionItems(provided, { seaRequired: true, landUsePlanRequired: true }).map((v) => v.params['item']),
      ['designation-period', 'sea-documents'],
    );
  });

  it('evaluateSubmission turns the rules into the submit guards', () => {
    const hash = contentHash({ v: 1 });
    const r = evaluateSubmission(
      {
        model: 'connected',
        applicants: [{ code: '21', level: 'metropolitan' }, { code: '38110', level: 'basic' }],
        sites: [{ id: 's1', regionCode: '21090' }],
        provinceNotifications: [],
        signOffs: createSignOffSet(['21', '38110'], hash),
        consultation: good,
        providedItems: all,
        conditions: { seaRequired: true, landUsePlanRequired: true },
        regions: ['21', '38'],
        adjacency: { '21': ['38'] },
        submittedOn: d('2025-10-02'),
      },
      calendar,
    );
    assert.deepEqual(r.facts, {
      'all-signoffs-match-hash': false,
      'applicants-eligible': true,
      'connected-zone-has-two-metropolitan': false,
      'provinces-notified': false,
      'public-consultation-complete': true,
      'required-items-present': true,
      'regions-contiguous-if-required': true,
    });
    assert.deepEqual(
      r.violations.map((v) => v.code),
      ['sign-off-missing', 'sign-off-missing', 'connected-needs-two-metropolitan', 'province-not-notified'],
    );
  });
});

describe('clocks and deadlines', () => {
  it('ministries reply within 30 days, 15 for changes (Art. 75(2), 81(2))', () => {
    assert.equal(dueDate(ministryReplyClock(d('2026-03-16'), 'designation'), calendar)?.due, '2026-04-15');
    assert.equal(dueDate(ministryReplyClock(d('2026-03-16'), 'change'), calendar)?.due, '2026-03-31');
  });

  it('the 90-day designation decision excludes supplement time (Decree 44(1))', () => {
    let clock = designationDecisionClock(d('2026-03-16'));
    const paused = pauseClock(clock, d('2026-04-01'));
    assert.ok(paused.ok);
    if (paused.ok) clock = paused.state;
    const resumed = resumeClock(clock, d('2026-04-21'));
    assert.ok(resumed.ok);
    if (resumed.ok) clock = resumed.state;
    assert.equal(dueDate(clock, calendar)?.due, '2026-07-06');
  });

  it('private proposals are answered within 60 days (Decree 41(1))', () => {
    assert.equal(privateProposalReplyDue(d('2025-08-05'), calendar), '2025-10-10'); // 10-04 Sat → Chuseok → 10-10
  });

  it('committee meetings are notified 7 clear days ahead, or by phone when urgent (Decree 47(6), 49(6))', () => {
    assert.deepEqual(checkMeetingNotice({ committee: 'rfz_committee', meetingOn: d('2026-03-20'), noticeGivenOn: d('2026-03-12') }, calendar), []);
    const late = checkMeetingNotice({ committee: 'deliberation_committee', meetingOn: d('2026-03-20'), noticeGivenOn: d('2026-03-13') }, calendar);
    assert.deepEqual(late.map((v) => [v.code, v.rule]), [['meeting-notice-too-late', 'Decree Art. 49(6)']]);
    assert.deepEqual(checkMeetingNotice({ committee: 'rfz_committee', meetingOn: d('2026-03-20'), noticeGivenOn: d('2026-03-19'), urgent: true }, calendar), []);
  });

  it('zone re-deliberation: within 60 days of notice, once (policy after Decree 57-3)', () => {
    assert.deepEqual(checkZoneRedeliberation({ notifiedOn: d('2025-08-05'), requestedOn: d('2025-10-10'), previous: 0 }, calendar), []);
    assert.deepEqual(
      checkZoneRedeliberation({ notifiedOn: d('2025-08-05'), requestedOn: d('2025-10-13'), previous: 1 }, calendar).map((v) => v.code),
      ['redeliberation-already-used', 'redeliberation-too-late'],
    );
  });

  it('post-management runs 2 years after the zone ends (Art. 84(2); Decree 55(3))', () => {
    assert.equal(postManagementEnd(d('2025-11-30'), calendar), '2027-11-30');
    assert.equal(postManagementEnd(d('2025-08-15'), calendar), '2027-08-17'); // 2027-08-15 Sun, 08-16 substitute
  });
});
