/**
 * The person on the plate: absent, stepping on, standing, stepping off.
 *
 * Gives the vertical force and the true centre of pressure at any device time. Stepping on: the
 * first (left) foot lands, the load ramps to body weight over 0.5 s (raised cosine) with a
 * decaying 3 Hz overshoot of 8 % (the transient of balance.md §1.3 that settling detection must
 * skip), and the COP travels from under the first foot to the stance position as the second foot
 * loads. Stepping off is the reverse over 0.4 s, leaving on the right foot. Standing adds the sway
 * and the vertical-force fluctuation of sway-model.ts. Absent: no load.
 * Phases form a discriminated union; `phaseAt` is the pure transition on time.
 */
import type { Prng } from '../random/prng.ts';
import { assertNever } from '../spec-codec/result.ts';
import { SwayModel } from './sway-model.ts';
import type { SwayCondition } from './sway-model.ts';

export type SubjectPhase =
  | { readonly kind: 'absent' }
  | { readonly kind: 'steppingOn'; readonly sinceUs: number }
  | { readonly kind: 'standing' }
  | { readonly kind: 'steppingOff'; readonly sinceUs: number };

export interface SubjectTruth {
  readonly phase: SubjectPhase['kind'];
  readonly forceN: number;
  readonly copXMm: number;
  readonly copYMm: number;
}

export const GRAVITY_MPS2 = 9.80665;
const STEP_ON_RAMP_US = 500_000;
const STEP_ON_SETTLE_US = 1_500_000;
const STEP_OFF_US = 400_000;
const FOOT_HALF_SPACING_MM = 90;
const OVERSHOOT_FRAC = 0.08;
const OVERSHOOT_HZ = 3;
const OVERSHOOT_TAU_S = 0.15;

/** Pure phase transition on time: stepping phases end by themselves. */
export function phaseAt(phase: SubjectPhase, tUs: number): SubjectPhase {
  switch (phase.kind) {
    case 'absent':
    case 'standing':
      return phase;
    case 'steppingOn':
      return tUs - phase.sinceUs >= STEP_ON_SETTLE_US ? { kind: 'standing' } : phase;
    case 'steppingOff':
      return tUs - phase.sinceUs >= STEP_OFF_US ? { kind: 'absent' } : phase;
    default:
      return assertNever(phase, 'subject phase');
  }
}

const smoothstep = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * x));

export class SubjectModel {
  private phase: SubjectPhase = { kind: 'absent' };
  private readonly sway: SwayModel;
  bodyMassKg = 70;
  stanceXMm = 0;
  stanceYMm = 0;

  constructor(prng: Prng) {
    this.sway = new SwayModel(prng);
  }

  set condition(condition: SwayCondition) {
    this.sway.condition = condition;
  }

  get condition(): SwayCondition {
    return this.sway.condition;
  }

  stepOn(nowUs: number): void {
    const current = phaseAt(this.phase, nowUs);
    if (current.kind === 'absent' || current.kind === 'steppingOff') this.phase = { kind: 'steppingOn', sinceUs: nowUs };
  }

  /** Already standing (no step-on transient), e.g. a simulator started with the subject on. */
  placeStanding(): void {
    this.phase = { kind: 'standing' };
  }

  stepOff(nowUs: number): void {
    const current = phaseAt(this.phase, nowUs);
    if (current.kind === 'standing' || current.kind === 'steppingOn') this.phase = { kind: 'steppingOff', sinceUs: nowUs };
  }

  /** Force and COP at `tUs`; reads must not go back in time. */
  truthAt(tUs: number): SubjectTruth {
    this.phase = phaseAt(this.phase, tUs);
    const sway = this.sway.at(tUs);
    const weightN = this.bodyMassKg * GRAVITY_MPS2;
    const stanceX = this.stanceXMm + sway.xMm;
    const stanceY = this.stanceYMm + sway.yMm;
    const phase = this.phase;
    switch (phase.kind) {
      case 'absent':
        return { phase: phase.kind, forceN: 0, copXMm: 0, copYMm: 0 };
      case 'standing':
        return { phase: phase.kind, forceN: weightN * (1 + sway.fzFrac), copXMm: stanceX, copYMm: stanceY };
      case 'steppingOn': {
        const tS = (tUs - phase.sinceUs) / 1e6;
        const ramp = smoothstep(tS / (STEP_ON_RAMP_US / 1e6));
        const afterS = tS - STEP_ON_RAMP_US / 1e6;
        const overshoot =
          afterS > 0 ? OVERSHOOT_FRAC * Math.exp(-afterS / OVERSHOOT_TAU_S) * Math.sin(2 * Math.PI * OVERSHOOT_HZ * afterS) : 0;
        const secondFoot = smoothstep((tS - 0.15) / 0.35);
        return {
          phase: phase.kind,
          forceN: weightN * (ramp + overshoot),
          copXMm: -FOOT_HALF_SPACING_MM + (stanceX + FOOT_HALF_SPACING_MM) * secondFoot,
          copYMm: stanceY * secondFoot,
        };
      }
      case 'steppingOff': {
        const tS = (tUs - phase.sinceUs) / 1e6;
        const unload = smoothstep((tS - 0.15) / (STEP_OFF_US / 1e6 - 0.15));
        const shift = smoothstep(tS / 0.15);
        return {
          phase: phase.kind,
          forceN: weightN * (1 - unload),
          copXMm: stanceX + (FOOT_HALF_SPACING_MM - stanceX) * shift,
          copYMm: stanceY * (1 - shift),
        };
      }
      default:
        return assertNever(phase, 'subject phase');
    }
  }
}
