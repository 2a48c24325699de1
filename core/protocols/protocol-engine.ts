/**
 * The protocol engine: a pure `step(state, event, nowMs)` returning `{ state, commands }`
 * (STYLE.md §7). The host feeds it the plate's load changes, its link state, the therapist's
 * buttons and ticks; it answers with cues (sound + large visual), capture commands and the end.
 *
 * ```
 *            therapist ready (if the trial needs it) + plate connected + subject steady
 *   waiting ─────────────────────────────────────────────────────────────────► countdown
 *     ▲  ▲                                                                        │ │
 *     │  └── unsteady / stepped off / disconnected / abort  (cue: cancelled) ◄────┘ │ time up
 *     │                                                                             ▼ (cue: start)
 *     ├──── stepped off ('repeat'), disconnected, abort (cue: invalid) ◄────── recording
 *     │                                                                             │ time up (cue: end)
 *     └──── next trial ◄──── stepped off ('fell': the trial counts, cut short) ─────┤
 *                                                                                   ▼ last trial
 *   stop from anywhere ──► ended                                                  ended
 * ```
 * A void trial is done again as a new attempt; a disconnect always voids (the device failed, not
 * the patient). Time is whatever clock the host runs it on (the plate's, in host/balance).
 */
import { assertNever } from '../bug.ts';
import type { ProtocolSpec, TrialSpec } from './protocol-types.ts';

export type SafetyAnswer = 'spotter' | 'harness' | 'declined';
export type InvalidReason = 'steppedOff' | 'plateDisconnected' | 'aborted';
export type TrialOutcome = 'completed' | 'fell';

export type EngineEvent =
  | { readonly kind: 'subject'; readonly change: 'steady' | 'unsteady' | 'steppedOff' | 'empty' }
  | { readonly kind: 'tick' }
  | { readonly kind: 'plateConnected' }
  | { readonly kind: 'plateDisconnected' }
  | { readonly kind: 'therapistReady'; readonly safety: SafetyAnswer }
  | { readonly kind: 'abortTrial' }
  | { readonly kind: 'repeatLastTrial' }
  | { readonly kind: 'stopProtocol' };

export type Cue =
  | { readonly kind: 'countdown'; readonly secondsLeft: number }
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'invalid'; readonly reason: InvalidReason };

export type EngineCommand =
  | { readonly kind: 'showTrial'; readonly trialIndex: number; readonly trial: TrialSpec; readonly isAwaitingTherapist: boolean }
  /** Play `sound` and show `banner` large (issue 4: start and end cues, sound and visual). */
  | { readonly kind: 'cue'; readonly cue: Cue; readonly sound: 'tick' | 'start' | 'end' | 'error'; readonly banner: string }
  | { readonly kind: 'startCapture'; readonly trialIndex: number; readonly attempt: number; readonly atMs: number; readonly safety: SafetyAnswer | undefined }
  | { readonly kind: 'finishCapture'; readonly trialIndex: number; readonly attempt: number; readonly outcome: TrialOutcome; readonly holdMs: number; readonly atMs: number }
  | { readonly kind: 'discardCapture'; readonly trialIndex: number; readonly attempt: number; readonly reason: InvalidReason }
  | { readonly kind: 'protocolEnded'; readonly outcome: 'finished' | 'stopped' };

export type EnginePhase =
  | { readonly kind: 'waiting'; readonly isAwaitingTherapist: boolean }
  | { readonly kind: 'countdown'; readonly endsAtMs: number; readonly secondsLeft: number }
  | { readonly kind: 'recording'; readonly startedAtMs: number; readonly endsAtMs: number }
  | { readonly kind: 'ended'; readonly outcome: 'finished' | 'stopped' };

export interface EngineState {
  readonly protocol: ProtocolSpec;
  readonly trialIndex: number;
  /** Attempts started per trial; the current attempt of the current trial is attempts[trialIndex]. */
  readonly attempts: readonly number[];
  readonly phase: EnginePhase;
  readonly isPlateConnected: boolean;
  readonly isSubjectSteady: boolean;
  readonly safety: SafetyAnswer | undefined;
}

export interface StepResult {
  readonly state: EngineState;
  readonly commands: readonly EngineCommand[];
}

const cue = (c: Cue): EngineCommand => {
  switch (c.kind) {
    case 'countdown':
      return { kind: 'cue', cue: c, sound: 'tick', banner: String(c.secondsLeft) };
    case 'start':
      return { kind: 'cue', cue: c, sound: 'start', banner: 'GO' };
    case 'end':
      return { kind: 'cue', cue: c, sound: 'end', banner: 'STOP' };
    case 'cancelled':
      return { kind: 'cue', cue: c, sound: 'error', banner: 'WAIT' };
    case 'invalid':
      return { kind: 'cue', cue: c, sound: 'error', banner: 'TRIAL VOID' };
    default:
      return assertNever(c, 'cue');
  }
};

