/**
 * Dead masses a technician (or a test) sets on the plate for calibration: each a known mass at a
 * known position, on top of whatever the subject model adds.
 *
 * A mass set down does not load the plate in one sample: the load rises over 0.3 s (raised
 * cosine), then rings as a damped 4 Hz oscillation of 3 % with a 0.25 s time constant, so a
 * calibration procedure must wait for it to settle (it is within 0.01 % after about 2 s). Lifting
 * every mass unloads over 0.3 s. Masses are point loads: the plate's cells see them through the
 * bilinear split of load-cells.ts, exactly as they see the subject.
 */
import { GRAVITY_MPS2 } from './subject-model.ts';
import type { SubjectTruth } from './subject-model.ts';

export interface PlacedMass {
  readonly massKg: number;
  readonly xMm: number;
  readonly yMm: number;
}

interface MassOnPlate extends PlacedMass {
  readonly sinceUs: number;
}

const SET_DOWN_US = 300_000;
const RING_FRAC = 0.03;
const RING_HZ = 4;
const RING_TAU_S = 0.25;

const smoothstep = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * x));

/** Share of its weight a mass set down `sinceUs` ago puts on the plate at `tUs`. */
function loadFraction(sinceUs: number, tUs: number): number {
  const tS = (tUs - sinceUs) / 1e6;
  const ramp = smoothstep(tS / (SET_DOWN_US / 1e6));
  const afterS = tS - SET_DOWN_US / 1e6;
  const ring = afterS > 0 ? RING_FRAC * Math.exp(-afterS / RING_TAU_S) * Math.sin(2 * Math.PI * RING_HZ * afterS) : 0;
  return ramp + ring;
}

export class TestMasses {
  private masses: MassOnPlate[] = [];
  private lifted: { readonly masses: readonly MassOnPlate[]; readonly sinceUs: number } | null = null;

  /** Sets a mass down at `nowUs`. */
  place(mass: PlacedMass, nowUs: number): void {
    this.masses.push({ ...mass, sinceUs: nowUs });
  }

  /** Lifts every mass off at `nowUs`. */
  clear(nowUs: number): void {
    this.lifted = { masses: this.masses, sinceUs: nowUs };
    this.masses = [];
  }

  get placed(): readonly PlacedMass[] {
    return this.masses.map(({ massKg, xMm, yMm }) => ({ massKg, xMm, yMm }));
  }

  /** Adds the masses' load at `tUs` to the subject's: forces add, COP is the force-weighted mean. */
  addTo(truth: SubjectTruth, tUs: number): SubjectTruth {
    let forceN = truth.forceN;
    let momentXNmm = truth.forceN * truth.copXMm;
    let momentYNmm = truth.forceN * truth.copYMm;
    const add = (mass: MassOnPlate, fraction: number): void => {
      const massForceN = mass.massKg * GRAVITY_MPS2 * fraction;
      forceN += massForceN;
      momentXNmm += massForceN * mass.xMm;
      momentYNmm += massForceN * mass.yMm;
    };
    for (const mass of this.masses) add(mass, loadFraction(mass.sinceUs, tUs));
    const lifted = this.lifted;
    if (lifted !== null) {
      const remaining = 1 - smoothstep((tUs - lifted.sinceUs) / SET_DOWN_US);
      if (remaining <= 0) this.lifted = null;
      else for (const mass of lifted.masses) add(mass, remaining);
    }
    if (forceN === truth.forceN) return truth;
    return { phase: truth.phase, forceN, copXMm: forceN > 0 ? momentXNmm / forceN : 0, copYMm: forceN > 0 ? momentYNmm / forceN : 0 };
  }
}
