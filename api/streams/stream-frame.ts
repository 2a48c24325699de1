/**
 * Live streams cross the transport as packed columns, one frame per batch (STYLE.md §1.5, §8):
 * never a message per sample. A frame is one Float64Array buffer, sent as a binary WebSocket
 * message or a structured-clone ArrayBuffer over IPC:
 *
 * ```
 *   [streamCode, count, columnCount, rateHz, col0[0..count), col1[0..count), …]
 * ```
 *
 * Columns are fixed per stream (below). The host sends a frame at most every
 * STREAM_BATCH_INTERVAL_MS while data flows. Time columns: `tDeviceMs` is the device clock
 * (link.md §8); `receivedAtMs` is when the sample entered the host, in epoch milliseconds with
 * sub-millisecond resolution (`performance.timeOrigin + performance.now()` on both sides), so a
 * screen can measure sample-to-screen latency.
 */
import { err, ok, type Result } from '../../core/index.ts';

/** The longest gap between two frames of a flowing stream: one 60 Hz display frame. */
export const STREAM_BATCH_INTERVAL_MS = 16;

export const STREAM_COLUMNS = {
  /** The force plate: centre of pressure (NaN when the plate is unloaded), total and per-cell force. */
  'plate.samples': ['tDeviceMs', 'receivedAtMs', 'copXMm', 'copYMm', 'forceN', 'cell0N', 'cell1N', 'cell2N', 'cell3N'],
  /** The table: measured tension against set-point, carriage position and speed. */
  'table.telemetry': ['tDeviceMs', 'receivedAtMs', 'measuredN', 'setpointN', 'positionMm', 'velocityMmS'],
} as const;

export type StreamName = keyof typeof STREAM_COLUMNS;
export type StreamColumn<S extends StreamName> = (typeof STREAM_COLUMNS)[S][number];

export interface StreamBatch<S extends StreamName> {
  readonly stream: S;
  readonly count: number;
  /** Nominal rate of the stream (plate sample rate); 0 when irregular. */
  readonly rateHz: number;
  /** One view per column into the frame's buffer, each `count` long. */
  readonly columns: Readonly<Record<StreamColumn<S>, Float64Array>>;
}

const STREAM_CODES: Readonly<Record<StreamName, number>> = { 'plate.samples': 1, 'table.telemetry': 2 };
const HEADER_LENGTH = 4;

export function isStreamName(name: string): name is StreamName {
  return Object.hasOwn(STREAM_COLUMNS, name);
}

/**
 * Packs `count` rows from column-major `source` (column c at `source[c * stride …]`) into a new
 * frame. The caller keeps `source` and may overwrite it at once.
 */
export function packStreamFrame(stream: StreamName, source: Float64Array, stride: number, count: number, rateHz: number): ArrayBuffer {
  const columnCount = STREAM_COLUMNS[stream].length;
  const frame = new Float64Array(HEADER_LENGTH + columnCount * count);
  frame[0] = STREAM_CODES[stream];
  frame[1] = count;
  frame[2] = columnCount;
  frame[3] = rateHz;
  for (let c = 0; c < columnCount; c++) {
    frame.set(source.subarray(c * stride, c * stride + count), HEADER_LENGTH + c * count);
  }
  return frame.buffer;
}

/** The stream a frame belongs to, from its header; undefined when it is not a stream frame. */
export function streamNameOfFrame(buffer: ArrayBuffer): StreamName | undefined {
  if (buffer.byteLength < HEADER_LENGTH * 8 || buffer.byteLength % 8 !== 0) return undefined;
  const code = new Float64Array(buffer, 0, 1)[0];
  return (Object.keys(STREAM_CODES) as StreamName[]).find((name) => STREAM_CODES[name] === code);
}

/** Reads a frame; a malformed one (wrong size, unknown stream) is an error value, never a throw. */
export function unpackStreamFrame(buffer: ArrayBuffer): Result<StreamBatch<StreamName>, string> {
  if (buffer.byteLength % 8 !== 0 || buffer.byteLength < HEADER_LENGTH * 8) return err('stream frame: not a whole number of float64 header cells');
  const frame = new Float64Array(buffer);
  const stream = streamNameOfFrame(buffer);
  if (stream === undefined) return err(`stream frame: unknown stream code ${frame[0]}`);
  const count = frame[1] ?? -1;
  const names = STREAM_COLUMNS[stream];
  if (frame[2] !== names.length || !Number.isInteger(count) || count < 0 || frame.length !== HEADER_LENGTH + names.length * count) {
    return err(`stream frame: ${stream} header does not match its length`);
  }
  const columns: Record<string, Float64Array> = {};
  names.forEach((name, c) => (columns[name] = frame.subarray(HEADER_LENGTH + c * count, HEADER_LENGTH + (c + 1) * count)));
  return ok({ stream, count, rateHz: frame[3] ?? 0, columns } as StreamBatch<StreamName>);
}
