/**
 * What can go wrong at the storage boundary, as values (STYLE.md §6): callers decide by `code`.
 * Every error leaves the database as it was: repository writes run in one transaction each.
 */
import type { z } from 'zod';

/** Tables a caller can name an id of. */
export type EntityName = 'patient' | 'operator' | 'device' | 'calibration' | 'session' | 'trial' | 'stream';

export interface InputIssue {
  /** Dotted path of the offending field (`dateOfBirth`, `metrics.swayAreaMm2`), '' for the whole input. */
  readonly path: string;
  readonly message: string;
}

export type StorageError =
  | { readonly code: 'invalid-input'; readonly message: string; readonly issues: readonly InputIssue[] }
  | { readonly code: 'not-found'; readonly message: string; readonly entity: EntityName; readonly id: number }
  | { readonly code: 'conflict'; readonly message: string }
  | { readonly code: 'invalid-state'; readonly message: string }
  /** Stored data that does not decode (a damaged chunk): reported, never read as something else. */
  | { readonly code: 'corrupt-data'; readonly message: string }
  /** Recorded data could not be written (disk full, I/O error); it is still held in memory: try again. */
  | { readonly code: 'write-failed'; readonly message: string };

/** Why a file could not be opened as (or restored from) a Proprio database. Nothing was changed. */
export type DatabaseFileError =
  | { readonly code: 'not-a-database'; readonly message: string; readonly path: string }
  | { readonly code: 'foreign-database'; readonly message: string; readonly path: string }
  | { readonly code: 'schema-too-new'; readonly message: string; readonly path: string; readonly version: number }
  | { readonly code: 'corrupt'; readonly message: string; readonly path: string }
  | { readonly code: 'io'; readonly message: string; readonly path: string };

export function invalidInput(error: z.ZodError): StorageError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  return {
    code: 'invalid-input',
    message: issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`)).join('; '),
    issues,
  };
}

export function notFound(entity: EntityName, id: number): StorageError {
  return { code: 'not-found', message: `no ${entity} with id ${id}`, entity, id };
}
