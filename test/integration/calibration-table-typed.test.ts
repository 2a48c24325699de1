/**
 * The table load-cell calibration through the contract with the reference gauge typed in, the way
 * a technician does it at a real table: the app service with the built-in simulated table on a
 * compressed clock, a real clinic database, every call through the dispatcher with its access
 * checks. The test types what the simulated harness's gauge shows (it plays the technician
 * reading the gauge). Issue 8: zero and span against typed gauge readings, loading and unloading;
 * a reading that contradicts the load cell is refused and asked again; cancelling stores nothing;
 * only a technician or an admin; the due date from the clinic's calibration interval.
 */
import { describe, expect, it } from 'vitest';
import type { TableCalibrationRunView, TableCalibrationView } from '../../api/index.ts';
import { dueAtMs } from '../../core/index.ts';
import { webSimulator } from '../../host/cli/web-sims.ts';
import { calibrationsOfDevice, listAudit, listDevices, writeSettings } from '../../host/storage/index.ts';
import { adminHarnessPerTest, HARNESS_ADMIN, until, HARNESS_TECHNICIAN, HARNESS_THERAPIST, signInAs, type HarnessOperator } from '../support/app-harness.ts';

/** The table's 500 ms watchdog must still see the 100 ms host heartbeat: 3× leaves 200 ms spare. */
const TIME_SCALE = 3;
const LEVELS_N = [150, 600];

const newHarness = adminHarnessPerTest();

async function clinic(as: HarnessOperator) {
  const simulator = webSimulator({ seed: 4, timeScale: TIME_SCALE });
  const h = await newHarness({ simulator });
  await signInAs(h, as);
  await h.call('sim.connect', { role: 'table' });
  await until('the table', () => h.app.devices.table?.driver.connected);
  const stored = () => listDevices(h.storage).flatMap((d) => calibrationsOfDevice(h.storage, d.id));
  /** The gauge reading asked for now, once a new one is asked (a different prompt from `after`). */
  const nextPrompt = (after: TableCalibrationRunView['prompt']) =>
    until('a gauge reading asked for', () => {
      const prompt = h.events('calibration.tableChanged').at(-1)?.prompt;
      return prompt === null || prompt === undefined || prompt === after ? undefined : prompt;
    }, 60_000);
  return { ...h, simulator, stored, nextPrompt };
}

/** Settles a call in the background, keeping its response for later. */
function background<T>(promise: Promise<T>): { readonly done: () => boolean; readonly result: Promise<T> } {
  let isDone = false;
  const result = promise.finally(() => (isDone = true));
  result.catch(() => undefined);
  return { done: () => isDone, result };
}

