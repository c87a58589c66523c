// Worker side of off-thread.ts: runs each parse task it is sent on the bytes given and posts back the value, the limit
// it met, or that the file is unreadable. Imports only what the tasks need, so a worker starts quickly.
import { parentPort } from 'node:worker_threads';
import { InputLimitExceeded, type InputLimits } from '../../domain/input-limits.ts';
import { NotAWorkbook, readXlsxRows } from './xlsx-rows.ts';

export type ParseTask = 'xlsx-rows';
export interface ParseJob { task: ParseTask; bytes: Uint8Array; limits: InputLimits }
export type ParseOutcome =
  | { ok: true; value: unknown }
  | { ok: false; limit: { name: InputLimitExceeded['limit']; max: number } }
  | { ok: false; unreadable: string };

const TASKS: Record<ParseTask, (bytes: Buffer, limits: InputLimits) => Promise<unknown>> = {
  'xlsx-rows': readXlsxRows,
};

async function run(job: ParseJob): Promise<ParseOutcome> {
  try {
    return { ok: true, value: await TASKS[job.task](Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.limits) };
  } catch (error) {
    if (error instanceof InputLimitExceeded) return { ok: false, limit: { name: error.limit, max: error.max } };
    if (error instanceof NotAWorkbook) return { ok: false, unreadable: error.message };
    throw error;
  }
}

parentPort!.on('message', (job: ParseJob) => {
  void run(job).then((outcome) => parentPort!.postMessage(outcome));
});
