// Benchmark: consortium planner (ZoneLink branch-and-bound) against HiGHS on the same ILP,
// in the same run, on seeded requests over the reference region graphs (17 provinces,
// 250 municipalities from data/reference; a generated planar graph when they are missing)
// plus a generated 250-node planar graph.
//
//   node --import tsx bench/planner.ts           full run, writes bench/results/planner.json
//   node --import tsx bench/planner.ts --smoke   2 small instances, writes nothing
//
// ZoneLink runs in this thread, warm (every instance solved once first, as in a long-running
// API process; median of 5 runs when a run takes < 200 ms);
// HiGHS runs in a worker thread with a per-instance time limit (its wall time is measured
// inside the worker). When HiGHS does not finish, its time is censored at the limit, so the
// speedup reported for that instance is a lower bound.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { planConsortium } from '../src/domain/planner/index.ts';
import {
  CAPABILITIES, EXEMPTIONS, STAGES, planarGraph, plantedRequest, randInt, seededRandom, synthRegions, type Graph,
} from '../src/domain/planner/generate.ts';
import type { CandidateRegion, PlanningObjective, PlanningRequest, PlanningResult, RegionAdjacency } from '../src/domain/planner/types.ts';
import { startHighsWorker, type HighsOutcome } from './lib/planner-highs.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface BenchInstance {
  id: string;
  level: 'province' | 'municipality';
  graph: 'reference' | 'planar';
  kind: 'realistic' | 'hard';
  request: PlanningRequest;
  highsLimitSec: number;
}

interface LevelGraph {
  codes: string[];
  links: RegionAdjacency[];
  capital: Set<string>;
  source: 'reference' | 'planar';
}

function loadLevel(level: 'province' | 'municipality', fallbackSize: number, seed: number): LevelGraph {
  const regionsFile = join(root, 'data/reference/regions.json');
  const linksFile = join(root, 'data/reference/region-links.json');
  if (existsSync(regionsFile) && existsSync(linksFile)) {
    const regions = JSON.parse(readFileSync(regionsFile, 'utf8')) as { code: string; level: string; capitalArea: boolean }[];
    const links = JSON.parse(readFileSync(linksFile, 'utf8')) as RegionAdjacency[];
    const mine = regions.filter((r) => r.level === level);
    const codes = new Set(mine.map((r) => r.code));
    return {
      codes: mine.map((r) => r.code).sort(),
      links: links.filter((l) => codes.has(l.a) && codes.has(l.b)).map(({ a, b }) => ({ a, b })),
      capital: new Set(mine.filter((r) => r.capitalArea).map((r) => r.code)),
      source: 'reference',
    };
  }
  const g: Graph = planarGraph(fallbackSize, seededRandom(seed));
  return { codes: g.codes, links: g.links, capital: new Set(g.codes.slice(0, Math.round(fallbackSize * 0.3))), source: 'planar' };
}

const OBJECTIVES: PlanningObjective[] = ['fewest', 'cost', { weightCount: 50, weightCost: 1 }];

function provinceRegions(g: LevelGraph, seed: number): CandidateRegion[] {
  return synthRegions(g.codes, seededRandom(seed), {
    capabilityKeys: CAPABILITIES, stageKeys: STAGES, exemptionKeys: EXEMPTIONS,
    capabilityRate: 0.6, stageRate: 0.5, exemptionRate: 0.3, maxQuantity: 30, cost: [10, 300],
    capitalArea: (code) => g.capital.has(code),
  });
}

function municipalityRegions(g: LevelGraph, seed: number): CandidateRegion[] {
  return synthRegions(g.codes, seededRandom(seed), {
    capabilityKeys: CAPABILITIES, stageKeys: STAGES, exemptionKeys: EXEMPTIONS,
    capabilityRate: 0.3, stageRate: 0.2, exemptionRate: 0.1, maxQuantity: 10, cost: [1, 100],
    capitalArea: (code) => g.capital.has(code),
  });
}

