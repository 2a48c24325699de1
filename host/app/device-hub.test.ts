import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingEvent } from '../../api/index.ts';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { DEVICE_STATS_PUSH_MS, DeviceHub } from './device-hub.ts';

const hubs: DeviceHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

function hub(timeScale = 1, withSimulator = false) {
  const timers = new ManualTimers();
  const events: OutgoingEvent[] = [];
  // A simulator endpoint that never connects: enough to exercise assignment without I/O.
  const inProcess = withSimulator ? () => () => undefined : undefined;
  const created = new DeviceHub({ timers, nowEpochMs: () => 0, publish: (e) => events.push(e), timeScale, ...(inProcess ? { inProcess } : {}) });
  hubs.push(created);
  return { hub: created, timers, events };
}

const codeOf = (response: { ok: boolean; error?: { code: string } }): string | undefined => (response.ok ? undefined : response.error?.code);

describe('DeviceHub', () => {
  it('refuses a port spec it cannot parse, or a simulated device on the wrong role', async () => {
    const { hub: h } = hub(1, true);
    expect(codeOf(await h.connect('plate', 'ftp://nowhere'))).toBe('invalid-request');
    expect(codeOf(await h.connect('plate', 'sim:table'))).toBe('invalid-request');
    expect(codeOf(await h.connect('table', 'sim:plate'))).toBe('invalid-request');
    expect(h.list()).toEqual([]);
  });

  it('refuses a real port while time runs faster, and allows the simulator', async () => {
    const { hub: h } = hub(10, true);
    const real = await h.connect('table', 'tcp://127.0.0.1:9');
    expect(codeOf(real)).toBe('refused');
    if (!real.ok) expect(real.error.message).toMatch(/10× faster.*only with simulated devices/);
    expect((await h.connect('table', 'sim:table')).ok).toBe(true);
    expect(h.hasSimulated).toBe(true);
  });

  it('refuses a simulated port when no simulator runs in this process', async () => {
    const { hub: h } = hub(1, false);
    expect(codeOf(await h.connect('plate', 'sim:plate'))).toBe('refused');
  });

  it('assigns one device per role, replaces it on reconnect, and says when there is nothing to disconnect', async () => {
    const { hub: h } = hub(1, true);
    await h.connect('plate', 'sim:plate');
    await h.connect('plate', 'sim:plate');
    expect(h.list().map((d) => [d.role, d.port, d.simulated])).toEqual([['plate', 'sim:plate', true]]);
    expect((await h.disconnect('plate')).ok).toBe(true);
    expect(codeOf(await h.disconnect('plate'))).toBe('not-found');
    expect(h.list()).toEqual([]);
  });

  it('pushes the device list at once on a change, then every DEVICE_STATS_PUSH_MS while a device is assigned', async () => {
    const { hub: h, timers, events } = hub(1, true);
    await h.connect('plate', 'sim:plate');
    timers.advance(0);
    const pushes = (): number => events.filter((e) => e.kind === 'json' && e.message.name === 'devices.changed').length;
    const first = pushes();
    expect(first).toBeGreaterThanOrEqual(1);
    timers.advance(DEVICE_STATS_PUSH_MS * 3);
    expect(pushes()).toBeGreaterThanOrEqual(first + 3);
    await h.disconnect('plate');
    timers.advance(0);
    const afterDisconnect = pushes();
    timers.advance(DEVICE_STATS_PUSH_MS * 4);
    expect(pushes()).toBe(afterDisconnect);
  });
});
