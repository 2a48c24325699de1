/**
 * Collects a live stream's rows into preallocated columns and sends them as one packed frame
 * (api stream frames) at most STREAM_BATCH_INTERVAL_MS after the first row of a batch, or at once
 * when the columns are full. Nothing is allocated per row; one frame per batch crosses to screens
 * (STYLE.md §4, §8: never a message per sample).
 */
import { STREAM_BATCH_INTERVAL_MS, STREAM_COLUMNS, packStreamFrame, type StreamName } from '../../api/index.ts';
import type { TimerHandle, Timers } from '../../native-bridge/index.ts';

/**
 * Timers fire late, never early: arming the flush at half the batch interval keeps batches within
 * it even when the event loop is busy, and halves the time a sample waits here (the UI bench's
 * sample-to-screen latency, bench/ui-latency.ts). At 1000 Hz that is still eight samples a frame.
 */
const FLUSH_SCHEDULE_MS = STREAM_BATCH_INTERVAL_MS / 2;
/** Rows held per batch: 2 s at the plate's fastest 2000 Hz, far more than one interval brings. */
const DEFAULT_CAPACITY_ROWS = 4096;

export class ColumnBatcher {
  private readonly columns: Float64Array;
  private readonly columnCount: number;
  private count = 0;
  private flushTimer: TimerHandle | undefined;

  constructor(
    private readonly stream: StreamName,
    private readonly timers: Timers,
    private readonly send: (frame: ArrayBuffer) => void,
    private readonly capacity = DEFAULT_CAPACITY_ROWS,
  ) {
    this.columnCount = STREAM_COLUMNS[stream].length;
    this.columns = new Float64Array(this.columnCount * capacity);
  }

  /** Nominal rate written into each frame's header. */
  rateHz = 0;

  /**
   * Starts a row and returns its index; the caller writes each column with `set`. Rows are in
   * STREAM_COLUMNS order for this stream.
   */
  beginRow(): number {
    if (this.count === this.capacity) this.flush();
    if (this.count === 0) this.flushTimer = this.timers.after(FLUSH_SCHEDULE_MS, () => this.flush());
    return this.count++;
  }

  set(column: number, row: number, value: number): void {
    this.columns[column * this.capacity + row] = value;
  }

  /** Sends what is held now (also at link loss, so the last samples before a gap are shown). */
  flush(): void {
    this.flushTimer?.cancel();
    this.flushTimer = undefined;
    if (this.count === 0) return;
    const frame = packStreamFrame(this.stream, this.columns, this.capacity, this.count, this.rateHz);
    this.count = 0;
    this.send(frame);
  }

  /** Drops anything held and disarms the timer. */
  dispose(): void {
    this.flushTimer?.cancel();
    this.flushTimer = undefined;
    this.count = 0;
  }
}
