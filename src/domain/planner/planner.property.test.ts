import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { planConsortium } from './index.ts';
import { referenceSolve } from './reference-solver.ts';
import type { Answer, CandidateRegion, PlanningObjective, PlanningRequest, PlanningResult } from './types.ts';

/** PLANNER_FC_SCALE=10 multiplies the number of runs (soak locally). */
const SCALE = Number(process.env['PLANNER_FC_SCALE'] ?? 1);

const CAPS = ['lab', 'port'] as const;
const STAGES = ['rnd', 'production', 'testing'] as const;
const EXEMPTIONS = ['drone', 'telemed'] as const;

/** Small random requests: up to 10 regions, random links, needs, include/exclude, k, objective. */
const requestArb: fc.Arbitrary<PlanningRequest> = fc
  .integer({ min: 2, max: 10 })
  .chain((n) => {
    const region = fc.record({
      capital: fc.integer({ min: 0, max: 9 }),
      cost: fc.integer({ min: 0, max: 20 }),
      lab: fc.integer({ min: 0, max: 6 }),
      port: fc.integer({ min: 0, max: 6 }),
      stages: fc.subarray([...STAGES]),
      exemptions: fc.subarray([...EXEMPTIONS]),
    });
    return fc.record({
      regions: fc.array(region, { minLength: n, maxLength: n }),
      links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n }),
      caps: fc.subarray([...CAPS]).chain((keys) => fc.tuple(...keys.map((key) => fc.integer({ min: 0, max: 14 }).map((min) => ({ key, min }))))),
      stages: fc.subarray([...STAGES]),
      exemptions: fc.subarray([...EXEMPTIONS], { maxLength: 1 }),
      include: fc.subarray(Array.from({ length: n }, (_, i) => i), { maxLength: 2 }),
      exclude: fc.subarray(Array.from({ length: n }, (_, i) => i), { maxLength: 2 }),
      allowCapitalArea: fc.boolean(),
      contiguous: fc.boolean(),
      k: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      objective: fc.constantFrom<PlanningObjective>('fewest', 'cost', { weightCount: 3, weightCost: 1 }, { weightCount: 0.5, weightCost: 0.1 }),
      alternatives: fc.integer({ min: 0, max: 3 }),
    });
  })
  .map((x) => {
    const code = (i: number): string => `R${String(i).padStart(2, '0')}`;
    const regions: CandidateRegion[] = x.regions.map((r, i) => {
      const capabilities: Record<string, number> = {};
      if (r.lab > 0) capabilities['lab'] = r.lab;
      if (r.port > 0) capabilities['port'] = r.port;
      return { code: code(i), capitalArea: r.capital === 0, cost: r.cost, capabilities, stages: r.stages, exemptions: r.exemptions };
    });
    const include = x.include.map(code);
    const exclude = x.exclude.map(code).filter((c) => !include.includes(c));
    const req: PlanningRequest = {
      regions,
      links: x.links.map(([a, b]) => ({ a: code(a), b: code(b) })),
      needs: { capabilities: [...x.caps], stages: x.stages, exemptions: x.exemptions },
      include,
      exclude,
      allowCapitalArea: x.allowCapitalArea,
      contiguous: x.contiguous,
      objective: x.objective,
      alternatives: x.alternatives,
      timeLimitMs: 20_000,
    };
    if (x.k !== undefined) req.maxRegions = Math.max(x.k, include.length);
    return req;
  })
  .filter((r) => r.include.length > 0 || r.needs.capabilities.some((c) => c.min > 0) || r.needs.stages.length + r.needs.exemptions.length > 0);

// ---------------------------------------------------------------- independent checks

function connected(codes: string[], req: PlanningRequest): boolean {
  const set = new Set(codes);
  const seen = new Set([codes[0]!]);
  const stack = [codes[0]!];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const { a, b } of req.links) {
      const w = a === v ? b : b === v ? a : null;
      if (w !== null && set.has(w) && !seen.has(w)) {
        seen.add(w);
        stack.push(w);
      }
    }
  }
  return seen.size === set.size;
}

function coversAll(codes: string[], req: PlanningRequest): boolean {
  const rs = req.regions.filter((r) => codes.includes(r.code));
  return req.needs.capabilities.every((c) => rs.reduce((s, r) => s + (r.capabilities[c.key] ?? 0), 0) >= c.min - 1e-9)
    && req.needs.stages.every((s) => rs.some((r) => r.stages.includes(s)))
    && req.needs.exemptions.every((e) => rs.some((r) => r.exemptions.includes(e)));
}

