/**
 * Turns a program into its set-point timeline: straight segments from t = 0 (tension 0) through
 * the treatment, then the final release to the floor at the program's ramp speed (the Stop that
 * ends a session, ref §7.3). The operator sees this as a chart before starting; the supervisor
 * commands one `$SET` (target, rate) per segment, which the table slews along (table.md §4).
 *
 * A logarithmic ramp (fast then slow, ref §3) is cut into LOG_PIECES chords of
 * f(u) = ln(1 + a·u) / ln(1 + a); its duration is chosen so the steepest chord (the first) is
 * exactly the ramp speed, so no segment is ever steeper than the program's ramp speed.
 * Down-ramps are linear (a controlled release, ref §6.2). Units: ms, N, N/s.
 */
import { assertNever } from '../bug.ts';
import { MIN_TENSION_FLOOR_N, MIN_TENSION_FRACTION } from './decompression-limits.ts';
import type { Program, RampShape } from './program.ts';

export type SegmentPhase = 'ramp-up' | 'hold' | 'ramp-down' | 'rest' | 'final-release';

export interface Segment {
  readonly startMs: number;
  readonly endMs: number;
  readonly fromN: number;
  readonly toN: number;
  readonly phase: SegmentPhase;
}

export interface Timeline {
  readonly segments: readonly Segment[];
  /** When the treatment ends and the final release begins. */
  readonly treatmentEndMs: number;
  readonly totalMs: number;
  readonly peakN: number;
}

/** Chords per logarithmic ramp (DESIGN: 8 × 1/8 of the ramp keeps the chart smooth at 1 $SET per chord). */
const LOG_PIECES = 8;
/** Curvature of the log ramp: f(0.1) ≈ 0.28, "fast then slow", first half reaches ≈ 0.74 (DESIGN after ref §3). */
const LOG_CURVATURE = 9;

/** Speed of a segment in N/s (0 for a hold). */
export function segmentRateNps(segment: Segment): number {
  const ms = segment.endMs - segment.startMs;
  return ms <= 0 ? 0 : (Math.abs(segment.toN - segment.fromN) * 1000) / ms;
}

/** How much longer a log ramp takes than a linear one at the same steepest speed. */
export function rampDurationMs(deltaN: number, rateNps: number, shape: RampShape): number {
  const linearMs = (Math.abs(deltaN) * 1000) / rateNps;
  // The first chord is the steepest: Δ·f(1/P) over T/P must equal the ramp speed.
  return shape === 'linear' ? linearMs : linearMs * logShape(1 / LOG_PIECES) * LOG_PIECES;
}

function logShape(u: number): number {
  return Math.log(1 + LOG_CURVATURE * u) / Math.log(1 + LOG_CURVATURE);
}

class TimelineBuilder {
  readonly segments: Segment[] = [];
  nowMs = 0;
  levelN = 0;

  constructor(private readonly program: Program) {}

  rampTo(toN: number, shape: RampShape = this.program.rampShape): void {
    const fromN = this.levelN;
    if (toN === fromN) return;
    if (toN < fromN || shape === 'linear') {
      this.push((Math.abs(toN - fromN) * 1000) / this.program.rampRateNps, toN, toN > fromN ? 'ramp-up' : 'ramp-down');
      return;
    }
    this.logRamp(toN, rampDurationMs(toN - fromN, this.program.rampRateNps, 'logarithmic'));
  }

  /** A ramp over a set time (cyclic mode), log-shaped when rising and the shape says so. */
  rampOver(toN: number, durationMs: number): void {
    if (toN > this.levelN && this.program.rampShape === 'logarithmic') this.logRamp(toN, durationMs);
    else this.push(durationMs, toN, toN > this.levelN ? 'ramp-up' : 'ramp-down');
  }

  hold(durationMs: number, phase: 'hold' | 'rest'): void {
    this.push(durationMs, this.levelN, phase);
  }

  private logRamp(toN: number, durationMs: number): void {
    const fromN = this.levelN;
    for (let piece = 1; piece <= LOG_PIECES; piece++) {
      this.push(durationMs / LOG_PIECES, piece === LOG_PIECES ? toN : fromN + (toN - fromN) * logShape(piece / LOG_PIECES), 'ramp-up');
    }
  }

  private push(durationMs: number, toN: number, phase: SegmentPhase): void {
    if (durationMs <= 0) return;
    this.segments.push({ startMs: this.nowMs, endMs: this.nowMs + durationMs, fromN: this.levelN, toN, phase });
    this.nowMs += durationMs;
    this.levelN = toN;
  }
}

/** Rest level after a progressive/regressive step: half the step (Triton, ref §2.3), within [floor, min]. */
function stepRestN(stepN: number, minN: number): number {
  return Math.max(MIN_TENSION_FLOOR_N, Math.min(minN, stepN * MIN_TENSION_FRACTION));
}

