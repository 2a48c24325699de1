/**
 * A finished plate calibration: the fitted coefficients, their residuals, the verification at
 * points not used for fitting (calibrated, and uncalibrated beside it for comparison), the
 * linearity check, pass/fail, and the record that goes to the CalibrationStore.
 */
import {
  checkLinearity,
  dueAtMs,
  fitPlateGains,
  nominalCoefficients,
  ok,
  err,
  plateFullScaleN,
  verifyPoint,
  type LinearityCheck,
  type PlateCoefficients,
  type PlateFit,
  type PlateGeometry,
  type PlatePoint,
  type PlateReading,
  type PointVerification,
  type Result,
} from '../../core/index.ts';
import type { DeviceIdentity } from '../../native-bridge/index.ts';
import type { CalibrationRecord } from './calibration-store.ts';

export const PLATE_PROCEDURE = 'plate-multipoint-1';

export interface PlateCalibrationOutcome {
  readonly coefficients: PlateCoefficients;
  readonly fit: PlateFit;
  readonly tareCounts: readonly number[];
  readonly readings: readonly PlateReading[];
  /** Verification points with the new coefficients. */
  readonly verification: readonly PointVerification[];
  /** The same points at nominal sensitivity (tared only): how wrong the plate was before. */
  readonly uncalibrated: readonly PointVerification[];
  readonly linearity: LinearityCheck;
  readonly isPassed: boolean;
  readonly copErrorMaxMm: number;
  readonly forceErrorMaxPct: number;
  readonly copErrorBeforeMaxMm: number;
  readonly forceErrorBeforeMaxPct: number;
}

const worst = (points: readonly PointVerification[], pick: (p: PointVerification) => number): number => Math.max(0, ...points.map((p) => Math.abs(pick(p))));

export function evaluatePlateCalibration(
  tareCounts: readonly number[],
  readings: readonly PlateReading[],
  plan: readonly PlatePoint[],
  geometry: PlateGeometry,
  gravityMps2: number,
): Result<PlateCalibrationOutcome, string> {
  const isFit = (r: PlateReading): boolean => plan.find((p) => p.id === r.pointId)?.role === 'fit';
  const fit = fitPlateGains(tareCounts, readings.filter(isFit), geometry.cellsMm, gravityMps2);
  if (!fit.ok) return err(`the fitting points do not determine every cell's gain (${fit.error.code})`);
  const coefficients = fit.value.coefficients;
  const verifyReadings = readings.filter((r) => !isFit(r));
  const verification = verifyReadings.map((r) => verifyPoint(r, coefficients, geometry, gravityMps2));
  const nominal = nominalCoefficients(tareCounts, geometry.countsPerN);
  const uncalibrated = verifyReadings.map((r) => verifyPoint(r, nominal, geometry, gravityMps2));
  const linearity = checkLinearity(
    readings.map((r) => verifyPoint(r, coefficients, geometry, gravityMps2)),
    plateFullScaleN(geometry),
  );
  return ok({
    coefficients,
    fit: fit.value,
    tareCounts,
    readings,
    verification,
    uncalibrated,
    linearity,
    isPassed: linearity.isPassed && verification.every((p) => p.isPassed),
    copErrorMaxMm: worst(verification, (p) => p.copErrorMm),
    forceErrorMaxPct: worst(verification, (p) => p.forceErrorPct),
    copErrorBeforeMaxMm: worst(uncalibrated, (p) => p.copErrorMm),
    forceErrorBeforeMaxPct: worst(uncalibrated, (p) => p.forceErrorPct),
  });
}

/** The record a finished plate calibration is stored as; due `intervalMonths` after it was done. */
export function plateCalibrationRecord(
  outcome: PlateCalibrationOutcome,
  identity: DeviceIdentity,
  operator: string,
  performedAtMs: number,
  intervalMonths: number,
): CalibrationRecord {
  return {
    device: { kind: 'plate', ...identity },
    operator,
    procedure: PLATE_PROCEDURE,
    performedAtMs,
    dueAtMs: dueAtMs(performedAtMs, intervalMonths),
    coefficients: {
      zeroCounts: outcome.coefficients.map((c) => c.zeroCounts),
      nPerCount: outcome.coefficients.map((c) => c.nPerCount),
    },
    rawReadings: { tareCounts: outcome.tareCounts, points: outcome.readings },
    verification: {
      points: outcome.verification,
      uncalibrated: outcome.uncalibrated,
      fitResiduals: outcome.fit.residuals,
      rmsForceResidualN: outcome.fit.rmsForceResidualN,
      linearity: outcome.linearity,
    },
    isPassed: outcome.isPassed,
  };
}
