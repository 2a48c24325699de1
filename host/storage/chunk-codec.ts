/**
 * One chunk of a device stream (0.25–1 s of samples) as one BLOB: columns packed as typed
 * arrays, little-endian, layout in docs/recording.md §Chunk format. Lossless: decode gives back
 * every value bit for bit.
 *
 * - `seq` and `tUs` are predicted (seq + 1 mod 2³²; t0 + floor(k·10⁶/rateHz), plate.md §5) and
 *   stored only where the prediction misses: an exception list of (index, value), each exception
 *   re-anchoring the prediction, so a gap costs one entry. When exceptions would take more room
 *   than the plain column, the column is stored raw (Float64) instead.
 * - Each Int32 channel is stored as deltas of 1 or 2 bytes when every step of the chunk fits,
 *   else as raw Int32: whichever width is the smallest that holds the whole chunk.
 */
import { BugError, err, ok, type Result } from '../../core/index.ts';

const FORMAT_VERSION = 1;
const HEADER_BYTES = 40;
const MODE_DERIVED = 0;
const MODE_RAW = 1;
const SEQ_MODULUS = 2 ** 32;
/** An exception costs a u32 index and a Float64 value. */
const EXCEPTION_BYTES = 12;

export interface ChunkColumns {
  readonly count: number;
  readonly rateHz: number;
  /** At least `count` entries each; entries past `count` are ignored. */
  readonly seq: Float64Array;
  readonly tUs: Float64Array;
  readonly channels: readonly Int32Array[];
}

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new BugError('chunk-codec: typed arrays are stored as little-endian bytes; this machine is big-endian');
}

function predictSeq(anchor: number, steps: number): number {
  return (anchor + steps) % SEQ_MODULUS;
}

function predictTUs(anchor: number, steps: number, rateHz: number): number {
  return anchor + Math.floor((steps * 1e6) / rateHz);
}

/** Indices (>0) where `values` leaves its prediction; the prediction re-anchors at each. */
function findExceptions(values: Float64Array, count: number, rateHz: number, isSeq: boolean): number[] {
  const exceptions: number[] = [];
  let anchorIndex = 0;
  let anchor = values[0] as number;
  for (let i = 1; i < count; i++) {
    const value = values[i] as number;
    const predicted = isSeq ? predictSeq(anchor, i - anchorIndex) : predictTUs(anchor, i - anchorIndex, rateHz);
    if (!Object.is(value, predicted)) {
      exceptions.push(i);
      anchorIndex = i;
      anchor = value;
    }
  }
  return exceptions;
}

function deltaWidth(values: Int32Array, count: number): 1 | 2 | 4 {
  let min = 0;
  let max = 0;
  for (let i = 1; i < count; i++) {
    const delta = (values[i] as number) - (values[i - 1] as number);
    if (delta < min) min = delta;
    else if (delta > max) max = delta;
  }
  if (min >= -128 && max <= 127) return 1;
  return min >= -32768 && max <= 32767 ? 2 : 4;
}

export function encodeChunk(columns: ChunkColumns): Buffer {
  const { count, rateHz } = columns;
  const channelCount = columns.channels.length;
  const seqExceptions = findExceptions(columns.seq, count, rateHz, true);
  const tExceptions = findExceptions(columns.tUs, count, rateHz, false);
  const isSeqRaw = seqExceptions.length * EXCEPTION_BYTES > count * 8;
  const isTRaw = tExceptions.length * EXCEPTION_BYTES > count * 8;
  const widths = columns.channels.map((channel) => deltaWidth(channel, count));
  const timeBytes = (isRaw: boolean, exceptions: number[]): number => (isRaw ? count * 8 : exceptions.length * EXCEPTION_BYTES);
  const size =
    HEADER_BYTES + channelCount * 5 + timeBytes(isSeqRaw, seqExceptions) + timeBytes(isTRaw, tExceptions) + widths.reduce((sum, w) => sum + w * (count - 1), 0);
  const out = Buffer.allocUnsafe(size);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint8(0, FORMAT_VERSION);
  view.setUint8(1, channelCount);
  view.setUint8(2, isSeqRaw ? MODE_RAW : MODE_DERIVED);
  view.setUint8(3, isTRaw ? MODE_RAW : MODE_DERIVED);
  view.setUint32(4, count, true);
  view.setFloat64(8, rateHz, true);
  view.setFloat64(16, columns.seq[0] as number, true);
  view.setFloat64(24, columns.tUs[0] as number, true);
  view.setUint32(32, isSeqRaw ? 0 : seqExceptions.length, true);
  view.setUint32(36, isTRaw ? 0 : tExceptions.length, true);
  let offset = HEADER_BYTES;
  for (const width of widths) view.setUint8(offset++, width);
  for (const channel of columns.channels) {
    view.setInt32(offset, channel[0] as number, true);
    offset += 4;
  }
  offset = writeTimeColumn(out, offset, columns.seq, count, isSeqRaw, seqExceptions);
  offset = writeTimeColumn(out, offset, columns.tUs, count, isTRaw, tExceptions);
  columns.channels.forEach((channel, k) => {
    offset = writeChannel(out, offset, channel, count, widths[k] as 1 | 2 | 4);
  });
  return out;
}

function writeTimeColumn(out: Buffer, offset: number, values: Float64Array, count: number, isRaw: boolean, exceptions: number[]): number {
  if (isRaw) return copyBytes(out, offset, values.subarray(0, count));
  const indices = Uint32Array.from(exceptions);
  const exceptionValues = Float64Array.from(exceptions, (i) => values[i] as number);
  return copyBytes(out, copyBytes(out, offset, indices), exceptionValues);
}

