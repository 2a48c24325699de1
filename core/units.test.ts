import { describe, expect, it } from 'vitest';
import { clinicForceUnit } from './units.ts';

describe('clinic force unit', () => {
  it('reads newtons as kgf for a clinic in kg and as lbf for one in lb', () => {
    expect(clinicForceUnit('kg').symbol).toBe('kgf');
    expect(clinicForceUnit('kg').fromNewtons(9.80665)).toBeCloseTo(1, 12);
    expect(clinicForceUnit('lb').symbol).toBe('lbf');
    expect(clinicForceUnit('lb').fromNewtons(4.4482216152605)).toBeCloseTo(1, 12);
  });
});
