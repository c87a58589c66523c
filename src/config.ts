// Configuration from the environment, validated once at start-up (fails with a readable list).
import { resolve } from 'node:path';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './domain/input-limits.ts';
import { DEFAULT_INCIDENT_DEADLINE_HOURS, INCIDENT_SEVERITIES, type IncidentSeverity } from './domain/demonstrations/reports.ts';

export interface Config {
  port: number;
  host: string;
  /** postgres://… switches from the embedded PGlite database to a PostgreSQL server. */
  databaseUrl: string | null;
  /** postgres://… of a streaming replica of DATABASE_URL for anonymous public reads (null: the primary answers all). */
  readDatabaseUrl: string | null;
  /** Folder of the embedded PGlite database; `memory://` keeps it in memory. */
  dataDir: string;
  /** Folder of the built browser UI. */
  webDir: string;
  cookieSecure: boolean;
  /** Believe X-Forwarded-For (client address for the sign-in limiter) — only behind a trusted proxy. */
  trustProxy: boolean;
  sessionTtlHours: number;
  login: { maxAttempts: number; windowMs: number };
  bodyLimitBytes: number;
  logLevel: string;
  seedDemo: boolean;
  smtpUrl: string | null;
  /** Hard cap on one planner run (the planner returns its best answer and gap when reached). */
  plannerTimeLimitMs: number;
  mailFrom: string;
  /** Contiguity of a connected zone's regions: a warning (false, default) or a submission error (true). */
  requireContiguity: boolean;
  /** A ferry route joins two regions for contiguity (plan check and planner default); land borders, bridges and tunnels always do. */
  allowFerryLinks: boolean;
  /** Folder of stored files (report attachments with FILE_STORE=local, upload staging and error files). */
  filesDir: string;
  /** Where report attachments are stored: this node's folder or the database every node shares. */
  fileStore: 'local' | 'database';
  /** Hours after its last part when an unfinished resumable upload (its staging file) is removed. */
  uploadStagingTtlHours: number;
  /** Largest report attachment. */
  attachmentLimitBytes: number;
  /** OpenType CJK font (collection) embedded in generated PDFs (Debian package fonts-noto-cjk). */
  pdfFont: string;
  /** Days before each exemption deadline when alerts go out (extension/amendment window, expiry, results report, amendment plan). */
  exemptionAlertOffsets: number[];
  /** Hours from occurrence within which an incident of each severity must be reported (the act states none). */
  incidentDeadlineHours: Readonly<Record<IncidentSeverity, number>>;
  /** Memory for cached public responses (0 turns the cache off). */
  readCacheBytes: number;
  /** Requests to /api per client (API token, else address) and minute on this node; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** PostgreSQL: longest wait for a connection before the request answers 503 (0: no limit). */
  databaseConnectTimeoutMs: number;
  /** `serve` started while PostgreSQL is unreachable: the longest pause between two attempts (back-off cap). */
  databaseRetryMaxMs: number;
  /** `serve` started while PostgreSQL is unreachable: give up (exit 1) after this many seconds; 0 waits forever. */
  databaseWaitSeconds: number;
  /** How often a node looks for mail to send and scheduled jobs that are due. */
  jobPollMs: number;
  /** Limits of every file and body read: unpacked size, rows, columns, cell and line length, JSON depth, parse time and memory. */
  inputLimits: InputLimits;
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, errors: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) errors.push(`${name} must be a non-negative integer (got "${raw}")`);
  return value;
}

/** A comma-separated list of day counts, e.g. `90,30,7`. */
function offsetsVar(env: Env, name: string, fallback: number[], errors: string[]): number[] {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map((x) => Number(x.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < 0 || v > 3650)) errors.push(`${name} must be comma-separated day counts between 0 and 3650 (got "${raw}")`);
  return values;
}

/** Hours per incident severity, in the order minor,serious,critical, e.g. `72,24,24`. */
function incidentHoursVar(env: Env, name: string, errors: string[]): Record<IncidentSeverity, number> {
  const raw = env[name];
  if (raw === undefined || raw === '') return { ...DEFAULT_INCIDENT_DEADLINE_HOURS };
  const values = raw.split(',').map((x) => Number(x.trim()));
  if (values.length !== INCIDENT_SEVERITIES.length || values.some((v) => !Number.isInteger(v) || v < 1 || v > 8760)) {
    errors.push(`${name} must be ${INCIDENT_SEVERITIES.length} hour counts between 1 and 8760 for ${INCIDENT_SEVERITIES.join(',')} (got "${raw}")`);
    return { ...DEFAULT_INCIDENT_DEADLINE_HOURS };
  }
  return Object.fromEntries(INCIDENT_SEVERITIES.map((s, i) => [s, values[i]!])) as Record<IncidentSeverity, number>;
}

function fileStoreVar(env: Env, errors: string[]): 'local' | 'database' {
  const raw = env.FILE_STORE;
  if (raw === undefined || raw === '' || raw === 'local') return 'local';
  if (raw === 'database') return 'database';
  errors.push(`FILE_STORE must be local or database (got "${raw}")`);
  return 'local';
}

