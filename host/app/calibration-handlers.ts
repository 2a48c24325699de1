/**
 * Calibration from the app: the table procedure of host/calibration against the assigned table,
 * stored under the signed-in operator with the same record and checks as the CLI (only the
 * simulated table here: its gauge is the simulator's; a real one needs typed-in gauge readings);
 * the plate wizard (plate-calibration-wizard.ts); a device's history; rolling back to an earlier
 * calibration (calibration-rollback.ts).
 */
import { apiError, type ApiHandlers } from '../../api/index.ts';
import { DEFAULT_CALIBRATION_INTERVAL_MONTHS, ok } from '../../core/index.ts';
import { compressedTimers } from '../balance/compressed-timers.ts';
import { procedureOf, runTableProcedure, storageCalibrationStore, tableCalibrationRecord } from '../calibration/index.ts';
import { calibrationsOfDevice, listDevices, listOperators, type Storage } from '../storage/index.ts';
import { rollbackCalibration } from './calibration-rollback.ts';
import type { DeviceHub } from './device-hub.ts';
import type { OperatorSession } from './operator-session.ts';
import type { PlateCalibrationWizard } from './plate-calibration-wizard.ts';
import type { SimulatorBackend } from './simulator-backend.ts';

export function calibrationHandlers(
  storage: Storage,
  devices: DeviceHub,
  session: OperatorSession,
  simulator: SimulatorBackend | undefined,
  nowEpochMs: () => number,
  wizard: PlateCalibrationWizard,
): Pick<ApiHandlers, Extract<keyof ApiHandlers, `calibration.${string}`>> {
  let isRunning = false;
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
    'calibration.table': async ({ levelsN }) => {
      const table = devices.table;
      const identity = table?.driver.connected?.identity;
      if (table === undefined || identity === undefined) return apiError('refused', 'The table is not connected; connect it first.');
      if (!table.simulated || simulator === undefined) {
        return apiError('refused', 'A real table is calibrated against readings typed in from the reference gauge: use `proprio calibrate table` until the wizard screen comes.');
      }
      const operator = session.status().operator;
      if (operator === null) return apiError('not-signed-in', 'Please sign in first.');
      if (isRunning) return apiError('refused', 'A calibration is already running.');
      isRunning = true;
      try {
        const outcome = await runTableProcedure({
          driver: table.driver,
          gauge: { read: () => Promise.resolve(ok(simulator.tableGaugeN())) },
          levelsN,
          timers: compressedTimers(devices.timeScale),
        });
        if (!outcome.ok) return apiError('device-error', `The calibration stopped: ${outcome.error.message}. Nothing was stored.`);
        const record = tableCalibrationRecord(outcome.value, identity, operator.username, Math.round(nowEpochMs()), DEFAULT_CALIBRATION_INTERVAL_MONTHS);
        const stored = storageCalibrationStore(storage).saveCalibration(record);
        if (!stored.ok) return apiError('storage-error', `The result could not be stored: ${stored.error}`);
        const verifiedPct = outcome.value.verification.map((v) => Math.abs(v.errorPct));
        const accuracyMaxPct = verifiedPct.length > 0 ? Math.max(...verifiedPct) : outcome.value.accuracyMaxPct;
        return ok({ isPassed: outcome.value.isPassed, storedId: stored.value.id, dueAtMs: record.dueAtMs, accuracyMaxPct, failures: outcome.value.failures });
      } finally {
        isRunning = false;
      }
    },
  };
}
