/**
 * Built-in active tests (shared/reference/balance.md §2.4, §2.5, §7.2): limits of stability in
 * eight directions and rhythmic weight shift. Targets come from the subject's height through the
 * theoretical limits of stability: distance on the plate = p · 0.55 · H · tan(θ) [Biodex-Modes],
 * [BioSway-A], [PhysioSensing-LOS]. A step off voids the trial (it is done again): the measure is
 * the movement, not the hold.
 */
import { COUNTDOWN_MS } from './stance-protocols.ts';
import type { PointMm, ProtocolSpec, TrialSpec } from './protocol-types.ts';

/** Centre of gravity at 55 % of body height [Biodex-Modes], [BioSway-A]. */
export const COG_HEIGHT_FRAC = 0.55;
/** Theoretical limits of stability, degrees of sway: 8° forward, 4.5° backward, 8° left and right [PhysioSensing-LOS]. */
export const LOS_FORWARD_DEG = 8;
export const LOS_BACKWARD_DEG = 4.5;
export const LOS_SIDEWAYS_DEG = 8;
/** 8 s per direction [PhysioSensing-LOS]. */
export const LOS_TRIAL_MS = 8000;
/** Target at 50–100 % of the theoretical limits, default 100 % (balance.md §7.2; range DESIGN). */
export const LOS_TARGET_PCT_DEFAULT = 100;
/** Rhythmic weight shift paces: 3, 2 and 1 s per shift [NeuroCom-RWS]. */
export const RWS_SHIFT_MS = { slow: 3000, medium: 2000, fast: 1000 } as const;
/** DESIGN (trial length is not public, balance.md §2.5): 8 shifts per trial. */
export const RWS_SHIFTS_PER_TRIAL = 8;
/** DESIGN: shift targets at 50 % of the theoretical limits, inside what older adults reach [PMC2311297]. */
export const RWS_AMPLITUDE_PCT = 50;
/** DESIGN: on target within 20 mm of it. */
export const RWS_TOLERANCE_MM = 20;

/** Theoretical limits of stability on the plate, mm, for a subject of `heightM` at `pct` %. */
export interface LosLimitsMm {
  readonly forwardMm: number;
  readonly backwardMm: number;
  readonly sidewaysMm: number;
}

export function losLimitsMm(heightM: number, pct = LOS_TARGET_PCT_DEFAULT): LosLimitsMm {
  const reachMm = (deg: number): number => (pct / 100) * COG_HEIGHT_FRAC * heightM * 1000 * Math.tan((deg * Math.PI) / 180);
  return { forwardMm: reachMm(LOS_FORWARD_DEG), backwardMm: reachMm(LOS_BACKWARD_DEG), sidewaysMm: reachMm(LOS_SIDEWAYS_DEG) };
}

/**
 * The eight directions of [PhysioSensing-LOS]: F, FR, R, BR, B, BL, L, FL. Diagonal targets lie on
 * the ellipse through the four axis targets, on the 45° line (DESIGN: the vendors' layout is not public).
 */
export function losTargets(limits: LosLimitsMm): { readonly direction: string; readonly target: PointMm }[] {
  const onEllipse = (sx: number, sy: number): PointMm => {
    const a = limits.sidewaysMm;
    const b = sy > 0 ? limits.forwardMm : limits.backwardMm;
    const r = 1 / Math.sqrt(0.5 / (a * a) + 0.5 / (b * b));
    return { xMm: (sx * r) / Math.SQRT2, yMm: (sy * r) / Math.SQRT2 };
  };
  return [
    { direction: 'F', target: { xMm: 0, yMm: limits.forwardMm } },
    { direction: 'FR', target: onEllipse(1, 1) },
    { direction: 'R', target: { xMm: limits.sidewaysMm, yMm: 0 } },
    { direction: 'BR', target: onEllipse(1, -1) },
    { direction: 'B', target: { xMm: 0, yMm: -limits.backwardMm } },
    { direction: 'BL', target: onEllipse(-1, -1) },
    { direction: 'L', target: { xMm: -limits.sidewaysMm, yMm: 0 } },
    { direction: 'FL', target: onEllipse(-1, 1) },
  ];
}

export interface ActiveTestOptions {
  readonly heightM: number;
  /** % of the theoretical limits. */
  readonly targetPct?: number;
}

export function limitsOfStabilityProtocol(options: ActiveTestOptions): ProtocolSpec {
  const limits = losLimitsMm(options.heightM, options.targetPct ?? LOS_TARGET_PCT_DEFAULT);
  const trials: TrialSpec[] = losTargets(limits).map(({ direction, target }, i) => ({
    id: `los-${direction}`,
    label: `Lean ${direction}`,
    instruction: 'Keep your feet still. On the tone, lean your body to move the cursor to the target as fast and straight as you can, hold it there until the end tone, then come back to the centre.',
    condition: { eyes: 'open', surface: 'firm', stance: 'bipedal' },
    task: { kind: 'reach', direction, target },
    durationMs: LOS_TRIAL_MS,
    needsTherapist: i === 0,
  }));
  return { id: 'limits-of-stability', name: 'Limits of stability', source: '[PhysioSensing-LOS], [Lininger18]', trials, countdownMs: COUNTDOWN_MS, onStepOff: 'repeat' };
}

export function rhythmicWeightShiftProtocol(options: ActiveTestOptions): ProtocolSpec {
  const limits = losLimitsMm(options.heightM, RWS_AMPLITUDE_PCT);
  const axes = [
    { axis: 'ml' as const, name: 'left-right', from: { xMm: -limits.sidewaysMm, yMm: 0 }, to: { xMm: limits.sidewaysMm, yMm: 0 } },
    { axis: 'ap' as const, name: 'forward-backward', from: { xMm: 0, yMm: -limits.backwardMm }, to: { xMm: 0, yMm: limits.forwardMm } },
  ];
  const trials: TrialSpec[] = [];
  for (const { axis, name, from, to } of axes) {
    for (const [pace, shiftMs] of Object.entries(RWS_SHIFT_MS)) {
      trials.push({
        id: `rws-${axis}-${pace}`,
        label: `Weight shift ${name}, ${pace}`,
        instruction: `Keep your feet still and shift your weight ${name} in time with the moving target.`,
        condition: { eyes: 'open', surface: 'firm', stance: 'bipedal' },
        task: { kind: 'track', path: { kind: 'shuttle', from, to, shiftMs }, toleranceMm: RWS_TOLERANCE_MM, axis },
        durationMs: shiftMs * RWS_SHIFTS_PER_TRIAL,
        needsTherapist: trials.length === 0,
      });
    }
  }
  return { id: 'rhythmic-weight-shift', name: 'Rhythmic weight shift', source: '[NeuroCom-RWS]', trials, countdownMs: COUNTDOWN_MS, onStepOff: 'repeat' };
}
