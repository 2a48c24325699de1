/**
 * Every safety path of issue #5 against the simulated DT-9 (in-process, lockstep compressed time):
 * patient switch, e-stop, lost link, over-tension, runaway, stuck and drifting load cell, NAKs.
 * Each ends released under control with the right High alarm, session mark and no further
 * set-point until the operator re-arms.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Program, ReleaseCause } from '../../core/index.ts';
import { decompressionRig, lumbarProgram, type DecompressionRig } from './decompression-rig.ts';

let rig: DecompressionRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const staticProgram = (overrides: Partial<Program> = {}): Program => lumbarProgram({ mode: { kind: 'static' }, treatmentMs: 120_000, ...overrides });

/** Starts a static session and waits until it holds at its max. */
async function holding(program: Program = staticProgram()): Promise<DecompressionRig> {
  rig = await decompressionRig({ program, confirmedN: undefined });
  const r = rig;
  await r.startSession();
  await r.advanceUntil('the hold', () => (r.driver.lastTelemetry?.measuredN ?? 0) > program.maxN - 10, 15_000);
  await r.advance(1000);
  return r;
}

/** Released with this cause; the table released to the floor; no set-point after the trigger. */
async function expectReleased(r: DecompressionRig, cause: ReleaseCause, alarm: string): Promise<void> {
  await r.advanceUntil(`released (${cause})`, () => r.phase().kind === 'released', 5000);
  expect(r.phase()).toMatchObject({ kind: 'released', cause });
  expect(r.runner.state.alarms.map((a) => `${a.priority} ${a.message}`)).toContainEqual(expect.stringMatching(new RegExp(`^high ${alarm}`)));
  expect(r.sink.of('sessionMarked').length).toBeGreaterThan(0);
  const releasedAtMs = r.sink.of('stateChanged').find((c) => c.to.kind === 'released')?.atMs ?? 0;
  await r.advanceUntil('the table released', () => r.driver.lastTelemetry?.state === 'RELD' || r.driver.lastTelemetry?.state === 'FAULT', 6000);
  await r.advance(3000);
  expect(r.sim.state().trueTensionN).toBeLessThan(15);
  expect(r.sink.of('tableCommand').filter((c) => c.command.kind === 'set' && c.atMs > releasedAtMs + 200)).toEqual([]);
}

