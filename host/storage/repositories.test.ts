import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from './audit.ts';
import { addCalibration } from './calibrations.ts';
import { upsertDevice } from './devices.ts';
import { addEvent, listEvents } from './events.ts';
import { createOperator } from './operators.ts';
import { openStorage } from './open-storage.ts';
import { createPatient, getPatient, listPatients, updatePatient } from './patients.ts';
import { createSession, finishSession, getSession, sessionsForPatient } from './sessions.ts';
import { addTrial } from './trials.ts';
import { clinicFixture, expectOk, FIXTURE_NOW_MS, PATIENT, PLATE_IDENTITY, type ClinicFixture } from './testing/clinic-fixture.ts';

let fixture: ClinicFixture;
beforeEach(() => {
  fixture = clinicFixture();
});
afterEach(() => fixture.dispose());

/** Every row of every table, to prove a refused call changed nothing. */
function snapshot(): unknown {
  const tables = fixture.storage.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return tables.map(({ name }) => fixture.storage.db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all());
}

function expectRefused(call: () => { ok: boolean; error?: unknown }, code: string, path?: string): void {
  const before = snapshot();
  const result = call();
  expect(result.ok).toBe(false);
  expect(result.error).toMatchObject(path === undefined ? { code } : { code, issues: expect.arrayContaining([expect.objectContaining({ path })]) as unknown });
  expect(snapshot()).toEqual(before);
}

describe('patients', () => {
  const invalid: [string, Record<string, unknown>][] = [
    ['familyName', { familyName: '   ' }],
    ['dateOfBirth', { dateOfBirth: '1970-13-01' }],
    ['dateOfBirth', { dateOfBirth: '01/02/1970' }],
    ['dateOfBirth', { dateOfBirth: '1850-01-01' }],
    ['dateOfBirth', { dateOfBirth: '2031-01-01' }],
    ['heightMm', { heightMm: 175 }],
    ['bodyMassKg', { bodyMassKg: 6100 }],
    ['bodyMassKg', { bodyMassKg: '61' }],
    ['', { shoeSize: 42 }],
  ];
  for (const [path, change] of invalid) {
    it(`refuses ${JSON.stringify(change)} with an error on "${path}" and writes nothing`, () => {
      expectRefused(() => createPatient(fixture.storage, { ...PATIENT, clinicId: 'C-2', ...change }, fixture.operatorId), 'invalid-input', path);
      expectRefused(() => updatePatient(fixture.storage, fixture.patientId, change, fixture.operatorId), 'invalid-input', path);
    });
  }

  it('refuses a clinic ID already in use, and unknown ids', () => {
    expectRefused(() => createPatient(fixture.storage, PATIENT, fixture.operatorId), 'conflict');
    expectRefused(() => createPatient(fixture.storage, { ...PATIENT, clinicId: 'C-9' }, 999), 'not-found');
    expectRefused(() => updatePatient(fixture.storage, 999, { notes: 'x' }, fixture.operatorId), 'not-found');
    expectRefused(() => getPatient(fixture.storage, 999), 'not-found');
  });

  it('updates the given fields only, trimmed, and audits which', () => {
    const updated = expectOk(updatePatient(fixture.storage, fixture.patientId, { familyName: ' King ', bodyMassKg: 60 }, fixture.operatorId));
    expect(updated).toMatchObject({ ...PATIENT, familyName: 'King', bodyMassKg: 60 });
    expect(listAudit(fixture.storage, 1)[0]).toMatchObject({ action: 'patient-updated', operatorId: fixture.operatorId, detail: { fields: ['familyName', 'bodyMassKg'] } });
    expect(listPatients(fixture.storage)).toHaveLength(1);
  });
});

