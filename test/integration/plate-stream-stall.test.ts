/**
 * A plate that stopped streaming on its own (plate.md §2: no host line for 2 s, after a stall of
 * the host process, say) still answers on its link, so silence never shows it. Its heartbeat does
 * (§7: a streaming plate never beats): the driver takes a fresh link, the samples come back, and
 * the stretch lost is reported as a gap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PlateDriver, type PlateGap } from '../../native-bridge/index.ts';
import { pumpedPlate, type PumpedPlate } from '../support/pumped-device.ts';

let rig: PumpedPlate | undefined;
let driver: PlateDriver | undefined;
afterEach(async () => {
  await driver?.stop();
  await rig?.close();
});

describe('plate driver after the plate stopped streaming by itself', () => {
  it('reconnects, streams again, and reports the gap', async () => {
    const plate = pumpedPlate({ seed: 3 });
    rig = plate;
    const d = new PlateDriver({ transport: plate.transport, rateHz: 100, timers: plate.timers });
    driver = d;
    d.start();
    await plate.run(new Promise((resolve) => d.events.on('connected', resolve)));
    const losses: string[] = [];
    const gaps: PlateGap[] = [];
    d.events.on('linkLost', ({ reason }) => losses.push(reason));
    d.events.on('gap', (gap) => gaps.push(gap));

    // The host falls silent (no heartbeat) for longer than the plate's 2 s: the plate goes idle.
    d.setHeartbeatEnabled(false);
    const dropped = new Promise<void>((resolve) => d.events.on('linkLost', () => resolve()));
    const giveUp = new Promise<void>((resolve) => plate.timers.after(5000, resolve));
    await plate.run(Promise.race([dropped, giveUp]));
    d.setHeartbeatEnabled(true);
    expect(losses).toEqual(['the plate stopped streaming by itself (it heard no host line for 2 s)']);

    // A fresh link: handshake, rate and start; samples flow again.
    await plate.run(new Promise((resolve) => d.events.on('connected', resolve)));
    await plate.run(new Promise((resolve) => d.events.on('samples', resolve)));
    expect(d.linkStats().reconnects).toBe(1);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps[0]).toMatchObject({ cause: 'link-lost' });
    expect(gaps[0]?.lostSamples ?? 0).toBeGreaterThan(0);
  });
});