type CycleMode = Extract<Program['mode'], { kind: 'intermittent' | 'progressive' | 'regressive' }>;

/** One hold/rest cycle at `holdN`: ramp up, hold, ramp down to the rest level, rest. */
function addCycle(b: TimelineBuilder, program: Program, mode: CycleMode, holdN: number): void {
  b.rampTo(holdN);
  b.hold(mode.holdMs, 'hold');
  b.rampTo(mode.kind === 'intermittent' ? program.minN : stepRestN(holdN, program.minN));
  b.hold(mode.restMs, 'rest');
}

/** The hold force of step k of n (1-based): equal steps up to the max (SmarTrac, Triton; ref §3). */
const stepN = (program: Program, k: number, n: number): number => (program.maxN * k) / n;

function addCycles(b: TimelineBuilder, program: Program, mode: CycleMode): void {
  if (mode.kind !== 'regressive') {
    for (let cycle = 1; b.nowMs < program.treatmentMs; cycle++) {
      addCycle(b, program, mode, mode.kind === 'progressive' ? stepN(program, Math.min(cycle, mode.steps), mode.steps) : program.maxN);
    }
    return;
  }
  // Regressive: full-force cycles, a longer rest if needed, then the steps down ending with the treatment.
  const tail = new TimelineBuilder(program);
  tail.levelN = program.minN;
  for (let k = mode.steps; k >= 1; k--) addCycle(tail, program, mode, stepN(program, k, mode.steps));
  const headEndMs = program.treatmentMs - tail.nowMs;
  for (;;) {
    const trial = new TimelineBuilder(program);
    trial.levelN = b.levelN;
    addCycle(trial, program, mode, program.maxN);
    if (b.nowMs + trial.nowMs > headEndMs) break;
    addCycle(b, program, mode, program.maxN);
  }
  b.rampTo(Math.min(b.levelN, program.minN));
  b.hold(headEndMs - b.nowMs, 'rest');
  for (let k = mode.steps; k >= 1; k--) addCycle(b, program, mode, stepN(program, k, mode.steps));
}

export function buildTimeline(program: Program): Timeline {
  const b = new TimelineBuilder(program);
  const mode = program.mode;
  switch (mode.kind) {
    case 'static':
      b.rampTo(program.maxN);
      b.hold(program.treatmentMs - b.nowMs, 'hold');
      break;
    case 'cyclic':
      b.rampTo(program.minN, 'linear');
      while (b.nowMs < program.treatmentMs) {
        b.rampOver(program.maxN, mode.rampUpMs);
        b.rampOver(program.minN, mode.rampDownMs);
      }
      break;
    case 'intermittent':
    case 'progressive':
    case 'regressive':
      addCycles(b, program, mode);
      break;
    default:
      assertNever(mode, 'program mode');
  }
  const segments = cutAt(b.segments, program.treatmentMs);
  const lastN = segments.at(-1)?.toN ?? 0;
  if (lastN > MIN_TENSION_FLOOR_N) {
    const releaseMs = ((lastN - MIN_TENSION_FLOOR_N) * 1000) / program.rampRateNps;
    segments.push({ startMs: program.treatmentMs, endMs: program.treatmentMs + releaseMs, fromN: lastN, toN: MIN_TENSION_FLOOR_N, phase: 'final-release' });
  }
  return {
    segments,
    treatmentEndMs: program.treatmentMs,
    totalMs: segments.at(-1)?.endMs ?? 0,
    peakN: segments.reduce((peak, s) => Math.max(peak, s.fromN, s.toN), 0),
  };
}

/** Drops what starts at or after `endMs` and shortens the segment that spans it. */
function cutAt(segments: readonly Segment[], endMs: number): Segment[] {
  const kept: Segment[] = [];
  for (const s of segments) {
    if (s.startMs >= endMs) break;
    if (s.endMs <= endMs) kept.push(s);
    else kept.push({ ...s, endMs, toN: s.fromN + ((s.toN - s.fromN) * (endMs - s.startMs)) / (s.endMs - s.startMs) });
  }
  return kept;
}

/** The segment in force at `tMs` (-1 before the start, segments.length after the end) and the set-point there. */
export function timelineAt(timeline: Timeline, tMs: number): { readonly index: number; readonly tensionN: number } {
  const segments = timeline.segments;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as Segment;
    if (tMs < s.endMs) {
      const u = Math.max(0, (tMs - s.startMs) / (s.endMs - s.startMs));
      return { index: i, tensionN: s.fromN + (s.toN - s.fromN) * u };
    }
  }
  return { index: segments.length, tensionN: segments.at(-1)?.toN ?? 0 };
}
