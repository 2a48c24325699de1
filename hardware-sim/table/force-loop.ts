/**
 * The controller's force loop: set-point slewing and the drive's velocity command.
 *
 * Spec: docs/protocols/table.md §1 (the host sends absolute set-points with a ramp rate; the
 * controller slews its internal set-point toward the target at that rate and drives the actuator
 * to track it), §4 (`$PAUSE` freezes the set-point, `$STOP` slews to the floor and arrives in
 * ARMED), §6.2 (release slews down at the region's release rate), §6.3 (position release).
 * Drive command = feed-forward (set-point rate over an estimated stiffness) + proportional force
 * error, with a small dead band so sensor noise does not dither the actuator at rest.
 * Anti wind-up: while the drive is pulling at its rated speed or against the end of its stroke the
 * set-point does not slew further up, so it never runs ahead of the tension the actuator can give
 * (a release then starts from a set-point near the tension, table.md §6.2). The loop
 * reads the load cell, so a frozen reading while the set-point rises makes it keep pulling —
 * the hazard the host detects from position and velocity (reference decompression.md §6.3).
 */
import { DRIVE_MAX_SPEED_MM_S, FLOOR_N, STROKE_MM } from './table-constants.ts';
import { releaseRateNps } from './table-release.ts';
import { isMotorOn } from './table-state.ts';
import type { TableControl } from './table-state.ts';

const GAIN_MM_S_PER_N = 1.0;
/** 2 σ of the load-cell noise: at rest the actuator does not chase noise. */
const DEAD_BAND_N = 3.0;
const MIN_STIFFNESS_N_PER_MM = 5;
const MAX_STIFFNESS_N_PER_MM = 40;
/** Within this of the stroke end the actuator counts as at the end. */
const STROKE_END_MM = 0.05;

/** The drive cannot pull any harder: at its rated speed, or pulling against the stroke end. */
export function isPullSaturated(driveMmS: number | null, posMm: number): boolean {
  if (driveMmS === null || driveMmS <= 0) return false;
  return driveMmS >= DRIVE_MAX_SPEED_MM_S || posMm >= STROKE_MM - STROKE_END_MM;
}

function slew(fromN: number, toN: number, rateNps: number, dtS: number): number {
  const step = rateNps * dtS;
  if (Math.abs(toN - fromN) <= step) return toN;
  return fromN + Math.sign(toN - fromN) * step;
}

/**
 * Advances the internal set-point by `dtS`; a `$STOP` that reaches the floor returns to ARMED.
 * `isSaturated` (isPullSaturated): the set-point holds instead of slewing up (anti wind-up).
 */
export function slewSetpoint(control: TableControl, dtS: number, isSaturated = false): TableControl {
  const state = control.state;
  switch (state.kind) {
    case 'run': {
      if (isSaturated && state.targetN > control.setN) return control;
      const setN = slew(control.setN, state.targetN, state.rateNps, dtS);
      if (state.isStopping && setN === FLOOR_N) {
        return { ...control, setN, state: { kind: 'armed', hasSetSinceArm: true, isSelfTestPressed: false } };
      }
      return { ...control, setN };
    }
    case 'releasing':
      return state.mode.kind === 'position' ? control : { ...control, setN: slew(control.setN, 0, releaseRateNps(control), dtS) };
    case 'idle':
    case 'released':
    case 'fault':
      return control.setN === 0 ? control : { ...control, setN: 0 };
    case 'armed':
    case 'pause':
      return control;
    default: {
      const never: never = state;
      return never;
    }
  }
}

export interface DriveInputs {
  readonly measN: number;
  readonly posMm: number;
  /** Set-point change over the last tick, N/s. */
  readonly setRateNps: number;
  /** Over-tension fault: the drive tracks this much above the set-point. */
  readonly overshootN: number;
}

/**
 * Tangent stiffness of the patient at the present reading, N/mm, estimated from the secant since
 * the slack position: for a stiffening patient (tension ≈ k0·e + ½·k1·e²) the tangent is
 * 2 × secant − k0, with k0 taken as the softest patient's 5 N/mm (the secant alone under-estimates
 * the tangent by up to half, which made the feed-forward too fast). Clamped to 5–40 N/mm.
 */
export function stiffnessEstimate(measN: number, posMm: number, slackPosMm: number | null): number {
  if (measN <= FLOOR_N) return MIN_STIFFNESS_N_PER_MM;
  const secant = (measN - FLOOR_N) / Math.max(posMm - (slackPosMm ?? 0), 1);
  return Math.min(Math.max(2 * secant - MIN_STIFFNESS_N_PER_MM, MIN_STIFFNESS_N_PER_MM), MAX_STIFFNESS_N_PER_MM);
}

/**
 * In a force release the drive never pulls, and retracts at most this factor times the speed at
 * which the estimated stiffness gives the release rate. The factor covers the estimate's error
 * (it over-estimates a linear patient by up to half, and a slow loop must still keep up); when the
 * reading lies (frozen, drifting) it bounds the true unloading rate near 1.5 × the release rate
 * until the lie is caught (a frozen reading within 3 readings, reading-window.ts). DESIGN.
 */
export const RELEASE_SPEED_MARGIN = 1.5;

/** Velocity command for the actuator in mm/s, or null when the motor is off. */
export function driveCommand(control: TableControl, inputs: DriveInputs): number | null {
  const state = control.state;
  if (!isMotorOn(state)) return null;
  if (state.kind === 'releasing' && state.mode.kind !== 'force') {
    return inputs.posMm > state.mode.targetPosMm ? -state.mode.speedMmS : 0;
  }
  const wantedN = control.setN + inputs.overshootN;
  const stiffness = stiffnessEstimate(inputs.measN, inputs.posMm, control.slackPosMm);
  const feedForward = inputs.setRateNps / stiffness;
  const errorN = wantedN - inputs.measN;
  if (state.kind === 'releasing') {
    const maxRetractMmS = (RELEASE_SPEED_MARGIN * releaseRateNps(control)) / stiffness;
    return Math.min(Math.max(feedForward + GAIN_MM_S_PER_N * errorN, -maxRetractMmS), 0);
  }
  // Nothing to pull and nothing pulling: hold still (in the slack, the reading is only noise).
  if (wantedN < 1 && inputs.measN < FLOOR_N) return 0;
  if (feedForward === 0 && Math.abs(errorN) < DEAD_BAND_N) return 0;
  return feedForward + GAIN_MM_S_PER_N * errorN;
}
