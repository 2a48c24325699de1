/**
 * The app's plate driver against the simulated plate over a real socat PTY pair, through
 * node-serialport's real binding (DEVELOPERS.md: real serial, no mocks).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPlateSim, type PlateSim } from '../../hardware-sim/index.ts';
import { PlateDriver, serialTransport, totalBadLines } from '../../native-bridge/index.ts';
import { SampleRecorder } from '../support/sample-recorder.ts';
import { sleep, waitFor } from '../support/wait.ts';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function plateOverPty(options: Parameters<typeof createPlateSim>[0], rateHz: number): Promise<{ sim: PlateSim; driver: PlateDriver; recorder: SampleRecorder }> {
  const sim = createPlateSim({ clock: 'realtime', subjectPresent: true, ...options });
  cleanup.push(() => sim.close());
  const endpoint = await sim.servePty();
  const driver = new PlateDriver({ transport: serialTransport(endpoint.path), rateHz });
  cleanup.push(() => driver.stop());
  const recorder = new SampleRecorder(driver);
  const connected = new Promise<void>((resolve) => driver.events.on('connected', () => resolve()));
  driver.start();
  await connected;
  return { sim, driver, recorder };
}

describe('plate over a socat PTY', () => {
  it('streams 1000 Hz for 60 s of real time without losing a sample', async () => {
    const { sim, driver, recorder } = await plateOverPty({ seed: 11 }, 1000);
    await sleep(60_000);
    expect((await driver.stopStreaming()).ok).toBe(true);
    const sent = sim.state().samplesSent;
    expect(sent).toBeGreaterThanOrEqual(59_500);
    expect(recorder.samples).toBe(sent);
    expect(recorder.gaps).toEqual([]);
    expect(recorder.timeDiscontinuities(1000)).toEqual([]);
    const link = driver.linkStats();
    expect(totalBadLines(link)).toBe(0);
    expect(link.lostLines).toBe(0);
    expect(driver.streamStats().lostSamples).toBe(0);
  }, 90_000);

  it('with 1 % of lines garbled, delivers every intact line and counts every bad one', async () => {
    const { sim, driver, recorder } = await plateOverPty({ seed: 12, timeScale: 4, faults: { garbleFrac: 0.01 } }, 1000);
    await sleep(10_000);
    expect((await driver.stopStreaming()).ok).toBe(true);
    const faults = sim.faultCounters();
    const link = driver.linkStats();
    expect(faults.garbled).toBeGreaterThan(300);
    // Every garbled line is a bad line at the host, and nothing else is.
    expect(totalBadLines(link)).toBe(faults.garbled);
    expect(link.badLines.crc).toBe(faults.garbled);
    // Every intact sample arrived: the samples sent are exactly those received plus those garbled
    // (a handful of garbled lines were replies or heartbeats, which the driver retried).
    const garbledSamples = sim.state().samplesSent - recorder.samples;
    expect(garbledSamples).toBeGreaterThan(0);
    expect(garbledSamples).toBeLessThanOrEqual(faults.garbled);
    expect(driver.streamStats().lostSamples).toBe(garbledSamples);
    expect(recorder.gaps.every((gap) => gap.cause === 'lines-lost')).toBe(true);
  }, 30_000);

  it('reconnects within 2 s of a replug and reports the outage as a gap in samples', async () => {
    const { sim, driver, recorder } = await plateOverPty({ seed: 13 }, 1000);
    await sleep(500);
    const unpluggedAt = performance.now();
    await sim.unplug();
    await waitFor('the driver to notice the unplug', () => driver.state.kind !== 'ready', 3000);
    await sleep(1000);
    await sim.replug();
    const replugAt = performance.now();
    await waitFor('reconnection', () => driver.state.kind === 'ready', 2000);
    const reconnectMs = performance.now() - replugAt;
    await waitFor('samples after the replug', () => recorder.gaps.length > 0, 2000);
    expect(reconnectMs).toBeLessThan(2000);
    const [gap] = recorder.gaps;
    expect(gap?.cause).toBe('link-lost');
    // The gap, counted on the device clock, spans the outage: at least the second we waited
    // unplugged, at most the whole time from unplug to the first sample after reconnecting, plus
    // the samples that were still on their way when we pulled the plug (the device paces its
    // output in 2 ms batches; 100 ms covers the PTY and event-loop delay on a loaded machine).
    const outageMs = performance.now() - unpluggedAt;
    expect(gap?.lostSamples).toBeGreaterThanOrEqual(1000);
    expect(gap?.lostSamples).toBeLessThanOrEqual(outageMs + 100);
    expect(driver.linkStats().reconnects).toBe(1);
    expect(driver.linkStats().seqRewinds).toBe(0);
    expect(driver.linkStats().lostLines).toBe(0);
    expect(recorder.timeDiscontinuities(1000)).toHaveLength(1);
  }, 30_000);
});
