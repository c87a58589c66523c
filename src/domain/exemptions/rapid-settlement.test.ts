// When the addressed ministries have all answered: agreement, or the committee (RFZ Act Art. 85(4)–(7)).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { settleRapidConfirmation, type RapidAnswer } from './rapid-confirmation.ts';

describe('rapid confirmation: settling the ministries’ answers (RFZ Act Art. 85(4)–(7))', () => {
  const rows: [string, (RapidAnswer | null)[], string, RapidAnswer | null][] = [
    ['no ministry addressed yet: waiting', [], 'waiting', null],
    ['one ministry still within its clock: waiting (Art. 85(4))', ['permit_needed', null], 'waiting', null],
    ['one ministry, permit needed', ['permit_needed'], 'agreed', 'permit_needed'],
    ['a deemed answer counts as "no permit needed" (Art. 85(5))', ['no_permit_needed', 'no_permit_needed'], 'agreed', 'no_permit_needed'],
    ['"not our matter" leaves it to the others', ['not_our_matter', 'permit_needed'], 'agreed', 'permit_needed'],
    ['every ministry says "not our matter"', ['not_our_matter', 'not_our_matter'], 'agreed', 'not_our_matter'],
    ['permit needed against no permit needed: the committee decides (Art. 85(7))', ['permit_needed', 'no_permit_needed', 'not_our_matter'], 'disagreed', null],
  ];
  for (const [name, answers, status, answer] of rows) {
    it(name, () => {
      const r = settleRapidConfirmation(answers);
      assert.deepEqual([r.status, r.status === 'agreed' ? r.answer : null], [status, answer]);
    });
  }
});
