/**
 * The four load cells and their 24-bit ADCs: true force in, raw counts and flags out.
 *
 * Force split (reference balance.md §1.1, moment balance): the vertical force F at COP (x, y) is
 * shared bilinearly, F_i = F · (½ ± x/(2·270)) · (½ ± y/(2·170)), which satisfies ΣF_i = F,
 * ΣF_i·x_i = F·x and ΣF_i·y_i = F·y exactly, so the host's COP formula recovers the true COP
 * from ideal cells. (A rigid plate on four supports is statically indeterminate; the bilinear
 * share is the one a plate with independent beams in X and Y would give.)
 * ADC (plate.md §1, §5): counts = offset + gain · countsPerN · (F_i + bow) + noise, with per-cell
 * seeded offset within ±2 % of full scale, gain within ±5 %, a parabolic non-linearity bow of up
 * to 0.1 % of full scale at mid-scale, and gaussian noise of 0.2 N RMS; clamped to 24 bits with
 * OVERRANGE. Faults: a stuck cell repeats its counts, a drifting cell adds N/s, an ADC fault makes
 * the cell's counts meaningless (0) and sets ADC_FAULT.
 */
import type { Prng } from '../random/prng.ts';
import { PLATE_FLAG } from '../spec-codec/plate-codec.ts';
import type { CellCounts } from '../spec-codec/plate-codec.ts';
import {
  ADC_MAX_COUNTS,
  ADC_MIN_COUNTS,
  CELL_FULL_SCALE_N,
  CELL_HALF_SPAN_X_MM,
  CELL_HALF_SPAN_Y_MM,
  COUNTS_PER_N,
} from './plate-constants.ts';

export type CellForces = readonly [number, number, number, number];

/** Bilinear split of a vertical force at a COP into the four cells (order c0…c3 of plate.md §1). */
export function splitForce(forceN: number, copXMm: number, copYMm: number): CellForces {
  const right = 0.5 + copXMm / (2 * CELL_HALF_SPAN_X_MM);
  const front = 0.5 + copYMm / (2 * CELL_HALF_SPAN_Y_MM);
  const left = 1 - right;
  const rear = 1 - front;
  return [forceN * left * front, forceN * right * front, forceN * right * rear, forceN * left * rear];
}

export interface CellCalibration {
  readonly offsetCounts: number;
  readonly gain: number;
  /** Non-linearity at mid-scale, as a fraction of full scale (±0.001 at most). */
  readonly bowFrac: number;
}

export const IDEAL_CELL: CellCalibration = { offsetCounts: 0, gain: 1, bowFrac: 0 };

export function randomCalibration(prng: Prng): CellCalibration {
  const fullScaleCounts = CELL_FULL_SCALE_N * COUNTS_PER_N;
  return {
    offsetCounts: Math.round(prng.uniform(-0.02, 0.02) * fullScaleCounts),
    gain: prng.uniform(0.95, 1.05),
    bowFrac: prng.uniform(-0.001, 0.001),
  };
}

export interface CellFaults {
  /** Cell whose counts are frozen, or null. */
  readonly stuckCell: number | null;
  /** Cell that drifts, or null. */
  readonly driftCell: number | null;
  readonly driftNps: number;
  /** Cell whose ADC reports an error, or null. */
  readonly adcFaultCell: number | null;
}

export const NO_CELL_FAULTS: CellFaults = { stuckCell: null, driftCell: null, driftNps: 0, adcFaultCell: null };

export interface AdcReading {
  readonly counts: CellCounts;
  readonly flags: number;
}

export class LoadCellAdc {
  private faults: CellFaults = NO_CELL_FAULTS;
  private driftSinceUs = 0;
  private lastCounts: [number, number, number, number] = [0, 0, 0, 0];

  constructor(
    readonly calibration: readonly [CellCalibration, CellCalibration, CellCalibration, CellCalibration],
    private readonly prng: Prng,
    readonly noiseN = 0.2,
  ) {}

  setFaults(faults: CellFaults, nowUs: number): void {
    if (faults.driftCell !== this.faults.driftCell || (this.faults.driftNps === 0 && faults.driftNps !== 0)) {
      this.driftSinceUs = nowUs;
    }
    this.faults = faults;
  }

  /** Converts the true cell forces at `tUs` into one sample's counts and flags. */
  read(forcesN: CellForces, tUs: number): AdcReading {
    const counts: [number, number, number, number] = [0, 0, 0, 0];
    let flags = 0;
    for (let i = 0; i < 4; i++) {
      const cal = this.calibration[i] as CellCalibration;
      let forceN = forcesN[i] as number;
      if (this.faults.driftCell === i) forceN += (this.faults.driftNps * (tUs - this.driftSinceUs)) / 1e6;
      const u = Math.min(Math.max(forceN / CELL_FULL_SCALE_N, 0), 1);
      const bowN = cal.bowFrac * CELL_FULL_SCALE_N * 4 * u * (1 - u);
      const noiseN = this.noiseN > 0 ? this.prng.gaussian() * this.noiseN : 0;
      let value = Math.round(cal.offsetCounts + cal.gain * COUNTS_PER_N * (forceN + bowN + noiseN));
      if (this.faults.stuckCell === i) value = this.lastCounts[i] as number;
      if (this.faults.adcFaultCell === i) {
        value = 0;
        flags |= PLATE_FLAG.adcFault;
      }
      if (value >= ADC_MAX_COUNTS || value <= ADC_MIN_COUNTS) {
        value = Math.min(Math.max(value, ADC_MIN_COUNTS), ADC_MAX_COUNTS);
        flags |= PLATE_FLAG.overrange;
      }
      counts[i] = value;
    }
    this.lastCounts = counts;
    return { counts, flags };
  }
}
