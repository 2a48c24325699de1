/**
 * The controller's own safety supervision, one control tick (1 ms) at a time, as a pure step.
 *
 * Spec: docs/protocols/table.md §6 and §7. Events fire on edges: PSW (press detected, any
 * state), PSWFAULT a/b (unplugged or shorted for 20 ms), ESTOP/ESTOPCLR, LOADCELL, POWER, WDOG
 * silentMs (500 ms without a valid host line; the watchdog arms at the first host line, so a
 * table nobody has talked to yet does not log WDOG at every boot — DESIGN), LIMIT measN limitN
 * (reading above the latched limit for 20 ms), PSWTEST (genuine press then ready while ARMED
 * before the first `$SET`). From ARMED, RUN or PAUSE a trigger starts a safety release; a drive
 * fault goes to FAULT at once (motor off); mains loss releases at once and goes to FAULT when the
 * hold-up ends. Trigger priority when several coincide: drive, e-stop, power, load cell, patient
 * switch, switch fault, force limit, watchdog. In RELG the force limit is watched by the release
 * itself (table-release.ts: a reading above its ceiling for 20 ms cuts the motor → FAULT 7).
 */
import { formatFixed1 } from '../spec-codec/field-codec.ts';
import { FLOOR_N, FORCE_LIMIT_TRIP_US, REGION_LIMITS, WATCHDOG_US } from './table-constants.ts';
import { clampReading, progressRelease, startRelease } from './table-release.ts';
import { REASON, isUnderControl } from './table-state.ts';
import type { Reason, TableControl, TableEvent, TableSensors } from './table-state.ts';

export interface SafetyStep {
  readonly control: TableControl;
  readonly events: TableEvent[];
}

export function superviseTable(control: TableControl, s: TableSensors, nowUs: number, holdUpUs: number): SafetyStep {
  const events: TableEvent[] = [];
  let c = control;

  // ---- edge events ------------------------------------------------------------------------------
  const isWatchdogExpired = s.hostSilentUs !== null && s.hostSilentUs >= WATCHDOG_US;
  const seen = c.seen;
  if (s.isEstop !== seen.estop) events.push({ name: s.isEstop ? 'ESTOP' : 'ESTOPCLR', details: [] });
  if (s.switchLevels.isPressDetected && !seen.press) events.push({ name: 'PSW', details: [] });
  if (s.switchLevels.isFaultDetected && !seen.switchFault) {
    events.push({ name: 'PSWFAULT', details: [['a', s.switchChannels.a ? '1' : '0'], ['b', s.switchChannels.b ? '1' : '0']] });
  }
  if (s.isLoadCellFault && !seen.loadCellFault) events.push({ name: 'LOADCELL', details: [] });
  if (s.isPowerFail && !seen.powerFail) events.push({ name: 'POWER', details: [] });
  let wdogTrips = c.wdogTrips;
  if (isWatchdogExpired && !seen.watchdog) {
    events.push({ name: 'WDOG', details: [['silentMs', String(Math.floor((s.hostSilentUs ?? 0) / 1000))]] });
    wdogTrips++;
  }
  c = {
    ...c,
    wdogTrips,
    powerFailSinceUs: s.isPowerFail ? (c.powerFailSinceUs ?? nowUs) : null,
    seen: {
      estop: s.isEstop,
      press: s.switchLevels.isPressDetected,
      switchFault: s.switchLevels.isFaultDetected,
      loadCellFault: s.isLoadCellFault,
      powerFail: s.isPowerFail,
      watchdog: isWatchdogExpired,
    },
  };

  // ---- bookkeeping while armed -----------------------------------------------------------------
  if (c.region !== null && c.slackPosMm === null && isUnderControl(c.state) && s.measN > FLOOR_N && !s.isLoadCellFault) {
    c = { ...c, slackPosMm: s.posMm };
  }
  if (c.state.kind === 'armed' && !c.state.hasSetSinceArm) {
    if (!c.state.isSelfTestPressed && s.switchLevels.isGenuinePress) {
      c = { ...c, state: { ...c.state, isSelfTestPressed: true } };
    } else if (c.state.isSelfTestPressed && s.switchLevels.isReady) {
      c = { ...c, state: { ...c.state, isSelfTestPressed: false }, isSwitchTested: true };
      events.push({ name: 'PSWTEST', details: [] });
    }
  }
  const limitN = c.region === null ? null : REGION_LIMITS[c.region].limitN;
  if (isUnderControl(c.state)) {
    // (In RELG the release watches its own ceiling: table-release.ts.)
    const isOverLimit = limitN !== null && s.measN > limitN && !s.isLoadCellFault;
    c = { ...c, overLimitSinceUs: isOverLimit ? (c.overLimitSinceUs ?? nowUs) : null };
  }

  // ---- faults that skip the release --------------------------------------------------------------
  if (s.isDriveFault && c.state.kind !== 'fault') {
    return { control: { ...c, state: { kind: 'fault', reason: REASON.drive }, faultCode: REASON.drive }, events };
  }
  if (c.powerFailSinceUs !== null && nowUs - c.powerFailSinceUs >= holdUpUs && c.state.kind !== 'fault') {
    return { control: { ...c, state: { kind: 'fault', reason: REASON.power }, faultCode: REASON.power }, events };
  }

  // ---- release triggers --------------------------------------------------------------------------
  if (isUnderControl(c.state)) {
    const reason = triggerReason(c, s, nowUs, isWatchdogExpired);
    if (reason !== null) {
      if (reason === REASON.forceLimit) {
        events.push({ name: 'LIMIT', details: [['measN', formatFixed1(clampReading(s.measN))], ['limitN', formatFixed1(limitN ?? 0)]] });
      }
      const release = startRelease(c, reason, s, nowUs);
      return { control: release.control, events: [...events, ...release.events] };
    }
    return { control: c, events };
  }
  const progress = progressRelease(c, s, nowUs);
  return { control: progress.control, events: [...events, ...progress.events] };
}

function triggerReason(c: TableControl, s: TableSensors, nowUs: number, isWatchdogExpired: boolean): Reason | null {
  if (s.isEstop) return REASON.estop;
  if (s.isPowerFail) return REASON.power;
  if (s.isLoadCellFault) return REASON.loadCell;
  const isPressArmed = c.state.kind === 'run' || c.state.kind === 'pause' || (c.state.kind === 'armed' && c.state.hasSetSinceArm);
  if (isPressArmed && s.switchLevels.isPressDetected) return REASON.patientSwitch;
  if (s.switchLevels.isFaultDetected) return REASON.switchFault;
  if (c.overLimitSinceUs !== null && nowUs - c.overLimitSinceUs >= FORCE_LIMIT_TRIP_US) return REASON.forceLimit;
  if (isWatchdogExpired) return REASON.watchdog;
  return null;
}
