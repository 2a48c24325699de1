/** Calibration procedures against the live plate and table, and the store contract they need. */
export type { CalibratedDevice, CalibratedDeviceKind, CalibrationRecord, CalibrationStore, CoefficientFields, StoredCalibration } from './calibration-store.ts';
export { PlateCalibrationSession, SETTLE_TIMEOUT_MS, type CalibrationStepError, type PlateSessionSetup } from './plate-session.ts';
export { PLATE_PROCEDURE, evaluatePlateCalibration, plateCalibrationRecord, type PlateCalibrationOutcome } from './plate-outcome.ts';
export { runPlateProcedure, type MassPlacer } from './plate-procedure.ts';
export { BAD_SAMPLE, pushSamples, type PlateSource, type SettleError } from './settled-load.ts';
export { procedureOf, readingsOf, storageCalibrationStore } from './storage-calibration-store.ts';
export { runTableProcedure, UNARMED_STATES, verificationLevelsN, type ReferenceGauge, type TableCalibrationOutcome, type TableProcedureSetup, type TableSource } from './table-procedure.ts';
export { TABLE_PROCEDURE, tableCalibrationRecord } from './table-record.ts';
export { applyCoefficients, readCoefficientsInForce } from './table-apply.ts';
