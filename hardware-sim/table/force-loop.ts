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
import { clampStiffness, stiffnessEstimate } from './stiffness.ts';
import { releaseRateNps } from './table-release.ts';
import { isMotorOn } from './table-state.ts';
import type { TableControl } from './table-state.ts';

const GAIN_MM_S_PER_N = 1.0;
/**
 * Holding (no feed-forward) the loop acts on the mean of the last 4 readings (σ 0.75 N), gently
 * and with a small dead band, so the actuator does not chase noise and the tension stays within
 * ≈ 1.5 N of the set-point: a target accepted near the limit does not wander into it (a 1 mm/s/N
 * loop with a 3 N dead band on single readings let it wander 3–4 N above). DESIGN.
 */
const DEAD_BAND_N = 0.5;
const HOLD_GAIN_MM_S_PER_N = 0.3;
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
 * Advances the internal set-point by `dtS` to `nowUs`; a `$STOP` that reaches the floor returns to
 * ARMED. `isSaturated` (isPullSaturated): the set-point holds instead of slewing up (anti wind-up).
 * In a release the fall ramps up to the release rate over the release's ramp-in time; with no
 * set-point (IDLE, RELD, FAULT) it goes on to 0 at the release rate rather than jumping there.
 */
export function slewSetpoint(control: TableControl, dtS: number, nowUs: number, isSaturated = false): TableControl {
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
    case 'releasing': {
      // (A position release does not use it, but reports it falling all the same.)
      const rampFrac = state.rampInUs > 0 ? Math.min((nowUs - state.triggerUs) / state.rampInUs, 1) : 1;
      return { ...control, setN: slew(control.setN, 0, releaseRateNps(control) * rampFrac, dtS) };
    }
    case 'idle':
    case 'released':
    case 'fault':
      // No set-point here: it goes on down to 0 at the release rate, so `#T setN` never steps
      // (§5: the set-point after slewing; §6.2 slews it down, nothing resets it).
      return control.setN === 0 ? control : { ...control, setN: slew(control.setN, 0, releaseRateNps(control), dtS) };
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
  /** Mean of the last 4 readings (reading-window.ts). */
  readonly recentMeanN: number;
  /** Actuator position when the latest reading was taken. */
  readonly readingPosMm: number;
  /** Stiffness measured on the way down (reading-window.ts), or null. */
  readonly unloadingStiffness: number | null;
  readonly posMm: number;
  /** Set-point change over the last tick, N/s. */
  readonly setRateNps: number;
  /** Over-tension fault: the drive tracks this much above the set-point. */
  readonly overshootN: number;
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
  const modelStiffness = stiffnessEstimate(inputs.measN, inputs.posMm, control.slackPosMm);
  const stiffness =
    state.kind === 'releasing' && inputs.unloadingStiffness !== null ? clampStiffness(inputs.unloadingStiffness) : modelStiffness;
  const feedForward = inputs.setRateNps / stiffness;
  // The reading is up to 12.5 ms old: bring it up to date with the encoder's travel since.
  const freshN = inputs.measN + stiffness * (inputs.posMm - inputs.readingPosMm);
  const errorN = wantedN - freshN;
  if (state.kind === 'releasing') {
    // The cap stays on the model: a reading that lies (frozen: no change) would make the measured
    // stiffness small and the cap wide, while the model grows with a reading stuck high.
    const maxRetractMmS = (RELEASE_SPEED_MARGIN * releaseRateNps(control)) / modelStiffness;
    return Math.min(Math.max(feedForward + GAIN_MM_S_PER_N * errorN, -maxRetractMmS), 0);
  }
  // Nothing to pull and nothing pulling: hold still (in the slack, the reading is only noise).
  if (wantedN < 1 && inputs.measN < FLOOR_N) return 0;
  if (feedForward === 0) {
    const heldErrorN = wantedN - inputs.recentMeanN;
    return Math.abs(heldErrorN) < DEAD_BAND_N ? 0 : HOLD_GAIN_MM_S_PER_N * heldErrorN;
  }
  return feedForward + GAIN_MM_S_PER_N * errorN;
}