function boolVar(env: Env, name: string, fallback: boolean, errors: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  errors.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

/** A positive integer (a limit of 0 would refuse everything). */
function limitVar(env: Env, name: string, fallback: number, errors: string[], scale = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback * scale;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) errors.push(`${name} must be a positive integer (got "${raw}")`);
  return value * scale;
}

function inputLimitsVar(env: Env, errors: string[]): InputLimits {
  const d = DEFAULT_INPUT_LIMITS;
  return {
    unpackedBytes: limitVar(env, 'INPUT_MAX_UNPACKED_MB', d.unpackedBytes / 1_048_576, errors, 1_048_576),
    compressionRatio: limitVar(env, 'INPUT_MAX_COMPRESSION_RATIO', d.compressionRatio, errors),
    zipEntries: limitVar(env, 'INPUT_MAX_ZIP_ENTRIES', d.zipEntries, errors),
    rows: limitVar(env, 'INPUT_MAX_ROWS', d.rows, errors),
    columns: limitVar(env, 'INPUT_MAX_COLUMNS', d.columns, errors),
    cellChars: limitVar(env, 'INPUT_MAX_CELL_CHARS', d.cellChars, errors),
    lineChars: limitVar(env, 'INPUT_MAX_LINE_CHARS', d.lineChars, errors),
    jsonDepth: limitVar(env, 'INPUT_MAX_JSON_DEPTH', d.jsonDepth, errors),
    parseTimeMs: limitVar(env, 'INPUT_PARSE_TIME_MS', d.parseTimeMs, errors),
    parseMemoryMb: limitVar(env, 'INPUT_PARSE_MEMORY_MB', d.parseMemoryMb, errors),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const errors: string[] = [];
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    errors.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const readDatabaseUrl = env.DATABASE_READ_URL?.trim() || null;
  if (readDatabaseUrl && !/^postgres(ql)?:\/\//.test(readDatabaseUrl)) errors.push('DATABASE_READ_URL must start with postgres:// or postgresql://');
  if (readDatabaseUrl && !databaseUrl) errors.push('DATABASE_READ_URL needs DATABASE_URL (a replica of a PostgreSQL server; the embedded database has none)');
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) errors.push('SMTP_URL must start with smtp:// or smtps://');
  const config: Config = {
    port: intVar(env, 'PORT', 3000, errors),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    readDatabaseUrl,
    dataDir: env.ZONELINK_DATA_DIR === 'memory://' ? 'memory://' : resolve(env.ZONELINK_DATA_DIR ?? '.data/pglite'),
    webDir: resolve(env.ZONELINK_WEB_DIR ?? 'dist/web'),
    cookieSecure: boolVar(env, 'COOKIE_SECURE', env.NODE_ENV === 'production', errors),
    trustProxy: boolVar(env, 'TRUST_PROXY', false, errors),
    sessionTtlHours: intVar(env, 'SESSION_TTL_HOURS', 12, errors),
    login: {
      maxAttempts: intVar(env, 'LOGIN_MAX_ATTEMPTS', 10, errors),
      windowMs: intVar(env, 'LOGIN_WINDOW_SECONDS', 300, errors) * 1000,
    },
    bodyLimitBytes: intVar(env, 'BODY_LIMIT_BYTES', 1_048_576, errors),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    seedDemo: boolVar(env, 'SEED_DEMO', true, errors),
    smtpUrl,
    plannerTimeLimitMs: intVar(env, 'PLANNER_TIME_LIMIT_MS', 5000, errors),
    mailFrom: env.MAIL_FROM ?? 'ZoneLink <no-reply@zonelink.local>',
    requireContiguity: boolVar(env, 'REQUIRE_CONTIGUITY', false, errors),
    allowFerryLinks: boolVar(env, 'ALLOW_FERRY_LINKS', false, errors),
    filesDir: resolve(env.ZONELINK_FILES_DIR ?? '.data/files'),
    fileStore: fileStoreVar(env, errors),
    uploadStagingTtlHours: intVar(env, 'UPLOAD_STAGING_TTL_HOURS', 24, errors),
    attachmentLimitBytes: intVar(env, 'ATTACHMENT_LIMIT_BYTES', 20 * 1_048_576, errors),
    pdfFont: env.PDF_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    exemptionAlertOffsets: offsetsVar(env, 'EXEMPTION_ALERT_OFFSETS', [90, 30, 7], errors),
    incidentDeadlineHours: incidentHoursVar(env, 'INCIDENT_DEADLINE_HOURS', errors),
    readCacheBytes: intVar(env, 'READ_CACHE_MB', 64, errors) * 1_048_576,
    rateLimitPerMinute: intVar(env, 'RATE_LIMIT_PER_MINUTE', 600, errors),
    databaseConnectTimeoutMs: intVar(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000, errors),
    databaseRetryMaxMs: intVar(env, 'DATABASE_RETRY_MAX_MS', 30_000, errors),
    databaseWaitSeconds: intVar(env, 'DATABASE_WAIT_SECONDS', 0, errors),
    jobPollMs: Math.max(1, intVar(env, 'JOB_POLL_SECONDS', 15, errors)) * 1000,
    inputLimits: inputLimitsVar(env, errors),
  };
  if (errors.length > 0) {
    throw new Error(`Invalid configuration:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  return config;
}
