/**
 * The supervisor's safety paths (ref §7.2, §7.3): every trigger — patient switch, e-stop, switch
 * fault, link loss, over-tension, runaway, load-cell fault, escalated tracking, a release the
 * table started on its own — ends in one place, `safetyRelease`: `$RELEASE` first (the table
 * releases under control at its release rate, table.md §6.2), then the alarm and the session
 * mark, and the latched `released` phase that only an operator re-arm leaves.
 */
import { newtonsToPoundsForce } from '../units.ts';
import { makeAlarm, type AlarmCondition } from './alarms.ts';
import { FRESH_FORCE_MONITOR } from './force-monitor.ts';
import type { Phase, ReleaseCause, SessionMark, StepResult, SupervisorCommand, SupervisorState, TableNotice, TableReading } from './supervisor-types.ts';

/** table.md §6.1 reason codes → the cause the supervisor records. */
const CAUSE_OF_TABLE_REASON: Readonly<Record<number, ReleaseCause>> = {
  1: 'link-lost',
  2: 'patient-stop',
  3: 'switch-fault',
  4: 'estop',
  5: 'force-limit',
  6: 'load-cell-fault',
  7: 'table-fault',
  8: 'operator-release',
  9: 'table-power',
};

export function causeOfTableReason(reason: number): ReleaseCause {
  return CAUSE_OF_TABLE_REASON[reason] ?? 'table-fault';
}

/** The operator's own release is deliberate: recorded, but no alarm. */
function alarmOf(cause: ReleaseCause): AlarmCondition | undefined {
  return cause === 'operator-release' ? undefined : cause;
}

function markOf(cause: ReleaseCause): SessionMark {
  return cause === 'patient-stop' ? 'patient-stop' : cause === 'link-lost' ? 'link-lost' : cause === 'operator-release' ? 'abort' : 'safety-release';
}

/** The table may hold the patient under tension (armed or beyond). */
export function isEngaged(phase: Phase): boolean {
  return phase.kind === 'prechecking' || phase.kind === 'ready' || phase.kind === 'running' || phase.kind === 'paused' || phase.kind === 'stopping';
}

/** Program time at `nowMs`: running counts on from its last tick. */
export function programMsOf(phase: Phase, nowMs: number): number {
  switch (phase.kind) {
    case 'idle':
    case 'done':
      return 0;
    case 'prechecking':
      return phase.resumeAtMs;
    case 'running':
      return phase.programMs + Math.max(0, nowMs - phase.lastTickMs);
    case 'ready':
    case 'paused':
    case 'stopping':
    case 'released':
      return phase.programMs;
  }
}

export function forceText(forceN: number): string {
  return `${forceN.toFixed(1)} N (${newtonsToPoundsForce(forceN).toFixed(1)} lbf)`;
}

/** Adds (or renews) an alarm. */
export function raise(state: SupervisorState, condition: AlarmCondition, detail: string, nowMs: number): StepResult {
  const alarm = makeAlarm(condition, detail, nowMs);
  return { state: { ...state, alarms: [...state.alarms.filter((a) => a.condition !== condition), alarm] }, commands: [{ kind: 'raise-alarm', alarm }] };
}

export function clear(state: SupervisorState, condition: AlarmCondition): StepResult {
  if (!state.alarms.some((a) => a.condition === condition)) return { state, commands: [] };
  return { state: { ...state, alarms: state.alarms.filter((a) => a.condition !== condition) }, commands: [{ kind: 'clear-alarm', condition }] };
}

/** Runs `next` on the state `first` produced and joins their commands. */
export function andThen(first: StepResult, next: (state: SupervisorState) => StepResult): StepResult {
  const second = next(first.state);
  return { state: second.state, commands: [...first.commands, ...second.commands] };
}

