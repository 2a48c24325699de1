/**
 * A TransportLink over any Node Duplex stream: a SerialPort, a TCP socket and the simulator's
 * in-process endpoint are all Duplexes, so one adapter serves every transport.
 */
import type { Duplex } from 'node:stream';
import type { CloseReason, TransportLink } from './transport.ts';

export function linkFromDuplex(stream: Duplex, closeStream: (stream: Duplex) => Promise<void>): TransportLink {
  const dataListeners: ((chunk: Buffer) => void)[] = [];
  const closeListeners: ((reason: CloseReason) => void)[] = [];
  let ended = false;
  let requested = false;
  let lastError = 'closed by the device';

  const finish = (): void => {
    if (ended) return;
    ended = true;
    stream.removeListener('data', onData);
    const reason: CloseReason = requested ? { kind: 'requested' } : { kind: 'disconnected', message: lastError };
    for (const listener of closeListeners) listener(reason);
  };
  const onData = (chunk: Buffer | string): void => {
    if (ended) return;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    for (const listener of dataListeners) listener(bytes);
  };

  stream.on('data', onData);
  stream.on('error', (error: Error) => {
    lastError = error.message;
    finish();
  });
  stream.on('close', finish);
  stream.on('end', finish);

  return {
    write(text) {
      if (ended || stream.destroyed) return true;
      return stream.write(text, 'latin1');
    },
    onData(listener) {
      dataListeners.push(listener);
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    async close() {
      if (!ended) {
        requested = true;
        finish();
      }
      // Always release the OS handle: a link that ended by 'end' or 'error' may still hold its fd
      // (and a serial port its lock).
      await closeStream(stream);
    },
  };
}

/** Default close for plain streams: destroy and wait for 'close'. */
export function destroyStream(stream: Duplex): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed) {
      resolve();
      return;
    }
    stream.once('close', () => resolve());
    stream.destroy();
  });
}
