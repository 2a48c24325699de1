/**
 * When a calibration point may be taken: the stability criterion over a sliding window of
 * samples, and the window's mean counts that become the point's reading.
 *
 * Criterion (docs/calibration.md §2), judged on forces at the plate's nominal sensitivity (before
 * calibration no better scale exists; the ±5 % gain spread changes nothing that matters here),
 * over the last STABILITY_WINDOW_MS of samples:
 * - the total vertical force's standard deviation is ≤ 0.025 % of full scale;
 * - the means of the window's first and second halves differ by ≤ 0.025 % of full scale (drift);
 * - with a load on the plate (≥ MIN_COP_LOAD_N), the COP means of the two halves lie ≤ 0.25 mm
 *   apart.
 * Samples flagged ADC_FAULT or OVERRANGE never enter a window; they empty it (plate.md §5).
 */
import { MIN_COP_LOAD_N, type CellPositionMm } from '../cop/cop-from-forces.ts';
import { BugError } from '../bug.ts';

/** Length of the window judged and averaged. DESIGN: eight periods of a 4 Hz ring, and ≥ 200 samples at 100 Hz. */
export const STABILITY_WINDOW_MS = 2000;
/** DESIGN: ~4× the total-force noise of four cells at 0.2 N RMS each on a 6000 N plate. */
export const STABILITY_FORCE_SD_FRAC_OF_FS = 0.00025;
/** DESIGN: the same bound for drift between half-window means. */
export const STABILITY_FORCE_DRIFT_FRAC_OF_FS = 0.00025;
/** DESIGN: a quarter of the 1 mm COP tolerance (plate-verify.ts). */
export const STABILITY_COP_DRIFT_MM = 0.25;

export interface StabilityAssessment {
  readonly isFull: boolean;
  readonly isStable: boolean;
  readonly forceN: number;
  readonly forceSdN: number;
  readonly forceDriftN: number;
  /** NaN when the plate carries less than MIN_COP_LOAD_N. */
  readonly copDriftMm: number;
  /** Mean counts per cell over the window: the reading of a point taken now. */
  readonly meanCounts: readonly number[];
}

export interface StabilityScale {
  readonly cellsMm: readonly CellPositionMm[];
  readonly countsPerN: number;
  readonly fullScaleN: number;
  /** The tare once taken (counts per cell), so force and COP are those of the load; zeros before. */
  readonly zeroCounts?: readonly number[];
}

/** A ring of the last `capacity` samples' counts (preallocated; `push` allocates nothing). */
export class StabilityWindow {
  private readonly counts: Float64Array;
  private next = 0;
  private size = 0;

  constructor(
    readonly capacity: number,
    private readonly cells = 4,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 4)) throw new BugError(`StabilityWindow: capacity ${capacity}`);
    this.counts = new Float64Array(capacity * cells);
  }

  /** Window length in samples for a sample rate. */
  static capacityFor(rateHz: number): number {
    return Math.max(4, Math.round((STABILITY_WINDOW_MS * rateHz) / 1000));
  }

  push(sampleCounts: ArrayLike<number>, offset = 0): void {
    for (let i = 0; i < this.cells; i++) this.counts[this.next * this.cells + i] = sampleCounts[offset + i] ?? 0;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  clear(): void {
    this.size = 0;
    this.next = 0;
  }

  assess(scale: StabilityScale): StabilityAssessment {
    const n = this.size;
    const half = Math.floor(n / 2);
    const oldest = (this.next - n + this.capacity) % this.capacity;
    const sums = [new Float64Array(this.cells), new Float64Array(this.cells)] as const;
    const zero = (i: number): number => scale.zeroCounts?.[i] ?? 0;
    let zeroSum = 0;
    for (let i = 0; i < this.cells; i++) zeroSum += zero(i);
    let sumF = 0;
    let sumF2 = 0;
    for (let k = 0; k < n; k++) {
      const base = ((oldest + k) % this.capacity) * this.cells;
      const part = k < half ? sums[0] : sums[1];
      let f = 0;
      for (let i = 0; i < this.cells; i++) {
        const c = this.counts[base + i] ?? 0;
        part[i] = (part[i] ?? 0) + c;
        f += c;
      }
      f = (f - zeroSum) / scale.countsPerN;
      sumF += f;
      sumF2 += f * f;
    }
    const meanCounts = Array.from({ length: this.cells }, (_, i) => ((sums[0][i] ?? 0) + (sums[1][i] ?? 0)) / Math.max(1, n));
    const halfLoad = (part: Float64Array, count: number): { f: number; x: number; y: number } => {
      let f = 0;
      let mx = 0;
      let my = 0;
      for (let i = 0; i < this.cells; i++) {
        const fi = ((part[i] ?? 0) / Math.max(1, count) - zero(i)) / scale.countsPerN;
        f += fi;
        mx += fi * (scale.cellsMm[i]?.xMm ?? 0);
        my += fi * (scale.cellsMm[i]?.yMm ?? 0);
      }
      return { f, x: mx / f, y: my / f };
    };
    const first = halfLoad(sums[0], half);
    const second = halfLoad(sums[1], n - half);
    const forceN = sumF / Math.max(1, n);
    const forceSdN = Math.sqrt(Math.max(0, sumF2 / Math.max(1, n) - forceN * forceN));
    const forceDriftN = Math.abs(second.f - first.f);
    const isLoaded = forceN >= MIN_COP_LOAD_N;
    const copDriftMm = isLoaded ? Math.hypot(second.x - first.x, second.y - first.y) : Number.NaN;
    const isFull = n === this.capacity;
    const isStable =
      isFull &&
      forceSdN <= STABILITY_FORCE_SD_FRAC_OF_FS * scale.fullScaleN &&
      forceDriftN <= STABILITY_FORCE_DRIFT_FRAC_OF_FS * scale.fullScaleN &&
      (!isLoaded || copDriftMm <= STABILITY_COP_DRIFT_MM);
    return { isFull, isStable, forceN, forceSdN, forceDriftN, copDriftMm, meanCounts };
  }
}