const trialOf = (state: EngineState): TrialSpec => state.protocol.trials[state.trialIndex] as TrialSpec;
const attemptOf = (state: EngineState): number => state.attempts[state.trialIndex] ?? 1;

/**
 * Enters trial `index` (as a new attempt) and waits for its start conditions; the therapist must
 * confirm first when the trial asks for it on entry, or always (`mustAsk`) after an abort.
 */
function enterTrial(state: EngineState, index: number, nowMs: number, isNewSetUp: boolean, mustAsk = false): StepResult {
  const attempts = state.attempts.map((n, i) => (i === index ? n + 1 : n));
  const trial = state.protocol.trials[index] as TrialSpec;
  const isAwaitingTherapist = mustAsk || (isNewSetUp && trial.needsTherapist);
  const entered: EngineState = { ...state, trialIndex: index, attempts, phase: { kind: 'waiting', isAwaitingTherapist } };
  const show: EngineCommand = { kind: 'showTrial', trialIndex: index, trial, isAwaitingTherapist };
  const started = startIfReady(entered, nowMs);
  return { state: started.state, commands: [show, ...started.commands] };
}

function startIfReady(state: EngineState, nowMs: number): StepResult {
  const { phase } = state;
  if (phase.kind !== 'waiting' || phase.isAwaitingTherapist || !state.isPlateConnected || !state.isSubjectSteady) return { state, commands: [] };
  const secondsLeft = Math.ceil(state.protocol.countdownMs / 1000);
  return { state: { ...state, phase: { kind: 'countdown', endsAtMs: nowMs + state.protocol.countdownMs, secondsLeft } }, commands: [cue({ kind: 'countdown', secondsLeft })] };
}

/** Moves on to the next trial; after a fall the therapist must confirm before it, whatever it asks for. */
function afterTrial(state: EngineState, nowMs: number, hasFallen: boolean): StepResult {
  const next = state.trialIndex + 1;
  if (next < state.protocol.trials.length) return enterTrial(state, next, nowMs, true, hasFallen);
  return { state: { ...state, phase: { kind: 'ended', outcome: 'finished' } }, commands: [{ kind: 'protocolEnded', outcome: 'finished' }] };
}

/** Voids the running attempt (or cancels the countdown) and waits to do the same trial again. */
function interrupt(state: EngineState, reason: InvalidReason, nowMs: number): StepResult {
  const { phase } = state;
  if (phase.kind === 'countdown') {
    // Nothing was recorded yet, so no attempt is used up. A move, a step-off or a lost plate
    // restarts by itself once the subject is steady again; the therapist's abort leaves the
    // subject steady, so no event would ever restart it: the therapist restarts it, as after an
    // abort while recording.
    if (reason !== 'aborted') return { state: { ...state, phase: { kind: 'waiting', isAwaitingTherapist: false } }, commands: [cue({ kind: 'cancelled' })] };
    const show: EngineCommand = { kind: 'showTrial', trialIndex: state.trialIndex, trial: trialOf(state), isAwaitingTherapist: true };
    return { state: { ...state, phase: { kind: 'waiting', isAwaitingTherapist: true } }, commands: [cue({ kind: 'cancelled' }), show] };
  }
  if (phase.kind !== 'recording') return { state, commands: [] };
  const discard: EngineCommand = { kind: 'discardCapture', trialIndex: state.trialIndex, attempt: attemptOf(state), reason };
  // After the therapist's abort, the therapist restarts; after a step-off or a disconnect the
  // subject's return to steady stance (on a connected plate) restarts it.
  const again = enterTrial(state, state.trialIndex, nowMs, false, reason === 'aborted');
  return { state: again.state, commands: [discard, cue({ kind: 'invalid', reason }), ...again.commands] };
}

function finish(state: EngineState, outcome: TrialOutcome, holdMs: number, atMs: number, nowMs: number): StepResult {
  const done: EngineCommand = { kind: 'finishCapture', trialIndex: state.trialIndex, attempt: attemptOf(state), outcome, holdMs, atMs };
  const next = afterTrial(state, nowMs, outcome === 'fell');
  return { state: next.state, commands: [done, cue({ kind: 'end' }), ...next.commands] };
}

function tick(state: EngineState, nowMs: number): StepResult {
  const { phase } = state;
  if (phase.kind === 'countdown') {
    if (nowMs >= phase.endsAtMs) {
      const trial = trialOf(state);
      const recording: EngineState = { ...state, phase: { kind: 'recording', startedAtMs: phase.endsAtMs, endsAtMs: phase.endsAtMs + trial.durationMs } };
      const capture: EngineCommand = { kind: 'startCapture', trialIndex: state.trialIndex, attempt: attemptOf(state), atMs: phase.endsAtMs, safety: state.safety };
      // A long gap between ticks may have carried the trial past its end already.
      const then = tick(recording, nowMs);
      return { state: then.state, commands: [cue({ kind: 'start' }), capture, ...then.commands] };
    }
    const secondsLeft = Math.ceil((phase.endsAtMs - nowMs) / 1000);
    if (secondsLeft >= phase.secondsLeft) return { state, commands: [] };
    return { state: { ...state, phase: { ...phase, secondsLeft } }, commands: [cue({ kind: 'countdown', secondsLeft })] };
  }
  if (phase.kind === 'recording' && nowMs >= phase.endsAtMs) return finish(state, 'completed', trialOf(state).durationMs, phase.endsAtMs, nowMs);
  return { state, commands: [] };
}

