/**
 * Verification of a plate calibration at known loads, against stated tolerances, and the
 * linearity check across masses. Sources of every tolerance: docs/calibration.md §3.
 */
import type { PlateCoefficients, PlateGeometry } from './plate-coefficients.ts';
import { plateFullScaleN, plateLoad } from './plate-coefficients.ts';
import type { PlateReading } from './plate-fit.ts';
import { solveLeastSquares } from './least-squares.ts';

/**
 * COP error allowed at a verification point, mm. Issue 8 "Done when"; in line with four-cell
 * plates after linear calibration: 0.5–2 mm for the Wii board [Leach14, Bartlett14] and < 1 mm
 * for distributed loads on a custom stabilometric plate [RBCDH11] (balance.md §1.2).
 */
export const COP_TOLERANCE_MM = 1;
/**
 * Vertical force error allowed for loads at or above 20 % of full scale: 0.25 % of the applied
 * load (issue 8 "Done when"); the upper end of the 0.03–0.25 % FS strain-gauge class
 * (decompression.md §6.3 [MKT]).
 */
export const FORCE_TOLERANCE_FRAC_OF_LOAD = 0.0025;
/** Below 20 % of full scale the allowance is 0.05 % of full scale (issue 8 "Done when"). */
export const FORCE_TOLERANCE_FRAC_OF_FS = 0.0005;
/** Where the tolerance switches from % of full scale to % of load (issue 8). */
export const FORCE_TOLERANCE_SWITCH_FRAC_OF_FS = 0.2;
/**
 * Largest deviation of the measured total force from the best straight line through (applied,
 * measured) over all points, as a fraction of full scale. DESIGN: the same 0.05 % FS as the
 * low-load force tolerance, so non-linearity alone can never use up a point's allowance.
 */
export const LINEARITY_TOLERANCE_FRAC_OF_FS = 0.0005;

export interface PointVerification {
  readonly pointId: string;
  readonly appliedN: number;
  readonly measuredN: number;
  readonly forceErrorN: number;
  /** Force error as a percentage of the applied load. */
  readonly forceErrorPct: number;
  readonly forceToleranceN: number;
  readonly copErrorMm: number;
  readonly copToleranceMm: number;
  readonly isPassed: boolean;
}

export interface LinearityCheck {
  readonly maxDeviationN: number;
  readonly maxDeviationPctFs: number;
  readonly tolerancePctFs: number;
  readonly isPassed: boolean;
}

/** Force allowance at an applied load, N. */
export function forceToleranceN(appliedN: number, fullScaleN: number): number {
  return appliedN >= FORCE_TOLERANCE_SWITCH_FRAC_OF_FS * fullScaleN ? FORCE_TOLERANCE_FRAC_OF_LOAD * appliedN : FORCE_TOLERANCE_FRAC_OF_FS * fullScaleN;
}

/** Errors at one point with the given coefficients (calibrated or nominal). */
export function verifyPoint(reading: PlateReading, coefficients: PlateCoefficients, geometry: PlateGeometry, gravityMps2: number): PointVerification {
  const appliedN = reading.massKg * gravityMps2;
  const load = plateLoad(reading.meanCounts, coefficients, geometry.cellsMm);
  const forceErrorN = load.forceN - appliedN;
  const copErrorMm =
    load.copXMm === undefined || load.copYMm === undefined ? Number.POSITIVE_INFINITY : Math.hypot(load.copXMm - reading.xMm, load.copYMm - reading.yMm);
  const toleranceN = forceToleranceN(appliedN, plateFullScaleN(geometry));
  return {
    pointId: reading.pointId,
    appliedN,
    measuredN: load.forceN,
    forceErrorN,
    forceErrorPct: (100 * forceErrorN) / appliedN,
    forceToleranceN: toleranceN,
    copErrorMm,
    copToleranceMm: COP_TOLERANCE_MM,
    isPassed: Math.abs(forceErrorN) <= toleranceN && copErrorMm <= COP_TOLERANCE_MM,
  };
}

/** Straight line through (applied, measured) over every point; worst deviation from it. */
export function checkLinearity(points: readonly PointVerification[], fullScaleN: number): LinearityCheck {
  const line = solveLeastSquares(
    points.map((p) => [1, p.appliedN / fullScaleN]),
    points.map((p) => p.measuredN),
  );
  const maxDeviationN = line.ok ? Math.max(...line.value.residuals.map(Math.abs)) : Number.POSITIVE_INFINITY;
  const maxDeviationPctFs = (100 * maxDeviationN) / fullScaleN;
  const tolerancePctFs = 100 * LINEARITY_TOLERANCE_FRAC_OF_FS;
  return { maxDeviationN, maxDeviationPctFs, tolerancePctFs, isPassed: maxDeviationPctFs <= tolerancePctFs };
}
