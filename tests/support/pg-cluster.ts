// A throwaway PostgreSQL cluster for fault tests: initdb + pg_ctl under a temporary folder (owned by the user
// `postgres` when the tests run as root), on a free TCP port of 127.0.0.1 with its unix socket inside the folder.
// It never touches the shared server on 5432. One cluster per test file; remove() it in `after`.
//
//   const cluster = await createCluster();   // initdb (a few seconds), not started
//   await cluster.start();                   // cluster.url → postgres://postgres@127.0.0.1:<port>/postgres
//   await cluster.stop({ mode: 'fast' });    // smart | fast | immediate
//   await cluster.restart();
//   await cluster.terminateBackends();       // pg_terminate_backend on every other client backend
//   await cluster.remove();                  // stops it if running and deletes the folder
//
//   const primary = await createCluster({ replication: true });   // WAL for a streaming replica
//   const replica = await createCluster({ replicaOf: primary });  // pg_basebackup -R of the running primary
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The folder of initdb and pg_ctl: PG_BIN, or the newest /usr/lib/postgresql/<version>/bin; null when none. */
export function postgresBinaries(): string | null {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Why fault tests cannot run here (null when they can): no PostgreSQL binaries, or root without a `postgres` user. */
export function clusterUnavailableReason(): string | null {
  if (postgresBinaries() === null) return 'no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql or PG_BIN';
  return null;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export type StopMode = 'smart' | 'fast' | 'immediate';

export interface Cluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication). */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  start(): Promise<void>;
  stop(options?: { mode?: StopMode }): Promise<void>;
  restart(options?: { mode?: StopMode }): Promise<void>;
  /** Terminates every client backend but the one asking; returns how many were told to end. */
  terminateBackends(): Promise<number>;
  /** Runs SQL on a connection of its own (closed afterwards). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  remove(): Promise<void>;
}

export interface ClusterOptions {
  /** Keeps WAL for streaming replicas (wal_level=replica, WAL senders). */
  replication?: boolean;
  /** Makes the cluster a hot standby of this (running) one, copied with `pg_basebackup -R`, instead of initdb. */
  replicaOf?: Cluster;
}

export async function createCluster({ replication = false, replicaOf }: ClusterOptions = {}): Promise<Cluster> {
  const bin = postgresBinaries();
  if (bin === null) throw new Error(clusterUnavailableReason()!);
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'zonelink-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  // Run as `postgres` when root (PostgreSQL refuses to run as root), else as the current user.
  const pgRun = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  const data = join(dir, 'data');
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  if (replicaOf) {
    await pgRun('pg_basebackup', ['-D', data, '-R', '-X', 'stream', '-h', '127.0.0.1', '-p', String(replicaOf.port), '-U', 'postgres', '--no-sync']);
  } else {
    await pgRun('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  }
  const wal = replication || replicaOf ? ['-c max_wal_senders=4', '-c wal_level=replica'] : ['-c max_wal_senders=0', '-c wal_level=minimal'];
  const options = [`-p ${port}`, '-c listen_addresses=127.0.0.1', `-k ${dir}`, '-c fsync=off', '-c shared_buffers=16MB', '-c max_connections=40', ...wal].join(' ');
  let running = false;

  const pgCtl = async (args: string[]) => {
    try {
      await pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), ...args]);
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`pg_ctl ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`, { cause: error });
    }
  };

  const cluster: Cluster = {
    url,
    port,
    dir,
    async start() {
      await pgCtl(['-w', '-t', '60', '-o', options, 'start']);
      running = true;
    },
    async stop({ mode = 'fast' } = {}) {
      await pgCtl(['-w', '-t', '60', '-m', mode, 'stop']);
      running = false;
    },
    async restart({ mode = 'fast' } = {}) {
      await pgCtl(['-w', '-t', '60', '-m', mode, '-o', options, 'restart']);
      running = true;
    },
    async terminateBackends() {
      const rows = await cluster.query<{ n: number }>(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      return rows[0]!.n;
    },
    async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      try {
        return (await client.query<R>(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    async remove() {
      if (running) await cluster.stop({ mode: 'immediate' }).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
