/**
 * The decompression supervisor: one pure `step(state, event, nowMs) → { state, commands }`
 * (STYLE.md §7). The host feeds it operator inputs, table readings and events, command failures
 * and clock ticks, and executes the commands it returns (table commands, alarms, session marks).
 * Behaviour: ref §7.3 (release, Stop, Pause), §7.5 (re-arm after a patient stop), §7.6.
 *
 * ```
 *  ┌──────┐ begin-prechecks ┌──────────────────────────┐ all passed ┌───────┐
 *  │ idle │ ──────────────► │ prechecking              │ ─────────► │ ready │
 *  └──────┘ ◄── failed ──── │ link → zero → arm →      │            └───────┘
 *                           │ switch-test              │                │ start
 *                           └──────────────────────────┘                ▼
 *                                  ▲          │ failed while      ┌─────────┐  pause   ┌────────┐
 *                                  │ re-arm   │ re-arming         │ running │ ───────► │ paused │
 *                                  │ (reason) ▼                   │ ramp →  │ ◄─────── │        │
 *                           ┌──────────────────┐                  │ hold ⇄  │  resume  └────────┘
 *                           │ released         │                  │ rest …  │              │ stop, or
 *                           │ (latched)        │                  └─────────┘              │ 120 s paused
 *                           └──────────────────┘                       │ treatment over,   │
 *                                  ▲                                   ▼ operator stop     │
 *                                  │                             ┌──────────┐ ◄────────────┘
 *                                  │                             │          │ table ARMED ┌──────┐
 *                                  │                             │ stopping │ ──────────► │ done │
 *                                  │                             └──────────┘  at floor:  └──────┘
 *                                  │                                          final $RELEASE
 *   from prechecking, ready, running, paused or stopping: patient switch, e-stop, switch fault, link
 *   loss, over-tension, runaway, load-cell fault, escalated tracking, a table release or fault, the
 *   operator's release. `released` sends $RELEASE first (not on link loss: the table's watchdog
 *   does it), then the alarm and the session mark.
 * ```
 *
 * Invariant (proved by supervisor-property.test.ts): every `$SET` leaving here passed
 * `checkSetpoint` against the session's envelope, cap and confirmation, with a rate within the
 * region's ramp limit; nothing but a re-arm leads from `released` back to tension.
 */
import { assertNever } from '../bug.ts';
import { LOADCELL_NOISE_FRACTION_FS, MIN_TENSION_FLOOR_N } from './decompression-limits.ts';
import { observeForce, type ForceFinding } from './force-monitor.ts';
import { beginPrechecks, enterZero, failPrecheck, precheckReading, tickPrechecks } from './supervisor-prechecks.ts';
import { beginStop, pauseRunning, startRunning, stoppingReading, tickPaused, tickRunning } from './supervisor-program.ts';
import { clear, forceText, isEngaged, noticeSafety, raise, readingSafety, safetyRelease, andThen } from './supervisor-safety.ts';
import type { CommandFailureInfo, OperatorInput, StepResult, SupervisorEvent, SupervisorState, TableCommandKind, TableReading } from './supervisor-types.ts';

const unchanged = (state: SupervisorState): StepResult => ({ state, commands: [] });

export function step(state: SupervisorState, event: SupervisorEvent, nowMs: number): StepResult {
  switch (event.kind) {
    case 'operator':
      return operatorStep(state, event.input, nowMs);
    case 'link-up': {
      const next = { ...state, limits: event.limits };
      return next.phase.kind === 'prechecking' && next.phase.step === 'link' ? enterZero(next, next.phase, nowMs) : unchanged(next);
    }
    case 'link-down': {
      const next: SupervisorState = { ...state, limits: undefined, reading: undefined };
      if (next.phase.kind === 'prechecking') return failPrecheck(next, next.phase, `table link lost: ${event.reason}`, nowMs);
      return safetyRelease(next, 'link-lost', event.reason, nowMs);
    }
    case 'reading':
      return readingStep({ ...state, reading: event.reading }, event.reading, nowMs);
    case 'notice':
      return noticeSafety(state, event.notice, nowMs);
    case 'command-failed':
      return commandFailed(state, event.command, event.failure, nowMs);
    case 'tick':
      return tickStep(state, nowMs);
    default:
      return assertNever(event, 'supervisor event');
  }
}

function operatorStep(state: SupervisorState, input: OperatorInput, nowMs: number): StepResult {
  const phase = state.phase;
  switch (input.kind) {
    case 'begin-prechecks':
      return phase.kind === 'idle' ? beginPrechecks(state, { resumeAtMs: 0, rearmFrom: undefined, releasedFromN: 0 }, nowMs) : unchanged(state);
    case 'start':
      return phase.kind === 'ready' ? startRunning(state, phase.programMs, nowMs) : unchanged(state);
    case 'pause':
      return pauseRunning(state, nowMs);
    case 'resume':
      return phase.kind === 'paused' ? startRunning(state, phase.programMs, nowMs) : unchanged(state);
    case 'stop':
      if (phase.kind === 'running' || phase.kind === 'paused') return beginStop(state, 'operator', nowMs);
      if (phase.kind === 'prechecking') return failPrecheck(state, phase, 'stopped by the operator', nowMs);
      if (phase.kind === 'ready') return { state: { ...state, phase: { kind: 'done', outcome: 'stopped' } }, commands: [{ kind: 'table', command: { kind: 'disarm' } }] };
      return unchanged(state);
    case 'release':
      return safetyRelease(state, 'operator-release', 'operator', nowMs);
    case 're-arm': {
      if (phase.kind !== 'released' || input.reason.trim() === '' || state.limits === undefined || state.reading?.isEstop !== false) return unchanged(state);
      // After a patient stop: no more than the force measured at the stop for the rest of the session (ref §7.5).
      const capN = phase.cause === 'patient-stop' ? Math.min(state.capN, Math.max(phase.fromN, MIN_TENSION_FLOOR_N)) : state.capN;
      return beginPrechecks({ ...state, capN }, { resumeAtMs: phase.programMs, rearmFrom: phase.cause, releasedFromN: phase.fromN }, nowMs);
    }
    case 'acknowledge':
      return clear(state, input.condition);
    default:
      return assertNever(input, 'operator input');
  }
}

