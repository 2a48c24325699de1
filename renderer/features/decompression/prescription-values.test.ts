import { describe, expect, it } from 'vitest';
import { unitsOf } from '../../app/units.ts';
import { DEFAULT_PRESCRIPTION, toPrescription } from './prescription-values.ts';

describe('prescription values', () => {
  it('reads tensions and the ramp speed typed in kgf or lbf as newtons for the contract', () => {
    const typed = { ...DEFAULT_PRESCRIPTION, maxForce: '20', minForce: '', rampRate: '2,5', confirmForce: '' };
    const kgf = toPrescription(7, typed, unitsOf('kg', 'mm').force);
    const lbf = toPrescription(7, typed, unitsOf('lb', 'mm').force);
    if (!kgf.ok || !lbf.ok) throw new Error('refused');
    expect(kgf.value.maxN).toBeCloseTo(196.133, 9);
    expect(kgf.value.rampRateNps).toBeCloseTo(24.516625, 9);
    expect(lbf.value.maxN).toBeCloseTo(88.96443, 5);
    expect(lbf.value.minN).toBeNull();
    expect(lbf.value.treatmentMs).toBe(12 * 60_000);
  });

  it('names the unit in the message beside a tension that is not a number', () => {
    const result = toPrescription(7, { ...DEFAULT_PRESCRIPTION, maxForce: 'lots', rampRate: 'fast' }, unitsOf('kg', 'mm').force);
    expect(result).toEqual({
      ok: false,
      errors: { maxForce: 'must be a number of kgf, or empty for the suggestion', rampRate: 'must be a number of kgf/s, or empty for the suggestion' },
    });
  });
});
