// The scheduled jobs of a ZoneLink node. Every node registers and polls them; the database hands each run to one
// node (scheduled-jobs.ts), so they run once per period however many nodes serve.
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { expireStagedUploads } from '../demonstrations/parts.ts';
import { sweepOrphanChunks } from '../files/database-file-store.ts';
import { scanDeadlines, scanExemptionDeadlines } from '../notifications/deadline-scan.ts';
import type { LoginLimiter } from '../session/login-limiter.ts';
import { sweepIdempotencyKeys } from '../write/idempotency.ts';
import type { Job } from './job-runner.ts';

const HOUR = 3_600_000;

export function zonelinkJobs(db: Database, config: Config, limiter: LoginLimiter): Job[] {
  return [
    // Review, zone, rapid-confirmation deadlines and the zone lifecycle (expiry, closure).
    { name: 'deadline-scan', periodMs: 6 * HOUR, leaseMs: HOUR, run: () => scanDeadlines(db) },
    { name: 'exemption-deadline-scan', periodMs: 6 * HOUR, leaseMs: HOUR, run: () => scanExemptionDeadlines(db, { offsets: config.exemptionAlertOffsets }) },
    // Unfinished resumable uploads and the error files of refused uploads expire.
    { name: 'upload-expiry', periodMs: HOUR, leaseMs: HOUR, run: async () => {
      await expireStagedUploads(db, config, config.uploadStagingTtlHours * HOUR);
      // Bytes of attachments whose upload never committed (FILE_STORE=database).
      await sweepOrphanChunks(db, config.uploadStagingTtlHours * HOUR);
    } },
    // Sign-in attempts older than the limiter's window, and idempotency keys past their 24 hours.
    { name: 'sign-in-attempt-sweep', periodMs: HOUR, leaseMs: HOUR, run: async () => {
      await limiter.sweep();
      await sweepIdempotencyKeys(db);
    } },
  ];
}
