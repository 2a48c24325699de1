/**
 * Where calibrations are kept: the contract host/storage implements (SQLite, `calibrations`
 * table) and the calibration service, the CLI and the app use. Kept to what a procedure needs:
 * save one finished calibration, read a device's latest (its status and coefficients in force).
 *
 * Contract: `saveCalibration` stores the whole record or nothing (one transaction, audited) and
 * returns its id; a refusal (unknown operator, invalid record, database error) is an error value
 * with a message for the technician. Nothing is stored for a procedure that did not finish.
 */
import type { Result } from '../../core/index.ts';

export type CalibratedDeviceKind = 'plate' | 'table';

/** The device as its handshake described it (link.md §5). */
export interface CalibratedDevice {
  readonly kind: CalibratedDeviceKind;
  readonly model: string;
  readonly serial: string;
  readonly firmware: string;
  readonly protocolVersion: number;
}

/** JSON-shaped numbers: plate `{ zeroCounts: [4], nPerCount: [4] }`, table `{ offsetN, span }`. */
export type CoefficientFields = Readonly<Record<string, number | readonly number[]>>;

export interface CalibrationRecord {
  readonly device: CalibratedDevice;
  /** Login name of the technician (or admin) who ran it. */
  readonly operator: string;
  /** `plate-multipoint-1` or `table-zero-span-1`: which procedure produced the record. */
  readonly procedure: string;
  readonly performedAtMs: number;
  readonly dueAtMs: number;
  readonly coefficients: CoefficientFields;
  /** Every settled reading the result came from (JSON), so it can be recomputed. */
  readonly rawReadings: unknown;
  /** Per-point errors against tolerances, fit residuals, linearity (JSON). */
  readonly verification: unknown;
  readonly isPassed: boolean;
}

export interface StoredCalibration extends CalibrationRecord {
  readonly id: number;
}

export interface CalibrationStore {
  /** Whether this operator may apply a calibration (technician or admin, active); checked before a procedure starts. */
  mayApply(operator: string): Result<void, string>;
  saveCalibration(record: CalibrationRecord): Result<{ readonly id: number }, string>;
  /** The device's most recent calibration (passed or not), or undefined if it never had one. */
  latestCalibration(device: Pick<CalibratedDevice, 'model' | 'serial'>): StoredCalibration | undefined;
}