describe('audit log', () => {
  it('is append-only: the database itself refuses UPDATE and DELETE', () => {
    expect(listAudit(fixture.storage, 10).length).toBeGreaterThan(0);
    expect(() => fixture.storage.db.exec("UPDATE audit_log SET action = 'nothing'")).toThrow(/append-only/);
    expect(() => fixture.storage.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });
});

describe('operators', () => {
  it('refuses an unknown role, a bad username, a plain-text password and a taken username', () => {
    const valid = { username: 'tech', displayName: 'Tech', role: 'technician', passwordHash: null };
    expectRefused(() => createOperator(fixture.storage, { ...valid, role: 'doctor' }, fixture.operatorId), 'invalid-input', 'role');
    expectRefused(() => createOperator(fixture.storage, { ...valid, username: 'Tech Person' }, fixture.operatorId), 'invalid-input', 'username');
    expectRefused(() => createOperator(fixture.storage, { ...valid, passwordHash: 'hunter2' }, fixture.operatorId), 'invalid-input', 'passwordHash');
    expectRefused(() => createOperator(fixture.storage, { ...valid, username: 'thera' }, fixture.operatorId), 'conflict');
    expect(expectOk(createOperator(fixture.storage, valid, fixture.operatorId))).toMatchObject({ role: 'technician', hasPassword: false });
  });
});

describe('sessions', () => {
  it('finishes once; a finished session cannot be finished again', () => {
    expect(expectOk(finishSession(fixture.storage, fixture.sessionId, 'complete', fixture.operatorId))).toMatchObject({ status: 'complete', endedAtMs: FIXTURE_NOW_MS });
    expectRefused(() => finishSession(fixture.storage, fixture.sessionId, 'aborted', fixture.operatorId), 'invalid-state');
    expectRefused(() => createSession(fixture.storage, { patientId: 999, operatorId: fixture.operatorId, kind: 'balance' }), 'not-found');
    expectRefused(() => createSession(fixture.storage, { patientId: fixture.patientId, operatorId: fixture.operatorId, kind: 'yoga' }), 'invalid-input', 'kind');
  });

  it("keeps simulated sessions out of the patient's history unless asked", () => {
    const simulated = expectOk(createSession(fixture.storage, { patientId: fixture.patientId, operatorId: fixture.operatorId, kind: 'decompression', isSimulated: true }));
    expect(expectOk(sessionsForPatient(fixture.storage, fixture.patientId)).map((s) => s.id)).toEqual([fixture.sessionId]);
    expect(expectOk(sessionsForPatient(fixture.storage, fixture.patientId, { includeSimulated: true })).map((s) => s.id)).toEqual([simulated.id, fixture.sessionId]);
    expectRefused(() => sessionsForPatient(fixture.storage, 999), 'not-found');
  });

  it('marks a session a crash left recording as interrupted at the next open, and audits it', () => {
    fixture.storage.close();
    const { storage, interruptedSessionIds } = expectOk(openStorage({ path: fixture.path, nowMs: () => FIXTURE_NOW_MS }));
    expect(interruptedSessionIds).toEqual([fixture.sessionId]);
    expect(expectOk(getSession(storage, fixture.sessionId)).status).toBe('interrupted');
    expect(listAudit(storage, 1)[0]).toMatchObject({ action: 'session-interrupted', entityId: fixture.sessionId, operatorId: null });
    storage.close();
  });

  it('leaves a live session alone when a tool opens the database without recovery', () => {
    const { storage, interruptedSessionIds } = expectOk(openStorage({ path: fixture.path, recoverInterrupted: false }));
    expect(interruptedSessionIds).toEqual([]);
    expect(expectOk(getSession(storage, fixture.sessionId)).status).toBe('recording');
    storage.close();
  });
});

describe('calibrations, trials and events', () => {
  it('refuses bad or dangling references and inconsistent times', () => {
    const deviceId = upsertDevice(fixture.storage, 'plate', PLATE_IDENTITY);
    const calibration = {
      deviceId,
      operatorId: fixture.operatorId,
      performedAtMs: FIXTURE_NOW_MS,
      dueAtMs: FIXTURE_NOW_MS + 86_400_000,
      coefficients: { gainNPerCount: [0.0002, 0.0002, 0.0002, 0.0002] },
      rawReadings: [[1, 2, 3, 4]],
      verification: { maxErrorN: 0.8 },
      passed: true,
    };
    expectRefused(() => addCalibration(fixture.storage, { ...calibration, deviceId: 999 }), 'not-found');
    expectRefused(() => addCalibration(fixture.storage, { ...calibration, dueAtMs: 0 }), 'invalid-input', 'dueAtMs');
    expect(expectOk(addCalibration(fixture.storage, calibration))).toMatchObject(calibration);
    const trial = { sessionId: fixture.sessionId, protocol: 'romberg', condition: 'eyes-open-firm', startedAtMs: 1, endedAtMs: 2, metrics: { swayAreaMm2: 120.5 }, algorithmVersion: 'sway-1' };
    expectRefused(() => addTrial(fixture.storage, { ...trial, sessionId: 999 }, fixture.operatorId), 'not-found');
    expectRefused(() => addTrial(fixture.storage, { ...trial, fromTUs: 5 }, fixture.operatorId), 'invalid-input', 'toTUs');
    expectRefused(() => addTrial(fixture.storage, { ...trial, metrics: { swayAreaMm2: Number.NaN } }, fixture.operatorId), 'invalid-input');
    expect(expectOk(addTrial(fixture.storage, trial, fixture.operatorId))).toMatchObject(trial);
    expectRefused(() => addEvent(fixture.storage, { sessionId: fixture.sessionId, kind: 'party', atMs: 1 }), 'invalid-input', 'kind');
    expectRefused(() => addEvent(fixture.storage, { sessionId: fixture.sessionId, streamId: 42, kind: 'gap', atMs: 1 }), 'not-found');
    expectOk(addEvent(fixture.storage, { sessionId: fixture.sessionId, kind: 'operator-action', atMs: 5, detail: { action: 'paused' } }));
    expect(listEvents(fixture.storage, fixture.sessionId)).toMatchObject([{ kind: 'operator-action', atMs: 5, detail: { action: 'paused' }, streamId: null, tUs: null }]);
  });
});
