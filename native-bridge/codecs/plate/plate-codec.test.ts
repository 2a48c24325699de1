import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sealLine } from '../line/crc16.ts';
import { decodePlateLine, type PlateSampleSink } from './plate-codec.ts';
import { decodeLinkMessage, finish, parseLine, unknownType } from '../line/line-message.ts';

interface Sample {
  seq: number;
  tUs: number;
  cells: [number, number, number, number];
  flags: number;
}

function recorder(): { sink: PlateSampleSink; samples: Sample[] } {
  const samples: Sample[] = [];
  return {
    samples,
    sink: { pushSample: (seq, tUs, c0, c1, c2, c3, flags) => samples.push({ seq, tUs, cells: [c0, c1, c2, c3], flags }) },
  };
}

const sampleArb = fc.record({
  seq: fc.integer({ min: 0, max: 4294967295 }),
  tUs: fc.integer({ min: 0, max: 281474976710655 }),
  cells: fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: -8388608, max: 8388607 }))) as fc.Arbitrary<
    [number, number, number, number]
  >,
  flags: fc.integer({ min: 0, max: 255 }),
});

const bytes = (line: string): Buffer => Buffer.from(line, 'latin1');

function sampleLine(s: Sample): string {
  const flags = s.flags.toString(16).toUpperCase().padStart(2, '0');
  return sealLine(`#D ${s.seq} ${s.tUs} ${s.cells.join(' ')} ${flags}`).slice(0, -1);
}

/** The same line read by the general low-rate decoder: an independent reading of link.md §2.2. */
function reference(line: string): string {
  const parsed = parseLine(line);
  if (parsed.kind === 'bad') return parsed.error;
  if (parsed.type !== '#D') {
    const message = decodeLinkMessage(parsed) ?? unknownType(parsed);
    return message.kind === 'bad' ? message.error : message.kind;
  }
  const r = parsed.reader;
  const values = [parsed.seq, r.uint(0, 281474976710655)];
  for (let i = 0; i < 4; i++) values.push(r.int(-8388608, 8388607));
  values.push(r.hex(2));
  const result = finish(r, values);
  return Array.isArray(result) ? `ok ${result.join(' ')}` : result.error;
}

function fast(line: string): string {
  const { sink, samples } = recorder();
  const decoded = decodePlateLine(bytes(line), sink);
  if (decoded.kind === 'bad') return decoded.error;
  if (decoded.kind !== 'sample') return decoded.kind;
  const s = samples[0];
  return s === undefined ? 'sample without values' : `ok ${[s.seq, s.tUs, ...s.cells, s.flags].join(' ')}`;
}

describe('decodePlateLine', () => {
  it('decodes every valid sample exactly', () => {
    fc.assert(
      fc.property(sampleArb, (sample) => {
        const { sink, samples } = recorder();
        expect(decodePlateLine(bytes(sampleLine(sample)), sink)).toEqual({ kind: 'sample' });
        expect(samples).toEqual([sample]);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary bytes, never invents a sample, and classifies as the general decoder does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 160 }), (raw) => {
        const line = Buffer.from(raw).toString('latin1');
        const { sink, samples } = recorder();
        const decoded = decodePlateLine(Buffer.from(raw), sink);
        if (decoded.kind !== 'sample') expect(samples).toHaveLength(0);
        expect(fast(line)).toBe(reference(line));
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects every single-byte substitution of a valid sample line', () => {
    fc.assert(
      fc.property(sampleArb, fc.nat(), fc.integer({ min: 0x20, max: 0x7e }), (sample, position, replacement) => {
        const line = sampleLine(sample);
        const at = position % line.length;
        fc.pre(line.charCodeAt(at) !== replacement);
        const garbled = line.slice(0, at) + String.fromCharCode(replacement) + line.slice(at + 1);
        const { sink, samples } = recorder();
        const decoded = decodePlateLine(bytes(garbled), sink);
        expect(decoded.kind).toBe('bad');
        expect(samples).toHaveLength(0);
      }),
      { numRuns: 5000 },
    );
  });

});

describe('the single-pass sample decoder', () => {
  it('classifies every mutated, resealed sample line exactly as the general decoder does', () => {
    const pieces = fc.constantFrom(' ', '  ', '-', '0', '00', '9', 'A', 'a', '*', '\u0001', '4294967296', '8388608', '-0', '+1', '.5', 'FF');
    fc.assert(
      fc.property(sampleArb, fc.nat(), fc.nat(), pieces, (sample, position, cut, insert) => {
        const body = sampleLine(sample).slice(0, -5);
        // Anywhere, the type prefix included: a damaged prefix must fall to the general path alike.
        const at = position % (body.length + 1);
        const drop = cut % 3;
        const line = sealLine(body.slice(0, at) + insert + body.slice(at + drop)).slice(0, -1);
        expect(fast(line)).toBe(reference(line));
      }),
      { numRuns: 20000 },
    );
  });
});
