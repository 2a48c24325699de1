/**
 * Safety release: start and progress, as pure functions.
 *
 * Spec: docs/protocols/table.md §6.2 (on a trigger: `!EV RELEASE reason fromN`, enter RELG, slew
 * the set-point down at the latched region's release rate — lumbar when unlatched; reach the
 * floor within 4 s, then motor off, RELD and `!EV RELDONE reason ms measN`; motor off at the
 * latest 5 s after the trigger; RELD is latched) and §6.3 (load cell untrusted: drive back to the
 * slack position, home if none, at the speed that covers the remaining travel in 4 s, then motor
 * off, without reading the load cell).
 * A release starts from the tension (the mean of the last 4 readings), never from a set-point that
 * ran ahead of it, and its fall ramps up to the release rate over the time the drive needs to turn
 * round, so the tension follows the set-point without catching up faster than the release rate.
 * The force release slews toward 0 rather than stopping at the floor, so a reading at or below
 * the floor is always reached. "At the floor" is the mean of the last 4 readings (50 ms), never
 * one noisy reading. Then the drive goes on back to the slack position (less a margin) before the
 * motor goes off — as §6.3's position release does — so a self-locking drive, which holds its
 * position unpowered, leaves the patient slack even when the creep of a long hold recovers; the
 * motor goes off at the latest 5 s after the trigger whatever happens.
 * The release is watched: a reading above its ceiling for 20 ms (the latched limit, or well above
 * where the release started: the drive keeps pulling — a runaway), or, by position, the actuator
 * still moving outward, cuts the motor at once and latches FAULT with reason 7 (drive), as §6.1
 * does for a drive that reports its own fault; `!EV LIMIT` when the reading is above the limit.
 * The drive never pulls in a force release, and retracts no faster than the release rate allows
 * at the estimated stiffness (force-loop.ts), so a reading that lies cannot make it unload at
 * full speed; a reading that does not change while the actuator moves is stuck (`!EV LOADCELL`):
 * the release carries on by position (§6.3). After the 5 s motor cut RELG is always left: RELD,
 * or FAULT (reason 7) when a force release never saw the floor.
 */
import { formatFixed1 } from '../spec-codec/field-codec.ts';
import {
  DRIVE_MAX_ACCEL_MM_S2,
  DRIVE_MAX_SPEED_MM_S,
  FLOOR_N,
  FORCE_LIMIT_TRIP_US,
  POSITION_RELEASE_S,
  REGION_LIMITS,
  RELEASE_MOTOR_OFF_US,
  SLACK_MARGIN_MM,
  SLACK_STIFFNESS_N_PER_MM,
} from './table-constants.ts';
import { stiffnessEstimate } from './stiffness.ts';
import { REASON } from './table-state.ts';
import type { Reason, ReleaseMode, TableControl, TableEvent, TableSensors } from './table-state.ts';

export interface ReleaseStep {
  readonly control: TableControl;
  readonly events: TableEvent[];
}

const POSITION_ARRIVAL_MM = 0.2;
const MIN_POSITION_SPEED_MM_S = 1;
const POSITION_END_MARGIN_US = 200_000;
/** Outward (pulling) speed that a releasing drive, told to retract, must not show. */
const OUTWARD_MM_S = 0.5;
const MIN_POSITION_TIME_S = 0.5;
/**
 * A release that does not unload — the drive keeps pulling (runaway) — shows as the reading
 * rising above where the release started. 25 N is 17 σ of the load-cell noise (1.5 N RMS), so
 * noise never trips it, and a drive pulling at 10 mm/s crosses it within 0.5 s even against the
 * softest patient (5 N/mm). DESIGN.
 */
export const RELEASE_RISE_MARGIN_N = 25;
/**
 * When a release starts at or near the limit (a force-limit trip), the first readings of a healthy
 * release sit around `fromN` ± noise, still above the limit; "above the limit" is then judged this
 * far (≈ 7 σ) above `fromN`. DESIGN.
 */
export const RELEASE_NOISE_MARGIN_N = 10;
/** Stiffest patient the controller allows for (braking allowance below). */
const MAX_PATIENT_STIFFNESS_N_PER_MM = 40;

