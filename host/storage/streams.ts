/**
 * Raw device streams: one `streams` row per device per session, and its samples in
 * `stream_chunks`, one BLOB per 0.25–1 s (chunk-codec.ts), never a row per sample. Reading gives
 * the columns back bit for bit, for a whole stream or a device-time window (a trial).
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../core/index.ts';
import { decodeChunkInto } from './chunk-codec.ts';
import { checkRefs, parseInput } from './repository-kit.ts';
import { notFound, type StorageError } from './storage-errors.ts';
import type { Storage } from './storage.ts';
import { channelCountOf, plateColumnsFrom, tableColumnsFrom, type PlateSampleColumns, type StreamKind, type TableTelemetryColumns } from './stream-layouts.ts';

const streamFields = z.strictObject({
  sessionId: z.int().positive(),
  deviceId: z.int().positive(),
  kind: z.enum(['plate', 'table']),
  firmware: z.string().min(1).max(40),
  rateHz: z.number().positive().max(100_000),
  calibrationId: z.int().positive().nullable().default(null),
});

export interface StreamInfo {
  readonly id: number;
  readonly sessionId: number;
  readonly deviceId: number;
  readonly kind: StreamKind;
  readonly firmware: string;
  /** The rate the stream was opened at; each chunk carries its own (a rate change cuts a chunk). */
  readonly rateHz: number;
  readonly calibrationId: number | null;
  readonly openedAtMs: number;
}

/** A chunk ready to store: its BLOB and the facts the index needs. */
export interface EncodedChunk {
  readonly firstSeq: number;
  readonly firstTUs: number;
  readonly lastTUs: number;
  readonly count: number;
  readonly data: Buffer;
}

/** Device-time window [fromTUs, toTUs), µs. */
export interface TimeWindow {
  readonly fromTUs: number;
  readonly toTUs: number;
}

