/**
 * Running the program: program time advances only while running (Pause freezes it, ref §7.3);
 * each new timeline segment becomes one `$SET target rate` (table.md §4), checked against the
 * envelope as it is sent (ref §7: the second of the two checks); the end of treatment, an
 * operator Stop or the pause limit become a `$STOP` at the program's ramp speed, a controlled
 * ramp to the floor (ref §7.3).
 */
import { PAUSE_MAX_MS, PAUSE_WARNING_MS } from './decompression-limits.ts';
import { checkRate, checkSetpoint } from './envelope.ts';
import { andThen, programMsOf, raise, safetyRelease } from './supervisor-safety.ts';
import type { Phase, StepResult, StopReason, SupervisorState, TableReading } from './supervisor-types.ts';
import { segmentRateNps, timelineAt, type Segment } from './timeline.ts';

/** The wire carries one decimal (table.md §4); rounding down never exceeds a limit. */
const WIRE_STEP = 10;
const MIN_WIRE_RATE_NPS = 0.1;

export function quantizeDown(value: number): number {
  return Math.floor(value * WIRE_STEP + 1e-9) / WIRE_STEP;
}

/** Sends a set-point only if the envelope allows it; a refusal alarms and stops under control. */
export function commandSetpoint(state: SupervisorState, targetN: number, rateNps: number, nowMs: number): StepResult {
  const target = quantizeDown(targetN);
  const rate = Math.max(MIN_WIRE_RATE_NPS, quantizeDown(rateNps));
  const grant = { envelope: state.plan.envelope, capN: state.capN, confirmedN: state.plan.prescription.confirmedN };
  const checked = checkSetpoint(grant, target, rate);
  if (checked.ok) return { state, commands: [{ kind: 'table', command: { kind: 'set', targetN: target, rateNps: rate } }] };
  return andThen(raise(state, 'envelope', checked.error.message, nowMs), (s) => beginStop(s, 'refused', nowMs));
}

/** The program's ramp speed as a stop or hold-approach rate. */
function programRate(state: SupervisorState): number {
  return Math.max(MIN_WIRE_RATE_NPS, quantizeDown(state.plan.prescription.program.rampRateNps));
}

/** Enters `running` at `programMs` and commands the segment in force there. */
export function startRunning(state: SupervisorState, programMs: number, nowMs: number): StepResult {
  return commandSegmentAt({ ...state, phase: { kind: 'running', programMs, lastTickMs: nowMs, segmentIndex: -1 } }, nowMs);
}

export function tickRunning(state: SupervisorState, phase: Extract<Phase, { kind: 'running' }>, nowMs: number): StepResult {
  const programMs = phase.programMs + Math.max(0, nowMs - phase.lastTickMs);
  return commandSegmentAt({ ...state, phase: { ...phase, programMs, lastTickMs: nowMs } }, nowMs);
}

function commandSegmentAt(state: SupervisorState, nowMs: number): StepResult {
  const phase = state.phase;
  if (phase.kind !== 'running') return { state, commands: [] };
  const timeline = state.plan.timeline;
  if (phase.programMs >= timeline.treatmentEndMs) return beginStop(state, 'program-end', nowMs);
  const at = timelineAt(timeline, phase.programMs);
  const segment = timeline.segments[at.index];
  if (at.index === phase.segmentIndex || segment === undefined) return { state, commands: [] };
  const next: SupervisorState = { ...state, phase: { ...phase, segmentIndex: at.index } };
  return commandSetpoint(next, Math.min(segment.toN, state.capN), segmentApproachRate(next, segment), nowMs);
}

/** A ramp at its own speed; a hold or rest is approached at the program's ramp speed (after a pause or re-arm the table may be elsewhere). */
function segmentApproachRate(state: SupervisorState, segment: Segment): number {
  return segment.fromN === segment.toN ? programRate(state) : segmentRateNps(segment);
}

export function pauseRunning(state: SupervisorState, nowMs: number): StepResult {
  const phase = state.phase;
  if (phase.kind !== 'running') return { state, commands: [] };
  return {
    state: { ...state, phase: { kind: 'paused', programMs: programMsOf(phase, nowMs), pausedAtMs: nowMs, isWarned: false } },
    commands: [{ kind: 'table', command: { kind: 'pause' } }],
  };
}

/** Pause is limited to PAUSE_MAX_MS; the last PAUSE_WARNING_MS are announced (ref §7.3). */
export function tickPaused(state: SupervisorState, phase: Extract<Phase, { kind: 'paused' }>, nowMs: number): StepResult {
  const pausedMs = nowMs - phase.pausedAtMs;
  if (pausedMs >= PAUSE_MAX_MS) return andThen(raise(state, 'pause-limit', 'pause limit reached, stopping', nowMs), (s) => beginStop(s, 'pause-limit', nowMs));
  if (phase.isWarned || pausedMs < PAUSE_MAX_MS - PAUSE_WARNING_MS) return { state, commands: [] };
  const warned: SupervisorState = { ...state, phase: { ...phase, isWarned: true } };
  return raise(warned, 'pause-limit', `stopping in ${Math.ceil((PAUSE_MAX_MS - pausedMs) / 1000)} s`, nowMs);
}

/** A controlled ramp to the floor at the program's ramp speed (ref §7.3 Stop). */
export function beginStop(state: SupervisorState, reason: StopReason, nowMs: number): StepResult {
  const rate = programRate(state);
  if (!checkRate(state.plan.envelope, rate).ok) return safetyRelease(state, 'table-fault', 'no permitted stop rate', nowMs);
  const programMs = programMsOf(state.phase, nowMs);
  return { state: { ...state, phase: { kind: 'stopping', reason, programMs } }, commands: [{ kind: 'table', command: { kind: 'stop', rateNps: rate } }] };
}

/**
 * A Stop is over when the table is back in ARMED at the floor (table.md §4 `$STOP`). The final
 * release then lets the cord go slack with the motor off (`$RELEASE`, table.md §6.2): `$DISARM`
 * is refused while the floor tension is held (code 15), and nobody should stay strapped in under
 * a powered drive once the program is over.
 */
export function stoppingReading(state: SupervisorState, phase: Extract<Phase, { kind: 'stopping' }>, reading: TableReading): StepResult {
  if (reading.mode !== 'armed') return { state, commands: [] };
  const isCompleted = phase.reason === 'program-end';
  return {
    state: { ...state, phase: { kind: 'done', outcome: isCompleted ? 'completed' : 'stopped' } },
    commands: [
      { kind: 'table', command: { kind: 'release' } },
      ...(isCompleted || phase.reason === 'operator' ? [] : [{ kind: 'mark-session' as const, mark: 'abort' as const, detail: `stopped: ${phase.reason}` }]),
    ],
  };
}
