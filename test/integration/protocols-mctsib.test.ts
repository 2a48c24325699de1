/**
 * mCTSIB and single-leg stance end to end against the simulated plate on a compressed clock,
 * with the plate unplugged in the middle of a trial (the attempt is void and done again) and a
 * step off the plate ending a single-leg trial as a fall.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mctsibProtocol, singleLegStanceProtocol } from '../../core/index.ts';
import { runProtocol, waitDeviceMs, type Harness } from './protocols-harness.ts';
import { sleep } from '../support/wait.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('mCTSIB on the simulated plate', () => {
  it('runs four conditions × three trials, repeats the trial the plate dropped out of, and gives condition means', async () => {
    harness = await runProtocol(mctsibProtocol(), { seed: 51 });
    await harness.captureStarted(2);
    await waitDeviceMs(harness.sim, 4000);
    await harness.sim.unplug();
    await sleep(150);
    await harness.sim.replug();
    const summary = await harness.finished(40_000);
    expect(harness.sink.voided.map((v) => [v.trialId, v.attempt, v.reason])).toEqual([['eo-firm-2', 1, 'plateDisconnected']]);
    expect(summary.results).toHaveLength(12);
    expect(summary.results.every((r) => r.outcome === 'completed' && r.sway !== null)).toBe(true);
    expect(summary.results.find((r) => r.trialId === 'eo-firm-2')?.attempt).toBe(2);
    const means = summary.mctsib?.conditions.map((c) => [c.key, c.trials, c.fell]);
    expect(means).toEqual([
      ['eyes-open-firm', 3, 0],
      ['eyes-closed-firm', 3, 0],
      ['eyes-open-foam', 3, 0],
      ['eyes-closed-foam', 3, 0],
    ]);
    const velocity = (key: string): number => summary.mctsib?.conditions.find((c) => c.key === key)?.meanVelocityMmS ?? NaN;
    // The simulated subject sways most with eyes closed on foam (sway-model: drive ×3 vs ×1).
    expect(velocity('eyes-closed-foam')).toBeGreaterThan(velocity('eyes-open-firm'));
    expect(summary.mctsib?.composite.kind).toBe('computed');
  }, 60_000);
});

describe('Single-leg stance on the simulated plate', () => {
  it('runs left then right, a step-off ending the left trial as a fall with its hold time', async () => {
    harness = await runProtocol(singleLegStanceProtocol({ trialsPerCondition: 1 }), { seed: 52 });
    await harness.captureStarted(1);
    await waitDeviceMs(harness.sim, 8000);
    harness.sim.stepOff();
    await waitDeviceMs(harness.sim, 2000);
    harness.sim.stepOn();
    const summary = await harness.finished(30_000);
    expect(summary.results.map((r) => [r.trialId, r.condition.stance, r.outcome])).toEqual([
      ['left', 'singleLegLeft', 'fell'],
      ['right', 'singleLegRight', 'completed'],
    ]);
    expect(summary.results[0]?.holdMs).toBeGreaterThan(7000);
    expect(summary.results[0]?.holdMs).toBeLessThan(11_000);
    expect(summary.results[1]?.holdMs).toBe(30_000);
  }, 40_000);
});
