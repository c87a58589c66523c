// Parses that cannot be bounded on the request thread (inflating and reading an XLSX file) run in a worker thread of
// their own: a heap of at most INPUT_PARSE_MEMORY_MB, terminated after INPUT_PARSE_TIME_MS, a few at a time; the
// request thread keeps answering meanwhile (docs/decisions/0021-bounded-parsing.md). A fresh worker per parse: nothing
// a hostile file left behind outlives its request.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputLimitExceeded, type InputLimits } from '../../domain/input-limits.ts';
import type { ParseJob, ParseOutcome, ParseTask } from './parse-worker.ts';

/** The file is not readable as the format the task reads. */
export class Unreadable extends Error {}

// Worker threads do not inherit the tsx loader: register it, then load the task module (as the planner's worker does).
const ENTRY = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(new URL('./parse-worker.ts', import.meta.url).href)});`;
const BOOT = new URL(`data:text/javascript,${encodeURIComponent(ENTRY)}`);

const MAX_RUNNING = Math.max(1, Math.min(4, availableParallelism() - 1));
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

function runWorker(job: ParseJob): Promise<ParseOutcome> {
  const { limits } = job;
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      execArgv: [],
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: limits.parseMemoryMb, maxYoungGenerationSizeMb: Math.min(16, limits.parseMemoryMb), stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (act: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      act();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new InputLimitExceeded('parse-time', limits.parseTimeMs))), limits.parseTimeMs);
    worker.on('message', (outcome: ParseOutcome) => settle(() => resolve(outcome)));
    worker.on('error', (error: Error & { code?: string }) => settle(() => reject(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new InputLimitExceeded('parse-memory', limits.parseMemoryMb) : error,
    )));
    worker.on('exit', (code) => settle(() => reject(new Error(`parse worker exited with code ${code} before answering`))));
  });
}

/** Runs `task` on `bytes` in a worker within `limits`; throws InputLimitExceeded or Unreadable. */
export async function parseOffThread<T>(task: ParseTask, bytes: Uint8Array, limits: InputLimits): Promise<T> {
  const release = await slot();
  try {
    const outcome = await runWorker({ task, bytes, limits });
    if (outcome.ok) return outcome.value as T;
    if ('limit' in outcome) throw new InputLimitExceeded(outcome.limit.name, outcome.limit.max);
    throw new Unreadable(outcome.unreadable);
  } finally {
    release();
  }
}
