/**
 * Each program mode run by the supervisor against the simulated DT-9 (in-process, compressed
 * time): the table follows the timeline within YY 0697's tolerance, the session ends with a
 * controlled Stop at the floor, and nothing is ever commanded outside the envelope.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildTimeline, timelineAt, tractionToleranceN, type Program, type ProgramMode } from '../../core/index.ts';
import { decompressionRig, lumbarProgram, patient, type DecompressionRig } from './decompression-rig.ts';

let rig: DecompressionRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function runToEnd(program: Program): Promise<DecompressionRig> {
  rig = await decompressionRig({ program, confirmedN: undefined }, { patient: patient(program.region) });
  await rig.startSession();
  const r = rig;
  await r.advanceUntil('the end of the session', () => r.phase().kind === 'done', buildTimeline(program).totalMs + 20_000);
  await r.advanceUntil('the final release', () => r.driver.lastTelemetry?.state === 'RELD', 6000);
  return r;
}

/** Over the treatment, measured tension stays within tolerance of the timeline once each ramp has settled. */
function trackingErrors(r: DecompressionRig, program: Program): number[] {
  const timeline = buildTimeline(program);
  const running = r.sink.of('stateChanged').find((c) => c.to.kind === 'running');
  const startMs = running?.atMs ?? 0;
  const errors: number[] = [];
  for (const t of r.sink.of('telemetry')) {
    const programMs = t.atMs - startMs;
    if (programMs < 2000 || programMs > timeline.treatmentEndMs) continue;
    // The table slews its set-point itself; compare with it and with the plan 0.5 s earlier (loop lag).
    const plannedN = timelineAt(timeline, programMs - 500).tensionN;
    errors.push(Math.min(Math.abs(t.measuredN - t.setpointN), Math.abs(t.measuredN - plannedN)) - tractionToleranceN(t.setpointN));
  }
  return errors;
}

const modes: [string, ProgramMode, Partial<Program>][] = [
  ['static', { kind: 'static' }, { treatmentMs: 30_000 }],
  ['intermittent', { kind: 'intermittent', holdMs: 10_000, restMs: 5000 }, {}],
  ['cyclic', { kind: 'cyclic', rampUpMs: 8000, rampDownMs: 6000 }, {}],
  ['progressive', { kind: 'progressive', steps: 3, holdMs: 8000, restMs: 4000 }, {}],
  ['regressive', { kind: 'regressive', steps: 3, holdMs: 8000, restMs: 4000 }, {}],
  ['logarithmic intermittent', { kind: 'intermittent', holdMs: 10_000, restMs: 5000 }, { rampShape: 'logarithmic' }],
];

describe('decompression programs against the simulated table', () => {
  for (const [name, mode, overrides] of modes) {
    it(`${name}: follows the timeline and ends with a controlled stop at the floor`, async () => {
      const program = lumbarProgram({ mode, ...overrides });
      const r = await runToEnd(program);
      expect(r.phase()).toEqual({ kind: 'done', outcome: 'completed' });
      expect(r.sink.of('alarmRaised').map((a) => a.alarm.message)).toEqual([]);
      const sets = r.sink.of('tableCommand').filter((c) => c.command.kind === 'set');
      expect(sets.length).toBeGreaterThan(0);
      for (const s of sets) {
        expect(s.outcome).toEqual({ kind: 'ack' });
        if (s.command.kind === 'set') expect(s.command.targetN).toBeLessThanOrEqual(program.maxN);
      }
      const errors = trackingErrors(r, program);
      expect(errors.length).toBeGreaterThan(100);
      expect(Math.max(...errors)).toBeLessThanOrEqual(0);
      const last = r.driver.lastTelemetry;
      // Final release: at the floor, motor off, reason 8 (host release), no alarm.
      expect(last?.fault).toBe(8);
      expect(last?.measuredN).toBeLessThanOrEqual(15);
    }, 30_000);
  }

  it('cervical: runs under the cervical limits latched at the table', async () => {
    const program = lumbarProgram({ region: 'cervical', angleDeg: 20, mode: { kind: 'intermittent', holdMs: 10_000, restMs: 5000 }, maxN: 44, minN: 20, rampRateNps: 10 });
    const r = await runToEnd(program);
    expect(r.phase()).toEqual({ kind: 'done', outcome: 'completed' });
    expect(r.sink.of('telemetry').some((t) => t.measuredN > 40)).toBe(true);
    expect(r.sink.of('tableCommand').find((c) => c.command.kind === 'arm')?.command).toEqual({ kind: 'arm', region: 'cervical' });
  }, 30_000);

  it('pause holds the tension and freezes the timer; resume continues the program', async () => {
    rig = await decompressionRig({ program: lumbarProgram({ mode: { kind: 'static' }, treatmentMs: 20_000 }), confirmedN: undefined });
    const r = rig;
    await r.startSession();
    await r.advance(8000);
    r.runner.operator({ kind: 'pause' });
    await r.advance(200);
    const heldN = r.driver.lastTelemetry?.measuredN ?? 0;
    const programMs = r.phase().kind === 'paused' ? (r.phase() as { programMs: number }).programMs : -1;
    await r.advance(20_000);
    expect(r.phase()).toMatchObject({ kind: 'paused', programMs });
    expect(r.driver.lastTelemetry?.state).toBe('PAUSE');
    expect(Math.abs((r.driver.lastTelemetry?.measuredN ?? 0) - heldN)).toBeLessThan(tractionToleranceN(heldN));
    r.runner.operator({ kind: 'resume' });
    await r.advanceUntil('the end', () => r.phase().kind === 'done', 30_000);
    expect(r.phase()).toEqual({ kind: 'done', outcome: 'completed' });
  }, 30_000);
});
