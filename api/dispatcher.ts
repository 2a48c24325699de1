/**
 * The host side of the contract, transport-neutral: looks the method up, checks the parameters
 * against its schema, runs the handler, and turns anything the handler throws into
 * `{ code: 'internal', id }` (STYLE.md §6), so no stack trace or exception text ever reaches a
 * screen. Both the WebSocket host and Electron's IPC binding call `dispatch`.
 */
import type { z } from 'zod';
import { METHODS, isMethodName, type MethodName, type MethodParams, type MethodResult } from './contract.ts';
import { METHOD_ACCESS, type Access } from './access.ts';
import { apiError, internalError, type ApiError, type ApiResponse } from './errors.ts';

/** The host's implementation of every method: TypeScript makes a missing one a compile error. */
export type ApiHandlers = {
  [M in MethodName]: (params: MethodParams<M>) => Promise<ApiResponse<MethodResult<M>>> | ApiResponse<MethodResult<M>>;
};

export interface DispatcherOptions {
  readonly handlers: ApiHandlers;
  /** Whether the call may run now (sign-in, lock, role); an error refuses it before its parameters are read. */
  readonly checkAccess: (access: Access, method: MethodName) => ApiError | undefined;
  /** A fresh reference id for an internal error (random; shown to the user, kept in the log). */
  readonly newErrorId: () => string;
  /** Logs an internal error with its id: the only place its details go. */
  readonly reportInternal: (id: string, method: string, error: unknown) => void;
}

export type Dispatch = (method: string, params: unknown) => Promise<ApiResponse<unknown>>;

/** How many schema problems a message names before it stops: enough to fix the call. */
const ISSUES_SHOWN = 3;

export function createDispatcher(options: DispatcherOptions): Dispatch {
  return async (method, params) => {
    if (!isMethodName(method)) return apiError('unknown-method', `Proprio does not know the action "${method.slice(0, 64)}".`);
    const refused = options.checkAccess(METHOD_ACCESS[method], method);
    if (refused !== undefined) return { ok: false, error: refused };
    const parsed = METHODS[method].params.safeParse(params ?? {});
    if (!parsed.success) return apiError('invalid-request', `The request for "${method}" was not accepted: ${describeIssues(parsed.error)}.`);
    try {
      const handler = options.handlers[method] as (p: unknown) => Promise<ApiResponse<unknown>> | ApiResponse<unknown>;
      return await handler(parsed.data);
    } catch (error) {
      const id = options.newErrorId();
      options.reportInternal(id, method, error);
      return internalError(id);
    }
  };
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, ISSUES_SHOWN).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the request';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`;
}