function writeChannel(out: Buffer, offset: number, values: Int32Array, count: number, width: 1 | 2 | 4): number {
  if (width === 4) return copyBytes(out, offset, values.subarray(1, count));
  const deltas = width === 1 ? new Int8Array(count - 1) : new Int16Array(count - 1);
  for (let i = 1; i < count; i++) deltas[i - 1] = (values[i] as number) - (values[i - 1] as number);
  return copyBytes(out, offset, deltas);
}

function copyBytes(out: Buffer, offset: number, array: ArrayBufferView): number {
  out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
  return offset + array.byteLength;
}

/** What a chunk's header says, read without decoding the columns. */
export interface ChunkHeader {
  readonly count: number;
  readonly rateHz: number;
  readonly channelCount: number;
}

export function readChunkHeader(blob: Uint8Array): Result<ChunkHeader, string> {
  if (blob.byteLength < HEADER_BYTES) return err(`chunk of ${blob.byteLength} bytes is shorter than its header`);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (view.getUint8(0) !== FORMAT_VERSION) return err(`chunk format ${view.getUint8(0)} is unknown (this build reads ${FORMAT_VERSION})`);
  return ok({ count: view.getUint32(4, true), rateHz: view.getFloat64(8, true), channelCount: view.getUint8(1) });
}

/** Where decodeChunkInto writes: columns sized for the whole read, filled from `offset` on. */
export interface ChunkTarget {
  readonly seq: Float64Array;
  readonly tUs: Float64Array;
  readonly channels: readonly Int32Array[];
}

/**
 * Decodes `blob` into `target` at `offset`. A damaged chunk (wrong size, bad widths or modes,
 * exception indices out of order) is an error, never a throw, and never a partial silent read.
 */
export function decodeChunkInto(blob: Uint8Array, target: ChunkTarget, offset: number): Result<ChunkHeader, string> {
  const header = readChunkHeader(blob);
  if (!header.ok) return header;
  const { count, rateHz, channelCount } = header.value;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const reader = new SectionReader(blob, HEADER_BYTES + channelCount * 5);
  if (count === 0 || channelCount !== target.channels.length || offset + count > target.seq.length) {
    return err(`chunk of ${count} samples × ${channelCount} channels does not fit the read (${target.channels.length} channels)`);
  }
  const seqOk = readTimeColumn(reader, view, 2, 16, 32, target.seq, offset, count, (anchor, steps) => predictSeq(anchor, steps));
  const tOk = seqOk && readTimeColumn(reader, view, 3, 24, 36, target.tUs, offset, count, (anchor, steps) => predictTUs(anchor, steps, rateHz));
  let channelsOk = tOk;
  for (let k = 0; k < channelCount && channelsOk; k++) {
    const width = view.getUint8(HEADER_BYTES + k);
    const first = view.getInt32(HEADER_BYTES + channelCount + 4 * k, true);
    channelsOk = readChannel(reader, width, first, target.channels[k] as Int32Array, offset, count);
  }
  if (!channelsOk || reader.offset !== blob.byteLength) return err(`chunk of ${blob.byteLength} bytes is damaged`);
  return header;
}

class SectionReader {
  constructor(
    private readonly blob: Uint8Array,
    public offset: number,
  ) {}

  /** The next `bytes` bytes, copied so typed arrays over them are aligned; undefined past the end. */
  take(bytes: number): ArrayBuffer | undefined {
    if (this.offset + bytes > this.blob.byteLength) return undefined;
    const copy = new Uint8Array(bytes);
    copy.set(this.blob.subarray(this.offset, this.offset + bytes));
    this.offset += bytes;
    return copy.buffer;
  }
}

function readTimeColumn(
  reader: SectionReader,
  view: DataView,
  modeAt: number,
  firstAt: number,
  exceptionCountAt: number,
  out: Float64Array,
  offset: number,
  count: number,
  predict: (anchor: number, steps: number) => number,
): boolean {
  const mode = view.getUint8(modeAt);
  if (mode === MODE_RAW) {
    const raw = reader.take(count * 8);
    if (raw !== undefined) out.set(new Float64Array(raw), offset);
    return raw !== undefined;
  }
  const exceptionCount = view.getUint32(exceptionCountAt, true);
  const indexBytes = reader.take(exceptionCount * 4);
  const valueBytes = reader.take(exceptionCount * 8);
  if (mode !== MODE_DERIVED || indexBytes === undefined || valueBytes === undefined) return false;
  const indices = new Uint32Array(indexBytes);
  const values = new Float64Array(valueBytes);
  let anchorIndex = 0;
  let anchor = view.getFloat64(firstAt, true);
  out[offset] = anchor;
  let next = 0;
  for (let i = 1; i < count; i++) {
    if (next < exceptionCount && indices[next] === i) {
      anchor = values[next++] as number;
      anchorIndex = i;
      out[offset + i] = anchor;
    } else {
      out[offset + i] = predict(anchor, i - anchorIndex);
    }
  }
  return next === exceptionCount;
}

function readChannel(reader: SectionReader, width: number, first: number, out: Int32Array, offset: number, count: number): boolean {
  if (width !== 1 && width !== 2 && width !== 4) return false;
  const bytes = reader.take((count - 1) * width);
  if (bytes === undefined) return false;
  out[offset] = first;
  if (width === 4) {
    out.set(new Int32Array(bytes), offset + 1);
    return true;
  }
  const deltas = width === 1 ? new Int8Array(bytes) : new Int16Array(bytes);
  let value = first;
  for (let i = 1; i < count; i++) {
    value = (value + (deltas[i - 1] as number)) | 0;
    out[offset + i] = value;
  }
  return true;
}
