/**
 * A fixed-size ring of columns for live data (STYLE.md §1.5): batches are copied in as they arrive,
 * and each animation frame unrolls the ring into preallocated display arrays, oldest first, with
 * at most two `set` calls per column (uPlot needs arrays that start at index 0 and are in order,
 * uPlot issue #947). Nothing is allocated per sample or per frame.
 */
export class ColumnRing {
  private readonly data: Float64Array[];
  private head = 0;
  private filled = 0;
  /** Rows ever pushed; lets a reader tell whether anything is new since it last looked. */
  private total = 0;

  constructor(
    columnCount: number,
    readonly capacity: number,
  ) {
    this.data = Array.from({ length: columnCount }, () => new Float64Array(capacity));
  }

  get length(): number {
    return this.filled;
  }

  get pushedRows(): number {
    return this.total;
  }

  /** Appends `count` rows; `columns[c]` holds column c. Older rows fall off the front. */
  push(columns: readonly Float64Array[], count: number): void {
    // Only the last `capacity` rows of a huge batch can survive anyway.
    const skip = Math.max(0, count - this.capacity);
    const n = count - skip;
    for (let c = 0; c < this.data.length; c++) {
      const target = this.data[c] as Float64Array;
      const source = columns[c] as Float64Array;
      const firstPart = Math.min(n, this.capacity - this.head);
      target.set(source.subarray(skip, skip + firstPart), this.head);
      if (firstPart < n) target.set(source.subarray(skip + firstPart, skip + n), 0);
    }
    this.head = (this.head + n) % this.capacity;
    this.filled = Math.min(this.capacity, this.filled + n);
    this.total += count;
  }

  /**
   * Copies the newest `rows` rows of column `c` (all it holds by default), oldest first, into
   * `target`; returns the row count.
   */
  unroll(c: number, target: Float64Array, rows = this.filled): number {
    const source = this.data[c] as Float64Array;
    const n = Math.max(0, Math.min(rows, this.filled));
    const start = (this.head - n + this.capacity) % this.capacity;
    const firstPart = Math.min(n, this.capacity - start);
    target.set(source.subarray(start, start + firstPart), 0);
    if (firstPart < n) target.set(source.subarray(0, n - firstPart), firstPart);
    return n;
  }

  /** The newest value of column `c`; NaN when empty. */
  latest(c: number): number {
    if (this.filled === 0) return Number.NaN;
    return (this.data[c] as Float64Array)[(this.head - 1 + this.capacity) % this.capacity] ?? Number.NaN;
  }

  clear(): void {
    this.head = 0;
    this.filled = 0;
  }
}
