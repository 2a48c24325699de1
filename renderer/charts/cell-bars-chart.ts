/** Per-cell vertical force as four bars (uPlot's bars path builder), newest sample, newtons. */
import uPlot from 'uplot';
import { CHART_COLOURS, axis, drawNow } from './chart-theme.ts';

/** Bars start on this scale and grow with the load: a 70 kg person puts about 170 N on each cell. */
const MIN_TOP_N = 400;
const TOP_STEP_N = 200;
export const CELL_LABELS = ['front left', 'front right', 'rear right', 'rear left'] as const;

export function createCellBars(target: HTMLElement, forcesN: Float64Array, widthPx: number, heightPx: number): { chart: uPlot; redraw(): void } {
  const cells = Float64Array.of(0, 1, 2, 3);
  let topN = MIN_TOP_N;
  const chart = new uPlot(
    {
      width: widthPx,
      height: heightPx,
      cursor: { show: false },
      legend: { show: false },
      scales: { x: { time: false, range: [-0.5, 3.5] }, y: { auto: false, range: () => [0, topN] } },
      axes: [{ ...axis('load cell'), values: (_u, ticks) => ticks.map((t) => CELL_LABELS[t] ?? ''), splits: () => [0, 1, 2, 3] }, axis('force, N')],
      series: [{}, { label: 'force', fill: CHART_COLOURS.cells, stroke: CHART_COLOURS.cells, paths: uPlot.paths.bars!({ size: [0.6, 120] }), points: { show: false } }],
    },
    [cells, forcesN],
    target,
  );
  // The bars' heights as last drawn, in whole canvas pixels: a frame that would not move any bar by
  // a pixel is not drawn (at rest the cells change by a fraction of a newton per frame).
  const drawnPx = new Float64Array(forcesN.length).fill(Number.NaN);
  const isUnchanged = (): boolean => {
    let same = true;
    for (let i = 0; i < forcesN.length; i++) {
      const px = Math.round(((forcesN[i] as number) / topN) * chart.bbox.height);
      if (!Object.is(px, drawnPx[i])) same = false;
      drawnPx[i] = px;
    }
    return same;
  };
  return {
    chart,
    redraw() {
      let peakN = 0;
      for (const forceN of forcesN) if (forceN > peakN) peakN = forceN;
      const wanted = Math.max(MIN_TOP_N, Math.ceil(peakN / TOP_STEP_N) * TOP_STEP_N);
      if (wanted === topN && isUnchanged()) return;
      drawNow(chart, [cells, forcesN], () => {
        if (wanted === topN) return;
        topN = wanted;
        chart.setScale('y', { min: 0, max: wanted });
      });
    },
  };
}
