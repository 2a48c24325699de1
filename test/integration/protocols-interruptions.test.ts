/**
 * Every built-in protocol end to end against the simulated plate on a compressed clock, with the
 * two interruptions a session meets: the patient stepping off the plate in the middle of one
 * trial, and the plate unplugged in the middle of another trial, then plugged back in. What a
 * step-off means is the protocol's `onStepOff`: 'fell' ends the trial there and counts it with its
 * hold time (quiet-stance tests), 'repeat' voids it and does it again (active tasks). A
 * disconnect always voids the trial, which is done again once the plate is back (protocol-engine.ts).
 * One run per protocol; each test checks one of its outcomes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  limitsOfStabilityProtocol,
  mctsibProtocol,
  nextLevel,
  REEDUCATION_LADDER,
  reeducationLevelProtocol,
  rhythmicWeightShiftProtocol,
  rombergProtocol,
  singleLegStanceProtocol,
  tandemStanceProtocol,
  type ProtocolSpec,
  type TrialSpec,
} from '../../core/index.ts';
import type { ProtocolRunSummary, TrialResult } from '../../host/balance/index.ts';
import { RATE_HZ, runProtocol, waitDeviceMs, type Harness } from './protocols-harness.ts';
import { sleep } from '../support/wait.ts';

const HEIGHT_M = 1.7;
/** Device time into the trial at which each interruption happens; every built-in trial is longer. */
const INTO_TRIAL_MS = 3000;
/** Device time the patient stays off the plate before stepping back on. */
const OFF_PLATE_MS = 1500;
/** Real time the plate stays unplugged (× TIME_SCALE in device time). */
const UNPLUGGED_REAL_MS = 150;

interface SummaryExpectation {
  readonly says: string;
  readonly check: (summary: ProtocolRunSummary) => void;
}

interface Case {
  readonly name: string;
  readonly protocol: ProtocolSpec;
  readonly seed: number;
  /** The rule the protocol's spec must have. */
  readonly onStepOff: ProtocolSpec['onStepOff'];
  /** Trial the patient steps off in (attempt 1). */
  readonly stepOffIn: string;
  /** Trial the plate is unplugged in (attempt 1). */
  readonly unplugIn: string;
  /** What the protocol-level summary makes of the interrupted trials, where it has one. */
  readonly summary?: SummaryExpectation;
}

const level2 = REEDUCATION_LADDER[1];
if (level2 === undefined) throw new Error('the ladder has no level 2');

const rombergQuotientSides = (summary: ProtocolRunSummary): [boolean, boolean, number | null][] =>
  (summary.rombergQuotients ?? []).map((q) => [q.eyesOpen !== null, q.eyesClosed !== null, q.quotient]);

const CASES: readonly Case[] = [
  {
    name: 'Romberg',
    protocol: rombergProtocol(),
    seed: 71,
    onStepOff: 'fell',
    stepOffIn: 'eo',
    unplugIn: 'ec',
    summary: {
      says: 'gives no Romberg quotient, eyes closed taken from the repeated attempt and eyes open missing for the fall',
      check: (summary) => expect(rombergQuotientSides(summary)).toEqual([[false, true, null], [false, true, null], [false, true, null]]),
    },
  },
  {
    name: 'Tandem stance',
    protocol: tandemStanceProtocol(),
    seed: 72,
    onStepOff: 'fell',
    stepOffIn: 'tandem-ec',
    unplugIn: 'tandem-eo',
    summary: {
      says: 'gives no Romberg quotient, eyes open taken from the repeated attempt and eyes closed missing for the fall',
      check: (summary) => expect(rombergQuotientSides(summary)).toEqual([[true, false, null], [true, false, null], [true, false, null]]),
    },
  },
  {
    name: 'mCTSIB',
    protocol: mctsibProtocol(),
    seed: 73,
    onStepOff: 'fell',
    stepOffIn: 'ec-foam-2',
    unplugIn: 'ec-firm-1',
    summary: {
      says: 'counts the fall in its condition, three trials each, and computes no composite',
      check: (summary) => {
        expect(summary.mctsib?.conditions.map((c) => [c.key, c.trials, c.fell, c.meanVelocityMmS !== null])).toEqual([
          ['eyes-open-firm', 3, 0, true],
          ['eyes-closed-firm', 3, 0, true],
          ['eyes-open-foam', 3, 0, true],
          ['eyes-closed-foam', 3, 1, true],
        ]);
        expect(summary.mctsib?.composite).toEqual({ kind: 'notComputed', fellIn: ['eyes-closed-foam'] });
      },
    },
  },
  {
    name: 'Single-leg stance',
    protocol: singleLegStanceProtocol(),
    seed: 74,
    onStepOff: 'fell',
    stepOffIn: 'right-1',
    unplugIn: 'left-2',
  },
  {
    name: 'Limits of stability',
    protocol: limitsOfStabilityProtocol({ heightM: HEIGHT_M, targetPct: 80 }),
    seed: 75,
    onStepOff: 'repeat',
    stepOffIn: 'los-L',
    unplugIn: 'los-FR',
  },
  {
    name: 'Rhythmic weight shift',
    protocol: rhythmicWeightShiftProtocol({ heightM: HEIGHT_M }),
    seed: 76,
    onStepOff: 'repeat',
    stepOffIn: 'rws-ml-fast',
    unplugIn: 'rws-ap-fast',
  },
  {
    name: 'Re-education level 2',
    protocol: reeducationLevelProtocol(level2, HEIGHT_M),
    seed: 77,
    onStepOff: 'repeat',
    stepOffIn: 'level2-1-shiftMl',
    unplugIn: 'level2-2-shiftAp',
    summary: {
      says: 'advances a patient who masters both exercises on their repeated attempts',
      check: (summary) => {
        const timeOnTargetPct = summary.results.map((r) => r.tracking?.timeOnTargetPct ?? null);
        expect(nextLevel(level2.level, { timeOnTargetPct, hasSymptoms: false }, 'auto')).toEqual({ nextLevel: 3, reason: 'mastered' });
      },
    },
  },
];

