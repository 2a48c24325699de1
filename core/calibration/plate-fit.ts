/**
 * Per-cell gains of a four-cell plate by least squares from known masses at known positions.
 *
 * Each settled point (mass m at (x, y), mean counts raw_i) gives three equations in the gains
 * g_i, with d_i = raw_i − zero_i: the vertical force Σ g_i·d_i = m·g, and the two moments
 * Σ g_i·d_i·x_i = m·g·x, Σ g_i·d_i·y_i = m·g·y (balance.md §1.1, moment balance). Moment rows
 * are divided by the cells' largest distance from the centre so every row is in newtons.
 * Offsets (zero_i) come from the settled empty-plate tare: a per-cell offset pattern
 * (+, −, +, −) adds nothing to force or moments, so whole-plate loads cannot see it, while the
 * tare measures each cell directly. The residuals of the fit are reported per point, as force
 * (N) and as the COP shift (mm) the moment residuals amount to.
 */
import { err, ok, type Result } from '../result.ts';
import type { CellPositionMm } from '../cop/cop-from-forces.ts';
import { solveLeastSquares, type LeastSquaresError } from './least-squares.ts';
import type { PlateCoefficients } from './plate-coefficients.ts';

/** A point's known load and the plate's settled mean counts under it. */
export interface PlateReading {
  readonly pointId: string;
  readonly massKg: number;
  readonly xMm: number;
  readonly yMm: number;
  readonly meanCounts: readonly number[];
}

export interface FitResidual {
  readonly pointId: string;
  readonly forceResidualN: number;
  readonly copResidualMm: number;
}

export interface PlateFit {
  readonly coefficients: PlateCoefficients;
  readonly residuals: readonly FitResidual[];
  /** Root mean square of the force residuals, N. */
  readonly rmsForceResidualN: number;
}

/**
 * Fits the gains; `tareCounts` are the settled empty-plate counts and become the zeros.
 * `gravityMps2` turns masses into weights: use the local value where it is known (it varies by
 * ±0.3 % over the Earth, more than the force tolerance), standard gravity otherwise.
 */
export function fitPlateGains(
  tareCounts: readonly number[],
  readings: readonly PlateReading[],
  cellsMm: readonly CellPositionMm[],
  gravityMps2: number,
): Result<PlateFit, LeastSquaresError> {
  const armMm = Math.max(...cellsMm.map((cell) => Math.max(Math.abs(cell.xMm), Math.abs(cell.yMm))));
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (const reading of readings) {
    const d = cellsMm.map((_, i) => (reading.meanCounts[i] ?? 0) - (tareCounts[i] ?? 0));
    const weightN = reading.massKg * gravityMps2;
    rows.push(d, d.map((di, i) => (di * (cellsMm[i]?.xMm ?? 0)) / armMm), d.map((di, i) => (di * (cellsMm[i]?.yMm ?? 0)) / armMm));
    rhs.push(weightN, (weightN * reading.xMm) / armMm, (weightN * reading.yMm) / armMm);
  }
  const solved = solveLeastSquares(rows, rhs);
  if (!solved.ok) return err(solved.error);
  const coefficients = cellsMm.map((_, i) => ({ zeroCounts: tareCounts[i] ?? 0, nPerCount: solved.value.x[i] ?? 0 }));
  const r = solved.value.residuals;
  const residuals = readings.map((reading, k) => {
    const weightN = reading.massKg * gravityMps2;
    const momentX = ((r[3 * k + 1] ?? 0) * armMm) / weightN;
    const momentY = ((r[3 * k + 2] ?? 0) * armMm) / weightN;
    return { pointId: reading.pointId, forceResidualN: r[3 * k] ?? 0, copResidualMm: Math.hypot(momentX, momentY) };
  });
  const rmsForceResidualN = Math.sqrt(residuals.reduce((sum, res) => sum + res.forceResidualN ** 2, 0) / Math.max(1, residuals.length));
  return ok({ coefficients, residuals, rmsForceResidualN });
}
