import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnRing } from './column-ring.ts';

describe('ColumnRing', () => {
  it('unrolls exactly the last `capacity` rows in order, or only the newest ones asked for, whatever the batch sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 20 }), fc.integer({ min: 0, max: 60 }), (capacity, batches, newest) => {
        const ring = new ColumnRing(2, capacity);
        const all: number[] = [];
        for (const size of batches) {
          const values = Array.from({ length: size }, (_, i) => all.length + i);
          ring.push([Float64Array.from(values), Float64Array.from(values, (v) => -v)], size);
          all.push(...values);
        }
        const expected = all.slice(-capacity);
        const a = new Float64Array(capacity);
        const b = new Float64Array(capacity);
        expect(ring.unroll(0, a)).toBe(expected.length);
        ring.unroll(1, b);
        expect(Array.from(a.subarray(0, expected.length))).toEqual(expected);
        expect(Array.from(b.subarray(0, expected.length))).toEqual(expected.map((v) => -v));
        const newestRows = new Float64Array(capacity);
        const shown = newest === 0 ? [] : expected.slice(-newest);
        expect(ring.unroll(0, newestRows, newest)).toBe(Math.min(newest, expected.length));
        expect(Array.from(newestRows.subarray(0, Math.min(newest, expected.length)))).toEqual(shown);
        expect(ring.pushedRows).toBe(all.length);
        expect(ring.latest(0)).toBe(all.length === 0 ? Number.NaN : all[all.length - 1]);
      }),
    );
  });

  it('is empty again after clear', () => {
    const ring = new ColumnRing(1, 4);
    ring.push([Float64Array.of(1, 2, 3)], 3);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.latest(0)).toBeNaN();
  });
});
