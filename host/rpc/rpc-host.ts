/**
 * Binds the application service to the contract's dispatcher (STYLE.md §2: `rpc/` validates, then
 * dispatches). Both transports take an RpcHost: the loopback WebSocket (host/web) and Electron IPC
 * (electron/main/ipc.ts), so a request is checked the same way whichever way it came.
 */
import { randomUUID } from 'node:crypto';
import { createDispatcher, type ApiHandlers, type Dispatch, type DispatcherOptions, type OutgoingEvent } from '../../api/index.ts';

export interface RpcHost {
  /** Validates and runs one call; never rejects (a throw inside becomes an `internal` error). */
  readonly dispatch: Dispatch;
  /** Every event for every screen; returns the unsubscribe function. */
  onEvent(listener: (event: OutgoingEvent) => void): () => void;
}

export interface RpcSource {
  readonly handlers: ApiHandlers;
  readonly checkAccess: DispatcherOptions['checkAccess'];
  onEvent(listener: (event: OutgoingEvent) => void): () => void;
}

/** Where internal errors are logged: the host's stderr by default, with the reference the screen shows. */
export type InternalErrorLog = (line: string) => void;

export function createRpcHost(source: RpcSource, log: InternalErrorLog = (line) => console.error(line)): RpcHost {
  const dispatch = createDispatcher({
    handlers: source.handlers,
    checkAccess: (access, method) => source.checkAccess(access, method),
    // Short enough to read out over the phone, random enough never to repeat in a log.
    newErrorId: () => randomUUID().slice(0, 8),
    reportInternal: (id, method, error) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`proprio: internal error ${id} in ${method}: ${detail}`);
    },
  });
  return { dispatch, onEvent: (listener) => source.onEvent(listener) };
}
