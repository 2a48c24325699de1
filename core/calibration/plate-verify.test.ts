import { describe, it, expect } from 'vitest';
import { nominalCoefficients } from './plate-coefficients.ts';
import { checkLinearity, forceToleranceN, verifyPoint } from './plate-verify.ts';
import { GRAVITY, PF600, readingOf } from './test-plate.ts';

const cells = [0, 0, 0, 0].map(() => ({ zeroCounts: 1000, countsPerN: 5000 }));
const exact = nominalCoefficients([1000, 1000, 1000, 1000], 5000);

describe('plate verification against tolerances', () => {
  it('uses 0.05 % FS below 20 % of full scale and 0.25 % of the load from there on', () => {
    expect(forceToleranceN(500, 6000)).toBeCloseTo(3, 9);
    expect(forceToleranceN(1199, 6000)).toBeCloseTo(3, 9);
    expect(forceToleranceN(1200, 6000)).toBeCloseTo(3, 9);
    expect(forceToleranceN(2000, 6000)).toBeCloseTo(5, 9);
  });

  it('passes exact coefficients and fails a 0.5 % gain error at 140 kg', () => {
    const reading = readingOf(cells, { id: 'v', massKg: 140, xMm: 50, yMm: -30, role: 'verify' });
    const good = verifyPoint(reading, exact, PF600, GRAVITY);
    expect(good.isPassed).toBe(true);
    expect(Math.abs(good.forceErrorN)).toBeLessThan(1e-6);
    expect(good.copErrorMm).toBeLessThan(1e-6);
    const bad = verifyPoint(reading, exact.map((c) => ({ ...c, nPerCount: c.nPerCount * 1.005 })), PF600, GRAVITY);
    expect(bad.isPassed).toBe(false);
    expect(bad.forceErrorPct).toBeCloseTo(0.5, 6);
  });

  it('fails a point whose COP is off by more than 1 mm even when the force is right', () => {
    const reading = readingOf(cells, { id: 'v', massKg: 60, xMm: 0, yMm: 0, role: 'verify' });
    const shifted = verifyPoint({ ...reading, xMm: 1.5 }, exact, PF600, GRAVITY);
    expect(shifted.copErrorMm).toBeCloseTo(1.5, 6);
    expect(shifted.isPassed).toBe(false);
  });

  it('linearity: a straight response passes, a bowed one fails', () => {
    const straight = [20, 60, 100, 140].map((m) => verifyPoint(readingOf(cells, { id: `m${m}`, massKg: m, xMm: 0, yMm: 0, role: 'fit' }), exact, PF600, GRAVITY));
    expect(checkLinearity(straight, 6000).isPassed).toBe(true);
    const bowed = straight.map((p) => ({ ...p, measuredN: p.measuredN + 20 * Math.sin((Math.PI * p.appliedN) / 1400) }));
    const check = checkLinearity(bowed, 6000);
    expect(check.isPassed).toBe(false);
    expect(check.maxDeviationPctFs).toBeGreaterThan(0.05);
  });
});
