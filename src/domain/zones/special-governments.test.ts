// Special local governments (Local Autonomy Act Art. 199) and integrated special cities as joint applicants of
// Decree Art. 40(2) as amended on 2026-06-30 (issue 15, item 6): they stand for their members, and the
// connected-zone rule (two metropolitan governments, 2026 call) counts the metropolitan members once each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkApplicantsAndSites, checkConnectedZone, checkContiguity, metropolitanOf, provincesOf, type Applicant } from './eligibility.ts';
import { asApplicant, STANDING_GOVERNMENTS } from './special-governments.ts';
import { neighboursOf } from '../regions/reference.ts';

const union = asApplicant(STANDING_GOVERNMENTS.find((g) => g.name.ko === '충청광역연합')!);
const codes = (vs: readonly { code: string }[]) => vs.map((v) => v.code);

test('충청광역연합 stands for Daejeon, Sejong, Chungbuk and Chungnam', () => {
  assert.deepEqual(metropolitanOf(union), ['25', '29', '33', '34']);
  assert.deepEqual(provincesOf(union), ['25', '29', '33', '34']);
});

test('connected-zone rule: metropolitan governments counted through the members they stand for (Decree Art. 40(2), as amended 2026-06-30)', () => {
  const rows: [name: string, applicants: Applicant[], violations: string[]][] = [
    ['충청광역연합 alone: four metropolitan members', [union], []],
    ['충청광역연합 with Daejeon again: counted once, still four', [union, { code: '25', level: 'metropolitan' }], []],
    ['an integrated special city of two metropolitan governments', [{ code: 'DAEGU-GYEONGBUK', level: 'integrated', members: ['22', '37'] }], []],
    ['a special local government of basic members only stands for no metropolitan government', [{ code: 'GYEONGNAM-COAST', level: 'special', members: ['38050', '38090'] }], ['connected-needs-two-metropolitan']],
    ['one metropolitan member plus itself is one', [{ code: 'BUSAN-UNION', level: 'special', members: ['21', '21090'] }, { code: '21', level: 'metropolitan' }], ['connected-needs-two-metropolitan']],
    ['a special local government with Busan: five', [union, { code: '21', level: 'metropolitan' }], []],
  ];
  for (const [name, applicants, expected] of rows) assert.deepEqual(codes(checkConnectedZone('connected', applicants)), expected, name);
});

test('eligibility: sites inside a member, none in the capital area, members required (RFZ Act Art. 2(13), 72(1)3)', () => {
  assert.deepEqual(codes(checkApplicantsAndSites([union], [{ id: 'sejong', regionCode: '29010' }, { id: 'cheongju', regionCode: '33041' }])), []);
  assert.deepEqual(codes(checkApplicantsAndSites([union], [{ id: 'busan', regionCode: '21090' }])), ['site-outside-applicants']);
  assert.deepEqual(codes(checkApplicantsAndSites([{ code: 'CAPITAL-UNION', level: 'special', members: ['31', '32'] }], [{ id: 'g', regionCode: '32010' }])), ['applicant-in-capital-area']);
  assert.deepEqual(codes(checkApplicantsAndSites([{ code: 'EMPTY', level: 'integrated', members: [] }], [{ id: 'g', regionCode: '32010' }])), ['special-government-without-members', 'site-outside-applicants']);
  assert.deepEqual(codes(checkApplicantsAndSites([{ code: 'bad code', level: 'special', members: ['25'] }], [{ id: 'g', regionCode: '25010' }])), ['invalid-region-code']);
});

test('contiguity of the provinces a special local government stands for', () => {
  const provinces = provincesOf(union);
  const adjacency = new Map(provinces.map((p) => [p, neighboursOf(p, { includeLinks: true })]));
  assert.equal(checkContiguity(provinces, adjacency).contiguous, true);
});
