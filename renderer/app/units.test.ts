import { describe, expect, it } from 'vitest';
import { unitsOf } from './units.ts';

describe('units', () => {
  it('shows SI values as they are in kg and mm', () => {
    const units = unitsOf('kg', 'mm');
    expect(units.formatMass(61.5)).toBe('61.5 kg');
    expect(units.formatLength(412.4)).toBe('412 mm');
    expect(units.formatForce(300)).toBe('30.6 kgf');
    expect(units.area.format(351.7, 0)).toBe('352 mm²');
    expect(units.speed.number(12.34, 1)).toBe('12.3');
  });

  it('converts to lb, lbf, cm, cm² and cm/s only for display, with one more decimal for the larger length unit', () => {
    const units = unitsOf('lb', 'cm');
    expect(units.formatMass(61.5)).toBe('135.6 lb');
    expect(units.formatMass(0.45359237)).toBe('1.0 lb');
    expect(units.formatForce(444.82216152605)).toBe('100.0 lbf');
    expect(units.formatLength(412.4)).toBe('41.2 cm');
    expect(units.area.format(351.7, 0)).toBe('3.52 cm²');
    expect(units.speed.format(12.34, 1)).toBe('1.23 cm/s');
  });

  it('reads a typed value back to SI, the inverse of the display conversion', () => {
    const lb = unitsOf('lb', 'mm').mass;
    expect(lb.toSi(100)).toBeCloseTo(45.359237, 9);
    expect(lb.toSi(lb.fromSi(61.5))).toBeCloseTo(61.5, 12);
    expect(unitsOf('kg', 'mm').mass.toSi(61.5)).toBe(61.5);
  });

  it('writes chart ticks in the chosen unit as short plain numbers', () => {
    const cm = unitsOf('kg', 'cm').length;
    expect(cm.plain(25)).toBe('2.5');
    expect(cm.plain(-30)).toBe('-3');
    expect(cm.plain(0)).toBe('0');
    expect(unitsOf('kg', 'mm').length.plain(-15)).toBe('-15');
    expect(unitsOf('lb', 'mm').force.plain(444.82216152605)).toBe('100');
  });

  it('shows a dash for a missing value, with no unit', () => {
    const units = unitsOf('lb', 'cm');
    expect(units.formatMass(null)).toBe('—');
    expect(units.formatLength(undefined)).toBe('—');
    expect(units.area.number(Number.NaN)).toBe('—');
  });
});
