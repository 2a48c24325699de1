/**
 * Prechecks before any tension (ref §7.6 "start is impossible unless…"): the table is connected
 * and its handshake done; the load cell reads zero within ±10 N at zero load and is tared
 * (`$ZERO`); the region is armed (`$ARM`, which the table refuses unless the patient switch is
 * in the ready position, table.md §4 code 11); the patient switch passed its self-test (pressed
 * and released while armed, table.md §5 SWITCH_TESTED). A failure raises a Medium alarm and
 * returns to idle, or to `released` when the operator was re-arming after a release.
 */
import { PRECHECK_STEP_TIMEOUT_MS, SWITCH_TEST_TIMEOUT_MS, ZERO_CHECK_TOLERANCE_N } from './decompression-limits.ts';
import { forceText, raise, andThen } from './supervisor-safety.ts';
import type { Phase, ReleaseCause, StepResult, SupervisorCommand, SupervisorState, TableReading } from './supervisor-types.ts';

type Prechecking = Extract<Phase, { kind: 'prechecking' }>;

export interface PrecheckStart {
  /** Program time to continue from (0 for a new session). */
  readonly resumeAtMs: number;
  /** The release being re-armed from, if any. */
  readonly rearmFrom: ReleaseCause | undefined;
  readonly releasedFromN: number;
}

export function beginPrechecks(state: SupervisorState, start: PrecheckStart, nowMs: number): StepResult {
  const phase: Prechecking = { kind: 'prechecking', step: 'link', sinceMs: nowMs, ...start };
  const next = { ...state, phase };
  return state.limits === undefined ? { state: next, commands: [] } : enterZero(next, phase, nowMs);
}

/** Table connected: clear any latched release, then tare at zero load. */
export function enterZero(state: SupervisorState, phase: Prechecking, nowMs: number): StepResult {
  const reading = state.reading;
  if (reading?.isZeroed === true && Math.abs(reading.measuredN) > ZERO_CHECK_TOLERANCE_N) {
    return failPrecheck(state, phase, `load cell reads ${forceText(reading.measuredN)} at zero load`, nowMs);
  }
  const commands: SupervisorCommand[] = [];
  if (reading?.mode === 'released' || reading?.mode === 'fault') commands.push({ kind: 'table', command: { kind: 'reset' } });
  if (reading?.mode === 'armed') commands.push({ kind: 'table', command: { kind: 'disarm' } });
  commands.push({ kind: 'table', command: { kind: 'zero' } });
  return { state: { ...state, phase: { ...phase, step: 'zero', sinceMs: nowMs } }, commands };
}

export function precheckReading(state: SupervisorState, phase: Prechecking, reading: TableReading, nowMs: number): StepResult {
  const isSwitchMissing = reading.patientSwitch === 'unplugged' || reading.patientSwitch === 'shorted';
  switch (phase.step) {
    case 'link':
      return { state, commands: [] };
    case 'zero':
      if (reading.mode !== 'idle' || !reading.isZeroed || Math.abs(reading.measuredN) > ZERO_CHECK_TOLERANCE_N) return { state, commands: [] };
      return {
        state: { ...state, phase: { ...phase, step: 'arm', sinceMs: nowMs } },
        commands: [{ kind: 'table', command: { kind: 'arm', region: state.plan.prescription.program.region } }],
      };
    case 'arm':
      if (reading.mode !== 'armed') return { state, commands: [] };
      if (isSwitchMissing) return failPrecheck(state, phase, `patient switch ${reading.patientSwitch}`, nowMs);
      return { state: { ...state, phase: { ...phase, step: 'switch-test', sinceMs: nowMs } }, commands: [] };
    case 'switch-test':
      if (isSwitchMissing) return failPrecheck(state, phase, `patient switch ${reading.patientSwitch}`, nowMs);
      if (!reading.isSwitchTested || reading.patientSwitch !== 'ready') return { state, commands: [] };
      return { state: { ...state, phase: { kind: 'ready', programMs: phase.resumeAtMs } }, commands: [] };
  }
}

export function tickPrechecks(state: SupervisorState, phase: Prechecking, nowMs: number): StepResult {
  const limitMs = phase.step === 'switch-test' ? SWITCH_TEST_TIMEOUT_MS : PRECHECK_STEP_TIMEOUT_MS;
  if (nowMs - phase.sinceMs < limitMs) return { state, commands: [] };
  const what = phase.step === 'switch-test' ? 'patient switch not tested (press and release it)' : `no ${phase.step === 'link' ? 'table connection' : phase.step}`;
  return failPrecheck(state, phase, `${what} within ${limitMs / 1000} s`, nowMs);
}

/** Alarm, disarm if armed, and back to where the prechecks started from. */
export function failPrecheck(state: SupervisorState, phase: Prechecking, detail: string, nowMs: number): StepResult {
  const back: Phase =
    phase.rearmFrom === undefined
      ? { kind: 'idle' }
      : { kind: 'released', cause: phase.rearmFrom, atMs: nowMs, programMs: phase.resumeAtMs, fromN: phase.releasedFromN, isTableDone: true };
  const commands: SupervisorCommand[] = state.reading?.mode === 'armed' ? [{ kind: 'table', command: { kind: 'disarm' } }] : [];
  return andThen({ state: { ...state, phase: back }, commands }, (s) => raise(s, 'precheck-failed', detail, nowMs));
}
