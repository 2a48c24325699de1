import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { calibrateTableLoadCell, checkCoefficientChange, gaugeContradiction, type TablePoint } from './table-fit.ts';

const FS = 1500;
/** A cell reading `offset + reference / spanTrue`, loaded up then down. */
function sweep(offsetN: number, spanTrue: number, levels = [0, 300, 600, 900, 1200], hysteresisN = 0): TablePoint[] {
  const up = levels.map((referenceN) => ({ referenceN, readingN: (referenceN - offsetN) / spanTrue, direction: 'loading' as const }));
  const down = [...levels].reverse().map((referenceN) => ({ referenceN, readingN: (referenceN - offsetN) / spanTrue + hysteresisN, direction: 'unloading' as const }));
  return [...up, ...down];
}

describe('table load cell: zero and span against a reference gauge', () => {
  it('recovers any offset within ±3 N and span within ±3 % exactly (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.97, max: 1.03, noNaN: true }), (offsetN, span) => {
        const result = calibrateTableLoadCell(sweep(offsetN, span), FS);
        return result.ok && result.value.isPassed && Math.abs(result.value.coefficients.offsetN - offsetN) < 1e-6 && Math.abs(result.value.coefficients.span / span - 1) < 1e-9;
      }),
    );
  });

  it('reports hysteresis and fails it above 0.25 % FS', () => {
    const result = calibrateTableLoadCell(sweep(1, 1.02, [0, 300, 600, 900, 1200], 6), FS);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.hysteresisPctFs).toBeCloseTo((100 * 6 * 1.02) / FS, 3);
    expect(result.value.isPassed).toBe(false);
  });

  it('fails linearity for a bowed cell', () => {
    const bowed = sweep(0, 1).map((p) => ({ ...p, readingN: p.readingN + 8 * Math.sin((Math.PI * p.referenceN) / 1200) }));
    const result = calibrateTableLoadCell(bowed, FS);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.linearityPctFs).toBeGreaterThan(0.25);
    expect(result.value.isPassed).toBe(false);
  });

  it('refuses a gauge reading typed in lbf instead of N', () => {
    const points = sweep(0, 1).map((p) => (p.referenceN === 900 && p.direction === 'loading' ? { ...p, referenceN: 900 / 4.448 } : p));
    const result = calibrateTableLoadCell(points, FS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('gaugeContradicts');
  });

  it('refuses one loading level only, and gauge readings out of range', () => {
    const one = calibrateTableLoadCell([{ referenceN: 600, readingN: 601, direction: 'loading' }], FS);
    expect(!one.ok && one.error.code).toBe('tooFewPoints');
    const negative = calibrateTableLoadCell([...sweep(0, 1), { referenceN: -5, readingN: -5, direction: 'loading' }], FS);
    expect(!negative.ok && negative.error.code).toBe('badReference');
  });

  it('bounds the change of coefficients: 5 % span, 10 N zero', () => {
    expect(checkCoefficientChange({ offsetN: 0, span: 1 }, { offsetN: 5, span: 1.045 }).ok).toBe(true);
    expect(checkCoefficientChange({ offsetN: 0, span: 1 }, { offsetN: 0, span: 1.055 }).ok).toBe(false);
    expect(checkCoefficientChange({ offsetN: 0, span: 1 }, { offsetN: -12, span: 1 }).ok).toBe(false);
  });
});

describe('a gauge reading against the settled load cell', () => {
  it('takes readings inside the YY 0697-2008 band, refuses a wrong unit or digit outside it with why', () => {
    // ≤ 200 N: max(10 %, 10 N); above: min(20 %, 50 N).
    expect(gaugeContradiction(150, 141)).toBeUndefined();
    expect(gaugeContradiction(50, 60.5)).toMatch(/^gauge 50 N contradicts the load cell's 60\.5 N by more than 10\.0 N: check the unit and the digits$/);
    expect(gaugeContradiction(600, 649)).toBeUndefined();
    // 600 N typed in lbf.
    expect(gaugeContradiction(135, 600)).toMatch(/by more than 13\.5 N/);
    expect(gaugeContradiction(1200, 1260)).toMatch(/by more than 50\.0 N/);
  });
});
