// Runs the consortium planner in a worker thread, so a long search never blocks the HTTP server's
// event loop. One long-lived worker answers requests in order; a worker that overruns the planner's own
// time limit by a margin is terminated and replaced (a backstop: the planner honours its limit itself).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { planConsortium, PlanningError, type PlanningIssue, type PlanningRequest, type PlanningResult } from '../../domain/planner/index.ts';

type Reply = { id: number; result: PlanningResult } | { id: number; issues: PlanningIssue[] } | { id: number; error: string };

if (!isMainThread && (workerData as { zonelinkPlanner?: boolean } | null)?.zonelinkPlanner) {
  parentPort!.on('message', ({ id, request }: { id: number; request: PlanningRequest }) => {
    let reply: Reply;
    try {
      reply = { id, result: planConsortium(request) };
    } catch (error) {
      reply = error instanceof PlanningError ? { id, issues: error.issues } : { id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
  });
}

const OVERRUN_MARGIN_MS = 2000;

export class PlannerWorker {
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (r: PlanningResult) => void; reject: (e: unknown) => void; timer: NodeJS.Timeout }>();

  #start(): Worker {
    if (this.#worker) return this.#worker;
    // Worker threads do not inherit the tsx loader: register it, then load this module.
    const entry = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(import.meta.url)});`;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(entry)}`), { workerData: { zonelinkPlanner: true }, execArgv: [] });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#pending.delete(reply.id);
      clearTimeout(waiting.timer);
      if ('result' in reply) waiting.resolve(reply.result);
      else if ('issues' in reply) waiting.reject(new PlanningError(reply.issues));
      else waiting.reject(new Error(reply.error));
    });
    worker.on('error', (error) => this.#fail(error));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = null;
      this.#fail(new Error('planner worker stopped'));
    });
    this.#worker = worker;
    return worker;
  }

  #fail(error: unknown): void {
    for (const [id, waiting] of this.#pending) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
      this.#pending.delete(id);
    }
  }

  solve(request: PlanningRequest): Promise<PlanningResult> {
    const worker = this.#start();
    const id = this.#nextId++;
    const limit = (request.timeLimitMs ?? 5000) + OVERRUN_MARGIN_MS;
    return new Promise<PlanningResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`planner worker overran its time limit (${limit} ms)`));
        void this.stop();
      }, limit * (this.#pending.size + 1));
      this.#pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, request });
    });
  }

  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }
}
