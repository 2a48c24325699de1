/**
 * For tests of storage, recording, export and the CLI: a fresh database in a temp folder with
 * an operator, a patient and a recording session, and helpers to make plate blocks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BugError } from '../../../core/index.ts';
import type { PlateSampleBlock } from '../../../native-bridge/index.ts';
import { createOperator } from '../operators.ts';
import { openStorage } from '../open-storage.ts';
import { createPatient } from '../patients.ts';
import { createSession } from '../sessions.ts';
import type { Storage } from '../storage.ts';

export interface ClinicFixture {
  readonly dir: string;
  readonly path: string;
  readonly storage: Storage;
  readonly operatorId: number;
  readonly patientId: number;
  readonly sessionId: number;
  /** Closes the database and removes the folder. */
  dispose(): void;
}

/** 2026-01-15T09:00:00Z, the fixture's wall clock unless a test moves it. */
export const FIXTURE_NOW_MS = Date.UTC(2026, 0, 15, 9);

export const PATIENT = {
  clinicId: 'C-0001',
  familyName: 'Lovelace',
  givenName: 'Ada',
  dateOfBirth: '1965-12-10',
  heightMm: 1680,
  bodyMassKg: 61.5,
  notes: '',
} as const;

export function clinicFixture(clock: { nowMs: number } = { nowMs: FIXTURE_NOW_MS }): ClinicFixture {
  const dir = mkdtempSync(join(tmpdir(), 'proprio-db-'));
  const path = join(dir, 'proprio.sqlite');
  const opened = openStorage({ path, nowMs: () => clock.nowMs });
  const storage = expectOk(opened).storage;
  const operator = expectOk(createOperator(storage, { username: 'thera', displayName: 'Thera Pist', role: 'therapist', passwordHash: null }, undefined));
  const patient = expectOk(createPatient(storage, PATIENT, operator.id));
  const session = expectOk(createSession(storage, { patientId: patient.id, operatorId: operator.id, kind: 'balance' }));
  return {
    dir,
    path,
    storage,
    operatorId: operator.id,
    patientId: patient.id,
    sessionId: session.id,
    dispose: () => {
      storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function expectOk<T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }): T {
  if (!result.ok) throw new BugError(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export const PLATE_IDENTITY = { model: 'PF-600', serial: 'PF6-00001', firmware: '1.3.0', protocolVersion: 1 } as const;

/**
 * A plate block shaped like the driver's: `count` samples from `firstSeq` at `rateHz`, device time
 * per plate.md §5, counts of a person standing (~170 kN-counts per cell) with noise from `random`.
 */
export function plateBlock(firstSeq: number, count: number, rateHz: number, t0Us: number, random: () => number): PlateSampleBlock {
  const block = { count, rateHz, seq: new Float64Array(count), tUs: new Float64Array(count), cellCounts: new Int32Array(count * 4), flags: new Uint8Array(count) };
  for (let i = 0; i < count; i++) {
    const n = firstSeq + i;
    block.seq[i] = n % 2 ** 32;
    block.tUs[i] = t0Us + Math.floor((n * 1e6) / rateHz);
    for (let cell = 0; cell < 4; cell++) block.cellCounts[i * 4 + cell] = 850_000 + cell * 10_000 + Math.round((random() - 0.5) * 4000);
  }
  return block;
}

/** A seeded uniform source in [0, 1) (the Numerical Recipes LCG): test noise that replays. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
