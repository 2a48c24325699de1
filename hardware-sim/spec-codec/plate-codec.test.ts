import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { decodePlateDeviceLine, encodePlateDeviceLine, encodePlateSampleLine } from './plate-codec.ts';

const count = fc.integer({ min: -8388608, max: 8388607 });

describe('plate codec', () => {
  it('the fast sample encoder gives the same bytes as the validating one, and they decode back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4294967295 }),
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.tuple(count, count, count, count),
        fc.integer({ min: 0, max: 255 }),
        (seq, tUs, counts, flags) => {
          const fast = encodePlateSampleLine(seq, tUs, ...counts, flags);
          expect(fast).toBe(encodePlateDeviceLine(seq, { kind: 'sample', tUs, counts, flags }));
          expect(fast.length).toBeLessThanOrEqual(75);
          expect(decodePlateDeviceLine(fast)).toEqual({ ok: true, value: { seq, message: { kind: 'sample', tUs, counts, flags } } });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses to encode a value the field cannot carry (a simulator bug, not a line)', () => {
    expect(() => encodePlateDeviceLine(0, { kind: 'sample', tUs: 0, counts: [8388608, 0, 0, 0], flags: 0 })).toThrow();
    expect(() => encodePlateDeviceLine(-1, { kind: 'heartbeat', tUs: 0 })).toThrow();
    expect(() => encodePlateDeviceLine(0, { kind: 'ack', id: 0, details: [] })).toThrow();
    expect(() => encodePlateDeviceLine(0, { kind: 'ack', id: 1, details: [['bad key', 'x']] })).toThrow();
  });
});
