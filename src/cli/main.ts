// The `zonelink` command: serve | migrate | seed | plan | import | regulations import | audit verify | backup | restore.
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.ts';
import { openConfiguredDatabase, prepareDatabase } from '../db/setup.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseUnavailableReason } from '../db/unavailable.ts';
import { retryWhileUnavailable } from '../db/wait-for-database.ts';
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from '../db/seed/demo.ts';
import { seedDemoInventory } from '../db/seed/demo-inventory.ts';
import { seedDemoPlan } from '../db/seed/demo-plan.ts';
import { seedDemoDemonstrations } from '../db/seed/demo-demonstrations.ts';
import { seedReference, seedStandingGovernments } from '../db/seed/reference.ts';
import { seedReferenceZones } from '../db/seed/zones.ts';
import { seedDemoExemptions, seedReferenceRegulations } from '../db/seed/regulations.ts';
import { verifyAuditLog } from '../server/audit/verify.ts';

const HELP = `zonelink — Regulation-Free Special Zones platform

Usage:
  zonelink serve            migrate, load reference and demo data, serve API and UI (PORT, default 3000)
  zonelink migrate          apply database migrations
  zonelink seed [--no-demo] load reference regions (and demo data unless --no-demo)
  zonelink audit verify     check the audit log's hash chain
  zonelink backup <file>    write a consistent backup of the database (gzip'd NDJSON; see README, Backups)
  zonelink restore <file> [--force]
                            load a backup into the configured database (PGlite or PostgreSQL) in one transaction;
                            --force replaces the data of a database that is not empty
  zonelink plan --needs needs.json [--level province|municipality] [--json] [--lang ko|en|ja|zh|fr]
                            find the optimal consortium of regions (same as POST /api/planner/solve)
  zonelink import <file.csv|file.ndjson> --project <id> [--upload-id <id>] [--mode all|skip-invalid]
                            import demonstration data (all or nothing; a re-run imports it once)
  zonelink regulations import <file.csv|file.json>
                            import provisions into the regulation catalogue (all or nothing; columns in README)
  zonelink --help           this text

Environment: DATABASE_URL (postgres://…; default: embedded PGlite in ZONELINK_DATA_DIR=.data/pglite),
DATABASE_CONNECT_TIMEOUT_MS, DATABASE_RETRY_MAX_MS, DATABASE_WAIT_SECONDS, PORT, HOST, SEED_DEMO, COOKIE_SECURE, LOG_LEVEL, SMTP_URL, MAIL_FROM — see README.md.`;

/** host:port/database of a PostgreSQL URL, without credentials (for messages). */
function databaseWhere(url: string | null): string {
  if (url === null) return 'the embedded database';
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}

