// Bundle coverage (issue 4 § Bundles, Tests: "coverage analysis as pure-function tests"): which stages a zone's
// exemptions cover, the gaps, and for each gap the precedents granted in other zones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EXEMPTION_STATES } from '../exemptions/lifecycle.ts';
import { COVERING_STATES, bundleOf, type BundleExemption } from './coverage.ts';
import { STAGES } from './stages.ts';

const zone = (id: string) => ({ id, name: { ko: id } });
const ex = (id: string, zoneId: string, state: string, stages: string[]): BundleExemption =>
  ({ id, title: { ko: id }, kind: 'demonstration_exemption', state, stages, zone: zone(zoneId) });

const HERE = 'zone-a';
const corpus: BundleExemption[] = [
  ex('own-active-logistics', HERE, 'active', ['logistics']),
  ex('own-cancelled-production', HERE, 'cancelled', ['production']),
  ex('own-amended-rnd', HERE, 'law_amended', ['rnd', 'testing_certification']),
  ex('other-active-production', 'zone-b', 'active', ['production']),
  ex('other-expired-production', 'zone-b', 'expired', ['production']),
  ex('other-requested-recycling', 'zone-c', 'requested', ['recycling']),
  ex('other-permit-recycling', 'zone-c', 'temporary_permit', ['recycling', 'logistics']),
];

describe('bundle coverage of a zone (pure)', () => {
  const bundle = bundleOf(HERE, corpus);
  const stage = (s: string) => bundle.stages.find((x) => x.stage === s)!;

  it('every stage appears once, in supply-chain order', () => assert.deepEqual(bundle.stages.map((s) => s.stage), [...STAGES]));

  it('a stage is covered by an own exemption in a covering state; the count agrees', () => {
    assert.deepEqual(bundle.stages.filter((s) => s.covered).map((s) => s.stage), ['rnd', 'testing_certification', 'logistics']);
    assert.deepEqual([bundle.covered, bundle.total], [3, STAGES.length]);
  });

  it('a cancelled own exemption is listed but does not cover its stage', () => {
    assert.equal(stage('production').covered, false);
    assert.deepEqual(stage('production').exemptions.map((e) => e.id), ['own-cancelled-production']);
  });

  it('each gap lists precedents from other zones in covering states only', () => {
    assert.deepEqual(stage('production').precedents.map((e) => e.id), ['other-active-production']);
    assert.deepEqual(stage('recycling').precedents.map((e) => e.id), ['other-permit-recycling']);
    assert.deepEqual(stage('materials_parts').precedents, []);
  });

  it('a covered stage lists no precedents, even when other zones have some', () => {
    assert.deepEqual(stage('logistics').precedents, []);
  });

  it('the number of precedents per gap is capped, keeping the given order', () => {
    const many = Array.from({ length: 8 }, (_, i) => ex(`p${i}`, `zone-${i}`, 'active', ['sales_service']));
    assert.deepEqual(bundleOf(HERE, many, 3).stages.find((s) => s.stage === 'sales_service')!.precedents.map((e) => e.id), ['p0', 'p1', 'p2']);
  });

  it('the covering states are real exemption states', () => {
    for (const s of COVERING_STATES) assert.ok((EXEMPTION_STATES as readonly string[]).includes(s), s);
  });
});
