// Which errors mean "the database cannot be reached right now" (answer 503 and retry later), as opposed to an
// error of the request or of the code (answer it, or 500). Pure: looks only at the error's code, message and
// causes. See docs/decisions/0025-database-outages.md.

/** SQLSTATEs of a server that is going away, starting up or out of connections. */
const UNAVAILABLE_SQLSTATES: Record<string, string> = {
  '57P01': 'the database server is shutting down (admin shutdown)',
  '57P02': 'the database server crashed (crash shutdown)',
  '57P03': 'the database server is not accepting connections (starting up or shutting down)',
  '53300': 'the database server has no free connections',
};

/** Socket errors of a connection that could not be made or was cut. */
const UNAVAILABLE_SOCKET_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  EPIPE: 'connection broken',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host down',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed (temporarily)',
};

/** Messages pg and pg-pool give to connection failures that carry no code. */
const UNAVAILABLE_MESSAGES: [RegExp, string][] = [
  [/^Connection terminated unexpectedly$/, 'connection terminated unexpectedly'],
  [/^Connection terminated due to connection timeout$/, 'connection timed out'],
  [/^timeout exceeded when trying to connect$/, 'no connection within the connect timeout'],
  [/^Connection terminated$/, 'connection terminated'],
  [/^Client has encountered a connection error and is not queryable$/, 'connection lost'],
  [/^Client was closed and is not queryable$/, 'connection closed'],
];

interface ErrorLike { code?: unknown; message?: unknown; syscall?: unknown; cause?: unknown; errors?: unknown }

/**
 * Why `error` means the database is unavailable (a short English phrase for logs and the start-up message), or null
 * when it is any other error. Looks through `cause` chains and AggregateErrors (Node tries every address of a host).
 */
export function databaseUnavailableReason(error: unknown, depth = 0): string | null {
  if (error === null || typeof error !== 'object' || depth > 5) return null;
  const e = error as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : null;
  if (code !== null) {
    if (code in UNAVAILABLE_SQLSTATES) return `${UNAVAILABLE_SQLSTATES[code]} (${code})`;
    // Class 08: connection exception (08000, 08001 cannot establish, 08003 does not exist, 08006 failure, …).
    if (/^08[0-9A-Z]{3}$/.test(code)) return `connection exception (${code})`;
    if (code in UNAVAILABLE_SOCKET_CODES) return UNAVAILABLE_SOCKET_CODES[code]!;
    // A unix socket that is not there: the server is not running.
    if (code === 'ENOENT' && e.syscall === 'connect') return 'connection refused (no socket)';
  }
  if (typeof e.message === 'string') {
    for (const [pattern, reason] of UNAVAILABLE_MESSAGES) if (pattern.test(e.message)) return reason;
  }
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const reason = databaseUnavailableReason(inner, depth + 1);
      if (reason !== null) return reason;
    }
  }
  return databaseUnavailableReason(e.cause, depth + 1);
}

export const isDatabaseUnavailable = (error: unknown): boolean => databaseUnavailableReason(error) !== null;
