import { describe, expect, it } from 'vitest';
import { step } from './supervisor.ts';
import { intermittentProgram, lumbarPatient, reading, run, supervisorFor, toReady } from './supervisor-test-kit.ts';
import type { SupervisorCommand, SupervisorEvent, SupervisorState } from './supervisor-types.ts';

const op = (input: Extract<SupervisorEvent, { kind: 'operator' }>['input']): SupervisorEvent => ({ kind: 'operator', input });
const tick: SupervisorEvent = { kind: 'tick' };
const fresh = (): SupervisorState => supervisorFor({ program: intermittentProgram(), confirmedN: undefined });
const tableCommands = (commands: readonly SupervisorCommand[]): unknown[] => commands.flatMap((c) => (c.kind === 'table' ? [c.command] : []));
const alarmsRaised = (commands: readonly SupervisorCommand[]): string[] => commands.flatMap((c) => (c.kind === 'raise-alarm' ? [`${c.alarm.priority} ${c.alarm.condition}`] : []));
const running = (): SupervisorState => run(fresh(), [...toReady(), [100, op({ kind: 'start' })]]).state;

describe('prechecks', () => {
  it('zero, arm, switch test, then ready; nothing pulls before start', () => {
    const { state, commands } = run(fresh(), toReady());
    expect(state.phase).toEqual({ kind: 'ready', programMs: 0 });
    expect(tableCommands(commands)).toEqual([{ kind: 'zero' }, { kind: 'arm', region: 'lumbar' }]);
  });

  it('waits for the table connection before zeroing', () => {
    const { state, commands } = run(fresh(), [[0, op({ kind: 'begin-prechecks' })]]);
    expect(state.phase).toMatchObject({ kind: 'prechecking', step: 'link' });
    expect(commands).toEqual([]);
    expect(tableCommands(step(state, { kind: 'link-up', limits: { floorN: 15, loadCellFullScaleN: 1500 } }, 10).commands)).toEqual([{ kind: 'zero' }]);
  });

  it('fails with a Medium alarm when the load cell does not read zero at zero load', () => {
    const { state, commands } = run(fresh(), [...toReady().slice(0, 1), [5, reading({ isZeroed: true, measuredN: 25 })], [10, op({ kind: 'begin-prechecks' })]]);
    expect(state.phase.kind).toBe('idle');
    expect(alarmsRaised(commands)).toEqual(['medium precheck-failed']);
    expect(tableCommands(commands)).toEqual([]);
  });

  it('fails when the table refuses to arm (switch not in the ready position, NAK 11)', () => {
    const events = toReady().slice(0, 3);
    const failed: SupervisorEvent = { kind: 'command-failed', command: 'arm', failure: { kind: 'nak', code: 11, name: 'switch-not-ready' } };
    const { state, commands } = run(fresh(), [...events, [50, failed]]);
    expect(state.phase.kind).toBe('idle');
    expect(state.alarms[0]?.message).toBe('PRECHECK FAILED: $ARM refused: switch-not-ready (11)');
    expect(alarmsRaised(commands)).toEqual(['medium precheck-failed']);
  });

  it('gives up on the switch self-test after 60 s, and disarms', () => {
    const events = toReady().slice(0, 4);
    const waiting = run(fresh(), [...events, [59_000, tick]]).state;
    expect(waiting.phase).toMatchObject({ kind: 'prechecking', step: 'switch-test' });
    const { state, commands } = run(waiting, [[60_031, reading({ mode: 'armed' })], [60_031, tick]]);
    expect(state.phase.kind).toBe('idle');
    expect(tableCommands(commands)).toEqual([{ kind: 'disarm' }]);
  });
});

