import { describe, expect, it } from 'vitest';
import { ok } from '../core/index.ts';
import { createApiClient, type ClientTransport } from './client.ts';
import { packStreamFrame } from './streams/stream-frame.ts';

function fakeTransport() {
  let deliver: (name: string, payload: unknown) => void = () => undefined;
  const calls: [string, unknown][] = [];
  const transport: ClientTransport = {
    call: async (method, params) => {
      calls.push([method, params]);
      return ok('answer');
    },
    subscribe: (listener) => {
      deliver = listener;
      return () => undefined;
    },
  };
  return { transport, calls, deliver: (name: string, payload: unknown) => deliver(name, payload) };
}

describe('api client', () => {
  it('forwards calls and returns the transport response', async () => {
    const fake = fakeTransport();
    const client = createApiClient(fake.transport);
    expect(await client.call('devices.disconnect', { role: 'table' })).toEqual(ok('answer'));
    expect(fake.calls).toEqual([['devices.disconnect', { role: 'table' }]]);
  });

  it('decodes stream frames into columns and drops malformed or mislabelled ones', () => {
    const fake = fakeTransport();
    const client = createApiClient(fake.transport);
    const seen: number[] = [];
    client.on('plate.samples', (batch) => seen.push(batch.count, batch.columns.copXMm[1] ?? -1));
    const source = new Float64Array(9 * 2).map((_, i) => i);
    fake.deliver('plate.samples', packStreamFrame('plate.samples', source, 2, 2, 1000));
    fake.deliver('plate.samples', new ArrayBuffer(3));
    fake.deliver('plate.samples', { not: 'a frame' });
    fake.deliver('plate.samples', packStreamFrame('table.telemetry', new Float64Array(6), 1, 1, 0));
    expect(seen).toEqual([2, 5]);
  });

  it('stops delivering to a listener once it unsubscribes', () => {
    const fake = fakeTransport();
    const client = createApiClient(fake.transport);
    const seen: unknown[] = [];
    const off = client.on('devices.changed', (devices) => seen.push(devices));
    fake.deliver('devices.changed', []);
    off();
    fake.deliver('devices.changed', []);
    expect(seen).toEqual([[]]);
  });
});
