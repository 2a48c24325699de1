/**
 * What a protocol run hands to storage (the recording service stores it; this folder writes no
 * SQL): one TrialResult per finished attempt, with the algorithm versions that made its numbers,
 * one VoidedTrial per discarded attempt, and a summary when the protocol ends.
 */
import {
  computeSwayMetrics,
  losScores,
  mctsibSummary,
  offlineLowPass,
  rombergQuotients,
  SWAY_ALGORITHM_VERSION,
  TASK_SCORES_VERSION,
  trackingScores,
  type InvalidReason,
  type LosScores,
  type MctsibSummary,
  type PointMm,
  type RombergQuotient,
  type SafetyAnswer,
  type SwayMetricSet,
  type TrackingScores,
  type TrialCondition,
  type TrialOutcome,
  type TrialSpec,
} from '../../core/index.ts';

/** Stored with every result; a new version re-baselines a patient's trend (balance.md §7.4). */
export const TRIAL_ALGORITHM_VERSION = `${SWAY_ALGORITHM_VERSION} ${TASK_SCORES_VERSION}`;

export interface TrialResult {
  readonly protocolId: string;
  readonly trialId: string;
  readonly trialIndex: number;
  readonly attempt: number;
  readonly condition: TrialCondition;
  readonly outcome: TrialOutcome;
  /** Time from the start cue to the end cue or the step-off, ms. */
  readonly holdMs: number;
  /** Plate time of the start cue, ms. */
  readonly startedAtDeviceMs: number;
  /**
   * The samples scored, as the plate's own clock stamped them, µs, [fromTUs, toTUs): the window of
   * the session's recorded plate stream that holds this trial (storage readTrialSamples).
   */
  readonly deviceWindowUs: DeviceWindowUs;
  readonly sampleRateHz: number;
  readonly samples: number;
  /** Samples the trial should have had but did not (lines lost on the link). */
  readonly lostSamples: number;
  readonly safety: SafetyAnswer | undefined;
  /** The subject's centre: mean COP over the second before the start cue, mm. */
  readonly centreMm: PointMm;
  /** Raw (unfiltered) COP of the trial relative to the centre, mm. */
  readonly copXMm: Float64Array;
  readonly copYMm: Float64Array;
  /** Quiet-stance trials that did not fall; else null. */
  readonly sway: SwayMetricSet | null;
  readonly los: LosScores | null;
  readonly tracking: TrackingScores | null;
  readonly algorithmVersion: string;
}

export interface VoidedTrial {
  readonly protocolId: string;
  readonly trialId: string;
  readonly trialIndex: number;
  readonly attempt: number;
  readonly reason: InvalidReason;
}

export interface ProtocolRunSummary {
  readonly protocolId: string;
  readonly outcome: 'finished' | 'stopped';
  /** The last attempt of each trial that finished, in protocol order. */
  readonly results: readonly TrialResult[];
  readonly rombergQuotients: readonly RombergQuotient[] | null;
  readonly mctsib: MctsibSummary | null;
}

/** Where the runner hands its results (the recording service implements it). */
export interface TrialResultSink {
  trialCompleted(result: TrialResult): void;
  trialVoided(voided: VoidedTrial): void;
  protocolEnded(summary: ProtocolRunSummary): void;
}

export interface DeviceWindowUs {
  readonly fromTUs: number;
  readonly toTUs: number;
}

export interface CapturedTrial {
  readonly protocolId: string;
  readonly trial: TrialSpec;
  readonly trialIndex: number;
  readonly attempt: number;
  readonly outcome: TrialOutcome;
  readonly holdMs: number;
  readonly startedAtDeviceMs: number;
  readonly deviceWindowUs: DeviceWindowUs;
  readonly sampleRateHz: number;
  readonly safety: SafetyAnswer | undefined;
  readonly centreMm: PointMm;
  /** Absolute COP, mm. */
  readonly copXMm: Float64Array;
  readonly copYMm: Float64Array;
}

/** Scores a captured trial by its task. */
export function scoreTrial(captured: CapturedTrial): TrialResult {
  const { trial, centreMm, sampleRateHz } = captured;
  const x = captured.copXMm.map((v) => v - centreMm.xMm);
  const y = captured.copYMm.map((v) => v - centreMm.yMm);
  const expectedSamples = Math.round((captured.holdMs * sampleRateHz) / 1000);
  let sway: SwayMetricSet | null = null;
  let los: LosScores | null = null;
  let tracking: TrackingScores | null = null;
  const task = trial.task;
  if (task.kind === 'quietStance') {
    // A trial that fell has no sway value (balance.md §7.2): its hold time is the result.
    const metrics = captured.outcome === 'completed' ? computeSwayMetrics({ xMm: x, yMm: y, sampleRateHz, isFiltered: true }) : undefined;
    sway = metrics?.ok === true ? metrics.value : null;
  } else {
    const filteredX = offlineLowPass(x, sampleRateHz);
    const filteredY = offlineLowPass(y, sampleRateHz);
    if (filteredX.ok && filteredY.ok) {
      if (task.kind === 'reach') los = losScores(filteredX.value, filteredY.value, sampleRateHz, task.target);
      else tracking = trackingScores(filteredX.value, filteredY.value, sampleRateHz, task.path, task.toleranceMm, task.axis);
    }
  }
  return {
    protocolId: captured.protocolId,
    trialId: trial.id,
    trialIndex: captured.trialIndex,
    attempt: captured.attempt,
    condition: trial.condition,
    outcome: captured.outcome,
    holdMs: captured.holdMs,
    startedAtDeviceMs: captured.startedAtDeviceMs,
    deviceWindowUs: captured.deviceWindowUs,
    sampleRateHz,
    samples: x.length,
    lostSamples: Math.max(0, expectedSamples - x.length),
    safety: captured.safety,
    centreMm,
    copXMm: x,
    copYMm: y,
    sway,
    los,
    tracking,
    algorithmVersion: TRIAL_ALGORITHM_VERSION,
  };
}

/** The end-of-protocol summary: RQ for the Romberg family, condition means for the mCTSIB. */
export function summarise(protocolId: string, outcome: 'finished' | 'stopped', results: readonly TrialResult[]): ProtocolRunSummary {
  const records = results.map((r) => ({ condition: r.condition, outcome: r.outcome, metrics: r.sway?.metrics ?? null }));
  const isRomberg = protocolId === 'romberg' || protocolId === 'tandem-stance';
  return {
    protocolId,
    outcome,
    results,
    rombergQuotients: isRomberg ? rombergQuotients(records) : null,
    mctsib: protocolId === 'mctsib' ? mctsibSummary(records) : null,
  };
}
