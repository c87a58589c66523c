// Exact branch-and-bound over sets of regions.
//
// A node fixes some regions IN and some OUT. It is a leaf when IN meets every need; only
// irredundant leaves (no non-included region can be dropped) are answers, so alternatives
// are genuinely different consortia rather than the best set plus a useless region.
// Branching is binary (take v / forbid v), so every set is reached at most once:
//   - without contiguity, v is a host of the uncovered need with the fewest usable hosts;
//   - with contiguity, v is a frontier region (adjacent to IN), so IN stays connected and
//     every connected set is enumerated once; while IN is empty, v is a host of the most
//     constrained need (a "root"), and forbidding it removes it from the rest of the search.
// Bounds at each node (all valid lower bounds on what the subtree can still achieve):
//   - per need: enough usable capacity left, and the fewest regions that can reach the
//     residual (largest contributions first) — against k and the count objective;
//   - with contiguity: regions further than k-|IN| hops are unusable; every need must be
//     reached by a path, so the hop / weighted distance to its nearest host bounds count/cost;
//   - a Lagrangian covering bound: prices y on the residual needs, the k cheapest negative
//     reduced costs, improved by a few subgradient steps warm-started from the parent.
// Objectives compare as (primary, tie-break) pairs; pruning is against the k-th best answer.

import { EPS, meets, sameValue, type Instance } from './model.ts';

export interface FoundSet {
  /** Active-region indices, ascending (= codes ascending). */
  members: number[];
  p: number;
  s: number;
  count: number;
  cost: number;
}

export interface SearchOptions {
  /** Answers to keep: 1 + alternatives. */
  capacity: number;
  deadline: number;
  now: () => number;
  /** Stop at the first answer (feasibility checks). */
  stopAtFirst?: boolean;
}

export interface SearchOutcome {
  pool: FoundSet[];
  /** The whole tree was explored (or pruned): the pool is exactly the top answers. */
  complete: boolean;
  /** Lower bound on the optimal primary objective (Infinity when proven infeasible). */
  bound: number;
  nodes: number;
}

const INF = Number.POSITIVE_INFINITY;

function tol(x: number): number {
  return EPS * Math.max(1, Math.abs(x));
}

export function compareFound(a: FoundSet, b: FoundSet): number {
  if (!sameValue(a.p, b.p)) return a.p - b.p;
  if (!sameValue(a.s, b.s)) return a.s - b.s;
  const n = Math.min(a.members.length, b.members.length);
  for (let i = 0; i < n; i++) {
    const d = a.members[i]! - b.members[i]!;
    if (d !== 0) return d;
  }
  return a.members.length - b.members.length;
}

class MinHeap {
  v: Int32Array;
  k: Float64Array;
  size = 0;
  constructor(cap: number) {
    this.v = new Int32Array(cap);
    this.k = new Float64Array(cap);
  }
  push(v: number, key: number): void {
    if (this.size === this.v.length) {
      const nv = new Int32Array(this.v.length * 2);
      nv.set(this.v);
      const nk = new Float64Array(this.k.length * 2);
      nk.set(this.k);
      this.v = nv;
      this.k = nk;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.k[p]! <= key) break;
      this.v[i] = this.v[p]!;
      this.k[i] = this.k[p]!;
      i = p;
    }
    this.v[i] = v;
    this.k[i] = key;
  }
  /** Pops the minimum; returns its vertex and leaves its key in `lastKey`. */
  lastKey = 0;
  pop(): number {
    const top = this.v[0]!;
    this.lastKey = this.k[0]!;
    const n = --this.size;
    if (n > 0) {
      const lv = this.v[n]!;
      const lk = this.k[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && this.k[c + 1]! < this.k[c]!) c++;
        if (this.k[c]! >= lk) break;
        this.v[i] = this.v[c]!;
        this.k[i] = this.k[c]!;
        i = c;
      }
      this.v[i] = lv;
      this.k[i] = lk;
    }
    return top;
  }
}

export class Search {
  private readonly I: Instance;
  private readonly opts: SearchOptions;
  private readonly n: number;
  private readonly E: number;
  private readonly wc: number;
  private readonly wk: number;
  private readonly primaryIntegral: boolean;

  // state
  private readonly st: Int8Array; // 0 free, 1 in, 2 out
  private readonly inList: Int32Array;
  private inCount = 0;
  private readonly cov: Float64Array;
  private readonly res: Float64Array;
  private uncovered = 0;
  private pIn = 0;
  private sIn = 0;

  // scratch
  private readonly U: Int32Array;
  private uCount = 0;
  private readonly uMark: Int32Array;
  private stamp = 0;
  private readonly hop: Int32Array;
  private readonly dist: Float64Array;
  private readonly firstHop: Int32Array;
  private readonly queue: Int32Array;
  private readonly heap: MinHeap;
  private readonly rc: Float64Array;
  private readonly neg: Int32Array;
  private readonly grad: Float64Array;
  private readonly bestY: Float64Array;
  private readonly yP: Float64Array[] = [];
  private readonly yS: Float64Array[] = [];
  private readonly elemNearest: Int32Array;
  private readonly pathPos: Float64Array;
  private readonly negOrder: Int32Array;
  private readonly topK: Float64Array;
  private readonly fixStack: Int32Array;
  private fixTop = 0;

