/**
 * What every repository does at its boundary: parse untrusted input with zod, check that the
 * ids it names exist, and run the change with its audit row in one transaction, so an error at
 * any step leaves the database unchanged (STYLE.md §6: expected failures are values).
 */
import type { z } from 'zod';
import { err, ok, type Result } from '../../core/index.ts';
import { invalidInput, notFound, type EntityName, type StorageError } from './storage-errors.ts';
import type { Storage } from './storage.ts';

const TABLES: Readonly<Record<EntityName, string>> = {
  patient: 'patients',
  operator: 'operators',
  device: 'devices',
  calibration: 'calibrations',
  session: 'sessions',
  trial: 'trials',
  stream: 'streams',
};

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>, StorageError> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(invalidInput(parsed.error));
}

/** The first of `refs` naming no row, as a not-found error; ids that are undefined are skipped. */
export function checkRefs(storage: Storage, refs: readonly (readonly [EntityName, number | undefined | null])[]): StorageError | undefined {
  for (const [entity, id] of refs) {
    if (id === undefined || id === null) continue;
    const row = storage.db.prepare(`SELECT 1 FROM ${TABLES[entity]} WHERE id = ?`).get(id);
    if (row === undefined) return notFound(entity, id);
  }
  return undefined;
}

/** Runs `change` in one transaction; a thrown error rolls it back and propagates (a bug). */
export function inTransaction<T>(storage: Storage, change: () => Result<T, StorageError>): Result<T, StorageError> {
  const rollback = new Error('rollback');
  let outcome: Result<T, StorageError> | undefined;
  try {
    storage.db.transaction(() => {
      outcome = change();
      // A refused change must leave nothing behind, even rows written before the refusal.
      if (!outcome.ok) throw rollback;
    })();
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return outcome as Result<T, StorageError>;
}

/** SQLite's UNIQUE violation, as a conflict naming what clashed. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function conflict(message: string): Result<never, StorageError> {
  return err({ code: 'conflict', message });
}
