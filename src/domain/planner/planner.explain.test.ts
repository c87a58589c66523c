import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PlanningError, planConsortium, type PlanningIssueCode } from './index.ts';
import type { CandidateRegion, InfeasibilityCode, PlanningRequest } from './types.ts';

// A1 — B1 — F1 — C1 — D1 (capital area); E1 is an island with no link.
const REGIONS: CandidateRegion[] = [
  { code: 'A1', capitalArea: false, cost: 10, capabilities: { lab: 5 }, stages: ['rnd'], exemptions: ['drone'] },
  { code: 'B1', capitalArea: false, cost: 5, capabilities: { lab: 3, port: 2 }, stages: ['production'], exemptions: [] },
  { code: 'C1', capitalArea: false, cost: 7, capabilities: { port: 4 }, stages: ['testing'], exemptions: [] },
  { code: 'D1', capitalArea: true, cost: 1, capabilities: { lab: 10 }, stages: ['sales'], exemptions: [] },
  { code: 'E1', capitalArea: false, cost: 3, capabilities: { lab: 1 }, stages: ['logistics'], exemptions: [] },
  { code: 'F1', capitalArea: false, cost: 2, capabilities: {}, stages: [], exemptions: [] },
];
const LINKS = [
  { a: 'A1', b: 'B1' },
  { a: 'B1', b: 'F1' },
  { a: 'F1', b: 'C1' },
  { a: 'C1', b: 'D1' },
];

function request(over: Partial<Omit<PlanningRequest, 'needs'>> & { needs?: Partial<PlanningRequest['needs']> } = {}): PlanningRequest {
  const { needs, ...rest } = over;
  return {
    regions: REGIONS,
    links: LINKS,
    include: [],
    exclude: [],
    allowCapitalArea: false,
    contiguous: false,
    objective: 'fewest',
    timeLimitMs: 5000,
    ...rest,
    needs: { capabilities: [], stages: [], exemptions: [], ...needs },
  };
}

describe('validation errors are structured (code, path, params)', () => {
  const cases: { name: string; req: PlanningRequest; code: PlanningIssueCode; path: string; params?: Record<string, unknown> }[] = [
    { name: 'unknown region code in include', req: request({ include: ['ZZ'], needs: { stages: ['rnd'] } }), code: 'unknown_region', path: '/include/0', params: { code: 'ZZ', list: 'include' } },
    { name: 'unknown region code in exclude', req: request({ exclude: ['A1', 'QQ'], needs: { stages: ['rnd'] } }), code: 'unknown_region', path: '/exclude/1', params: { code: 'QQ', list: 'exclude' } },
    { name: 'negative min', req: request({ needs: { capabilities: [{ key: 'lab', min: 2 }, { key: 'port', min: -1 }] } }), code: 'invalid_min', path: '/needs/capabilities/1/min', params: { key: 'port', min: -1 } },
    { name: 'region both included and excluded', req: request({ include: ['B1'], exclude: ['B1'], needs: { stages: ['rnd'] } }), code: 'include_exclude_conflict', path: '/exclude/0', params: { code: 'B1', includeIndex: 0 } },
    { name: 'k smaller than the include set', req: request({ include: ['A1', 'B1', 'C1'], maxRegions: 2, needs: { stages: ['rnd'] } }), code: 'max_regions_below_include', path: '/maxRegions', params: { maxRegions: 2, include: 3 } },
    { name: 'k not a positive integer', req: request({ maxRegions: 0, needs: { stages: ['rnd'] } }), code: 'invalid_max_regions', path: '/maxRegions' },
    { name: 'duplicate region code', req: request({ regions: [...REGIONS, REGIONS[0]!], needs: { stages: ['rnd'] } }), code: 'duplicate_region', path: '/regions/6/code', params: { code: 'A1' } },
    { name: 'negative cost', req: request({ regions: [{ ...REGIONS[0]!, cost: -3 }], needs: { stages: ['rnd'] } }), code: 'invalid_cost', path: '/regions/0/cost' },
    { name: 'negative capability quantity', req: request({ regions: [{ ...REGIONS[0]!, capabilities: { lab: -1 } }], needs: { stages: ['rnd'] } }), code: 'invalid_quantity', path: '/regions/0/capabilities/lab' },
    { name: 'duplicate need', req: request({ needs: { stages: ['rnd', 'rnd'] } }), code: 'duplicate_need', path: '/needs/stages/1' },
    { name: 'no needs and no include', req: request({ needs: { capabilities: [{ key: 'lab', min: 0 }] } }), code: 'no_needs', path: '/needs' },
    { name: 'objective weights both zero', req: request({ objective: { weightCount: 0, weightCost: 0 }, needs: { stages: ['rnd'] } }), code: 'invalid_objective', path: '/objective' },
    { name: 'time limit not positive', req: request({ timeLimitMs: 0, needs: { stages: ['rnd'] } }), code: 'invalid_time_limit', path: '/timeLimitMs' },
    { name: 'alternatives negative', req: request({ alternatives: -1, needs: { stages: ['rnd'] } }), code: 'invalid_alternatives', path: '/alternatives' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.throws(() => planConsortium(c.req), (err: unknown) => {
        assert.ok(err instanceof PlanningError);
        const issue = err.issues.find((i) => i.code === c.code);
        assert.ok(issue, `expected ${c.code}, got ${err.issues.map((i) => i.code).join(', ')}`);
        assert.equal(issue.path, c.path);
        if (c.params) for (const [k, v] of Object.entries(c.params)) assert.deepEqual(issue.params[k], v, `param ${k}`);
        assert.equal(typeof issue.message, 'string');
        return true;
      });
    });
  }

  it('reports every issue at once, the first one as the error code', () => {
    try {
      planConsortium(request({ include: ['ZZ'], needs: { capabilities: [{ key: 'lab', min: -2 }], stages: ['rnd'] } }));
      assert.fail('expected a PlanningError');
    } catch (err) {
      assert.ok(err instanceof PlanningError);
      assert.deepEqual(err.issues.map((i) => i.code).sort(), ['invalid_min', 'unknown_region']);
      assert.equal(err.code, err.issues[0]!.code);
      assert.equal(err.path, err.issues[0]!.path);
    }
  });
});

