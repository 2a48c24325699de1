import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sealLine } from '../line/crc16.ts';
import { formatFixed1 } from '../line/line-encode.ts';
import { TABLE_STATES, decodeTableLine, encodeTableCommand } from './table-codec.ts';

const tenths = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min: Math.round(min * 10), max: Math.round(max * 10) }).map((n) => (n === 0 ? 0 : n / 10));

describe('decodeTableLine', () => {
  it('decodes every valid telemetry line exactly', () => {
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.integer({ min: 0, max: 4294967295 }),
          tUs: fc.integer({ min: 0, max: 281474976710655 }),
          state: fc.constantFrom(...TABLE_STATES),
          measuredN: tenths(-200, 1600),
          setpointN: tenths(0, 1500),
          positionMm: tenths(-10, 120),
          velocityMmS: tenths(-500, 500),
          flags: fc.integer({ min: 0, max: 0xffff }),
          region: fc.constantFrom('lumbar', 'cervical', undefined),
          limitN: tenths(0, 1500),
          fault: fc.integer({ min: 0, max: 255 }),
        }),
        (t) => {
          const region = t.region === 'lumbar' ? 'L' : t.region === 'cervical' ? 'C' : '-';
          const fields = [t.tUs, t.state, formatFixed1(t.measuredN), formatFixed1(t.setpointN), formatFixed1(t.positionMm)];
          fields.push(formatFixed1(t.velocityMmS), t.flags.toString(16).toUpperCase().padStart(4, '0'), region);
          fields.push(formatFixed1(t.limitN), t.fault);
          const line = sealLine(`#T ${t.seq} ${fields.join(' ')}`).slice(0, -1);
          expect(decodeTableLine(Buffer.from(line, 'latin1'))).toEqual({ kind: 'telemetry', ...t });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 160 }), (bytes) => {
        const decoded = decodeTableLine(Buffer.from(bytes));
        expect(['bad', 'telemetry', 'ack', 'nak', 'event', 'heartbeat']).toContain(decoded.kind);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('encodeTableCommand', () => {
  it('writes set-points as absolute one-decimal newtons, never -0.0', () => {
    expect(encodeTableCommand({ kind: 'set', targetN: 450, rateNps: 40 }, 4, 5)).toMatch(/^\$SET 4 5 450\.0 40\.0\*[0-9A-F]{4}\n$/);
    expect(formatFixed1(-0.04)).toBe('0.0');
    expect(formatFixed1(12.25)).toBe('12.3');
  });

  it('refuses to encode an out-of-range command id (a bug, not a device error)', () => {
    expect(() => encodeTableCommand({ kind: 'release' }, 0, 0)).toThrow(/command id/);
    expect(() => encodeTableCommand({ kind: 'release' }, 0, 65536)).toThrow(/command id/);
  });
});
