import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fitPlateGains } from './plate-fit.ts';
import { GRAVITY, PF600, STANDARD_PLAN, countsUnder, readingOf, type TrueCell } from './test-plate.ts';

const SEEDED: readonly TrueCell[] = [
  { zeroCounts: 142_000, countsPerN: 5000 * 1.047 },
  { zeroCounts: -98_500, countsPerN: 5000 * 0.953 },
  { zeroCounts: 12_345, countsPerN: 5000 * 1.012 },
  { zeroCounts: -149_000, countsPerN: 5000 * 0.981 },
];
const fitReadings = (cells: readonly TrueCell[]) => STANDARD_PLAN.filter((p) => p.role === 'fit').map((p) => readingOf(cells, p));
const tare = (cells: readonly TrueCell[]) => cells.map((c) => c.zeroCounts);

describe('plate gains by least squares', () => {
  it('recovers seeded gains and offsets exactly from noiseless readings, with zero residuals', () => {
    const result = fitPlateGains(tare(SEEDED), fitReadings(SEEDED), PF600.cellsMm, GRAVITY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    result.value.coefficients.forEach((cell, i) => {
      expect(cell.zeroCounts).toBe(SEEDED[i]?.zeroCounts);
      expect(cell.nPerCount * (SEEDED[i]?.countsPerN ?? 0)).toBeCloseTo(1, 12);
    });
    expect(result.value.rmsForceResidualN).toBeLessThan(1e-9);
    for (const r of result.value.residuals) expect(r.copResidualMm).toBeLessThan(1e-9);
  });

  it('recovers any gains within ±5 % and offsets within ±2 % FS (property)', () => {
    const cell = fc.record({
      zeroCounts: fc.integer({ min: -150_000, max: 150_000 }),
      countsPerN: fc.double({ min: 5000 * 0.95, max: 5000 * 1.05, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.tuple(cell, cell, cell, cell), (cells) => {
        const result = fitPlateGains(tare(cells), fitReadings(cells), PF600.cellsMm, GRAVITY);
        if (!result.ok) return false;
        return result.value.coefficients.every((c, i) => Math.abs(c.nPerCount * (cells[i]?.countsPerN ?? 0) - 1) < 1e-10);
      }),
    );
  });

  it('reports the residual of a reading that disagrees with the others', () => {
    const readings = fitReadings(SEEDED);
    const spoiled = readings.map((r) => (r.pointId === 'c100' ? { ...r, meanCounts: r.meanCounts.map((c, i) => c + (i === 0 ? 5000 * 3 : 0)) } : r));
    const result = fitPlateGains(tare(SEEDED), spoiled, PF600.cellsMm, GRAVITY);
    if (!result.ok) throw new Error('fit failed');
    const worst = [...result.value.residuals].sort((a, b) => Math.abs(b.forceResidualN) - Math.abs(a.forceResidualN))[0];
    expect(worst?.pointId).toBe('c100');
    expect(result.value.rmsForceResidualN).toBeGreaterThan(0.3);
  });

  it('refuses a plan that cannot determine every gain (only centre loads)', () => {
    const centreOnly = [40, 100].map((m) => ({ pointId: `c${m}`, massKg: m, xMm: 0, yMm: 0, meanCounts: countsUnder(SEEDED, m, 0, 0) }));
    const result = fitPlateGains(tare(SEEDED), centreOnly, PF600.cellsMm, GRAVITY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('rankDeficient');
  });
});
