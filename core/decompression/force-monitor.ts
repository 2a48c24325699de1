/**
 * Watches each table reading (table.md §5, 50 Hz) while tension is under the app's control and
 * reports what the supervisor must act on (ref §7.1, §7.2):
 * - over-tension: measured > prescribed max + tolerance for ≥ OVERTENSION_TRIP_MS;
 * - runaway: measured above the table's own set-point by more than the tolerance while that
 *   set-point is not rising and the actuator pulls, for ≥ RUNAWAY_TRIP_MS;
 * - frozen load cell: the actuator moved ≥ 2 mm within 500 ms while the reading, above the floor,
 *   changed less than 2× its noise (a stuck cell, or a drifting one the force loop follows);
 * - tracking: |measured − set-point| > tolerance for > 2 s (first 1 s of a ramp ignored), Medium;
 *   escalated (High) beyond 2× tolerance for 2 s, or after 10 s.
 * Tolerance is YY 0697's band (tractionToleranceN). Pure: state in, state out.
 */
import {
  FROZEN_LOADCELL_MOVE_MM,
  FROZEN_LOADCELL_NOISE_FACTOR,
  FROZEN_LOADCELL_WINDOW_MS,
  OVERTENSION_TRIP_MS,
  RUNAWAY_TRIP_MS,
  TRACKING_ALARM_AFTER_MS,
  TRACKING_ESCALATE_FACTOR,
  TRACKING_ESCALATE_MS,
  TRACKING_RAMP_GRACE_MS,
  tractionToleranceN,
} from './decompression-limits.ts';

export interface ForceSample {
  readonly tMs: number;
  readonly measuredN: number;
  /** The table's internal (slewed) set-point. */
  readonly setpointN: number;
  readonly positionMm: number;
  readonly velocityMmS: number;
}

export interface ForceLimits {
  /** The session's prescribed max (or the lower cap after a patient stop). */
  readonly capN: number;
  readonly floorN: number;
  /** Load-cell noise, N RMS. */
  readonly noiseN: number;
}

export type ForceFinding = 'over-tension' | 'runaway' | 'load-cell-frozen' | 'tracking' | 'tracking-escalated' | 'tracking-cleared';

export interface ForceMonitorState {
  readonly overSinceMs: number | undefined;
  readonly runawaySinceMs: number | undefined;
  readonly deviationSinceMs: number | undefined;
  readonly wideDeviationSinceMs: number | undefined;
  readonly isTrackingAlarmed: boolean;
  readonly rampStartedAtMs: number | undefined;
  readonly previous: ForceSample | undefined;
  /** Readings of the last FROZEN_LOADCELL_WINDOW_MS, oldest first. */
  readonly window: readonly ForceSample[];
}

export const FRESH_FORCE_MONITOR: ForceMonitorState = {
  overSinceMs: undefined,
  runawaySinceMs: undefined,
  deviationSinceMs: undefined,
  wideDeviationSinceMs: undefined,
  isTrackingAlarmed: false,
  rampStartedAtMs: undefined,
  previous: undefined,
  window: [],
};

/** Set-point moves below this per reading count as steady (the wire carries 0.1 N). */
const SETPOINT_STEADY_N = 0.05;
/** Readings averaged at each end of the frozen-cell window (as the table judges "at the floor", table.md §6.2). */
const WINDOW_END_READINGS = 4;
/** The window counts as full once it spans all but two 50 Hz telemetry periods (table.md §5). */
const WINDOW_SPAN_SLACK_MS = 40;

const since = (isTrue: boolean, sinceMs: number | undefined, tMs: number): number | undefined => (isTrue ? (sinceMs ?? tMs) : undefined);
const lasted = (sinceMs: number | undefined, tMs: number, ms: number): boolean => sinceMs !== undefined && tMs - sinceMs >= ms;

export function observeForce(state: ForceMonitorState, s: ForceSample, limits: ForceLimits): { state: ForceMonitorState; finding: ForceFinding | undefined } {
  const prev = state.previous;
  const setDeltaN = prev === undefined ? 0 : s.setpointN - prev.setpointN;
  const isSetMoving = Math.abs(setDeltaN) > SETPOINT_STEADY_N;
  const rampStartedAtMs = isSetMoving ? (state.rampStartedAtMs ?? s.tMs) : undefined;
  const isInGrace = rampStartedAtMs !== undefined && s.tMs - rampStartedAtMs < TRACKING_RAMP_GRACE_MS;

  const toleranceN = tractionToleranceN(s.setpointN);
  const deviationN = Math.abs(s.measuredN - s.setpointN);
  const overSinceMs = since(s.measuredN > limits.capN + tractionToleranceN(limits.capN), state.overSinceMs, s.tMs);
  const runawaySinceMs = since(s.measuredN - s.setpointN > toleranceN && setDeltaN <= SETPOINT_STEADY_N && s.velocityMmS > 0, state.runawaySinceMs, s.tMs);
  const deviationSinceMs = since(!isInGrace && deviationN > toleranceN, state.deviationSinceMs, s.tMs);
  const wideDeviationSinceMs = since(!isInGrace && deviationN > TRACKING_ESCALATE_FACTOR * toleranceN, state.wideDeviationSinceMs, s.tMs);
  const window = [...state.window.filter((w) => w.tMs >= s.tMs - FROZEN_LOADCELL_WINDOW_MS), s];

  let finding: ForceFinding | undefined;
  let isTrackingAlarmed = state.isTrackingAlarmed;
  if (lasted(overSinceMs, s.tMs, OVERTENSION_TRIP_MS)) finding = 'over-tension';
  else if (lasted(runawaySinceMs, s.tMs, RUNAWAY_TRIP_MS)) finding = 'runaway';
  else if (isFrozen(window, limits)) finding = 'load-cell-frozen';
  else if (lasted(wideDeviationSinceMs, s.tMs, TRACKING_ALARM_AFTER_MS) || lasted(deviationSinceMs, s.tMs, TRACKING_ESCALATE_MS)) finding = 'tracking-escalated';
  else if (!isTrackingAlarmed && lasted(deviationSinceMs, s.tMs, TRACKING_ALARM_AFTER_MS)) {
    finding = 'tracking';
    isTrackingAlarmed = true;
  } else if (isTrackingAlarmed && deviationSinceMs === undefined) {
    finding = 'tracking-cleared';
    isTrackingAlarmed = false;
  }
  return {
    state: { overSinceMs, runawaySinceMs, deviationSinceMs, wideDeviationSinceMs, isTrackingAlarmed, rampStartedAtMs, previous: s, window },
    finding,
  };
}

function isFrozen(window: readonly ForceSample[], limits: ForceLimits): boolean {
  const first = window[0];
  const last = window.at(-1);
  if (first === undefined || last === undefined || window.length < 2 * WINDOW_END_READINGS) return false;
  if (last.tMs - first.tMs < FROZEN_LOADCELL_WINDOW_MS - WINDOW_SPAN_SLACK_MS) return false;
  if (first.measuredN <= limits.floorN || last.measuredN <= limits.floorN) return false;
  if (Math.abs(last.positionMm - first.positionMm) < FROZEN_LOADCELL_MOVE_MM) return false;
  const mean = (part: readonly ForceSample[]): number => part.reduce((sum, w) => sum + w.measuredN, 0) / part.length;
  const changeN = Math.abs(mean(window.slice(-WINDOW_END_READINGS)) - mean(window.slice(0, WINDOW_END_READINGS)));
  return changeN < FROZEN_LOADCELL_NOISE_FACTOR * limits.noiseN;
}
