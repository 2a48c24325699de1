/**
 * A transport whose link is a Duplex handed over by someone else: the in-process simulator
 * (composition roots pass `sim.connectInProcess`), or a test's own stream pair.
 */
import type { Duplex } from 'node:stream';
import { destroyStream, linkFromDuplex } from './duplex-link.ts';
import type { OpenResult, TransportFactory } from './transport.ts';

/** `connect` returns a fresh Duplex per open, or throws/returns undefined when unplugged. */
export function duplexTransport(description: string, connect: () => Duplex | undefined): TransportFactory {
  return {
    description,
    open: () => {
      let stream: Duplex | undefined;
      try {
        stream = connect();
      } catch (error) {
        return Promise.resolve<OpenResult>({ ok: false, error: { code: 'not-found', message: String(error) } });
      }
      if (stream === undefined) {
        return Promise.resolve<OpenResult>({ ok: false, error: { code: 'not-found', message: `${description} is unplugged` } });
      }
      return Promise.resolve<OpenResult>({ ok: true, link: linkFromDuplex(stream, destroyStream) });
    },
  };
}
