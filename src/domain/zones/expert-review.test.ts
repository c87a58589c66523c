import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkScoreSheet, expertConflicts, MAX_SCORE, REVIEW_CRITERIA, summariseScores, type ExpertTie, type ReviewCriterion } from './expert-review.ts';

const parties = {
  governments: ['21', '26', '47130'],
  companies: [{ name: '한빛수소모빌리티', businessNumber: '123-45-67890' }, { name: '(주)울산해양', businessNumber: null }],
};

describe('expert conflicts of interest (Decree Art. 50, applied to expert reviewers)', () => {
  // [declared ties, conflict codes]
  const rows: [ExpertTie[], string[]][] = [
    [[], []],
    [[{ kind: 'government', regionCode: '21' }], ['expert-tied-to-government']],
    [[{ kind: 'government', regionCode: '47' }], ['expert-tied-to-government']], // the province of a participating municipality
    [[{ kind: 'government', regionCode: '26110' }], ['expert-tied-to-government']], // a district of a participating metropolitan city
    [[{ kind: 'government', regionCode: '22' }], []],
    [[{ kind: 'government', regionCode: '47111' }], []], // another municipality of the same province
    [[{ kind: 'company', name: 'Other', businessNumber: '123-45-67890' }], ['expert-tied-to-company']], // by registration number
    [[{ kind: 'company', name: '한빛수소모빌리티', businessNumber: '999-99-99999' }], []], // numbers differ: a namesake
    [[{ kind: 'company', name: '울산해양 주식회사', businessNumber: null }], ['expert-tied-to-company']], // by normalised name
    [[{ kind: 'company', name: '부산해양', businessNumber: null }, { kind: 'government', regionCode: '26' }], ['expert-tied-to-government']],
  ];
  for (const [ties, codes] of rows) {
    it(`${JSON.stringify(ties)} → ${codes.join(', ') || 'no conflict'}`, () => {
      const v = expertConflicts(ties, parties);
      assert.deepEqual(v.map((x) => x.code), codes);
      for (const x of v) assert.match(x.rule, /Decree Art\. 50/);
    });
  }

  it('a tie to any participating government always conflicts (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...parties.governments), fc.array(fc.constantFrom('11', '22', '30', '43110')), (hit, others) => {
      const ties: ExpertTie[] = [...others, hit].map((regionCode) => ({ kind: 'government', regionCode }));
      assert.ok(expertConflicts(ties, parties).some((v) => v.params['region'] === hit));
    }));
  });
});

describe('scoring against the criteria of Decree Art. 45', () => {
  const full = (score: number) => Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, score])) as Record<ReviewCriterion, number>;

  it('lists the eight criteria of Decree Art. 45', () => {
    assert.deepEqual([...REVIEW_CRITERIA], ['regional-fit', 'innovativeness', 'exemption-business-link', 'funding', 'safety-environment', 'privacy', 'economic-effect', 'past-evaluation']);
  });

  const rows: [Record<string, number>, string[]][] = [
    [full(7), []],
    [{ ...full(7), privacy: 11 }, ['score-out-of-range']],
    [{ ...full(7), funding: 2.5 }, ['score-out-of-range']],
    [{ ...full(7), extra: 3 }, ['unknown-criterion']],
    [Object.fromEntries(REVIEW_CRITERIA.slice(1).map((c) => [c, 5])), ['criterion-not-scored']],
  ];
  for (const [sheet, codes] of rows) {
    it(`sheet ${JSON.stringify(sheet)} → ${codes.join(', ') || 'complete'}`, () => {
      assert.deepEqual(checkScoreSheet(sheet).map((v) => v.code), codes);
    });
  }

  it('totals and per-criterion averages', () => {
    const s = summariseScores([full(6), { ...full(8), privacy: 5 }]);
    assert.deepEqual(s.totals, [48, 61]);
    assert.equal(s.maxTotal, 80);
    assert.equal(s.averageTotal, 54.5);
    assert.equal(s.averages.privacy, 5.5);
    assert.equal(s.averages.funding, 7);
    assert.deepEqual(summariseScores([]).averages.funding, null);
  });

  it('averages lie between the lowest and highest score, and the mean total equals the sum of the averages (property)', () => {
    const sheet = fc.record(Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, fc.integer({ min: 0, max: MAX_SCORE })])) as Record<ReviewCriterion, fc.Arbitrary<number>>);
    fc.assert(fc.property(fc.array(sheet, { minLength: 1, maxLength: 12 }), (sheets) => {
      const s = summariseScores(sheets);
      for (const c of REVIEW_CRITERIA) {
        const xs = sheets.map((x) => x[c]);
        assert.ok(s.averages[c]! >= Math.min(...xs) - 0.005 && s.averages[c]! <= Math.max(...xs) + 0.005);
      }
      const sum = REVIEW_CRITERIA.reduce((a, c) => a + s.averages[c]!, 0);
      assert.ok(Math.abs(sum - s.averageTotal!) <= 0.05, `${sum} vs ${s.averageTotal}`);
      assert.ok(s.totals.every((t) => t >= 0 && t <= s.maxTotal));
    }));
  });
});
