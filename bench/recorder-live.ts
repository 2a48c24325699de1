/**
 * Does recording stall streaming? The real PlateDriver (2000 Hz) and TableDriver read the
 * in-process simulators in real time while the real recorder writes to SQLite on its timer; the
 * event loop's delay (perf_hooks) over the run is what a device callback could wait at worst.
 * The simulators run in this process too, so the same run without the recorder is the baseline
 * the recorder's share is read against.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { inProcessSims } from '../host/cli/in-process-sims.ts';
import { SessionRecorder, recordPlate, recordTable } from '../host/recording/index.ts';
import { createOperator, createPatient, createSession, openStorage, storedSampleCount } from '../host/storage/index.ts';
import { PlateDriver, TableDriver, parsePortSpec, transportFor } from '../native-bridge/index.ts';

export interface LiveFigures {
  readonly eventLoopMaxDelayMs: number;
  readonly eventLoopP99DelayMs: number;
  /** Longest single flush of the recorder (0 without it). */
  readonly maxFlushMs: number;
  readonly samplesPerSec: number;
}

function orThrow<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } | string }): T {
  if (result.ok) return result.value;
  throw new Error(typeof result.error === 'string' ? result.error : result.error.message);
}

export async function benchRecorderLive(isRecording: boolean, seconds = 8): Promise<LiveFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'proprio-bench-live-'));
  const { storage } = orThrow(openStorage({ path: join(dir, 'live.sqlite') }));
  const sims = inProcessSims({ seed: 3, timeScale: 1 });
  try {
    const operator = orThrow(createOperator(storage, { username: 'bench', displayName: 'Bench', role: 'technician', passwordHash: null }, undefined));
    const patient = orThrow(createPatient(storage, { clinicId: 'L-1', familyName: 'Live', givenName: 'Bench', dateOfBirth: '1990-01-01', heightMm: null, bodyMassKg: null, notes: '' }, operator.id));
    const session = orThrow(createSession(storage, { patientId: patient.id, operatorId: operator.id, kind: 'decompression' }));
    const port = (spec: string) => orThrow(transportFor(orThrow(parsePortSpec(spec)), sims.connector));
    const plate = new PlateDriver({ transport: port('sim:plate'), rateHz: 2000 });
    const table = new TableDriver({ transport: port('sim:table') });
    const recorder = new SessionRecorder({ storage, sessionId: session.id });
    const plateRecording = isRecording ? recordPlate(recorder, plate) : undefined;
    if (isRecording) recordTable(recorder, table);
    let received = 0;
    const flowing = new Promise<void>((resolve) => plate.events.on('samples', () => resolve()));
    plate.events.on('samples', (block) => (received += block.count));
    plate.start();
    table.start();
    await flowing;
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const startSamples = received;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    delay.disable();
    const samples = received - startSamples;
    await Promise.all([plate.stop(), table.stop()]);
    orThrow(recorder.stop());
    if (plateRecording !== undefined && storedSampleCount(storage, plateRecording.streamId() ?? 0) === 0) throw new Error('nothing was recorded');
    return {
      eventLoopMaxDelayMs: delay.max / 1e6,
      eventLoopP99DelayMs: delay.percentile(99) / 1e6,
      maxFlushMs: recorder.snapshot().maxFlushMs,
      samplesPerSec: samples / seconds,
    };
  } finally {
    await sims.close();
    storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
