/**
 * The Done-when property of issue #5: no sequence of operator inputs and device events makes
 * the supervisor command a set-point outside the prescription envelope or above the rate limit,
 * and nothing but an operator re-arm leads from a release back to tension. 10,000 random
 * sessions, each starting from a random valid prescription for a random patient.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CERVICAL_HARD_MAX_FRACTION_BW,
  CERVICAL_MAX_TENSION_N,
  LUMBAR_HARD_MAX_FRACTION_BW,
  LUMBAR_MAX_TENSION_N,
  RAMP_MAX_CERVICAL_N_PER_S,
  RAMP_MAX_LUMBAR_N_PER_S,
  bodyWeightN,
} from './decompression-limits.ts';
import { bodyMassKg, deriveEnvelope, minTensionRange, type PatientContext } from './envelope.ts';
import type { AlarmCondition } from './alarms.ts';
import type { Program, ProgramMode } from './program.ts';
import { step } from './supervisor.ts';
import { TEST_LIMITS, toReady } from './supervisor-test-kit.ts';
import { createSupervisor, planSession, type SupervisorEvent, type TableNotice, type TableReading } from './supervisor-types.ts';

const patientArb = fc
  .record({
    region: fc.constantFrom('lumbar' as const, 'cervical' as const),
    massKg: fc.double({ min: 20, max: 250, noNaN: true }),
    completedSessions: fc.nat(30),
    previousMaxN: fc.option(fc.double({ min: 15, max: 1200, noNaN: true }), { nil: undefined }),
    daysSincePrevious: fc.option(fc.double({ min: 0, max: 60, noNaN: true }), { nil: undefined }),
    hasSafetyEventSincePrevious: fc.boolean(),
    firstSessionCapN: fc.option(fc.double({ min: 15, max: 1000, noNaN: true }), { nil: undefined }),
  })
  .map(({ region, massKg, firstSessionCapN, ...history }): PatientContext => {
    const mass = bodyMassKg(massKg);
    if (!mass.ok) throw new Error(mass.error);
    return { region, bodyMassKg: mass.value, history, ...(firstSessionCapN === undefined ? {} : { firstSessionCapN }) };
  });

const durationArb = fc.integer({ min: 1_000, max: 99_000 });
const modeArb: fc.Arbitrary<ProgramMode> = fc.oneof(
  fc.constant({ kind: 'static' as const }),
  fc.record({ kind: fc.constant('intermittent' as const), holdMs: durationArb, restMs: durationArb }),
  fc.record({ kind: fc.constant('cyclic' as const), rampUpMs: durationArb, rampDownMs: durationArb }),
  fc.record({ kind: fc.constant('progressive' as const), steps: fc.integer({ min: 1, max: 10 }), holdMs: durationArb, restMs: durationArb }),
  fc.record({ kind: fc.constant('regressive' as const), steps: fc.integer({ min: 1, max: 10 }), holdMs: durationArb, restMs: durationArb }),
);

/** A prescription inside the patient's envelope (fractions pick values within each allowed range). */
const sessionArb = fc
  .record({
    patient: patientArb,
    mode: modeArb,
    maxFrac: fc.double({ min: 0.2, max: 1, noNaN: true }),
    minFrac: fc.double({ min: 0, max: 1, noNaN: true }),
    rateFrac: fc.double({ min: 0.05, max: 1, noNaN: true }),
    shape: fc.constantFrom('linear' as const, 'logarithmic' as const),
    treatmentMs: fc.integer({ min: 5_000, max: 600_000 }),
    isConfirmed: fc.boolean(),
  })
  .map(({ patient, mode, maxFrac, minFrac, rateFrac, shape, treatmentMs, isConfirmed }) => {
    const envelope = deriveEnvelope(patient);
    const maxN = envelope.maxTensionN * maxFrac;
    const range = minTensionRange(patient.region, maxN);
    const program: Program = {
      region: patient.region,
      mode: range === undefined ? { kind: 'static' } : mode,
      maxN,
      minN: range === undefined ? 0 : range.floorN + (range.ceilingN - range.floorN) * minFrac,
      rampShape: shape,
      rampRateNps: envelope.rampMaxNps * rateFrac,
      treatmentMs,
      angleDeg: patient.region === 'lumbar' ? 10 : 20,
    };
    return { patient, prescription: { program, confirmedN: isConfirmed ? maxN : undefined } };
  });

