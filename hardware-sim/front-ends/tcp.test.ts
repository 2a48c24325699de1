/**
 * The TCP front end for real: a loopback client reads valid table telemetry, a new connection
 * replaces the old one, unplug refuses connections and replug serves the same port again.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { describe, it, expect } from 'vitest';
import { decodeTableDeviceLine, encodeTableHostLine } from '../spec-codec/table-codec.ts';
import type { TableDeviceMessage, TableHostMessage } from '../spec-codec/table-codec.ts';
import { TABLE_SCHEMA_HASH } from '../spec-codec/schema-hash.ts';
import { createTableSim } from '../table/table-sim.ts';
import { HostProbe } from '../testing/host-probe.ts';
import { waitFor } from '../testing/wait-for.ts';

type TableProbe = HostProbe<TableHostMessage, TableDeviceMessage>;

async function dial(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

const probe = (socket: Socket): TableProbe =>
  new HostProbe(socket, { encodeHost: encodeTableHostLine, decodeDevice: decodeTableDeviceLine });

describe('TCP front end', () => {
  it('serves telemetry on 127.0.0.1, replaces an old client, refuses while unplugged, serves again after replug', async () => {
    const sim = createTableSim({ seed: 4, timeScale: 2 });
    const endpoint = await sim.serveTcp();
    try {
      expect(endpoint.url).toBe(`tcp://127.0.0.1:${endpoint.port}`);
      const first = probe(await dial(endpoint.port));
      await waitFor(() => first.ofKind('telemetry').length >= 10, 3000, 'telemetry');
      first.send({ kind: 'command', command: { kind: 'hello', id: 1, proto: 1, hash: TABLE_SCHEMA_HASH } });
      await waitFor(() => first.replies(1).length > 0, 3000, 'HELLO ACK');
      expect(first.replies(1)[0]).toMatchObject({ kind: 'ack' });
      expect(first.bad).toEqual({ overflow: 0, crc: 0, format: 0, range: 0, unknown: 0 });
      const frames = first.ofKind('telemetry').map((t) => t.message.tUs);
      frames.forEach((t, i) => i > 0 && expect(t - (frames[i - 1] ?? 0)).toBe(20_000));

      const second = probe(await dial(endpoint.port));
      await waitFor(() => first.isClosed, 3000, 'old client closed');
      await waitFor(() => second.ofKind('telemetry').length >= 5, 3000, 'telemetry on the new client');

      await sim.unplug();
      await waitFor(() => second.isClosed, 3000, 'client closed on unplug');
      await expect(dial(endpoint.port)).rejects.toThrow(/ECONNREFUSED/);

      await sim.replug();
      const third = probe(await dial(endpoint.port));
      await waitFor(() => third.ofKind('telemetry').length >= 5, 3000, 'telemetry after replug');
      expect(third.bad.format + third.bad.range + third.bad.unknown).toBe(0);
      third.stream.destroy();
    } finally {
      await endpoint.close();
      await sim.close();
    }
  });
});
