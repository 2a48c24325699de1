/**
 * AP and ML centre of pressure against time: one uPlot line chart over the last window (30 s),
 * fixed-length typed arrays handed straight to `setData` once per frame (uPlot demos/sine-stream).
 * The arrays stay in mm; the COP axis reads in the clinic's length unit.
 */
import uPlot from 'uplot';
import type { UnitFormat } from '../app/units.ts';
import { CHART_COLOURS, axis, unitAxis } from './chart-theme.ts';

export interface SwaySeriesSource {
  /** Device time, s; AP (y) and ML (x) COP, mm; oldest first, `length` valid. */
  readonly tS: Float64Array;
  readonly apMm: Float64Array;
  readonly mlMm: Float64Array;
  length: number;
}

/** One pixel: the software rasteriser strokes 1 px lines far faster than 1.5 px (bench/ui-latency.ts). */
const LINE_WIDTH_PX = 1;

export function createSwaySeries(target: HTMLElement, source: SwaySeriesSource, length: UnitFormat, widthPx: number, heightPx: number): { chart: uPlot; redraw(): void } {
  const view = (): uPlot.AlignedData => [source.tS.subarray(0, source.length), source.apMm.subarray(0, source.length), source.mlMm.subarray(0, source.length)];
  const chart = new uPlot(
    {
      width: widthPx,
      height: heightPx,
      pxAlign: false,
      cursor: { show: false },
      legend: { show: true, live: false },
      scales: { x: { time: false }, y: { auto: true } },
      axes: [axis('time, s'), unitAxis(`COP, ${length.symbol}`, length)],
      series: [
        {},
        { label: 'AP (antero-posterior)', stroke: CHART_COLOURS.ap, width: LINE_WIDTH_PX, points: { show: false } },
        { label: 'ML (medio-lateral)', stroke: CHART_COLOURS.ml, width: LINE_WIDTH_PX, points: { show: false } },
      ],
    },
    view(),
    target,
  );
  return { chart, redraw: () => chart.setData(view()) };
}
