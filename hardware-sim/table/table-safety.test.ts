/**
 * table.md §6: every safety path, on the simulator with a manual clock and a host that feeds the
 * watchdog (table-test-kit.ts), checked on the wire (events, telemetry) and in the ground truth.
 */
import { describe, it, expect } from 'vitest';
import { TABLE_FLAG } from '../spec-codec/table-codec.ts';
import type { TableSim } from './table-sim.ts';
import { rampTo, tableKit, untilReleased, wireEvents } from './table-test-kit.ts';

const eventsAfter = (sim: TableSim, sinceUs: number) => sim.state().events.filter((e) => e.tUs >= sinceUs);

describe('patient switch (§6.1 reason 2, §6.2)', () => {
  it('releases from 450 N: starts within 50 ms, ≤ 15 N within 4 s, then motor off, RELD and RELDONE', async () => {
    const kit = await tableKit();
    await kit.armed({ selfTest: true });
    await rampTo(kit, 450);
    const pressedAtUs = kit.sim.nowUs();
    kit.sim.pressSwitch();
    await kit.advance(50);
    const [psw, release] = eventsAfter(kit.sim, pressedAtUs);
    expect(psw?.name).toBe('PSW');
    expect(release?.name).toBe('RELEASE');
    expect((release?.tUs ?? Infinity) - pressedAtUs).toBeLessThanOrEqual(50_000);
    expect(kit.sim.state().state).toBe('releasing');
    await untilReleased(kit, 4000);
    const s = kit.sim.state();
    expect(s.state).toBe('released');
    expect(s.isMotorOn).toBe(false);
    expect(s.measuredN).toBeLessThanOrEqual(15);
    const relDone = wireEvents(kit, 'RELDONE').at(-1);
    expect(Object.fromEntries(relDone?.details ?? [])).toMatchObject({ reason: '2' });
    expect(Number(Object.fromEntries(relDone?.details ?? []).ms)).toBeLessThanOrEqual(4000);
    const fromN = Number(Object.fromEntries(wireEvents(kit, 'RELEASE').at(-1)?.details ?? []).fromN);
    expect(fromN).toBeGreaterThan(430);
    // Telemetry shows RELD, motor off, fault 2, and RELD stays latched.
    await kit.advance(500);
    const t = kit.sim.state().lastTelemetry;
    expect(t).toMatchObject({ state: 'released', fault: 2, region: 'lumbar' });
    expect((t?.flags ?? 0) & TABLE_FLAG.motorOn).toBe(0);
    kit.sim.releaseSwitch();
    await kit.advance(1000);
    expect(kit.sim.state().state).toBe('released');
    await kit.sim.close();
  });

  it('releases from 950 N (near the lumbar limit): true tension at the floor within 4 s, motor off and RELDONE within 5 s', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 950);
    const pressedAtUs = kit.sim.nowUs();
    kit.sim.pressSwitch();
    let floorAtUs = Infinity;
    for (let ms = 0; ms < 5000 && kit.sim.state().state !== 'released'; ms += 10) {
      await kit.advance(10);
      if (floorAtUs === Infinity && kit.sim.state().trueTensionN <= 15) floorAtUs = kit.sim.nowUs();
    }
    expect(floorAtUs - pressedAtUs).toBeLessThanOrEqual(4_000_000);
    const done = kit.sim.state().events.find((e) => e.name === 'RELDONE' && e.tUs > pressedAtUs);
    expect((done?.tUs ?? Infinity) - pressedAtUs).toBeLessThanOrEqual(5_000_000);
    expect(kit.sim.state().isMotorOn).toBe(false);
    await kit.sim.close();
  });

  it('in ARMED before the first $SET a press is the self-test: PSW, then PSWTEST and SWITCH_TESTED, no release', async () => {
    const kit = await tableKit();
    await kit.armed();
    kit.sim.pressSwitch();
    await kit.advance(40);
    kit.sim.releaseSwitch();
    await kit.advance(40);
    expect(kit.sim.state().state).toBe('armed');
    expect(wireEvents(kit, 'PSW').length).toBe(1);
    expect(wireEvents(kit, 'PSWTEST').length).toBe(1);
    expect((kit.sim.state().lastTelemetry?.flags ?? 0) & TABLE_FLAG.switchTested).toBe(TABLE_FLAG.switchTested);
    await kit.sim.close();
  });

  it('in ARMED after a $SET (back from $STOP) a press releases', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 100);
    await kit.reply({ kind: 'stop', id: kit.nextId(), rateNps: 44.5 });
    await kit.advance(3000);
    expect(kit.sim.state().state).toBe('armed');
    kit.sim.pressSwitch();
    await kit.advance(20);
    // At the floor the release is over almost at once.
    expect(kit.sim.state().control).toMatchObject({ reason: 2 });
    expect(wireEvents(kit, 'RELEASE').at(-1)?.details[0]).toEqual(['reason', '2']);
    await kit.sim.close();
  });

  it('ignores a press shorter than the 10 ms debounce', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 100);
    kit.sim.pressSwitch();
    kit.sim.advanceMs(8);
    kit.sim.releaseSwitch();
    await kit.advance(50);
    expect(kit.sim.state().state).toBe('run');
    await kit.sim.close();
  });
});