describe('safety paths against the simulated table', () => {
  it('patient switch: release, High alarm, session marked; re-arm resumes no higher than the force at the stop', async () => {
    const r = await holding();
    const atStopN = r.driver.lastTelemetry?.measuredN ?? 0;
    r.sim.pressSwitch();
    await expectReleased(r, 'patient-stop', 'PATIENT STOP');
    expect(r.sink.of('sessionMarked')[0]?.mark).toBe('patient-stop');
    r.sim.releaseSwitch();
    r.runner.operator({ kind: 're-arm', reason: 'patient asked to continue' });
    await r.advanceUntil('switch test', () => r.phase().kind === 'prechecking' && (r.phase() as { step: string }).step === 'switch-test', 3000);
    r.sim.pressSwitch();
    await r.advance(100);
    r.sim.releaseSwitch();
    await r.advanceUntil('ready', () => r.phase().kind === 'ready', 2000);
    r.runner.operator({ kind: 'start' });
    await r.advance(10_000);
    expect(r.runner.state.capN).toBeLessThanOrEqual(atStopN + 0.1);
    expect(r.driver.lastTelemetry?.setpointN).toBeLessThanOrEqual(atStopN + 0.1);
    expect(r.driver.lastTelemetry?.state).toBe('RUN');
  }, 30_000);

  it('e-stop: release, High alarm; no re-arm while it is engaged', async () => {
    const r = await holding();
    r.sim.engageEstop();
    await expectReleased(r, 'estop', 'EMERGENCY STOP');
    r.runner.operator({ kind: 're-arm', reason: 'checked' });
    expect(r.phase().kind).toBe('released');
  }, 30_000);

  it('lost link: the table releases on its own watchdog; the app alarms and waits for a re-arm after reconnecting', async () => {
    const r = await holding();
    const setsBefore = r.sink.of('tableCommand').filter((c) => c.command.kind === 'set').length;
    await r.sim.unplug();
    await r.advanceUntil('link loss seen', () => r.phase().kind === 'released', 3000);
    expect(r.phase()).toMatchObject({ kind: 'released', cause: 'link-lost' });
    expect(r.runner.state.alarms.map((a) => `${a.priority} ${a.message}`)).toEqual([expect.stringMatching(/^high TABLE LINK LOST: /)]);
    await r.advance(6000);
    expect(r.sim.state().state).toBe('released');
    expect(r.sim.state().faultCode).toBe(1);
    await r.sim.replug();
    await r.advanceUntil('reconnected', () => r.driver.state.kind === 'ready', 5000);
    await r.advance(2000);
    expect(r.phase().kind).toBe('released');
    expect(r.sink.of('tableCommand').filter((c) => c.command.kind === 'set').length).toBe(setsBefore);
  }, 30_000);

  it('over-tension: the drive overshoots the set-point by 60 N; the app releases within its 200 ms window', async () => {
    const r = await holding();
    r.sim.setFaults({ overshootN: 60 });
    await expectReleased(r, 'over-tension', 'OVER-TENSION');
  }, 30_000);

  it('runaway: the drive keeps pulling whatever it is told; the app releases', async () => {
    const r = await holding();
    r.sim.setFaults({ runaway: true });
    await r.advanceUntil('released', () => r.phase().kind === 'released', 5000);
    expect(['runaway', 'over-tension']).toContain((r.phase() as { cause: string }).cause);
    expect(r.runner.state.alarms[0]?.priority).toBe('high');
  }, 30_000);

  it('stuck load cell during a ramp: actuator moving, reading frozen → force sensor fault release', async () => {
    rig = await decompressionRig({ program: lumbarProgram(), confirmedN: undefined });
    const r = rig;
    await r.startSession();
    await r.advanceUntil('the ramp under way', () => (r.driver.lastTelemetry?.measuredN ?? 0) > 60, 10_000);
    r.sim.setFaults({ loadCellStuck: true });
    await expectReleased(r, 'load-cell-fault', 'FORCE SENSOR FAULT');
  }, 30_000);

  it('drifting load cell during a hold: the loop follows the drift, the actuator moves, the app releases', async () => {
    const r = await holding();
    r.sim.setFaults({ loadCellDriftNps: 40 });
    await expectReleased(r, 'load-cell-fault', 'FORCE SENSOR FAULT');
  }, 30_000);

  it('NAK at the prechecks: an unplugged patient switch makes the table refuse $ARM (11); precheck fails, nothing pulls', async () => {
    rig = await decompressionRig({ program: lumbarProgram(), confirmedN: undefined }, { sim: { faults: { patientSwitch: 'unplugged' } } });
    const r = rig;
    r.runner.operator({ kind: 'begin-prechecks' });
    const failed = (): boolean => r.runner.state.alarms.some((a) => a.condition === 'precheck-failed');
    await r.advanceUntil('the precheck failure', failed, 3000);
    expect(r.phase().kind).toBe('idle');
    // The table reported the unplugged switch at power-up (PSWFAULT): announced too.
    expect(r.runner.state.alarms.map((a) => `${a.priority} ${a.message}`)).toEqual([
      'high PATIENT SWITCH FAULT',
      'medium PRECHECK FAILED: $ARM refused: switch-not-ready (11)',
    ]);
    expect(r.sink.of('tableCommand').some((c) => c.command.kind === 'set')).toBe(false);
  }, 30_000);

  it('busy NAKs on the link (30 % of commands) are retried: the session completes', async () => {
    rig = await decompressionRig({ program: lumbarProgram({ treatmentMs: 30_000 }), confirmedN: undefined }, { sim: { faults: { nakBusyFrac: 0.3 } } });
    const r = rig;
    await r.startSession();
    await r.advanceUntil('done', () => r.phase().kind === 'done', 60_000);
    expect(r.phase()).toEqual({ kind: 'done', outcome: 'completed' });
    expect(r.sim.faultCounters().naks).toBeGreaterThan(0);
  }, 30_000);
});
