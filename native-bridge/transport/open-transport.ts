/** Turns a parsed port into a TransportFactory; simulated ports come from the composition root. */
import type { Duplex } from 'node:stream';
import { err, ok, type Result } from '../../core/index.ts';
import { duplexTransport } from './duplex-transport.ts';
import { describePortSpec, type PortSpec } from './port-spec.ts';
import { serialTransport } from './serial-transport.ts';
import { tcpTransport } from './tcp-transport.ts';
import type { TransportFactory } from './transport.ts';

/** Supplies in-process simulator endpoints; absent where no simulator is wired in. */
export type InProcessConnector = (device: 'plate' | 'table') => (() => Duplex | undefined) | undefined;

export function transportFor(spec: PortSpec, inProcess?: InProcessConnector): Result<TransportFactory, string> {
  switch (spec.kind) {
    case 'serial':
      return ok(serialTransport(spec.path));
    case 'tcp':
      return ok(tcpTransport(spec.host, spec.port));
    case 'sim': {
      const connect = inProcess?.(spec.device);
      return connect === undefined
        ? err(`${describePortSpec(spec)} is not available here: no simulator is running in this process`)
        : ok(duplexTransport(describePortSpec(spec), connect));
    }
  }
}