describe('switch fault (§6.1 reason 3)', () => {
  it('unplugged for 20 ms in ARMED: PSWFAULT a=0 b=0 and a release with reason 3', async () => {
    const kit = await tableKit();
    await kit.armed();
    const atUs = kit.sim.nowUs();
    kit.sim.setSwitch('unplugged');
    await kit.advance(30);
    const fault = kit.sim.state().events.find((e) => e.name === 'PSWFAULT');
    expect((fault?.tUs ?? 0) - atUs).toBeGreaterThanOrEqual(20_000);
    expect(wireEvents(kit, 'PSWFAULT')[0]?.details).toEqual([['a', '0'], ['b', '0']]);
    expect(kit.sim.state().control).toMatchObject({ reason: 3 });
    expect(wireEvents(kit, 'RELEASE')[0]?.details[0]).toEqual(['reason', '3']);
    await kit.sim.close();
  });

  it('shorted in IDLE: PSWFAULT a=1 b=1, no release, and $ARM is refused with 11', async () => {
    const kit = await tableKit();
    await kit.hello();
    kit.sim.setSwitch('shorted');
    await kit.advance(30);
    expect(wireEvents(kit, 'PSWFAULT')[0]?.details).toEqual([['a', '1'], ['b', '1']]);
    expect(kit.sim.state().state).toBe('idle');
    expect(await kit.reply({ kind: 'arm', id: kit.nextId(), region: 'lumbar' })).toMatchObject({ kind: 'nak', code: 11 });
    await kit.sim.close();
  });
});

describe('switch fault vs press in RUN and PAUSE (§6.1 reasons 2 and 3)', () => {
  it('unplugged in RUN: a switch fault — PSWFAULT and a release with reason 3 after 20 ms, never a press (no PSW, no reason 2)', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 100);
    const atUs = kit.sim.nowUs();
    kit.sim.setSwitch('unplugged');
    await kit.advance(15);
    expect(kit.sim.state().state).toBe('run');
    await kit.advance(15);
    const release = kit.sim.state().events.find((e) => e.name === 'RELEASE' && e.tUs >= atUs);
    expect((release?.tUs ?? Infinity) - atUs).toBeGreaterThanOrEqual(20_000);
    expect((release?.tUs ?? Infinity) - atUs).toBeLessThanOrEqual(21_000); // well inside §6.2's 50 ms
    expect(wireEvents(kit, 'RELEASE').at(-1)?.details[0]).toEqual(['reason', '3']);
    expect(wireEvents(kit, 'PSWFAULT').at(-1)?.details).toEqual([['a', '0'], ['b', '0']]);
    expect(wireEvents(kit, 'PSW')).toEqual([]);
    await kit.sim.close();
  });

  it('shorted in PAUSE: reason 3 after 20 ms', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 100);
    await kit.reply({ kind: 'pause', id: kit.nextId() });
    kit.sim.setSwitch('shorted');
    await kit.advance(30);
    expect(kit.sim.state().control).toMatchObject({ kind: 'releasing', reason: 3 });
    expect(wireEvents(kit, 'PSW')).toEqual([]);
    await kit.sim.close();
  });

  it('a real press in RUN still releases with reason 2 10 ms after the change', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 100);
    const atUs = kit.sim.nowUs();
    kit.sim.pressSwitch();
    await kit.advance(20);
    const release = kit.sim.state().events.find((e) => e.name === 'RELEASE' && e.tUs >= atUs);
    expect((release?.tUs ?? Infinity) - atUs).toBeLessThanOrEqual(11_000);
    expect(kit.sim.state().control).toMatchObject({ kind: 'releasing', reason: 2 });
    await kit.sim.close();
  });
});

