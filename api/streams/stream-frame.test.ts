import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STREAM_COLUMNS, packStreamFrame, unpackStreamFrame, type StreamName } from './stream-frame.ts';

describe('stream frames', () => {
  it('round-trips any batch of any stream, column by column', () => {
    const streams = Object.keys(STREAM_COLUMNS) as StreamName[];
    fc.assert(
      fc.property(
        fc.constantFrom(...streams),
        fc.integer({ min: 0, max: 64 }),
        fc.integer({ min: 0, max: 8 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (stream, count, spare, seed) => {
          const columnCount = STREAM_COLUMNS[stream].length;
          const stride = count + spare;
          const source = new Float64Array(columnCount * stride).map((_, i) => seed + i);
          const batch = unpackStreamFrame(packStreamFrame(stream, source, stride, count, 1000));
          expect(batch.ok).toBe(true);
          if (!batch.ok) return;
          expect(batch.value).toMatchObject({ stream, count, rateHz: 1000 });
          STREAM_COLUMNS[stream].forEach((name, c) => {
            const column = (batch.value.columns as Record<string, Float64Array>)[name];
            expect(Array.from(column ?? [])).toEqual(Array.from(source.subarray(c * stride, c * stride + count)));
          });
        },
      ),
    );
  });

  it('keeps NaN (an unloaded plate has no centre of pressure)', () => {
    const source = new Float64Array(9).fill(Number.NaN);
    const batch = unpackStreamFrame(packStreamFrame('plate.samples', source, 1, 1, 1000));
    expect(batch.ok && Number.isNaN(batch.value.columns.copXMm[0])).toBe(true);
  });

  it.each([
    ['empty', new ArrayBuffer(0)],
    ['not float64-sized', new ArrayBuffer(35)],
    ['unknown stream', new Float64Array([9, 0, 9, 0]).buffer],
    ['count larger than the frame', new Float64Array([1, 5, 9, 1000, 1, 2]).buffer],
    ['wrong column count', new Float64Array([1, 0, 3, 1000]).buffer],
    ['fractional count', new Float64Array([2, 0.5, 6, 0, 1, 2, 3]).buffer],
  ])('refuses a malformed frame (%s) without throwing', (_label, buffer) => {
    expect(unpackStreamFrame(buffer).ok).toBe(false);
  });
});
