/**
 * A balance protocol is data (issue 4): an ordered list of trials, each with its duration,
 * instruction, condition (eyes, surface, stance) and task — quiet stance, or an active task with a
 * COP target. The engine (protocol-engine.ts) runs any such list; built-in-protocols.ts holds the
 * clinical ones. Targets are relative to the subject's own centre (the mean COP just before the
 * start cue), in mm, x medio-lateral (+ right), y antero-posterior (+ forward).
 */
import { assertNever } from '../bug.ts';

export type Eyes = 'open' | 'closed';
export type Surface = 'firm' | 'foam';
export type Stance = 'bipedal' | 'tandem' | 'singleLegLeft' | 'singleLegRight';

export interface TrialCondition {
  readonly eyes: Eyes;
  readonly surface: Surface;
  readonly stance: Stance;
}

export interface PointMm {
  readonly xMm: number;
  readonly yMm: number;
}

/** Where the target is over the trial, as a function of time since the start cue. */
export type TargetPath =
  /** A fixed target (limits of stability, a held weight shift). */
  | { readonly kind: 'fixed'; readonly at: PointMm }
  /** Back and forth between two points, one shift every `shiftMs` (weight shifts, diagonals). */
  | { readonly kind: 'shuttle'; readonly from: PointMm; readonly to: PointMm; readonly shiftMs: number }
  /** Round a circle, one lap every `lapMs` (+ counter-clockwise seen from above). */
  | { readonly kind: 'circle'; readonly radiusMm: number; readonly lapMs: number };

export type TrialTask =
  | { readonly kind: 'quietStance' }
  /** Lean to the target as fast and straight as possible and hold (limits of stability). */
  | { readonly kind: 'reach'; readonly direction: string; readonly target: PointMm }
  /** Follow a moving target (rhythmic weight shift, re-education tracking). */
  | { readonly kind: 'track'; readonly path: TargetPath; readonly toleranceMm: number; readonly axis: 'ml' | 'ap' | 'both' };

/** What a step off the plate means in this protocol. */
export type StepOffRule =
  /** The trial ends there and counts, with its hold time (a positive Romberg, a failed stance). */
  | 'fell'
  /** The trial is void and is done again (active tasks, where a step is not the measure). */
  | 'repeat';

export interface TrialSpec {
  /** Unique within the protocol, e.g. `eo-firm-2`. */
  readonly id: string;
  readonly label: string;
  readonly instruction: string;
  readonly condition: TrialCondition;
  readonly task: TrialTask;
  readonly durationMs: number;
  /**
   * The therapist must confirm before this trial starts: a spotter or harness for trials at the
   * edge of balance (balance.md §7.2), or a set-up change (foam pad, stance) between trials.
   */
  readonly needsTherapist: boolean;
}

export interface ProtocolSpec {
  readonly id: string;
  readonly name: string;
  /** Where the protocol comes from (source keys of shared/reference/balance.md). */
  readonly source: string;
  readonly trials: readonly TrialSpec[];
  readonly countdownMs: number;
  readonly onStepOff: StepOffRule;
}

/** The target at `tMs` after the start cue. */
export function targetAt(path: TargetPath, tMs: number): PointMm {
  switch (path.kind) {
    case 'fixed':
      return path.at;
    case 'shuttle': {
      // Triangle wave: from → to over one shift, back over the next.
      const phase = (tMs / path.shiftMs) % 2;
      const s = phase <= 1 ? phase : 2 - phase;
      return { xMm: path.from.xMm + (path.to.xMm - path.from.xMm) * s, yMm: path.from.yMm + (path.to.yMm - path.from.yMm) * s };
    }
    case 'circle': {
      const angle = (2 * Math.PI * tMs) / path.lapMs;
      return { xMm: path.radiusMm * Math.cos(angle), yMm: path.radiusMm * Math.sin(angle) };
    }
    default:
      return assertNever(path, 'target path');
  }
}
