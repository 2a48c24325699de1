/**
 * The calibration in force for a device, as every screen shows it (issue 8): the latest stored
 * calibration of that model and serial number, passed and in date, or why not.
 */
import type { CalibrationStatusView, DeviceIdentityView } from '../../api/index.ts';
import { storageCalibrationStore, type StoredCalibration } from '../calibration/index.ts';
import type { Storage } from '../storage/index.ts';

export function calibrationStatus(storage: Storage, identity: Pick<DeviceIdentityView, 'model' | 'serial'>, nowMs: number): CalibrationStatusView & { readonly latest: StoredCalibration | undefined } {
  const latest = storageCalibrationStore(storage).latestCalibration(identity);
  if (latest === undefined) return { status: 'none', calibrationId: null, performedAtMs: null, dueAtMs: null, latest };
  const status = !latest.isPassed ? 'failed' : latest.dueAtMs <= nowMs ? 'overdue' : 'passed';
  return { status, calibrationId: latest.id, performedAtMs: latest.performedAtMs, dueAtMs: latest.dueAtMs, latest };
}
