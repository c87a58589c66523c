// Parses that cannot be bounded on the request thread (inflating and reading an XLSX file) run in worker threads: a
// heap of at most INPUT_PARSE_MEMORY_MB each, one parse at a time per worker, a few workers at most, a worker that
// overruns INPUT_PARSE_TIME_MS or its heap terminated (and replaced when next needed); the request thread keeps
// answering meanwhile (docs/decisions/0021-bounded-parsing.md). An idle worker is kept warm for a while, so a parse does
// not pay a worker's start-up (loading the TypeScript sources) every time.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputLimitExceeded, type InputLimits } from '../../domain/input-limits.ts';
import type { ParseJob, ParseOutcome, ParseTask } from './parse-worker.ts';

/** The file is not readable as the format the task reads. */
export class Unreadable extends Error {}

// Worker threads do not inherit the tsx loader: register it, then load the task module (as the planner's worker does).
const ENTRY = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(new URL('./parse-worker.ts', import.meta.url).href)});`;
const BOOT = new URL(`data:text/javascript,${encodeURIComponent(ENTRY)}`);

const MAX_WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** An idle worker is stopped after this long, and any worker after this many parses (its heap starts afresh). */
const IDLE_MS = 60_000;
const JOBS_PER_WORKER = 100;

interface Pooled { worker: Worker; memoryMb: number; jobs: number; idleTimer: NodeJS.Timeout | null }

const idle: Pooled[] = [];
let running = 0;
const waiting: (() => void)[] = [];

function spawn(memoryMb: number): Pooled {
  const worker = new Worker(BOOT, {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(16, memoryMb), stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  return { worker, memoryMb, jobs: 0, idleTimer: null };
}

function take(memoryMb: number): Pooled {
  const at = idle.findIndex((p) => p.memoryMb === memoryMb);
  if (at < 0) return spawn(memoryMb);
  const [pooled] = idle.splice(at, 1);
  clearTimeout(pooled!.idleTimer!);
  return pooled!;
}

function putBack(pooled: Pooled): void {
  pooled.jobs += 1;
  if (pooled.jobs >= JOBS_PER_WORKER) { void pooled.worker.terminate(); return; }
  pooled.idleTimer = setTimeout(() => {
    idle.splice(idle.indexOf(pooled), 1);
    void pooled.worker.terminate();
  }, IDLE_MS).unref();
  idle.push(pooled);
}

async function slot(): Promise<() => void> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

function runJob(job: ParseJob): Promise<ParseOutcome> {
  const { limits } = job;
  const pooled = take(limits.parseMemoryMb);
  const { worker } = pooled;
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    const stop = (error: Error): void => {
      done();
      void worker.terminate();
      reject(error);
    };
    const onMessage = (outcome: ParseOutcome): void => {
      done();
      putBack(pooled);
      resolve(outcome);
    };
    const onError = (error: Error & { code?: string }): void => stop(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new InputLimitExceeded('parse-memory', limits.parseMemoryMb) : error);
    const onExit = (code: number): void => stop(new Error(`parse worker exited with code ${code} before answering`));
    const timer = setTimeout(() => stop(new InputLimitExceeded('parse-time', limits.parseTimeMs)), limits.parseTimeMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job);
  });
}

/** Runs `task` on `bytes` in a worker within `limits`; throws InputLimitExceeded or Unreadable. */
export async function parseOffThread<T>(task: ParseTask, bytes: Uint8Array, limits: InputLimits): Promise<T> {
  const release = await slot();
  try {
    const outcome = await runJob({ task, bytes, limits });
    if (outcome.ok) return outcome.value as T;
    if ('limit' in outcome) throw new InputLimitExceeded(outcome.limit.name, outcome.limit.max);
    throw new Unreadable(outcome.unreadable);
  } finally {
    release();
  }
}
