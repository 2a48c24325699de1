/**
 * Two connected Duplex streams: what one end writes, the other end reads.
 *
 * Node 20 has no `stream.duplexPair`, so this is a small one. Backpressure crosses the pair: a
 * write is acknowledged only once the peer's readable side has room (its `push` returned true or
 * it asked for more with `_read`), so a host that stops reading makes the device's `write` return
 * false — exactly what a full OS serial buffer does — and the device can flag DEVICE_OVERFLOW.
 * Ending one side's writable ends the peer's readable. Destroying one end destroys the other, so
 * an unplug is seen on both sides as 'close'.
 */
import { Duplex } from 'node:stream';

class PairEnd extends Duplex {
  peer: PairEnd | null = null;
  private pendingWrite: (() => void) | null = null;

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const peer = this.peer;
    if (peer === null || peer.destroyed) {
      callback(new Error('peer closed'));
      return;
    }
    if (peer.push(chunk)) callback();
    else peer.pendingWrite = () => callback();
  }

  override _read(): void {
    const resume = this.pendingWrite;
    this.pendingWrite = null;
    resume?.();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.peer?.push(null);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const peer = this.peer;
    this.peer = null;
    this.pendingWrite = null;
    if (peer !== null && !peer.destroyed) {
      peer.push(null);
      peer.destroy();
    }
    callback(error);
  }
}

export interface DuplexPair {
  readonly a: Duplex;
  readonly b: Duplex;
}

export function createDuplexPair(highWaterMarkBytes = 64 * 1024): DuplexPair {
  const a = new PairEnd({ highWaterMark: highWaterMarkBytes, allowHalfOpen: false });
  const b = new PairEnd({ highWaterMark: highWaterMarkBytes, allowHalfOpen: false });
  a.peer = b;
  b.peer = a;
  return { a, b };
}