export function openStream(storage: Storage, input: unknown): Result<StreamInfo, StorageError> {
  const parsed = parseInput(streamFields, input);
  if (!parsed.ok) return parsed;
  const fields = parsed.value;
  const missing = checkRefs(storage, [
    ['session', fields.sessionId],
    ['device', fields.deviceId],
    ['calibration', fields.calibrationId],
  ]);
  if (missing !== undefined) return err(missing);
  const status = (storage.db.prepare('SELECT status FROM sessions WHERE id = ?').get(fields.sessionId) as { status: string }).status;
  if (status !== 'recording') return err({ code: 'invalid-state', message: `session ${fields.sessionId} is ${status}: streams open only while recording` });
  const id = Number(
    storage.db
      .prepare('INSERT INTO streams (session_id, device_id, kind, firmware, rate_hz, calibration_id, opened_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(fields.sessionId, fields.deviceId, fields.kind, fields.firmware, fields.rateHz, fields.calibrationId, storage.nowMs()).lastInsertRowid,
  );
  return getStream(storage, id);
}

export function getStream(storage: Storage, id: number): Result<StreamInfo, StorageError> {
  const row = storage.db.prepare('SELECT * FROM streams WHERE id = ?').get(id) as StreamRow | undefined;
  return row === undefined ? err(notFound('stream', id)) : ok(fromRow(row));
}

export function streamsOfSession(storage: Storage, sessionId: number): StreamInfo[] {
  return (storage.db.prepare('SELECT * FROM streams WHERE session_id = ? ORDER BY id').all(sessionId) as StreamRow[]).map(fromRow);
}

/** A prepared insert for the recorder's flush transaction. */
export function chunkWriter(storage: Storage): (streamId: number, chunk: EncodedChunk) => void {
  const insert = storage.db.prepare('INSERT INTO stream_chunks (stream_id, first_seq, first_t_us, last_t_us, sample_count, data) VALUES (?, ?, ?, ?, ?, ?)');
  return (streamId, chunk) => void insert.run(streamId, chunk.firstSeq, chunk.firstTUs, chunk.lastTUs, chunk.count, chunk.data);
}

export function readPlateSamples(storage: Storage, streamId: number, window?: TimeWindow): Result<PlateSampleColumns, StorageError> {
  const read = readStreamColumns(storage, streamId, 'plate', window);
  return read.ok ? ok(plateColumnsFrom(read.value.count, read.value.seq, read.value.tUs, read.value.channels)) : read;
}

export function readTableTelemetry(storage: Storage, streamId: number, window?: TimeWindow): Result<TableTelemetryColumns, StorageError> {
  const read = readStreamColumns(storage, streamId, 'table', window);
  if (!read.ok) return read;
  const columns = tableColumnsFrom(read.value.count, read.value.seq, read.value.tUs, read.value.channels);
  return columns.ok ? columns : err({ code: 'corrupt-data', message: `stream ${streamId}: ${columns.error}` });
}

/** Samples stored for a stream, without decoding anything. */
export function storedSampleCount(storage: Storage, streamId: number): number {
  return (storage.db.prepare('SELECT coalesce(sum(sample_count), 0) AS n FROM stream_chunks WHERE stream_id = ?').get(streamId) as { n: number }).n;
}

interface ChunkRow {
  readonly id: number;
  readonly data: Buffer;
}

function damaged(streamId: number, chunkId: number, problem: string): StorageError {
  return { code: 'corrupt-data', message: `stream ${streamId}, chunk ${chunkId}: ${problem}` };
}

/**
 * A stream chunk by chunk, in recording order, for exports that must not hold an hour of samples
 * in memory. Each value holds one chunk's columns; a damaged chunk yields an error and ends it.
 */
export function* streamChunks(storage: Storage, stream: StreamInfo): Generator<Result<RawColumns, StorageError>> {
  const channelCount = channelCountOf(stream.kind);
  for (const row of storage.db.prepare('SELECT id, sample_count, data FROM stream_chunks WHERE stream_id = ? ORDER BY id').iterate(stream.id) as Iterable<
    ChunkRow & { sample_count: number }
  >) {
    const count = row.sample_count;
    const target = { seq: new Float64Array(count), tUs: new Float64Array(count), channels: Array.from({ length: channelCount }, () => new Int32Array(count)) };
    const decoded = decodeChunkInto(row.data, target, 0);
    if (!decoded.ok || decoded.value.count !== count) {
      yield err(damaged(stream.id, row.id, decoded.ok ? `holds ${decoded.value.count} samples, its row says ${count}` : decoded.error));
      return;
    }
    yield ok({ count, ...target });
  }
}

export interface RawColumns {
  readonly count: number;
  readonly seq: Float64Array;
  readonly tUs: Float64Array;
  readonly channels: readonly Int32Array[];
}

function readStreamColumns(storage: Storage, streamId: number, kind: StreamKind, window: TimeWindow | undefined): Result<RawColumns, StorageError> {
  const stream = getStream(storage, streamId);
  if (!stream.ok) return stream;
  if (stream.value.kind !== kind) return err({ code: 'invalid-state', message: `stream ${streamId} is a ${stream.value.kind} stream, not a ${kind} stream` });
  // Chunks are cut at every device-clock step back (recorder), so first/last bound each chunk.
  const where = window === undefined ? 'stream_id = ?' : 'stream_id = ? AND last_t_us >= ? AND first_t_us < ?';
  const args = window === undefined ? [streamId] : [streamId, window.fromTUs, window.toTUs];
  const total = (storage.db.prepare(`SELECT coalesce(sum(sample_count), 0) AS n FROM stream_chunks WHERE ${where}`).get(...args) as { n: number }).n;
  const target = { seq: new Float64Array(total), tUs: new Float64Array(total), channels: Array.from({ length: channelCountOf(kind) }, () => new Int32Array(total)) };
  let offset = 0;
  for (const row of storage.db.prepare(`SELECT id, data FROM stream_chunks WHERE ${where} ORDER BY id`).iterate(...args) as Iterable<ChunkRow>) {
    const decoded = decodeChunkInto(row.data, target, offset);
    if (!decoded.ok) return err(damaged(streamId, row.id, decoded.error));
    offset += decoded.value.count;
  }
  if (offset !== total) return err({ code: 'corrupt-data', message: `stream ${streamId}: chunks hold ${offset} samples, their rows say ${total}` });
  return ok(window === undefined ? { count: total, ...target } : clip(target, total, window));
}

/** Keeps the samples inside the window (the first and last chunk may reach past it). */
function clip(columns: Omit<RawColumns, 'count'>, total: number, window: TimeWindow): RawColumns {
  const keep: number[] = [];
  for (let i = 0; i < total; i++) {
    const tUs = columns.tUs[i] as number;
    if (tUs >= window.fromTUs && tUs < window.toTUs) keep.push(i);
  }
  const pick = <A extends Float64Array | Int32Array>(source: A, make: (n: number) => A): A => {
    const out = make(keep.length);
    keep.forEach((index, j) => (out[j] = source[index] as number));
    return out;
  };
  return {
    count: keep.length,
    seq: pick(columns.seq, (n) => new Float64Array(n)),
    tUs: pick(columns.tUs, (n) => new Float64Array(n)),
    channels: columns.channels.map((channel) => pick(channel, (n) => new Int32Array(n))),
  };
}

interface StreamRow {
  id: number;
  session_id: number;
  device_id: number;
  kind: StreamKind;
  firmware: string;
  rate_hz: number;
  calibration_id: number | null;
  opened_at_ms: number;
}

function fromRow(row: StreamRow): StreamInfo {
  return {
    id: row.id,
    sessionId: row.session_id,
    deviceId: row.device_id,
    kind: row.kind,
    firmware: row.firmware,
    rateHz: row.rate_hz,
    calibrationId: row.calibration_id,
    openedAtMs: row.opened_at_ms,
  };
}
