/**
 * The safety release (table.md §6.2, §6.3): its steps as pure functions (when it counts as at the
 * floor, where it leaves the actuator, what it watches), then on the simulator — rate, start,
 * self-locking drive, frozen load cell, runaway — asserting on the TRUE tension.
 */
import { describe, it, expect } from 'vitest';
import { rampTo, tableKit, untilReleased, wireEvents } from './table-test-kit.ts';
import type { TableKit } from './table-test-kit.ts';
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

describe('frozen load cell during a release (§6.3)', () => {
  it('a host $RELEASE with the reading frozen at ≈ 358 N: true tension never falls faster than the release rate, the release goes on by position (LOADCELL) and ends in RELD', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 358);
    kit.sim.setFaults({ loadCellStuck: true });
    await kit.advance(20);
    const atUs = kit.sim.nowUs();
    kit.host.send({ kind: 'command', command: { kind: 'release', id: kit.nextId() } });
    const trueN: number[] = [kit.sim.state().trueTensionN];
    await kit.advance(1);
    for (let ms = 0; ms < 5500 && kit.sim.state().state === 'releasing'; ms++) {
      kit.sim.advanceMs(1);
      trueN.push(kit.sim.state().trueTensionN);
      if (ms % 50 === 0) await kit.advance(0);
    }
    await kit.advance(10);
    let maxFallNps = 0;
    for (let i = 50; i < trueN.length; i++) maxFallNps = Math.max(maxFallNps, ((trueN[i - 50] ?? 0) - (trueN[i] ?? 0)) / 0.05);
    expect(maxFallNps).toBeLessThanOrEqual(245 * 1.1);
    expect(wireEvents(kit, 'LOADCELL')).toHaveLength(1);
    const s = kit.sim.state();
    expect(s).toMatchObject({ state: 'released', isMotorOn: false });
    expect(s.trueTensionN).toBeLessThanOrEqual(15);
    expect(s.nowUs - atUs).toBeLessThanOrEqual(5_100_000);
    // Latched, not stuck in RELG: refused for the reading (15), accepted once the cell reads again.
    expect(await kit.reply({ kind: 'reset', id: kit.nextId() })).toMatchObject({ kind: 'nak', code: 15 });
    kit.sim.setFaults({ loadCellStuck: false });
    await kit.advance(500);
    expect(await kit.reply({ kind: 'reset', id: kit.nextId() })).toMatchObject({ kind: 'ack' });
    await kit.sim.close();
  });

  it('after the 5 s motor cut a force release that never reached the floor leaves RELG for FAULT 7', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 300);
    kit.sim.setFaults({ overshootN: 40 }); // the drive holds 40 N above the set-point: never the floor
    await kit.advance(200);
    const atUs = kit.sim.nowUs();
    await kit.reply({ kind: 'release', id: kit.nextId() });
    await kit.advance(4900);
    expect(kit.sim.state()).toMatchObject({ state: 'releasing', isMotorOn: true });
    await kit.advance(200);
    expect(kit.sim.state()).toMatchObject({ state: 'fault', faultCode: 7, isMotorOn: false });
    expect(kit.sim.state().events.find((e) => e.name === 'RELDONE' && e.tUs > atUs)).toBeUndefined();
    kit.sim.setFaults({ overshootN: 0 });
    await kit.advance(3000); // back-drivable: the patient relaxes the unpowered drive
    expect(await kit.reply({ kind: 'reset', id: kit.nextId() })).toMatchObject({ kind: 'ack' });
    await kit.sim.close();
  });
});

