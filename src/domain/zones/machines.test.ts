import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PLAN_GUARD_ARTICLES, PLAN_MACHINE } from './plan-machine.ts';
import { ZONE_MACHINE } from './zone-machine.ts';
import { attempt, availableActions, validateMachine } from './transition-table.ts';
import { checkMachineProperties, coversAllStates } from './testing/machine-properties.ts';

const lead = { role: 'local_government', lead: true } as const;
const partner = { role: 'local_government', lead: false } as const;

describe('zone plan machine (RFZ Act Art. 72–75; Decree 40–47)', () => {
  it('is a sound table: unique (state, action), known states, guards and roles, every state reachable', () => {
    assert.deepEqual(validateMachine(PLAN_MACHINE), []);
    assert.equal(coversAllStates(PLAN_MACHINE).size, PLAN_MACHINE.states.length);
  });

  // [from, action, actor, facts, expected: next state or refusal code, citation]
  const rows: [string, string, { role: string; lead?: boolean }, Record<string, boolean>, string, string][] = [
    ['drafting', 'edit', partner, {}, 'drafting', 'Art. 74(1): any participant edits the draft'],
    ['drafting', 'request_signoff', partner, { 'required-items-present': true }, 'role-not-allowed', 'only the lead starts sign-off'],
    ['drafting', 'request_signoff', lead, {}, 'guard-failed', 'Decree 42(3): items missing'],
    ['drafting', 'request_signoff', lead, { 'required-items-present': true }, 'signing_off', 'Decree 40(2)'],
    ['signing_off', 'sign_off', partner, { 'signer-is-participant': true, 'signed-hash-is-current': true }, 'signing_off', 'Decree 40(2)'],
    ['signing_off', 'edit', partner, {}, 'drafting', 'a change withdraws every sign-off'],
    ['signing_off', 'submit', partner, {}, 'role-not-allowed', 'the lead submits'],
    ['submitted', 'accept_for_review', { role: 'ministry' }, {}, 'under_review', 'Art. 75(1)'],
    ['submitted', 'return', { role: 'ministry' }, {}, 'guard-failed', 'Art. 75(5): a ground is needed'],
    ['under_review', 'request_supplement', { role: 'responsible_ministry' }, {}, 'supplement_requested', 'Art. 75(2) proviso'],
    ['supplement_requested', 'answer_supplement', lead, {}, 'under_review', 'Art. 75(2) proviso'],
    ['under_review', 'submit_expert_review', { role: 'expert' }, { 'no-conflict-of-interest': true }, 'under_review', 'Decree 50 recusal'],
    ['under_review', 'refer_to_committee', { role: 'ministry' }, { 'ministry-replies-complete-or-due': true }, 'deliberation', 'Art. 75(2)–(3)'],
    ['deliberation', 'designate', { role: 'ministry' }, { 'meeting-notice-given': true, 'quorum-present': true }, 'role-not-allowed', 'committee decides (recorded by MSS)'],
    ['deliberation', 'designate', { role: 'committee' }, { 'quorum-present': true }, 'guard-failed', 'Decree 47(6): 7 days notice'],
    ['deliberation', 'designate_with_conditions', { role: 'committee' }, { 'meeting-notice-given': true, 'quorum-present': true }, 'designated_with_conditions', 'Art. 75(3)'],
    ['deliberation', 'send_back', { role: 'committee' }, { 'meeting-notice-given': true, 'quorum-present': true }, 'sent_back', 'Art. 75(3)'],
    ['rejected', 'request_redeliberation', lead, { 'redeliberation-window-open': true, 'redeliberation-not-used': false }, 'guard-failed', 'once only'],
    ['rejected', 'request_redeliberation', lead, { 'redeliberation-window-open': true, 'redeliberation-not-used': true }, 'deliberation', '60 days, once'],
    ['designated', 'edit', lead, {}, 'no-such-transition', 'terminal'],
  ];
  for (const [from, action, actor, facts, expected, why] of rows) {
    it(`${from} —${action}→ ${expected} (${why})`, () => {
      const r = attempt(PLAN_MACHINE, from as never, action as never, actor as never, facts);
      assert.equal(r.ok ? r.to : r.code, expected);
    });
  }

  it('a refused submission names every failing guard (for a 409)', () => {
    const r = attempt(PLAN_MACHINE, 'signing_off', 'submit', lead, { 'all-signoffs-match-hash': true, 'applicants-eligible': true });
    assert.equal(r.ok, false);
    if (!r.ok && r.code === 'guard-failed') {
      assert.deepEqual(r.failedGuards, [
        'connected-zone-has-two-metropolitan',
        'provinces-notified',
        'public-consultation-complete',
        'required-items-present',
        'regions-contiguous-if-required',
      ]);
    } else assert.fail('expected guard-failed');
  });

  it('a refusal carries each failed guard with its article (the structured data of a 409)', () => {
    const r = attempt(PLAN_MACHINE, 'deliberation', 'designate', { role: 'committee' }, { 'quorum-present': true });
    assert.ok(!r.ok && r.code === 'guard-failed');
    if (!r.ok && r.code === 'guard-failed') assert.deepEqual(r.guards, [{ guard: 'meeting-notice-given', article: 'Decree Art. 47(6), 49(6)' }]);
    const late = attempt(PLAN_MACHINE, 'rejected', 'request_redeliberation', lead, { 'redeliberation-not-used': true });
    if (!late.ok && late.code === 'guard-failed') assert.deepEqual(late.guards.map((g) => g.article), ['ZoneLink policy after Decree Art. 57-3(2) (60 days)']);
    else assert.fail('expected guard-failed');
    for (const g of PLAN_MACHINE.guards) assert.ok(PLAN_GUARD_ARTICLES[g].length > 0, `${g} cites an article`);
  });

  it('lists the actions available to an actor, with what blocks them', () => {
    const actions = availableActions(PLAN_MACHINE, 'signing_off', lead, {});
    assert.deepEqual(actions.map((a) => a.action).sort(), ['edit', 'sign_off', 'submit', 'withdraw']);
    assert.ok((actions.find((a) => a.action === 'submit')?.blockedBy.length ?? 0) > 0);
  });

  it('random (action, role) sequences only move through the table (property)', () => checkMachineProperties(PLAN_MACHINE));
});

