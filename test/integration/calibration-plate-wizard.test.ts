/**
 * The plate calibration wizard through the contract, the way its screen drives it: the app service
 * with the built-in simulated plate (seeded cell errors) on a compressed clock, a real clinic
 * database, every call through the dispatcher with its access checks; the simulator places the
 * masses as the wizard's "Place it (simulator)" button does. Issue 8: a guided procedure with live
 * readings that waits for the load to settle, lets the technician retake a point, refuses bad
 * steps with a clear message and stores nothing for them; not during a balance protocol; only a
 * technician or an admin.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PlateCalibrationResultView, PlateWizardView } from '../../api/index.ts';
import { DEFAULT_PLATE_PLAN, dueAtMs, type PlatePoint } from '../../core/index.ts';
import { webSimulator } from '../../host/cli/web-sims.ts';
import { calibrationsOfDevice, listAudit, listDevices, writeSettings } from '../../host/storage/index.ts';
import { adminHarnessPerTest, until, HARNESS_TECHNICIAN, HARNESS_THERAPIST, signInAs, type HarnessOperator } from '../support/app-harness.ts';

/** Device time runs this much faster: a point settles in ~0.7 s instead of ~4 s, and the plate's 2 s heartbeat limit stays 333 ms of real time, which a loaded machine does not miss. */
const TIME_SCALE = 6;

const newHarness = adminHarnessPerTest();

/** The admin, then `as` created and signed in if given; the simulated plate connected. */
async function clinic(as?: HarnessOperator) {
  const h = await newHarness({ simulator: webSimulator({ seed: 3, timeScale: TIME_SCALE }) });
  if (as !== undefined) await signInAs(h, as);
  await h.call('sim.connect', { role: 'plate' });
  await until('the plate', () => h.app.devices.plate?.driver.connected);
  const place = (p: PlatePoint) => h.call('sim.placeMass', { massKg: p.massKg, xMm: p.xMm, yMm: p.yMm });
  const stored = () => listDevices(h.storage).flatMap((d) => calibrationsOfDevice(h.storage, d.id));
  return { ...h, place, stored };
}