describe('e-stop (§6.1 reason 4)', () => {
  it('releases, latches RELD, and $RESET is refused with 9 until the e-stop is cleared', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 300);
    const atUs = kit.sim.nowUs();
    kit.sim.engageEstop();
    await kit.advance(5);
    expect(eventsAfter(kit.sim, atUs).map((e) => e.name)).toEqual(['ESTOP', 'RELEASE']);
    expect(kit.sim.state().control).toMatchObject({ kind: 'releasing', reason: 4 });
    await untilReleased(kit, 4000);
    expect(kit.sim.state().isMotorOn).toBe(false);
    expect(await kit.reply({ kind: 'reset', id: kit.nextId() })).toMatchObject({ kind: 'nak', code: 9 });
    kit.sim.clearEstop();
    await kit.advance(300);
    expect(wireEvents(kit, 'ESTOPCLR').length).toBe(1);
    expect(await kit.reply({ kind: 'reset', id: kit.nextId() })).toMatchObject({ kind: 'ack' });
    expect(kit.sim.state()).toMatchObject({ state: 'idle', region: null, faultCode: 0 });
    await kit.sim.close();
  });

  it('in IDLE: ESTOP event only, and $ARM is refused with 9', async () => {
    const kit = await tableKit();
    await kit.hello();
    kit.sim.engageEstop();
    await kit.advance(20);
    expect(kit.sim.state().state).toBe('idle');
    expect((kit.sim.state().lastTelemetry?.flags ?? 0) & TABLE_FLAG.estop).toBe(TABLE_FLAG.estop);
    expect(await kit.reply({ kind: 'arm', id: kit.nextId(), region: 'lumbar' })).toMatchObject({ kind: 'nak', code: 9 });
    await kit.sim.close();
  });
});

describe('watchdog (§6.4, reason 1)', () => {
  it('expires 500 ms after the last valid host line: WDOG silentMs=500 and a release; counted in $STATUS', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 200);
    kit.isFeedingWatchdog = false;
    const lastLineUs = kit.sim.nowUs(); // the heartbeat is delivered at this device time
    kit.host.send({ kind: 'heartbeat' });
    await kit.advance(600);
    const wdog = kit.sim.state().events.find((e) => e.name === 'WDOG');
    expect((wdog?.tUs ?? 0) - lastLineUs).toBeGreaterThanOrEqual(500_000);
    expect((wdog?.tUs ?? 0) - lastLineUs).toBeLessThanOrEqual(501_000);
    expect(wireEvents(kit, 'WDOG')[0]?.details).toEqual([['silentMs', '500']]);
    expect(kit.sim.state().control).toMatchObject({ kind: 'releasing', reason: 1 });
    expect((kit.sim.state().lastTelemetry?.flags ?? 0) & TABLE_FLAG.hostOk).toBe(0);
    kit.isFeedingWatchdog = true;
    const status = await kit.reply({ kind: 'status', id: kit.nextId() });
    expect(Object.fromEntries(status.details)).toMatchObject({ wdog: '1', fault: '1' });
    await kit.sim.close();
  });

  it('is restarted by any valid host line, not only %HB', async () => {
    const kit = await tableKit();
    await kit.armed();
    kit.isFeedingWatchdog = false;
    for (let i = 0; i < 10; i++) {
      await kit.command({ kind: 'status', id: kit.nextId() }, 300);
    }
    expect(kit.sim.state().state).toBe('armed');
    expect(kit.sim.state().wdogTrips).toBe(0);
    await kit.sim.close();
  });

  it('in IDLE it only reports WDOG', async () => {
    const kit = await tableKit();
    await kit.hello();
    kit.isFeedingWatchdog = false;
    await kit.advance(700);
    expect(wireEvents(kit, 'WDOG').length).toBe(1);
    expect(kit.sim.state().state).toBe('idle');
    await kit.sim.close();
  });
});