/**
 * How long the set-point's fall takes to reach the release rate: the time the drive needs, at its
 * rated acceleration, to turn from its present velocity to the retract speed that unloads at the
 * release rate. A set-point that dropped at full rate at once would leave the tension behind,
 * and the loop catching up would unload faster than the release rate (≈ 1.3× for ~100 ms).
 * Costs half of it (≤ 40 ms) of the 4 s budget.
 */
export function releaseRampInUs(control: TableControl, sensors: TableSensors): number {
  const retractMmS = releaseRateNps(control) / stiffnessEstimate(sensors.measN, sensors.posMm, control.slackPosMm);
  return (1e6 * (retractMmS + Math.max(sensors.velMmS, 0))) / DRIVE_MAX_ACCEL_MM_S2;
}

/**
 * The reading above which (for 20 ms) a release is not unloading: the latched limit, or
 * `RELEASE_RISE_MARGIN_N` above `fromN` when that is lower. A drive still moving outward at the
 * trigger needs v²/2a to stop; the tension that adds (at the stiffest patient) is allowed for.
 */
export function releaseCeilingN(fromN: number, limitN: number, outwardMmS: number): number {
  const v = Math.max(outwardMmS, 0);
  const brakingN = (MAX_PATIENT_STIFFNESS_N_PER_MM * v * v) / (2 * DRIVE_MAX_ACCEL_MM_S2);
  return Math.min(fromN + RELEASE_RISE_MARGIN_N + brakingN, Math.max(limitN, fromN + RELEASE_NOISE_MARGIN_N + brakingN));
}

export function releaseRateNps(control: TableControl): number {
  return REGION_LIMITS[control.region ?? 'lumbar'].releaseNps;
}

/** Where a release leaves the actuator: the slack position (home if none) less the margin. */
export function slackTargetMm(control: TableControl): number {
  return Math.max(0, (control.slackPosMm ?? 0) - SLACK_MARGIN_MM);
}

/**
 * §6.3: back to slack at the speed that covers the remaining travel in 4 s — or in what is left of
 * the 5 s motor-off bound (less `POSITION_END_MARGIN_US`) when the switch comes late in a force
 * release (the 5 s bound is the harder rule, K243366). DESIGN.
 */
export function positionReleaseMode(control: TableControl, posMm: number, elapsedUs = 0): ReleaseMode {
  const targetPosMm = slackTargetMm(control);
  const leftS = Math.min(POSITION_RELEASE_S, (RELEASE_MOTOR_OFF_US - POSITION_END_MARGIN_US - elapsedUs) / 1e6);
  const speedMmS = Math.min(
    Math.max((posMm - targetPosMm) / Math.max(leftS, MIN_POSITION_TIME_S), MIN_POSITION_SPEED_MM_S),
    DRIVE_MAX_SPEED_MM_S,
  );
  return { kind: 'position', targetPosMm, speedMmS };
}

/** At the floor: back to slack at the release rate over the stiffness of a slack patient. */
export function slackReturnMode(control: TableControl): ReleaseMode {
  const speedMmS = Math.min(releaseRateNps(control) / SLACK_STIFFNESS_N_PER_MM, DRIVE_MAX_SPEED_MM_S);
  return { kind: 'slack', targetPosMm: slackTargetMm(control), speedMmS };
}

function limitOf(control: TableControl): number {
  return REGION_LIMITS[control.region ?? 'lumbar'].limitN;
}

export function startRelease(control: TableControl, reason: Reason, sensors: TableSensors, nowUs: number): ReleaseStep {
  const mode: ReleaseMode = sensors.isLoadCellFault ? positionReleaseMode(control, sensors.posMm) : { kind: 'force' };
  // The tension now: the mean of the last 4 readings, so one noisy reading does not set where the
  // release starts (a reading 3 N low would have the loop catch up faster than the release rate).
  const fromN = clampReading(sensors.recentMeanN);
  const ceilingN = releaseCeilingN(fromN, limitOf(control), sensors.velMmS);
  const rampInUs = releaseRampInUs(control, sensors);
  return {
    control: {
      ...control,
      state: { kind: 'releasing', reason, triggerUs: nowUs, mode, isMotorCut: false, fromN, ceilingN, rampInUs },
      // From the tension the patient is under, not from a set-point that ran ahead of what the
      // actuator could reach (stroke end, soft patient, slack): §6.2's 50 ms start and 4 s to floor.
      setN: Math.min(control.setN, Math.max(fromN, 0)),
      faultCode: reason,
      overLimitSinceUs: null,
    },
    events: [{ name: 'RELEASE', details: [['reason', String(reason)], ['fromN', formatFixed1(fromN)]] }],
  };
}

