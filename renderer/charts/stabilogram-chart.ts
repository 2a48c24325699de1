/**
 * The stabilogram: the centre of pressure's path, medio-lateral (x) against antero-posterior (y),
 * with a fading tail (older = fainter) and the newest point marked. uPlot `mode: 2` with a custom
 * path builder that draws on the canvas directly (uPlot demos/scatter.html, STYLE.md §1.5).
 * Equal millimetres on both axes, in a square range that grows to keep the path in view; the
 * ticks read in the clinic's length unit.
 */
import uPlot from 'uplot';
import type { UnitFormat } from '../app/units.ts';
import { CHART_COLOURS, drawNow, unitAxis } from './chart-theme.ts';

/** How much of the path the tail shows, and in how many fading steps (display design choices). */
export const STABILOGRAM_TAIL_MS = 10_000;
const FADE_STEPS = 10;
/**
 * Points closer than this to the last one drawn (canvas pixels) are skipped: at 1000 Hz most
 * samples move the COP by a fraction of a pixel, and stroking them only costs rasterisation time.
 */
const MIN_STEP_PX = 0.75;
/** Smallest half-range shown, mm: quiet stance sways a few mm (reference balance.md §4). */
const MIN_HALF_RANGE_MM = 20;
const RANGE_STEP_MM = 10;
/**
 * Room kept between the path and the plot's edge, mm: the newest point's marker is not cut off,
 * and a path a few mm from a grid line does not look pressed against the frame.
 */
const EDGE_MARGIN_MM = 5;

export interface StabilogramSource {
  /** Display arrays (x = ML, y = AP, mm), oldest first, `length` valid points. */
  readonly xMm: Float64Array;
  readonly yMm: Float64Array;
  length: number;
}

export function createStabilogram(target: HTMLElement, source: StabilogramSource, length: UnitFormat, sizePx: number): { chart: uPlot; redraw(): void } {
  let halfRangeMm = MIN_HALF_RANGE_MM;

  const drawTail = (u: uPlot): null => {
    const ctx = u.ctx;
    const n = source.length;
    const segment = Math.max(1, Math.ceil(n / FADE_STEPS));
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    // One pixel: wider and fractional widths cost Chromium's software rasteriser dropped frames (bench/ui-latency.ts).
    ctx.lineWidth = uPlot.pxRatio;
    ctx.strokeStyle = CHART_COLOURS.cop;
    // Both axes are linear: one scale and offset per axis instead of uPlot's valToPos per point
    // (10,000 points a frame at 1000 Hz).
    const x0Px = u.valToPos(0, 'x', true);
    const xPxPerMm = u.valToPos(1, 'x', true) - x0Px;
    const y0Px = u.valToPos(0, 'y', true);
    const yPxPerMm = u.valToPos(1, 'y', true) - y0Px;
    for (let start = 0; start < n; start += segment) {
      ctx.globalAlpha = 0.12 + (0.88 * (start + segment)) / n;
      ctx.beginPath();
      let isPenDown = false;
      let lastPx = 0;
      let lastPy = 0;
      // One point of overlap so the segments join.
      for (let i = Math.max(0, start - 1); i < Math.min(n, start + segment); i++) {
        const x = source.xMm[i] as number;
        const y = source.yMm[i] as number;
        if (Number.isNaN(x) || Number.isNaN(y)) {
          isPenDown = false;
          continue;
        }
        const px = x0Px + x * xPxPerMm;
        const py = y0Px + y * yPxPerMm;
        if (!isPenDown) ctx.moveTo(px, py);
        else if (Math.abs(px - lastPx) < MIN_STEP_PX && Math.abs(py - lastPy) < MIN_STEP_PX) continue;
        else ctx.lineTo(px, py);
        isPenDown = true;
        lastPx = px;
        lastPy = py;
      }
      ctx.stroke();
    }
    const lastX = source.xMm[n - 1];
    const lastY = source.yMm[n - 1];
    if (n > 0 && lastX !== undefined && lastY !== undefined && !Number.isNaN(lastX + lastY)) {
      ctx.globalAlpha = 1;
      ctx.fillStyle = CHART_COLOURS.cop;
      ctx.beginPath();
      ctx.arc(u.valToPos(lastX, 'x', true), u.valToPos(lastY, 'y', true), 5 * uPlot.pxRatio, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
    return null;
  };

  const range = (): uPlot.Range.MinMax => [-halfRangeMm, halfRangeMm];
  const chart = new uPlot(
    {
      mode: 2,
      width: sizePx,
      height: sizePx,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, auto: false, range }, y: { auto: false, range } },
      axes: [unitAxis(`medio-lateral, ${length.symbol} (+ right)`, length), unitAxis(`antero-posterior, ${length.symbol} (+ forward)`, length)],
      series: [{}, { label: 'COP', stroke: CHART_COLOURS.cop, paths: drawTail, points: { show: false } }],
    },
    [null, [source.xMm.subarray(0, 0), source.yMm.subarray(0, 0)]] as unknown as uPlot.AlignedData,
    target,
  );

  return {
    chart,
    redraw() {
      let maxAbs = 0;
      for (let i = 0; i < source.length; i++) {
        const m = Math.max(Math.abs(source.xMm[i] as number), Math.abs(source.yMm[i] as number));
        if (m > maxAbs) maxAbs = m;
      }
      halfRangeMm = Math.max(MIN_HALF_RANGE_MM, Math.ceil((maxAbs + EDGE_MARGIN_MM) / RANGE_STEP_MM) * RANGE_STEP_MM);
      // Mode 2 data is [null, [xs, ys]]; the path builder reads `source` itself. Scales are re-ranged
      // on every setData through `range`, which keeps the square, growing view.
      drawNow(chart, [null, [source.xMm.subarray(0, source.length), source.yMm.subarray(0, source.length)]] as unknown as uPlot.AlignedData);
    },
  };
}