describe('zone machine (RFZ Act Art. 81–84, 141; Decree 52–55)', () => {
  it('is a sound table', () => {
    assert.deepEqual(validateMachine(ZONE_MACHINE), []);
    assert.equal(coversAllStates(ZONE_MACHINE).size, ZONE_MACHINE.states.length);
  });

  const rows: [string, string, { role: string }, Record<string, boolean>, string, string][] = [
    ['designated', 'evaluate', { role: 'ministry' }, { 'evaluation-confirmed': true }, 'evaluated', 'Art. 83'],
    ['designated', 'extend', { role: 'committee' }, { 'before-expiry': true, 'change-procedure-complete': true }, 'no-such-transition', 'extension needs an evaluation first'],
    ['evaluated', 'extend', { role: 'committee' }, { 'before-expiry': true, 'extension-allowed': true, 'change-procedure-complete': true }, 'extended', 'Art. 81'],
    ['evaluated', 'extend', { role: 'committee' }, { 'before-expiry': true, 'change-procedure-complete': true }, 'guard-failed', 'a poor grade or too long an extension'],
    ['evaluated', 'cancel', { role: 'committee' }, { 'cancellation-ground': true }, 'guard-failed', 'Art. 141: hearing first'],
    ['extended', 'cancel', { role: 'committee' }, { 'cancellation-ground': true, 'hearing-held': true }, 'cancelled', 'Art. 82(3), 141'],
    ['designated', 'expire', { role: 'ministry' }, { 'period-ended': true }, 'expired', 'Decree 44(3)2'],
    ['expired', 'begin_post_management', { role: 'ministry' }, {}, 'post_management', 'Art. 84(2)'],
    ['post_management', 'close', { role: 'ministry' }, {}, 'guard-failed', 'Decree 55(3): 2 years'],
    ['post_management', 'close', { role: 'ministry' }, { 'post-management-period-over': true }, 'closed', 'Decree 55(3)'],
    ['designated', 'record_change', { role: 'local_government' }, { 'change-procedure-complete': true }, 'role-not-allowed', 'MSS records the change'],
  ];
  for (const [from, action, actor, facts, expected, why] of rows) {
    it(`${from} —${action}→ ${expected} (${why})`, () => {
      const r = attempt(ZONE_MACHINE, from as never, action as never, actor as never, facts);
      assert.equal(r.ok ? r.to : r.code, expected);
    });
  }

  it('random (action, role) sequences only move through the table (property)', () => checkMachineProperties(ZONE_MACHINE));
});
