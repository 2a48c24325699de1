import { describe, expect, it } from 'vitest';
import { singleLegStanceProtocol, rombergProtocol } from '../index.ts';
import { ageYearsAt, OLIVEIRA18_FALLER_AP_VELOCITY_MM_S, OLIVEIRA18_FALLER_ML_VELOCITY_MM_S, referenceValuesFor } from './published-norms.ts';

const trialOf = (spec: ReturnType<typeof singleLegStanceProtocol>, i: number) => {
  const t = spec.trials[i];
  if (t === undefined) throw new Error('no trial');
  return { protocolId: spec.id, condition: t.condition, durationMs: t.durationMs };
};

describe('referenceValuesFor (published values only for the same protocol and measure)', () => {
  it('gives Oliveira 2018 faller cut-offs, in mm/s, for a 30 s eyes-open one-leg trial of a patient 60 or older', () => {
    const values = referenceValuesFor({ ...trialOf(singleLegStanceProtocol(), 0), ageY: 72 });
    expect(values.map((v) => [v.measure, v.valueMmS])).toEqual([
      ['meanVelocityApMmS', 29],
      ['meanVelocityMlMmS', 34],
    ]);
    expect(OLIVEIRA18_FALLER_AP_VELOCITY_MM_S).toBeCloseTo(29, 9);
    expect(OLIVEIRA18_FALLER_ML_VELOCITY_MM_S).toBeCloseTo(34, 9);
    expect(values[0]?.source).toBe('[Oliveira18] Oliveira MR et al. PLoS One 2018;13(9):e0203887.');
    expect(values[0]?.population).toContain('older adults');
  });

  it('gives nothing for another protocol, eyes closed, another trial length, a younger or unknown age', () => {
    expect(referenceValuesFor({ ...trialOf(rombergProtocol(), 0), ageY: 72 })).toEqual([]);
    expect(referenceValuesFor({ ...trialOf(singleLegStanceProtocol({ eyes: 'closed' }), 0), ageY: 72 })).toEqual([]);
    expect(referenceValuesFor({ ...trialOf(singleLegStanceProtocol({ trialMs: 45_000 }), 0), ageY: 72 })).toEqual([]);
    expect(referenceValuesFor({ ...trialOf(singleLegStanceProtocol(), 3), ageY: 59 })).toEqual([]);
    expect(referenceValuesFor({ ...trialOf(singleLegStanceProtocol(), 3), ageY: null })).toEqual([]);
  });
});

describe('ageYearsAt', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageYearsAt('1950-05-05', Date.UTC(2026, 4, 4))).toBe(75);
    expect(ageYearsAt('1950-05-05', Date.UTC(2026, 4, 5))).toBe(76);
    expect(ageYearsAt('5 May 1950', Date.UTC(2026, 4, 5))).toBeNull();
  });
});
