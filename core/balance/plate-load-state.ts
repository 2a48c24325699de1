/**
 * Who is on the plate, from total vertical force and COP, sample by sample: nobody, stepping on
 * (loaded but not yet steady), steady, and the moment someone steps off. Pure and allocation-free
 * per sample; the host feeds it calibrated sample blocks (core/calibration applyPlateCalibration).
 *
 * ```
 *   empty ──F ≥ MIN_COP_LOAD_N──► loading ──1 s window steady──► steady
 *     ▲                              │  ▲                          │
 *     └────────F < MIN_COP_LOAD_N────┘  └── window unsteady ───────┘
 *   steppedOff (an event, from loading or steady): F < 75 % of the weight settled since
 *   stepping on, or F < MIN_COP_LOAD_N after having settled; the weight must settle again.
 * ```
 *
 * No published threshold exists for "stepped off" in % body weight (shared/reference/balance.md
 * §1.3, §7.5): the rules below are DESIGN choices built on §1.3's note that a foot placed on the
 * floor shows as F_z dropping below the trial's settled weight. Settling detection skips the
 * step-on transient, as [BQT17] advises computing metrics only after settling.
 */
import { MIN_COP_LOAD_N } from '../cop/cop-from-forces.ts';

/** DESIGN: the window over which steadiness is judged, ms. Longer than the simulator's 1.5 s step-on settle is not needed: its 8 % overshoot has decayed below the band after ≈ 1 s. */
export const STEADY_WINDOW_MS = 1000;
/** DESIGN: steady when the force stays within ±5 % of its window mean (quiet stance varies ≈ 0.3 %). */
export const STEADY_FORCE_BAND_FRAC = 0.05;
/** DESIGN: …and the COP within a 60 mm range (quiet-stance ranges are 10–45 mm over a whole trial, balance.md §4). */
export const STEADY_COP_RANGE_MM = 60;
/** DESIGN: below this fraction of the settled weight, a foot has left the plate (balance.md §1.3). */
export const STEP_OFF_FRAC = 0.75;

export type PlateOccupancy = 'empty' | 'loading' | 'steady';

export type LoadChange =
  | { readonly kind: 'steppedOn'; readonly sampleIndex: number }
  | { readonly kind: 'steady'; readonly sampleIndex: number; readonly bodyWeightN: number }
  | { readonly kind: 'unsteady'; readonly sampleIndex: number }
  | { readonly kind: 'steppedOff'; readonly sampleIndex: number; readonly bodyWeightN: number }
  | { readonly kind: 'empty'; readonly sampleIndex: number };

export class PlateLoadTracker {
  private occupancy: PlateOccupancy = 'empty';
  private settledWeightN = 0;
  private readonly windowSamples: number;
  private readonly force: Float64Array;
  private readonly copX: Float64Array;
  private readonly copY: Float64Array;
  private filled = 0;
  private next = 0;

  constructor(readonly sampleRateHz: number) {
    this.windowSamples = Math.max(2, Math.round((STEADY_WINDOW_MS * sampleRateHz) / 1000));
    this.force = new Float64Array(this.windowSamples);
    this.copX = new Float64Array(this.windowSamples);
    this.copY = new Float64Array(this.windowSamples);
  }

  get state(): PlateOccupancy {
    return this.occupancy;
  }

  /** Body weight settled since stepping on, N; 0 until the first steady window and after a step-off. */
  get bodyWeightN(): number {
    return this.settledWeightN;
  }

  /** The plate link was lost or restarted: start over from "empty". */
  reset(): void {
    this.occupancy = 'empty';
    this.settledWeightN = 0;
    this.filled = 0;
    this.next = 0;
  }

  /**
   * Feeds one block (force and COP columns, COP NaN below MIN_COP_LOAD_N); returns the changes
   * in order, each with the index of the sample that caused it. Steadiness is judged at the end
   * of the block, the other changes per sample.
   */
  push(forceN: Float64Array, copXMm: Float64Array, copYMm: Float64Array, count: number): LoadChange[] {
    const changes: LoadChange[] = [];
    for (let i = 0; i < count; i++) {
      const f = forceN[i] as number;
      if (f < MIN_COP_LOAD_N) {
        if (this.settledWeightN > 0) changes.push({ kind: 'steppedOff', sampleIndex: i, bodyWeightN: this.settledWeightN });
        if (this.occupancy !== 'empty') changes.push({ kind: 'empty', sampleIndex: i });
        this.occupancy = 'empty';
        this.settledWeightN = 0;
        this.filled = 0;
        continue;
      }
      if (this.occupancy === 'empty') {
        this.occupancy = 'loading';
        changes.push({ kind: 'steppedOn', sampleIndex: i });
      } else if (this.settledWeightN > 0 && f < STEP_OFF_FRAC * this.settledWeightN) {
        // Judged against the weight settled before, also while unsteady (a lean in a limits-of-stability trial).
        changes.push({ kind: 'steppedOff', sampleIndex: i, bodyWeightN: this.settledWeightN });
        this.occupancy = 'loading';
        this.settledWeightN = 0;
        this.filled = 0;
      }
      this.force[this.next] = f;
      this.copX[this.next] = copXMm[i] as number;
      this.copY[this.next] = copYMm[i] as number;
      this.next = (this.next + 1) % this.windowSamples;
      this.filled = Math.min(this.filled + 1, this.windowSamples);
    }
    if (count > 0 && this.occupancy !== 'empty') this.judgeWindow(count - 1, changes);
    return changes;
  }

  private judgeWindow(sampleIndex: number, changes: LoadChange[]): void {
    if (this.filled < this.windowSamples) return;
    const steadyMeanN = this.steadyMean();
    if (steadyMeanN !== undefined) {
      if (this.occupancy !== 'steady') changes.push({ kind: 'steady', sampleIndex, bodyWeightN: steadyMeanN });
      this.occupancy = 'steady';
      this.settledWeightN = steadyMeanN;
    } else if (this.occupancy === 'steady') {
      this.occupancy = 'loading';
      changes.push({ kind: 'unsteady', sampleIndex });
    }
  }

  /** The window's mean force when the window is steady, else undefined. */
  private steadyMean(): number | undefined {
    let sum = 0;
    let minF = Infinity;
    let maxF = -Infinity;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < this.windowSamples; i++) {
      const f = this.force[i] as number;
      const x = this.copX[i] as number;
      const y = this.copY[i] as number;
      sum += f;
      minF = Math.min(minF, f);
      maxF = Math.max(maxF, f);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const mean = sum / this.windowSamples;
    const isForceSteady = maxF - mean <= STEADY_FORCE_BAND_FRAC * mean && mean - minF <= STEADY_FORCE_BAND_FRAC * mean;
    const isCopSteady = maxX - minX <= STEADY_COP_RANGE_MM && maxY - minY <= STEADY_COP_RANGE_MM;
    return isForceSteady && isCopSteady ? mean : undefined;
  }
}
