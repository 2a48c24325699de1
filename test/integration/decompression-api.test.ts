/**
 * The decompression console through the contract, the way the screen drives it: the app service
 * with the built-in simulated table on a compressed clock, a real clinic database, every call
 * through the dispatcher with its access checks. A prescription is previewed against the envelope
 * (and refused with its field named), a session runs its prechecks (the patient presses and
 * releases the switch in the simulator), runs, and the patient's switch releases it: alarm, event
 * and session record.
 */
import { describe, expect, it } from 'vitest';
import type { DecompressionView, DeviceSnapshot, PlanView, PrescriptionInput, ScreeningInput, ScreeningStatus } from '../../api/index.ts';
import { contraindicationsFor } from '../../core/index.ts';
import { storageCalibrationStore } from '../../host/calibration/index.ts';
import { webSimulator } from '../../host/cli/web-sims.ts';
import { auditOf, getPatient, getSession, listEvents } from '../../host/storage/index.ts';
import { adminHarnessPerTest, HARNESS_ADMIN, until } from '../support/app-harness.ts';
import { sleep } from '../support/wait.ts';

/** Device and program time run this much faster; the table's 500 ms watchdog is then 250 ms of real time, which a loaded machine does not miss. */
const TIME_SCALE = 2;

const newHarness = adminHarnessPerTest();

/** Every item of the region's contraindication checklist answered "no". */
const clearChecklist = (region: 'lumbar' | 'cervical'): Record<string, 'no'> => Object.fromEntries(contraindicationsFor(region).map((item) => [item.id, 'no' as const]));

async function clinic(clockOffsetMs = { value: 0 }) {
  const h = await newHarness({ simulator: webSimulator({ seed: 2, timeScale: TIME_SCALE }), nowEpochMs: () => Date.now() + clockOffsetMs.value });
  const patient = await h.call<{ id: number }>('patients.create', { clinicId: 'D-1', familyName: 'Disc', givenName: 'Dora', dateOfBirth: '1970-01-01', heightMm: 1700, bodyMassKg: 80, notes: '' });
  const prescription: PrescriptionInput = {
    patientId: patient.id,
    region: 'lumbar',
    kind: 'intermittent',
    maxN: null,
    minN: null,
    holdMs: 10_000,
    restMs: 5_000,
    rampUpMs: 0,
    rampDownMs: 0,
    steps: 1,
    shape: 'linear',
    rampRateNps: null,
    treatmentMs: 60_000,
    angleDeg: 10,
    confirmedN: null,
  };
  const screening: ScreeningInput = { patientId: patient.id, region: 'lumbar', checklist: clearChecklist('lumbar'), isUnchanged: false, bodyMassKg: 80 };
  return { ...h, last: () => h.events('decompression.changed').at(-1), prescription, screening };
}

