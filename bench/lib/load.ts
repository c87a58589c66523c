// HTTP load at a fixed number of connections (autocannon): requests per second, p99 latency and failures of one
// run against one base URL, cycling through the given paths.
import autocannon from 'autocannon';

export interface LoadResult {
  /** Mean requests per second over the run (completed responses, any status). */
  rps: number;
  p99Ms: number;
  /** Connection errors, timeouts and responses that were not 2xx. */
  failures: number;
  requests: number;
}

export interface LoadOptions {
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
}

export async function load(base: string, paths: readonly string[], options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.durationS,
    timeout: 30,
    headers: options.headers ?? {},
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  return {
    rps: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}
