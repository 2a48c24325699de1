/**
 * Opening the clinic database: check the file is ours (database-file.ts), then WAL, foreign keys,
 * migrations, and marking sessions a crash left open as interrupted.
 *
 * Why `synchronous = NORMAL` is right with WAL: a commit appends to the -wal file, and NORMAL
 * skips only the fsync of that append; the WAL is fsynced at each checkpoint. A killed or
 * crashed process loses nothing it committed (the bytes are in the OS page cache), and a power
 * cut can roll back only the commits since the last checkpoint, never corrupt the database
 * (sqlite.org/pragma.html#pragma_synchronous, sqlite.org/wal.html). The recorder checkpoints every
 * few seconds (recorder.ts), which bounds what a power cut can take, while FULL would put an
 * fsync on the event loop four times a second.
 */
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../core/index.ts';
import { inspectDatabaseFile } from './database-file.ts';
import { migrate } from './migrations.ts';
import { markInterruptedSessions } from './sessions.ts';
import { Storage } from './storage.ts';
import type { DatabaseFileError } from './storage-errors.ts';

export interface OpenStorageOptions {
  /** The database file; the app passes `<userData>/proprio.sqlite` (see defaultDatabasePath). */
  readonly path: string;
  readonly nowMs?: () => number;
  /**
   * Mark sessions still `recording` as `interrupted` (default true). Only the app, at start, may:
   * a tool opening the database beside a running app would otherwise cut off its live session.
   */
  readonly recoverInterrupted?: boolean;
}

export interface OpenedStorage {
  readonly storage: Storage;
  /** Sessions a crash had left `recording`, now `interrupted`. */
  readonly interruptedSessionIds: readonly number[];
}

/** Opens (creating if missing) a Proprio database; a foreign, newer or damaged file is refused untouched. */
export function openStorage(options: OpenStorageOptions): Result<OpenedStorage, DatabaseFileError> {
  const inspected = inspectDatabaseFile(options.path, true);
  if (!inspected.ok) return inspected;
  let db: Database.Database | undefined;
  try {
    db = new Database(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // The CLI may open the database beside the app: wait for its write lock instead of failing.
    db.pragma('busy_timeout = 5000');
    migrate(db);
    const storage = new Storage(db, options.path, options.nowMs ?? Date.now);
    const interruptedSessionIds = options.recoverInterrupted === false ? [] : markInterruptedSessions(storage);
    return ok({ storage, interruptedSessionIds });
  } catch (error) {
    db?.close();
    return err({ code: 'io', message: `cannot open ${options.path}: ${error instanceof Error ? error.message : String(error)}`, path: options.path });
  }
}

/** Where the app keeps its database: `userDataDir` is Electron's `app.getPath('userData')` or the CLI's equivalent. */
export function defaultDatabasePath(userDataDir: string): string {
  return `${userDataDir.replace(/[\\/]+$/, '')}/proprio.sqlite`;
}
