/**
 * Min/max decimation of live time series onto time-aligned pixel columns, kept up to date sample
 * by sample. Column k holds device times [k × columnMs, (k + 1) × columnMs): once a column is
 * complete it never changes, so each batch costs only its own samples (not the window's 30,000
 * every frame), a chart redraws only when a column completes, and the trace moves in whole
 * columns instead of shimmering as column edges slide under the data. Per column and series the
 * chart gets the lowest and highest value in the order they came (every sample's extremes are on
 * screen), and a NaN point after a column with a missing value, so a hole stays a hole.
 */

/** Output points per column: the two extremes, and a NaN that keeps a hole. */
export const POINTS_PER_COLUMN = 3;

export interface DecimatedSeries {
  /** Time of each output point, s; preallocated for POINTS_PER_COLUMN × the most columns. */
  readonly t: Float64Array;
  /** One output array per series, the same size as `t`. */
  readonly ys: readonly Float64Array[];
  length: number;
}

/** The span the written columns cover, s: the chart's x range, in whole columns. */
export interface ColumnSpan {
  readonly startS: number;
  readonly endS: number;
}

export class TimeColumns {
  private columnMs = 1;
  private windowColumns = 1;
  /** Completed columns, a ring of `maxColumns`: column number, first and last sample time. */
  private readonly index: Float64Array;
  private readonly firstTMs: Float64Array;
  private readonly lastTMs: Float64Array;
  /** Per series, the column's two extremes in time order (NaN where it had no valid value). */
  private readonly earlier: Float64Array[];
  private readonly later: Float64Array[];
  private readonly holes: Uint8Array;
  private head = 0;
  private filled = 0;
  /** Columns completed (or cleared) so far: a chart redraws when this moves. */
  private changes = 0;
  // The open column, still collecting samples.
  private openK = Number.NaN;
  private openFirstTMs = 0;
  private openLastTMs = 0;
  private openSamples = 0;
  private openHole = false;
  private readonly minV: Float64Array;
  private readonly maxV: Float64Array;
  private readonly minAt: Float64Array;
  private readonly maxAt: Float64Array;

  constructor(
    private readonly seriesCount: number,
    readonly maxColumns: number,
  ) {
    this.index = new Float64Array(maxColumns);
    this.firstTMs = new Float64Array(maxColumns);
    this.lastTMs = new Float64Array(maxColumns);
    this.earlier = Array.from({ length: seriesCount }, () => new Float64Array(maxColumns));
    this.later = Array.from({ length: seriesCount }, () => new Float64Array(maxColumns));
    this.holes = new Uint8Array(maxColumns);
    this.minV = new Float64Array(seriesCount);
    this.maxV = new Float64Array(seriesCount);
    this.minAt = new Float64Array(seriesCount);
    this.maxAt = new Float64Array(seriesCount);
  }

  /** Output arrays sized for this decimator's widest window. */
  output(): DecimatedSeries {
    const size = POINTS_PER_COLUMN * this.maxColumns;
    return { t: new Float64Array(size), ys: Array.from({ length: this.seriesCount }, () => new Float64Array(size)), length: 0 };
  }

  get version(): number {
    return this.changes;
  }

  /**
   * Spreads `windowMs` over `columns` columns. Returns true when that changed: the columns are
   * then empty, and the caller feeds the window's samples again.
   */
  configure(windowMs: number, columns: number): boolean {
    const wanted = Math.max(1, Math.min(this.maxColumns, Math.floor(columns)));
    const columnMs = windowMs / wanted;
    if (wanted === this.windowColumns && columnMs === this.columnMs) return false;
    this.windowColumns = wanted;
    this.columnMs = columnMs;
    this.clear();
    return true;
  }

  clear(): void {
    this.head = 0;
    this.filled = 0;
    this.openK = Number.NaN;
    this.changes++;
  }

  /** Adds `count` samples: device times `tMs` (ascending) and one array per series. */
  add(tMs: Float64Array, ys: readonly Float64Array[], count: number): void {
    for (let i = 0; i < count; i++) {
      const t = tMs[i] as number;
      if (!Number.isFinite(t)) continue;
      const k = Math.floor(t / this.columnMs);
      if (k !== this.openK) {
        // Device time that runs back is a restarted device: what was shown belongs to another run.
        if (k < this.openK) this.clear();
        else if (!Number.isNaN(this.openK)) this.close();
        this.open(k, t);
      }
      this.openLastTMs = t;
      const at = this.openSamples++;
      for (let s = 0; s < this.seriesCount; s++) {
        const v = (ys[s] as Float64Array)[i] as number;
        if (Number.isNaN(v)) {
          this.openHole = true;
          continue;
        }
        if (this.minAt[s]! < 0 || v < this.minV[s]!) {
          this.minV[s] = v;
          this.minAt[s] = at;
        }
        if (this.maxAt[s]! < 0 || v > this.maxV[s]!) {
          this.maxV[s] = v;
          this.maxAt[s] = at;
        }
      }
    }
  }

  /**
   * Writes the newest window's completed columns into `out` (times in s, oldest first) and
   * returns the span they cover; an empty window spans the window ending now.
   */
  write(out: DecimatedSeries): ColumnSpan {
    const newestK = this.filled === 0 ? Math.floor(this.openK) : (this.index[(this.head - 1 + this.maxColumns) % this.maxColumns] as number);
    const firstK = newestK - this.windowColumns + 1;
    let length = 0;
    for (let j = Math.min(this.filled, this.windowColumns); j >= 1; j--) {
      const c = (this.head - j + this.maxColumns) % this.maxColumns;
      if ((this.index[c] as number) < firstK) continue;
      const first = length;
      out.t[first] = (this.firstTMs[c] as number) / 1000;
      out.t[first + 1] = (this.lastTMs[c] as number) / 1000;
      for (let s = 0; s < this.seriesCount; s++) {
        out.ys[s]![first] = this.earlier[s]![c] as number;
        out.ys[s]![first + 1] = this.later[s]![c] as number;
      }
      length += 2;
      if (this.holes[c] === 1) {
        out.t[length] = (this.lastTMs[c] as number) / 1000;
        for (let s = 0; s < this.seriesCount; s++) out.ys[s]![length] = Number.NaN;
        length++;
      }
    }
    out.length = length;
    if (Number.isNaN(newestK)) return { startS: 0, endS: this.windowColumns * this.columnMs / 1000 };
    return { startS: (firstK * this.columnMs) / 1000, endS: ((newestK + 1) * this.columnMs) / 1000 };
  }

  private open(k: number, tMs: number): void {
    this.openK = k;
    this.openFirstTMs = tMs;
    this.openSamples = 0;
    this.openHole = false;
    this.minAt.fill(-1);
    this.maxAt.fill(-1);
  }

  private close(): void {
    const c = this.head;
    this.index[c] = this.openK;
    this.firstTMs[c] = this.openFirstTMs;
    this.lastTMs[c] = this.openLastTMs;
    this.holes[c] = this.openHole ? 1 : 0;
    for (let s = 0; s < this.seriesCount; s++) {
      const minAt = this.minAt[s] as number;
      const maxAt = this.maxAt[s] as number;
      const hasValue = minAt >= 0;
      this.earlier[s]![c] = hasValue ? (minAt <= maxAt ? this.minV[s]! : this.maxV[s]!) : Number.NaN;
      this.later[s]![c] = hasValue ? (minAt <= maxAt ? this.maxV[s]! : this.minV[s]!) : Number.NaN;
    }
    this.head = (this.head + 1) % this.maxColumns;
    this.filled = Math.min(this.maxColumns, this.filled + 1);
    this.changes++;
  }
}
