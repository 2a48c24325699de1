/**
 * Min/max decimation of aligned time series to the columns a chart can show: 30 s at 1000 Hz is
 * 30,000 points across some 800 pixels, so each pixel column gets its first sample's time and, per
 * series, the column's lowest and highest value in the order they occurred. The line drawn is the
 * one the full data draws (every sample's extremes are on screen), for a twentieth of the drawing
 * work per frame (bench/ui-latency.ts). A column with a missing value (NaN) ends with a NaN point,
 * so the hole stays a hole.
 */

/** Output points per column: the two extremes, and a NaN that keeps a hole. */
export const POINTS_PER_COLUMN = 3;

export interface DecimatedSeries {
  /** x (time) of each output point; preallocated to POINTS_PER_COLUMN × the most columns asked for. */
  readonly t: Float64Array;
  /** One output array per input series, the same size as `t`. */
  readonly ys: readonly Float64Array[];
  length: number;
}

export function decimatedSeries(seriesCount: number, maxColumns: number): DecimatedSeries {
  const size = POINTS_PER_COLUMN * maxColumns;
  return { t: new Float64Array(size), ys: Array.from({ length: seriesCount }, () => new Float64Array(size)), length: 0 };
}

/**
 * Writes into `out` the first `n` points of `t`/`ys` (t ascending) reduced to at most `columns`
 * equal slices of the time span. Fewer points than 2 per column pass through unchanged.
 */
export function decimateMinMax(t: Float64Array, ys: readonly Float64Array[], n: number, columns: number, out: DecimatedSeries): void {
  const wanted = Math.max(1, Math.min(Math.floor(columns), Math.floor(out.t.length / POINTS_PER_COLUMN)));
  if (n <= 2 * wanted) {
    out.t.set(t.subarray(0, n));
    ys.forEach((y, s) => out.ys[s]!.set(y.subarray(0, n)));
    out.length = n;
    return;
  }
  const t0 = t[0] as number;
  const span = (t[n - 1] as number) - t0;
  const perUnit = span > 0 ? wanted / span : 0;
  let length = 0;
  let start = 0;
  while (start < n) {
    const column = Math.min(wanted - 1, Math.floor(((t[start] as number) - t0) * perUnit));
    let end = start + 1;
    while (end < n && Math.min(wanted - 1, Math.floor(((t[end] as number) - t0) * perUnit)) === column) end++;
    length = writeColumn(t, ys, start, end, out, length);
    start = end;
  }
  out.length = length;
}

/** Writes one column's two (or three) points at `at`; returns the new output length. */
function writeColumn(t: Float64Array, ys: readonly Float64Array[], start: number, end: number, out: DecimatedSeries, at: number): number {
  let hasHole = false;
  out.t[at] = t[start] as number;
  out.t[at + 1] = t[end - 1] as number;
  ys.forEach((y, s) => {
    let minIndex = -1;
    let maxIndex = -1;
    for (let i = start; i < end; i++) {
      const v = y[i] as number;
      if (Number.isNaN(v)) {
        hasHole = true;
        continue;
      }
      if (minIndex < 0 || v < (y[minIndex] as number)) minIndex = i;
      if (maxIndex < 0 || v > (y[maxIndex] as number)) maxIndex = i;
    }
    const target = out.ys[s]!;
    target[at] = minIndex < 0 ? Number.NaN : (y[Math.min(minIndex, maxIndex)] as number);
    target[at + 1] = minIndex < 0 ? Number.NaN : (y[Math.max(minIndex, maxIndex)] as number);
  });
  if (!hasHole) return at + 2;
  out.t[at + 2] = t[end - 1] as number;
  for (const target of out.ys) target[at + 2] = Number.NaN;
  return at + 3;
}
