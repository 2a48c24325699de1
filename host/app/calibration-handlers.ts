/**
 * Calibration from the app: the table procedure against typed-in gauge readings
 * (table-calibration-run.ts); the plate wizard (plate-calibration-wizard.ts); a device's history;
 * rolling back to an earlier calibration (calibration-rollback.ts).
 */
import { apiError, type ApiHandlers } from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import { procedureOf } from '../calibration/index.ts';
import { calibrationsOfDevice, listDevices, listOperators, type Storage } from '../storage/index.ts';
import { rollbackCalibration } from './calibration-rollback.ts';
import type { DeviceHub } from './device-hub.ts';
import type { OperatorSession } from './operator-session.ts';
import type { PlateCalibrationWizard } from './plate-calibration-wizard.ts';
import type { TableCalibrationRun } from './table-calibration-run.ts';

export function calibrationHandlers(
  storage: Storage,
  devices: DeviceHub,
  session: OperatorSession,
  nowEpochMs: () => number,
  wizard: PlateCalibrationWizard,
  tableRun: TableCalibrationRun,
): Pick<ApiHandlers, Extract<keyof ApiHandlers, `calibration.${string}`>> {
  return {
    'calibration.plateOpen': () => wizard.start(),
    'calibration.plateStatus': () => ok(wizard.status()),
    'calibration.plateTare': () => wizard.tare(),
    'calibration.plateTake': ({ pointId }) => wizard.take(pointId),
    'calibration.plateFinish': () => wizard.finish(),
    'calibration.plateCancel': () => wizard.cancel(),
    'calibration.rollback': async ({ role, calibrationId }) => {
      const operator = session.status().operator;
      if (operator === null) return apiError('not-signed-in', 'Please sign in first.');
      return rollbackCalibration(storage, devices, { role, calibrationId, operator, nowMs: Math.round(nowEpochMs()) });
    },
    'calibration.history': ({ role }) => {
      const identity = (role === 'plate' ? devices.plate : devices.table)?.driver.connected?.identity;
      if (identity === undefined) return apiError('refused', `The ${role} is not connected: its identity tells which device's history to show.`);
      const device = listDevices(storage).find((d) => d.model === identity.model && d.serial === identity.serial);
      const names = new Map(listOperators(storage).map((o) => [o.id, o.username]));
      const records = device === undefined ? [] : calibrationsOfDevice(storage, device.id);
      return ok(records.map((c) => ({ id: c.id, performedAtMs: c.performedAtMs, dueAtMs: c.dueAtMs, isPassed: c.passed, operator: names.get(c.operatorId) ?? `#${c.operatorId}`, procedure: procedureOf(c.rawReadings) })));
    },
    'calibration.table': ({ levelsN, gauge }) => tableRun.start(levelsN, gauge),
    'calibration.tableStatus': () => ok(tableRun.status()),
    'calibration.tableGaugeReading': ({ forceN }) => tableRun.submit(forceN),
    'calibration.tableCancel': () => tableRun.cancel(),
  };
}
