export { type Result, ok, err } from './result.ts';
export { BugError, assertNever } from './bug.ts';
export { type Clock, ManualClock } from './clock.ts';
export { Emitter } from './emitter.ts';
export { copFromForces, MIN_COP_LOAD_N, type CopPoint, type CellPositionMm } from './cop/cop-from-forces.ts';
export { NEWTONS_PER_POUND_FORCE, STANDARD_GRAVITY_MPS2, newtonsToPoundsForce, newtonsToKilogramsForce } from './units.ts';
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
export { CausalLowPass } from './balance/causal-low-pass.ts';
export * from './decompression/index.ts';