export function benchInstances(smoke: boolean): BenchInstance[] {
  const out: BenchInstance[] = [];
  const prov = loadLevel('province', 17, 17);
  const provRegions = provinceRegions(prov, 101);
  const provCount = smoke ? 2 : 20;
  for (let i = 0; i < provCount; i++) {
    const rng = seededRandom(1000 + i);
    const contiguous = i % 2 === 0;
    const k = i % 3 === 2 ? undefined : randInt(rng, 2, 4);
    out.push({
      id: `prov-${String(i).padStart(2, '0')}`, level: 'province', graph: prov.source, kind: 'realistic', highsLimitSec: smoke ? 5 : 10,
      request: plantedRequest(provRegions, prov.links, rng, {
        size: k ?? randInt(rng, 2, 4), capabilities: randInt(rng, 1, 4), stages: randInt(rng, 1, 3), exemptions: randInt(rng, 0, 1),
        contiguous, maxRegions: k, objective: OBJECTIVES[i % 3]!, timeLimitMs: 10_000,
      }),
    });
  }
  if (smoke) return out;

  const muni = loadLevel('municipality', 250, 250);
  const muniRegions = municipalityRegions(muni, 202);
  for (let i = 0; i < 24; i++) {
    const rng = seededRandom(2000 + i);
    const k = i < 16 ? 3 + (i % 4) : undefined;
    out.push({
      id: `muni-${String(i).padStart(2, '0')}`, level: 'municipality', graph: muni.source, kind: 'realistic', highsLimitSec: 10,
      request: plantedRequest(muniRegions, muni.links, rng, {
        size: k ?? randInt(rng, 3, 6), capabilities: randInt(rng, 1, 4), stages: randInt(rng, 1, 3), exemptions: randInt(rng, 0, 2),
        contiguous: i % 2 === 0, maxRegions: k, objective: OBJECTIVES[i % 3]!, timeLimitMs: 10_000,
      }),
    });
  }
  for (let i = 0; i < 6; i++) {
    const rng = seededRandom(3000 + i);
    out.push({
      id: `muni-hard-${i}`, level: 'municipality', graph: muni.source, kind: 'hard', highsLimitSec: 10,
      request: plantedRequest(muniRegions, muni.links, rng, {
        size: randInt(rng, 8, 12), capabilities: randInt(rng, 3, 4), stages: randInt(rng, 2, 3), exemptions: randInt(rng, 1, 2),
        share: [0.7, 1], contiguous: true, objective: i % 2 === 0 ? 'cost' : { weightCount: 50, weightCost: 1 }, timeLimitMs: 10_000,
      }),
    });
  }
  const planar = planarGraph(250, seededRandom(250));
  const planarLevel: LevelGraph = { codes: planar.codes, links: planar.links, capital: new Set(planar.codes.slice(0, 75)), source: 'planar' };
  const planarRegions = municipalityRegions(planarLevel, 303);
  for (let i = 0; i < 6; i++) {
    const rng = seededRandom(4000 + i);
    const k = i < 4 ? 4 + (i % 3) : undefined;
    out.push({
      id: `planar-${i}`, level: 'municipality', graph: 'planar', kind: 'realistic', highsLimitSec: 10,
      request: plantedRequest(planarRegions, planarLevel.links, rng, {
        size: k ?? 5, capabilities: randInt(rng, 2, 4), stages: randInt(rng, 1, 3), exemptions: randInt(rng, 0, 2),
        contiguous: i % 2 === 0, maxRegions: k, objective: OBJECTIVES[i % 3]!, timeLimitMs: 10_000,
      }),
    });
  }
  return out;
}

export interface InstanceRow {
  id: string;
  level: string;
  graph: string;
  kind: string;
  regions: number;
  contiguous: boolean;
  maxRegions: number | null;
  objective: string;
  needs: number;
  zonelink: { status: string; objective: number | null; regions: string[]; ms: number; nodes: number; gap: number | null };
  highs: { status: string; objective: number | null; ms: number; rounds: number; cuts: number; timeLimitSec: number };
  /** HiGHS ms ÷ ZoneLink ms; a lower bound when HiGHS hit its limit. */
  speedup: number;
  speedupIsLowerBound: boolean;
  /** Both proved the same optimum (or both proved infeasibility); null when HiGHS proved nothing. */
  sameOptimum: boolean | null;
}

