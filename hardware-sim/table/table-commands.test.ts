/**
 * Every row and refusal of table.md §4, table-driven over every state (STYLE §7), on the pure
 * command step. A refusal must leave the control exactly as it was.
 */
import { describe, it, expect } from 'vitest';
import { channelsOf } from './patient-switch.ts';
import type { SwitchPosition } from './patient-switch.ts';
import { applyTableCommand } from './table-commands.ts';
import type { TableDeviceCommand } from './table-commands.ts';
import { INITIAL_CONTROL } from './table-state.ts';
import type { TableControl, TableSensors, TableState } from './table-state.ts';

const STATES: Record<TableState['kind'], TableState> = {
  idle: { kind: 'idle' },
  armed: { kind: 'armed', hasSetSinceArm: false, isSelfTestPressed: false },
  run: { kind: 'run', targetN: 300, rateNps: 20, isStopping: false },
  pause: { kind: 'pause' },
  releasing: { kind: 'releasing', reason: 2, triggerUs: 0, mode: { kind: 'force' }, isMotorCut: false, fromN: 300, ceilingN: 325, rampInUs: 0 },
  released: { kind: 'released', reason: 2 },
  fault: { kind: 'fault', reason: 7 },
};

function control(kind: TableState['kind'], region: 'lumbar' | 'cervical' | null = 'lumbar'): TableControl {
  return { ...INITIAL_CONTROL, state: STATES[kind], region: kind === 'idle' ? null : region, setN: 100 };
}

function sensors(over: Partial<TableSensors> & { switchPosition?: SwitchPosition } = {}): TableSensors {
  const position = over.switchPosition ?? 'ready';
  const isPress = position !== 'ready';
  return {
    measN: 0,
    filteredN: 0,
    recentMeanN: 0,
    isReadingFrozen: false,
    isLoadCellFault: false,
    posMm: 0,
    velMmS: 0,
    switchChannels: channelsOf(position),
    switchLevels: {
      isPressDetected: isPress,
      isFaultDetected: position === 'unplugged' || position === 'shorted',
      isGenuinePress: position === 'pressed',
      isReady: !isPress,
    },
    isEstop: false,
    isDriveFault: false,
    isPowerFail: false,
    hostSilentUs: 0,
    ...over,
  };
}

type Expect = 'ack' | number;
const ALL = Object.keys(STATES) as TableState['kind'][];
const link = { rxBad: 0, rxGap: 0 };

function run(kind: TableState['kind'], command: TableDeviceCommand, s: TableSensors = sensors(), region?: 'lumbar' | 'cervical') {
  const before = control(kind, region);
  const step = applyTableCommand(before, command, s, 5_000_000, link);
  return { before, step };
}

function outcome(reply: { kind: string; code?: number }): Expect {
  return reply.kind === 'ack' ? 'ack' : (reply.code ?? -1);
}

const cases: { command: TableDeviceCommand; expected: Record<TableState['kind'], Expect>; next?: Partial<Record<TableState['kind'], TableState['kind']>> }[] = [
  {
    command: { kind: 'zero', id: 1 },
    expected: { idle: 'ack', armed: 4, run: 4, pause: 4, releasing: 4, released: 4, fault: 4 },
  },
  {
    command: { kind: 'arm', id: 1, region: 'lumbar' },
    expected: { idle: 'ack', armed: 'ack', run: 4, pause: 4, releasing: 10, released: 10, fault: 10 },
    next: { idle: 'armed', armed: 'armed' },
  },
  {
    command: { kind: 'disarm', id: 1 },
    expected: { idle: 'ack', armed: 'ack', run: 4, pause: 4, releasing: 4, released: 4, fault: 4 },
    next: { idle: 'idle', armed: 'idle' },
  },
  {
    command: { kind: 'set', id: 1, targetN: 450, rateNps: 40 },
    expected: { idle: 12, armed: 'ack', run: 'ack', pause: 'ack', releasing: 10, released: 10, fault: 10 },
    next: { armed: 'run', run: 'run', pause: 'run' },
  },
  {
    command: { kind: 'pause', id: 1 },
    expected: { idle: 4, armed: 4, run: 'ack', pause: 'ack', releasing: 4, released: 4, fault: 4 },
    next: { run: 'pause', pause: 'pause' },
  },
  {
    command: { kind: 'stop', id: 1, rateNps: 40 },
    expected: { idle: 'ack', armed: 'ack', run: 'ack', pause: 'ack', releasing: 'ack', released: 'ack', fault: 'ack' },
    next: { idle: 'idle', armed: 'armed', run: 'run', pause: 'run', releasing: 'releasing', released: 'released', fault: 'fault' },
  },
  {
    command: { kind: 'release', id: 1 },
    expected: { idle: 'ack', armed: 'ack', run: 'ack', pause: 'ack', releasing: 'ack', released: 'ack', fault: 'ack' },
    next: { idle: 'idle', armed: 'releasing', run: 'releasing', pause: 'releasing', releasing: 'releasing', released: 'released', fault: 'fault' },
  },
  {
    command: { kind: 'reset', id: 1 },
    expected: { idle: 'ack', armed: 4, run: 4, pause: 4, releasing: 4, released: 'ack', fault: 'ack' },
    next: { idle: 'idle', released: 'idle', fault: 'idle' },
  },
  {
    command: { kind: 'status', id: 1 },
    expected: { idle: 'ack', armed: 'ack', run: 'ack', pause: 'ack', releasing: 'ack', released: 'ack', fault: 'ack' },
  },
];

