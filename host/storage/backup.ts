/**
 * Backup while the app runs, and restore from a backup.
 *
 * Backup uses SQLite's online backup API (better-sqlite3 `db.backup()`): it copies pages between
 * turns of the event loop, so recording goes on, and the copy is one consistent snapshot.
 *
 * Restore replaces the database file, so it runs while no one has it open (the app closes its
 * Storage first; the CLI says so). Order of work, so that every failure leaves the current
 * database as it was: check the backup is a Proprio database of a known version and intact →
 * copy it to a temporary file beside the database → migrate the copy to this build's version →
 * keep the current database as `<db>.before-restore-<time>.sqlite` → fold the current WAL into
 * its file → rename the copy over it (an atomic replace on one file system).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../core/index.ts';
import { appendAudit } from './audit.ts';
import { inspectDatabaseFile } from './database-file.ts';
import { migrate } from './migrations.ts';
import type { DatabaseFileError } from './storage-errors.ts';
import { Storage } from './storage.ts';

export interface BackupInfo {
  readonly path: string;
  readonly pages: number;
}

/** Copies the open database to `destinationPath` (which must not exist) and checks the copy. */
export async function backupDatabase(storage: Storage, destinationPath: string, operatorId?: number): Promise<Result<BackupInfo, DatabaseFileError>> {
  if (existsSync(destinationPath)) return err({ code: 'io', message: `${destinationPath} exists; a backup never overwrites a file`, path: destinationPath });
  let pages: number;
  try {
    pages = (await storage.db.backup(destinationPath)).totalPages;
  } catch (error) {
    rmSync(destinationPath, { force: true });
    return err({ code: 'io', message: `backup to ${destinationPath} failed: ${error instanceof Error ? error.message : String(error)}`, path: destinationPath });
  }
  const copy = inspectDatabaseFile(destinationPath, true);
  if (!copy.ok) {
    // A copy that does not check out is no backup: do not leave it to be trusted later.
    rmSync(destinationPath, { force: true });
    return copy;
  }
  appendAudit(storage, { operatorId, action: 'database-backed-up', entity: 'database', entityId: undefined, detail: { path: destinationPath, pages } });
  return ok({ path: destinationPath, pages });
}

export interface RestoreInfo {
  /** The schema version the backup was at (it is migrated to this build's). */
  readonly backupVersion: number;
  /** Where the database that was replaced now is; undefined when there was none. */
  readonly previousCopyPath: string | undefined;
}

/**
 * Replaces the database at `databasePath` with the backup at `backupPath`. A backup that is not a
 * Proprio database, is newer than this build or is damaged is refused, and nothing changes.
 */
export async function restoreDatabase(databasePath: string, backupPath: string, nowMs: () => number = Date.now): Promise<Result<RestoreInfo, DatabaseFileError>> {
  const backup = inspectDatabaseFile(backupPath, true);
  if (!backup.ok) return backup;
  if (backup.value.kind === 'new') return err({ code: 'not-a-database', message: `${backupPath} is empty: not a Proprio backup`, path: backupPath });
  const current = inspectDatabaseFile(databasePath, false);
  if (!current.ok) return current;
  const stamp = new Date(nowMs()).toISOString().replace(/[:.]/g, '-');
  const temporaryPath = `${databasePath}.restoring`;
  const previousCopyPath = current.value.kind === 'proprio' ? `${databasePath}.before-restore-${stamp}.sqlite` : undefined;
  try {
    rmSync(temporaryPath, { force: true });
    await copyDatabase(backupPath, temporaryPath);
    prepareRestoredCopy(temporaryPath, backupPath, backup.value.version, nowMs);
    if (previousCopyPath !== undefined) {
      await copyDatabase(databasePath, previousCopyPath);
      foldWal(databasePath);
    }
    // Left over from the replaced file only: a WAL must never meet a file it was not written for.
    for (const suffix of ['-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
    renameSync(temporaryPath, databasePath);
  } catch (error) {
    rmSync(temporaryPath, { force: true });
    return err({ code: 'io', message: `restore from ${backupPath} failed: ${error instanceof Error ? error.message : String(error)}`, path: databasePath });
  }
  return ok({ backupVersion: backup.value.version, previousCopyPath });
}

async function copyDatabase(sourcePath: string, destinationPath: string): Promise<void> {
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(destinationPath);
  } finally {
    source.close();
  }
}

/** Migrates the copy, records the restore in its audit log, and leaves it without a WAL file. */
function prepareRestoredCopy(path: string, backupPath: string, backupVersion: number, nowMs: () => number): void {
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = ON');
    migrate(db);
    appendAudit(new Storage(db, path, nowMs), { operatorId: undefined, action: 'database-restored', entity: 'database', entityId: undefined, detail: { from: backupPath, backupVersion } });
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Copies the WAL into the database file and removes it, so no stale WAL meets the restored file. */
function foldWal(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