describe('table calibration with the gauge typed in', () => {
  it('every reading typed from the gauge: passes within 0.5 %, stored with the clinic’s interval; a wrong unit is refused and asked again', async () => {
    const c = await clinic(HARNESS_TECHNICIAN);
    expect(writeSettings(c.storage, { calibrationIntervalMonths: 6 }, undefined).ok).toBe(true);
    await expect(c.call('calibration.tableGaugeReading', { forceN: 100 })).rejects.toThrow(/refused: No gauge reading is asked for now/);
    const run = background(c.call<TableCalibrationView>('calibration.table', { levelsN: LEVELS_N, gauge: 'typed' }));
    const asked: string[] = [];
    const progress: TableCalibrationRunView['progress'][] = [];
    let prompt: TableCalibrationRunView['prompt'] = null;
    let isWrongTyped = false;
    while (!run.done()) {
      prompt = await Promise.race([c.nextPrompt(prompt), run.result.then(() => null)]);
      if (prompt === null) break;
      asked.push(prompt.text);
      progress.push(c.events('calibration.tableChanged').at(-1)?.progress ?? null);
      const gaugeN = Math.round(c.simulator.tableGaugeN() * 10) / 10;
      if (prompt.levelN === 600 && !isWrongTyped) {
        // Pounds-force typed where newtons are asked: the load cell says otherwise.
        isWrongTyped = true;
        await expect(c.call('calibration.tableGaugeReading', { forceN: Math.round(gaugeN / 4.448) })).rejects.toThrow(/invalid-request: \d+ N not taken: gauge [\d.-]+ N contradicts the load cell's [\d.]+ N by more than [\d.]+ N: check the unit and the digits/);
        expect(c.events('calibration.tableChanged').at(-1)).toMatchObject({ prompt: { levelN: 600 }, lastError: expect.stringMatching(/not taken/) as unknown });
      }
      const view = await c.call<TableCalibrationRunView>('calibration.tableGaugeReading', { forceN: gaugeN });
      expect(view.lastError).toBeNull();
    }
    const result = await run.result;
    expect(isWrongTyped).toBe(true);
    expect(asked.slice(0, 4)).toEqual([
      'Before the levels: the table is at rest and its load cell was just zeroed; type the reference gauge’s reading in N.',
      'Level 1 of 3, loading: the table holds about 150 N; type the reference gauge’s reading in N.',
      'Level 2 of 3, loading: the table holds about 600 N; type the reference gauge’s reading in N.',
      'Level 3 of 3, unloading: the table holds about 150 N; type the reference gauge’s reading in N.',
    ]);
    expect(asked.at(-1)).toMatch(/^Verification level 1 of 1, loading: the table holds about 600 N/);
    // Progress: at rest, 3 levels, at rest again, 1 verification level; each prompt one step further.
    expect(progress.map((p) => p?.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(progress.map((p) => p?.steps))).toEqual(new Set([6]));
    expect(progress.map((p) => p?.stage)).toEqual([
      'at rest, load cell just zeroed',
      'level 1 of 3, loading, about 150 N',
      'level 2 of 3, loading, about 600 N',
      'level 3 of 3, unloading, about 150 N',
      'at rest, load cell just zeroed, before verifying',
      'verification level 1 of 1, loading, about 600 N',
    ]);
    expect(result.isPassed).toBe(true);
    expect(result.accuracyMaxPct).toBeLessThanOrEqual(0.5);
    const [record, ...others] = c.stored();
    expect(others).toEqual([]);
    expect(record).toMatchObject({ id: result.storedId, passed: true });
    expect(record?.dueAtMs).toBe(dueAtMs(record?.performedAtMs ?? Number.NaN, 6));
    expect(result.dueAtMs).toBe(record?.dueAtMs);
    expect(c.events('calibration.tableChanged').at(-1)).toBeNull();
    expect(c.events('calibration.tableChanged').some((v) => v !== null && v.liveN !== null && v.liveN > 500)).toBe(true);
    const actions = listAudit(c.storage, 1000).map((a) => a.action);
    expect(actions).toContain('table-calibration-reading-refused');
    expect(actions.filter((a) => a === 'table-calibration-reading-taken')).toHaveLength(asked.length);
  }, 120_000);

  it('cancelled while a reading is awaited: no session may begin meanwhile; the table disarms, nothing is stored', async () => {
    const c = await clinic(HARNESS_TECHNICIAN);
    const run = background(c.call('calibration.table', { levelsN: LEVELS_N, gauge: 'typed' }));
    // The first reading is asked at rest with the table zeroed and armed.
    expect(await c.nextPrompt(null)).toMatchObject({ direction: 'rest', sweep: 'fit', step: 0, steps: 3 });
    // Meanwhile no decompression session may begin on the table (an admin tries).
    await c.call('auth.signIn', { username: HARNESS_ADMIN.username, password: HARNESS_ADMIN.password });
    const patient = await c.call<{ id: number }>('patients.create', { clinicId: 'T-1', familyName: 'Table', givenName: 'Tom', dateOfBirth: '1970-01-01', heightMm: 1700, bodyMassKg: 80, notes: '' });
    const prescription = { patientId: patient.id, region: 'lumbar', kind: 'static', maxN: null, minN: null, holdMs: 10_000, restMs: 5_000, rampUpMs: 0, rampDownMs: 0, steps: 1, shape: 'linear', rampRateNps: null, treatmentMs: 60_000, angleDeg: 10, confirmedN: null };
    await expect(c.call('decompression.begin', prescription)).rejects.toThrow(/refused: No session can begin on the table now: its load cell is being calibrated\./);
    await c.call('calibration.tableCancel');
    await expect(run.result).rejects.toThrow(/refused: The calibration stopped: cancelled by the technician\. Nothing was stored\./);
    expect(c.stored()).toEqual([]);
    expect(c.events('calibration.tableChanged').at(-1)).toBeNull();
    await expect(c.call('calibration.tableCancel')).rejects.toThrow(/not-found: No table calibration is running/);
    expect(listAudit(c.storage, 1000).map((a) => a.action)).toContain('table-calibration-cancelled');
  }, 60_000);

  it.each([
    ['unplugged', { role: 'table', unplugged: true }, 'sim.setUnplugged', /device-error: The calibration stopped: the table disconnected while waiting for the gauge reading\. Nothing was stored\./],
    ['e-stop pressed', { engaged: true }, 'sim.setEstop', /device-error: The calibration stopped: the table stopped holding its level \((RELG|RELD)\) while waiting for the gauge reading\. Nothing was stored\./],
  ])('the table %s while a reading is awaited: stopped with why, nothing stored', async (_, params, method, message) => {
    const c = await clinic(HARNESS_TECHNICIAN);
    const run = background(c.call('calibration.table', { levelsN: LEVELS_N, gauge: 'typed' }));
    await c.nextPrompt(null);
    await c.call(method, params);
    await expect(run.result).rejects.toThrow(message);
    expect(c.stored()).toEqual([]);
    expect(c.events('calibration.tableChanged').at(-1)).toBeNull();
  }, 60_000);

  it('a therapist may neither calibrate nor type a reading nor cancel', async () => {
    const c = await clinic(HARNESS_THERAPIST);
    await expect(c.call('calibration.table', { levelsN: LEVELS_N, gauge: 'typed' })).rejects.toThrow(/^calibration\.table: forbidden/);
    await expect(c.call('calibration.tableGaugeReading', { forceN: 100 })).rejects.toThrow(/^calibration\.tableGaugeReading: forbidden/);
    await expect(c.call('calibration.tableCancel')).rejects.toThrow(/^calibration\.tableCancel: forbidden/);
    expect(c.stored()).toEqual([]);
  });
});
