export { type Result, ok, err } from './result.ts';
export { BugError, assertNever } from './bug.ts';
export { type Clock, ManualClock } from './clock.ts';
export { Emitter } from './emitter.ts';
export { copFromForces, MIN_COP_LOAD_N, type CopPoint, type CellPositionMm } from './cop/cop-from-forces.ts';
export { NEWTONS_PER_POUND_FORCE, STANDARD_GRAVITY_MPS2, clinicForceUnit, newtonsToPoundsForce, newtonsToKilogramsForce, type ClinicForceUnit } from './units.ts';
export * from './calibration/index.ts';
export {
  computeSwayMetrics,
  SWAY_ALGORITHM_VERSION,
  SWAY_METRIC_KEYS,
  type SwayAnalysis,
  type SwayInput,
  type SwayMetricKey,
  type SwayMetrics,
  type SwayMetricSet,
} from './balance/sway-metrics.ts';
export { predictionEllipse95, type PredictionEllipse } from './balance/time-metrics.ts';
export { CausalLowPass } from './balance/causal-low-pass.ts';
export * from './decompression/index.ts';
export { PlateLoadTracker, STEADY_WINDOW_MS, STEP_OFF_FRAC, type LoadChange, type PlateOccupancy } from './balance/plate-load-state.ts';
export { weightDistribution, type WeightDistribution } from './balance/weight-distribution.ts';
export { offlineLowPass } from './balance/zero-phase-filter.ts';
export { ageYearsAt, referenceValuesFor, type NormQuery, type ReferenceValue } from './balance/published-norms.ts';
export type { Eyes, PointMm, ProtocolSpec, Stance, Surface, TargetPath, TrialCondition, TrialSpec, TrialTask } from './protocols/protocol-types.ts';
export { targetAt } from './protocols/protocol-types.ts';
export {
  startEngine,
  step as stepProtocol,
  type Cue,
  type EngineCommand,
  type EngineEvent,
  type EnginePhase,
  type EngineState,
  type InvalidReason,
  type SafetyAnswer,
  type TrialOutcome,
} from './protocols/protocol-engine.ts';
export { mctsibProtocol, rombergProtocol, singleLegStanceProtocol, tandemStanceProtocol } from './protocols/stance-protocols.ts';
export { limitsOfStabilityProtocol, losLimitsMm, rhythmicWeightShiftProtocol } from './protocols/active-protocols.ts';
export {
  REEDUCATION_LADDER,
  nextLevel,
  reeducationLevelProtocol,
  type LadderLevel,
  type LevelOutcome,
  type Progression,
  type TherapistDecision,
} from './protocols/reeducation-ladder.ts';
export { MAX_SYMPTOM_NOTE_CHARS, SYMPTOM_TEXT, SYMPTOMS, type Symptom } from './protocols/symptoms.ts';
export { ladderLevelOf, ladderProtocolId, proposeLevel, type LadderSessionRecord, type LevelProposal } from './protocols/ladder-progress.ts';
export { losScores, TASK_SCORES_VERSION, trackingScores, type LosScores, type TrackingScores } from './protocols/task-scores.ts';
export { mctsibSummary, rombergQuotients, type MctsibSummary, type RombergQuotient, type TrialMetricsRecord } from './protocols/protocol-summaries.ts';
