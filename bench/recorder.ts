/**
 * Recorder figures (issue 3): how fast a 2000 Hz-shaped plate stream goes into SQLite, what it
 * costs on disk, and how fast it reads back.
 *
 * The stream: ten minutes of 2000 Hz samples in blocks of 20 (the driver hands on one block per
 * burst of input, ~10 ms at this rate), counts of a person standing with slow sway (±40 000
 * counts) and the simulator's default cell noise (0.2 N RMS at 5000 counts/N = 1000 counts RMS,
 * hardware-sim/plate/plate-constants.ts). The recorder runs on a manual clock advanced by each
 * block's duration, so it flushes four times per second of data, as it would live, only faster.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionRecorder } from '../host/recording/index.ts';
import { createOperator, createPatient, createSession, openStorage, readPlateSamples, type Storage } from '../host/storage/index.ts';
import { seededRandom } from '../host/storage/testing/clinic-fixture.ts';
import type { PlateSampleBlock } from '../native-bridge/index.ts';
import { ManualTimers } from '../test/support/manual-timers.ts';

const RATE_HZ = 2000;
const MINUTES = 10;
const BLOCK_SAMPLES = 20;
const NOISE_RMS_COUNTS = 1000;
const ROUNDS = 3;

export interface RecorderFigures {
  readonly samplesPerSec: number;
  readonly bytesPerSample: number;
  readonly readSamplesPerSec: number;
  /** Longest single flush (aged chunks encoded + one transaction + any checkpoint), ms. */
  readonly maxFlushMs: number;
  readonly samples: number;
}

function makeBlocks(): PlateSampleBlock[] {
  const blocks: PlateSampleBlock[] = [];
  const uniform = seededRandom(12345);
  // Box-Muller: Gaussian cell noise that is the same on every run.
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const total = MINUTES * 60 * RATE_HZ;
  for (let first = 0; first < total; first += BLOCK_SAMPLES) {
    const block = { count: BLOCK_SAMPLES, rateHz: RATE_HZ, seq: new Float64Array(BLOCK_SAMPLES), tUs: new Float64Array(BLOCK_SAMPLES), cellCounts: new Int32Array(BLOCK_SAMPLES * 4), flags: new Uint8Array(BLOCK_SAMPLES) };
    for (let i = 0; i < BLOCK_SAMPLES; i++) {
      const n = first + i;
      block.seq[i] = n;
      block.tUs[i] = 1_000_000 + n * (1e6 / RATE_HZ);
      const sway = Math.round(Math.sin(n / 1500) * 40_000);
      for (let cell = 0; cell < 4; cell++) block.cellCounts[i * 4 + cell] = 850_000 + (cell % 2 === 0 ? sway : -sway) + Math.round(gauss() * NOISE_RMS_COUNTS);
    }
    blocks.push(block);
  }
  return blocks;
}

function freshSession(dir: string, round: number): { storage: Storage; sessionId: number; path: string } {
  const path = join(dir, `bench-${round}.sqlite`);
  const opened = openStorage({ path });
  if (!opened.ok) throw new Error(opened.error.message);
  const storage = opened.value.storage;
  const operator = createOperator(storage, { username: 'bench', displayName: 'Bench', role: 'technician', passwordHash: null }, undefined);
  if (!operator.ok) throw new Error(operator.error.message);
  const patient = createPatient(storage, { clinicId: 'B-1', familyName: 'Bench', givenName: 'Mark', dateOfBirth: '1990-01-01', heightMm: 1750, bodyMassKg: 70, notes: '' }, operator.value.id);
  if (!patient.ok) throw new Error(patient.error.message);
  const session = createSession(storage, { patientId: patient.value.id, operatorId: operator.value.id, kind: 'balance' });
  if (!session.ok) throw new Error(session.error.message);
  return { storage, sessionId: session.value.id, path };
}

export function benchRecorder(): RecorderFigures {
  const blocks = makeBlocks();
  const samples = blocks.length * BLOCK_SAMPLES;
  const dir = mkdtempSync(join(tmpdir(), 'proprio-bench-recorder-'));
  let bestWrite = 0;
  let bestRead = 0;
  let bytesPerSample = 0;
  let maxFlushMs = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const { storage, sessionId, path } = freshSession(dir, round);
      const timers = new ManualTimers();
      const recorder = new SessionRecorder({ storage, sessionId, timers });
      const opened = recorder.openStream('plate', { model: 'PF-600', serial: 'PF6-BENCH', firmware: '1.3.0', protocolVersion: 1 }, RATE_HZ);
      if (!opened.ok) throw new Error(opened.error.message);
      const blockMs = (BLOCK_SAMPLES * 1000) / RATE_HZ;
      const startMs = performance.now();
      for (const block of blocks) {
        recorder.pushPlateBlock(opened.value, block);
        timers.advance(blockMs);
      }
      const stopped = recorder.stop();
      if (!stopped.ok) throw new Error(stopped.error);
      bestWrite = Math.max(bestWrite, samples / ((performance.now() - startMs) / 1000));
      maxFlushMs = Math.max(maxFlushMs, recorder.snapshot().maxFlushMs);
      storage.db.pragma('wal_checkpoint(TRUNCATE)');
      bytesPerSample = (statSync(path).size + statSync(`${path}-wal`).size) / samples;
      const readStartMs = performance.now();
      const back = readPlateSamples(storage, opened.value);
      if (!back.ok || back.value.count !== samples) throw new Error(`read back ${back.ok ? back.value.count : back.error.message} of ${samples} samples`);
      bestRead = Math.max(bestRead, samples / ((performance.now() - readStartMs) / 1000));
      storage.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { samplesPerSec: bestWrite, bytesPerSample, readSamplesPerSec: bestRead, maxFlushMs, samples };
}