function checkAnswer(a: Answer, req: PlanningRequest): void {
  assert.ok(a.regions.length > 0, 'answer is not empty');
  assert.deepEqual(a.regions, [...a.regions].sort(), 'regions sorted');
  assert.equal(new Set(a.regions).size, a.regions.length, 'regions distinct');
  assert.ok(coversAll(a.regions, req), 'covers every need');
  for (const c of req.include) assert.ok(a.regions.includes(c), `includes ${c}`);
  for (const c of req.exclude) assert.ok(!a.regions.includes(c), `excludes ${c}`);
  if (req.maxRegions !== undefined) assert.ok(a.regions.length <= req.maxRegions, 'respects k');
  if (req.contiguous) assert.ok(connected(a.regions, req), 'connected');
  if (!req.allowCapitalArea) {
    for (const c of a.regions) assert.ok(!req.regions.find((r) => r.code === c)!.capitalArea, `${c} not capital area`);
  }
  // irredundant: no non-included region can be dropped
  for (const c of a.regions) {
    if (req.include.includes(c) || a.regions.length === 1) continue;
    const rest = a.regions.filter((x) => x !== c);
    assert.ok(!(coversAll(rest, req) && (!req.contiguous || connected(rest, req))), `${c} is not redundant`);
  }
  const cost = req.regions.filter((r) => a.regions.includes(r.code)).reduce((s, r) => s + r.cost, 0);
  assert.equal(a.count, a.regions.length);
  assert.ok(Math.abs(a.cost - cost) < 1e-6);
}

function strip(r: PlanningResult): unknown {
  return { ...r, elapsedMs: 0 };
}

function key(a: Answer, req: PlanningRequest): [number, number] {
  const o = req.objective;
  const tie = o === 'fewest' || (typeof o === 'object' && o.weightCost === 0) ? a.cost : a.count;
  return [a.objective, tie];
}

describe('planner properties (small random instances vs brute force)', () => {
  it('answers are feasible, irredundant and respect every constraint', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const res = planConsortium(req);
        assert.notEqual(res.status, 'unknown');
        for (const a of [res.best, ...res.alternatives]) if (a) checkAnswer(a, req);
      }),
      { numRuns: 300 * SCALE },
    );
  });

  it('the optimum and the top-k objectives equal the brute-force ones', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const res = planConsortium(req);
        const ref = referenceSolve(req).slice(0, (req.alternatives ?? 0) + 1);
        if (ref.length === 0) {
          assert.equal(res.status, 'infeasible');
          assert.equal(res.best, undefined);
          assert.ok((res.explanation.infeasible ?? []).length > 0, 'infeasibility is explained');
          return;
        }
        assert.equal(res.status, 'optimal');
        assert.equal(res.gap, 0);
        const got = [res.best!, ...res.alternatives];
        assert.equal(got.length, ref.length, 'as many answers as exist, up to 1 + alternatives');
        got.forEach((a, i) => {
          const [p, s] = key(a, req);
          assert.ok(Math.abs(p - ref[i]!.p) < 1e-6, `answer ${i}: objective ${p} vs ${ref[i]!.p}`);
          assert.ok(Math.abs(s - ref[i]!.s) < 1e-6, `answer ${i}: tie-break ${s} vs ${ref[i]!.s}`);
        });
        assert.equal(res.bound, res.best!.objective);
      }),
      { numRuns: 400 * SCALE },
    );
  });

  it('alternatives are distinct and ordered by objective, tie-break, then codes', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const res = planConsortium(req);
        const all = [res.best, ...res.alternatives].filter((a): a is Answer => a !== undefined);
        assert.equal(new Set(all.map((a) => a.regions.join(','))).size, all.length);
        for (let i = 1; i < all.length; i++) {
          const [p0, s0] = key(all[i - 1]!, req);
          const [p1, s1] = key(all[i]!, req);
          assert.ok(p0 <= p1 + 1e-9, 'objective non-decreasing');
          if (Math.abs(p0 - p1) < 1e-9) assert.ok(s0 <= s1 + 1e-9, 'tie-break non-decreasing');
        }
        // the explanation compares the best with the next best
        if (all.length > 1) {
          const cmp = res.explanation.answers[0]!.comparison!;
          assert.equal(cmp.against, 'next');
          assert.ok(cmp.objectiveDelta >= -1e-9);
        }
      }),
      { numRuns: 200 * SCALE },
    );
  });

  it('is deterministic: the same input gives the same output', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        assert.deepEqual(strip(planConsortium(req)), strip(planConsortium(structuredClone(req))));
      }),
      { numRuns: 150 * SCALE },
    );
  });

  it('explains each region: contributions, critical needs, connectors', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const res = planConsortium(req);
        if (!res.best) return;
        const roles = res.explanation.answers[0]!.regions;
        assert.deepEqual(roles.map((r) => r.code), res.best.regions);
        for (const role of roles) {
          for (const need of role.critical) assert.ok(role.contributes.includes(need));
          if (role.connector) assert.ok(req.contiguous);
          // a region that is neither included, critical nor a connector would be redundant
          if (!role.included && role.critical.length === 0 && !role.connector && res.best.regions.length > 1) {
            // it may still be needed jointly (capability sums) — check that dropping it breaks coverage
            const rest = res.best.regions.filter((c) => c !== role.code);
            assert.ok(!coversAll(rest, req) || (req.contiguous && !connected(rest, req)));
          }
        }
        for (const cov of res.best.coverage) {
          for (const c of cov.regions) assert.ok(res.best.regions.includes(c));
        }
      }),
      { numRuns: 150 * SCALE },
    );
  });
});
