/**
 * The release steps as pure functions (table.md §6.2, §6.3): when a release counts as at the
 * floor, and where it leaves the actuator.
 */
import { describe, it, expect } from 'vitest';
import { channelsOf } from './patient-switch.ts';
import { ReadingWindow } from './reading-window.ts';
import { progressRelease, releaseCeilingN, startRelease } from './table-release.ts';
import { INITIAL_CONTROL, REASON } from './table-state.ts';
import type { TableControl, TableSensors } from './table-state.ts';

function sensors(over: Partial<TableSensors> = {}): TableSensors {
  return {
    measN: 400,
    filteredN: 400,
    recentMeanN: 400,
    isReadingFrozen: false,
    isLoadCellFault: false,
    posMm: 40,
    velMmS: 0,
    switchChannels: channelsOf('ready'),
    switchLevels: { isPressDetected: false, isFaultDetected: false, isGenuinePress: false, isReady: true },
    isEstop: false,
    isDriveFault: false,
    isPowerFail: false,
    hostSilentUs: 0,
    ...over,
  };
}

const RUNNING: TableControl = {
  ...INITIAL_CONTROL,
  state: { kind: 'run', targetN: 400, rateNps: 40, isStopping: false },
  region: 'lumbar',
  setN: 400,
  slackPosMm: 8,
};

function releasing(s: TableSensors = sensors()): TableControl {
  return startRelease(RUNNING, REASON.hostRelease, s, 1_000_000).control;
}

describe('release start', () => {
  it('starts from the measured tension when the set-point ran ahead of it (900 N set, 145 N measured)', () => {
    const c = startRelease({ ...RUNNING, setN: 900 }, REASON.hostRelease, sensors({ measN: 145, recentMeanN: 145 }), 1_000_000).control;
    expect(c.setN).toBe(145);
    expect(startRelease({ ...RUNNING, setN: 900 }, REASON.hostRelease, sensors({ measN: -3, recentMeanN: -3 }), 0).control.setN).toBe(0);
  });
});

describe('release progress', () => {
  it('does not end on one reading at the floor: it decides on the mean of the last readings', () => {
    const step = progressRelease(releasing(), sensors({ measN: 13, recentMeanN: 24, posMm: 12 }), 2_000_000);
    expect(step.control.state).toMatchObject({ kind: 'releasing', mode: { kind: 'force' } });
    expect(step.events).toEqual([]);
  });

  it('at the floor goes on back to the slack position (less the margin) before the motor goes off', () => {
    const atFloor = progressRelease(releasing(), sensors({ measN: 14, recentMeanN: 14.5, posMm: 11 }), 2_000_000);
    expect(atFloor.control.state).toMatchObject({ kind: 'releasing', mode: { kind: 'slack', targetPosMm: 6 } });
    const onTheWay = progressRelease(atFloor.control, sensors({ measN: 2, recentMeanN: 3, posMm: 7 }), 2_100_000);
    expect(onTheWay.control.state.kind).toBe('releasing');
    const done = progressRelease(onTheWay.control, sensors({ measN: 0, recentMeanN: 0, posMm: 6.1 }), 2_200_000);
    expect(done.control.state).toEqual({ kind: 'released', reason: REASON.hostRelease });
    expect(done.events.map((e) => e.name)).toEqual(['RELDONE']);
  });
});

