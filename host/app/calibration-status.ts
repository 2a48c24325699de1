/**
 * The calibration in force for a device, as every screen shows it (issue 8): the latest stored
 * calibration of that model and serial number, judged by core's calibrationStatus (ok, overdue,
 * failed, uncalibrated) and named as the contract names it.
 */
import type { CalibrationStatusView, DeviceIdentityView } from '../../api/index.ts';
import { assertNever, calibrationStatus } from '../../core/index.ts';
import { storageCalibrationStore, type StoredCalibration } from '../calibration/index.ts';
import type { Storage } from '../storage/index.ts';

function statusName(kind: ReturnType<typeof calibrationStatus>['kind']): CalibrationStatusView['status'] {
  switch (kind) {
    case 'ok':
      return 'passed';
    case 'overdue':
    case 'failed':
      return kind;
    case 'uncalibrated':
      return 'none';
    default:
      return assertNever(kind, 'calibration status');
  }
}

export function deviceCalibration(storage: Storage, identity: Pick<DeviceIdentityView, 'model' | 'serial'>, nowMs: number): CalibrationStatusView & { readonly latest: StoredCalibration | undefined } {
  const latest = storageCalibrationStore(storage).latestCalibration(identity);
  const status = statusName(calibrationStatus(latest === undefined ? undefined : { isPassed: latest.isPassed, calibratedAtMs: latest.performedAtMs, dueAtMs: latest.dueAtMs }, nowMs).kind);
  return { status, calibrationId: latest?.id ?? null, performedAtMs: latest?.performedAtMs ?? null, dueAtMs: latest?.dueAtMs ?? null, latest };
}