describe('force limit (§6.1 reason 5)', () => {
  it('trips after 20 ms above the latched limit: LIMIT measN limitN, then a release', async () => {
    const kit = await tableKit();
    await kit.armed({ region: 'cervical' });
    await rampTo(kit, 250, 11.1);
    kit.sim.setFaults({ overshootN: 40 }); // the drive overshoots: measured climbs past 266.9 N
    await kit.advance(3000);
    const limit = wireEvents(kit, 'LIMIT')[0];
    expect(limit).toBeDefined();
    const keys = Object.fromEntries(limit?.details ?? []);
    expect(keys.limitN).toBe('266.9');
    expect(Number(keys.measN)).toBeGreaterThan(266.9);
    expect(kit.sim.state().control).toMatchObject({ reason: 5 });
    const release = wireEvents(kit, 'RELEASE')[0];
    expect(release?.tUs).toBe(limit?.tUs);
    await kit.sim.close();
  });

  it('does not trip on a reading above the limit for less than 20 ms (one 12.5 ms reading, seen on the wire)', async () => {
    const kit = await tableKit({ loadCellNoiseN: 0 });
    await kit.armed({ region: 'cervical' });
    await rampTo(kit, 255, 11.1);
    // The load cell converts every 12.5 ms and each reading holds until the next. Pick a reading
    // with a telemetry frame (every 20 ms) inside its 12.5 ms, so the excursion shows on the wire.
    const READING_US = 12_500;
    const FRAME_US = 20_000;
    let readingUs = Math.ceil((kit.sim.nowUs() + 2000) / READING_US) * READING_US;
    while (Math.ceil((readingUs + 1) / FRAME_US) * FRAME_US >= readingUs + READING_US) readingUs += READING_US;
    kit.sim.advanceMs((readingUs - 1000 - kit.sim.nowUs()) / 1000);
    // Drift is added per reading: on for exactly one reading, it lifts that reading by 40 N only.
    kit.sim.setFaults({ loadCellDriftNps: 40 / (READING_US / 1e6) });
    const from = kit.host.ofKind('telemetry').length;
    kit.sim.advanceMs(1);
    kit.sim.setFaults({ loadCellDriftNps: 0 });
    await kit.advance(100);
    const above = kit.host.ofKind('telemetry').slice(from).filter((t) => t.message.measN > 266.9);
    expect(above).toHaveLength(1); // 12.5 ms above the limit: less than 20 ms
    expect(above[0]?.message.tUs).toBeGreaterThan(readingUs);
    expect(above[0]?.message.tUs).toBeLessThan(readingUs + READING_US);
    expect(wireEvents(kit, 'LIMIT')).toHaveLength(0);
    expect(kit.sim.state().state).toBe('run');
    await kit.sim.close();
  });
});

describe('load-cell fault (§6.3, reason 6)', () => {
  it('on an ADC error: LOADCELL, position release to the slack position within 4 s, then motor off', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 400);
    const slackPosMm = kit.sim.state().slackPosMm ?? -1;
    expect(slackPosMm).toBeGreaterThan(0);
    const atUs = kit.sim.nowUs();
    kit.sim.setFaults({ loadCellAdcFault: true });
    await kit.advance(5);
    expect(eventsAfter(kit.sim, atUs).map((e) => e.name)).toEqual(['LOADCELL', 'RELEASE']);
    expect(kit.sim.state().control).toMatchObject({ kind: 'releasing', reason: 6, mode: { kind: 'position' } });
    await untilReleased(kit, 4500);
    const s = kit.sim.state();
    expect(s.state).toBe('released');
    expect(s.isMotorOn).toBe(false);
    expect(s.posMm).toBeLessThanOrEqual(slackPosMm + 0.5);
    expect((s.events.at(-1)?.tUs ?? Infinity) - atUs).toBeLessThanOrEqual(4_100_000);
    expect(s.trueTensionN).toBeLessThan(20);
    await kit.sim.close();
  });

  it('a stuck load cell freezes the reading while the actuator keeps moving (for the host to catch)', async () => {
    const kit = await tableKit();
    await kit.armed();
    await kit.reply({ kind: 'set', id: kit.nextId(), targetN: 300, rateNps: 20 });
    await kit.advance(3000);
    kit.sim.setFaults({ loadCellStuck: true });
    const from = kit.host.ofKind('telemetry').length;
    await kit.advance(2000);
    const frames = kit.host.ofKind('telemetry').slice(from + 2).map((t) => t.message);
    expect(new Set(frames.map((f) => f.measN)).size).toBe(1);
    expect((frames.at(-1)?.posMm ?? 0) - (frames[0]?.posMm ?? 0)).toBeGreaterThan(2);
    expect(kit.sim.state().trueTensionN).toBeGreaterThan((frames[0]?.measN ?? 0) + 20);
    await kit.sim.close();
  });
});

