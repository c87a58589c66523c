// Baseline for bench/planner.ts: the consortium ILP solved by HiGHS (WebAssembly) in a
// worker thread.
//
// Model: binary x_r per eligible region (not excluded; capital area only when allowed),
// x_r = 1 for includes; Σ q_rc x_r >= min_c per capability; Σ_{r hosts s} x_r >= 1 per stage
// and exemption; Σ x_r <= k; minimise Σ (weightCount + weightCost·cost_r) x_r.
// Connectivity (contiguous requests) is added lazily: solve, find the components of the
// chosen set; if there are several, add for every ordered pair of components (C, D) the
// vertex-separator cuts x_a + x_b − Σ_{v∈S} x_v <= 1 for every a ∈ C, b ∈ D (S = the
// neighbours of C reduced to a minimal C–D separator), and re-solve, until the chosen set is
// connected.
// Each round is a full MIP solve (highs-js has no lazy-constraint callback); the cuts violated
// by every incumbent HiGHS reports during a round (mipSolution callback) are added, not only
// those of the round's optimum, and connected incumbents are kept as feasible answers. The
// time limit covers all rounds. mip_rel_gap = 0 so "optimal" means exact, like ZoneLink.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import loadHighs, { type Highs } from 'highs';
import type { PlanningRequest } from '../../src/domain/planner/types.ts';

export interface HighsOutcome {
  status: 'optimal' | 'infeasible' | 'feasible' | 'timeout';
  objective: number | null;
  regions: string[];
  /** Wall time inside the worker (model build + all rounds), ms. */
  ms: number;
  rounds: number;
  cuts: number;
}

function weightsOf(objective: PlanningRequest['objective']): { wc: number; wk: number } {
  if (objective === 'fewest') return { wc: 1, wk: 0 };
  if (objective === 'cost') return { wc: 0, wk: 1 };
  return { wc: objective.weightCount, wk: objective.weightCost };
}

export function solveWithHighs(highs: Highs, request: PlanningRequest, timeLimitSec: number): HighsOutcome {
  const t0 = performance.now();
  const excluded = new Set(request.exclude);
  const include = new Set(request.include);
  const regions = request.regions
    .filter((r) => !excluded.has(r.code) && (request.allowCapitalArea || !r.capitalArea))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const index = new Map(regions.map((r, i) => [r.code, i]));
  const n = regions.length;
  if ([...include].some((c) => !index.has(c))) return { status: 'infeasible', objective: null, regions: [], ms: performance.now() - t0, rounds: 0, cuts: 0 };
  const adj: number[][] = regions.map(() => []);
  for (const { a, b } of request.links) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    if (!adj[i]!.includes(j)) adj[i]!.push(j);
    if (!adj[j]!.includes(i)) adj[j]!.push(i);
  }
  const { wc, wk } = weightsOf(request.objective);

  // rows in CSR
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const addRow = (cols: number[], vals: number[], lo: number, hi: number): void => {
    indices.push(...cols);
    values.push(...vals);
    starts.push(indices.length);
    lower.push(lo);
    upper.push(hi);
  };
  for (const need of request.needs.capabilities) {
    if (need.min <= 0) continue;
    const cols: number[] = [];
    const vals: number[] = [];
    regions.forEach((r, i) => {
      const q = r.capabilities[need.key] ?? 0;
      if (q > 0) {
        cols.push(i);
        vals.push(q);
      }
    });
    addRow(cols, vals, need.min, highs.infinity);
  }
  for (const [list, field] of [[request.needs.stages, 'stages'], [request.needs.exemptions, 'exemptions']] as const) {
    for (const key of list) {
      const cols: number[] = [];
      regions.forEach((r, i) => {
        if (r[field].includes(key)) cols.push(i);
      });
      addRow(cols, cols.map(() => 1), 1, highs.infinity);
    }
  }
  if (request.maxRegions !== undefined) addRow(regions.map((_, i) => i), regions.map(() => 1), -highs.infinity, request.maxRegions);

  const model = highs.createModel({
    numCols: n,
    numRows: lower.length,
    colCost: regions.map((r) => wc + wk * r.cost),
    colLower: regions.map((r) => (include.has(r.code) ? 1 : 0)),
    colUpper: regions.map(() => 1),
    rowLower: lower,
    rowUpper: upper,
    matrix: { format: 'csr', numRows: lower.length, numCols: n, starts, indices, values },
    integrality: regions.map(() => highs.constants.variableType.integer),
  });
  const ms = highs.constants.modelStatus;
  let rounds = 0;
  let cuts = 0;
  let best: { objective: number; regions: string[] } | null = null;
  const seenCuts = new Set<string>();
  let pending: { indices: number[]; values: number[] }[] = [];
  const done = (status: HighsOutcome['status'], inc: { objective: number; regions: string[] } | null): HighsOutcome =>
    ({ status, objective: inc?.objective ?? null, regions: inc?.regions ?? [], ms: performance.now() - t0, rounds, cuts });
  /** Collects the separator cuts violated by an integer solution; returns true when it is connected. */
  const separate = (x: ArrayLike<number>, objective: number): boolean => {
    const chosen: number[] = [];
    for (let i = 0; i < n; i++) if ((x[i] ?? 0) > 0.5) chosen.push(i);
    const comps = request.contiguous ? componentsOf(chosen, adj) : [chosen];
    if (comps.length <= 1) {
      if (chosen.length > 0 && (!best || objective < best.objective)) best = { objective, regions: chosen.map((i) => regions[i]!.code) };
      return true;
    }
    for (const c of comps) {
      for (const d of comps) {
        if (c === d) continue;
        // D lies in one component of G − N(C), so one minimal separator serves every (a, b)
        const sep = minimalSeparator(c, d[0]!, adj, n);
        for (const a of c) {
          for (const b of d) {
            const key = `${a}|${b}|${sep.join(',')}`;
            if (seenCuts.has(key)) continue;
            seenCuts.add(key);
            pending.push({ indices: [a, b, ...sep], values: [1, 1, ...sep.map(() => -1)] });
          }
        }
      }
    }
    return false;
  };
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-7 });
    for (;;) {
      const remaining = timeLimitSec - (performance.now() - t0) / 1000;
      if (remaining <= 0) return done(best ? 'feasible' : 'timeout', best);
      model.options.set('time_limit', remaining);
      // every incumbent HiGHS finds during the round contributes its violated cuts
      model.run({
        [highs.constants.callbackType.mipSolution](event) {
          const x = event.data.mip_solution;
          if (x) separate(x, event.data.objective_function_value ?? Number.POSITIVE_INFINITY);
        },
      });
      rounds++;
      const status = model.getModelStatus();
      if (status === ms.infeasible) return best ? done('optimal', best) : done('infeasible', null);
      if (status !== ms.optimal) return done(best ? 'feasible' : 'timeout', best);
      const objective = model.getObjectiveValue();
      if (separate(model.getSolution().colValue, objective)) {
        return done('optimal', { objective, regions: regions.filter((_, i) => (model.getSolution().colValue[i] ?? 0) > 0.5).map((r) => r.code) });
      }
      for (const row of pending) model.addRow(-highs.infinity, 1, row);
      cuts += pending.length;
      pending = [];
    }
  } finally {
    model.dispose();
  }
}

