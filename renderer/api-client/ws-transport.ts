/**
 * The contract over the browser-mode host's WebSocket (host/web): calls as text frames with ids,
 * events as text (JSON) or binary (stream frames). Reconnects by itself when the host restarts or
 * the network stack hiccups; calls in flight at a drop resolve with `host-unreachable`.
 */
import { streamNameOfFrame, type ApiResponse, type ClientTransport, type HostTextMessage } from '../../api/index.ts';

/** Retry delay after the socket closes: quick enough to feel live, slow enough not to spin. */
const RECONNECT_DELAY_MS = 500;

export type LinkListener = (isConnected: boolean) => void;

export interface WebSocketTransport extends ClientTransport {
  onLink(listener: LinkListener): () => void;
}

const LOST: ApiResponse<never> = {
  ok: false,
  error: { code: 'host-unreachable', message: 'The connection to Proprio was lost; the action may not have completed. Check the device screen once it reconnects.' },
};

export function webSocketTransport(url: string): WebSocketTransport {
  const pending = new Map<number, (response: ApiResponse<unknown>) => void>();
  const eventListeners = new Set<(name: string, payload: unknown) => void>();
  const linkListeners = new Set<LinkListener>();
  let nextId = 1;
  let socket: WebSocket;
  let isOpen = false;
  const queued: string[] = [];

  const setLink = (open: boolean): void => {
    isOpen = open;
    for (const listener of linkListeners) listener(open);
  };

  const connect = (): void => {
    socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      setLink(true);
      for (const text of queued.splice(0)) socket.send(text);
    };
    socket.onclose = () => {
      for (const resolve of pending.values()) resolve(LOST);
      pending.clear();
      if (isOpen) setLink(false);
      setTimeout(connect, RECONNECT_DELAY_MS);
    };
    socket.onmessage = (message: MessageEvent<unknown>) => {
      if (message.data instanceof ArrayBuffer) {
        // The stream's name is in the frame header; the client decodes the columns.
        const name = streamNameOfFrame(message.data);
        if (name !== undefined) for (const listener of eventListeners) listener(name, message.data);
        return;
      }
      if (typeof message.data !== 'string') return;
      const parsed = JSON.parse(message.data) as HostTextMessage;
      if (parsed.kind === 'reply') {
        const resolve = parsed.id === null ? undefined : pending.get(parsed.id);
        if (resolve !== undefined && parsed.id !== null) {
          pending.delete(parsed.id);
          resolve(parsed.response);
        }
      } else {
        for (const listener of eventListeners) listener(parsed.name, parsed.payload);
      }
    };
  };
  connect();

  return {
    call(method, params) {
      const id = nextId++;
      const text = JSON.stringify({ kind: 'call', id, method, params });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (isOpen) socket.send(text);
        else queued.push(text);
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => void eventListeners.delete(listener);
    },
    onLink(listener) {
      linkListeners.add(listener);
      return () => void linkListeners.delete(listener);
    },
  };
}
