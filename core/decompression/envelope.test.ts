import { describe, expect, it } from 'vitest';
import { NEWTONS_PER_POUND_FORCE as LBF, STANDARD_GRAVITY_MPS2 as G } from '../units.ts';
import { bodyMassKg, checkPrescription, checkSetpoint, deriveEnvelope, FIRST_SESSION, minTensionRange, type BodyMassKg, type PatientContext } from './envelope.ts';
import { intermittentProgram } from './supervisor-test-kit.ts';

const kg = (value: number): BodyMassKg => {
  const mass = bodyMassKg(value);
  if (!mass.ok) throw new Error(mass.error);
  return mass.value;
};
const lumbar = (massKg: number, overrides: Partial<PatientContext> = {}): PatientContext => ({ region: 'lumbar', bodyMassKg: kg(massKg), history: FIRST_SESSION, ...overrides });
const cervical = (massKg: number, overrides: Partial<PatientContext> = {}): PatientContext => ({ region: 'cervical', bodyMassKg: kg(massKg), history: FIRST_SESSION, ...overrides });
const laterSession = (previousMaxN: number, hasSafetyEventSincePrevious = false, daysSincePrevious = 3) => ({
  completedSessions: 4,
  previousMaxN,
  daysSincePrevious,
  hasSafetyEventSincePrevious,
});

describe('body mass', () => {
  it('accepts 20–250 kg and refuses anything else, including NaN', () => {
    expect(bodyMassKg(20).ok).toBe(true);
    expect(bodyMassKg(250).ok).toBe(true);
    for (const bad of [19.9, 250.1, Number.NaN, Number.POSITIVE_INFINITY, -70]) expect(bodyMassKg(bad).ok).toBe(false);
  });
});

describe('lumbar envelope', () => {
  it('caps the first sessions at 40 lbf by default and 50 lbf at most, whatever the body weight', () => {
    expect(deriveEnvelope(lumbar(80)).maxTensionN).toBeCloseTo(40 * LBF, 6);
    expect(deriveEnvelope(lumbar(80, { firstSessionCapN: 1000 })).maxTensionN).toBeCloseTo(50 * LBF, 6);
    expect(deriveEnvelope(lumbar(80, { history: { ...FIRST_SESSION, completedSessions: 1, previousMaxN: 150 } })).isFirstCapped).toBe(true);
  });

  it('suggests 25 % of body weight to start, within the cap', () => {
    expect(deriveEnvelope(lumbar(60)).startTensionN).toBeCloseTo(Math.min(0.25 * 60 * G, 40 * LBF), 6);
    expect(deriveEnvelope(lumbar(30)).startTensionN).toBeCloseTo(0.25 * 30 * G, 6);
  });

  it('allows at most 10 lbf more than the previous completed session, and no increase after a safety event', () => {
    expect(deriveEnvelope(lumbar(90, { history: laterSession(300) })).maxTensionN).toBeCloseTo(300 + 10 * LBF, 6);
    expect(deriveEnvelope(lumbar(90, { history: laterSession(300, true) })).maxTensionN).toBe(300);
  });

  it('restarts the first-session caps after a break of more than 14 days', () => {
    expect(deriveEnvelope(lumbar(90, { history: laterSession(300, false, 14) })).isFirstCapped).toBe(false);
    const afterBreak = deriveEnvelope(lumbar(90, { history: laterSession(300, false, 14.5) }));
    expect(afterBreak.isFirstCapped).toBe(true);
    expect(afterBreak.maxTensionN).toBeCloseTo(40 * LBF, 6);
  });

  it('never exceeds 200 lbf nor 0.6 body weight; confirmation above 0.5 BW or the previous max', () => {
    const heavy = deriveEnvelope(lumbar(250, { history: laterSession(1000) }));
    expect(heavy.maxTensionN).toBeCloseTo(200 * LBF, 6);
    const light = deriveEnvelope(lumbar(40, { history: laterSession(400) }));
    expect(light.maxTensionN).toBeCloseTo(0.6 * 40 * G, 6);
    expect(light.confirmAboveN).toBeCloseTo(0.5 * 40 * G, 6);
    expect(deriveEnvelope(lumbar(90, { history: laterSession(300) })).confirmAboveN).toBe(300);
  });

  it('min tension: at least 15 N, at most half the max and 10 lbf below it; static only below that', () => {
    expect(minTensionRange('lumbar', 400)).toEqual({ floorN: 15, ceilingN: 200 });
    expect(minTensionRange('lumbar', 70)?.ceilingN).toBeCloseTo(70 - 10 * LBF, 6);
    expect(minTensionRange('lumbar', 59)).toBeUndefined();
    expect(minTensionRange('cervical', 40)).toEqual({ floorN: 15, ceilingN: 20 });
    expect(minTensionRange('cervical', 29)).toBeUndefined();
  });
});

