/**
 * Typed API errors (STYLE.md §6): every failure a caller sees is one of these codes with a message
 * a clinician can read. Never a stack trace: an unexpected throw in the host becomes `internal`
 * with a reference id, and the details stay in the host's log under that id.
 */
import { err, type Result } from '../core/index.ts';

export type ApiErrorCode =
  /** The request did not match the contract (wrong shape, out-of-range value). */
  | 'invalid-request'
  /** No such method in the contract. */
  | 'unknown-method'
  /** Nobody is signed in: sign in first. */
  | 'not-signed-in'
  /** The screen is locked after idle time: the signed-in operator's password unlocks it. */
  | 'locked'
  /** The signed-in operator's role may not do this. */
  | 'forbidden'
  /** The request named something that does not exist (a device role with nothing connected). */
  | 'not-found'
  /** The request is understood but not allowed now (for example a real port while time runs fast). */
  | 'refused'
  /** A device did not do what was asked (no reply, refused the command). */
  | 'device-error'
  /** The clinic database could not store or read something; what was asked was not done. */
  | 'storage-error'
  /** The screen lost its connection to the host; the action may or may not have happened. */
  | 'host-unreachable'
  /** Proprio's own bug; `id` finds the details in the host log. */
  | 'internal';

export interface ApiError {
  readonly code: ApiErrorCode;
  /** One or two plain sentences for the person at the screen. */
  readonly message: string;
  /** Set for `internal`: the reference under which the host logged the details. */
  readonly id?: string;
  /** Set when a form was refused: a message per field (`dateOfBirth`, …), shown beside it. */
  readonly fields?: readonly FieldIssue[];
}

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** What every API call resolves to: a value, or a typed error. Calls never reject for these. */
export type ApiResponse<T> = Result<T, ApiError>;

export function apiError(code: Exclude<ApiErrorCode, 'internal'>, message: string, fields?: readonly FieldIssue[]): { readonly ok: false; readonly error: ApiError } {
  return err(fields === undefined ? { code, message } : { code, message, fields });
}

export function internalError(id: string): { readonly ok: false; readonly error: ApiError } {
  return err({
    code: 'internal',
    id,
    message: `Proprio ran into an internal problem and did not complete the action. It was logged with reference ${id}; please report it to your technician.`,
  });
}
