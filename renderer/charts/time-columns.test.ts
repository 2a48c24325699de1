import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POINTS_PER_COLUMN, TimeColumns } from './time-columns.ts';

/** Brute force: every sample grouped by its column, the newest group still open. */
function expectedPoints(t: number[], ys: number[][], columnMs: number, windowColumns: number): { t: number[]; ys: number[][]; span?: [number, number] } {
  const groups = new Map<number, number[]>();
  t.forEach((ti, i) => {
    const k = Math.floor(ti / columnMs);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  const ks = [...groups.keys()].sort((a, b) => a - b);
  const completed = ks.slice(0, -1);
  const newest = completed[completed.length - 1];
  const out = { t: [] as number[], ys: ys.map(() => [] as number[]) };
  if (newest === undefined) return out;
  for (const k of completed.filter((k) => k > newest - windowColumns)) {
    const rows = groups.get(k)!;
    out.t.push(t[rows[0]!]! / 1000, t[rows[rows.length - 1]!]! / 1000);
    let hole = false;
    ys.forEach((y, s) => {
      const valid = rows.filter((r) => !Number.isNaN(y[r]!));
      if (valid.length < rows.length) hole = true;
      if (valid.length === 0) {
        out.ys[s]!.push(Number.NaN, Number.NaN);
        return;
      }
      const minRow = valid.reduce((a, r) => (y[r]! < y[a]! ? r : a));
      const maxRow = valid.reduce((a, r) => (y[r]! > y[a]! ? r : a));
      out.ys[s]!.push(y[Math.min(minRow, maxRow)]!, y[Math.max(minRow, maxRow)]!);
    });
    if (hole) {
      out.t.push(t[rows[rows.length - 1]!]! / 1000);
      out.ys.forEach((o) => o.push(Number.NaN));
    }
  }
  return { ...out, span: [((newest - windowColumns + 1) * columnMs) / 1000, ((newest + 1) * columnMs) / 1000] };
}

const value = fc.oneof({ weight: 6, arbitrary: fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) });
const stream = fc
  .array(fc.record({ dt: fc.integer({ min: 0, max: 7 }), ap: value, ml: value }), { minLength: 0, maxLength: 500 })
  .map((rows) => {
    let tMs = 1_000;
    return { t: rows.map((r) => (tMs += r.dt)), ap: rows.map((r) => r.ap), ml: rows.map((r) => r.ml) };
  });

describe('TimeColumns', () => {
  it("shows each completed column's extremes in the order they came and every hole, however the samples are batched", () => {
    fc.assert(
      fc.property(stream, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 20, max: 400 }), fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1 }), (s, columns, windowMs, batchSizes) => {
        const decimator = new TimeColumns(2, 64);
        decimator.configure(windowMs, columns);
        for (let at = 0, b = 0; at < s.t.length; b++) {
          const size = Math.min(batchSizes[b % batchSizes.length]!, s.t.length - at);
          decimator.add(Float64Array.from(s.t.slice(at, at + size)), [Float64Array.from(s.ap.slice(at, at + size)), Float64Array.from(s.ml.slice(at, at + size))], size);
          at += size;
        }
        const out = decimator.output();
        const span = decimator.write(out);
        const expected = expectedPoints(s.t, [s.ap, s.ml], windowMs / columns, columns);
        expect([...out.t.subarray(0, out.length)]).toEqual(expected.t);
        expect([...out.ys[0]!.subarray(0, out.length)]).toEqual(expected.ys[0]);
        expect([...out.ys[1]!.subarray(0, out.length)]).toEqual(expected.ys[1]);
        if (expected.span !== undefined) {
          expect(span.startS).toBeCloseTo(expected.span[0], 9);
          expect(span.endS).toBeCloseTo(expected.span[1], 9);
        }
        expect(out.length).toBeLessThanOrEqual(POINTS_PER_COLUMN * columns);
      }),
      { numRuns: 300 },
    );
  });

  it('moves its version only when a column completes, so the chart redraws about every 37 ms, not every frame', () => {
    const decimator = new TimeColumns(1, 1024);
    decimator.configure(30_000, 800);
    const start = decimator.version;
    // 16 samples at 1000 Hz (one 60 Hz frame's worth) inside the first 37.5 ms column.
    decimator.add(Float64Array.from({ length: 16 }, (_, i) => i), [new Float64Array(16)], 16);
    expect(decimator.version).toBe(start);
    decimator.add(Float64Array.of(37, 38), [new Float64Array(2)], 2);
    expect(decimator.version).toBe(start + 1);
  });

  it('30 s at 1000 Hz across 800 columns: two points a column, a spike and its rebound both shown', () => {
    const n = 30_001;
    const t = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 500) * 10);
    y[12_345] = 99;
    y[12_346] = -99;
    const decimator = new TimeColumns(1, 1024);
    decimator.configure(30_000, 800);
    decimator.add(t, [y], n);
    const out = decimator.output();
    const span = decimator.write(out);
    expect(out.length).toBe(1600);
    expect(span).toEqual({ startS: 0, endS: 30 });
    const shown = [...out.ys[0]!.subarray(0, out.length)];
    expect(shown[shown.indexOf(99) + 1]).toBe(-99);
  });

  it('starts again when device time runs back (a restarted plate), and after a new width', () => {
    const decimator = new TimeColumns(1, 64);
    decimator.configure(100, 10);
    decimator.add(Float64Array.of(500, 510, 520, 530), [Float64Array.of(1, 2, 3, 4)], 4);
    const out = decimator.output();
    decimator.write(out);
    expect(out.length).toBe(6);
    decimator.add(Float64Array.of(5, 15, 25), [Float64Array.of(7, 8, 9)], 3);
    expect(decimator.write(out)).toEqual({ startS: -0.08, endS: 0.02 });
    expect([...out.ys[0]!.subarray(0, out.length)]).toEqual([7, 7, 8, 8]);
    expect(decimator.configure(100, 10)).toBe(false);
    expect(decimator.configure(100, 20)).toBe(true);
    decimator.write(out);
    expect(out.length).toBe(0);
  });
});
