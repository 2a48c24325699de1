/**
 * Telling a Proprio database from anything else before writing to it: a missing or empty file
 * (a new database), a file that is not SQLite, another program's SQLite database, one written by
 * a newer Proprio, or a damaged one. Everything here reads only: the file is opened read-only,
 * so a foreign or corrupt file given by mistake is left exactly as it was.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../core/index.ts';
import { PROPRIO_APPLICATION_ID, SCHEMA_VERSION } from './migrations.ts';
import type { DatabaseFileError } from './storage-errors.ts';

/** The first 16 bytes of every SQLite 3 database file (sqlite.org/fileformat.html §1.3.1). */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type DatabaseFileKind =
  /** No file, an empty file, or an SQLite file with no tables yet: migrations will create the schema. */
  | { readonly kind: 'new' }
  | { readonly kind: 'proprio'; readonly version: number };

/**
 * Inspects `path` without changing it. With `isDeepCheck`, runs `PRAGMA quick_check` too
 * (a pass over every page: about 100 ms per 30 MB here).
 */
export function inspectDatabaseFile(path: string, isDeepCheck: boolean): Result<DatabaseFileKind, DatabaseFileError> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({ kind: 'new' });
    return err({ code: 'io', message: `cannot read ${path}: ${String(error)}`, path });
  }
  if (size === 0) return ok({ kind: 'new' });
  const header = readHeader(path);
  if (!header.ok) return header;
  if (!header.value.equals(SQLITE_HEADER)) {
    return err({ code: 'not-a-database', message: `${path} is not an SQLite database`, path });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return classify(db, path, isDeepCheck);
  } catch (error) {
    return err({ code: 'corrupt', message: `${path} is damaged: ${error instanceof Error ? error.message : String(error)}`, path });
  } finally {
    db?.close();
  }
}

function classify(db: Database.Database, path: string, isDeepCheck: boolean): Result<DatabaseFileKind, DatabaseFileError> {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
  if (applicationId !== PROPRIO_APPLICATION_ID) {
    if (applicationId === 0 && version === 0 && tables === 0) return ok({ kind: 'new' });
    return err({ code: 'foreign-database', message: `${path} is an SQLite database of another program, not Proprio's`, path });
  }
  if (version > SCHEMA_VERSION) {
    return err({
      code: 'schema-too-new',
      message: `${path} is at schema version ${version}, newer than this Proprio (${SCHEMA_VERSION}); update Proprio to open it`,
      path,
      version,
    });
  }
  if (isDeepCheck) {
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      return err({ code: 'corrupt', message: `${path} is damaged: ${problems.slice(0, 3).join('; ')}`, path });
    }
  }
  return ok({ kind: 'proprio', version });
}

function readHeader(path: string): Result<Buffer, DatabaseFileError> {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const read = readSync(fd, header, 0, header.length, 0);
    return ok(header.subarray(0, read));
  } catch (error) {
    return err({ code: 'io', message: `cannot read ${path}: ${String(error)}`, path });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
