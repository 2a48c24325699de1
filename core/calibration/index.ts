/** Calibration of the force plate and the table's load cell: pure fitting, checks and status. */
export { solveLeastSquares, type LeastSquaresError, type LeastSquaresSolution } from './least-squares.ts';
export {
  applyPlateCalibration,
  cellForcesN,
  nominalCoefficients,
  plateFullScaleN,
  plateLoad,
  type CellCoefficients,
  type PlateCoefficients,
  type PlateGeometry,
  type PlateLoad,
  type PlateLoadColumns,
} from './plate-coefficients.ts';
export { validatePlatePlan, type PlanError, type PlanErrorCode, type PlatePoint, type PointRole } from './plate-plan.ts';
export { DEFAULT_PLATE_PLAN } from './default-plate-plan.ts';
export { fitPlateGains, type FitResidual, type PlateFit, type PlateReading } from './plate-fit.ts';
export {
  COP_TOLERANCE_MM,
  FORCE_TOLERANCE_FRAC_OF_FS,
  FORCE_TOLERANCE_FRAC_OF_LOAD,
  FORCE_TOLERANCE_SWITCH_FRAC_OF_FS,
  checkLinearity,
  forceToleranceN,
  verifyPoint,
  type LinearityCheck,
  type PointVerification,
} from './plate-verify.ts';
export {
  STABILITY_COP_DRIFT_MM,
  STABILITY_FORCE_DRIFT_FRAC_OF_FS,
  STABILITY_FORCE_SD_FRAC_OF_FS,
  STABILITY_WINDOW_MS,
  StabilityWindow,
  type StabilityAssessment,
  type StabilityScale,
} from './stability.ts';
export {
  IDENTITY_TABLE_COEFFICIENTS,
  TABLE_ACCURACY_FRAC,
  calibrateTableLoadCell,
  checkCoefficientChange,
  contradictionBandN,
  gaugeContradiction,
  TABLE_ACCURACY_FROM_FRAC_OF_FS,
  TABLE_HYSTERESIS_FRAC_OF_FS,
  TABLE_LINEARITY_FRAC_OF_FS,
  type LoadDirection,
  type TableCalibrationError,
  type TableCalibrationResult,
  type TableCoefficients,
  type TablePoint,
} from './table-fit.ts';
export {
  DEFAULT_CALIBRATION_INTERVAL_MONTHS,
  calibrationStatus,
  dueAtMs,
  isCalibrationInForce,
  type CalibrationStatus,
  type CalibrationSummary,
} from './calibration-status.ts';