describe('the decompression console through the contract', () => {
  it('previews the envelope and timeline, and refuses a hold above the envelope naming the field', async () => {
    const c = await clinic();
    const plan = await c.call<PlanView>('decompression.preview', c.prescription);
    expect(plan.envelope.isFirstCapped).toBe(true);
    expect(plan.maxN).toBe(plan.envelope.startTensionN);
    expect(plan.segments[0]).toMatchObject({ startMs: 0, fromN: 0, phase: 'ramp-up' });
    expect(plan.segments.at(-1)?.phase).toBe('final-release');
    expect(Math.max(...plan.segments.map((s) => s.toN))).toBeLessThanOrEqual(plan.envelope.maxTensionN);
    const refused = await c.dispatch('decompression.preview', { ...c.prescription, maxN: plan.envelope.maxTensionN + 50 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', fields: [{ path: 'maxN' }] } });
    await c.call('decompression.confirmScreening', c.screening);
    await expect(c.call('decompression.begin', c.prescription)).rejects.toThrow(/refused: The table is not connected/);
  });

  it('prechecks with the patient switch, runs, and the patient switch releases it: high alarm, events, session aborted', async () => {
    const c = await clinic();
    await c.call('devices.connect', { role: 'table', port: 'sim:table' });
    await until('the table', () => (c.app.devices.table?.driver.connected === undefined ? undefined : true));
    // Issue 8: no program on a table whose load cell was never calibrated, or whose calibration is
    // overdue. (The procedure itself runs through calibration.table in the decompression E2E spec.)
    await c.call('decompression.confirmScreening', c.screening);
    await expect(c.call('decompression.begin', c.prescription)).rejects.toThrow(/refused: This table’s load cell has never been calibrated/);
    const identity = c.app.devices.table?.driver.connected?.identity;
    if (identity === undefined) throw new Error('no table identity');
    const nowMs = Date.now();
    const store = storageCalibrationStore(c.storage);
    const record = (performedAtMs: number, dueAtMs: number) => ({
      device: { kind: 'table' as const, ...identity },
      operator: HARNESS_ADMIN.username,
      procedure: 'table-zero-span-1',
      performedAtMs,
      dueAtMs,
      coefficients: { offsetN: 0, span: 1 },
      rawReadings: { points: [] },
      verification: { failures: [] },
      isPassed: true,
    });
    expect(store.saveCalibration(record(nowMs - 400 * 86_400_000, nowMs - 35 * 86_400_000)).ok).toBe(true);
    await expect(c.call('decompression.begin', c.prescription)).rejects.toThrow(/refused: This table’s load cell calibration is overdue/);
    const inDate = store.saveCalibration(record(nowMs - 86_400_000, nowMs + 330 * 86_400_000));
    const listed = await c.call<DeviceSnapshot[]>('devices.list');
    expect(listed.find((d) => d.role === 'table')?.calibration).toMatchObject({ status: 'passed', calibrationId: inDate.ok ? inDate.value.id : -1 });
    const begun = await c.call<DecompressionView>('decompression.begin', c.prescription);
    expect(begun.isSimulated).toBe(true);
    // The table's calibration pulls it to reference loads: refused while a session is on it.
    await expect(c.call('calibration.table', { levelsN: [150, 600] })).rejects.toThrow(/refused: The table cannot be calibrated now: a decompression session is under way on it\./);
    await until('the switch test', () => (c.last()?.detail?.startsWith('prechecking: switch-test') === true ? true : undefined));
    await c.call('sim.setPatientSwitch', { position: 'pressed' });
    await sleep(100);
    await c.call('sim.setPatientSwitch', { position: 'ready' });
    await until('ready', () => (c.last()?.phase === 'ready' ? true : undefined));
    // Locked, only the safety controls work: start is refused, which leaves the session ready.
    await c.call('auth.lock');
    expect(await c.dispatch('decompression.operator', { input: 'start' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await c.call('auth.unlock', { password: HARNESS_ADMIN.password });
    await c.call('decompression.operator', { input: 'start' });
    await until('tension', () => ((c.last()?.measuredN ?? 0) > 100 ? true : undefined));
    await c.call('sim.setPatientSwitch', { position: 'pressed' });
    const released = await until('the release', () => (c.last()?.phase === 'released' ? c.last() : undefined));
    expect(released?.detail).toBe('released (patient-stop)');
    expect(released?.alarms).toContainEqual(expect.objectContaining({ condition: 'patient-stop', priority: 'high' }));
    await c.call('sim.setPatientSwitch', { position: 'ready' });
    // Released and latched: nothing but a re-arm brings tension back; the therapist ends the session instead.
    expect(await c.dispatch('decompression.operator', { input: 'start' })).toMatchObject({ ok: true });
    await sleep(200);
    expect(c.last()?.phase).toBe('released');
    const ended = await c.call<DecompressionView>('decompression.end');
    expect(ended).toMatchObject({ isOver: true, phase: 'released' });
    const session = getSession(c.storage, begun.sessionId);
    expect(session).toMatchObject({ ok: true, value: { kind: 'decompression', status: 'aborted', isSimulated: true } });
    const events = listEvents(c.storage, begun.sessionId);
    expect(events.some((e) => e.kind === 'safety' && e.detail['alarm'] === 'patient-stop')).toBe(true);
    expect(events.some((e) => e.kind === 'operator-action' && (e.detail['input'] as { kind?: string } | undefined)?.kind === 'start' && e.detail['isAccepted'] === true)).toBe(true);
    expect(events.some((e) => e.kind === 'protocol-phase' && e.detail['phase'] === 'running')).toBe(true);
    // The screening it began with is on the session's record; a second session needs its own.
    expect(events.some((e) => e.kind === 'operator-action' && e.detail['screening'] === 'checklist' && e.detail['bodyMassKg'] === 80)).toBe(true);
    await expect(c.call('decompression.begin', c.prescription)).rejects.toThrow(/refused: Screen the patient first/);
  });
});

describe('the screening before a session (contraindication checklist and body mass, ref §4.8, §7.5)', () => {
  it('refuses to begin without a screening, a first program without the whole checklist, and a present contraindication', async () => {
    const c = await clinic();
    await expect(c.call('decompression.begin', c.prescription)).rejects.toThrow(/refused: Screen the patient first/);
    expect(await c.call<ScreeningStatus>('decompression.screening', { patientId: c.screening.patientId, region: 'lumbar' })).toMatchObject({ recordBodyMassKg: 80, lastChecklist: null });
    await expect(c.call('decompression.confirmScreening', { ...c.screening, checklist: null, isUnchanged: true })).rejects.toThrow(/refused: This is the patient’s first lumbar program: go through the whole contraindication checklist/);
    const { pregnancy: _, ...incomplete } = clearChecklist('lumbar');
    expect(await c.dispatch('decompression.confirmScreening', { ...c.screening, checklist: incomplete })).toMatchObject({ ok: false, error: { code: 'invalid-request', fields: [{ path: 'checklist' }] } });
    await expect(c.call('decompression.confirmScreening', { ...c.screening, checklist: { ...clearChecklist('lumbar'), stroke: 'no' } })).rejects.toThrow(/no item "stroke" for the lumbar region/);
    await expect(c.call('decompression.confirmScreening', { ...c.screening, checklist: { ...clearChecklist('lumbar'), pregnancy: 'yes', anticoagulants: 'unknown' } })).rejects.toThrow(
      /refused: No program for this patient: contraindication present: pregnancy; not known: anticoagulant use\./,
    );
    await expect(c.call('decompression.begin', c.prescription)).rejects.toThrow(/refused: Screen the patient first/);
    // The refused checklist is on record under the operator, with its answers; confirming "unchanged" after it is refused.
    const [kept] = auditOf(c.storage, 'decompression-checklist', 'patient', c.screening.patientId);
    expect(kept).toMatchObject({ detail: { region: 'lumbar', verdict: 'blocked', answers: { pregnancy: 'yes' } } });
    expect(kept?.operatorId).not.toBeNull();
    await expect(c.call('decompression.confirmScreening', { ...c.screening, checklist: null, isUnchanged: true })).rejects.toThrow(/found a contraindication/);
  });

  it('asks at a later session that nothing changed, refuses a bad body mass, corrects the record, and goes stale after 30 min', async () => {
    const clock = { value: 0 };
    const c = await clinic(clock);
    await c.call('decompression.confirmScreening', c.screening);
    expect(await c.call<ScreeningStatus>('decompression.screening', { patientId: c.screening.patientId, region: 'lumbar' })).toMatchObject({ lastChecklist: { isClear: true, operator: 'Admin' } });
    // The cervical region has its own first checklist.
    await expect(c.call('decompression.confirmScreening', { ...c.screening, region: 'cervical', checklist: null, isUnchanged: true })).rejects.toThrow(/first cervical program/);
    await expect(c.call('decompression.confirmScreening', { ...c.screening, checklist: null, isUnchanged: false })).rejects.toThrow(/refused: Confirm that nothing has changed since the checklist of \d{4}-\d\d-\d\d/);
    expect(await c.dispatch('decompression.confirmScreening', { ...c.screening, checklist: null, isUnchanged: true, bodyMassKg: 15 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', fields: [{ path: 'bodyMassKg', message: 'Body mass must be 20–250 kg.' }] },
    });
    await expect(c.call('decompression.confirmScreening', { ...c.screening, checklist: null, isUnchanged: true, bodyMassKg: 176.4 })).rejects.toThrow(/176.4 kg looks like pounds \(80.0 kg\)/);
    expect(await c.dispatch('decompression.confirmScreening', { ...c.screening, checklist: null, isUnchanged: true, bodyMassKg: '80' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await c.call('decompression.confirmScreening', { ...c.screening, checklist: null, isUnchanged: true, bodyMassKg: 78.5 });
    expect(getPatient(c.storage, c.screening.patientId)).toMatchObject({ ok: true, value: { bodyMassKg: 78.5 } });
    expect(auditOf(c.storage, 'decompression-checklist-unchanged', 'patient', c.screening.patientId)).toHaveLength(1);
    expect(auditOf(c.storage, 'patient-updated', 'patient', c.screening.patientId)).toHaveLength(1);
    clock.value = 31 * 60_000;
    await expect(c.call('decompression.begin', c.prescription)).rejects.toThrow(/refused: The screening is more than 30 min old/);
  });

  it('weighs on the plate only through its calibration in force', async () => {
    const c = await clinic();
    await expect(c.call('decompression.weigh')).rejects.toThrow(/No plate is connected/);
    await c.call('devices.connect', { role: 'plate', port: 'sim:plate' });
    await until('the plate', () => (c.app.devices.plate?.driver.connected === undefined ? undefined : true));
    // The simulated plate's cells carry offsets of up to 2 % of full scale: uncalibrated, its weight cannot check a typed one.
    await expect(c.call('decompression.weigh')).rejects.toThrow(/refused: The plate has no calibration in force, so it cannot weigh the patient/);
  });
});