export interface Metric {
  metric: string;
  value: number;
  baseline: string;
  baseline_value: number;
  ratio: number;
  target: string;
  met: boolean;
}

export interface BenchReport {
  name: 'planner';
  date: string;
  machine: string;
  metrics: Metric[];
  instances: InstanceRow[];
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Warm (the instance was solved once before): one run when slow, else the median of 5. */
function timeZoneLink(request: PlanningRequest): { result: PlanningResult; ms: number } {
  let t = performance.now();
  let result = planConsortium(request);
  const first = performance.now() - t;
  if (first >= 200) return { result, ms: first };
  const times = [first];
  for (let i = 0; i < 4; i++) {
    t = performance.now();
    result = planConsortium(request);
    times.push(performance.now() - t);
  }
  return { result, ms: quantile(times, 0.5) };
}

function objectiveLabel(o: PlanningObjective): string {
  return typeof o === 'string' ? o : `${o.weightCount}*count+${o.weightCost}*cost`;
}

function agrees(z: PlanningResult, h: HighsOutcome): boolean | null {
  if (h.status === 'infeasible') return z.status === 'infeasible';
  if (h.status !== 'optimal' || h.objective === null) return null;
  if (z.status !== 'optimal' || !z.best) return false;
  return Math.abs(z.best.objective - h.objective) <= 1e-6 * Math.max(1, Math.abs(h.objective));
}

export async function runPlannerBench(opts: { smoke?: boolean; log?: (line: string) => void } = {}): Promise<BenchReport> {
  const log = opts.log ?? (() => {});
  const instances = benchInstances(opts.smoke ?? false);
  const highs = startHighsWorker();
  try {
    // warm-up, as in a long-running API process: JIT for ZoneLink (every instance once),
    // Wasm instantiation and a first solve for HiGHS
    for (const x of instances) planConsortium(x.request);
    await highs.solve(instances[0]!.request, 5);

    const rows: InstanceRow[] = [];
    for (const inst of instances) {
      const { result, ms } = timeZoneLink(inst.request);
      const h = await highs.solve(inst.request, inst.highsLimitSec);
      const hFinished = h.status === 'optimal' || h.status === 'infeasible';
      const hMs = hFinished ? h.ms : Math.max(h.ms, inst.highsLimitSec * 1000);
      const r = inst.request;
      const row: InstanceRow = {
        id: inst.id, level: inst.level, graph: inst.graph, kind: inst.kind, regions: r.regions.length,
        contiguous: r.contiguous, maxRegions: r.maxRegions ?? null, objective: objectiveLabel(r.objective),
        needs: r.needs.capabilities.length + r.needs.stages.length + r.needs.exemptions.length,
        zonelink: {
          status: result.status, objective: result.best?.objective ?? null, regions: result.best?.regions ?? [],
          ms: round(ms), nodes: result.nodes, gap: result.gap,
        },
        highs: {
          status: h.status, objective: h.objective === null ? null : round(h.objective, 6), ms: round(hMs),
          rounds: h.rounds, cuts: h.cuts, timeLimitSec: inst.highsLimitSec,
        },
        speedup: round(hMs / Math.max(ms, 1e-3), 2),
        speedupIsLowerBound: !hFinished,
        sameOptimum: agrees(result, h),
      };
      rows.push(row);
      log(formatRow(row));
    }

    const prov = rows.filter((r) => r.level === 'province');
    const muni = rows.filter((r) => r.level === 'municipality');
    const proved = rows.filter((r) => r.sameOptimum !== null);
    const same = proved.filter((r) => r.sameOptimum === true).length;
    const metrics: Metric[] = [];
    const provP95 = quantile(prov.map((r) => r.zonelink.ms), 0.95);
    const provHighsP95 = quantile(prov.map((r) => r.highs.ms), 0.95);
    metrics.push({ metric: 'province_p95_ms', value: round(provP95), baseline: 'highs', baseline_value: round(provHighsP95), ratio: round(provP95 / provHighsP95, 4), target: '<= 5', met: provP95 <= 5 });
    if (muni.length > 0) {
      const speed = quantile(muni.map((r) => r.speedup), 0.5);
      metrics.push({ metric: 'municipality_median_speedup', value: round(speed, 2), baseline: 'highs', baseline_value: 1, ratio: round(speed, 2), target: '>= 10', met: speed >= 10 });
      const both = muni.filter((r) => !r.speedupIsLowerBound);
      if (both.length > 0) {
        const s2 = quantile(both.map((r) => r.speedup), 0.5);
        metrics.push({ metric: 'municipality_median_speedup_highs_finished', value: round(s2, 2), baseline: 'highs', baseline_value: 1, ratio: round(s2, 2), target: '>= 10', met: s2 >= 10 });
      }
      const zMed = quantile(muni.map((r) => r.zonelink.ms), 0.5);
      const hMed = quantile(muni.map((r) => r.highs.ms), 0.5);
      metrics.push({ metric: 'municipality_median_ms', value: round(zMed), baseline: 'highs', baseline_value: round(hMed), ratio: round(zMed / hMed, 4), target: '<= 100', met: zMed <= 100 });
      const zP95 = quantile(muni.map((r) => r.zonelink.ms), 0.95);
      const hP95 = quantile(muni.map((r) => r.highs.ms), 0.95);
      metrics.push({ metric: 'municipality_p95_ms', value: round(zP95), baseline: 'highs', baseline_value: round(hP95), ratio: round(zP95 / hP95, 4), target: '<= 1000', met: zP95 <= 1000 });
    }
    metrics.push({ metric: 'same_optimum_count', value: same, baseline: 'highs', baseline_value: proved.length, ratio: proved.length ? round(same / proved.length, 4) : 1, target: 'all', met: same === proved.length });
    const zProved = rows.filter((r) => r.zonelink.status === 'optimal' || r.zonelink.status === 'infeasible').length;
    const hProved = rows.filter((r) => r.highs.status === 'optimal' || r.highs.status === 'infeasible').length;
    metrics.push({ metric: 'proved_count', value: zProved, baseline: 'highs', baseline_value: hProved, ratio: hProved ? round(zProved / hProved, 4) : 0, target: `all (${rows.length})`, met: zProved === rows.length });
    return {
      name: 'planner',
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, node ${process.versions.node.split('.')[0]}`,
      metrics,
      instances: rows,
    };
  } finally {
    await highs.close();
  }
}

function pad(s: string | number, n: number): string {
  return String(s).padEnd(n).slice(0, n);
}

function formatRow(r: InstanceRow): string {
  return [
    pad(r.id, 13), pad(r.contiguous ? 'conn' : '-', 5), pad(r.maxRegions ?? '-', 3), pad(r.objective, 18), pad(r.needs, 3),
    pad(`${r.zonelink.status} ${r.zonelink.objective ?? ''}`, 18), pad(r.zonelink.ms.toFixed(1), 9),
    pad(`${r.highs.status} ${r.highs.objective ?? ''}`, 18), pad(r.highs.ms.toFixed(0), 8),
    pad(`${r.speedupIsLowerBound ? '>' : ''}${r.speedup.toFixed(1)}x`, 9), r.sameOptimum === null ? '?' : r.sameOptimum ? 'same' : 'DIFF',
  ].join(' ');
}

const HEADER = [
  pad('instance', 13), pad('conn', 5), pad('k', 3), pad('objective', 18), pad('nd', 3), pad('zonelink', 18), pad('ms', 9),
  pad('highs', 18), pad('ms', 8), pad('speedup', 9), 'agree',
].join(' ');

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  console.log(HEADER);
  const report = await runPlannerBench({ smoke, log: (l) => console.log(l) });
  console.log('');
  for (const m of report.metrics) {
    console.log(`${m.metric.padEnd(44)} ${String(m.value).padStart(10)}  (highs ${m.baseline_value}, target ${m.target}) ${m.met ? 'met' : 'NOT MET'}`);
  }
  if (!smoke) {
    const file = join(root, 'bench/results/planner.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nwrote ${file}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