describe('drive fault and power fail (§6.1 reasons 7 and 9)', () => {
  it('drive fault: FAULT at once, motor off, fault 7; $RESET refused while present, accepted after', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 200);
    kit.sim.setFaults({ driveFault: true });
    await kit.advance(2);
    expect(kit.sim.state()).toMatchObject({ state: 'fault', faultCode: 7, isMotorOn: false });
    await kit.advance(3000);
    expect(kit.sim.state().trueTensionN).toBeLessThan(15); // back-drivable: the patient relaxes the drive
    expect(await kit.reply({ kind: 'reset', id: kit.nextId() })).toMatchObject({ kind: 'nak', code: 4 });
    kit.sim.setFaults({ driveFault: false });
    expect(await kit.reply({ kind: 'reset', id: kit.nextId() })).toMatchObject({ kind: 'ack' });
    await kit.sim.close();
  });

  it('power fail: POWER, a release with reason 9, FAULT when the hold-up ends', async () => {
    const kit = await tableKit({ holdUpMs: 3000 });
    await kit.armed();
    await rampTo(kit, 200);
    const atUs = kit.sim.nowUs();
    kit.sim.setFaults({ powerFail: true });
    await kit.advance(5);
    expect(eventsAfter(kit.sim, atUs).map((e) => e.name)).toEqual(['POWER', 'RELEASE']);
    await kit.advance(2900);
    expect(kit.sim.state().state).toBe('released');
    await kit.advance(200);
    expect(kit.sim.state()).toMatchObject({ state: 'fault', faultCode: 9 });
    expect((kit.sim.state().lastTelemetry?.flags ?? 0) & TABLE_FLAG.powerFail).toBe(TABLE_FLAG.powerFail);
    kit.sim.setFaults({ powerFail: false });
    expect(await kit.reply({ kind: 'reset', id: kit.nextId() })).toMatchObject({ kind: 'ack' });
    await kit.sim.close();
  });

  it('a runaway drive during a release: the reading rising 25 N above fromN cuts the motor at once → FAULT 7', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 200);
    const atUs = kit.sim.nowUs();
    await kit.reply({ kind: 'release', id: kit.nextId() });
    kit.sim.setFaults({ runaway: true }); // the drive pulls at 10 mm/s whatever it is told
    const fromN = Number(Object.fromEntries(wireEvents(kit, 'RELEASE').at(-1)?.details ?? []).fromN);
    let maxTrueN = 0;
    for (let ms = 0; ms < 1000 && kit.sim.state().isMotorOn; ms += 5) {
      await kit.advance(5);
      maxTrueN = Math.max(maxTrueN, kit.sim.state().trueTensionN);
    }
    const s = kit.sim.state();
    expect(s).toMatchObject({ state: 'fault', faultCode: 7, isMotorOn: false });
    expect(kit.sim.nowUs() - atUs).toBeLessThan(1_000_000); // not the 5 s motor-off bound
    expect(maxTrueN).toBeLessThan(fromN + 25 + 15);
    expect(wireEvents(kit, 'RELDONE')).toEqual([]);
    await kit.advance(100);
    expect(kit.sim.state().lastTelemetry).toMatchObject({ state: 'fault', fault: 7 });
    await kit.sim.close();
  });

  it('a runaway drive in a release near the limit: a reading above the latched limit for 20 ms cuts the motor (LIMIT, FAULT 7)', async () => {
    const kit = await tableKit();
    await kit.armed();
    await rampTo(kit, 965);
    await kit.reply({ kind: 'release', id: kit.nextId() });
    kit.sim.setFaults({ runaway: true });
    let maxTrueN = 0;
    for (let ms = 0; ms < 1000 && kit.sim.state().isMotorOn; ms += 2) {
      await kit.advance(2);
      maxTrueN = Math.max(maxTrueN, kit.sim.state().trueTensionN);
    }
    expect(kit.sim.state()).toMatchObject({ state: 'fault', faultCode: 7, isMotorOn: false });
    const limit = wireEvents(kit, 'LIMIT').at(-1);
    expect(Object.fromEntries(limit?.details ?? [])).toMatchObject({ limitN: '980.7' });
    expect(Number(Object.fromEntries(limit?.details ?? []).measN)).toBeGreaterThan(980.7);
    // Cut 20 ms after the reading crossed the limit (plus one 12.5 ms conversion): a few newtons over.
    expect(maxTrueN).toBeLessThan(980.7 + 15);
    await kit.sim.close();
  });
});

describe('rate and limit refusals on the wire (§4: reject, never clamp)', () => {
  it('refuses a lumbar rate of 44.6 N/s with 13 and a target of 980.8 N with 14; nothing moves', async () => {
    const kit = await tableKit();
    await kit.armed();
    expect(await kit.reply({ kind: 'set', id: kit.nextId(), targetN: 300, rateNps: 44.6 })).toMatchObject({
      kind: 'nak', code: 13, details: [['max', '44.5']],
    });
    expect(await kit.reply({ kind: 'set', id: kit.nextId(), targetN: 980.8, rateNps: 10 })).toMatchObject({ code: 14 });
    await kit.advance(1000);
    expect(kit.sim.state()).toMatchObject({ state: 'armed', setN: 0 });
    expect(kit.sim.state().posMm).toBe(0);
    await kit.sim.close();
  });
});
