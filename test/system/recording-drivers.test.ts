/**
 * The whole recording path on real drivers: the simulator's plate (1000 Hz, device time ×2) and
 * table in this process, PlateDriver and TableDriver over in-process links, startSessionRecording,
 * an unplug and replug of the plate in the middle, then finish. Every sample the plate driver
 * delivered must be in the database, bit for bit, with the link's story as events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { inProcessSims } from '../../host/cli/in-process-sims.ts';
import { startSessionRecording } from '../../host/recording/index.ts';
import { createOperator, createPatient, createSession, getSession, listEvents, openStorage, readPlateSamples, readTableTelemetry } from '../../host/storage/index.ts';
import { PlateDriver, TableDriver, parsePortSpec, transportFor, type PlateSampleBlock } from '../../native-bridge/index.ts';
import { waitFor } from '../support/wait.ts';

const dir = mkdtempSync(join(tmpdir(), 'proprio-recording-drivers-'));
const sims = inProcessSims({ seed: 9, timeScale: 2 });
afterAll(async () => {
  await sims.close();
  rmSync(dir, { recursive: true, force: true });
});

function orThrow<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } | string }): T {
  if (result.ok) return result.value;
  throw new Error(typeof result.error === 'string' ? result.error : result.error.message);
}

it('records every delivered plate sample and table frame, and the unplug as disconnect, reconnect and gap', async () => {
  const { storage } = orThrow(openStorage({ path: join(dir, 'proprio.sqlite') }));
  const operator = orThrow(createOperator(storage, { username: 'thera', displayName: 'Thera', role: 'therapist', passwordHash: null }, undefined));
  const patient = orThrow(createPatient(storage, { clinicId: 'D-1', familyName: 'Drive', givenName: 'Rec', dateOfBirth: '1975-05-05', heightMm: 1700, bodyMassKg: 75, notes: '' }, operator.id));
  const session = orThrow(createSession(storage, { patientId: patient.id, operatorId: operator.id, kind: 'decompression' }));
  const port = (spec: string) => orThrow(transportFor(orThrow(parsePortSpec(spec)), sims.connector));
  const plate = new PlateDriver({ transport: port('sim:plate'), rateHz: 1000 });
  const table = new TableDriver({ transport: port('sim:table') });
  const delivered: PlateSampleBlock[] = [];
  let frames = 0;
  plate.events.on('samples', (block) => delivered.push(block));
  table.events.on('telemetry', () => frames++);
  const recording = startSessionRecording({ storage, sessionId: session.id, plate, table });
  plate.start();
  table.start();
  const deliveredCount = (): number => delivered.reduce((sum, block) => sum + block.count, 0);
  try {
    await waitFor('plate samples and table telemetry', () => deliveredCount() >= 1000 && frames >= 10, 10_000).catch((e: unknown) => {
      throw new Error(`${String(e)}: plate ${plate.state.kind} with ${deliveredCount()} samples, table ${table.state.kind} with ${frames} frames`);
    });
    await sims.plate().unplug();
    await waitFor('the plate link to drop', () => plate.state.kind !== 'ready', 5000);
    await sims.plate().replug();
    const before = deliveredCount();
    await waitFor('samples after the replug', () => deliveredCount() >= before + 500, 10_000);
  } finally {
    await Promise.all([plate.stop(), table.stop()]);
  }
  const finished = orThrow(recording.finish('complete', operator.id));
  expect(finished.status).toBe('complete');
  expect(orThrow(getSession(storage, session.id)).status).toBe('complete');

  const stored = orThrow(readPlateSamples(storage, recording.plateStreamId() ?? 0));
  expect(stored.count).toBe(deliveredCount());
  expect(stored.seq).toEqual(Float64Array.from(delivered.flatMap((block) => [...block.seq])));
  expect(stored.tUs).toEqual(Float64Array.from(delivered.flatMap((block) => [...block.tUs])));
  expect(stored.cellCounts).toEqual(Int32Array.from(delivered.flatMap((block) => [...block.cellCounts])));
  expect(orThrow(readTableTelemetry(storage, recording.tableStreamId() ?? 0)).count).toBe(frames);
  const kinds = listEvents(storage, session.id).map((event) => `${event.kind}:${event.streamId === recording.plateStreamId() ? 'plate' : 'table'}`);
  expect(kinds.filter((kind) => kind.endsWith(':plate'))).toEqual(expect.arrayContaining(['connect:plate', 'disconnect:plate', 'gap:plate']));
  expect(kinds.filter((kind) => kind === 'connect:plate')).toHaveLength(2);
  expect(kinds).toContain('connect:table');
  storage.close();
});

it('opens the streams of drivers already connected when recording starts, as the app’s sessions find them', async () => {
  const { storage } = orThrow(openStorage({ path: join(dir, 'connected-first.sqlite') }));
  const operator = orThrow(createOperator(storage, { username: 'thera', displayName: 'Thera', role: 'therapist', passwordHash: null }, undefined));
  const patient = orThrow(createPatient(storage, { clinicId: 'D-2', familyName: 'Drive', givenName: 'Early', dateOfBirth: '1975-05-05', heightMm: 1700, bodyMassKg: 75, notes: '' }, operator.id));
  const session = orThrow(createSession(storage, { patientId: patient.id, operatorId: operator.id, kind: 'decompression' }));
  const port = (spec: string) => orThrow(transportFor(orThrow(parsePortSpec(spec)), sims.connector));
  const plate = new PlateDriver({ transport: port('sim:plate'), rateHz: 1000 });
  const table = new TableDriver({ transport: port('sim:table') });
  plate.start();
  table.start();
  try {
    await waitFor('both devices connected', () => plate.connected !== undefined && table.connected !== undefined, 10_000);
    const countsPerN = plate.connected?.capabilities.countsPerN;
    const recording = startSessionRecording({ storage, sessionId: session.id, plate, table });
    let samples = 0;
    let frames = 0;
    plate.events.on('samples', (block) => (samples += block.count));
    table.events.on('telemetry', () => frames++);
    await waitFor('samples and telemetry while recording', () => samples >= 500 && frames >= 5, 10_000);
    await Promise.all([plate.stop(), table.stop()]);
    orThrow(recording.finish('complete', operator.id));
    expect(orThrow(readPlateSamples(storage, recording.plateStreamId() ?? 0)).count).toBe(samples);
    expect(orThrow(readTableTelemetry(storage, recording.tableStreamId() ?? 0)).count).toBe(frames);
    const connects = listEvents(storage, session.id).filter((event) => event.kind === 'connect');
    expect(connects.map((event) => event.streamId)).toEqual([recording.plateStreamId(), recording.tableStreamId()]);
    // The plate's geometry goes with its stream, so its counts can be turned into COP without it.
    expect(connects[0]?.detail['geometry']).toMatchObject({ countsPerN });
    expect(countsPerN).toBeGreaterThan(0);
  } finally {
    await Promise.all([plate.stop(), table.stop()]);
    storage.close();
  }
});