/** The task's own score: sway for quiet stance, LOS scores for a reach, tracking scores for a track. */
function scoreOf(result: TrialResult, trial: TrialSpec): object | null {
  switch (trial.task.kind) {
    case 'quietStance':
      return result.sway;
    case 'reach':
      return result.los;
    case 'track':
      return result.tracking;
  }
}

describe.each(CASES.map((c) => [c.name, c] as const))('%s on the simulated plate, stepped off in one trial and unplugged in another', (_name, c) => {
  const { protocol } = c;
  const trialIds = protocol.trials.map((t) => t.id);
  const stepOffIndex = trialIds.indexOf(c.stepOffIn);
  const unplugIndex = trialIds.indexOf(c.unplugIn);
  const trialAt = (index: number): TrialSpec => protocol.trials[index] as TrialSpec;
  const isFall = c.onStepOff === 'fell';
  let harness: Harness | undefined;
  let summary: ProtocolRunSummary;
  const resultOf = (trialId: string): TrialResult | undefined => summary.results.find((r) => r.trialId === trialId);

  beforeAll(async () => {
    if (stepOffIndex < 0 || unplugIndex < 0 || stepOffIndex === unplugIndex) throw new Error(`bad case for ${protocol.id}: ${c.stepOffIn}, ${c.unplugIn}`);
    const h = await runProtocol(protocol, { seed: c.seed });
    harness = h;
    const stepOff = async (): Promise<void> => {
      h.sim.stepOff();
      await waitDeviceMs(h.sim, OFF_PLATE_MS);
      h.sim.stepOn();
    };
    const unplug = async (): Promise<void> => {
      await h.sim.unplug();
      await sleep(UNPLUGGED_REAL_MS);
      await h.sim.replug();
    };
    const interruptions = [
      { trialIndex: stepOffIndex, interrupt: stepOff },
      { trialIndex: unplugIndex, interrupt: unplug },
    ].sort((a, b) => a.trialIndex - b.trialIndex);
    for (const { trialIndex, interrupt } of interruptions) {
      await h.trialCaptureStarted(trialIndex, 1);
      await waitDeviceMs(h.sim, INTO_TRIAL_MS);
      await interrupt();
    }
    summary = await h.finished(40_000);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    harness = undefined;
  });

  const stepOffBehaviour = isFall
    ? `ends ${c.stepOffIn} as a fall at the step-off, with its hold time and no sway metrics`
    : `voids ${c.stepOffIn} at the step-off and does it again as attempt 2 once the patient is back on`;
  it(stepOffBehaviour, () => {
    expect(protocol.onStepOff).toBe(c.onStepOff);
    const result = resultOf(c.stepOffIn);
    if (isFall) {
      expect([result?.attempt, result?.outcome]).toEqual([1, 'fell']);
      expect(result?.holdMs).toBeGreaterThanOrEqual(INTO_TRIAL_MS);
      expect(result?.holdMs).toBeLessThan(INTO_TRIAL_MS + 2000);
      // Every sample of the hold, no more, no less (the hold is a whole number of sample periods, up to rounding).
      expect(result?.samples).toBe(Math.round(((result?.holdMs ?? NaN) * RATE_HZ) / 1000));
      expect(result?.lostSamples).toBe(0);
      expect(result?.sway).toBeNull();
      expect(harness?.sink.voided.filter((v) => v.trialId === c.stepOffIn)).toEqual([]);
    } else {
      expect(harness?.sink.voided.filter((v) => v.trialId === c.stepOffIn).map((v) => [v.attempt, v.reason])).toEqual([[1, 'steppedOff']]);
      expect([result?.attempt, result?.outcome, result?.holdMs]).toEqual([2, 'completed', trialAt(stepOffIndex).durationMs]);
      expect(result?.samples).toBe((trialAt(stepOffIndex).durationMs * RATE_HZ) / 1000);
      expect(result && scoreOf(result, trialAt(stepOffIndex))).not.toBeNull();
    }
  });

  it(`voids ${c.unplugIn} when the plate is unplugged and does it again in full as attempt 2 once the plate is back`, () => {
    expect(harness?.sink.voided.filter((v) => v.trialId === c.unplugIn).map((v) => [v.attempt, v.reason])).toEqual([[1, 'plateDisconnected']]);
    const result = resultOf(c.unplugIn);
    const trial = trialAt(unplugIndex);
    expect([result?.attempt, result?.outcome, result?.holdMs]).toEqual([2, 'completed', trial.durationMs]);
    expect(result?.samples).toBe((trial.durationMs * RATE_HZ) / 1000);
    expect(result?.lostSamples).toBe(0);
    expect(result && scoreOf(result, trial)).not.toBeNull();
  });

  it('still finishes, each trial recorded once and every other trial completed in full on its first attempt', () => {
    const attemptOf = (i: number): number => (i === unplugIndex || (i === stepOffIndex && !isFall) ? 2 : 1);
    const outcomeOf = (i: number): string => (i === stepOffIndex && isFall ? 'fell' : 'completed');
    const expected = trialIds.map((id, i) => [id, attemptOf(i), outcomeOf(i)]);
    expect(summary.outcome).toBe('finished');
    expect(summary.results.map((r) => [r.trialId, r.attempt, r.outcome])).toEqual(expected);
    // The sink saw exactly these attempts completed, and voided only the interrupted ones, in order.
    expect(harness?.sink.completed.map((r) => [r.trialId, r.attempt, r.outcome])).toEqual(expected);
    const voids = [
      { trialIndex: unplugIndex, voided: [c.unplugIn, 1, 'plateDisconnected'] },
      ...(isFall ? [] : [{ trialIndex: stepOffIndex, voided: [c.stepOffIn, 1, 'steppedOff'] }]),
    ].sort((a, b) => a.trialIndex - b.trialIndex);
    expect(harness?.sink.voided.map((v) => [v.trialId, v.attempt, v.reason])).toEqual(voids.map((v) => v.voided));
    for (const [i, result] of summary.results.entries()) {
      if (i === stepOffIndex && isFall) continue;
      const trial = trialAt(i);
      expect([result.holdMs, result.samples, result.lostSamples], result.trialId).toEqual([trial.durationMs, (trial.durationMs * RATE_HZ) / 1000, 0]);
      expect(scoreOf(result, trial), result.trialId).not.toBeNull();
    }
    // Cues: a start per attempt, an end per trial (a fall included), a "trial void" per void attempt.
    const cues = harness?.commands.flatMap((command) => (command.kind === 'cue' ? [command.cue] : [])) ?? [];
    expect(cues.filter((cue) => cue.kind === 'start')).toHaveLength(trialIds.length + voids.length);
    expect(cues.filter((cue) => cue.kind === 'end')).toHaveLength(trialIds.length);
    expect(cues.flatMap((cue) => (cue.kind === 'invalid' ? [cue.reason] : []))).toEqual(voids.map((v) => v.voided[2]));
  });

  const summaryExpectation = c.summary;
  if (summaryExpectation !== undefined) it(summaryExpectation.says, () => summaryExpectation.check(summary));
});
