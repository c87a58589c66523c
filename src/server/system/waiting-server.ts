// What answers on the port while `zonelink serve` waits for its database at start: /healthz 200 (the process is
// alive and working on it, so a supervisor does not restart it), /readyz 503, anything else 503 `unavailable`
// problem+json in the caller's language with Retry-After. Closed the moment the application takes the port over.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { negotiateLocale } from '../../i18n/locales.ts';
import { unavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../errors.ts';
import { renderProblem } from '../problem.ts';

export interface WaitingServer {
  /** The port it listens on (the one asked for, or the one given for port 0). */
  readonly port: number;
  close(): Promise<void>;
}

export async function startWaitingServer(port: number, host: string): Promise<WaitingServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const retryAfter = String(UNAVAILABLE_RETRY_AFTER_SECONDS);
    if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ status: 'starting' }));
      return;
    }
    if (path === '/readyz') {
      response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': retryAfter }).end(JSON.stringify({ status: 'starting' }));
      return;
    }
    const requestId = randomUUID();
    const problem = renderProblem(unavailable(), negotiateLocale(request.headers['accept-language']), requestId, request.url);
    response.writeHead(503, { 'content-type': 'application/problem+json; charset=utf-8', 'retry-after': retryAfter, 'x-request-id': requestId, 'cache-control': 'no-store' })
      .end(JSON.stringify(problem));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
