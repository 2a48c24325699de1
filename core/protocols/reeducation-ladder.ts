/**
 * The clinic's neuromuscular re-education program as levels of plate exercises with COP targets
 * (issue 4): static holds, then weight shifts, diagonal and circular tracking, then proprioceptive
 * challenges (eyes closed, foam) and faster paces — the ladder of shared/reference/balance.md §6.2:
 * static → semi-dynamic → dynamic, two legs before one, firm before foam, eyes open before closed
 * [MSKKey-balance], [TrainerAcademy]; target tracking and weight shifting as force-plate feedback
 * tasks [Biodex-TOC], [BTrackS-TTT], [Nichols97]. Non-weight-bearing single-joint work happens off
 * the plate and is not a level here. The exact levels, tolerances and the 80 % time-on-target gate
 * are DESIGN (§6.4: no public source fixes a time-on-target threshold or symptom gating).
 */
import { assertNever } from '../bug.ts';
import { losLimitsMm } from './active-protocols.ts';
import { COUNTDOWN_MS } from './stance-protocols.ts';
import type { Eyes, PointMm, ProtocolSpec, Surface, TargetPath, TrialSpec } from './protocol-types.ts';

/** DESIGN: a level is mastered when every exercise keeps the COP on target this much of the time. */
export const MASTERY_TIME_ON_TARGET_PCT = 80;
/** DESIGN: 30 s exercises, the first dose of [BMCMSD13] (3 × 30 s, rising to 45 s and 60 s). */
export const EXERCISE_MS = 30_000;
/** DESIGN: "on target" within 15 mm (static) or 25 mm (moving targets). */
export const STATIC_TOLERANCE_MM = 15;
export const MOVING_TOLERANCE_MM = 25;
/** DESIGN: exercise targets at 40 % of the theoretical limits of stability (well inside them). */
export const EXERCISE_REACH_PCT = 40;

type Shape = 'hold' | 'shiftMl' | 'shiftAp' | 'diagonal' | 'circle';

interface Exercise {
  readonly shape: Shape;
  readonly eyes: Eyes;
  readonly surface: Surface;
  /** Ms per shift or per lap; unused for holds. */
  readonly paceMs: number;
}

export interface LadderLevel {
  readonly level: number;
  readonly name: string;
  readonly exercises: readonly Exercise[];
}

const ex = (shape: Shape, eyes: Eyes, surface: Surface, paceMs = 0): Exercise => ({ shape, eyes, surface, paceMs });

/** The ladder, easiest first. Paces: the slow/medium/fast 3/2/1 s of [NeuroCom-RWS]. */
export const REEDUCATION_LADDER: readonly LadderLevel[] = [
  { level: 1, name: 'Static hold, eyes open', exercises: [ex('hold', 'open', 'firm')] },
  { level: 2, name: 'Slow weight shifts', exercises: [ex('shiftMl', 'open', 'firm', 3000), ex('shiftAp', 'open', 'firm', 3000)] },
  { level: 3, name: 'Diagonal shifts', exercises: [ex('diagonal', 'open', 'firm', 3000), ex('shiftMl', 'open', 'firm', 2000)] },
  { level: 4, name: 'Circular tracking', exercises: [ex('circle', 'open', 'firm', 12_000), ex('diagonal', 'open', 'firm', 2000)] },
  { level: 5, name: 'Eyes closed', exercises: [ex('hold', 'closed', 'firm'), ex('shiftMl', 'open', 'firm', 1000)] },
  { level: 6, name: 'Foam surface', exercises: [ex('hold', 'open', 'foam'), ex('shiftMl', 'open', 'foam', 3000), ex('circle', 'open', 'foam', 12_000)] },
  { level: 7, name: 'Foam, eyes closed, faster', exercises: [ex('hold', 'closed', 'foam'), ex('circle', 'open', 'foam', 8000), ex('diagonal', 'open', 'foam', 1000)] },
];

