// Which errors mean "the database is unavailable" (503, retry) and which do not (the request's or the code's).
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import pg from 'pg';
import { AppError } from '../server/errors.ts';
import { databaseUnavailableReason, isDatabaseUnavailable } from './unavailable.ts';

const sqlError = (code: string, message = 'x'): Error => Object.assign(new pg.DatabaseError(message, 0, 'error'), { code, severity: 'FATAL' });

test('server shutting down, starting up, crashed or full, and connection exceptions (class 08) are unavailability', () => {
  for (const code of ['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08P01']) {
    assert.ok(isDatabaseUnavailable(sqlError(code)), code);
  }
  assert.match(databaseUnavailableReason(sqlError('57P01', 'terminating connection due to administrator command'))!, /shutting down.*57P01/);
});

test('socket errors of a connection not made or cut are unavailability; a missing unix socket too', () => {
  for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']) {
    assert.ok(isDatabaseUnavailable(Object.assign(new Error(code), { code })), code);
  }
  assert.ok(isDatabaseUnavailable(Object.assign(new Error('connect ENOENT /tmp/.s.PGSQL.5432'), { code: 'ENOENT', syscall: 'connect' })));
  assert.ok(!isDatabaseUnavailable(Object.assign(new Error('open ENOENT file'), { code: 'ENOENT', syscall: 'open' })), 'a missing file is not the database');
});

test('pg and pg-pool connection failures without a code are unavailability', () => {
  for (const message of [
    'Connection terminated unexpectedly', 'Connection terminated due to connection timeout', 'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable', 'Client was closed and is not queryable', 'Connection terminated',
  ]) assert.ok(isDatabaseUnavailable(new Error(message)), message);
});

test('causes and AggregateErrors (every address of a host refused) are looked through', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
  assert.equal(databaseUnavailableReason(new AggregateError([new Error('other'), refused])), 'connection refused');
  assert.equal(databaseUnavailableReason(new Error('wrapped', { cause: sqlError('57P03') })), databaseUnavailableReason(sqlError('57P03')));
  const loop: { message: string; cause?: unknown } = { message: 'loop' };
  loop.cause = loop;
  assert.equal(databaseUnavailableReason(loop), null, 'a cause cycle ends');
});

test('errors of the request, the schema, the credentials or the code are not unavailability', () => {
  for (const code of ['23505', '23503', '40001', '40P01', '42601', '42P01', '22P02', '28P01', '3D000', '57014', '53100', '25P02']) {
    assert.ok(!isDatabaseUnavailable(sqlError(code)), code);
  }
  for (const error of [new AppError('conflict'), new TypeError('x is undefined'), new Error('Connection terminated by policy'), null, undefined, 'ECONNREFUSED', 42, {}]) {
    assert.equal(databaseUnavailableReason(error), null, String(error));
  }
});

test('a real refused connection from pg is classified as refused', async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    });
  });
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  const error = await client.connect().then(() => null, (e: unknown) => e);
  assert.equal(databaseUnavailableReason(error), 'connection refused');
  const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, connectionTimeoutMillis: 500 });
  const poolError = await pool.query('select 1').then(() => null, (e: unknown) => e);
  assert.equal(databaseUnavailableReason(poolError), 'connection refused');
  await pool.end();
});
