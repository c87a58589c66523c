// The backup format: gzip'd NDJSON, one JSON value a line, readable with `zcat file | head`.
//   {"format":"zonelink-backup","version":1,"createdAt":…,"engine":…,"migrations":[…]}      header
//   {"table":"audit_log","columns":["seq",…]}                                                   a table begins
//   ["1","2026-01-01 00:00:00+00",…]                                                             a row: each column's text form (null for NULL)
//   {"end":"audit_log","rows":12,"sha256":"…"}                                                  the table ends: its row count and the SHA-256 of its row lines
//   {"sequences":{"audit_log_seq_seq":{"value":"12","called":true}}}
//   {"endOfBackup":true,"tables":66,"rows":12345}                                               a backup without it was cut short
// Values are PostgreSQL's own text forms (as COPY writes them, with UTC, ISO dates and hex bytea), so they read back
// exactly through each column type's input on either engine. Decision record: docs/decisions/0028-embedded-database-lock-and-backups.md.
export const BACKUP_FORMAT = 'zonelink-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: 'pglite' | 'postgres';
  /** The migrations applied to the database backed up: the level a restore brings the target to. */
  migrations: string[];
}

export interface TableStart { table: string; columns: string[] }
export interface TableEnd { end: string; rows: number; sha256: string }
export interface SequenceValues { sequences: Record<string, { value: string; called: boolean }> }
export interface BackupEnd { endOfBackup: true; tables: number; rows: number }

export interface BackupSummary { file: string; tables: number; rows: number; migrations: number }