describe('table.md §4: every command in every state', () => {
  for (const { command, expected, next } of cases) {
    for (const kind of ALL) {
      const want = expected[kind];
      it(`${command.kind} in ${kind} → ${want === 'ack' ? 'ACK' : `NAK ${want}`}`, () => {
        const { before, step } = run(kind, command);
        expect(outcome(step.reply)).toBe(want);
        if (want !== 'ack') expect(step.control).toBe(before);
        else expect(step.control.state.kind).toBe(next?.[kind] ?? kind);
      });
    }
  }
});

describe('table.md §4: conditional refusals', () => {
  it('$ZERO asks for a tare only when accepted', () => {
    expect(run('idle', { kind: 'zero', id: 1 }).step.isTare).toBe(true);
    expect(run('armed', { kind: 'zero', id: 1 }).step.isTare).toBeUndefined();
  });

  it('$ARM: e-stop 9, switch not ready 11 (pressed, unplugged, shorted), tension above floor 15, other region 16', () => {
    expect(outcome(run('idle', { kind: 'arm', id: 1, region: 'lumbar' }, sensors({ isEstop: true })).step.reply)).toBe(9);
    for (const position of ['pressed', 'unplugged', 'shorted'] as const) {
      expect(outcome(run('idle', { kind: 'arm', id: 1, region: 'lumbar' }, sensors({ switchPosition: position })).step.reply)).toBe(11);
    }
    expect(outcome(run('idle', { kind: 'arm', id: 1, region: 'lumbar' }, sensors({ filteredN: 30 })).step.reply)).toBe(15);
    expect(outcome(run('armed', { kind: 'arm', id: 1, region: 'cervical' }).step.reply)).toBe(16);
    expect(outcome(run('run', { kind: 'arm', id: 1, region: 'cervical' }).step.reply)).toBe(16);
  });

  it('$ARM latches the region and a fresh arming (no self-test yet, no slack position)', () => {
    const { step } = run('idle', { kind: 'arm', id: 1, region: 'cervical' });
    expect(step.control.region).toBe('cervical');
    expect(step.control.state).toEqual({ kind: 'armed', hasSetSinceArm: false, isSelfTestPressed: false });
    expect(step.control.isSwitchTested).toBe(false);
    expect(step.control.setN).toBe(0);
  });

  it('$DISARM: tension above floor 15; unlatches the region', () => {
    expect(outcome(run('armed', { kind: 'disarm', id: 1 }, sensors({ filteredN: 40 })).step.reply)).toBe(15);
    expect(run('armed', { kind: 'disarm', id: 1 }, sensors({ filteredN: 15.5 })).step.control.region).toBe(null);
  });

  it('$SET: rejects, never clamps: 14 above the latched limit, 13 above the region rate, 9 with e-stop', () => {
    const lumbarOver = run('run', { kind: 'set', id: 1, targetN: 980.8, rateNps: 40 });
    expect(lumbarOver.step.reply).toEqual({ kind: 'nak', id: 1, code: 14, details: [['max', '980.7']] });
    expect(lumbarOver.step.control).toBe(lumbarOver.before);
    expect(outcome(run('run', { kind: 'set', id: 1, targetN: 980.7, rateNps: 44.5 }).step.reply)).toBe('ack');
    expect(run('run', { kind: 'set', id: 1, targetN: 400, rateNps: 44.6 }).step.reply).toEqual({
      kind: 'nak', id: 1, code: 13, details: [['max', '44.5']],
    });
    expect(outcome(run('armed', { kind: 'set', id: 1, targetN: 267, rateNps: 5 }, sensors(), 'cervical').step.reply)).toBe(14);
    expect(outcome(run('armed', { kind: 'set', id: 1, targetN: 266.9, rateNps: 11.2 }, sensors(), 'cervical').step.reply)).toBe(13);
    expect(outcome(run('armed', { kind: 'set', id: 1, targetN: 266.9, rateNps: 11.1 }, sensors(), 'cervical').step.reply)).toBe('ack');
    expect(outcome(run('armed', { kind: 'set', id: 1, targetN: 100, rateNps: 10 }, sensors({ isEstop: true })).step.reply)).toBe(9);
  });

  it('$SET is absolute: the target replaces the previous one', () => {
    const { step } = run('run', { kind: 'set', id: 1, targetN: 200, rateNps: 10 });
    expect(step.control.state).toEqual({ kind: 'run', targetN: 200, rateNps: 10, isStopping: false });
  });

  it('$STOP: 13 above the region rate; slews to the floor', () => {
    expect(run('run', { kind: 'stop', id: 1, rateNps: 44.6 }).step.reply).toMatchObject({ kind: 'nak', code: 13 });
    expect(run('pause', { kind: 'stop', id: 1, rateNps: 11.2 }, sensors(), 'cervical').step.reply).toMatchObject({ code: 13 });
    expect(run('pause', { kind: 'stop', id: 1, rateNps: 20 }).step.control.state).toEqual({
      kind: 'run', targetN: 15, rateNps: 20, isStopping: true,
    });
  });

  it('$RELEASE starts a safety release with reason 8 and a RELEASE event', () => {
    const { step } = run('run', { kind: 'release', id: 1 }, sensors({ measN: 412.3, recentMeanN: 412.3 }));
    expect(step.control.state).toMatchObject({ kind: 'releasing', reason: 8, triggerUs: 5_000_000 });
    expect(step.control.faultCode).toBe(8);
    expect(step.events).toEqual([{ name: 'RELEASE', details: [['reason', '8'], ['fromN', '412.3']] }]);
  });

  it('$RESET: 9 with e-stop, 15 above floor, 4 while the fault is still present; clears the latch', () => {
    expect(outcome(run('released', { kind: 'reset', id: 1 }, sensors({ isEstop: true })).step.reply)).toBe(9);
    expect(outcome(run('fault', { kind: 'reset', id: 1 }, sensors({ isEstop: true })).step.reply)).toBe(9);
    expect(outcome(run('released', { kind: 'reset', id: 1 }, sensors({ filteredN: 100 })).step.reply)).toBe(15);
    expect(outcome(run('fault', { kind: 'reset', id: 1 }, sensors({ isDriveFault: true })).step.reply)).toBe(4);
    expect(outcome(run('fault', { kind: 'reset', id: 1 }, sensors({ isPowerFail: true })).step.reply)).toBe(4);
    const { step } = run('released', { kind: 'reset', id: 1 });
    expect(step.control).toMatchObject({ state: { kind: 'idle' }, region: null, faultCode: 0 });
  });

  it('$STATUS reports state fault rxBad rxGap wdog', () => {
    const { step } = run('released', { kind: 'status', id: 1 });
    expect(step.reply).toEqual({
      kind: 'ack', id: 1,
      details: [['state', 'RELD'], ['fault', '0'], ['rxBad', '0'], ['rxGap', '0'], ['wdog', '0']],
    });
  });

  it('$INFO serves pages 0–2 and refuses page 3 with code 3', () => {
    expect(run('idle', { kind: 'info', id: 1, page: 2 }).step.reply).toEqual({
      kind: 'ack', id: 1, details: [['floorN', '15.0'], ['strokeMm', '89.0'], ['fsN', '1500'], ['last', '1']],
    });
    expect(outcome(run('idle', { kind: 'info', id: 1, page: 3 }).step.reply)).toBe(3);
  });
});
