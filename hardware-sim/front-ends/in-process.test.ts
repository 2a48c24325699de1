import { describe, it, expect } from 'vitest';
import { createPlateSim } from '../plate/plate-sim.ts';
import { settle } from '../testing/host-probe.ts';
import { PortUnpluggedError } from './in-process.ts';

describe('in-process front end', () => {
  it('closes the Duplex on unplug, refuses to connect until replug, and the device keeps running', async () => {
    const sim = createPlateSim({ clock: 'manual' });
    const first = sim.connectInProcess();
    const events: string[] = [];
    first.on('close', () => events.push('close'));
    first.on('end', () => events.push('end'));
    first.on('data', () => {});
    sim.advanceMs(300);
    await settle();
    await sim.unplug();
    await settle();
    expect(events).toContain('close');
    expect(() => sim.connectInProcess()).toThrow(PortUnpluggedError);
    sim.advanceMs(1000);
    expect(sim.faultCounters().linesUnplugged).toBeGreaterThan(0); // %HB went nowhere
    await sim.replug();
    const second = sim.connectInProcess();
    const received: Buffer[] = [];
    second.on('data', (chunk: Buffer) => received.push(chunk));
    sim.advanceMs(300);
    await settle();
    expect(Buffer.concat(received).toString('latin1')).toMatch(/^%HB \d+ \d+\*[0-9A-F]{4}\n/);
    expect(sim.nowUs()).toBe(1_600_000);
    await sim.close();
  });

  it('a second connect replaces the first (reopening the port)', async () => {
    const sim = createPlateSim({ clock: 'manual' });
    const first = sim.connectInProcess();
    let isFirstClosed = false;
    first.on('close', () => {
      isFirstClosed = true;
    });
    const second = sim.connectInProcess();
    await settle();
    expect(isFirstClosed).toBe(true);
    expect(second.destroyed).toBe(false);
    await sim.close();
  });
});