describe('infeasible requests say which needs cannot be met and why', () => {
  const cases: { name: string; req: PlanningRequest; code: InfeasibilityCode; path?: string; params?: Record<string, unknown> }[] = [
    {
      name: 'total capability over eligible regions below min',
      req: request({ needs: { capabilities: [{ key: 'lab', min: 100 }] } }),
      code: 'capability_insufficient', path: '/needs/capabilities/0', params: { need: 'capability:lab', available: 9, inCapitalArea: 10, inExcluded: 0 },
    },
    {
      name: 'stage hosted only by a capital-area region',
      req: request({ needs: { stages: ['sales'] } }),
      code: 'stage_unavailable', path: '/needs/stages/0', params: { need: 'stage:sales', hostsCapitalArea: ['D1'], hostsExcluded: [] },
    },
    {
      name: 'stage hosted only by an excluded region',
      req: request({ exclude: ['C1'], needs: { stages: ['rnd', 'testing'] } }),
      code: 'stage_unavailable', path: '/needs/stages/1', params: { need: 'stage:testing', hostsExcluded: ['C1'] },
    },
    {
      name: 'exemption held by nobody',
      req: request({ needs: { exemptions: ['telemed'] } }),
      code: 'exemption_unavailable', path: '/needs/exemptions/0', params: { need: 'exemption:telemed' },
    },
    {
      name: 'capital-area region included without the policy flag',
      req: request({ include: ['D1'], needs: { stages: ['rnd'] } }),
      code: 'include_ineligible', path: '/include/0', params: { region: 'D1' },
    },
    {
      name: 'k smaller than one need requires',
      req: request({ maxRegions: 1, needs: { capabilities: [{ key: 'lab', min: 8 }] } }),
      code: 'max_regions_too_small', path: '/maxRegions', params: { need: 'capability:lab', minRegions: 2, maxRegions: 1 },
    },
    {
      name: 'contiguity impossible: includes in different components',
      req: request({ contiguous: true, include: ['A1', 'E1'], needs: { stages: ['rnd'] } }),
      code: 'includes_disconnected', path: '/include', params: { components: [['A1'], ['E1']] },
    },
    {
      name: 'contiguity impossible within k: includes too far apart',
      req: request({ contiguous: true, include: ['A1', 'C1'], maxRegions: 3, needs: { stages: ['rnd'] } }),
      code: 'includes_too_far_apart', path: '/maxRegions', params: { hops: 3, minRegions: 4, maxRegions: 3 },
    },
    {
      name: 'contiguity impossible: need only on an island',
      req: request({ contiguous: true, include: ['A1'], needs: { stages: ['logistics'] } }),
      code: 'need_unreachable', path: '/needs/stages/0', params: { need: 'stage:logistics' },
    },
    {
      name: 'contiguity impossible: needs in different components',
      req: request({ contiguous: true, needs: { stages: ['rnd', 'logistics'] } }),
      code: 'needs_in_different_components', path: '/needs',
    },
    {
      name: 'needs met alone but not together',
      req: request({ maxRegions: 1, needs: { stages: ['rnd', 'testing'], capabilities: [{ key: 'lab', min: 1 }] } }),
      code: 'needs_conflict', path: '/needs', params: { needs: ['stage:rnd', 'stage:testing'], minimal: true },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const res = planConsortium(c.req);
      assert.equal(res.status, 'infeasible');
      assert.equal(res.best, undefined);
      assert.deepEqual(res.alternatives, []);
      assert.equal(res.gap, null);
      const reasons = res.explanation.infeasible ?? [];
      const reason = reasons.find((r) => r.code === c.code);
      assert.ok(reason, `expected ${c.code}, got ${reasons.map((r) => r.code).join(', ')}`);
      if (c.path) assert.equal(reason.path, c.path);
      if (c.params) for (const [k, v] of Object.entries(c.params)) assert.deepEqual(reason.params[k], v, `param ${k}`);
      assert.ok(reason.message.length > 0);
      assert.match(res.explanation.summary, /^Infeasible/);
    });
  }

  it('the same request becomes feasible once the policy flag allows the capital area', () => {
    const res = planConsortium(request({ allowCapitalArea: true, needs: { stages: ['sales'] } }));
    assert.equal(res.status, 'optimal');
    assert.deepEqual(res.best?.regions, ['D1']);
  });
});

