/**
 * Calibrations, kept for audits: the device, the coefficients, the raw readings they came from,
 * the verification results, who did it and when, and when the next one is due. The shapes of
 * coefficients and readings belong to the calibration issue (#8); here they are JSON that must
 * be finite numbers where numbers are given, validated before anything is written.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../core/index.ts';
import { appendAudit } from './audit.ts';
import { checkRefs, inTransaction, parseInput } from './repository-kit.ts';
import { notFound, type StorageError } from './storage-errors.ts';
import type { Storage } from './storage.ts';

const calibrationFields = z
  .strictObject({
    deviceId: z.int().positive(),
    operatorId: z.int().positive(),
    performedAtMs: z.int().nonnegative(),
    dueAtMs: z.int().nonnegative(),
    /** Per-cell (or per-channel) coefficients, e.g. `{ gainNPerCount: [...4], offsetCounts: [...4] }`. */
    coefficients: z.record(z.string(), z.union([z.number(), z.array(z.number())])),
    rawReadings: z.json(),
    verification: z.json(),
    passed: z.boolean(),
  })
  .refine((fields) => fields.dueAtMs > fields.performedAtMs, { message: 'must be after performedAtMs', path: ['dueAtMs'] });

export type CalibrationInput = z.input<typeof calibrationFields>;

export interface Calibration extends z.output<typeof calibrationFields> {
  readonly id: number;
}

interface CalibrationRow {
  id: number;
  device_id: number;
  operator_id: number;
  performed_at_ms: number;
  due_at_ms: number;
  coefficients_json: string;
  raw_readings_json: string;
  verification_json: string;
  passed: number;
}

export function addCalibration(storage: Storage, input: unknown): Result<Calibration, StorageError> {
  const parsed = parseInput(calibrationFields, input);
  if (!parsed.ok) return parsed;
  const fields = parsed.value;
  const missing = checkRefs(storage, [
    ['device', fields.deviceId],
    ['operator', fields.operatorId],
  ]);
  if (missing !== undefined) return err(missing);
  return inTransaction(storage, () => {
    const id = Number(
      storage.db
        .prepare(
          `INSERT INTO calibrations (device_id, operator_id, performed_at_ms, due_at_ms, coefficients_json, raw_readings_json, verification_json, passed)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          fields.deviceId,
          fields.operatorId,
          fields.performedAtMs,
          fields.dueAtMs,
          JSON.stringify(fields.coefficients),
          JSON.stringify(fields.rawReadings),
          JSON.stringify(fields.verification),
          fields.passed ? 1 : 0,
        ).lastInsertRowid,
    );
    appendAudit(storage, { operatorId: fields.operatorId, action: 'calibration-added', entity: 'calibration', entityId: id, detail: { deviceId: fields.deviceId, passed: fields.passed } });
    return getCalibration(storage, id);
  });
}

export function getCalibration(storage: Storage, id: number): Result<Calibration, StorageError> {
  const row = storage.db.prepare('SELECT * FROM calibrations WHERE id = ?').get(id) as CalibrationRow | undefined;
  return row === undefined ? err(notFound('calibration', id)) : ok(fromRow(row));
}

/** Every calibration of the device, newest first (its history, issue 8). */
export function calibrationsOfDevice(storage: Storage, deviceId: number): Calibration[] {
  const rows = storage.db.prepare('SELECT * FROM calibrations WHERE device_id = ? ORDER BY performed_at_ms DESC, id DESC').all(deviceId) as CalibrationRow[];
  return rows.map(fromRow);
}

/** The device's most recent calibration, or undefined if it was never calibrated. */
export function latestCalibration(storage: Storage, deviceId: number): Calibration | undefined {
  const row = storage.db.prepare('SELECT * FROM calibrations WHERE device_id = ? ORDER BY performed_at_ms DESC, id DESC LIMIT 1').get(deviceId) as
    | CalibrationRow
    | undefined;
  return row === undefined ? undefined : fromRow(row);
}

function fromRow(row: CalibrationRow): Calibration {
  return {
    id: row.id,
    deviceId: row.device_id,
    operatorId: row.operator_id,
    performedAtMs: row.performed_at_ms,
    dueAtMs: row.due_at_ms,
    coefficients: JSON.parse(row.coefficients_json) as Calibration['coefficients'],
    rawReadings: JSON.parse(row.raw_readings_json) as Calibration['rawReadings'],
    verification: JSON.parse(row.verification_json) as Calibration['verification'],
    passed: row.passed === 1,
  };
}