/**
 * A release must unload. While the reading is trusted: a reading above the release's ceiling for
 * 20 ms. Without it (position release, §6.3): the actuator still moving outward (pulling) 20 ms
 * after it has had the time to turn round (`rampInUs`). Either cuts the motor at once → FAULT,
 * reason 7. Returns that step, or the control with the watch's timer updated.
 */
function watchRelease(control: TableControl, sensors: TableSensors, nowUs: number): ReleaseStep | TableControl {
  const state = control.state;
  if (state.kind !== 'releasing' || state.isMotorCut) return control;
  const isByPosition = state.mode.kind === 'position' || sensors.isLoadCellFault;
  const isNotUnloading = isByPosition
    ? nowUs - state.triggerUs > state.rampInUs && sensors.velMmS > OUTWARD_MM_S
    : sensors.measN > state.ceilingN;
  const sinceUs = isNotUnloading ? (control.overLimitSinceUs ?? nowUs) : null;
  if (sinceUs === null || nowUs - sinceUs < FORCE_LIMIT_TRIP_US) return { ...control, overLimitSinceUs: sinceUs };
  const limitN = limitOf(control);
  const events: TableEvent[] =
    !isByPosition && sensors.measN > limitN
      ? [{ name: 'LIMIT', details: [['measN', formatFixed1(clampReading(sensors.measN))], ['limitN', formatFixed1(limitN)]] }]
      : [];
  return {
    control: { ...control, state: { kind: 'fault', reason: REASON.drive }, faultCode: REASON.drive, overLimitSinceUs: null },
    events,
  };
}

/** One control tick of a release in progress; finishes it when the tension (or position) is down. */
export function progressRelease(before: TableControl, sensors: TableSensors, nowUs: number): ReleaseStep {
  const watched = watchRelease(before, sensors, nowUs);
  if ('events' in watched) return watched;
  const control = watched;
  const state = control.state;
  if (state.kind !== 'releasing') return { control, events: [] };
  let current = state;
  const events: TableEvent[] = [];
  const elapsedUs = nowUs - current.triggerUs;
  // The load cell failed during a force release: carry on by position (§6.3). A reading that does
  // not change while the actuator moves is stuck: the same, with `!EV LOADCELL` (§7).
  if (current.mode.kind === 'force' && (sensors.isLoadCellFault || sensors.isReadingFrozen)) {
    if (!sensors.isLoadCellFault) events.push({ name: 'LOADCELL', details: [] });
    current = { ...current, mode: positionReleaseMode(control, sensors.posMm, elapsedUs) };
  }
  // At the floor (filtered): go on back to the slack position before the motor goes off.
  if (current.mode.kind === 'force' && sensors.recentMeanN <= FLOOR_N) current = { ...current, mode: slackReturnMode(control) };
  if (!current.isMotorCut && elapsedUs >= RELEASE_MOTOR_OFF_US) current = { ...current, isMotorCut: true };
  if (current.mode.kind === 'force') {
    if (!current.isMotorCut) return { control: { ...control, state: current }, events };
    // 5 s and the reading never reached the floor: the drive did not unload. Motor off (it is),
    // and RELG is left for FAULT — never a RELG with the motor off that nothing can clear.
    return { control: { ...control, state: { kind: 'fault', reason: REASON.drive }, faultCode: REASON.drive }, events };
  }
  const isDown = sensors.posMm <= current.mode.targetPosMm + POSITION_ARRIVAL_MM || current.isMotorCut;
  if (!isDown) return { control: { ...control, state: current }, events };
  const elapsedMs = Math.round(elapsedUs / 1000);
  return {
    control: { ...control, state: { kind: 'released', reason: current.reason } },
    events: [
      ...events,
      {
        name: 'RELDONE',
        details: [['reason', String(current.reason)], ['ms', String(elapsedMs)], ['measN', formatFixed1(clampReading(sensors.measN))]],
      },
    ],
  };
}

/** Readings in events stay inside the `measN` range a receiver accepts. */
export function clampReading(measN: number): number {
  return Math.max(-200, Math.min(1600, measN));
}