describe('frozen reading and the motor cut', () => {
  it('a reading frozen while the actuator moves: LOADCELL and on by position to the slack position', () => {
    const step = progressRelease(releasing(), sensors({ measN: 358, recentMeanN: 358, isReadingFrozen: true, posMm: 40 }), 1_100_000);
    expect(step.events.map((e) => e.name)).toEqual(['LOADCELL']);
    expect(step.control.state).toMatchObject({ kind: 'releasing', mode: { kind: 'position', targetPosMm: 6, speedMmS: 8.5 } });
  });

  it('a late switch to position still ends before the 5 s motor cut', () => {
    const step = progressRelease(releasing(), sensors({ isReadingFrozen: true, posMm: 40 }), 4_000_000);
    const mode = step.control.state.kind === 'releasing' ? step.control.state.mode : null;
    expect(mode?.kind).toBe('position');
    // 34 mm in what is left of the 5 s (3 s elapsed, less 0.2 s)
    expect(mode !== null && 'speedMmS' in mode ? mode.speedMmS : 0).toBeCloseTo(34 / 1.8, 6);
  });

  it('at the 5 s motor cut a force release above the floor leaves RELG for FAULT 7; by position it ends in RELD', () => {
    const force = progressRelease(releasing(), sensors({ measN: 40, recentMeanN: 40 }), 6_000_000);
    expect(force.control).toMatchObject({ state: { kind: 'fault', reason: REASON.drive }, faultCode: REASON.drive });
    const byPosition = progressRelease(releasing(sensors({ isLoadCellFault: true })), sensors({ isLoadCellFault: true, posMm: 20 }), 6_000_000);
    expect(byPosition.control.state).toEqual({ kind: 'released', reason: REASON.hostRelease });
  });
});

describe('release watch (the drive must unload)', () => {
  it('sets the ceiling at the latched limit, or 25 N above fromN when lower', () => {
    expect(releaseCeilingN(200, 980.7, 0)).toBe(225);
    expect(releaseCeilingN(965, 980.7, 0)).toBe(980.7);
  });

  it('a release started at or above the limit is not cut by its own first readings: 10 N above fromN', () => {
    expect(releaseCeilingN(984.4, 980.7, 0)).toBeCloseTo(994.4, 9);
    const c = releasing(sensors({ measN: 984.4, recentMeanN: 984.4 }));
    const s = sensors({ measN: 986, recentMeanN: 985 });
    let step = progressRelease(c, s, 1_001_000);
    for (let t = 1_002_000; t <= 1_040_000; t += 1000) step = progressRelease(step.control, s, t);
    expect(step.control.state.kind).toBe('releasing');
  });

  it('a reading above the ceiling for 20 ms cuts the motor at once: FAULT, reason 7, LIMIT when above the limit', () => {
    const c = releasing(sensors({ measN: 965, recentMeanN: 965 }));
    const over = sensors({ measN: 982, recentMeanN: 975 });
    const first = progressRelease(c, over, 1_010_000);
    expect(progressRelease(first.control, over, 1_029_000).control.state.kind).toBe('releasing');
    const cut = progressRelease(first.control, over, 1_030_000);
    expect(cut.control).toMatchObject({ state: { kind: 'fault', reason: REASON.drive }, faultCode: REASON.drive });
    expect(cut.events).toEqual([{ name: 'LIMIT', details: [['measN', '982.0'], ['limitN', '980.7']] }]);
  });
});

describe('reading window', () => {
  it('averages the last 4 readings', () => {
    const w = new ReadingWindow();
    for (const n of [100, 20, 16, 14, 10]) w.push(n, 10);
    expect(w.meanN).toBe(15);
  });

  it('calls a reading frozen only when it repeats above the floor while the actuator moves', () => {
    const moving = new ReadingWindow();
    for (const mm of [40, 39.9, 39.8]) moving.push(358, mm);
    expect(moving.isFrozen).toBe(true);
    const still = new ReadingWindow();
    for (let i = 0; i < 3; i++) still.push(358, 40);
    expect(still.isFrozen).toBe(false);
    const slack = new ReadingWindow();
    for (const mm of [6, 5, 4]) slack.push(0, mm);
    expect(slack.isFrozen).toBe(false);
    const healthy = new ReadingWindow();
    for (const [n, mm] of [[358, 40], [356.5, 39.9], [355.1, 39.8]] as const) healthy.push(n, mm);
    expect(healthy.isFrozen).toBe(false);
  });
});