  // branching decision of the last bound computation
  private branchV = -1;
  private branchForced = false;

  // results
  readonly pool: FoundSet[] = [];
  private readonly poolKeys = new Set<string>();
  nodes = 0;
  private aborted = false;
  private stopped = false;
  private openLB = INF;
  private heuristicUB = INF;

  constructor(instance: Instance, opts: SearchOptions) {
    this.I = instance;
    this.opts = opts;
    this.n = instance.n;
    this.E = instance.E;
    this.wc = instance.weights.weightCount;
    this.wk = instance.weights.weightCost;
    this.primaryIntegral = this.wk === 0;
    const n = this.n;
    this.st = new Int8Array(n);
    this.inList = new Int32Array(n + 1);
    this.cov = new Float64Array(this.E);
    this.res = new Float64Array(this.E);
    this.U = new Int32Array(n);
    this.uMark = new Int32Array(n);
    this.hop = new Int32Array(n);
    this.dist = new Float64Array(n);
    this.firstHop = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.heap = new MinHeap(Math.max(16, n + instance.adj.length));
    this.rc = new Float64Array(n);
    this.neg = new Int32Array(n);
    this.grad = new Float64Array(this.E);
    this.bestY = new Float64Array(this.E);
    this.elemNearest = new Int32Array(this.E);
    this.pathPos = new Float64Array(n);
    this.negOrder = new Int32Array(n);
    this.topK = new Float64Array(n + 1);
    this.fixStack = new Int32Array(n + 1);
    for (let e = 0; e < this.E; e++) this.res[e] = instance.elemMin[e]!;
    this.uncovered = this.E;
  }

  // ---------------------------------------------------------------- state changes

  private add(v: number): void {
    const I = this.I;
    this.st[v] = 1;
    this.inList[this.inCount++] = v;
    this.pIn += I.wP[v]!;
    this.sIn += I.wS[v]!;
    for (let j = I.vStart[v]!; j < I.vStart[v + 1]!; j++) {
      const e = I.vElem[j]!;
      const before = this.res[e]! > 0;
      this.cov[e] = this.cov[e]! + I.vQ[j]!;
      this.updateRes(e);
      if (before && this.res[e]! <= 0) this.uncovered--;
    }
  }

  private remove(v: number): void {
    const I = this.I;
    this.st[v] = 0;
    this.inCount--;
    this.pIn -= I.wP[v]!;
    this.sIn -= I.wS[v]!;
    for (let j = I.vStart[v]!; j < I.vStart[v + 1]!; j++) {
      const e = I.vElem[j]!;
      const before = this.res[e]! > 0;
      this.cov[e] = this.cov[e]! - I.vQ[j]!;
      this.updateRes(e);
      if (!before && this.res[e]! > 0) this.uncovered++;
    }
    if (this.inCount === 0) {
      this.pIn = 0;
      this.sIn = 0;
    }
  }

  private updateRes(e: number): void {
    const min = this.I.elemMin[e]!;
    const c = this.cov[e]!;
    this.res[e] = meets(c, min) ? 0 : min - c;
  }

  // ---------------------------------------------------------------- pool

  private threshold(): FoundSet | undefined {
    return this.pool.length >= this.opts.capacity ? this.pool[this.opts.capacity - 1] : undefined;
  }

  private record(members: number[]): void {
    const key = members.join(',');
    if (this.poolKeys.has(key)) return;
    const I = this.I;
    let cost = 0;
    for (const v of members) cost += I.cost[v]!;
    const count = members.length;
    const p = this.wc * count + this.wk * cost;
    const s = this.wk === 0 ? cost : count;
    const f: FoundSet = { members, p, s, count, cost };
    const t = this.threshold();
    if (t && compareFound(f, t) >= 0) return;
    let i = this.pool.length;
    while (i > 0 && compareFound(f, this.pool[i - 1]!) < 0) i--;
    this.pool.splice(i, 0, f);
    this.poolKeys.add(key);
    if (this.pool.length > this.opts.capacity) {
      const dropped = this.pool.pop()!;
      this.poolKeys.delete(dropped.members.join(','));
    }
    if (this.opts.stopAtFirst) this.stopped = true;
  }

  /** True when no set with these lower bounds can enter the pool. */
  private prunable(pLB: number, sLB: () => number): boolean {
    const t = this.threshold();
    if (!t) return false;
    if (pLB > t.p + tol(t.p)) return true;
    if (pLB < t.p - tol(t.p)) return false;
    return sLB() >= t.s - tol(t.s);
  }