describe('the plate calibration wizard through the contract', () => {
  it('zero, every point with a retake, finish: passes, is stored under the technician, with live readings on the way', async () => {
    const c = await clinic(HARNESS_TECHNICIAN);
    const opened = await c.call<PlateWizardView>('calibration.plateOpen');
    expect(opened).toMatchObject({ step: 'zero', isSimulated: true, operator: HARNESS_TECHNICIAN.username, currentPointId: null, lastError: null });
    expect(opened.points.map((p) => p.id)).toEqual(DEFAULT_PLATE_PLAN.map((p) => p.id));
    expect(opened.criterion.text).toMatch(/Settled when, over the last 2 s, the force varies by at most 1\.5 N/);
    await expect(c.call('calibration.plateOpen')).rejects.toThrow(/refused: A plate calibration is already open \(tech\)/);

    await c.call('sim.clearPlate');
    expect(await c.call<PlateWizardView>('calibration.plateTare')).toMatchObject({ step: 'points', lastError: null });
    for (const point of DEFAULT_PLATE_PLAN) {
      await c.place(point);
      const view = await c.call<PlateWizardView>('calibration.plateTake', { pointId: point.id });
      // At nominal sensitivity: within the simulator's ±5 % gain errors of the weight.
      const weightN = point.massKg * 9.80665;
      expect(Math.abs((view.points.find((p) => p.id === point.id)?.takenForceN ?? 0) - weightN)).toBeLessThan(0.06 * weightN);
    }
    // Retake: the mass set down again, the point taken again (its reading replaced).
    const retaken = DEFAULT_PLATE_PLAN[1] as PlatePoint;
    await c.place(retaken);
    const again = await c.call<PlateWizardView>('calibration.plateTake', { pointId: retaken.id });
    expect(again.points.filter((p) => p.takenForceN !== null)).toHaveLength(DEFAULT_PLATE_PLAN.length);

    const live = c.events('calibration.changed').flatMap((v) => (v?.live === null || v?.live === undefined ? [] : [v.live]));
    expect(live.some((l) => l.isStable)).toBe(true);
    expect(live.some((l) => !l.isStable)).toBe(true);
    expect(live.find((l) => l.copXMm !== null)).toBeDefined();

    await c.call('sim.clearPlate');
    // The due date follows the clinic's calibration interval.
    expect(writeSettings(c.storage, { calibrationIntervalMonths: 9 }, undefined).ok).toBe(true);
    const result = await c.call<PlateCalibrationResultView>('calibration.plateFinish');
    expect(result.isPassed).toBe(true);
    expect(result.verification).toHaveLength(DEFAULT_PLATE_PLAN.filter((p) => p.role === 'verify').length);
    for (const v of result.verification) {
      expect(v.copErrorMm).toBeLessThanOrEqual(v.copToleranceMm);
      expect(Math.abs(v.forceErrorPct)).toBeLessThanOrEqual(v.forceTolerancePct);
    }
    expect(result.copErrorBeforeMaxMm).toBeGreaterThan(result.copErrorMaxMm);
    expect(result.residuals).toHaveLength(DEFAULT_PLATE_PLAN.filter((p) => p.role === 'fit').length);
    expect(result.linearity.isPassed).toBe(true);
    expect(await c.call('calibration.plateStatus')).toBeNull();
    expect(c.events('calibration.changed').at(-1)).toBeNull();

    const stored = c.stored();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: result.storedId, passed: true, dueAtMs: result.dueAtMs });
    expect(result.dueAtMs).toBe(dueAtMs(stored[0]?.performedAtMs ?? Number.NaN, 9));
    const actions = listAudit(c.storage, 100).map((a) => a.action);
    expect(actions.filter((a) => a === 'plate-calibration-point-taken')).toHaveLength(DEFAULT_PLATE_PLAN.length);
    expect(actions).toEqual(expect.arrayContaining(['plate-calibration-opened', 'plate-calibration-zeroed', 'plate-calibration-point-retaken', 'calibration-added']));
    await until('the plate shown as calibrated', () => (c.app.devices.list()[0]?.calibration?.status === 'passed' ? true : undefined));
  }, 60_000);

  it('refuses bad steps with a clear message, shares the plate with no protocol, and a plate unplugged mid-step stores nothing', async () => {
    const c = await clinic();
    await expect(c.call('calibration.plateTare')).rejects.toThrow(/refused: No plate calibration is open/);
    // Not while a patient's balance protocol runs on the plate.
    const patient = await c.call<{ id: number }>('patients.create', { clinicId: 'C-1', familyName: 'Cal', givenName: 'Cara', dateOfBirth: '1960-01-01', heightMm: 1650, bodyMassKg: 60, notes: '' });
    await c.call('balance.start', { patientId: patient.id, protocolId: 'romberg' });
    await expect(c.call('calibration.plateOpen')).rejects.toThrow(/refused: The plate cannot be calibrated now: Romberg.* is running on it/);
    await c.call('balance.stop');
    await c.call('calibration.plateOpen');
    // …and no protocol starts while the wizard is open.
    await expect(c.call('balance.start', { patientId: patient.id, protocolId: 'romberg' })).rejects.toThrow(/refused: No protocol can start on the plate now: its calibration wizard is open/);
    await expect(c.call('calibration.plateTake', { pointId: 'centre-40' })).rejects.toThrow(/refused: Zero the empty plate before taking points/);
    await expect(c.call('calibration.plateTake', { pointId: 'middle-3' })).rejects.toThrow(/invalid-request: There is no point "middle-3" in the plan/);
    await expect(c.call('calibration.plateTake', { pointId: '' })).rejects.toThrow(/invalid-request: .*pointId/);
    await expect(c.call('calibration.plateFinish')).rejects.toThrow(/refused: The calibration cannot be finished yet: the empty plate was never zeroed/);
    await c.call('sim.clearPlate');
    await c.call('calibration.plateTare');
    await c.place(DEFAULT_PLATE_PLAN[0] as PlatePoint);
    await c.call('calibration.plateTake', { pointId: 'centre-40' });
    await expect(c.call('calibration.plateFinish')).rejects.toThrow(/points not taken: front-right-40/);

    await c.place(DEFAULT_PLATE_PLAN[1] as PlatePoint);
    const taking = c.dispatch('calibration.plateTake', { pointId: 'front-right-40' });
    await until('the step under way', () => (c.events('calibration.changed').at(-1)?.step === 'taking' ? true : undefined));
    await expect(c.call('calibration.plateTare')).rejects.toThrow(/refused: Wait for the step under way \(point front-right-40\)/);
    await c.call('sim.setUnplugged', { role: 'plate', unplugged: true });
    expect(await taking).toMatchObject({ ok: false, error: { code: 'device-error', message: expect.stringMatching(/disconnect|no samples/) as unknown } });
    const status = await c.call<PlateWizardView>('calibration.plateStatus');
    expect(status.step).toBe('points');
    expect(status.points.filter((p) => p.takenForceN !== null).map((p) => p.id)).toEqual(['centre-40']);
    await expect(c.call('calibration.plateTake', { pointId: 'front-right-40' })).rejects.toThrow(/device-error: The plate is not connected right now/);
    await c.call('calibration.plateCancel');
    expect(await c.call('calibration.plateStatus')).toBeNull();
    expect(c.stored()).toEqual([]);
    expect(listAudit(c.storage, 50).map((a) => a.action)).toEqual(expect.arrayContaining(['plate-calibration-step-failed', 'plate-calibration-cancelled']));
  }, 60_000);

  it('is for technicians and admins only: a therapist is refused every step', async () => {
    const c = await clinic(HARNESS_THERAPIST);
    for (const method of ['calibration.plateOpen', 'calibration.plateStatus', 'calibration.plateTare', 'calibration.plateFinish', 'calibration.plateCancel']) {
      expect(await c.dispatch(method, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await c.dispatch('calibration.plateTake', { pointId: 'centre-40' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(c.stored()).toEqual([]);
  });

  it('offers the same plan as the CLI’s example file', () => {
    const file = fileURLToPath(new URL('../../docs/calibration-plate-points.json', import.meta.url));
    expect((JSON.parse(readFileSync(file, 'utf8')) as { points: unknown }).points).toEqual(DEFAULT_PLATE_PLAN);
  });
});
