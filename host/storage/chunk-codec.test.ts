import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunkInto, encodeChunk, type ChunkColumns } from './chunk-codec.ts';
import { plateBlock, seededRandom } from './testing/clinic-fixture.ts';

function decode(blob: Uint8Array, count: number, channelCount: number) {
  const target = { seq: new Float64Array(count), tUs: new Float64Array(count), channels: Array.from({ length: channelCount }, () => new Int32Array(count)) };
  return { result: decodeChunkInto(blob, target, 0), target };
}

function expectRoundTrip(columns: ChunkColumns): Buffer {
  const blob = encodeChunk(columns);
  const { result, target } = decode(blob, columns.count, columns.channels.length);
  expect(result.ok).toBe(true);
  expect(target.seq).toEqual(columns.seq.subarray(0, columns.count));
  expect(target.tUs).toEqual(columns.tUs.subarray(0, columns.count));
  columns.channels.forEach((channel, k) => expect(target.channels[k]).toEqual(channel.subarray(0, columns.count)));
  return blob;
}

const columnsArbitrary = fc
  .record({
    count: fc.integer({ min: 1, max: 300 }),
    rateHz: fc.constantFrom(100, 333, 1000, 1500, 2000),
    seq0: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    t0: fc.integer({ min: 0, max: 2 ** 48 - 1 }),
    seqJumps: fc.array(fc.tuple(fc.nat(299), fc.integer({ min: -5, max: 1000 })), { maxLength: 6 }),
    tJitter: fc.array(fc.tuple(fc.nat(299), fc.integer({ min: -3, max: 50_000 })), { maxLength: 6 }),
    stepMagnitude: fc.constantFrom(0, 100, 30_000, 8_000_000, 2 ** 31 - 1),
    channelCount: fc.integer({ min: 1, max: 9 }),
    seed: fc.integer(),
  })
  .map((spec): ChunkColumns => {
    const random = seededRandom(spec.seed);
    const seq = new Float64Array(spec.count);
    const tUs = new Float64Array(spec.count);
    let seqOffset = 0;
    let tOffset = 0;
    for (let i = 0; i < spec.count; i++) {
      for (const [at, jump] of spec.seqJumps) if (at === i) seqOffset += jump;
      for (const [at, jitter] of spec.tJitter) if (at === i) tOffset += jitter;
      seq[i] = (((spec.seq0 + i + seqOffset) % 2 ** 32) + 2 ** 32) % 2 ** 32;
      tUs[i] = spec.t0 + Math.floor((i * 1e6) / spec.rateHz) + tOffset;
    }
    const channels = Array.from({ length: spec.channelCount }, () =>
      Int32Array.from({ length: spec.count }, () => Math.round((random() * 2 - 1) * spec.stepMagnitude)),
    );
    return { count: spec.count, rateHz: spec.rateHz, seq, tUs, channels };
  });

describe('chunk codec', () => {
  it('gives back every column bit for bit: gaps, seq wrap, jitter, every channel width, odd rates', () => {
    fc.assert(fc.property(columnsArbitrary, (columns) => void expectRoundTrip(columns)), { numRuns: 300 });
  });

  it('round-trips values the prediction cannot make: -0, fractions, the seq wrap from 2^32-1 to 0', () => {
    const columns: ChunkColumns = {
      count: 4,
      rateHz: 1000,
      seq: Float64Array.of(2 ** 32 - 2, 2 ** 32 - 1, 0, 1),
      tUs: Float64Array.of(-0, 1000.5, 2000, 2 ** 48 - 1),
      channels: [Int32Array.of(-(2 ** 31), 2 ** 31 - 1, 0, -1)],
    };
    const blob = expectRoundTrip(columns);
    const { target } = decode(blob, 4, 1);
    expect(Object.is(target.tUs[0], -0)).toBe(true);
  });

  it('stores a 2000 Hz plate chunk in under 10 bytes per sample, with derived seq and time', () => {
    const block = plateBlock(0, 1000, 2000, 5_000_000, seededRandom(7));
    const channels = Array.from({ length: 5 }, (_, k) => Int32Array.from({ length: 1000 }, (_, i) => (k < 4 ? (block.cellCounts[i * 4 + k] as number) : 0)));
    const blob = expectRoundTrip({ count: 1000, rateHz: 2000, seq: block.seq, tUs: block.tUs, channels });
    // 4 cells × 2-byte deltas + 1-byte flag deltas + header; seq and time cost nothing.
    expect(blob.byteLength).toBeLessThan(1000 * 9 + 100);
  });

  it('costs one exception for a gap, not a raw column', () => {
    const block = plateBlock(0, 500, 1000, 0, seededRandom(1));
    const later = plateBlock(700, 500, 1000, 0, seededRandom(2));
    const seq = Float64Array.from([...block.seq, ...later.seq]);
    const tUs = Float64Array.from([...block.tUs, ...later.tUs]);
    const gapless = encodeChunk({ count: 1000, rateHz: 1000, seq: Float64Array.from({ length: 1000 }, (_, i) => i), tUs: Float64Array.from({ length: 1000 }, (_, i) => i * 1000), channels: [new Int32Array(1000)] });
    const withGap = encodeChunk({ count: 1000, rateHz: 1000, seq, tUs, channels: [new Int32Array(1000)] });
    expect(withGap.byteLength - gapless.byteLength).toBe(2 * 12);
  });

  it('refuses a damaged chunk instead of reading something else', () => {
    const block = plateBlock(0, 100, 1000, 0, seededRandom(3));
    const blob = encodeChunk({ count: 100, rateHz: 1000, seq: block.seq, tUs: block.tUs, channels: [Int32Array.from(block.cellCounts.subarray(0, 100))] });
    const truncated = blob.subarray(0, blob.byteLength - 1);
    const badWidth = Buffer.from(blob);
    badWidth[40] = 3;
    const badVersion = Buffer.from(blob);
    badVersion[0] = 9;
    const tooLong = Buffer.concat([blob, Buffer.of(0)]);
    for (const damaged of [truncated, badWidth, badVersion, tooLong, blob.subarray(0, 10)]) {
      const { result } = decode(damaged, 100, 1);
      expect(result.ok).toBe(false);
    }
  });
});
