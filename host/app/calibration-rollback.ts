/**
 * Rolling a device back to an earlier calibration (issue 8), audited. The calibration in force is
 * a device's latest record (calibration-status.ts), so a rollback stores a NEW record: the earlier
 * one's coefficients, readings and verification, performed now by the signed-in operator, under
 * the procedure `rollback-of-<id>`, and due when the earlier one was due, so a rollback never
 * extends validity. Only a passed calibration of the connected device, earlier than the one in
 * force and not yet due, qualifies.
 *
 * The plate's coefficients are applied by the host at measurement time, so storing is enough. The
 * table's live in its controller: they go there first as a calibration's do (service mode, within
 * the change bounds, CRC-checked and read back, table-apply.ts), and only then is the record stored.
 */
import { apiError, type ApiResponse, type DeviceRole, type RollbackView } from '../../api/index.ts';
import { checkCoefficientChange, ok, type TableCoefficients } from '../../core/index.ts';
import { applyCoefficients, procedureOf, readCoefficientsInForce, readingsOf, storageCalibrationStore, type CalibrationRecord } from '../calibration/index.ts';
import { appendAudit, getCalibration, latestCalibration, listDevices, type Calibration, type Storage } from '../storage/index.ts';
import type { DeviceHub } from './device-hub.ts';
import type { TableSlot } from './device-slot.ts';

export interface RollbackRequest {
  readonly role: DeviceRole;
  readonly calibrationId: number;
  /** Login name and id of the signed-in operator. */
  readonly operator: { readonly username: string; readonly id: number };
  readonly nowMs: number;
}

export async function rollbackCalibration(storage: Storage, devices: DeviceHub, request: RollbackRequest): Promise<ApiResponse<RollbackView>> {
  const { role, calibrationId } = request;
  const slot = role === 'plate' ? devices.plate : devices.table;
  const identity = slot?.driver.connected?.identity;
  if (slot === undefined || identity === undefined) return apiError('refused', `The ${role} is not connected: connect the device whose calibration you roll back.`);
  const earlier = getCalibration(storage, calibrationId);
  if (!earlier.ok) return apiError('not-found', `There is no calibration #${calibrationId}.`);
  const device = listDevices(storage).find((d) => d.kind === role && d.model === identity.model && d.serial === identity.serial);
  if (device === undefined || earlier.value.deviceId !== device.id) {
    return apiError('refused', `Calibration #${calibrationId} belongs to another device, not the connected ${role} ${identity.model} ${identity.serial}.`);
  }
  const refusal = whyNot(earlier.value, latestCalibration(storage, device.id), request.nowMs);
  if (refusal !== undefined) return apiError('refused', `Calibration #${calibrationId} cannot be put back in force: ${refusal}.`);
  if (role === 'table') {
    const applied = await applyToTable((slot as TableSlot).driver, earlier.value.coefficients);
    if (applied !== undefined) return apiError('device-error', `The table did not take the coefficients of #${calibrationId}: ${applied}. Nothing was stored.`);
  }
  const record: CalibrationRecord = {
    device: { kind: role, ...identity },
    operator: request.operator.username,
    procedure: `rollback-of-${calibrationId}`,
    performedAtMs: request.nowMs,
    dueAtMs: earlier.value.dueAtMs,
    coefficients: earlier.value.coefficients,
    rawReadings: { rollbackOf: calibrationId, procedure: procedureOf(earlier.value.rawReadings), readings: readingsOf(earlier.value.rawReadings) },
    verification: earlier.value.verification,
    isPassed: true,
  };
  const stored = storageCalibrationStore(storage).saveCalibration(record);
  if (!stored.ok) return apiError('storage-error', `The rollback could not be stored: ${stored.error}.`);
  appendAudit(storage, {
    operatorId: request.operator.id,
    action: 'calibration-rolled-back',
    entity: 'calibration',
    entityId: stored.value.id,
    detail: { role, model: identity.model, serial: identity.serial, rollbackOf: calibrationId },
  });
  return ok({ storedId: stored.value.id, dueAtMs: record.dueAtMs });
}

function whyNot(earlier: Calibration, inForce: Calibration | undefined, nowMs: number): string | undefined {
  if (!earlier.passed) return 'it failed its verification';
  if (inForce?.id === earlier.id) return 'it is already the one in force';
  if (earlier.dueAtMs <= nowMs) return 'it is past its due date, and a rollback never extends validity';
  return undefined;
}

/** Undefined once the table has the set in force; else why not. */
async function applyToTable(driver: TableSlot['driver'], stored: Calibration['coefficients']): Promise<string | undefined> {
  const { offsetN, span } = stored;
  if (typeof offsetN !== 'number' || typeof span !== 'number') return 'the record holds no table coefficients';
  const next: TableCoefficients = { offsetN, span };
  const inForce = await readCoefficientsInForce(driver);
  if (!inForce.ok) return inForce.error.message;
  const change = checkCoefficientChange(inForce.value, next);
  if (!change.ok) return change.error;
  const applied = await applyCoefficients(driver, next);
  return applied.ok ? undefined : applied.error.message;
}
