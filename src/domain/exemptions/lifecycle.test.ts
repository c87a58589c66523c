import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { civilDate } from '../calendar/civil-date.ts';
import { createHolidayCalendar } from '../calendar/holidays.ts';
import { attempt, validateMachine } from '../zones/transition-table.ts';
import { checkMachineProperties, coversAllStates } from '../zones/testing/machine-properties.ts';
import { EXEMPTION_MACHINE, amendmentRequestFacts, extensionFacts, redeliberationFacts } from './lifecycle.ts';
import { checkAmendmentRequest, checkExtension, checkRedeliberation } from './validity.ts';

const d = civilDate;
const calendar = createHolidayCalendar();

describe('demonstration exemption lifecycle (DOMAIN.md §11; RFZ Act Art. 86–89)', () => {
  it('is a sound table with every state reachable', () => {
    assert.deepEqual(validateMachine(EXEMPTION_MACHINE), []);
    assert.equal(coversAllStates(EXEMPTION_MACHINE).size, EXEMPTION_MACHINE.states.length);
  });

  const rows: [string, string, { role: string; lead?: boolean }, Record<string, boolean>, string, string][] = [
    ['requested', 'forward', { role: 'local_government' }, {}, 'forwarded', 'Art. 86(2)'],
    ['requested', 'forward', { role: 'company' }, {}, 'role-not-allowed', 'only the local head forwards'],
    ['forwarded', 'notify_ministries', { role: 'ministry' }, {}, 'ministry_review', 'Art. 86(3)'],
    ['ministry_review', 'request_supplement', { role: 'responsible_ministry' }, {}, 'supplement_requested', 'Art. 86(3) proviso'],
    ['supplement_requested', 'answer_supplement', { role: 'company' }, {}, 'ministry_review', 'Art. 86(3)'],
    ['committee', 'grant', { role: 'committee' }, { 'meeting-notice-given': true }, 'guard-failed', 'Art. 86(5): conditions must be justified'],
    ['committee', 'grant', { role: 'committee' }, { 'meeting-notice-given': true, 'conditions-justified': true }, 'granted', 'Art. 86(4)'],
    ['granted', 'activate', { role: 'company' }, {}, 'guard-failed', 'Decree 60(1): insurance first'],
    ['granted', 'activate', { role: 'company' }, { 'insurance-proof-submitted': true }, 'active', 'Art. 88(2)'],
    ['extended', 'extend', { role: 'ministry' }, {}, 'no-such-transition', 'one extension only'],
    ['active', 'request_amendment', { role: 'company' }, { 'amendment-window-open': true, 'results-attached': true }, 'amendment_requested', 'Art. 87(9)'],
    ['amendment_requested', 'grant_temporary_permit', { role: 'committee' }, { 'amendment-started': true }, 'temporary_permit', 'Art. 87(8)'],
    ['active', 'cancel', { role: 'committee' }, { 'cancellation-ground': true }, 'guard-failed', 'Art. 141: hearing first'],
    ['active', 'cancel', { role: 'committee' }, { 'cancellation-ground': true, 'hearing-held': true }, 'cancelled', 'Art. 89(2)'],
    ['expired', 'report_results', { role: 'company' }, {}, 'results_reported', 'Art. 87(11)'],
    ['results_reported', 'record_law_amended', { role: 'responsible_ministry' }, {}, 'law_amended', 'Decree 59(9)'],
    ['rejected', 'request_redeliberation', { role: 'company' }, { 'redeliberation-window-open': true, 'redeliberation-not-used': true }, 'redeliberation', 'Decree 57-3: a rejection'],
    ['granted', 'request_redeliberation', { role: 'company' }, { 'redeliberation-window-open': true, 'redeliberation-not-used': true }, 'redeliberation', 'Decree 57-3(1): the conditions of a grant'],
    ['granted', 'request_redeliberation', { role: 'company' }, { 'redeliberation-window-open': false, 'redeliberation-not-used': true }, 'guard-failed', 'Decree 57-3(2): 60 days'],
    ['granted', 'request_redeliberation', { role: 'ministry' }, { 'redeliberation-window-open': true, 'redeliberation-not-used': true }, 'role-not-allowed', 'the applicant asks'],
    ['active', 'request_redeliberation', { role: 'company' }, { 'redeliberation-window-open': true, 'redeliberation-not-used': true }, 'no-such-transition', 'once active: a change (Decree 58), not a re-deliberation'],
    ['cancelled', 'activate', { role: 'company' }, { 'insurance-proof-submitted': true }, 'no-such-transition', 'terminal'],
  ];
  for (const [from, action, actor, facts, expected, why] of rows) {
    it(`${from} —${action}→ ${expected} (${why})`, () => {
      const r = attempt(EXEMPTION_MACHINE, from as never, action as never, actor as never, facts);
      assert.equal(r.ok ? r.to : r.code, expected);
    });
  }

  it('extension guards come from checkExtension (Art. 86(10))', () => {
    const input = {
      kind: 'demonstration_exemption' as const,
      grantedOn: d('2026-08-07'),
      term: { from: d('2026-08-07'), until: d('2030-08-06') },
      extensionsSoFar: 0,
      requestedOn: d('2030-06-07'),
      newUntil: d('2032-08-06'),
      ground: 'law_not_amended' as const,
      zone: { from: d('2024-05-01'), until: d('2032-12-31') },
      calendar,
    };
    const late = checkExtension(input);
    const r = attempt(EXEMPTION_MACHINE, 'active', 'extend', { role: 'ministry' }, extensionFacts(late.ok ? late.warnings : late.violations));
    assert.deepEqual(r.ok ? r.to : r.code === 'guard-failed' ? r.failedGuards : r.code, ['extension-requested-in-time']);
    const timely = checkExtension({ ...input, requestedOn: d('2030-06-05') });
    assert.ok(timely.ok);
    const ok = attempt(EXEMPTION_MACHINE, 'active', 'extend', { role: 'ministry' }, extensionFacts(timely.ok ? timely.warnings : []));
    assert.equal(ok.ok && ok.to, 'extended');
  });

  it('amendment-request and re-deliberation guards come from the rule functions', () => {
    const term = { from: d('2026-08-07'), until: d('2030-08-06') };
    const a = checkAmendmentRequest({ kind: 'demonstration_exemption', term, requestedOn: d('2030-06-06'), resultsAttached: true, calendar });
    assert.deepEqual(amendmentRequestFacts(a.ok ? a.warnings : a.violations), { 'amendment-window-open': true, 'results-attached': true });
    const r = checkRedeliberation({ kind: 'demonstration_exemption', notifiedOn: d('2025-08-05'), requestedOn: d('2025-10-13'), previous: 1, calendar });
    assert.deepEqual(redeliberationFacts(r.ok ? r.warnings : r.violations), { 'redeliberation-window-open': false, 'redeliberation-not-used': false });
  });

  it('random (action, role) sequences only move through the table (property)', () => checkMachineProperties(EXEMPTION_MACHINE));
});