  // ---------------------------------------------------------------- leaves

  /** IN meets every need: record it when irredundant. */
  private leaf(): void {
    const I = this.I;
    for (let i = 0; i < this.inCount; i++) {
      const v = this.inList[i]!;
      if (I.isInclude[v]) continue;
      let removable = true;
      for (let j = I.vStart[v]!; j < I.vStart[v + 1]!; j++) {
        const e = I.vElem[j]!;
        if (!meets(this.cov[e]! - I.vQ[j]!, I.elemMin[e]!)) {
          removable = false;
          break;
        }
      }
      if (removable && I.contiguous && !this.connectedWithout(v)) removable = false;
      if (removable && this.inCount > 1) return;
    }
    const members = Array.from(this.inList.subarray(0, this.inCount)).sort((a, b) => a - b);
    this.record(members);
  }

  /** Is IN \ {skip} connected (and non-empty)? */
  private connectedWithout(skip: number): boolean {
    const I = this.I;
    const stamp = ++this.stamp;
    let start = -1;
    for (let i = 0; i < this.inCount; i++) {
      if (this.inList[i] !== skip) {
        start = this.inList[i]!;
        break;
      }
    }
    if (start < 0) return false;
    let head = 0;
    let tail = 0;
    this.queue[tail++] = start;
    this.uMark[start] = stamp;
    let seen = 1;
    while (head < tail) {
      const v = this.queue[head++]!;
      for (let j = I.adjStart[v]!; j < I.adjStart[v + 1]!; j++) {
        const w = I.adj[j]!;
        if (w !== skip && this.st[w] === 1 && this.uMark[w] !== stamp) {
          this.uMark[w] = stamp;
          this.queue[tail++] = w;
          seen++;
        }
      }
    }
    return seen === this.inCount - 1;
  }

  // ---------------------------------------------------------------- usable regions

  /**
   * Fills U with the free regions the subtree can still use. With contiguity (IN non-empty)
   * also computes hop counts and weighted distances from IN; regions beyond `Kp` hops or whose
   * path alone exceeds `budget` (the primary objective left before the threshold) are dropped.
   */
  private collectUsable(Kp: number, budget: number): void {
    const I = this.I;
    const n = this.n;
    const stamp = ++this.stamp;
    this.uCount = 0;
    if (!I.contiguous || this.inCount === 0) {
      for (let v = 0; v < n; v++) {
        if (this.st[v] !== 0 || I.wP[v]! > budget) continue;
        if (!I.contiguous) {
          let useful = false;
          for (let j = I.vStart[v]!; j < I.vStart[v + 1]!; j++) {
            if (this.res[I.vElem[j]!]! > 0) {
              useful = true;
              break;
            }
          }
          if (!useful) continue;
        }
        this.uMark[v] = stamp;
        this.U[this.uCount++] = v;
      }
      return;
    }
    // hop-limited BFS from IN over free regions
    let head = 0;
    let tail = 0;
    for (let i = 0; i < this.inCount; i++) {
      const s = this.inList[i]!;
      for (let j = I.adjStart[s]!; j < I.adjStart[s + 1]!; j++) {
        const w = I.adj[j]!;
        if (this.st[w] === 0 && this.uMark[w] !== stamp) {
          this.uMark[w] = stamp;
          this.hop[w] = 1;
          this.firstHop[w] = w;
          this.queue[tail++] = w;
        }
      }
    }
    while (head < tail) {
      const v = this.queue[head++]!;
      this.U[this.uCount++] = v;
      const h = this.hop[v]!;
      if (h >= Kp) continue;
      for (let j = I.adjStart[v]!; j < I.adjStart[v + 1]!; j++) {
        const w = I.adj[j]!;
        if (this.st[w] === 0 && this.uMark[w] !== stamp) {
          this.uMark[w] = stamp;
          this.hop[w] = h + 1;
          this.firstHop[w] = this.firstHop[v]!;
          this.queue[tail++] = w;
        }
      }
    }
    if (this.wk === 0) {
      for (let i = 0; i < this.uCount; i++) {
        const v = this.U[i]!;
        this.dist[v] = this.wc * this.hop[v]!;
      }
    } else {
      // node-weighted Dijkstra (primary weights) over the usable regions
      for (let i = 0; i < this.uCount; i++) this.dist[this.U[i]!] = INF;
      const heap = this.heap;
      heap.size = 0;
      for (let i = 0; i < this.uCount; i++) {
        const v = this.U[i]!;
        if (this.hop[v] === 1) {
          this.dist[v] = I.wP[v]!;
          heap.push(v, this.dist[v]!);
        }
      }
      while (heap.size > 0) {
        const v = heap.pop();
        const d = heap.lastKey;
        if (d > this.dist[v]!) continue;
        for (let j = I.adjStart[v]!; j < I.adjStart[v + 1]!; j++) {
          const w = I.adj[j]!;
          if (this.uMark[w] !== stamp || this.st[w] !== 0) continue;
          const nd = d + I.wP[w]!;
          if (nd < this.dist[w]!) {
            this.dist[w] = nd;
            this.firstHop[w] = this.firstHop[v]!;
            heap.push(w, nd);
          }
        }
      }
    }
    if (budget < INF) {
      // a region whose cheapest path from IN already exceeds the budget is of no use
      let k = 0;
      for (let i = 0; i < this.uCount; i++) {
        const v = this.U[i]!;
        if (this.dist[v]! <= budget) this.U[k++] = v;
        else this.uMark[v] = 0;
      }
      this.uCount = k;
    }
  }