function pathOf(exercise: Exercise, heightM: number): { path: TargetPath; axis: 'ml' | 'ap' | 'both' } {
  const reach = losLimitsMm(heightM, EXERCISE_REACH_PCT);
  const point = (xMm: number, yMm: number): PointMm => ({ xMm, yMm });
  switch (exercise.shape) {
    case 'hold':
      return { path: { kind: 'fixed', at: point(0, 0) }, axis: 'both' };
    case 'shiftMl':
      return { path: { kind: 'shuttle', from: point(-reach.sidewaysMm, 0), to: point(reach.sidewaysMm, 0), shiftMs: exercise.paceMs }, axis: 'ml' };
    case 'shiftAp':
      return { path: { kind: 'shuttle', from: point(0, -reach.backwardMm), to: point(0, reach.forwardMm), shiftMs: exercise.paceMs }, axis: 'ap' };
    case 'diagonal': {
      const d = Math.min(reach.sidewaysMm, reach.backwardMm) / Math.SQRT2;
      return { path: { kind: 'shuttle', from: point(-d, -d), to: point(d, d), shiftMs: exercise.paceMs }, axis: 'both' };
    }
    case 'circle':
      return { path: { kind: 'circle', radiusMm: reach.backwardMm, lapMs: exercise.paceMs }, axis: 'both' };
    default:
      return assertNever(exercise.shape, 'exercise shape');
  }
}

/** One level as a runnable protocol for a subject of `heightM`. */
export function reeducationLevelProtocol(level: LadderLevel, heightM: number): ProtocolSpec {
  let previousSurface: Surface | undefined;
  const trials: TrialSpec[] = level.exercises.map((exercise, i) => {
    const { path, axis } = pathOf(exercise, heightM);
    const isNewSetUp = previousSurface !== exercise.surface || (exercise.eyes === 'closed' && i > 0);
    previousSurface = exercise.surface;
    return {
      id: `level${level.level}-${i + 1}-${exercise.shape}`,
      label: `Level ${level.level}: ${exercise.shape}${exercise.eyes === 'closed' ? ', eyes closed' : ''}${exercise.surface === 'foam' ? ', foam' : ''}`,
      instruction: exercise.shape === 'hold' ? 'Keep the cursor in the centre target.' : 'Keep the cursor inside the moving target by shifting your weight; keep your feet still.',
      condition: { eyes: exercise.eyes, surface: exercise.surface, stance: 'bipedal' },
      task: { kind: 'track', path, toleranceMm: exercise.shape === 'hold' ? STATIC_TOLERANCE_MM : MOVING_TOLERANCE_MM, axis },
      durationMs: EXERCISE_MS,
      needsTherapist: isNewSetUp || exercise.eyes === 'closed' || exercise.surface === 'foam',
    };
  });
  return { id: `reeducation-level-${level.level}`, name: `Re-education level ${level.level}: ${level.name}`, source: '[MSKKey-balance], [TrainerAcademy], [Biodex-TOC]', trials, countdownMs: COUNTDOWN_MS, onStepOff: 'repeat' };
}

/** The therapist's call after a session at `level`. */
export type TherapistDecision = 'auto' | 'hold' | 'stepBack';

export interface LevelOutcome {
  /** Time on target of each exercise, %; null for an exercise not completed. */
  readonly timeOnTargetPct: readonly (number | null)[];
  /** The therapist marked symptoms (pain, dizziness…) during the session. */
  readonly hasSymptoms: boolean;
}

export interface Progression {
  readonly nextLevel: number;
  readonly reason: 'mastered' | 'notMastered' | 'symptoms' | 'heldByTherapist' | 'steppedBackByTherapist' | 'top';
}

/**
 * Advance only when the level is mastered without symptoms (the clinic's rule, issue 4); the
 * therapist may hold or step back a level at any time; symptoms hold the level.
 */
export function nextLevel(level: number, outcome: LevelOutcome, decision: TherapistDecision): Progression {
  const top = REEDUCATION_LADDER.length;
  if (decision === 'stepBack') return { nextLevel: Math.max(1, level - 1), reason: 'steppedBackByTherapist' };
  if (decision === 'hold') return { nextLevel: level, reason: 'heldByTherapist' };
  if (outcome.hasSymptoms) return { nextLevel: level, reason: 'symptoms' };
  const isMastered = outcome.timeOnTargetPct.length > 0 && outcome.timeOnTargetPct.every((pct) => pct !== null && pct >= MASTERY_TIME_ON_TARGET_PCT);
  if (!isMastered) return { nextLevel: level, reason: 'notMastered' };
  return level >= top ? { nextLevel: top, reason: 'top' } : { nextLevel: level + 1, reason: 'mastered' };
}
