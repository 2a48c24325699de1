/**
 * Active protocols end to end against the simulated plate on a compressed clock: limits of
 * stability (with a step-off voiding one direction, which is then done again), rhythmic weight
 * shift, and a re-education level with its progression decision (with the plate unplugged in the
 * middle of an exercise). The scripted patient moves the COP to the target as it moves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { limitsOfStabilityProtocol, nextLevel, REEDUCATION_LADDER, reeducationLevelProtocol, rhythmicWeightShiftProtocol } from '../../core/index.ts';
import { runProtocol, waitDeviceMs, type Harness } from './protocols-harness.ts';
import { sleep } from '../support/wait.ts';

const HEIGHT_M = 1.7;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('Limits of stability on the simulated plate', () => {
  it('scores all eight directions and repeats the one the patient stepped off in', async () => {
    harness = await runProtocol(limitsOfStabilityProtocol({ heightM: HEIGHT_M, targetPct: 80 }), { seed: 61 });
    await harness.captureStarted(3);
    await waitDeviceMs(harness.sim, 3000);
    harness.sim.stepOff();
    await waitDeviceMs(harness.sim, 1500);
    harness.sim.stepOn();
    const summary = await harness.finished(40_000);
    expect(harness.sink.voided.map((v) => [v.trialId, v.reason])).toEqual([['los-R', 'steppedOff']]);
    expect(summary.results.map((r) => r.trialId)).toEqual(['los-F', 'los-FR', 'los-R', 'los-BR', 'los-B', 'los-BL', 'los-L', 'los-FL']);
    expect(summary.results[2]?.attempt).toBe(2);
    for (const result of summary.results) {
      const los = result.los;
      expect(los?.reactionTimeMs, result.trialId).toBeGreaterThan(200);
      expect(los?.reactionTimeMs, result.trialId).toBeLessThan(1200);
      expect(los?.maxExcursionPct, result.trialId).toBeGreaterThan(85);
      expect(los?.maxExcursionPct, result.trialId).toBeLessThan(125);
      expect(los?.directionalControlPct, result.trialId).toBeGreaterThan(50);
    }
  }, 60_000);
});

describe('Rhythmic weight shift on the simulated plate', () => {
  it('runs both axes at three paces; a patient in time with the target is on it most of the time', async () => {
    harness = await runProtocol(rhythmicWeightShiftProtocol({ heightM: HEIGHT_M }), { seed: 62 });
    const summary = await harness.finished(40_000);
    expect(summary.results.map((r) => r.trialId)).toEqual(['rws-ml-slow', 'rws-ml-medium', 'rws-ml-fast', 'rws-ap-slow', 'rws-ap-medium', 'rws-ap-fast']);
    for (const result of summary.results) {
      const tracking = result.tracking;
      expect(tracking?.timeOnTargetPct, result.trialId).toBeGreaterThan(60);
      expect(tracking?.onAxisVelocityMmS, result.trialId).toBeGreaterThan(0.7 * (tracking?.pacingVelocityMmS ?? Infinity));
      expect(tracking?.directionalControlPct, result.trialId).toBeGreaterThan(40);
    }
  }, 60_000);
});

describe('Re-education on the simulated plate', () => {
  const level = REEDUCATION_LADDER[1];
  if (level === undefined) throw new Error('the ladder has no level 2');

  it('runs a level, survives an unplugged plate, and advances a patient who masters it', async () => {
    harness = await runProtocol(reeducationLevelProtocol(level, HEIGHT_M), { seed: 63 });
    await harness.captureStarted(1);
    await waitDeviceMs(harness.sim, 5000);
    await harness.sim.unplug();
    await sleep(150);
    await harness.sim.replug();
    const summary = await harness.finished(40_000);
    expect(harness.sink.voided.map((v) => v.reason)).toEqual(['plateDisconnected']);
    const timeOnTarget = summary.results.map((r) => r.tracking?.timeOnTargetPct ?? null);
    expect(timeOnTarget).toHaveLength(level.exercises.length);
    expect(nextLevel(level.level, { timeOnTargetPct: timeOnTarget, hasSymptoms: false }, 'auto')).toEqual({ nextLevel: 3, reason: 'mastered' });
    expect(nextLevel(level.level, { timeOnTargetPct: timeOnTarget, hasSymptoms: true }, 'auto').reason).toBe('symptoms');
  }, 60_000);

  it('keeps a patient who does not follow the target at the same level', async () => {
    harness = await runProtocol(reeducationLevelProtocol(level, HEIGHT_M), { seed: 64, isFollowingTargets: false });
    const summary = await harness.finished(40_000);
    const timeOnTarget = summary.results.map((r) => r.tracking?.timeOnTargetPct ?? null);
    expect(nextLevel(level.level, { timeOnTargetPct: timeOnTarget, hasSymptoms: false }, 'auto')).toEqual({ nextLevel: 2, reason: 'notMastered' });
  }, 60_000);
});