  // ---------------------------------------------------------------- bounds

  private yAt(list: Float64Array[], depth: number): Float64Array {
    let y = list[depth];
    if (!y) {
      y = new Float64Array(this.E);
      list[depth] = y;
    }
    return y;
  }

  /**
   * Lagrangian covering bound over U with at most `cap` more regions, weights `w`.
   * `y` is warm-started and left at the best multipliers found. Returns the bound on the
   * extra objective (beyond IN). Stops early once `stopAt` is reached.
   */
  private lagrangian(w: Float64Array, y: Float64Array, cap: number, iters: number, target: number, stopAt: number): number {
    const I = this.I;
    const E = this.E;
    const res = this.res;
    let best = -INF;
    let lambda = 1.5;
    let sinceImprove = 0;
    for (let it = 0; it < iters; it++) {
      let L = 0;
      for (let e = 0; e < E; e++) if (res[e]! > 0) L += y[e]! * res[e]!;
      let negCount = 0;
      for (let i = 0; i < this.uCount; i++) {
        const v = this.U[i]!;
        let r = w[v]!;
        for (let j = I.vStart[v]!; j < I.vStart[v + 1]!; j++) {
          const e = I.vElem[j]!;
          const re = res[e]!;
          if (re > 0) {
            const q = I.vQ[j]!;
            r -= y[e]! * (q < re ? q : re);
          }
        }
        this.rc[v] = r;
        if (r < 0) this.neg[negCount++] = v;
      }
      const take = negCount <= cap ? negCount : this.selectMostNegative(negCount, cap);
      for (let i = 0; i < take; i++) L += this.rc[this.neg[i]!]!;
      if (L > best + 1e-12) {
        best = L;
        this.bestY.set(y);
        sinceImprove = 0;
      } else if (++sinceImprove >= 2) {
        lambda *= 0.5;
        sinceImprove = 0;
      }
      if (best >= stopAt || it === iters - 1) break;
      // subgradient
      let norm = 0;
      for (let e = 0; e < E; e++) this.grad[e] = res[e]! > 0 ? res[e]! : 0;
      for (let i = 0; i < take; i++) {
        const v = this.neg[i]!;
        for (let j = I.vStart[v]!; j < I.vStart[v + 1]!; j++) {
          const e = I.vElem[j]!;
          const re = res[e]!;
          if (re > 0) {
            const q = I.vQ[j]!;
            this.grad[e] = this.grad[e]! - (q < re ? q : re);
          }
        }
      }
      for (let e = 0; e < E; e++) {
        if (res[e]! <= 0) {
          this.grad[e] = 0;
          continue;
        }
        if (y[e]! <= 0 && this.grad[e]! < 0) this.grad[e] = 0;
        norm += this.grad[e]! * this.grad[e]!;
      }
      if (norm < 1e-18) break;
      const gapT = Math.max(target - L, 1e-6 * Math.max(1, Math.abs(L)));
      const step = (lambda * gapT) / norm;
      for (let e = 0; e < E; e++) {
        if (res[e]! <= 0) y[e] = 0;
        else {
          const ny = y[e]! + step * this.grad[e]!;
          y[e] = ny > 0 ? ny : 0;
        }
      }
    }
    y.set(this.bestY);
    // reduced costs at the best multipliers, for branching
    for (let i = 0; i < this.uCount; i++) {
      const v = this.U[i]!;
      let r = w[v]!;
      for (let j = I.vStart[v]!; j < I.vStart[v + 1]!; j++) {
        const e = I.vElem[j]!;
        const re = res[e]!;
        if (re > 0) {
          const q = I.vQ[j]!;
          r -= y[e]! * (q < re ? q : re);
        }
      }
      this.rc[v] = r;
    }
    return best > 0 ? best : 0;
  }

