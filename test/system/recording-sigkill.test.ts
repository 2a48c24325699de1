/**
 * Crash safety of recording (issue 3): a real child process records the simulator's plate
 * (2000 Hz, device time ×2) and table through the real drivers and recorder, and is killed with
 * SIGKILL at a random moment 0.3–1.5 s after its samples start flowing, 20 times in a row. After
 * each kill the database must pass `PRAGMA integrity_check`, opening it (as the app does at start)
 * must mark the session interrupted, its data must read back, every break in the plate's device
 * time must be a recorded gap, and no more than the last second before the kill may be missing.
 *
 * To keep it quick the next child starts (tsx compile, handshake) while the present one records;
 * each child has its own database file so the next one's crash recovery cannot touch a live session.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { getSession, listEvents, openStorage, readPlateSamples, readTableTelemetry, streamsOfSession } from '../../host/storage/index.ts';
import { sleep } from '../support/wait.ts';

const KILLS = 20;
const RATE_HZ = 2000;
const TIME_SCALE = 2;
/** The bound: a kill loses at most the last second of data. */
const MAX_LOSS_MS = 1000;
const RUN_TS = join(import.meta.dirname, '../../bin/run-ts.js');
const CHILD = join(import.meta.dirname, 'fixtures/recording-child.ts');

const dir = mkdtempSync(join(tmpdir(), 'proprio-sigkill-'));
const children: ChildProcess[] = [];
afterAll(() => {
  // A failed assertion leaves the next child running: never leave a process behind.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Recording {
  readonly child: ChildProcess;
  readonly path: string;
  /** Resolves with the session id once samples flow; rejects if the child dies first. */
  readonly started: Promise<{ sessionId: number; plateStreamId: number; firstTUs: number }>;
  /** The newest plate sample time the child had reported, µs of device time. */
  lastReportedTUs: number;
  stderr: string;
}

function startRecording(index: number): Recording {
  const path = join(dir, `kill-${index}.sqlite`);
  const child = spawn(process.execPath, [RUN_TS, CHILD, path, String(index + 1), String(TIME_SCALE), String(RATE_HZ)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const recording: Recording = { child, path, started: undefined as never, lastReportedTUs: -1, stderr: '' };
  child.stderr?.on('data', (chunk: Buffer) => (recording.stderr += chunk.toString()));
  (recording as { started: Recording['started'] }).started = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const [word, a, b, c] = line.split(' ');
      if (word === 'recording') resolve({ sessionId: Number(a), plateStreamId: Number(b), firstTUs: Number(c) });
      if (word === 'progress') recording.lastReportedTUs = Number(a);
    });
    child.on('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}) before recording: ${recording.stderr}`)));
  });
  return recording;
}

function killNow(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

it(`survives ${KILLS} SIGKILLs in a row while recording: sound file, session interrupted, at most the last second lost`, async () => {
  const losses: number[] = [];
  let next = startRecording(0);
  for (let kill = 0; kill < KILLS; kill++) {
    const recording = next;
    const { sessionId, plateStreamId, firstTUs } = await recording.started;
    if (kill + 1 < KILLS) next = startRecording(kill + 1);
    const delayMs = 300 + Math.random() * 1200;
    await sleep(delayMs);
    const reportedTUs = recording.lastReportedTUs;
    await killNow(recording.child);
    const context = `kill ${kill + 1} after ${Math.round(delayMs)} ms`;

    const { storage, interruptedSessionIds } = (() => {
      const opened = openStorage({ path: recording.path });
      if (!opened.ok) throw new Error(`${context}: ${opened.error.message}`);
      return opened.value;
    })();
    try {
      expect(storage.db.pragma('integrity_check', { simple: true }), context).toBe('ok');
      expect(interruptedSessionIds, context).toEqual([sessionId]);
      const session = getSession(storage, sessionId);
      expect(session.ok && session.value.status, context).toBe('interrupted');
      const plate = readPlateSamples(storage, plateStreamId);
      if (!plate.ok) throw new Error(`${context}: ${plate.error.message}`);
      const { tUs, count } = plate.value;
      const gapEnds = new Set(listEvents(storage, sessionId).flatMap((event) => (event.kind === 'gap' && event.tUs !== null ? [event.tUs] : [])));
      for (let i = 1; i < count; i++) {
        if ((tUs[i] as number) - (tUs[i - 1] as number) !== 1e6 / RATE_HZ) expect(gapEnds.has(tUs[i] as number), `${context}: unrecorded break at ${tUs[i]} µs`).toBe(true);
      }
      const storedTUs = count === 0 ? -1 : (tUs[count - 1] as number);
      // What the child had received by its last report (≤ 20 ms before the kill) but is not on disk.
      const lossMs = Math.max(0, reportedTUs - Math.max(storedTUs, firstTUs)) / 1000 / TIME_SCALE;
      losses.push(lossMs);
      expect(lossMs, `${context}: ${count} samples stored, last at ${storedTUs} µs, child had ${reportedTUs} µs`).toBeLessThanOrEqual(MAX_LOSS_MS);
      for (const stream of streamsOfSession(storage, sessionId).filter((s) => s.kind === 'table')) {
        expect(readTableTelemetry(storage, stream.id).ok, context).toBe(true);
      }
    } finally {
      storage.close();
    }
  }
  console.log(`SIGKILL loss over ${KILLS} kills: max ${Math.max(...losses).toFixed(0)} ms, mean ${(losses.reduce((a, b) => a + b, 0) / KILLS).toFixed(0)} ms`);
});
