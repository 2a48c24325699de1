/**
 * Romberg and tandem stance end to end against the simulated plate on a compressed clock: auto-start
 * when steady, eyes open then closed (the simulated sway grows with eyes closed, so the Romberg
 * quotient exceeds 1), and a step off the plate ending an eyes-closed trial as a fall.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rombergProtocol, tandemStanceProtocol } from '../../core/index.ts';
import { TRIAL_ALGORITHM_VERSION } from '../../host/balance/index.ts';
import { RATE_HZ, runProtocol, waitDeviceMs, type Harness } from './protocols-harness.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('Romberg on the simulated plate', () => {
  it('runs eyes open then eyes closed, with the sway metrics of each and a Romberg quotient above 1', async () => {
    harness = await runProtocol(rombergProtocol(), { seed: 41 });
    const summary = await harness.finished(20_000);
    expect(summary.outcome).toBe('finished');
    expect(summary.results.map((r) => [r.trialId, r.outcome, r.condition.eyes])).toEqual([
      ['eo', 'completed', 'open'],
      ['ec', 'completed', 'closed'],
    ]);
    for (const result of summary.results) {
      expect(result.samples).toBe((30_000 * RATE_HZ) / 1000);
      expect(result.lostSamples).toBe(0);
      expect(result.sway?.metrics.meanVelocityMmS).toBeGreaterThan(1);
      expect(result.algorithmVersion).toBe(TRIAL_ALGORITHM_VERSION);
    }
    expect(summary.results[1]?.safety).toBe('spotter');
    const velocity = summary.rombergQuotients?.find((q) => q.metric === 'meanVelocityMmS');
    expect(velocity?.quotient).toBeGreaterThan(1.1);
    // Countdown, start and end cues, in order, for each trial.
    const cues = harness.commands.flatMap((c) => (c.kind === 'cue' ? [c.cue.kind === 'countdown' ? `${c.cue.secondsLeft}` : c.cue.kind] : []));
    expect(cues).toEqual(['3', '2', '1', 'start', 'end', '3', '2', '1', 'start', 'end']);
  }, 30_000);

  it('ends an eyes-closed trial as a fall when the patient steps off, with the hold time', async () => {
    harness = await runProtocol(rombergProtocol(), { seed: 42 });
    await harness.captureStarted(2);
    await waitDeviceMs(harness.sim, 12_000);
    harness.sim.stepOff();
    const summary = await harness.finished(20_000);
    const closed = summary.results[1];
    expect(closed?.outcome).toBe('fell');
    expect(closed?.holdMs).toBeGreaterThan(11_000);
    expect(closed?.holdMs).toBeLessThan(16_000);
    expect(closed?.sway).toBeNull();
    expect(summary.rombergQuotients?.every((q) => q.quotient === null)).toBe(true);
  }, 30_000);
});

describe('Tandem stance on the simulated plate', () => {
  it('runs heel-to-toe eyes open and closed to the end', async () => {
    harness = await runProtocol(tandemStanceProtocol({ trialMs: 10_000 }), { seed: 43 });
    const summary = await harness.finished(20_000);
    expect(summary.results.map((r) => [r.trialId, r.condition.stance, r.outcome])).toEqual([
      ['tandem-eo', 'tandem', 'completed'],
      ['tandem-ec', 'tandem', 'completed'],
    ]);
    expect(summary.rombergQuotients?.[0]?.quotient).not.toBeNull();
  }, 30_000);
});
