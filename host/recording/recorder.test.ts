import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TableTelemetry } from '../../native-bridge/index.ts';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { addTrial, listEvents, readPlateSamples, readTableTelemetry, readTrialSamples, storedSampleCount } from '../storage/index.ts';
import { clinicFixture, expectOk, plateBlock, PLATE_IDENTITY, seededRandom, type ClinicFixture } from '../storage/testing/clinic-fixture.ts';
import { CHUNK_TARGET_MS } from './stream-buffer.ts';
import { FLUSH_INTERVAL_MS, SessionRecorder } from './recorder.ts';

let fixture: ClinicFixture;
let timers: ManualTimers;
let recorder: SessionRecorder;
beforeEach(() => {
  fixture = clinicFixture();
  timers = new ManualTimers();
  recorder = new SessionRecorder({ storage: fixture.storage, sessionId: fixture.sessionId, timers });
});
afterEach(() => {
  recorder.stop();
  fixture.dispose();
});

const TABLE_IDENTITY = { model: 'DT-9', serial: 'DT9-00001', firmware: '2.1.0', protocolVersion: 1 } as const;

function tableFrame(seq: number, tUs: number, measuredN: number): TableTelemetry {
  return { kind: 'telemetry', seq, tUs, state: 'RUN', measuredN, setpointN: 450, positionMm: 12.3, velocityMmS: -0.1, flags: 0x0181, region: 'lumbar', limitN: 980.7, fault: 0 };
}

describe('SessionRecorder', () => {
  it('commits each sample within CHUNK_TARGET_MS + one flush interval of its arrival, never per sample', () => {
    const streamId = expectOk(recorder.openStream('plate', PLATE_IDENTITY, 2000));
    const random = seededRandom(1);
    const arrivals: number[] = [];
    let seq = 0;
    for (let step = 0; step < 300; step++) {
      recorder.pushPlateBlock(streamId, plateBlock(seq, 20, 2000, 0, random));
      seq += 20;
      arrivals.push(timers.nowMonoMs());
      timers.advance(10);
      const dueBefore = timers.nowMonoMs() - (CHUNK_TARGET_MS + FLUSH_INTERVAL_MS);
      const due = arrivals.filter((atMs) => atMs <= dueBefore).length * 20;
      expect(storedSampleCount(fixture.storage, streamId)).toBeGreaterThanOrEqual(due);
    }
    const stats = recorder.snapshot();
    expect(stats.flushes).toBeLessThanOrEqual(Math.ceil(3000 / FLUSH_INTERVAL_MS));
    expect(stats.chunksWritten).toBeLessThan(stats.samplesWritten / 500);
  });

  it('reads back plate samples and table telemetry bit for bit, across a gap and a device restart', () => {
    const plate = expectOk(recorder.openStream('plate', PLATE_IDENTITY, 1000));
    const table = expectOk(recorder.openStream('table', TABLE_IDENTITY, 50));
    const random = seededRandom(2);
    const blocks = [plateBlock(0, 700, 1000, 0, random), plateBlock(1000, 1500, 1000, 0, random), plateBlock(0, 300, 1000, 0, random)];
    blocks[1]!.flags[5] = 0x04;
    const frames = Array.from({ length: 120 }, (_, i) => tableFrame(i * 3, 1000 + i * 20_000, Math.round((i * 7.3 - 100) * 10) / 10));
    for (const block of blocks) recorder.pushPlateBlock(plate, block);
    for (const frame of frames) recorder.pushTableTelemetry(table, frame);
    expectOk(recorder.stop());
    const plateBack = expectOk(readPlateSamples(fixture.storage, plate));
    expect(plateBack.seq).toEqual(Float64Array.from(blocks.flatMap((b) => [...b.seq])));
    expect(plateBack.tUs).toEqual(Float64Array.from(blocks.flatMap((b) => [...b.tUs])));
    expect(plateBack.cellCounts).toEqual(Int32Array.from(blocks.flatMap((b) => [...b.cellCounts])));
    expect(plateBack.flags).toEqual(Uint8Array.from(blocks.flatMap((b) => [...b.flags])));
    const tableBack = expectOk(readTableTelemetry(fixture.storage, table));
    frames.forEach((frame, i) => {
      expect([tableBack.seq[i], tableBack.tUs[i], tableBack.state[i], tableBack.measuredN[i], tableBack.setpointN[i], tableBack.positionMm[i]]).toEqual([
        frame.seq, frame.tUs, frame.state, frame.measuredN, frame.setpointN, frame.positionMm,
      ]);
      expect([tableBack.velocityMmS[i], tableBack.flags[i], tableBack.region[i], tableBack.limitN[i], tableBack.fault[i]]).toEqual([frame.velocityMmS, frame.flags, frame.region, frame.limitN, frame.fault]);
    });
  });

  it("gives a trial exactly its window's samples", () => {
    const plate = expectOk(recorder.openStream('plate', PLATE_IDENTITY, 1000));
    const block = plateBlock(0, 5000, 1000, 0, seededRandom(3));
    recorder.pushPlateBlock(plate, block);
    expectOk(recorder.stop());
    const trial = expectOk(
      addTrial(
        fixture.storage,
        { sessionId: fixture.sessionId, streamId: plate, protocol: 'romberg', condition: 'eyes-closed-firm', startedAtMs: 0, endedAtMs: 2, fromTUs: 1_234_000, toTUs: 3_500_000, metrics: {}, algorithmVersion: 'v1' },
        fixture.operatorId,
      ),
    );
    const samples = expectOk(readTrialSamples(fixture.storage, trial.id));
    if (samples.kind !== 'plate') throw new Error('expected plate samples');
    expect(samples.samples.seq).toEqual(block.seq.slice(1234, 3500));
    expect(samples.samples.cellCounts).toEqual(block.cellCounts.slice(1234 * 4, 3500 * 4));
  });

  it('keeps everything when a flush fails, reports it, and writes it all at the next flush', () => {
    const plate = expectOk(recorder.openStream('plate', PLATE_IDENTITY, 1000));
    const problems: string[] = [];
    recorder.events.on('problem', (problem) => problems.push(problem.message));
    fixture.storage.db.exec("CREATE TEMP TRIGGER full_disk BEFORE INSERT ON stream_chunks BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    recorder.pushPlateBlock(plate, plateBlock(0, 2500, 1000, 0, seededRandom(4)));
    recorder.note({ kind: 'operator-action', detail: { action: 'start' } });
    timers.advance(1000);
    expect(problems[0]).toMatch(/disk is full/);
    expect(recorder.snapshot().flushErrors).toBeGreaterThan(0);
    expect(storedSampleCount(fixture.storage, plate)).toBe(0);
    expect(listEvents(fixture.storage, fixture.sessionId)).toEqual([]);
    fixture.storage.db.exec('DROP TRIGGER full_disk');
    timers.advance(FLUSH_INTERVAL_MS);
    expect(storedSampleCount(fixture.storage, plate)).toBe(2500);
    expect(listEvents(fixture.storage, fixture.sessionId)).toMatchObject([{ kind: 'operator-action', detail: { action: 'start' } }]);
  });

  it('refuses data for a stream it did not open: a bug, not a value', () => {
    expect(() => recorder.pushPlateBlock(99, plateBlock(0, 1, 1000, 0, Math.random))).toThrow(/no open plate stream/);
  });
});