  /**
   * Connectivity-aware value of the current multipliers (reduced costs in `rc`, IN non-empty,
   * contiguous): a connected extension T must contain a path from IN to each of its regions,
   * so Σ_T rc >= Σ_{N} rc + max_{v∈N} path⁺(v), where N are T's negative regions and path⁺(v)
   * sums max(rc, 0) over the regions strictly between IN and v. Minimising over the largest
   * path⁺ (τ) and the `cap` most negative regions with path⁺ <= τ gives a bound >= the plain one.
   */
  private connectedValue(y: Float64Array, cap: number): number {
    const I = this.I;
    const stamp = this.stamp;
    const pos = this.pathPos;
    const heap = this.heap;
    heap.size = 0;
    for (let i = 0; i < this.uCount; i++) {
      const v = this.U[i]!;
      pos[v] = INF;
      if (this.hop[v] === 1) {
        const r = this.rc[v]!;
        pos[v] = r > 0 ? r : 0;
        heap.push(v, pos[v]!);
      }
    }
    while (heap.size > 0) {
      const v = heap.pop();
      const d = heap.lastKey;
      if (d > pos[v]!) continue;
      for (let j = I.adjStart[v]!; j < I.adjStart[v + 1]!; j++) {
        const w = I.adj[j]!;
        if (this.uMark[w] !== stamp || this.st[w] !== 0) continue;
        const r = this.rc[w]!;
        const nd = d + (r > 0 ? r : 0);
        if (nd < pos[w]!) {
          pos[w] = nd;
          heap.push(w, nd);
        }
      }
    }
    let base = 0;
    for (let e = 0; e < this.E; e++) if (this.res[e]! > 0) base += y[e]! * this.res[e]!;
    let negCount = 0;
    for (let i = 0; i < this.uCount; i++) {
      const v = this.U[i]!;
      if (this.rc[v]! < 0 && pos[v]! < INF) this.negOrder[negCount++] = v;
    }
    if (negCount === 0) return base;
    // negative regions by path⁺ (their own rc is negative, so path⁺ = pos)
    const order = Array.from(this.negOrder.subarray(0, negCount)).sort((a, b) => pos[a]! - pos[b]! || a - b);
    let best = 0; // N empty
    const top = this.topK; // ascending most-negative values kept (size <= cap)
    let kept = 0;
    let sum = 0;
    for (let i = 0; i < order.length; i++) {
      const v = order[i]!;
      const r = this.rc[v]!;
      if (kept < cap) {
        let j = kept++;
        while (j > 0 && top[j - 1]! > r) {
          top[j] = top[j - 1]!;
          j--;
        }
        top[j] = r;
        sum += r;
      } else if (cap > 0 && r < top[kept - 1]!) {
        sum += r - top[kept - 1]!;
        let j = kept - 1;
        while (j > 0 && top[j - 1]! > r) {
          top[j] = top[j - 1]!;
          j--;
        }
        top[j] = r;
      }
      const next = order[i + 1];
      if (next !== undefined && pos[next]! === pos[v]!) continue;
      const value = pos[v]! + sum;
      if (value < best) best = value;
    }
    return base + best;
  }

  /** Moves the `cap` most negative reduced costs to the front of neg[0..count). */
  private selectMostNegative(count: number, cap: number): number {
    const neg = this.neg;
    const rc = this.rc;
    if (cap <= 0) return 0;
    if (cap <= 8) {
      for (let i = 0; i < cap; i++) {
        let bi = i;
        for (let j = i + 1; j < count; j++) if (rc[neg[j]!]! < rc[neg[bi]!]!) bi = j;
        const t = neg[i]!;
        neg[i] = neg[bi]!;
        neg[bi] = t;
      }
      return cap;
    }
    const arr = Array.from(neg.subarray(0, count)).sort((a, b) => rc[a]! - rc[b]!);
    for (let i = 0; i < cap; i++) neg[i] = arr[i]!;
    return cap;
  }

  /** Initial multipliers: dual-feasible prices (no reduced cost below zero). */
  private initY(w: Float64Array, y: Float64Array): void {
    const I = this.I;
    const E = this.E;
    y.fill(0);
    // normalised coverage of each usable region
    for (let e = 0; e < E; e++) {
      const re = this.res[e]!;
      if (re <= 0) continue;
      let best = INF;
      for (let j = I.eStart[e]!; j < I.eStart[e + 1]!; j++) {
        const v = I.eHost[j]!;
        if (this.uMark[v] !== this.stamp || this.st[v] !== 0) continue;
        let F = 0;
        for (let t = I.vStart[v]!; t < I.vStart[v + 1]!; t++) {
          const f = I.vElem[t]!;
          const rf = this.res[f]!;
          if (rf > 0) F += Math.min(I.vQ[t]!, rf) / rf;
        }
        const price = w[v]! / (F * re);
        if (price < best) best = price;
      }
      y[e] = best === INF ? 0 : best;
    }
  }

