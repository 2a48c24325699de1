import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POINTS_PER_COLUMN, decimateMinMax, decimatedSeries } from './min-max-decimation.ts';

/** Brute force: each column's samples, by the same time slicing, with their valid min and max. */
function columnsOf(t: number[], y: number[], columns: number): Map<number, { min: number; max: number; hole: boolean }> {
  const span = t[t.length - 1]! - t[0]!;
  const result = new Map<number, { min: number; max: number; hole: boolean }>();
  t.forEach((ti, i) => {
    const column = Math.min(columns - 1, span > 0 ? Math.floor(((ti - t[0]!) * columns) / span) : 0);
    const entry = result.get(column) ?? { min: Infinity, max: -Infinity, hole: false };
    const v = y[i]!;
    if (Number.isNaN(v)) entry.hole = true;
    else {
      entry.min = Math.min(entry.min, v);
      entry.max = Math.max(entry.max, v);
    }
    result.set(column, entry);
  });
  return result;
}

const series = fc
  .array(fc.record({ dt: fc.integer({ min: 0, max: 5 }), y: fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constant(Number.NaN)) }), { minLength: 1, maxLength: 600 })
  .map((rows) => {
    let tMs = 0;
    return { t: rows.map((r) => (tMs += r.dt)), y: rows.map((r) => r.y) };
  });

describe('decimateMinMax', () => {
  it("keeps every column's lowest and highest value, in time order, and every hole", () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 60 }), ({ t, y }, columns) => {
        const out = decimatedSeries(1, 64);
        decimateMinMax(Float64Array.from(t), [Float64Array.from(y)], t.length, columns, out);
        const shownT = [...out.t.subarray(0, out.length)];
        const shownY = [...out.ys[0]!.subarray(0, out.length)];
        for (let i = 1; i < shownT.length; i++) expect(shownT[i]!).toBeGreaterThanOrEqual(shownT[i - 1]!);
        if (t.length <= 2 * columns) {
          expect(shownT).toEqual(t);
          expect(shownY).toEqual(y);
          return;
        }
        expect(out.length).toBeLessThanOrEqual(POINTS_PER_COLUMN * columns);
        const expected = columnsOf(t, y, columns);
        const valid = shownY.filter((v) => !Number.isNaN(v));
        for (const column of expected.values()) {
          if (column.min !== Infinity) {
            expect(valid).toContain(column.min);
            expect(valid).toContain(column.max);
          }
        }
        const holes = [...expected.values()].filter((c) => c.hole).length;
        // A column with no valid value at all shows two NaN points and its hole marker.
        const allHole = [...expected.values()].filter((c) => c.min === Infinity).length;
        expect(shownY.filter((v) => Number.isNaN(v)).length).toBe(holes + 2 * allHole);
        // Nothing shown that was not measured.
        for (const v of valid) expect(y).toContain(v);
      }),
      { numRuns: 300 },
    );
  });

  it('30 s at 1000 Hz across 800 columns: at most 2 points a column, the extremes in the order they came', () => {
    const n = 30_000;
    const t = Float64Array.from({ length: n }, (_, i) => i / 1000);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 500) * 10);
    y[12_345] = 99;
    y[12_346] = -99;
    const out = decimatedSeries(1, 800);
    decimateMinMax(t, [y], n, 800, out);
    expect(out.length).toBeLessThanOrEqual(1600);
    const shown = [...out.ys[0]!.subarray(0, out.length)];
    const at = shown.indexOf(99);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(shown[at + 1]).toBe(-99);
  });
});
