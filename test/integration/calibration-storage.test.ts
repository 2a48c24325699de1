/**
 * Plate calibration stored in the clinic database through storageCalibrationStore: a technician's
 * finished calibration is stored once with everything needed to recompute it; a therapist, or a
 * procedure that aborts, stores nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { storageCalibrationStore, type CalibrationStore } from '../../host/calibration/index.ts';
import { runCalibratePlate } from '../../host/cli/calibrate-plate.ts';
import { simulatedPlacer } from '../../host/cli/calibrate-placers.ts';
import { createOperator, listAudit, openStorage, type Storage } from '../../host/storage/index.ts';
import { pumpedPlate, type PumpedPlate } from '../support/pumped-device.ts';

const PLAN_FILE = fileURLToPath(new URL('../../docs/calibration-plate-points.json', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/proprio.js', import.meta.url));
const opened: { storage: Storage; plate: PumpedPlate }[] = [];
afterEach(async () => {
  for (const { storage, plate } of opened.splice(0)) {
    storage.close();
    await plate.close();
  }
});

function database(): Storage {
  const result = openStorage({ path: join(mkdtempSync(join(tmpdir(), 'proprio-cal-db-')), 'clinic.db') });
  if (!result.ok) throw new Error(result.error.message);
  const { storage } = result.value;
  const admin = createOperator(storage, { username: 'admin', displayName: 'Admin', role: 'admin', passwordHash: null }, undefined);
  if (!admin.ok) throw new Error('no admin');
  createOperator(storage, { username: 'tech', displayName: 'Technician', role: 'technician', passwordHash: null }, admin.value.id);
  createOperator(storage, { username: 'thera', displayName: 'Therapist', role: 'therapist', passwordHash: null }, admin.value.id);
  return storage;
}

async function calibrate(storage: Storage, store: CalibrationStore, operator: string, pointsFile = PLAN_FILE): Promise<{ code: number; errors: string; serial: string }> {
  const plate = pumpedPlate({ seed: 4 });
  opened.push({ storage, plate });
  let errors = '';
  const code = await plate.run(
    runCalibratePlate(
      { device: 'plate', port: 'sim:plate', pointsFile, dbPath: 'clinic.db', operator, intervalMonths: 6, json: true },
      { transport: plate.transport, placer: simulatedPlacer(plate.sim), store, nowMs: () => Date.parse('2026-11-25T08:00:00Z'), timers: plate.timers },
      { write: () => undefined, writeError: (t) => (errors += t) },
    ),
  );
  return { code, errors, serial: plate.sim.serial };
}

describe('plate calibration in the clinic database', () => {
  it('a technician’s calibration is stored once, with coefficients, raw readings, verification and due date, and audited', async () => {
    const storage = database();
    const store = storageCalibrationStore(storage);
    const run = await calibrate(storage, store, 'tech');
    expect(run.errors).toBe('');
    expect(run.code).toBe(0);
    const latest = store.latestCalibration({ model: 'PF-600', serial: run.serial });
    expect(latest).toBeDefined();
    expect(latest?.isPassed).toBe(true);
    expect(latest?.operator).toBe('tech');
    expect(latest?.procedure).toBe('plate-multipoint-1');
    expect(latest?.dueAtMs).toBe(Date.parse('2027-05-25T08:00:00Z'));
    expect(latest?.coefficients.nPerCount).toHaveLength(4);
    expect((latest?.rawReadings as { points: unknown[] }).points).toHaveLength(14);
    expect(listAudit(storage, 100).some((entry) => entry.action === 'calibration-added')).toBe(true);
  });

  it('a therapist may not apply a calibration: refused before the procedure, nothing stored', async () => {
    const storage = database();
    const store = storageCalibrationStore(storage);
    const run = await calibrate(storage, store, 'thera');
    expect(run.code).toBe(2);
    expect(run.errors).toMatch(/operator "thera" is a therapist: only a technician or an admin applies a calibration/);
    expect(storage.db.prepare('SELECT COUNT(*) AS n FROM calibrations').get()).toEqual({ n: 0 });
  });

  it('an aborted procedure (bad plan) stores nothing', async () => {
    const storage = database();
    const path = join(mkdtempSync(join(tmpdir(), 'proprio-cal-')), 'points.json');
    writeFileSync(path, JSON.stringify({ points: [{ id: 'a', massKg: 0, xMm: 0, yMm: 0, role: 'fit' }] }));
    const run = await calibrate(storage, storageCalibrationStore(storage), 'tech', path);
    expect(run.code).toBe(2);
    expect(storage.db.prepare('SELECT COUNT(*) AS n FROM calibrations').get()).toEqual({ n: 0 });
  });

  it('proprio calibrate --db refuses a file that is not a Proprio database, touching nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'proprio-cal-')), 'notes.txt');
    writeFileSync(path, 'not a database');
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'calibrate', 'plate', '--port', 'sim:plate', '--points', PLAN_FILE, '--db', path]);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot open the database .*notes\.txt/);
  });
});
