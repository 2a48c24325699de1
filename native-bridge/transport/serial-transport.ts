/**
 * Serial device transport through node-serialport's real binding. Also what a socat PTY pair
 * exercises in the integration tests. 1.5 Mbaud is the plate's link speed (plate.md, link.md §1);
 * USB CDC and PTYs ignore it.
 */
import { SerialPort } from 'serialport';
import { destroyStream, linkFromDuplex } from './duplex-link.ts';
import type { OpenError, OpenResult, TransportFactory } from './transport.ts';

export const LINK_BAUD_RATE = 1_500_000;

export function serialTransport(path: string, baudRate = LINK_BAUD_RATE): TransportFactory {
  return {
    description: path,
    open: () =>
      new Promise<OpenResult>((resolve) => {
        const port = new SerialPort({ path, baudRate, autoOpen: false, lock: true });
        port.open((error) => {
          if (error) {
            resolve({ ok: false, error: classifyOpenError(error) });
            return;
          }
          resolve({ ok: true, link: linkFromDuplex(port, closePort) });
        });
      }),
  };
}

function closePort(stream: unknown): Promise<void> {
  const port = stream as SerialPort;
  if (!port.isOpen) return destroyStream(port);
  return new Promise((resolve) => {
    port.close(() => resolve());
  });
}

function classifyOpenError(error: Error): OpenError {
  const message = error.message;
  if (/ENOENT|No such file/i.test(message)) return { code: 'not-found', message };
  if (/EBUSY|lock|EACCES|Permission/i.test(message)) return { code: 'busy', message };
  return { code: 'io', message };
}