const anyReadingArb: fc.Arbitrary<TableReading> = fc.record({
  mode: fc.constantFrom('idle' as const, 'armed' as const, 'run' as const, 'pause' as const, 'releasing' as const, 'released' as const, 'fault' as const),
  measuredN: fc.double({ min: -200, max: 1600, noNaN: true }),
  setpointN: fc.double({ min: 0, max: 1500, noNaN: true }),
  positionMm: fc.double({ min: -10, max: 120, noNaN: true }),
  velocityMmS: fc.double({ min: -500, max: 500, noNaN: true }),
  patientSwitch: fc.constantFrom('ready' as const, 'pressed' as const, 'unplugged' as const, 'shorted' as const),
  isEstop: fc.boolean(),
  isZeroed: fc.boolean(),
  isSwitchTested: fc.boolean(),
  isLoadCellFault: fc.boolean(),
  faultCode: fc.integer({ min: 0, max: 9 }),
});

/** A table doing its job: no fault flags, tension near its set-point (within or just past tolerance). */
const healthyReadingArb: fc.Arbitrary<TableReading> = fc
  .record({
    mode: fc.constantFrom('idle' as const, 'armed' as const, 'run' as const, 'pause' as const),
    setpointN: fc.double({ min: 0, max: 900, noNaN: true }),
    errorN: fc.oneof({ weight: 4, arbitrary: fc.double({ min: -5, max: 5, noNaN: true }) }, { weight: 1, arbitrary: fc.double({ min: -60, max: 60, noNaN: true }) }),
    positionMm: fc.double({ min: 0, max: 89, noNaN: true }),
    velocityMmS: fc.double({ min: -5, max: 5, noNaN: true }),
    isZeroed: fc.boolean(),
    isSwitchTested: fc.boolean(),
  })
  .map(({ setpointN, errorN, ...rest }) => ({
    ...rest,
    setpointN,
    measuredN: setpointN + errorN,
    patientSwitch: 'ready' as const,
    isEstop: false,
    isLoadCellFault: false,
    faultCode: 0,
  }));

const noticeArb: fc.Arbitrary<TableNotice> = fc.oneof(
  fc.constantFrom<TableNotice>(
    { kind: 'patient-switch' },
    { kind: 'switch-fault' },
    { kind: 'estop' },
    { kind: 'force-limit' },
    { kind: 'watchdog' },
    { kind: 'load-cell' },
    { kind: 'power' },
  ),
  fc.record({ kind: fc.constantFrom('release-started' as const, 'release-done' as const), reason: fc.integer({ min: 0, max: 12 }) }),
);

const conditionArb = fc.constantFrom<AlarmCondition>('patient-stop', 'tracking', 'link-lost', 'envelope', 'precheck-failed');

const eventArb: fc.Arbitrary<SupervisorEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<SupervisorEvent>({ kind: 'tick' }) },
  { weight: 6, arbitrary: healthyReadingArb.map((r): SupervisorEvent => ({ kind: 'reading', reading: r })) },
  { weight: 1, arbitrary: anyReadingArb.map((r): SupervisorEvent => ({ kind: 'reading', reading: r })) },
  { weight: 1, arbitrary: noticeArb.map((n): SupervisorEvent => ({ kind: 'notice', notice: n })) },
  { weight: 1, arbitrary: fc.constant<SupervisorEvent>({ kind: 'link-up', limits: TEST_LIMITS }) },
  { weight: 1, arbitrary: fc.constant<SupervisorEvent>({ kind: 'link-down', reason: 'test' }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('command-failed' as const),
      command: fc.constantFrom('zero' as const, 'arm' as const, 'disarm' as const, 'set' as const, 'pause' as const, 'stop' as const, 'release' as const, 'reset' as const),
      failure: fc.oneof(
        fc.record({ kind: fc.constant('nak' as const), code: fc.integer({ min: 1, max: 16 }), name: fc.constant('nak') }),
        fc.constant({ kind: 'timeout' as const }),
        fc.constant({ kind: 'link-lost' as const }),
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          { kind: 'begin-prechecks' as const },
          { kind: 'start' as const },
          { kind: 'pause' as const },
          { kind: 'resume' as const },
          { kind: 'stop' as const },
          { kind: 'release' as const },
        ),
        fc.record({ kind: fc.constant('re-arm' as const), reason: fc.constantFrom('', 'patient ok') }),
        fc.record({ kind: fc.constant('acknowledge' as const), condition: conditionArb }),
      )
      .map((input): SupervisorEvent => ({ kind: 'operator', input })),
  },
);

