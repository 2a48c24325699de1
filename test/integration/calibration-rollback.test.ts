/**
 * Rolling a device back to an earlier calibration through the contract (issue 8): the earlier
 * record's coefficients put back in force as a NEW, audited record, due when the earlier one was
 * (never later); the table's set reaches its controller (service mode, read back) before anything
 * is stored; a failed record, another device's, the one in force and an unknown id are refused
 * and store nothing. Calibrations are seeded as a technician's earlier records.
 */
import { describe, expect, it } from 'vitest';
import type { CalibrationRecordView, DeviceSnapshot, RollbackView } from '../../api/index.ts';
import type { DeviceRole } from '../../api/index.ts';
import { readCoefficientsInForce, storageCalibrationStore, type CoefficientFields } from '../../host/calibration/index.ts';
import { webSimulator } from '../../host/cli/web-sims.ts';
import { calibrationsOfDevice, getCalibration, listAudit, listDevices } from '../../host/storage/index.ts';
import { adminHarnessPerTest, HARNESS_ADMIN, until } from '../support/app-harness.ts';

const DAY_MS = 86_400_000;

const newHarness = adminHarnessPerTest();

async function clinicWith(role: DeviceRole) {
  const h = await newHarness({ simulator: webSimulator({ seed: 4, timeScale: 2 }) });
  await h.call('sim.connect', { role });
  const driver = () => (role === 'plate' ? h.app.devices.plate?.driver : h.app.devices.table?.driver);
  const identity = await until(`the ${role}`, () => driver()?.connected?.identity);
  const store = storageCalibrationStore(h.storage);
  const nowMs = Date.now();
  /** A technician's earlier record, `daysAgo` old, due `dueInDays` from now. */
  const seed = (daysAgo: number, dueInDays: number, coefficients: CoefficientFields, isPassed = true, serial = identity.serial): number => {
    const saved = store.saveCalibration({
      device: { kind: role, ...identity, serial },
      operator: HARNESS_ADMIN.username,
      procedure: role === 'plate' ? 'plate-multipoint-1' : 'table-zero-span-1',
      performedAtMs: nowMs - daysAgo * DAY_MS,
      dueAtMs: nowMs + dueInDays * DAY_MS,
      coefficients,
      rawReadings: { points: [] },
      verification: { points: [] },
      isPassed,
    });
    if (!saved.ok) throw new Error(saved.error);
    return saved.value.id;
  };
  const count = () => listDevices(h.storage).reduce((n, d) => n + calibrationsOfDevice(h.storage, d.id).length, 0);
  const inForce = async () => (await h.call<DeviceSnapshot[]>('devices.list')).find((d) => d.role === role)?.calibration;
  return { ...h, identity, seed, count, inForce, driver, nowMs };
}

const PLATE_A = { zeroCounts: [10, 20, 30, 40], nPerCount: [0.0002, 0.00021, 0.000199, 0.0002] };
const PLATE_B = { zeroCounts: [11, 19, 31, 39], nPerCount: [0.000201, 0.000209, 0.0002, 0.000199] };

describe('rolling back to an earlier calibration', () => {
  it('plate: the earlier coefficients in force as a new record due when the earlier was, audited; then listed in the history', async () => {
    const c = await clinicWith('plate');
    const a = c.seed(200, 165, PLATE_A);
    c.seed(10, 355, PLATE_B);
    const rolled = await c.call<RollbackView>('calibration.rollback', { role: 'plate', calibrationId: a });
    const stored = getCalibration(c.storage, rolled.storedId);
    if (!stored.ok) throw new Error('not stored');
    expect(stored.value).toMatchObject({ coefficients: PLATE_A, passed: true, dueAtMs: c.nowMs + 165 * DAY_MS });
    expect(rolled.dueAtMs).toBe(c.nowMs + 165 * DAY_MS);
    expect(stored.value.performedAtMs).toBeGreaterThanOrEqual(c.nowMs);
    expect(await c.inForce()).toMatchObject({ status: 'passed', calibrationId: rolled.storedId });
    expect(listAudit(c.storage, 5).find((e) => e.action === 'calibration-rolled-back')).toMatchObject({ entityId: rolled.storedId, detail: { rollbackOf: a, role: 'plate' } });
    const history = await c.call<CalibrationRecordView[]>('calibration.history', { role: 'plate' });
    expect(history[0]).toMatchObject({ id: rolled.storedId, procedure: `rollback-of-${a}` });
    // The record in force now is not rolled back to again.
    await expect(c.call('calibration.rollback', { role: 'plate', calibrationId: rolled.storedId })).rejects.toThrow(/refused: .*already the one in force/);
  });

  it('refuses a failed record, an overdue one, another device’s, the wrong role’s and an unknown id, storing nothing', async () => {
    const c = await clinicWith('plate');
    const failed = c.seed(30, 335, PLATE_A, false);
    const overdue = c.seed(400, -35, PLATE_A);
    const otherPlate = c.seed(20, 345, PLATE_A, true, 'PF600-OTHER');
    c.seed(5, 360, PLATE_B);
    const before = c.count();
    await expect(c.call('calibration.rollback', { role: 'plate', calibrationId: failed })).rejects.toThrow(/refused: Calibration #\d+ cannot be put back in force: it failed its verification/);
    await expect(c.call('calibration.rollback', { role: 'plate', calibrationId: overdue })).rejects.toThrow(/past its due date, and a rollback never extends validity/);
    await expect(c.call('calibration.rollback', { role: 'plate', calibrationId: otherPlate })).rejects.toThrow(/refused: Calibration #\d+ belongs to another device/);
    await expect(c.call('calibration.rollback', { role: 'plate', calibrationId: 9999 })).rejects.toThrow(/not-found: There is no calibration #9999/);
    await expect(c.call('calibration.rollback', { role: 'table', calibrationId: failed })).rejects.toThrow(/refused: The table is not connected/);
    expect(await c.dispatch('calibration.rollback', { role: 'plate', calibrationId: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(c.count()).toBe(before);
  });

  it('table: the earlier set reaches the controller (service mode, read back) before the record is stored; a set beyond the change bounds is refused', async () => {
    const c = await clinicWith('table');
    const driver = c.driver();
    if (driver === undefined || !('readCoefficients' in driver)) throw new Error('no table driver');
    const a = c.seed(100, 265, { offsetN: 1.5, span: 1.01 });
    const far = c.seed(90, 275, { offsetN: 0, span: 1.2 });
    c.seed(3, 362, { offsetN: 0, span: 1 });
    const rolled = await c.call<RollbackView>('calibration.rollback', { role: 'table', calibrationId: a });
    const onTable = await readCoefficientsInForce(driver);
    expect(onTable).toMatchObject({ ok: true, value: { offsetN: 1.5, span: 1.01 } });
    expect(await c.inForce()).toMatchObject({ status: 'passed', calibrationId: rolled.storedId });
    const before = c.count();
    await expect(c.call('calibration.rollback', { role: 'table', calibrationId: far })).rejects.toThrow(/device-error: The table did not take the coefficients of #\d+: span would change by .* Nothing was stored/);
    expect(c.count()).toBe(before);
    expect(await readCoefficientsInForce(driver)).toMatchObject({ ok: true, value: { offsetN: 1.5, span: 1.01 } });
  });
});