export function safetyRelease(state: SupervisorState, cause: ReleaseCause, detail: string, nowMs: number): StepResult {
  const condition = alarmOf(cause);
  const phase = state.phase;
  const alarm = (s: SupervisorState): StepResult =>
    condition === undefined || s.alarms.some((a) => a.condition === condition) ? { state: s, commands: [] } : raise(s, condition, detail, nowMs);
  if (phase.kind === 'released') return alarm(state);
  if (!isEngaged(phase)) {
    // Nothing is under tension: a press or e-stop is announced once, with a harmless $RELEASE.
    if (cause === 'link-lost' || state.alarms.some((a) => a.condition === condition)) return { state, commands: [] };
    return andThen({ state, commands: [{ kind: 'table', command: { kind: 'release' } }] }, alarm);
  }
  const commands: SupervisorCommand[] = cause === 'link-lost' ? [] : [{ kind: 'table', command: { kind: 'release' } }];
  commands.push({ kind: 'mark-session', mark: markOf(cause), detail: detail === '' ? cause : `${cause}: ${detail}` });
  const released: SupervisorState = {
    ...state,
    phase: { kind: 'released', cause, atMs: nowMs, programMs: programMsOf(phase, nowMs), fromN: state.reading?.measuredN ?? 0, isTableDone: false },
    monitor: FRESH_FORCE_MONITOR,
  };
  return andThen({ state: released, commands }, alarm);
}

/** Safety conditions visible in a reading (the events usually arrive first; this is the second view). */
export function readingSafety(state: SupervisorState, reading: TableReading, nowMs: number): StepResult | undefined {
  const phase = state.phase;
  if (reading.isEstop) return safetyRelease(state, 'estop', '', nowMs);
  if (!isEngaged(phase)) return undefined;
  const isTreating = phase.kind !== 'prechecking';
  if (isTreating && reading.patientSwitch === 'pressed') return safetyRelease(state, 'patient-stop', `at ${forceText(reading.measuredN)}`, nowMs);
  if (isTreating && (reading.patientSwitch === 'unplugged' || reading.patientSwitch === 'shorted')) {
    return safetyRelease(state, 'switch-fault', reading.patientSwitch, nowMs);
  }
  if (reading.isLoadCellFault) return safetyRelease(state, 'load-cell-fault', 'reported by the table', nowMs);
  if (reading.mode === 'releasing' || reading.mode === 'released' || reading.mode === 'fault') {
    return safetyRelease(state, causeOfTableReason(reading.faultCode), `table ${reading.mode}`, nowMs);
  }
  // A table back in IDLE under treatment has restarted (power cycle, BOOT): the session is over.
  if (isTreating && reading.mode === 'idle') return safetyRelease(state, 'table-fault', 'table restarted (idle)', nowMs);
  return undefined;
}

export function noticeSafety(state: SupervisorState, notice: TableNotice, nowMs: number): StepResult {
  const phase = state.phase;
  const measured = `at ${forceText(state.reading?.measuredN ?? 0)}`;
  switch (notice.kind) {
    case 'patient-switch':
      // A press while prechecking is the switch self-test (table.md §7 PSWTEST).
      return phase.kind === 'prechecking' ? { state, commands: [] } : safetyRelease(state, 'patient-stop', measured, nowMs);
    case 'estop':
      return safetyRelease(state, 'estop', '', nowMs);
    case 'switch-fault':
      return safetyRelease(state, 'switch-fault', '', nowMs);
    case 'force-limit':
      return safetyRelease(state, 'force-limit', measured, nowMs);
    case 'watchdog':
      return safetyRelease(state, 'link-lost', 'the table heard no host line within its watchdog', nowMs);
    case 'load-cell':
      return safetyRelease(state, 'load-cell-fault', 'reported by the table', nowMs);
    case 'power':
      return safetyRelease(state, 'table-power', '', nowMs);
    case 'release-started':
      // Out of treatment (idle, done) a table release is ours or harmless: nothing to add.
      if (!isEngaged(phase) && phase.kind !== 'released') return { state, commands: [] };
      return safetyRelease(state, causeOfTableReason(notice.reason), `table release, reason ${notice.reason}`, nowMs);
    case 'release-done':
      return phase.kind === 'released' ? { state: { ...state, phase: { ...phase, isTableDone: true } }, commands: [] } : { state, commands: [] };
  }
}