function subjectLeft(state: EngineState, nowMs: number): StepResult {
  const left: EngineState = { ...state, isSubjectSteady: false };
  const { phase } = left;
  if (phase.kind === 'recording' && left.protocol.onStepOff === 'fell') return finish(left, 'fell', nowMs - phase.startedAtMs, nowMs, nowMs);
  return interrupt(left, 'steppedOff', nowMs);
}

export function startEngine(protocol: ProtocolSpec, nowMs: number, isPlateConnected: boolean, isSubjectSteady: boolean): StepResult {
  const initial: EngineState = {
    protocol,
    trialIndex: 0,
    attempts: protocol.trials.map(() => 0),
    phase: { kind: 'waiting', isAwaitingTherapist: false },
    isPlateConnected,
    isSubjectSteady,
    safety: undefined,
  };
  if (protocol.trials.length === 0) return { state: { ...initial, phase: { kind: 'ended', outcome: 'finished' } }, commands: [{ kind: 'protocolEnded', outcome: 'finished' }] };
  return enterTrial(initial, 0, nowMs, true);
}

export function step(state: EngineState, event: EngineEvent, nowMs: number): StepResult {
  if (state.phase.kind === 'ended' && event.kind !== 'repeatLastTrial') {
    // Only the plate's and the subject's state are still tracked once the protocol has ended.
    if (event.kind === 'plateConnected' || event.kind === 'plateDisconnected') return { state: { ...state, isPlateConnected: event.kind === 'plateConnected' }, commands: [] };
    if (event.kind === 'subject') return { state: { ...state, isSubjectSteady: event.change === 'steady' }, commands: [] };
    return { state, commands: [] };
  }
  switch (event.kind) {
    case 'tick':
      return tick(state, nowMs);
    case 'subject':
      // Load changes mean nothing while the plate is away; steadiness must be seen again after it.
      if (!state.isPlateConnected) return { state, commands: [] };
      switch (event.change) {
        case 'steady':
          return startIfReady({ ...state, isSubjectSteady: true }, nowMs);
        case 'unsteady': {
          const unsteady = { ...state, isSubjectSteady: false };
          // Leaning is the task in active trials: only a countdown needs the subject still.
          return unsteady.phase.kind === 'countdown' ? interrupt(unsteady, 'steppedOff', nowMs) : { state: unsteady, commands: [] };
        }
        case 'steppedOff':
        case 'empty':
          return subjectLeft(state, nowMs);
        default:
          return assertNever(event.change, 'subject change');
      }
    case 'plateConnected':
      return startIfReady({ ...state, isPlateConnected: true }, nowMs);
    case 'plateDisconnected':
      return interrupt({ ...state, isPlateConnected: false, isSubjectSteady: false }, 'plateDisconnected', nowMs);
    case 'therapistReady': {
      const ready = { ...state, safety: event.safety };
      return ready.phase.kind === 'waiting' ? startIfReady({ ...ready, phase: { kind: 'waiting', isAwaitingTherapist: false } }, nowMs) : { state: ready, commands: [] };
    }
    case 'abortTrial':
      return interrupt(state, 'aborted', nowMs);
    case 'repeatLastTrial': {
      // Between trials (or after the last): run the trial just finished again, as a new attempt.
      const isBetween = state.phase.kind === 'ended' || (state.phase.kind === 'waiting' && state.trialIndex > 0);
      if (!isBetween) return { state, commands: [] };
      const last = state.phase.kind === 'ended' ? state.trialIndex : state.trialIndex - 1;
      // The trial being left was entered but never started: its attempt is given back, so the
      // attempt numbers it gets once the run returns to it have no gap.
      const attempts = state.phase.kind === 'ended' ? state.attempts : state.attempts.map((n, i) => (i === state.trialIndex ? n - 1 : n));
      return enterTrial({ ...state, attempts }, last, nowMs, false);
    }
    case 'stopProtocol': {
      const interrupted = interrupt(state, 'aborted', nowMs).commands.filter((c) => c.kind === 'discardCapture');
      return { state: { ...state, phase: { kind: 'ended', outcome: 'stopped' } }, commands: [...interrupted, { kind: 'protocolEnded', outcome: 'stopped' }] };
    }
    default:
      return assertNever(event, 'engine event');
  }
}
