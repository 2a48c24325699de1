/**
 * A storage error as the screen sees it: a refused form keeps its message per field (shown beside
 * the field), an unknown id is `not-found`, a clash (a clinic ID in use) is `refused`.
 */
import { apiError, type ApiError } from '../../api/index.ts';
import type { StorageError } from '../storage/index.ts';

export function storageRefusal(error: StorageError): { readonly ok: false; readonly error: ApiError } {
  switch (error.code) {
    case 'invalid-input':
      return apiError('invalid-request', error.message, error.issues);
    case 'not-found':
      return apiError('not-found', error.message);
    case 'conflict':
    case 'invalid-state':
      return apiError('refused', error.message);
    case 'corrupt-data':
    case 'write-failed':
      return apiError('storage-error', error.message);
    default:
      return error satisfies never;
  }
}