function readingStep(state: SupervisorState, reading: TableReading, nowMs: number): StepResult {
  const unsafe = readingSafety(state, reading, nowMs);
  if (unsafe !== undefined) return unsafe;
  const phase = state.phase;
  switch (phase.kind) {
    case 'prechecking':
      return precheckReading(state, phase, reading, nowMs);
    case 'running':
    case 'paused':
      return monitorForce(state, reading, nowMs);
    case 'stopping':
      return andThen(monitorForce(state, reading, nowMs), (s) => (s.phase.kind === 'stopping' ? stoppingReading(s, s.phase, reading) : unchanged(s)));
    case 'released':
      return reading.mode === 'released' && !phase.isTableDone ? unchanged({ ...state, phase: { ...phase, isTableDone: true } }) : unchanged(state);
    case 'idle':
    case 'ready':
    case 'done':
      return unchanged(state);
    default:
      return assertNever(phase, 'phase');
  }
}

function monitorForce(state: SupervisorState, reading: TableReading, nowMs: number): StepResult {
  const fullScaleN = state.limits?.loadCellFullScaleN ?? 0;
  const observed = observeForce(
    state.monitor,
    { tMs: nowMs, measuredN: reading.measuredN, setpointN: reading.setpointN, positionMm: reading.positionMm, velocityMmS: reading.velocityMmS },
    { capN: state.capN, floorN: state.limits?.floorN ?? MIN_TENSION_FLOOR_N, noiseN: fullScaleN * LOADCELL_NOISE_FRACTION_FS },
  );
  return onFinding({ ...state, monitor: observed.state }, observed.finding, reading, nowMs);
}

function onFinding(state: SupervisorState, finding: ForceFinding | undefined, reading: TableReading, nowMs: number): StepResult {
  const versus = `measured ${forceText(reading.measuredN)}, set ${forceText(reading.setpointN)}`;
  switch (finding) {
    case undefined:
      return unchanged(state);
    case 'over-tension':
      return safetyRelease(state, 'over-tension', `${forceText(reading.measuredN)} above the prescribed ${forceText(state.capN)}`, nowMs);
    case 'runaway':
      return safetyRelease(state, 'runaway', versus, nowMs);
    case 'load-cell-frozen':
      return safetyRelease(state, 'load-cell-fault', 'reading steady while the actuator moved', nowMs);
    case 'tracking-escalated':
      return safetyRelease(state, 'tracking-escalated', versus, nowMs);
    case 'tracking':
      // Medium alarm and no further increase: hold the present force (ref §7.2).
      return andThen(raise(state, 'tracking', versus, nowMs), (s) => pauseRunning(s, nowMs));
    case 'tracking-cleared':
      return clear(state, 'tracking');
    default:
      return assertNever(finding, 'force finding');
  }
}

function tickStep(state: SupervisorState, nowMs: number): StepResult {
  const phase = state.phase;
  switch (phase.kind) {
    case 'prechecking':
      return tickPrechecks(state, phase, nowMs);
    case 'running':
      return tickRunning(state, phase, nowMs);
    case 'paused':
      return tickPaused(state, phase, nowMs);
    case 'idle':
    case 'ready':
    case 'stopping':
    case 'released':
    case 'done':
      return unchanged(state);
    default:
      return assertNever(phase, 'phase');
  }
}

/**
 * NAKs (table.md §4 refusal codes, link.md §4.3). Timeouts and link loss need nothing here: the
 * driver reports the link down and `link-down` handles it.
 */
function commandFailed(state: SupervisorState, command: TableCommandKind, failure: CommandFailureInfo, nowMs: number): StepResult {
  if (failure.kind === 'timeout' || failure.kind === 'link-lost') return unchanged(state);
  const detail = `$${command.toUpperCase()} ${failure.kind === 'nak' ? `refused: ${failure.name} (${failure.code})` : `not sent: ${failure.message}`}`;
  const phase = state.phase;
  if (phase.kind === 'prechecking') return failPrecheck(state, phase, detail, nowMs);
  if (command === 'disarm' || command === 'release' || !isEngaged(phase)) return raise(state, 'command-refused', detail, nowMs);
  // 9 e-stop engaged, 10 fault latched, 12 not armed: the table is releasing or released on its own.
  if (failure.kind === 'nak' && (failure.code === 9 || failure.code === 10 || failure.code === 12)) return safetyRelease(state, 'table-fault', detail, nowMs);
  if (command === 'stop') return safetyRelease(state, 'table-fault', detail, nowMs);
  if (phase.kind === 'running' || phase.kind === 'paused') return andThen(raise(state, 'command-refused', detail, nowMs), (s) => beginStop(s, 'refused', nowMs));
  return raise(state, 'command-refused', detail, nowMs);
}
