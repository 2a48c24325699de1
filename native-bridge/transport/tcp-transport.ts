/** `tcp://host:port`: a serial device server (or the simulator's TCP front end), raw socket. */
import net from 'node:net';
import { destroyStream, linkFromDuplex } from './duplex-link.ts';
import type { OpenResult, TransportFactory } from './transport.ts';

const CONNECT_TIMEOUT_MS = 2000;

export function tcpTransport(host: string, port: number): TransportFactory {
  return {
    description: `tcp://${host}:${port}`,
    open: () =>
      new Promise<OpenResult>((resolve) => {
        const socket = net.connect({ host, port });
        socket.setNoDelay(true);
        const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
        const onError = (error: NodeJS.ErrnoException): void => {
          clearTimeout(timer);
          const code = error.code === 'ECONNREFUSED' ? 'refused' : error.code === 'ENOTFOUND' ? 'not-found' : 'io';
          resolve({ ok: false, error: { code, message: error.message } });
        };
        socket.once('error', onError);
        socket.once('connect', () => {
          clearTimeout(timer);
          socket.removeListener('error', onError);
          resolve({ ok: true, link: linkFromDuplex(socket, destroyStream) });
        });
      }),
  };
}