describe('release from the tension, not from a set-point that ran ahead (§6.2)', () => {
  // A patient whose tension tops out at ≈ 130 N at the end of the 89 mm stroke.
  const STROKE_LIMITED = { slackMm: 60, stiffnessNPerMm: 3, stiffeningNPerMm2: 0.1 };

  it('the set-point does not run ahead while the actuator is at the end of its stroke (anti wind-up)', async () => {
    const kit = await tableKit({ patient: STROKE_LIMITED });
    await kit.armed();
    await kit.reply({ kind: 'set', id: kit.nextId(), targetN: 900, rateNps: 44.5 });
    await kit.advance(20_000);
    const s = kit.sim.state();
    expect(s.posMm).toBeGreaterThan(88.9);
    expect(s.measuredN).toBeLessThan(150);
    expect(s.setN - s.measuredN).toBeLessThan(25);
    await kit.sim.close();
  });

  it('a release at the stroke end unloads the TRUE tension within 50 ms and reaches the floor within 4 s', async () => {
    const kit = await tableKit({ patient: STROKE_LIMITED });
    await kit.armed();
    await kit.reply({ kind: 'set', id: kit.nextId(), targetN: 900, rateNps: 44.5 });
    await kit.advance(20_000);
    const fromTrueN = kit.sim.state().trueTensionN;
    const atUs = kit.sim.nowUs();
    kit.host.send({ kind: 'command', command: { kind: 'release', id: kit.nextId() } });
    await kit.advance(50);
    expect(kit.sim.state().trueTensionN).toBeLessThan(fromTrueN - 2);
    while (kit.sim.state().trueTensionN > 15 && kit.sim.nowUs() - atUs < 4_000_000) await kit.advance(10);
    expect(kit.sim.state().trueTensionN).toBeLessThanOrEqual(15);
    await kit.sim.close();
  });
});

describe('release quality (§6.2)', () => {
  /** True tension every 1 ms from a host `$RELEASE` until RELD. */
  async function releaseTrace(kit: TableKit): Promise<number[]> {
    const trueN = [kit.sim.state().trueTensionN];
    kit.host.send({ kind: 'command', command: { kind: 'release', id: kit.nextId() } });
    await kit.advance(1);
    for (let ms = 0; ms < 5500 && kit.sim.state().state === 'releasing'; ms++) {
      kit.sim.advanceMs(1);
      trueN.push(kit.sim.state().trueTensionN);
      if (ms % 50 === 0) await kit.advance(0);
    }
    return trueN;
  }
  const maxFallNps = (trueN: number[]): number => {
    let max = 0;
    for (let i = 50; i < trueN.length; i++) max = Math.max(max, ((trueN[i - 50] ?? 0) - (trueN[i] ?? 0)) / 0.05);
    return max;
  };

  it('unloads the TRUE tension no faster than the release rate, from its start to the floor (lumbar 450 N, cervical 250 N)', async () => {
    for (const [region, targetN, rateNps, releaseNps] of [['lumbar', 450, 44.5, 245], ['cervical', 250, 11.1, 66.7]] as const) {
      const kit = await tableKit({ loadCellNoiseN: 0 });
      await kit.armed({ region });
      await rampTo(kit, targetN, rateNps);
      const trace = await releaseTrace(kit);
      expect(maxFallNps(trace)).toBeLessThanOrEqual(releaseNps * 1.1);
      await kit.sim.close();
    }
  });

  it('with load-cell noise (1.5 N RMS) the unloading rate stays within 25 % of the release rate', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 450);
    expect(maxFallNps(await releaseTrace(kit))).toBeLessThanOrEqual(245 * 1.25);
    await kit.sim.close();
  });

  it('setN in telemetry falls continuously into RELD (no step), also in a position release', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 400);
    const from = kit.host.ofKind('telemetry').length;
    kit.sim.setFaults({ loadCellAdcFault: true });
    await untilReleased(kit, 5000);
    await kit.advance(2000);
    const frames = kit.host.ofKind('telemetry').slice(from).map((t) => t.message);
    expect(frames.some((f) => f.state === 'released')).toBe(true);
    for (let i = 1; i < frames.length; i++) {
      expect(Math.abs((frames[i]?.setN ?? 0) - (frames[i - 1]?.setN ?? 0))).toBeLessThanOrEqual(245 * 0.02 + 0.2);
    }
    expect(frames.at(-1)?.setN).toBe(0);
    await kit.sim.close();
  });

  it('a 44.5 N/s ramp ends within 0.5 N of its target (no overshoot)', async () => {
    const kit = await tableKit({ loadCellNoiseN: 0 });
    await kit.armed();
    await kit.reply({ kind: 'set', id: kit.nextId(), targetN: 450, rateNps: 44.5 });
    let maxTrueN = 0;
    for (let ms = 0; ms < 13_000; ms += 5) {
      await kit.advance(5);
      maxTrueN = Math.max(maxTrueN, kit.sim.state().trueTensionN);
    }
    expect(maxTrueN).toBeLessThanOrEqual(450.5);
    expect(kit.sim.state().trueTensionN).toBeGreaterThan(445);
    await kit.sim.close();
  });

  it('holding a target accepted near the limit (975 N of 980.7 N) with noise does not trip the force limit', async () => {
    const kit = await tableKit({ seed: 2 });
    await kit.armed();
    await kit.reply({ kind: 'set', id: kit.nextId(), targetN: 975, rateNps: 44.5 });
    let maxTrueN = 0;
    for (let ms = 0; ms < 40_000; ms += 10) {
      await kit.advance(10);
      maxTrueN = Math.max(maxTrueN, kit.sim.state().trueTensionN);
    }
    expect(kit.sim.state().state).toBe('run');
    expect(maxTrueN).toBeLessThan(978);
    await kit.sim.close();
  });
});