  /**
   * Computes the node's lower bound (absolute primary objective). Returns INF when the node
   * is infeasible or prunable. With `forBranching`, also forbids regions by reduced-cost
   * fixing (undone by the caller) and sets the branching decision.
   */
  private bound(depth: number, forBranching: boolean): number {
    const I = this.I;
    const E = this.E;
    const t = this.threshold();
    let Kp = I.K - this.inCount;
    // answers that can still enter the pool have primary <= t.p, hence count <= t.p / weightCount
    if (t && this.wc > 0) Kp = Math.min(Kp, Math.floor(t.p / this.wc + 1e-9) - this.inCount);
    if (Kp <= 0) return INF;
    const budget = t ? t.p - this.pIn + tol(t.p) : INF;
    this.collectUsable(Kp, budget);
    const stamp = this.stamp;
    const contiguousIn = I.contiguous && this.inCount > 0;

    let countLB = 0;
    let pathLB = 0;
    let bestElem = -1;
    let bestElemHosts = INF;
    let bottleneck = -1;
    let bottleneckDist = -1;
    let bottleneckHosts = INF;
    for (let e = 0; e < E; e++) {
      const re = this.res[e]!;
      if (re <= 0) continue;
      let sum = 0;
      let need = 0;
      let hosts = 0;
      let minHop = 1 << 30;
      let minDist = INF;
      let nearest = -1;
      for (let j = I.eStart[e]!; j < I.eStart[e + 1]!; j++) {
        const v = I.eHost[j]!;
        if (this.uMark[v] !== stamp) continue;
        hosts++;
        if (!meets(sum, re)) {
          const q = I.eQ[j]!;
          sum += q < re ? q : re;
          need++;
        }
        if (contiguousIn) {
          if (this.hop[v]! < minHop) minHop = this.hop[v]!;
          const d = this.dist[v]!;
          if (d < minDist || (d === minDist && v < nearest)) {
            minDist = d;
            nearest = v;
          }
        }
      }
      if (!meets(sum, re)) return INF;
      if (need > countLB) countLB = need;
      if (contiguousIn) {
        if (minHop > countLB) countLB = minHop;
        if (minDist > pathLB) pathLB = minDist;
        this.elemNearest[e] = nearest;
        if (minDist > bottleneckDist || (minDist === bottleneckDist && hosts < bottleneckHosts)) {
          bottleneckDist = minDist;
          bottleneck = e;
          bottleneckHosts = hosts;
        }
      }
      if (hosts < bestElemHosts) {
        bestElemHosts = hosts;
        bestElem = e;
      }
    }
    if (countLB > Kp) return INF;
    const wc = this.wc;
    let extra = Math.max(wc * countLB, pathLB);
    const sLBcheap = (): number => (this.wk === 0 ? this.sIn : this.inCount + countLB);
    if (this.prunable(this.pIn + extra, sLBcheap)) return INF;

    // Lagrangian bound on the primary objective
    const y = this.yAt(this.yP, depth);
    if (depth === 0 || !this.yP[depth - 1]) this.initY(I.wP, y);
    else y.set(this.yP[depth - 1]!);
    const targetAbs = t ? t.p : this.heuristicUB;
    const target = Number.isFinite(targetAbs) ? targetAbs - this.pIn : Math.max(1, extra) * 2;
    const stopAt = t ? t.p - this.pIn + tol(t.p) * 2 : INF;
    const iters = depth === 0 ? 60 : 12;
    const plain = this.lagrangian(I.wP, y, Kp, iters, target, stopAt);
    let lag = plain;
    if (contiguousIn && lag < stopAt) {
      const c = this.connectedValue(y, Kp);
      if (c > lag) lag = c;
    }
    if (lag > extra) extra = lag;
    if (this.primaryIntegral && wc > 0) extra = wc * Math.ceil(extra / wc - 1e-7);
    const pLB = this.pIn + extra;
    if (this.prunable(pLB, () => this.secondaryBound(depth, Kp, countLB))) return INF;
    if (!forBranching) return pLB;

    // reduced-cost fixing: forcing v in costs at least plain + rc[v] (rc[v] >= 0)
    if (t) {
      const limit = t.p - this.pIn + tol(t.p);
      for (let i = 0; i < this.uCount; i++) {
        const v = this.U[i]!;
        const r = this.rc[v]!;
        if (r >= 0 && plain + r > limit && !I.isInclude[v]) {
          this.st[v] = 2;
          this.fixStack[this.fixTop++] = v;
        }
      }
    }

    // branching decision (skipping regions just fixed out)
    this.branchV = -1;
    this.branchForced = false;
    if (contiguousIn) {
      let bestF = -1;
      let anyF = -1;
      for (let i = 0; i < this.uCount; i++) {
        const v = this.U[i]!;
        if (this.hop[v] !== 1 || this.st[v] !== 0) continue;
        if (I.isInclude[v]) {
          this.branchV = v;
          this.branchForced = true;
          return pLB;
        }
        if (anyF < 0 || this.rc[v]! < this.rc[anyF]!) anyF = v;
        if (this.rc[v]! < -1e-12 && (bestF < 0 || this.rc[v]! < this.rc[bestF]!)) bestF = v;
      }
      if (bestF >= 0) this.branchV = bestF;
      else {
        const near = bottleneck >= 0 ? this.elemNearest[bottleneck]! : -1;
        const f = near >= 0 ? this.firstHop[near]! : -1;
        this.branchV = f >= 0 && this.st[f] === 0 ? f : anyF;
      }
      return pLB;
    }
    if (bestElem < 0) return pLB;
    let bv = -1;
    for (let j = I.eStart[bestElem]!; j < I.eStart[bestElem + 1]!; j++) {
      const v = I.eHost[j]!;
      if (this.uMark[v] !== stamp || this.st[v] !== 0) continue;
      if (bv < 0 || this.rc[v]! < this.rc[bv]! - 1e-12) bv = v;
    }
    this.branchV = bv;
    return pLB;
  }

