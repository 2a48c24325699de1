import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { SessionRecorder } from '../recording/index.ts';
import { addCalibration, addTrial, listEvents, upsertDevice, type Trial } from '../storage/index.ts';
import { clinicFixture, expectOk, FIXTURE_NOW_MS, PLATE_IDENTITY, type ClinicFixture } from '../storage/testing/clinic-fixture.ts';
import { trialCop } from './trial-cop.ts';

/** A square plate, cells c0…c3 front-left, front-right, rear-right, rear-left (plate.md §1), 10 counts per newton. */
const GEOMETRY = { cellsMm: [{ xMm: -200, yMm: 200 }, { xMm: 200, yMm: 200 }, { xMm: 200, yMm: -200 }, { xMm: -200, yMm: -200 }], countsPerN: 10 };
const T0_US = 1_000_000;

let fixture: ClinicFixture;
beforeEach(() => {
  fixture = clinicFixture();
});
afterEach(() => fixture.dispose());

/** 100 samples at 1000 Hz with 1000 counts on every cell, recorded as the app records a plate. */
function recordPlate(withGeometry = true): number {
  const recorder = new SessionRecorder({ storage: fixture.storage, sessionId: fixture.sessionId, timers: new ManualTimers() });
  const streamId = expectOk(recorder.openStream('plate', PLATE_IDENTITY, 1000));
  recorder.note({ kind: 'connect', streamId, detail: withGeometry ? { geometry: GEOMETRY } : {} });
  const count = 100;
  recorder.pushPlateBlock(streamId, {
    count,
    rateHz: 1000,
    seq: Float64Array.from({ length: count }, (_, i) => i),
    tUs: Float64Array.from({ length: count }, (_, i) => T0_US + i * 1000),
    cellCounts: new Int32Array(count * 4).fill(1000),
    flags: new Uint8Array(count),
  });
  expectOk(recorder.stop());
  return streamId;
}

function trial(fields: { streamId?: number; calibrationId?: number; window?: boolean }): Trial {
  const window = fields.window === false || fields.streamId === undefined ? {} : { fromTUs: T0_US, toTUs: T0_US + 50_000 };
  return expectOk(
    addTrial(
      fixture.storage,
      { sessionId: fixture.sessionId, streamId: fields.streamId ?? null, calibrationId: fields.calibrationId ?? null, protocol: 'romberg', condition: 'eo', startedAtMs: 1, endedAtMs: 2, metrics: {}, algorithmVersion: 'test', ...window },
      fixture.operatorId,
    ),
  );
}

function calibration(nPerCount: number[]): number {
  const deviceId = upsertDevice(fixture.storage, 'plate', PLATE_IDENTITY);
  const stored = addCalibration(fixture.storage, {
    deviceId,
    operatorId: fixture.operatorId,
    performedAtMs: FIXTURE_NOW_MS,
    dueAtMs: FIXTURE_NOW_MS + 1,
    coefficients: { zeroCounts: nPerCount.map(() => 0), nPerCount },
    rawReadings: {},
    verification: {},
    passed: true,
  });
  return expectOk(stored).id;
}

describe('trialCop', () => {
  it('recomputes the window’s COP from raw counts with the nominal sensitivity when the trial records no calibration', () => {
    const t = trial({ streamId: recordPlate() });
    const cop = expectOk(trialCop(fixture.storage, t, listEvents(fixture.storage, fixture.sessionId)));
    expect(cop.tS.length).toBe(50);
    expect(cop.tS[49]).toBeCloseTo(0.049, 9);
    // Equal counts on every cell of a square plate: the COP is its centre.
    expect(Array.from(cop.copXMm).every((x) => Math.abs(x) < 1e-9) && Array.from(cop.copYMm).every((y) => Math.abs(y) < 1e-9)).toBe(true);
  });

  it('uses the stored coefficients of the calibration the trial records', () => {
    // c0 twice as sensitive: forces 2000, 1000, 1000, 1000 N, so the COP moves 40 mm towards front-left.
    const t = trial({ streamId: recordPlate(), calibrationId: calibration([2, 1, 1, 1]) });
    const cop = expectOk(trialCop(fixture.storage, t, listEvents(fixture.storage, fixture.sessionId)));
    expect(cop.copXMm[0]).toBeCloseTo(-40, 9);
    expect(cop.copYMm[0]).toBeCloseTo(40, 9);
  });

  it('explains, instead of guessing, why a trial has no COP', () => {
    const events = () => listEvents(fixture.storage, fixture.sessionId);
    expect(trialCop(fixture.storage, trial({}), events())).toEqual({ ok: false, error: expect.stringMatching(/^No raw samples were recorded for this trial/) as unknown });
    const withoutGeometry = trial({ streamId: recordPlate(false) });
    expect(trialCop(fixture.storage, withoutGeometry, events())).toEqual({ ok: false, error: expect.stringMatching(/cell positions were not recorded/) as unknown });
    const twoCells = trial({ streamId: recordPlate(), calibrationId: calibration([1, 1]) });
    expect(trialCop(fixture.storage, twoCells, events())).toEqual({ ok: false, error: expect.stringMatching(/^Calibration #\d+, which the trial records, cannot be read/) as unknown });
  });
});
