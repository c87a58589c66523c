// Bundle coverage (issue 4 § Bundles, Tests: "coverage analysis as pure-function tests"): which stages a zone's
// exemptions cover, the gaps, and for each gap the precedents granted in other zones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EXEMPTION_STATES } from '../exemptions/lifecycle.ts';
import { COVERING_STATES, bundleOf, coverageOf, type BundleExemption, type CoverageExemption, type RegulatoryNeed } from './coverage.ts';
import { STAGES, type Stage } from './stages.ts';

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

describe('coverage of regulatory needs of a plan or project (pure)', () => {
  const cx = (id: string, zoneId: string, state: string, stages: string[], regulations: string[]): CoverageExemption =>
    ({ ...ex(id, zoneId, state, stages), regulations });
  const exemptions: CoverageExemption[] = [
    cx('own-drone-logistics', HERE, 'active', ['logistics'], ['reg-drone']),
    cx('own-cancelled-h2', HERE, 'cancelled', ['production'], ['reg-h2']),
    cx('own-h2-rnd', HERE, 'granted', ['rnd'], ['reg-h2']),
    cx('b-h2-rnd', 'zone-b', 'active', ['rnd'], ['reg-h2']),
    cx('c-h2-production', 'zone-c', 'extended', ['production'], ['reg-h2', 'reg-drone']),
    cx('d-h2-production-expired', 'zone-d', 'expired', ['production'], ['reg-h2']),
    cx('e-h2-requested', 'zone-e', 'requested', ['production'], ['reg-h2']),
    cx('f-drone-logistics', 'zone-f', 'law_amended', ['logistics'], ['reg-drone']),
  ];
  const need = (stage: Stage, regulation: string): RegulatoryNeed => ({ stage, regulation, note: null });
  const cases: { name: string; zoneId: string | null; need: RegulatoryNeed; met: boolean; metBy: string[]; precedents: string[] }[] = [
    { name: 'an own exemption in a covering state suspending the regulation at the stage meets it', zoneId: HERE, need: need('logistics', 'reg-drone'), met: true, metBy: ['own-drone-logistics'], precedents: [] },
    { name: 'an own exemption at another stage does not meet it; same-stage precedents first', zoneId: HERE, need: need('production', 'reg-h2'), met: false, metBy: [], precedents: ['c-h2-production', 'b-h2-rnd'] },
    { name: 'a cancelled own exemption does not meet it', zoneId: HERE, need: need('production', 'reg-h2'), met: false, metBy: [], precedents: ['c-h2-production', 'b-h2-rnd'] },
    { name: 'an own exemption for another regulation does not meet it', zoneId: HERE, need: need('rnd', 'reg-drone'), met: false, metBy: [], precedents: ['c-h2-production', 'f-drone-logistics'] },
    { name: 'no precedent when no other zone suspends the regulation', zoneId: HERE, need: need('recycling', 'reg-none'), met: false, metBy: [], precedents: [] },
    { name: 'without a zone (an undesignated plan) nothing is met; every zone can supply precedents', zoneId: null, need: need('rnd', 'reg-h2'), met: false, metBy: [], precedents: ['own-h2-rnd', 'b-h2-rnd', 'c-h2-production'] },
    { name: 'precedents never come from the own zone nor from states that do not cover', zoneId: 'zone-b', need: need('production', 'reg-h2'), met: false, metBy: [], precedents: ['c-h2-production', 'own-h2-rnd'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const [n] = coverageOf(c.zoneId, [c.need], exemptions).stages.flatMap((s) => s.needs);
      assert.deepEqual([n!.met, n!.metBy.map((e) => e.id), n!.precedents.map((e) => e.id)], [c.met, c.metBy, c.precedents]);
    });
  }

  it('precedents are flagged same-stage and capped', () => {
    const n = coverageOf(HERE, [need('production', 'reg-h2')], exemptions, [], 1).stages.flatMap((s) => s.needs)[0]!;
    assert.deepEqual(n.precedents.map((e) => [e.id, e.sameStage]), [['c-h2-production', true]]);
  });

  it('stage status: none without needs, covered when all met, unmet when one is not; counts agree', () => {
    const cov = coverageOf(HERE, [need('logistics', 'reg-drone'), need('rnd', 'reg-h2'), need('rnd', 'reg-drone')], exemptions);
    const status = Object.fromEntries(cov.stages.map((s) => [s.stage, s.status]));
    assert.deepEqual(status, { rnd: 'unmet', materials_parts: 'none', production: 'none', testing_certification: 'none', logistics: 'covered', sales_service: 'none', recycling: 'none' });
    assert.deepEqual([cov.needs, cov.met], [3, 2]);
  });

  it("a plan's requested special case naming the regulation at the stage is reported, not counted as met", () => {
    const n = coverageOf(null, [need('production', 'reg-h2')], exemptions, [{ id: 'sc-1', regulation: 'reg-h2', stages: ['production'] }, { id: 'sc-2', regulation: 'reg-h2', stages: ['rnd'] }, { id: 'sc-3', regulation: null, stages: ['production'] }])
      .stages.flatMap((s) => s.needs)[0]!;
    assert.deepEqual([n.met, n.requestedBy], [false, ['sc-1']]);
  });
});