describe('running the program', () => {
  it('commands one set-point per segment, on the program clock', () => {
    const { commands } = run(fresh(), [...toReady(), [100, op({ kind: 'start' })], [2000, tick], [4200, tick], [34_000, tick], [34_200, tick]]);
    expect(tableCommands(commands).slice(2)).toEqual([
      { kind: 'set', targetN: 160, rateNps: 40 }, // ramp 0 → 160 N
      { kind: 'set', targetN: 160, rateNps: 40 }, // hold
      { kind: 'set', targetN: 80, rateNps: 40 }, // ramp down to rest
    ]);
  });

  it('pause holds the force and freezes the timer; resume picks up the same segment', () => {
    const paused = run(running(), [[2100, op({ kind: 'pause' })], [60_000, tick]]);
    expect(tableCommands(paused.commands)).toEqual([{ kind: 'pause' }]);
    expect(paused.state.phase).toMatchObject({ kind: 'paused', programMs: 2000 });
    const resumed = run(paused.state, [[60_100, op({ kind: 'resume' })], [61_000, tick]]);
    expect(tableCommands(resumed.commands)).toEqual([{ kind: 'set', targetN: 160, rateNps: 40 }]);
    expect(resumed.state.phase).toMatchObject({ kind: 'running', programMs: 2900 });
  });

  it('warns 30 s before the pause limit and stops under control at 120 s', () => {
    const { state, commands } = run(running(), [[1100, op({ kind: 'pause' })], [91_100, tick], [121_100, tick]]);
    expect(alarmsRaised(commands)).toEqual(['medium pause-limit', 'medium pause-limit']);
    expect(tableCommands(commands).at(-1)).toEqual({ kind: 'stop', rateNps: 40 });
    expect(state.phase).toMatchObject({ kind: 'stopping', reason: 'pause-limit' });
  });

  it('ends the treatment with a Stop at the ramp speed and is done once the table is back at the floor', () => {
    const end = run(running(), [[300_100, tick]]);
    expect(tableCommands(end.commands)).toEqual([{ kind: 'stop', rateNps: 40 }]);
    const done = run(end.state, [[300_200, reading({ mode: 'run', measuredN: 80, setpointN: 79 })], [302_400, reading({ mode: 'armed', measuredN: 15, setpointN: 15 })]]);
    expect(done.state.phase).toEqual({ kind: 'done', outcome: 'completed' });
    expect(tableCommands(done.commands)).toEqual([{ kind: 'release' }]); // final release: cord slack, motor off
  });

  it('operator stop: the same controlled ramp, outcome stopped', () => {
    const { state } = run(running(), [[5000, op({ kind: 'stop' })], [9000, reading({ mode: 'armed', measuredN: 14, setpointN: 15 })]]);
    expect(state.phase).toEqual({ kind: 'done', outcome: 'stopped' });
  });
});

