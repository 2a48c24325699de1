/**
 * One screen's WebSocket: text frames carry calls (`{ kind: 'call', id, method, params }`) and
 * replies; the host's events go out as text (JSON events) or binary (stream frames). Whatever the
 * screen sends, the host answers with a typed error and goes on (STYLE.md §6).
 */
import type { WebSocket } from 'ws';
import { apiError, callMessageSchema, type ReplyMessage } from '../../api/index.ts';
import type { RpcHost } from '../rpc/rpc-host.ts';

/**
 * A screen that stops reading must not make the host hoard frames for it: past this much unsent
 * data its stream frames are dropped (it will see a gap), while replies and JSON events still go.
 */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export function serveSocket(socket: WebSocket, rpc: RpcHost): void {
  const reply = (message: ReplyMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      reply({ kind: 'reply', id: null, response: apiError('invalid-request', 'Proprio accepts only text requests on this connection.') });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'));
    } catch {
      reply({ kind: 'reply', id: null, response: apiError('invalid-request', 'The request was not valid JSON.') });
      return;
    }
    const call = callMessageSchema.safeParse(parsed);
    if (!call.success) {
      const id = typeof (parsed as { id?: unknown } | null)?.id === 'number' ? (parsed as { id: number }).id : null;
      reply({ kind: 'reply', id, response: apiError('invalid-request', 'The request was not in the form { kind: "call", id, method, params }.') });
      return;
    }
    void rpc.dispatch(call.data.method, call.data.params).then((response) => reply({ kind: 'reply', id: call.data.id, response }));
  });
}

/** Sends one already-encoded event to a socket, dropping stream frames for a screen that lags. */
export function sendEvent(socket: WebSocket, data: string | ArrayBuffer): void {
  if (socket.readyState !== socket.OPEN) return;
  if (typeof data !== 'string' && socket.bufferedAmount > MAX_BUFFERED_BYTES) return;
  socket.send(data, { binary: typeof data !== 'string' });
}
