/**
 * The table's load cell: 24-bit bridge ADC read at 80 Hz with 0.1 % FS noise.
 *
 * Reference decompression.md §6.3 (HX711-class ADC at 80 samples/s; 0.03–0.25 % FS class, 0.1 %
 * FS = 1.5 N RMS chosen) and table.md §4 (`$ZERO` makes the present reading 0 N), §5 (`measN` is
 * the tared reading), §6.1/§6.3 (a reading out of range or an ADC error is a load-cell fault).
 * Untared, the cell reads a small seeded offset (±3 N). With `spanErrorFrac` (seeded by the
 * simulator when asked, within ±3 %: an uncalibrated cell, for the calibration procedure) it reads
 * (1 + spanErrorFrac) × the true tension; a reference gauge reads the true tension. Faults: stuck (the reading freezes while
 * the actuator moves, the case the host must catch), drift (N/s added), ADC error.
 * Coefficients in force (table.md §4.1, service mode) scale the cell: reading = offsetN + span × cell
 * − tare; putting new ones in force clears the tare.
 * `filteredN` (100 ms exponential average) is what floor checks use, so noise does not decide them;
 * `$ZERO` tares on the same average, so one noisy reading does not bias every later one.
 */
import type { Prng } from '../random/prng.ts';
import { LOAD_CELL_FULL_SCALE_N, LOAD_CELL_MAX_N, LOAD_CELL_MIN_N, LOAD_CELL_PERIOD_US } from './table-constants.ts';
import { FACTORY_COEFFICIENTS } from './table-service.ts';
import type { LoadCellCoefficients } from './table-service.ts';

export interface LoadCellFaults {
  /** Reading frozen at its present value. */
  readonly loadCellStuck: boolean;
  /** Drift added to the reading, N/s (from when it was set). */
  readonly loadCellDriftNps: number;
  /** The ADC reports an error. */
  readonly loadCellAdcFault: boolean;
}

export const NO_LOAD_CELL_FAULTS: LoadCellFaults = { loadCellStuck: false, loadCellDriftNps: 0, loadCellAdcFault: false };

const FILTER_TAU_US = 100_000;

export class TableLoadCell {
  private readonly offsetN: number;
  private tareN = 0;
  private rawN = 0;
  private rawFilteredN = 0;
  private hasRaw = false;
  private driftN = 0;
  private faults: LoadCellFaults = NO_LOAD_CELL_FAULTS;
  coefficients: LoadCellCoefficients = FACTORY_COEFFICIENTS;
  isZeroed = false;
  /** Latest tared reading (what `#T` carries). */
  measN = 0;
  filteredN = 0;

  constructor(
    private readonly prng: Prng,
    readonly noiseN = 0.001 * LOAD_CELL_FULL_SCALE_N,
    readonly spanErrorFrac = 0,
  ) {
    this.offsetN = prng.uniform(-3, 3);
  }

  setFaults(faults: LoadCellFaults): void {
    if (faults.loadCellDriftNps === 0) this.driftN = 0;
    this.faults = faults;
  }

  get currentFaults(): LoadCellFaults {
    return this.faults;
  }

  /** One 80 Hz conversion of the true tension. */
  sample(trueTensionN: number): void {
    this.driftN += (this.faults.loadCellDriftNps * LOAD_CELL_PERIOD_US) / 1e6;
    if (!this.faults.loadCellStuck) {
      this.rawN = trueTensionN * (1 + this.spanErrorFrac) + this.offsetN + this.driftN + this.prng.gaussian() * this.noiseN;
    }
    this.measN = this.scaled(this.rawN) - this.tareN;
    const a = LOAD_CELL_PERIOD_US / FILTER_TAU_US;
    this.rawFilteredN = this.hasRaw ? this.rawFilteredN + a * (this.rawN - this.rawFilteredN) : this.rawN;
    this.hasRaw = true;
    this.filteredN = this.scaled(this.rawFilteredN) - this.tareN;
  }

  /** `$ZERO`: the present (100 ms averaged) reading becomes 0 N. */
  zero(): void {
    this.tareN = this.scaled(this.rawFilteredN);
    this.measN = this.scaled(this.rawN) - this.tareN;
    this.filteredN = 0;
    this.isZeroed = true;
  }

  /** `$CALUSE`: new coefficients in force; the tare no longer applies (zero again). */
  useCoefficients(coefficients: LoadCellCoefficients): void {
    this.coefficients = coefficients;
    this.tareN = 0;
    this.isZeroed = false;
  }

  private scaled(cellN: number): number {
    return this.coefficients.offsetN + this.coefficients.span * cellN;
  }

  /** Reading untrusted: ADC error, or outside the range a healthy cell can report. */
  get isFaulty(): boolean {
    return this.faults.loadCellAdcFault || this.measN < LOAD_CELL_MIN_N || this.measN > LOAD_CELL_MAX_N;
  }
}