function componentsOf(chosen: number[], adj: number[][]): number[][] {
  const set = new Set(chosen);
  const seen = new Set<number>();
  const out: number[][] = [];
  for (const s of chosen) {
    if (seen.has(s)) continue;
    const comp = [s];
    seen.add(s);
    for (let h = 0; h < comp.length; h++) {
      for (const w of adj[comp[h]!]!) {
        if (set.has(w) && !seen.has(w)) {
          seen.add(w);
          comp.push(w);
        }
      }
    }
    out.push(comp.sort((a, b) => a - b));
  }
  return out;
}

/** N(C) reduced to the vertices adjacent to the part of G − N(C) that contains b. */
function minimalSeparator(c: number[], b: number, adj: number[][], n: number): number[] {
  const inC = new Uint8Array(n);
  for (const v of c) inC[v] = 1;
  const inN = new Uint8Array(n);
  for (const v of c) for (const w of adj[v]!) if (!inC[w]) inN[w] = 1;
  const reach = new Uint8Array(n);
  reach[b] = 1;
  const queue = [b];
  for (let h = 0; h < queue.length; h++) {
    for (const w of adj[queue[h]!]!) {
      if (!reach[w] && !inN[w] && !inC[w]) {
        reach[w] = 1;
        queue.push(w);
      }
    }
  }
  const sep: number[] = [];
  for (let v = 0; v < n; v++) {
    if (!inN[v]) continue;
    if (adj[v]!.some((w) => reach[w])) sep.push(v);
  }
  return sep;
}

// ------------------------------------------------------------------ worker plumbing

interface Job {
  id: number;
  request: PlanningRequest;
  timeLimitSec: number;
}

export interface HighsWorker {
  solve(request: PlanningRequest, timeLimitSec: number): Promise<HighsOutcome>;
  close(): Promise<void>;
}

/** Starts a worker thread running HiGHS; solves are queued one at a time. */
export function startHighsWorker(): HighsWorker {
  // Worker threads do not inherit the tsx loader: register it, then load this file.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(import.meta.url)});`;
  // (execArgv is not inherited: the parent's --import flags may name .ts files)
  const worker = new Worker(new URL('data:text/javascript,' + encodeURIComponent(entry)), { workerData: { plannerHighs: true }, execArgv: [] });
  let next = 0;
  const pending = new Map<number, { resolve: (o: HighsOutcome) => void; reject: (e: unknown) => void }>();
  worker.on('message', (msg: { id: number; outcome?: HighsOutcome; error?: string }) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.outcome) p.resolve(msg.outcome);
    else p.reject(new Error(msg.error ?? 'highs worker failed'));
  });
  worker.on('error', (err) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  });
  return {
    solve(request, timeLimitSec) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request, timeLimitSec } satisfies Job);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

if (!isMainThread && (workerData as { plannerHighs?: boolean } | null)?.plannerHighs) {
  const highsPromise = loadHighs();
  parentPort!.on('message', (job: Job) => {
    highsPromise
      .then((highs) => parentPort!.postMessage({ id: job.id, outcome: solveWithHighs(highs, job.request, job.timeLimitSec) }))
      .catch((err: unknown) => parentPort!.postMessage({ id: job.id, error: String(err) }));
  });
}