describe('cervical envelope', () => {
  it('starts at 10 lbf, never above 0.10 BW, and caps the first sessions there', () => {
    const e = deriveEnvelope(cervical(70));
    expect(e.maxTensionN).toBeCloseTo(10 * LBF, 6);
    expect(deriveEnvelope(cervical(30)).maxTensionN).toBeCloseTo(0.1 * 30 * G, 6);
    expect(e.rampMaxNps).toBeCloseTo(2.5 * LBF, 6);
  });

  it('never exceeds 50 lbf nor 0.25 BW; increases at most 5 lbf per session; confirmation above 30 lbf or 0.2 BW', () => {
    expect(deriveEnvelope(cervical(120, { history: laterSession(400) })).maxTensionN).toBeCloseTo(50 * LBF, 6);
    expect(deriveEnvelope(cervical(120, { history: laterSession(100) })).maxTensionN).toBeCloseTo(100 + 5 * LBF, 6);
    expect(deriveEnvelope(cervical(50, { history: laterSession(400) })).maxTensionN).toBeCloseTo(0.25 * 50 * G, 6);
    expect(deriveEnvelope(cervical(120, { history: laterSession(400) })).confirmAboveN).toBeCloseTo(30 * LBF, 6);
    expect(deriveEnvelope(cervical(50, { history: laterSession(400) })).confirmAboveN).toBeCloseTo(0.2 * 50 * G, 6);
  });
});

describe('prescription check', () => {
  const envelope = deriveEnvelope(lumbar(80));

  it('accepts a program inside the envelope', () => {
    expect(checkPrescription(envelope, { program: intermittentProgram(), confirmedN: undefined })).toEqual({ ok: true, value: undefined });
  });

  it('lists every violation: above max, min outside its range, ramp too fast, wrong region', () => {
    const result = checkPrescription(envelope, {
      program: intermittentProgram({ maxN: 200, minN: 150, rampRateNps: 50, region: 'cervical', angleDeg: 20 }),
      confirmedN: undefined,
    });
    expect(result.ok ? [] : result.error.map((v) => v.code).sort()).toEqual(['above-max', 'min-tension', 'rate', 'region']);
  });

  it('refuses a cyclic ramp steeper than the limit even with a slow ramp speed', () => {
    const program = intermittentProgram({ mode: { kind: 'cyclic', rampUpMs: 1000, rampDownMs: 10_000 }, rampRateNps: 5 });
    const result = checkPrescription(envelope, { program, confirmedN: undefined });
    expect(result.ok ? [] : result.error.map((v) => v.code)).toEqual(['rate']);
  });

  it('needs the operator to confirm a force above the threshold', () => {
    const e = deriveEnvelope(lumbar(40, { history: laterSession(220) }));
    const program = intermittentProgram({ maxN: 230, minN: 100 });
    expect(checkPrescription(e, { program, confirmedN: undefined }).ok).toBe(false);
    expect(checkPrescription(e, { program, confirmedN: 229 }).ok).toBe(false);
    expect(checkPrescription(e, { program, confirmedN: 230 }).ok).toBe(true);
  });
});

describe('set-point check at send time', () => {
  const envelope = deriveEnvelope(lumbar(80));
  const grant = { envelope, capN: 160, confirmedN: undefined };

  it('accepts set-points up to the prescribed max at up to 10 lbf/s', () => {
    expect(checkSetpoint(grant, 160, 44.4).ok).toBe(true);
    expect(checkSetpoint(grant, 0, 0.1).ok).toBe(true);
  });

  it('rejects above the prescription, above the envelope, negative, NaN, a zero rate and a rate above the limit', () => {
    const codes = [
      checkSetpoint(grant, 160.1, 10),
      checkSetpoint({ ...grant, capN: 1000 }, 178, 10),
      checkSetpoint(grant, -1, 10),
      checkSetpoint(grant, Number.NaN, 10),
      checkSetpoint(grant, 100, 0),
      checkSetpoint(grant, 100, 44.5),
    ].map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual(['above-max', 'above-max', 'negative', 'not-a-number', 'not-a-number', 'rate']);
  });
});
