/**
 * The CalibrationStore on the clinic database (host/storage): the device row comes from the
 * handshake identity, the operator from the login name, and the record goes in through the
 * storage's own validated, audited `addCalibration` (one transaction). The procedure id travels
 * inside the raw readings, which the `calibrations` table keeps as JSON.
 */
import { err, ok } from '../../core/index.ts';
import { addCalibration, latestCalibration, listDevices, listOperators, upsertDevice, type Storage } from '../storage/index.ts';
import type { CalibrationStore, StoredCalibration } from './calibration-store.ts';

const MAY_APPLY: ReadonlySet<string> = new Set(['technician', 'admin']);

/** How `saveCalibration` keeps the raw readings: wrapped with the procedure that produced them. */
type StoredRawReadings = { readonly procedure?: unknown; readonly readings?: unknown } | null;

/** The procedure a stored calibration's raw readings name (`unknown` for a record without one). */
export function procedureOf(rawReadings: unknown): string {
  const procedure = (rawReadings as StoredRawReadings)?.procedure;
  return typeof procedure === 'string' ? procedure : 'unknown';
}

/** The readings as the procedure produced them, without the wrapper. */
export function readingsOf(rawReadings: unknown): unknown {
  return (rawReadings as StoredRawReadings)?.readings;
}

export function storageCalibrationStore(storage: Storage): CalibrationStore {
  const operatorNamed = (username: string) => listOperators(storage).find((o) => o.username === username && o.isActive);
  return {
    mayApply(username) {
      const operator = operatorNamed(username);
      if (operator === undefined) return err(`no active operator "${username}" in this database`);
      if (!MAY_APPLY.has(operator.role)) return err(`operator "${username}" is a ${operator.role}: only a technician or an admin applies a calibration`);
      return ok(undefined);
    },
    saveCalibration(record) {
      const operator = operatorNamed(record.operator);
      if (operator === undefined || !MAY_APPLY.has(operator.role)) return err(`operator "${record.operator}" may not apply a calibration`);
      const { kind, ...identity } = record.device;
      const deviceId = upsertDevice(storage, kind, identity);
      const added = addCalibration(storage, {
        deviceId,
        operatorId: operator.id,
        performedAtMs: record.performedAtMs,
        dueAtMs: record.dueAtMs,
        coefficients: record.coefficients,
        rawReadings: { procedure: record.procedure, readings: record.rawReadings },
        verification: record.verification,
        passed: record.isPassed,
      });
      return added.ok ? ok({ id: added.value.id }) : err(`the database refused the calibration: ${JSON.stringify(added.error)}`);
    },
    latestCalibration(device) {
      const row = listDevices(storage).find((d) => d.model === device.model && d.serial === device.serial);
      const latest = row === undefined ? undefined : latestCalibration(storage, row.id);
      if (row === undefined || latest === undefined) return undefined;
      const operator = listOperators(storage).find((o) => o.id === latest.operatorId);
      const stored: StoredCalibration = {
        id: latest.id,
        device: { kind: row.kind, model: row.model, serial: row.serial, firmware: row.firmware, protocolVersion: row.protocolVersion },
        operator: operator?.username ?? `#${latest.operatorId}`,
        procedure: procedureOf(latest.rawReadings),
        performedAtMs: latest.performedAtMs,
        dueAtMs: latest.dueAtMs,
        coefficients: latest.coefficients,
        rawReadings: readingsOf(latest.rawReadings),
        verification: latest.verification,
        isPassed: latest.passed,
      };
      return stored;
    },
  };
}
