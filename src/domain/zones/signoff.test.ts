import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { civilDate } from '../calendar/civil-date.ts';
import { PLAN_MACHINE, type PlanAction, type PlanGuard, type PlanState } from './plan-machine.ts';
import {
  changeContent,
  changeParticipants,
  checkSignOffs,
  contentHash,
  createSignOffSet,
  recordSignOff,
  signOffReadiness,
  type SignOffSet,
} from './signoff.ts';
import { attempt, type AttemptResult, type Facts } from './transition-table.ts';

type PlanAttempt = AttemptResult<PlanState, PlanAction, PlanGuard>;

const on = civilDate('2026-03-02');

describe('joint sign-off (Decree Art. 40(2))', () => {
  const planV1 = { name: '광역 수소 규제자유특구', regions: ['26', '38'], budget: 100 };
  const h1 = contentHash(planV1);

  it('hashes content canonically (key order does not matter, values do)', () => {
    assert.equal(contentHash({ budget: 100, regions: ['26', '38'], name: '광역 수소 규제자유특구' }), h1);
    assert.notEqual(contentHash({ ...planV1, budget: 101 }), h1);
    assert.match(h1, /^sha256:[0-9a-f]{64}$/);
  });

  it('is ready only when every participant signed the current content', () => {
    let set = createSignOffSet(['26', '38'], h1);
    assert.deepEqual(signOffReadiness(set), { ready: false, missing: ['26', '38'], stale: [] });
    const a = recordSignOff(set, { government: '26', contentHash: h1, signedOn: on });
    assert.ok(a.ok);
    if (a.ok) set = a.value;
    const b = recordSignOff(set, { government: '38', contentHash: h1, signedOn: on });
    assert.ok(b.ok);
    if (b.ok) set = b.value;
    assert.equal(signOffReadiness(set).ready, true);
    assert.deepEqual(checkSignOffs(set), []);
  });

  it('refuses a sign-off from a non-participant or on stale content', () => {
    const set = createSignOffSet(['26', '38'], h1);
    const outsider = recordSignOff(set, { government: '22', contentHash: h1, signedOn: on });
    assert.equal(outsider.ok, false);
    if (!outsider.ok) assert.equal(outsider.violations[0]?.code, 'not-a-participant');
    const stale = recordSignOff(set, { government: '26', contentHash: 'sha256:old', signedOn: on });
    assert.equal(stale.ok, false);
    if (!stale.ok) assert.equal(stale.violations[0]?.code, 'stale-content');
  });

  it('any change of content or participants withdraws every sign-off; identical content does not', () => {
    const r = recordSignOff(createSignOffSet(['26', '38'], h1), { government: '26', contentHash: h1, signedOn: on });
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(changeContent(r.value, h1).signOffs.length, 1);
    assert.equal(changeContent(r.value, contentHash({ ...planV1, budget: 90 })).signOffs.length, 0);
    assert.equal(changeParticipants(r.value, ['38', '26']).signOffs.length, 1);
    assert.equal(changeParticipants(r.value, ['26', '38', '27']).signOffs.length, 0);
    assert.deepEqual(
      checkSignOffs(changeContent(r.value, 'sha256:new')).map((v) => [v.code, v.params['government']]),
      [['sign-off-missing', '26'], ['sign-off-missing', '38']],
    );
  });

  // Drives the plan machine and the sign-off set together with random operations. The submit
  // guard is computed from the sign-off set; whenever the plan is submitted, every participant
  // has signed exactly the submitted hash.
  it("a submitted plan's sign-offs always match its hash (property)", () => {
    const participants = ['26', '38', '37'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), budget: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('sign' as const), government: fc.constantFrom(...participants, '22'), stale: fc.boolean() }),
      fc.record({ kind: fc.constant('request' as const) }),
      fc.record({ kind: fc.constant('submit' as const) }),
      fc.record({ kind: fc.constant('participants' as const), drop: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let state: PlanState = 'drafting';
        let content = { budget: 0 };
        let set: SignOffSet = createSignOffSet(participants, contentHash(content));
        let submittedHash: string | null = null;
        const lead = { role: 'local_government', lead: true } as const;
        for (const o of ops) {
          if (state === 'submitted') break;
          if (o.kind === 'edit') {
            const r: PlanAttempt = attempt(PLAN_MACHINE, state, 'edit', lead);
            if (r.ok) {
              content = { budget: o.budget };
              set = changeContent(set, contentHash(content));
              state = r.to;
            }
          } else if (o.kind === 'participants') {
            const r: PlanAttempt = attempt(PLAN_MACHINE, state, 'edit', lead);
            if (r.ok) {
              set = changeParticipants(set, o.drop ? participants.slice(0, 2) : participants);
              state = r.to;
            }
          } else if (o.kind === 'sign') {
            const hash = o.stale ? 'sha256:stale' : set.contentHash;
            const facts: Facts<PlanGuard> = {
              'signer-is-participant': set.participants.includes(o.government),
              'signed-hash-is-current': hash === set.contentHash,
            };
            const r: PlanAttempt = attempt(PLAN_MACHINE, state, 'sign_off', { role: 'local_government' }, facts);
            if (r.ok) {
              const recorded = recordSignOff(set, { government: o.government, contentHash: hash, signedOn: on });
              assert.ok(recorded.ok, 'guards admitted a sign-off the rules refuse');
              if (recorded.ok) set = recorded.value;
              state = r.to;
            }
          } else if (o.kind === 'request') {
            const r: PlanAttempt = attempt(PLAN_MACHINE, state, 'request_signoff', lead, { 'required-items-present': true });
            if (r.ok) state = r.to;
          } else {
            const facts: Facts<PlanGuard> = {
              'all-signoffs-match-hash': checkSignOffs(set).length === 0,
              'applicants-eligible': true,
              'connected-zone-has-two-metropolitan': true,
              'provinces-notified': true,
              'public-consultation-complete': true,
              'required-items-present': true,
              'regions-contiguous-if-required': true,
            };
            const r: PlanAttempt = attempt(PLAN_MACHINE, state, 'submit', lead, facts);
            if (r.ok) {
              state = r.to;
              submittedHash = set.contentHash;
            }
          }
        }
        if (state === 'submitted') {
          assert.equal(submittedHash, contentHash(content));
          for (const government of set.participants) {
            const s = set.signOffs.find((x) => x.government === government);
            assert.equal(s?.contentHash, submittedHash, `${government} did not sign the submitted content`);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
