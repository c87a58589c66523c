// Link kinds and contiguity (issue 15, item 4): land borders and fixed links (bridges, tunnels) join regions,
// a ferry only where a call or the configuration allows it (ZoneLink policy, src/domain/regions/links.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkContiguity } from '../zones/eligibility.ts';
import { joiningLinks, linkCounts, NO_FERRIES } from './links.ts';
import { linksAmong, neighboursOf, regionLinks } from './reference.ts';
import type { LinkPolicy } from './links.ts';

const FERRIES: LinkPolicy = { ferries: true };
const adjacency = (codes: string[], policy: LinkPolicy) => new Map(codes.map((c) => [c, neighboursOf(c, { includeLinks: true, policy })]));

test('which kinds count, per policy', () => {
  const rows: [kind: 'border' | 'fixed' | 'ferry', ferries: boolean, counts: boolean][] = [
    ['border', false, true], ['fixed', false, true], ['ferry', false, false],
    ['border', true, true], ['fixed', true, true], ['ferry', true, true],
  ];
  for (const [kind, ferries, counts] of rows) assert.equal(linkCounts(kind, { ferries }), counts, `${kind} ferries=${String(ferries)}`);
});

test('reference links: the Jeju, Ulleung and Ongjin crossings are ferries; island bridges and the Geoga link are fixed', () => {
  const kindOf = (a: string, b: string) => regionLinks.find((l) => l.a === a && l.b === b)?.kind;
  assert.equal(kindOf('36', '39'), 'ferry', 'Jeonnam – Jeju');
  assert.equal(kindOf('36010', '39010'), 'ferry', 'Mokpo – Jeju-si');
  assert.equal(kindOf('37012', '37430'), 'ferry', 'Pohang Buk-gu – Ulleung');
  assert.equal(kindOf('23010', '23320'), 'ferry', 'Incheon Jung-gu – Ongjin');
  assert.equal(kindOf('21120', '38090'), 'fixed', 'Busan Gangseo-gu – Geoje (Geoga bridge and tunnel)');
  assert.equal(kindOf('38050', '38090'), 'fixed', 'Tongyeong – Geoje');
  assert.equal(kindOf('25', '29'), 'border', 'Daejeon – Sejong');
});

test('plan check: Pohang and Ulleung are contiguous only where a ferry counts; Daejeon and Sejong always', () => {
  const ulleung = ['37012', '37430'];
  assert.equal(checkContiguity(ulleung, adjacency(ulleung, NO_FERRIES)).contiguous, false);
  assert.equal(checkContiguity(ulleung, adjacency(ulleung, FERRIES)).contiguous, true);
  const jeju = ['36', '39'];
  const without = checkContiguity(jeju, adjacency(jeju, NO_FERRIES), { requireContiguity: true });
  assert.deepEqual(without.components, [['36'], ['39']]);
  assert.equal(without.violations[0]?.severity, 'error');
  assert.equal(checkContiguity(jeju, adjacency(jeju, FERRIES), { requireContiguity: true }).violations.length, 0);
  const chungcheong = ['25', '29'];
  assert.equal(checkContiguity(chungcheong, adjacency(chungcheong, NO_FERRIES)).contiguous, true);
});

test('joining links name the kind that joined two regions, land before bridges before ferries', () => {
  assert.deepEqual(joiningLinks(['25', '29'], linksAmong(['25', '29']), NO_FERRIES), [{ a: '25', b: '29', kind: 'border' }]);
  assert.deepEqual(joiningLinks(['37012', '37430'], linksAmong(['37012', '37430']), NO_FERRIES), [], 'no ferry without the policy');
  const ferry = joiningLinks(['37012', '37430'], linksAmong(['37012', '37430']), FERRIES);
  assert.equal(ferry.length, 1);
  assert.equal(ferry[0]!.kind, 'ferry');
  assert.match(ferry[0]!.note ?? '', /Ulleung–Pohang ferry/);
  // Tongyeong, Geoje and Busan Gangseo-gu: two bridges, no border between them.
  const geoje = ['21120', '38050', '38090'];
  assert.deepEqual(joiningLinks(geoje, linksAmong(geoje), NO_FERRIES).map((j) => j.kind), ['fixed', 'fixed']);
  // Mokpo, Wando and Jeju-si: a ferry is named once, when no other link joins Jeju.
  const south = ['36010', '36460', '39010'];
  const joins = joiningLinks(south, linksAmong(south), FERRIES);
  assert.equal(joins.length, 2);
  assert.ok(joins.every((j) => j.kind === 'ferry'));
});