describe('safety paths', () => {
  it('patient switch while running: $RELEASE first, High alarm, session marked, latched', () => {
    const { state, commands } = run(running(), [[3000, reading({ mode: 'run', measuredN: 118, setpointN: 120 })], [3010, { kind: 'notice', notice: { kind: 'patient-switch' } }]]);
    expect(commands[0]).toEqual({ kind: 'table', command: { kind: 'release' } });
    expect(alarmsRaised(commands)).toEqual(['high patient-stop']);
    expect(commands).toContainEqual({ kind: 'mark-session', mark: 'patient-stop', detail: 'patient-stop: at 118.0 N (26.5 lbf)' });
    expect(state.phase).toMatchObject({ kind: 'released', cause: 'patient-stop', fromN: 118 });
    // Latched: ticks, start and resume command nothing.
    const later = run(state, [[4000, tick], [4100, op({ kind: 'start' })], [4200, op({ kind: 'resume' })], [4300, reading({ mode: 'released' })]]);
    expect(tableCommands(later.commands)).toEqual([]);
  });

  it('re-arm needs a reason; then reset, prechecks, and no more than the force at the stop', () => {
    const released = run(running(), [[3000, reading({ mode: 'run', measuredN: 118, setpointN: 120 })], [3010, reading({ mode: 'run', patientSwitch: 'pressed', measuredN: 118 })]]).state;
    const afterRelease = run(released, [[5000, reading({ mode: 'released', isSwitchTested: true })]]).state;
    expect(run(afterRelease, [[6000, op({ kind: 're-arm', reason: ' ' })]]).state.phase.kind).toBe('released');
    const rearmed = run(afterRelease, [[6000, op({ kind: 're-arm', reason: 'patient asked to continue' })]]);
    expect(tableCommands(rearmed.commands)).toEqual([{ kind: 'reset' }, { kind: 'zero' }]);
    expect(rearmed.state.capN).toBe(118);
    const resumed = run(rearmed.state, [
      [6100, reading({ mode: 'idle' })],
      [6200, reading({ mode: 'armed' })],
      [6300, reading({ mode: 'armed', isSwitchTested: true })],
      [6400, op({ kind: 'start' })],
    ]);
    expect(resumed.state.phase).toMatchObject({ kind: 'running', programMs: 2910 });
    expect(tableCommands(resumed.commands).at(-1)).toEqual({ kind: 'set', targetN: 118, rateNps: 40 });
  });

  it('lost link: alarm and latch without a command (the table releases on its watchdog); no re-arm while down', () => {
    const { state, commands } = run(running(), [[3000, { kind: 'link-down', reason: 'no valid line for 1000 ms' }]]);
    expect(commands.filter((c) => c.kind === 'table')).toEqual([]);
    expect(alarmsRaised(commands)).toEqual(['high link-lost']);
    expect(state.phase).toMatchObject({ kind: 'released', cause: 'link-lost' });
    expect(run(state, [[4000, op({ kind: 're-arm', reason: 'cable' })]]).state.phase.kind).toBe('released');
  });

  it('e-stop at idle: one harmless $RELEASE and one alarm, not one per reading', () => {
    const { commands } = run(fresh(), [[0, reading({ isEstop: true })], [20, reading({ isEstop: true })], [40, { kind: 'notice', notice: { kind: 'estop' } }]]);
    expect(tableCommands(commands)).toEqual([{ kind: 'release' }]);
    expect(alarmsRaised(commands)).toEqual(['high estop']);
  });

  it('over-tension from readings: release after 200 ms above max + tolerance', () => {
    const events: [number, SupervisorEvent][] = [];
    for (let t = 5000; t <= 5300; t += 20) events.push([t, reading({ mode: 'run', measuredN: 190, setpointN: 160 })]);
    const { state, commands } = run(running(), events);
    expect(state.phase).toMatchObject({ kind: 'released', cause: 'over-tension' });
    expect(commands.find((c) => c.kind === 'table')).toEqual({ kind: 'table', command: { kind: 'release' } });
  });

  it('a table release reported in telemetry (force limit) latches the supervisor too', () => {
    const { state } = run(running(), [[3000, reading({ mode: 'releasing', faultCode: 5 })]]);
    expect(state.phase).toMatchObject({ kind: 'released', cause: 'force-limit' });
  });

  it('NAKs: a refused set-point stops under control; a latched table (10) means released', () => {
    const refused = run(running(), [[200, { kind: 'command-failed', command: 'set', failure: { kind: 'nak', code: 14, name: 'limit-exceeded' } }]]);
    expect(tableCommands(refused.commands)).toEqual([{ kind: 'stop', rateNps: 40 }]);
    expect(alarmsRaised(refused.commands)).toEqual(['low command-refused']);
    const latched = run(running(), [[200, { kind: 'command-failed', command: 'set', failure: { kind: 'nak', code: 10, name: 'fault-latched' } }]]);
    expect(latched.state.phase).toMatchObject({ kind: 'released', cause: 'table-fault' });
  });

  it('tracking: Medium alarm and hold (pause) after 2 s out of tolerance', () => {
    const events: [number, SupervisorEvent][] = [];
    for (let t = 5000; t <= 7100; t += 20) events.push([t, reading({ mode: 'run', measuredN: 140, setpointN: 160 })]);
    const { state, commands } = run(running(), events);
    expect(alarmsRaised(commands)).toEqual(['medium tracking']);
    expect(tableCommands(commands)).toEqual([{ kind: 'pause' }]);
    expect(state.phase.kind).toBe('paused');
  });

  it('acknowledging removes the alarm', () => {
    const released = run(running(), [[3000, { kind: 'notice', notice: { kind: 'patient-switch' } }]]).state;
    const acked = step(released, op({ kind: 'acknowledge', condition: 'patient-stop' }), 4000);
    expect(acked.state.alarms).toEqual([]);
    expect(acked.commands).toEqual([{ kind: 'clear-alarm', condition: 'patient-stop' }]);
  });

  it('uses the patient envelope: a cervical program on a lumbar envelope cannot be planned', () => {
    expect(() => supervisorFor({ program: intermittentProgram({ region: 'cervical', angleDeg: 20 }), confirmedN: undefined }, lumbarPatient())).toThrow(/region/);
  });
});
