import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkApplicantsAndSites,
  checkConnectedZone,
  checkContiguity,
  checkProvinceNotifications,
  requiredProvinceNotifications,
  type Applicant,
  type Site,
} from './eligibility.ts';

const codes = (vs: readonly { code: string }[]): string[] => vs.map((v) => v.code);

describe('eligibility (RFZ Act Art. 72, Art. 2(13); 2026 connected-zone call)', () => {
  // [name, applicants, sites, expected violation codes]
  const rows: [string, Applicant[], Site[], string[]][] = [
    ['Busan alone with a site in Haeundae-gu (Art. 72(1)1)', [{ code: '21', level: 'metropolitan' }], [{ id: 's1', regionCode: '21090' }], []],
    ['Seoul cannot apply (Art. 72(1)1, capital area)', [{ code: '11', level: 'metropolitan' }], [{ id: 's1', regionCode: '11010' }], ['applicant-in-capital-area', 'site-in-capital-area']],
    ['a Gyeonggi city cannot apply (Art. 72(1)2)', [{ code: '31010', level: 'basic' }], [{ id: 's1', regionCode: '31010' }], ['applicant-in-capital-area', 'site-in-capital-area']],
    ['an Incheon site is refused even for a non-capital applicant (Art. 2(13))', [{ code: '34', level: 'metropolitan' }], [{ id: 's1', regionCode: '23010' }], ['site-in-capital-area']],
    ['a basic government since 2024-08-07 (Art. 72(1)2)', [{ code: '38110', level: 'basic' }], [{ id: 's1', regionCode: '38110' }], []],
    ['a site outside every applicant (Art. 2(13))', [{ code: '38110', level: 'basic' }], [{ id: 's1', regionCode: '38120' }], ['site-outside-applicants']],
    ['special local government with a capital-area member (Art. 2(13)(c))', [{ code: '90', level: 'special', members: ['21', '31'] }], [{ id: 's1', regionCode: '21090' }], ['applicant-in-capital-area']],
    ['malformed codes are reported, not guessed', [{ code: '2', level: 'metropolitan' }], [{ id: 's1', regionCode: '21' }], ['invalid-region-code', 'invalid-region-code']],
    ['no applicant, no site', [], [], ['no-applicant', 'no-site']],
  ];
  for (const [name, applicants, sites, expected] of rows) {
    it(name, () => assert.deepEqual(codes(checkApplicantsAndSites(applicants, sites)), expected));
  }

  it('a connected zone needs two metropolitan governments (2026 call, DOMAIN.md §8)', () => {
    assert.deepEqual(codes(checkConnectedZone('connected', [{ code: '21', level: 'metropolitan' }, { code: '21090', level: 'basic' }])), [
      'connected-needs-two-metropolitan',
    ]);
    assert.deepEqual(checkConnectedZone('connected', [{ code: '21', level: 'metropolitan' }, { code: '38', level: 'metropolitan' }]), []);
    assert.deepEqual(checkConnectedZone('single', [{ code: '21', level: 'metropolitan' }]), []);
  });

  it("a basic government's application notifies its province unless the province co-applies (Art. 72(2)–(3))", () => {
    const applicants: Applicant[] = [
      { code: '38110', level: 'basic' },
      { code: '37010', level: 'basic' },
      { code: '37', level: 'metropolitan' },
    ];
    assert.deepEqual(requiredProvinceNotifications(applicants), [{ from: '38110', province: '38' }]);
    assert.deepEqual(codes(checkProvinceNotifications(applicants, [])), ['province-not-notified']);
    assert.deepEqual(checkProvinceNotifications(applicants, [{ from: '38110', province: '38' }]), []);
  });

  const adjacency = { '21': ['26', '38'], '26': ['21', '37', '38'], '38': ['21', '26', '37', '36'], '37': ['26', '38'], '36': ['38'], '39': [] };

  it('contiguity is a warning by default and an error when the call requires it', () => {
    assert.equal(checkContiguity(['21', '26', '37'], adjacency).contiguous, true);
    const split = checkContiguity(['21', '39'], adjacency);
    assert.equal(split.contiguous, false);
    assert.deepEqual(split.components, [['21'], ['39']]);
    assert.equal(split.violations[0]?.severity, 'warning');
    assert.equal(checkContiguity(['21', '39'], adjacency, { requireContiguity: true }).violations[0]?.severity, 'error');
    // A link listed on one side only still connects (undirected).
    assert.equal(checkContiguity(['36', '38'], new Map([['36', ['38']]])).contiguous, true);
  });

  it('components partition the regions and each is connected (property)', () => {
    const all = Object.keys(adjacency);
    fc.assert(
      fc.property(fc.subarray(all, { minLength: 1 }), (regions) => {
        const r = checkContiguity(regions, adjacency);
        assert.deepEqual(r.components.flat().sort(), [...regions].sort());
        assert.equal(r.contiguous, r.components.length === 1);
      }),
    );
  });
});
