/**
 * The screen side of the contract, transport-neutral: typed calls and typed event subscriptions
 * over whatever carries them (the loopback WebSocket, or Electron IPC through the preload). The
 * transport moves raw payloads; this module decodes stream frames so listeners get columns.
 */
import type { ApiEvents, EventName, MethodName, MethodParams, MethodResult } from './contract.ts';
import type { ApiResponse } from './errors.ts';
import { isStreamName, unpackStreamFrame } from './streams/stream-frame.ts';

/** What a transport provides: send a call, and deliver every event (streams as their raw frame). */
export interface ClientTransport {
  call(method: string, params: unknown): Promise<ApiResponse<unknown>>;
  /** `payload` is the JSON payload, or an ArrayBuffer stream frame when `name` is a stream. */
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

/** The whole API as the renderer sees it; the Electron preload exposes exactly this object. */
export interface ApiClient {
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<ApiResponse<MethodResult<M>>>;
  /** Listens to one event; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

export function createApiClient(transport: ClientTransport): ApiClient {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  transport.subscribe((name, payload) => {
    const set = listeners.get(name);
    if (set === undefined || set.size === 0) return;
    let value: unknown = payload;
    if (isStreamName(name)) {
      if (!(payload instanceof ArrayBuffer)) return;
      const batch = unpackStreamFrame(payload);
      // A malformed frame is dropped here; the host's counters and the charts' gap show it.
      if (!batch.ok || batch.value.stream !== name) return;
      value = batch.value;
    }
    for (const listener of set) (listener as (p: unknown) => void)(value);
  });
  return {
    call: (method, params) => transport.call(method, params) as Promise<ApiResponse<MethodResult<typeof method>>>,
    on(name, listener) {
      let set = listeners.get(name);
      if (set === undefined) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
}
