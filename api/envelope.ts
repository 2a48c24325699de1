/**
 * The messages a byte transport (the loopback WebSocket) carries. Electron IPC needs none of this:
 * it has `invoke` for calls and a fixed event channel.
 *
 * Client → host, text: `{ kind: 'call', id, method, params }`.
 * Host → client, text: `{ kind: 'reply', id, response }` or `{ kind: 'event', name, payload }`;
 * binary: a stream frame (streams/stream-frame.ts).
 */
import { z } from 'zod';
import type { ApiResponse } from './errors.ts';
import type { ApiEvents, JsonEventName } from './contract.ts';

/** Method names are short dotted identifiers; anything longer is refused before lookup. */
const METHOD_NAME_MAX_CHARS = 64;

export const callMessageSchema = z.strictObject({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(METHOD_NAME_MAX_CHARS),
  params: z.unknown(),
});
export type CallMessage = z.infer<typeof callMessageSchema>;

export type ReplyMessage = {
  readonly kind: 'reply';
  /** The call's id; null when the call was too malformed to have one. */
  readonly id: number | null;
  readonly response: ApiResponse<unknown>;
};

export type EventMessage = { [E in JsonEventName]: { readonly kind: 'event'; readonly name: E; readonly payload: ApiEvents[E] } }[JsonEventName];

export type HostTextMessage = ReplyMessage | EventMessage;

/**
 * An event as the host hands it to a transport: JSON ones as their message, stream batches as a
 * packed frame. A transport sends the first as text (or on IPC as a clone) and the second as
 * binary (or a cloned ArrayBuffer).
 */
export type OutgoingEvent =
  | { readonly kind: 'json'; readonly message: EventMessage }
  | { readonly kind: 'stream'; readonly frame: ArrayBuffer };