describe('runaway drive in a position release (§6.3: the load cell is not read)', () => {
  it('the actuator moving outward while told to retract cuts the motor at once → FAULT 7', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 300);
    const atUs = kit.sim.nowUs();
    kit.sim.setFaults({ loadCellAdcFault: true, runaway: true });
    await kit.advance(5);
    expect(kit.sim.state().control).toMatchObject({ kind: 'releasing', reason: 6, mode: { kind: 'position' } });
    for (let ms = 0; ms < 1000 && kit.sim.state().isMotorOn; ms += 5) await kit.advance(5);
    expect(kit.sim.state()).toMatchObject({ state: 'fault', faultCode: 7, isMotorOn: false });
    expect(kit.sim.nowUs() - atUs).toBeLessThan(200_000);
    await kit.sim.close();
  });
});

describe('self-locking drive (holds its position with the motor off)', () => {
  /** Holds `targetN` for `holdMs` (the patient creeps), then `$RELEASE`; returns the sim in RELD. */
  async function releasedAfterHold(targetN: number, holdMs: number): Promise<TableKit> {
    const kit = await tableKit({ drive: 'selfLocking' });
    await kit.armed();
    await rampTo(kit, targetN);
    await kit.advance(holdMs);
    expect(kit.sim.state().creepMm).toBeGreaterThan(1.5);
    await kit.reply({ kind: 'release', id: kit.nextId() });
    await untilReleased(kit, 5000);
    expect(kit.sim.state()).toMatchObject({ state: 'released', isMotorOn: false });
    return kit;
  }

  it('ends RELD slack after a 20 s hold at 300 N: creep recovery keeps the tension below the floor, $RESET and $ARM accepted', async () => {
    const kit = await releasedAfterHold(300, 20_000);
    const s = kit.sim.state();
    expect(s.posMm).toBeLessThanOrEqual((s.slackPosMm ?? 0) - 1.5);
    let maxTrueN = 0;
    for (let ms = 0; ms < 30_000; ms += 100) {
      await kit.advance(100);
      maxTrueN = Math.max(maxTrueN, kit.sim.state().trueTensionN);
    }
    expect(kit.sim.state().creepMm).toBeLessThan(0.3); // recovered
    expect(maxTrueN).toBeLessThanOrEqual(15);
    expect(await kit.reply({ kind: 'reset', id: kit.nextId() })).toMatchObject({ kind: 'ack' });
    expect(await kit.reply({ kind: 'arm', id: kit.nextId(), region: 'lumbar' })).toMatchObject({ kind: 'ack' });
    await kit.sim.close();
  });

  it('ends RELD slack from 800 N: 60 s later the tension is still below the floor and $RESET is accepted', async () => {
    const kit = await releasedAfterHold(800, 1000);
    await kit.advance(60_000);
    expect(kit.sim.state().trueTensionN).toBeLessThanOrEqual(15);
    expect(await kit.reply({ kind: 'reset', id: kit.nextId() })).toMatchObject({ kind: 'ack' });
    await kit.sim.close();
  });

  it('cuts the motor within 5 s of the trigger even while still returning to slack', async () => {
    const kit = await tableKit({ drive: 'selfLocking' });
    await kit.armed();
    await rampTo(kit, 950);
    const atUs = kit.sim.nowUs();
    kit.sim.pressSwitch();
    await untilReleased(kit, 5100);
    const done = kit.sim.state().events.find((e) => e.name === 'RELDONE' && e.tUs > atUs);
    expect((done?.tUs ?? Infinity) - atUs).toBeLessThanOrEqual(5_000_000);
    expect(kit.sim.state().trueTensionN).toBeLessThanOrEqual(15);
    await kit.sim.close();
  });
});