/** Each event comes after a random pause, so program time, pause limits and timeouts all move. */
const timedEventsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 20_000 }), eventArb), { maxLength: 60 });

const isWireExact = (value: number): boolean => Math.abs(value * 10 - Math.round(value * 10)) < 1e-6;

describe('supervisor property: no set-point outside the envelope', () => {
  it('holds for 10,000 random sessions of operator inputs and device events', () => {
    let setpoints = 0;
    let sessionsWithSetpoints = 0;
    let releases = 0;
    fc.assert(
      fc.property(sessionArb, fc.constantFrom('idle', 'ready', 'running'), timedEventsArb, ({ patient, prescription }, startFrom, timedEvents) => {
        const plan = planSession(patient, prescription);
        fc.pre(plan.ok);
        if (!plan.ok) return;
        const bw = bodyWeightN(patient.bodyMassKg);
        // Independent of the envelope code: the region's absolute and BW ceilings, straight from the constants.
        const hardMaxN =
          patient.region === 'lumbar' ? Math.min(LUMBAR_MAX_TENSION_N, LUMBAR_HARD_MAX_FRACTION_BW * bw) : Math.min(CERVICAL_MAX_TENSION_N, CERVICAL_HARD_MAX_FRACTION_BW * bw);
        const rateMaxNps = patient.region === 'lumbar' ? RAMP_MAX_LUMBAR_N_PER_S : RAMP_MAX_CERVICAL_N_PER_S;
        const envelope = plan.value.envelope;
        let state = createSupervisor(plan.value);
        let nowMs = 0;
        let isLatched = false;
        let hasSetpoint = false;
        const start: SupervisorEvent = { kind: 'operator', input: { kind: 'start' } };
        const prefix = startFrom === 'idle' ? [] : startFrom === 'ready' ? toReady() : [...toReady(), [40, start] as const];
        const events = [...prefix.map(([t, e]) => [t, e] as const), ...timedEvents.map(([dt, e]) => [(nowMs += dt) + 40, e] as const)];
        for (const [atMs, event] of events) {
          const result = step(state, event, atMs);
          if (event.kind === 'operator' && event.input.kind === 're-arm' && result.state.phase.kind === 'prechecking') isLatched = false;
          for (const command of result.commands) {
            if (command.kind !== 'table') continue;
            const c = command.command;
            if (c.kind === 'set') {
              setpoints++;
              hasSetpoint = true;
              expect(isLatched, 'a set-point after a release without re-arm').toBe(false);
              expect(c.targetN).toBeGreaterThanOrEqual(0);
              expect(c.targetN).toBeLessThanOrEqual(prescription.program.maxN);
              expect(c.targetN).toBeLessThanOrEqual(envelope.maxTensionN);
              expect(c.targetN).toBeLessThanOrEqual(hardMaxN);
              if (c.targetN > envelope.confirmAboveN) expect(prescription.confirmedN ?? 0).toBeGreaterThanOrEqual(c.targetN);
              expect(c.rateNps).toBeGreaterThan(0);
              expect(c.rateNps).toBeLessThanOrEqual(rateMaxNps);
              expect(isWireExact(c.targetN) && isWireExact(c.rateNps)).toBe(true);
            }
            if (c.kind === 'stop') expect(c.rateNps).toBeLessThanOrEqual(rateMaxNps);
          }
          if (result.state.phase.kind === 'released' && state.phase.kind !== 'released') releases++;
          state = result.state;
          if (state.phase.kind === 'released') isLatched = true;
        }
        if (hasSetpoint) sessionsWithSetpoints++;
      }),
      { numRuns: 10_000 },
    );
    // The property is only as good as the paths it reached: most sessions must have commanded tension.
    expect(sessionsWithSetpoints).toBeGreaterThan(3_000);
    expect(setpoints).toBeGreaterThan(4_000);
    expect(releases).toBeGreaterThan(3_000);
  });
});