async function serve(config: Config): Promise<void> {
  const started = performance.now();
  // Errors of pooled connections outside a query (a restart, a terminated backend): logged, never fatal.
  let logConnectionError = (error: Error): void => {
    process.stderr.write(`database connection lost: ${databaseUnavailableReason(error) ?? error.message}\n`);
  };
  const db = await openConfiguredDatabase(config, { onConnectionError: (error) => logConnectionError(error) });
  // The server's modules are loaded only to serve (the other commands start faster without them).
  const [{ buildApp }, { startMailer }, { startJobRunner }, { zonelinkJobs }, { startWaitingServer }] = await Promise.all([
    import('../server/app.ts'), import('../server/notifications/mailer.ts'), import('../server/jobs/job-runner.ts'), import('../server/jobs/zonelink-jobs.ts'),
    import('../server/system/waiting-server.ts'),
  ]);
  // A database not reachable yet is waited for with back-off (saying so); meanwhile a stand-in answers on the port:
  // /healthz 200, /readyz and the API 503 (docs/decisions/0025-database-outages.md).
  const standIn: { server: Awaited<ReturnType<typeof startWaitingServer>> | null } = { server: null };
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await retryWhileUnavailable(async () => {
      await prepareDatabase(db, { demo: config.seedDemo });
      return buildApp({ config, db });
    }, {
      maxDelayMs: config.databaseRetryMaxMs,
      limitMs: config.databaseWaitSeconds * 1000,
      onWait: async (w) => {
        process.stderr.write(`ZoneLink is waiting for the database at ${databaseWhere(config.databaseUrl)} (${w.reason}): attempt ${w.attempt} failed, ` +
          `retrying in ${(w.delayMs / 1000).toFixed(1)} s${config.databaseWaitSeconds > 0 ? ` (gives up after ${config.databaseWaitSeconds} s)` : ''}\n`);
        standIn.server ??= await startWaitingServer(config.port, config.host);
      },
    });
  } finally {
    await standIn.server?.close();
  }
  if (standIn.server) process.stderr.write(`the database answers at ${databaseWhere(config.databaseUrl)}\n`);
  logConnectionError = (error) => app.log.warn({ reason: databaseUnavailableReason(error) ?? error.message }, 'database connection lost');
  // A rejected promise nobody awaited that is only the database being away is logged; anything else ends the
  // process as before (a bug must not go unseen).
  process.on('unhandledRejection', (reason) => {
    const unavailable = databaseUnavailableReason(reason);
    if (unavailable === null) throw reason;
    app.log.warn({ reason: unavailable }, 'database unavailable (unhandled)');
  });
  const warn = (msg: string, err?: unknown) => app.log.warn({ err }, msg);
  // Every node runs the mailer and the job loop; the database hands each mail and each job run to one node.
  const mailer = config.smtpUrl
    ? startMailer({ db, smtpUrl: config.smtpUrl, from: config.mailFrom, intervalMs: config.jobPollMs, log: warn })
    : null;
  const address = await app.listen({ port: standIn.server?.port ?? config.port, host: config.host });
  const jobs = await startJobRunner({ db, jobs: zonelinkJobs(db, config, app.services.loginLimiter), pollMs: config.jobPollMs, log: warn });
  void jobs.tick().catch((error: unknown) => warn('job pass failed', error));
  const url = `http://localhost:${new URL(address).port}`;
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`\nZoneLink is serving on ${url} (ready in ${ms} ms)\n`);
  process.stdout.write(`API docs: ${url}/api/docs\n`);
  if (config.seedDemo) {
    process.stdout.write(`Demo logins (password "${DEMO_PASSWORD}", demo data):\n`);
    for (const user of DEMO_USERS) process.stdout.write(`  ${user.email}\n`);
  }
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    // Each step is tried even when one before failed (the database may be away while we stop).
    const step = (done: Promise<unknown> | undefined) => done?.catch((error: unknown) => app.log.warn({ err: error }, 'shutdown step failed'));
    await step(jobs.stop());
    await step(app.close());
    await step(mailer?.stop());
    await step(db.destroy());
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function withDb<T>(config: Config, run: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>): Promise<T> {
  const db = await openConfiguredDatabase(config);
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

async function reportAuditLog(db: Awaited<ReturnType<typeof openConfiguredDatabase>>): Promise<number> {
  const result = await verifyAuditLog(db);
  if (result.ok) {
    process.stdout.write(`audit log intact: ${result.checked} entries checked\n`);
    return 0;
  }
  process.stderr.write(`audit log BROKEN: ${result.problems.map((p) => `#${p.seq} ${p.problem}`).join(', ')}\n`);
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'no-demo': { type: 'boolean' },
      needs: { type: 'string' },
      level: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      project: { type: 'string' },
      'upload-id': { type: 'string' },
      mode: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const config = loadConfig();
  if (command !== 'serve') {
    // Ctrl-C or a stop ends the command through process.exit, so the embedded data folder's lock is released.
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
  }
  switch (command) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate':
      return withDb(config, async (db) => {
        const result = await migrateToLatest(db);
        process.stdout.write(`migrations applied: ${result.results?.length ?? 0}\n`);
        return 0;
      });
    case 'seed':
      return withDb(config, async (db) => {
        await migrateToLatest(db);
        const ref = await seedReference(db);
        await seedStandingGovernments(db);
        const zones = await seedReferenceZones(db);
        const regulations = await seedReferenceRegulations(db);
        process.stdout.write(`regulations: ${regulations} added\n`);
        process.stdout.write(`reference: ${ref.regions} regions, ${ref.links} links, ${zones} zones added\n`);
        if (!values['no-demo']) {
          const created = (await seedDemo(db)).created;
          await seedDemoInventory(db);
          await seedDemoPlan(db);
          await seedDemoExemptions(db);
          await seedDemoDemonstrations(db);
          process.stdout.write(`demo data: ${created ? 'created' : 'already there'}\n`);
        }
        return 0;
      });
    case 'plan':
      if (values.needs === undefined) break;
      return withDb(config, async (db) => {
        await prepareDatabase(db, { demo: config.seedDemo });
        const { planCommand } = await import('./plan.ts');
        return planCommand(db, { needs: values.needs!, level: values.level, json: values.json ?? false, lang: values.lang, timeLimitMs: config.plannerTimeLimitMs },
          (s) => process.stdout.write(s), (s) => process.stderr.write(s));
      });
    case 'import':
      if (sub === undefined || values.project === undefined) break;
      return withDb(config, async (db) => {
        await prepareDatabase(db, { demo: config.seedDemo });
        const { importCommand } = await import('../server/demonstrations/import.ts');
        return importCommand(db, { file: sub, project: values.project!, uploadId: values['upload-id'], mode: values.mode, lineChars: config.inputLimits.lineChars }, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
      });
    case 'regulations':
      if (sub !== 'import' || positionals[2] === undefined) break;
      return withDb(config, async (db) => {
        await prepareDatabase(db, { demo: config.seedDemo });
        const { regulationsImportCommand } = await import('./regulations.ts');
        return regulationsImportCommand(db, positionals[2]!, config, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
      });
    case 'backup':
      if (sub === undefined) break;
      return withDb(config, async (db) => {
        const { writeBackup } = await import('../db/backup/write-backup.ts');
        const summary = await writeBackup(db, sub);
        process.stdout.write(`backup written to ${summary.file}: ${summary.tables} tables, ${summary.rows} rows, ${summary.migrations} migrations\n`);
        return 0;
      });
    case 'restore':
      if (sub === undefined) break;
      return withDb(config, async (db) => {
        const { restoreBackup } = await import('../db/backup/restore-backup.ts');
        const summary = await restoreBackup(db, sub, { force: values.force ?? false });
        process.stdout.write(`restored ${sub} (written ${summary.from.createdAt} from ${summary.from.engine}): ${summary.tables} tables, ${summary.rows} rows; database at migration ${summary.migration}\n`);
        return reportAuditLog(db);
      });
    case 'audit':
      if (sub !== 'verify') break;
      return withDb(config, reportAuditLog);
  }
  process.stderr.write(`unknown command: ${positionals.join(' ')}\n\n${HELP}\n`);
  return 2;
}

// A command whose work is left pending with nothing more to do (a promise no I/O will ever settle) must not end
// as a success: Node would exit 0 with the work undone.
let settled = false;
process.on('beforeExit', () => {
  if (settled) return;
  process.stderr.write('zonelink: the command stopped before it finished (nothing left to wait for); treat it as failed\n');
  process.exitCode = 1;
});

main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    settled = true;
    const unavailable = databaseUnavailableReason(error);
    // A command's work is one transaction: cut by the database, it committed nothing unless it said so.
    if (unavailable !== null) process.stderr.write(`\nthe database is unavailable (${unavailable}); the command did not finish: `);
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
