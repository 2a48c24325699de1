/**
 * Versioned, forward-only schema migrations. `PRAGMA user_version` holds the version a database
 * is at; each migration moves it up by one inside the same transaction as its DDL, so a crash
 * mid-migration leaves the previous version intact. Migrations are never edited once released:
 * a change is a new entry at the end, and migrations.test.ts runs every one from every older
 * version. A database newer than this build is refused when opened (it is never downgraded).
 */
import type Database from 'better-sqlite3';
import { BugError } from '../../core/index.ts';
import { SCHEMA_V1 } from './schema-v1.ts';

/** `PRAGMA application_id` of every Proprio database ('PRPR'): tells ours from other SQLite files. */
export const PROPRIO_APPLICATION_ID = 0x50525052;

interface Migration {
  readonly description: string;
  readonly sql: string;
}

/** Entry i takes a database from version i to version i + 1. */
const MIGRATIONS: readonly Migration[] = [
  {
    description: 'patients, operators, devices, calibrations, sessions, streams, trials, events, audit log',
    sql: `${SCHEMA_V1}\nPRAGMA application_id = ${PROPRIO_APPLICATION_ID};`,
  },
  {
    // The clinic app keeps simulated sessions (demos, training) out of patients' history.
    description: 'sessions.simulated, and sessions by patient',
    sql: `ALTER TABLE sessions ADD COLUMN simulated INTEGER NOT NULL DEFAULT 0 CHECK (simulated IN (0, 1));
CREATE INDEX sessions_by_patient ON sessions (patient_id, started_at_ms);`,
  },
  {
    // Only settings that were changed have a row; the others read as the code's defaults (storage/settings.ts).
    description: 'settings (units, clinic name, cue volume, idle lock, calibration interval)',
    sql: `CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at_ms INTEGER NOT NULL
);`,
  },
];

/** The version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings `db` from its version up to `targetVersion` (tests stop early to build old databases),
 * one transaction per migration. Throws BugError when asked to go down: callers refuse newer
 * databases before getting here.
 */
export function migrate(db: Database.Database, targetVersion = SCHEMA_VERSION): void {
  const from = schemaVersionOf(db);
  if (from > targetVersion || targetVersion > SCHEMA_VERSION) {
    throw new BugError(`cannot migrate from version ${from} to ${targetVersion} (this build knows 0..${SCHEMA_VERSION})`);
  }
  for (let version = from; version < targetVersion; version++) {
    const migration = MIGRATIONS[version] as Migration;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
