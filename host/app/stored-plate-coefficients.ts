/**
 * A stored plate calibration's coefficients (calibrations.coefficients_json, written by
 * host/calibration plateCalibrationRecord as { zeroCounts[], nPerCount[] }) for a plate of a given
 * number of cells: what the run measures with and what a report recomputes an old trial with.
 */
import { nominalCoefficients, type PlateCoefficients } from '../../core/index.ts';

/** Undefined when the record does not hold one finite zero and gain per cell. */
export function storedPlateCoefficients(stored: unknown, cellCount: number): PlateCoefficients | undefined {
  const { zeroCounts, nPerCount } = (typeof stored === 'object' && stored !== null ? stored : {}) as { zeroCounts?: unknown; nPerCount?: unknown };
  if (!Array.isArray(zeroCounts) || !Array.isArray(nPerCount) || zeroCounts.length !== cellCount || nPerCount.length !== cellCount) return undefined;
  const coefficients = zeroCounts.map((zero, i) => ({ zeroCounts: Number(zero), nPerCount: Number(nPerCount[i]) }));
  return coefficients.every((c) => Number.isFinite(c.zeroCounts) && Number.isFinite(c.nPerCount)) ? coefficients : undefined;
}

/** The plate without a usable calibration, as runs measure on it: untared, every cell at its nominal sensitivity. */
export function nominalPlateCoefficients(cellCount: number, countsPerN: number): PlateCoefficients {
  return nominalCoefficients(Array.from({ length: cellCount }, () => 0), countsPerN);
}
