import { describe, expect, it } from 'vitest';
import { validateProgram } from './program.ts';
import { intermittentProgram } from './supervisor-test-kit.ts';

const fields = (...args: Parameters<typeof intermittentProgram>): string[] => {
  const result = validateProgram(intermittentProgram(...args));
  return result.ok ? [] : result.error.map((p) => p.field);
};

describe('program validation', () => {
  it('accepts each mode with sane values', () => {
    expect(fields()).toEqual([]);
    expect(fields({ mode: { kind: 'static' }, minN: 0 })).toEqual([]);
    expect(fields({ mode: { kind: 'cyclic', rampUpMs: 10_000, rampDownMs: 5000 } })).toEqual([]);
    expect(fields({ mode: { kind: 'progressive', steps: 10, holdMs: 1000, restMs: 99_000 } })).toEqual([]);
  });

  it('names every bad field: forces, speed, time, angle, hold/rest 1–99 s, steps 1–10, min below max', () => {
    expect(fields({ maxN: Number.NaN, rampRateNps: 0, treatmentMs: 46 * 60_000, angleDeg: 31 })).toEqual(['maxN', 'rampRateNps', 'treatmentMs', 'angleDeg', 'minN']);
    expect(fields({ mode: { kind: 'intermittent', holdMs: 999, restMs: 100_000 } })).toEqual(['holdMs', 'restMs']);
    expect(fields({ mode: { kind: 'regressive', steps: 11, holdMs: 5000, restMs: 5000 } })).toEqual(['steps']);
    expect(fields({ mode: { kind: 'progressive', steps: 2.5, holdMs: 5000, restMs: 5000 } })).toEqual(['steps']);
    expect(fields({ minN: 160 })).toEqual(['minN']);
    expect(fields({ region: 'cervical', angleDeg: 10 })).toEqual(['angleDeg']);
  });
});
