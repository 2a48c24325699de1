/**
 * The contract every byte link to a device fulfils: serial port, TCP serial server, the
 * in-process simulator, or a test double (STYLE.md §1.1, modelled on serialport's
 * bindings-interface). Drivers receive a TransportFactory and never choose one themselves.
 *
 * Failure behaviour:
 * - `open` never throws: a missing device, a refused connection or a busy port is an
 *   `OpenError` value. Opening again after a failure is always allowed (that is how a driver
 *   reconnects after an unplug).
 * - After a successful open, bytes arrive through `onData` in chunks of any size; a chunk may
 *   cut a line anywhere.
 * - The link ends exactly once, reported through `onClose`: `requested` after our own
 *   `close()`, `disconnected` when the device went away (unplug, EOF, I/O error, remote close).
 *   Data that was in flight is lost; nothing is delivered after `onClose`.
 * - `write` after the link ended is ignored (the close was already reported). It returns false
 *   when the OS buffer is full: the caller may go on, but should expect latency.
 */
export interface TransportFactory {
  /** Where this transport leads, for people: `/dev/ttyUSB0`, `tcp://10.0.0.5:4001`, `sim:plate`. */
  readonly description: string;
  open(): Promise<OpenResult>;
}

export type OpenResult = { readonly ok: true; readonly link: TransportLink } | { readonly ok: false; readonly error: OpenError };

export interface OpenError {
  readonly code: 'not-found' | 'refused' | 'busy' | 'io';
  readonly message: string;
}

export interface TransportLink {
  write(text: string): boolean;
  onData(listener: (chunk: Buffer) => void): void;
  onClose(listener: (reason: CloseReason) => void): void;
  /** Ends the link; resolves once the OS handle is released. Idempotent. */
  close(): Promise<void>;
}

export type CloseReason =
  | { readonly kind: 'requested' }
  | { readonly kind: 'disconnected'; readonly message: string };