  /** Lower bound on the tie-break value of any answer in the subtree whose primary equals the threshold. */
  private secondaryBound(depth: number, Kp: number, countExtra: number): number {
    if (this.wk !== 0) return this.inCount + countExtra;
    // tie-break is cost; answers tying the threshold have count <= threshold count
    const t = this.threshold();
    let cap = Kp;
    if (t && this.wc > 0) cap = Math.min(cap, Math.floor(t.p / this.wc + 1e-7) - this.inCount);
    if (cap < countExtra) return INF;
    const y = this.yAt(this.yS, depth);
    if (depth === 0 || !this.yS[depth - 1]) this.initY(this.I.cost, y);
    else y.set(this.yS[depth - 1]!);
    const target = t ? t.s - this.sIn : INF;
    const stopAt = t ? t.s - this.sIn + tol(t.s) : INF;
    // keep the primary reduced costs intact for branching
    const saved = Float64Array.from(this.rc);
    const lag = this.lagrangian(this.I.cost, y, cap, depth === 0 ? 40 : 10, Number.isFinite(target) ? target : 1, stopAt);
    this.rc.set(saved);
    return this.sIn + lag;
  }

  // ---------------------------------------------------------------- search

  private visit(depth: number, parentLB: number): void {
    if (this.stopped) return;
    this.nodes++;
    if ((this.nodes & 7) === 0 && this.opts.now() > this.opts.deadline) this.aborted = true;
    if (this.aborted) {
      if (parentLB < this.openLB) this.openLB = parentLB;
      return;
    }
    if (this.uncovered === 0 && this.inCount > 0) {
      this.leaf();
      return;
    }
    const fixBase = this.fixTop;
    const lb = this.bound(depth, true);
    if (lb !== INF && this.branchV >= 0) this.branch(depth, lb);
    while (this.fixTop > fixBase) this.st[this.fixStack[--this.fixTop]!] = 0;
  }

  private branch(depth: number, lb: number): void {
    const v = this.branchV;
    if (this.branchForced) {
      this.add(v);
      this.visit(depth + 1, lb);
      this.remove(v);
      return;
    }
    this.add(v);
    this.visit(depth + 1, lb);
    this.remove(v);
    if (this.stopped) return;
    this.st[v] = 2;
    if (this.aborted) {
      // the forbid-v branch stays open: bound it for the gap
      const b = this.bound(depth + 1, false);
      if (b < this.openLB) this.openLB = b;
    } else {
      this.visit(depth + 1, lb);
    }
    this.st[v] = 0;
  }

  // ---------------------------------------------------------------- heuristics

  /** Drops redundant non-included regions (heaviest first), keeping coverage and connectivity. */
  private reduce(): void {
    const I = this.I;
    const order = Array.from(this.inList.subarray(0, this.inCount)).sort((a, b) => I.wP[b]! - I.wP[a]! || I.wS[b]! - I.wS[a]! || b - a);
    for (const v of order) {
      if (I.isInclude[v] || this.inCount <= 1) continue;
      let removable = true;
      for (let j = I.vStart[v]!; j < I.vStart[v + 1]!; j++) {
        const e = I.vElem[j]!;
        if (!meets(this.cov[e]! - I.vQ[j]!, I.elemMin[e]!)) {
          removable = false;
          break;
        }
      }
      if (removable && I.contiguous && !this.connectedWithout(v)) removable = false;
      if (removable) this.removeAnywhere(v);
    }
  }

  private removeAnywhere(v: number): void {
    let idx = -1;
    for (let i = 0; i < this.inCount; i++) if (this.inList[i] === v) idx = i;
    if (idx < 0) return;
    // move v to the end of inList, then remove
    this.inList[idx] = this.inList[this.inCount - 1]!;
    this.inList[this.inCount - 1] = v;
    this.remove(v);
  }

  private clearIn(): void {
    while (this.inCount > 0) this.remove(this.inList[this.inCount - 1]!);
  }

  private coverageValue(v: number): number {
    const I = this.I;
    let F = 0;
    for (let j = I.vStart[v]!; j < I.vStart[v + 1]!; j++) {
      const e = I.vElem[j]!;
      const re = this.res[e]!;
      if (re > 0) F += Math.min(I.vQ[j]!, re) / I.elemMin[e]!;
    }
    return F;
  }

