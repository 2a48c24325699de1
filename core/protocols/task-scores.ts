/**
 * Scores of active trials from the COP relative to the subject's centre (mm, zero-phase filtered,
 * time 0 = the start cue): limits of stability (RT, MVL, EPE, MXE, DCL; shared/reference/balance.md
 * §2.4) and target tracking (time on target, tracking error; rhythmic weight shift's on-axis
 * velocity and directional control, §2.5). Vendors' exact onset and end-of-movement rules are not
 * public (§7.5): the thresholds here are DESIGN choices, stated with each constant. Distances are
 * in mm on the plate, not degrees of sway; divide by 0.55·H for radians [BioSway-A].
 */
import { targetAt, type PointMm, type TargetPath } from './protocol-types.ts';

/** Stored with every score; bumped when a formula or threshold here changes. */
export const TASK_SCORES_VERSION = 'proprio-tasks/1';

/** DESIGN: the movement starts when the COP has moved 10 % of the target distance toward it. */
export const LOS_ONSET_FRAC = 0.1;
/** DESIGN: the primary movement ends when the speed toward the target falls below 10 % of its peak. */
export const LOS_PRIMARY_END_SPEED_FRAC = 0.1;

export interface LosScores {
  /** Cue to movement onset, ms; null when the subject never moved toward the target. */
  readonly reactionTimeMs: number | null;
  /** Mean speed toward the target over the primary movement, mm/s [PhysioSensing-LOS] (as distance / time). */
  readonly movementVelocityMmS: number | null;
  /** Endpoint of the primary movement, % of the target distance. */
  readonly endpointExcursionPct: number | null;
  /** Largest excursion toward the target over the trial, % of the target distance. */
  readonly maxExcursionPct: number;
  /** (on-axis − off-axis path) / on-axis path × 100 over the primary movement (balance.md §2.4, DESIGN). */
  readonly directionalControlPct: number | null;
}

/** Path lengths along and across the unit direction (ux, uy) between samples `from` and `to`. */
function axisPaths(x: Float64Array, y: Float64Array, ux: number, uy: number, from: number, to: number): { on: number; off: number } {
  let on = 0;
  let off = 0;
  for (let i = from + 1; i <= to; i++) {
    const dx = (x[i] as number) - (x[i - 1] as number);
    const dy = (y[i] as number) - (y[i - 1] as number);
    on += Math.abs(dx * ux + dy * uy);
    off += Math.abs(-dx * uy + dy * ux);
  }
  return { on, off };
}

const directionalControl = ({ on, off }: { on: number; off: number }): number | null => (on > 0 ? ((on - off) / on) * 100 : null);

export function losScores(x: Float64Array, y: Float64Array, sampleRateHz: number, target: PointMm): LosScores {
  const distanceMm = Math.hypot(target.xMm, target.yMm);
  const ux = target.xMm / distanceMm;
  const uy = target.yMm / distanceMm;
  const n = x.length;
  const toward = (i: number): number => (x[i] as number) * ux + (y[i] as number) * uy;
  let maxToward = 0;
  let onset = -1;
  for (let i = 0; i < n; i++) {
    const p = toward(i);
    maxToward = Math.max(maxToward, p);
    if (onset < 0 && p >= LOS_ONSET_FRAC * distanceMm) onset = i;
  }
  const maxExcursionPct = (100 * maxToward) / distanceMm;
  if (onset < 1) return { reactionTimeMs: null, movementVelocityMmS: null, endpointExcursionPct: null, maxExcursionPct, directionalControlPct: null };
  // The movement began where the speed toward the target last rose from ≤ 0 before the onset point.
  let start = onset;
  while (start > 0 && toward(start) - toward(start - 1) > 0) start--;
  let peakSpeed = 0;
  let end = n - 1;
  for (let i = start + 1; i < n; i++) {
    const speed = toward(i) - toward(i - 1);
    if (speed > peakSpeed) peakSpeed = speed;
    else if (i > onset && speed <= LOS_PRIMARY_END_SPEED_FRAC * peakSpeed) {
      end = i - 1;
      break;
    }
  }
  const durationS = (end - start) / sampleRateHz;
  return {
    reactionTimeMs: (start / sampleRateHz) * 1000,
    movementVelocityMmS: durationS > 0 ? (toward(end) - toward(start)) / durationS : null,
    endpointExcursionPct: (100 * toward(end)) / distanceMm,
    maxExcursionPct,
    directionalControlPct: directionalControl(axisPaths(x, y, ux, uy, start, end)),
  };
}

export interface TrackingScores {
  /** Share of samples within the tolerance of the target, %. */
  readonly timeOnTargetPct: number;
  /** RMS distance from the target, mm. */
  readonly trackingErrorMm: number;
  /** Mean speed along the task axis, mm/s (rhythmic weight shift's on-axis velocity [NeuroCom-RWS]); null for 2-D tasks. */
  readonly onAxisVelocityMmS: number | null;
  /** The speed the target sets along that axis, mm/s. */
  readonly pacingVelocityMmS: number | null;
  /** (on-axis − off-axis path) / on-axis path × 100 [NeuroCom-RWS]; null for 2-D tasks. */
  readonly directionalControlPct: number | null;
}

export function trackingScores(x: Float64Array, y: Float64Array, sampleRateHz: number, path: TargetPath, toleranceMm: number, axis: 'ml' | 'ap' | 'both'): TrackingScores {
  const n = x.length;
  let onTarget = 0;
  let squared = 0;
  for (let i = 0; i < n; i++) {
    const target = targetAt(path, (i / sampleRateHz) * 1000);
    const d = Math.hypot((x[i] as number) - target.xMm, (y[i] as number) - target.yMm);
    if (d <= toleranceMm) onTarget++;
    squared += d * d;
  }
  const scores = { timeOnTargetPct: n > 0 ? (100 * onTarget) / n : 0, trackingErrorMm: n > 0 ? Math.sqrt(squared / n) : 0 };
  if (axis === 'both' || path.kind !== 'shuttle' || n < 2) return { ...scores, onAxisVelocityMmS: null, pacingVelocityMmS: null, directionalControlPct: null };
  const [ux, uy] = axis === 'ml' ? [1, 0] : [0, 1];
  const paths = axisPaths(x, y, ux, uy, 0, n - 1);
  const spanMm = Math.abs((path.to.xMm - path.from.xMm) * ux + (path.to.yMm - path.from.yMm) * uy);
  return {
    ...scores,
    onAxisVelocityMmS: paths.on / ((n - 1) / sampleRateHz),
    pacingVelocityMmS: (spanMm / path.shiftMs) * 1000,
    directionalControlPct: directionalControl(paths),
  };
}
