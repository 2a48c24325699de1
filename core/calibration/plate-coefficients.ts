/**
 * A force plate's calibration in force: per-cell zero (counts) and gain (N per count), and the
 * conversion of raw counts into vertical force and centre of pressure with it.
 *
 * Model (shared/reference/balance.md §1.1): F_i = g_i · (raw_i − zero_i); COP by moment balance
 * over the cell positions (core/cop). The plate streams raw counts (docs/protocols/plate.md §1),
 * so every trial can be recomputed with any calibration, old or new.
 */
import { copFromForces, MIN_COP_LOAD_N, type CellPositionMm } from '../cop/cop-from-forces.ts';
import { BugError } from '../bug.ts';

/** What the plate reports about itself (plate.md §3 capability pages). */
export interface PlateGeometry {
  readonly widthMm: number;
  readonly depthMm: number;
  /** Cell positions in the order of the counts (c0…c3). */
  readonly cellsMm: readonly CellPositionMm[];
  /** Nominal sensitivity of every cell, counts per newton: a starting point only. */
  readonly countsPerN: number;
  /** Full-scale load of one cell, N. */
  readonly cellFullScaleN: number;
}

export interface CellCoefficients {
  /** Counts with the plate empty (the tare). */
  readonly zeroCounts: number;
  /** Newtons per count above the zero. */
  readonly nPerCount: number;
}

export type PlateCoefficients = readonly CellCoefficients[];

export interface PlateLoad {
  readonly forceN: number;
  /** COP; undefined when the load is below MIN_COP_LOAD_N (nobody on the plate). */
  readonly copXMm: number | undefined;
  readonly copYMm: number | undefined;
}

/**
 * Full scale of the whole plate: the sum of its cells' full scale. Percent-of-full-scale
 * tolerances (docs/calibration.md) refer to it. DESIGN: a plate's rated load is its cells' sum.
 */
export function plateFullScaleN(geometry: PlateGeometry): number {
  return geometry.cellFullScaleN * geometry.cellsMm.length;
}

/** The uncalibrated plate: tared, but every cell at the nominal sensitivity of plate.md §3. */
export function nominalCoefficients(zeroCounts: readonly number[], countsPerN: number): PlateCoefficients {
  return zeroCounts.map((zero) => ({ zeroCounts: zero, nPerCount: 1 / countsPerN }));
}

/** Cell forces, N, of one sample's counts. */
export function cellForcesN(counts: ArrayLike<number>, coefficients: PlateCoefficients): number[] {
  if (counts.length !== coefficients.length) throw new BugError(`cellForcesN: ${counts.length} counts for ${coefficients.length} cells`);
  return coefficients.map((cell, i) => cell.nPerCount * ((counts[i] ?? 0) - cell.zeroCounts));
}

/** Vertical force and COP of one sample's counts (or of a window's mean counts). */
export function plateLoad(counts: ArrayLike<number>, coefficients: PlateCoefficients, cellsMm: readonly CellPositionMm[]): PlateLoad {
  const forces = cellForcesN(counts, coefficients);
  const forceN = forces.reduce((sum, f) => sum + f, 0);
  const cop = copFromForces(forces, cellsMm);
  return { forceN, copXMm: cop?.copXMm, copYMm: cop?.copYMm };
}

/** Output columns for `applyPlateCalibration`, preallocated by the caller (hot path). */
export interface PlateLoadColumns {
  readonly forceN: Float64Array;
  /** NaN where the load is below MIN_COP_LOAD_N. */
  readonly copXMm: Float64Array;
  readonly copYMm: Float64Array;
}

/**
 * Converts a block of interleaved counts (c0, c1, c2, c3, c0, …) into force and COP columns in
 * place, allocating nothing: the live view and the recorder call it once per sample block.
 */
export function applyPlateCalibration(
  cellCounts: ArrayLike<number>,
  sampleCount: number,
  coefficients: PlateCoefficients,
  cellsMm: readonly CellPositionMm[],
  out: PlateLoadColumns,
): void {
  const cells = coefficients.length;
  if (cellsMm.length !== cells || cellCounts.length < sampleCount * cells || out.forceN.length < sampleCount) {
    throw new BugError('applyPlateCalibration: block, coefficients and output disagree in size');
  }
  for (let s = 0; s < sampleCount; s++) {
    let forceN = 0;
    let momentXNmm = 0;
    let momentYNmm = 0;
    for (let i = 0; i < cells; i++) {
      const cell = coefficients[i] as CellCoefficients;
      const position = cellsMm[i] as CellPositionMm;
      const f = cell.nPerCount * ((cellCounts[s * cells + i] ?? 0) - cell.zeroCounts);
      forceN += f;
      momentXNmm += f * position.xMm;
      momentYNmm += f * position.yMm;
    }
    out.forceN[s] = forceN;
    const hasCop = forceN >= MIN_COP_LOAD_N;
    out.copXMm[s] = hasCop ? momentXNmm / forceN : Number.NaN;
    out.copYMm[s] = hasCop ? momentYNmm / forceN : Number.NaN;
  }
}
