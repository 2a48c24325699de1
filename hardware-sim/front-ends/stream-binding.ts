/**
 * Binds one byte stream (in-process duplex, PTY, TCP socket) to a device.
 *
 * Host bytes go to the device at the device time they arrive (the clock is synced first, so in
 * real time a command is stamped when it really came in); device bytes leave through the
 * device's TxPort, which respects the stream's backpressure ('drain'). One stream at a time:
 * attaching a new one detaches the old. When the stream closes or errors the cable is gone and the
 * device keeps running with nothing attached.
 */
import type { Duplex } from 'node:stream';
import type { TxPort } from '../device-link/tx-port.ts';

export interface DeviceEndpoint {
  readonly tx: TxPort;
  /** Bring device time up to now (real-time clock); no-op with the manual clock. */
  sync(): void;
  /** Host bytes, at the present device time. */
  receive(chunk: Buffer): void;
  /** A new connection: forget any partial host line. */
  connected(): void;
  /** Hand what is due to the port. */
  pump(): void;
}

/** What a front end needs of the binding (FrontEndHost hands each one a gated view). */
export interface PortBinding {
  readonly current: Duplex | null;
  attach(stream: Duplex): void;
  detach(): void;
}

export class StreamBinding implements PortBinding {
  private stream: Duplex | null = null;
  private detachListeners: (() => void) | null = null;

  constructor(private readonly device: DeviceEndpoint) {}

  get current(): Duplex | null {
    return this.stream;
  }

  attach(stream: Duplex): void {
    this.detach();
    this.stream = stream;
    const onData = (chunk: Buffer | string): void => {
      this.device.sync();
      this.device.receive(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
    };
    const onDrain = (): void => {
      this.device.tx.drained();
      this.device.pump();
    };
    const onGone = (): void => {
      if (this.stream === stream) this.detach();
    };
    stream.on('data', onData);
    stream.on('drain', onDrain);
    stream.on('close', onGone);
    stream.on('error', onGone);
    this.detachListeners = () => {
      stream.off('data', onData);
      stream.off('drain', onDrain);
      stream.off('close', onGone);
      // An error after detaching must not crash the process: keep a no-op listener.
      stream.off('error', onGone);
      stream.on('error', () => {});
    };
    this.device.connected();
    this.device.tx.attach({ write: (chunk) => (stream.destroyed ? true : stream.write(chunk)) });
  }

  /** Stops using the current stream (does not destroy it). */
  detach(): void {
    const stream = this.stream;
    if (stream === null) return;
    this.stream = null;
    this.detachListeners?.();
    this.detachListeners = null;
    this.device.tx.detach();
  }
}
