/**
 * The technician's and QA's integrity check (`proprio db check`): is the file a Proprio database,
 * does SQLite find it intact page by page, do all references resolve, and what does it hold.
 * Read-only: it never migrates, recovers or otherwise writes.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../core/index.ts';
import { inspectDatabaseFile } from './database-file.ts';
import type { DatabaseFileError } from './storage-errors.ts';

const COUNTED_TABLES = ['patients', 'operators', 'devices', 'calibrations', 'sessions', 'streams', 'stream_chunks', 'trials', 'events', 'audit_log'] as const;

export interface CheckReport {
  readonly version: number;
  /** `PRAGMA integrity_check` lines: exactly ['ok'] for a sound file. */
  readonly integrity: readonly string[];
  readonly foreignKeyProblems: number;
  readonly rows: Readonly<Record<(typeof COUNTED_TABLES)[number], number>>;
  readonly samples: number;
  /** Sessions still `recording`: live in a running app, or left by a crash until the app next starts. */
  readonly openSessionIds: readonly number[];
  readonly isSound: boolean;
}

export function checkDatabase(path: string): Result<CheckReport, DatabaseFileError> {
  if (!existsSync(path)) return err({ code: 'io', message: `no database at ${path}`, path });
  const inspected = inspectDatabaseFile(path, false);
  if (!inspected.ok) return inspected;
  if (inspected.value.kind === 'new') return err({ code: 'not-a-database', message: `${path} is empty: no Proprio database yet`, path });
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const rows = Object.fromEntries(COUNTED_TABLES.map((table) => [table, count(`SELECT count(*) AS n FROM ${table}`)])) as CheckReport['rows'];
    const openSessionIds = (db.prepare("SELECT id FROM sessions WHERE status = 'recording' ORDER BY id").all() as { id: number }[]).map((row) => row.id);
    return ok({
      version: inspected.value.version,
      integrity,
      foreignKeyProblems,
      rows,
      samples: count('SELECT coalesce(sum(sample_count), 0) AS n FROM stream_chunks'),
      openSessionIds,
      isSound: integrity.length === 1 && integrity[0] === 'ok' && foreignKeyProblems === 0,
    });
  } catch (error) {
    return err({ code: 'corrupt', message: `${path} is damaged: ${error instanceof Error ? error.message : String(error)}`, path });
  } finally {
    db.close();
  }
}