  /** Greedy covers (and greedy path-growing covers with contiguity) as first incumbents. */
  private heuristics(): void {
    const I = this.I;
    const n = this.n;
    if (!I.contiguous) {
      for (const s of I.start) this.add(s);
      while (this.uncovered > 0) {
        let best = -1;
        let bestScore = INF;
        for (let v = 0; v < n; v++) {
          if (this.st[v] !== 0) continue;
          const F = this.coverageValue(v);
          if (F <= 0) continue;
          const score = (I.wP[v]! + 1e-9 * I.wS[v]!) / F;
          if (score < bestScore) {
            bestScore = score;
            best = v;
          }
        }
        if (best < 0) break;
        this.add(best);
      }
      if (this.uncovered === 0) {
        this.reduce();
        if (this.inCount <= I.K) this.leafFromHeuristic();
      }
      this.clearIn();
      return;
    }
    // contiguous: grow from a few roots along cheapest paths
    let roots: number[];
    if (I.start.length > 0) roots = [...I.start];
    else {
      let bestE = -1;
      let bestHosts = INF;
      for (let e = 0; e < this.E; e++) {
        const h = I.eStart[e + 1]! - I.eStart[e]!;
        if (h < bestHosts) {
          bestHosts = h;
          bestE = e;
        }
      }
      if (bestE < 0) return;
      const hosts: number[] = [];
      for (let j = I.eStart[bestE]!; j < I.eStart[bestE + 1]!; j++) hosts.push(I.eHost[j]!);
      hosts.sort((a, b) => I.wP[a]! / Math.max(1e-12, this.coverageValue(a)) - I.wP[b]! / Math.max(1e-12, this.coverageValue(b)) || a - b);
      roots = hosts.slice(0, 6);
    }
    const dist = new Float64Array(n);
    const parent = new Int32Array(n);
    for (const root of roots) {
      // the first root always completes (at most n shortest-path runs): a time-limited
      // request gets an answer whenever the greedy finds one
      const first = root === roots[0];
      if (!first && this.opts.now() > this.opts.deadline) break;
      this.add(root);
      let ok = true;
      while (this.uncovered > 0) {
        if (!first && this.opts.now() > this.opts.deadline) {
          ok = false;
          break;
        }
        // Dijkstra from IN over all free regions (primary weights)
        dist.fill(INF);
        parent.fill(-1);
        const heap = this.heap;
        heap.size = 0;
        for (let i = 0; i < this.inCount; i++) {
          const s = this.inList[i]!;
          for (let j = I.adjStart[s]!; j < I.adjStart[s + 1]!; j++) {
            const w = I.adj[j]!;
            if (this.st[w] === 0 && I.wP[w]! + 1e-9 < dist[w]!) {
              dist[w] = I.wP[w]! + 1e-9;
              parent[w] = -1;
              heap.push(w, dist[w]!);
            }
          }
        }
        let best = -1;
        let bestScore = INF;
        while (heap.size > 0) {
          const v = heap.pop();
          const d = heap.lastKey;
          if (d > dist[v]!) continue;
          const F = this.coverageValue(v);
          if (F > 0) {
            const score = d / F;
            if (score < bestScore) {
              bestScore = score;
              best = v;
            }
          }
          for (let j = I.adjStart[v]!; j < I.adjStart[v + 1]!; j++) {
            const w = I.adj[j]!;
            if (this.st[w] !== 0) continue;
            const nd = d + I.wP[w]! + 1e-9;
            if (nd < dist[w]!) {
              dist[w] = nd;
              parent[w] = v;
              heap.push(w, nd);
            }
          }
        }
        if (best < 0) {
          ok = false;
          break;
        }
        for (let v = best; v >= 0; v = parent[v]!) this.add(v);
      }
      if (ok && this.uncovered === 0) {
        this.reduce();
        if (this.inCount <= I.K) this.leafFromHeuristic();
      }
      this.clearIn();
    }
  }

  private leafFromHeuristic(): void {
    this.leaf();
    const best = this.pool[0];
    if (best && best.p < this.heuristicUB) this.heuristicUB = best.p;
  }

  run(): SearchOutcome {
    const I = this.I;
    this.heuristics();
    if (!(this.opts.stopAtFirst && this.pool.length > 0)) {
      this.stopped = false;
      for (const s of I.start) this.add(s);
      this.visit(0, 0);
    }
    const best = this.pool[0];
    const bestP = best ? best.p : INF;
    const complete = !this.aborted || (this.opts.stopAtFirst === true && this.pool.length > 0);
    const bound = this.aborted ? Math.min(bestP, this.openLB) : bestP;
    return { pool: this.pool, complete, bound, nodes: this.nodes };
  }
}

export function runSearch(instance: Instance, opts: SearchOptions): SearchOutcome {
  return new Search(instance, opts).run();
}