describe('explanations of answers', () => {
  it('names who covers what, the critical regions and the connectors', () => {
    const res = planConsortium(request({ contiguous: true, needs: { stages: ['rnd', 'testing'] } }));
    assert.equal(res.status, 'optimal');
    assert.deepEqual(res.best?.regions, ['A1', 'B1', 'C1', 'F1']);
    assert.equal(res.best?.objective, 4);
    const roles = new Map(res.explanation.answers[0]!.regions.map((r) => [r.code, r]));
    assert.deepEqual(roles.get('A1')?.critical, ['stage:rnd']);
    assert.deepEqual(roles.get('C1')?.critical, ['stage:testing']);
    assert.equal(roles.get('B1')?.connector, true);
    assert.equal(roles.get('F1')?.connector, true);
    assert.deepEqual(roles.get('F1')?.contributes, []);
    const rnd = res.best?.coverage.find((c) => c.need === 'stage:rnd');
    assert.deepEqual(rnd?.regions, ['A1']);
  });

  it('compares the best answer with the next best', () => {
    const res = planConsortium(request({ objective: 'cost', alternatives: 2, needs: { capabilities: [{ key: 'lab', min: 4 }] } }));
    assert.equal(res.status, 'optimal');
    assert.deepEqual(res.best?.regions, ['B1', 'E1']);
    assert.equal(res.best?.objective, 8);
    assert.deepEqual(res.alternatives.map((a) => a.regions), [['A1']]);
    const cmp = res.explanation.answers[0]!.comparison!;
    assert.equal(cmp.against, 'next');
    assert.equal(cmp.objectiveDelta, 2);
    assert.deepEqual(cmp.added, ['A1']);
    assert.deepEqual(cmp.removed, ['B1', 'E1']);
    const back = res.explanation.answers[1]!.comparison!;
    assert.equal(back.against, 'best');
    assert.equal(back.objectiveDelta, -2);
    const lab = res.best?.coverage.find((c) => c.need === 'capability:lab');
    assert.deepEqual(lab?.amounts, { B1: 3, E1: 1 });
    assert.equal(lab?.total, 4);
  });

  it('honours include, exclude and the weighted objective', () => {
    const res = planConsortium(request({
      include: ['E1'], exclude: ['A1'], objective: { weightCount: 10, weightCost: 1 }, needs: { capabilities: [{ key: 'lab', min: 4 }] },
    }));
    assert.equal(res.status, 'optimal');
    assert.deepEqual(res.best?.regions, ['B1', 'E1']);
    assert.equal(res.best?.objective, 28);
    const e1 = res.explanation.answers[0]!.regions.find((r) => r.code === 'E1');
    assert.equal(e1?.included, true);
    assert.equal(e1?.objectiveShare, 13);
  });
});
