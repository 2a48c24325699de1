/**
 * AP and ML centre of pressure against time: one uPlot line chart over the last window (30 s),
 * reduced each frame to the plot's pixel columns (min-max-decimation.ts) into fixed-length typed
 * arrays handed straight to `setData` (uPlot demos/sine-stream). The arrays stay in mm; the COP
 * axis reads in the clinic's length unit.
 */
import uPlot from 'uplot';
import type { UnitFormat } from '../app/units.ts';
import { CHART_COLOURS, drawNow, timeSeriesOptions, unitAxis } from './chart-theme.ts';
import { decimateMinMax, decimatedSeries } from './min-max-decimation.ts';

export interface SwaySeriesSource {
  /** Device time, s; AP (y) and ML (x) COP, mm; oldest first, `length` valid. */
  readonly tS: Float64Array;
  readonly apMm: Float64Array;
  readonly mlMm: Float64Array;
  length: number;
}

/** One pixel: the software rasteriser strokes 1 px lines far faster than 1.5 px (bench/ui-latency.ts). */
const LINE_WIDTH_PX = 1;
/** Widest plot, in device pixels, given a column each; a wider one shares columns between pixels. */
const MAX_COLUMNS = 4096;

export function createSwaySeries(target: HTMLElement, source: SwaySeriesSource, length: UnitFormat, widthPx: number, heightPx: number): { chart: uPlot; redraw(): void } {
  const shown = decimatedSeries(2, MAX_COLUMNS);
  const [apShown, mlShown] = shown.ys as [Float64Array, Float64Array];
  const view = (): uPlot.AlignedData => [shown.t.subarray(0, shown.length), apShown.subarray(0, shown.length), mlShown.subarray(0, shown.length)];
  const chart = new uPlot(
    timeSeriesOptions({ widthPx, heightPx }, { auto: true }, unitAxis(`COP, ${length.symbol}`, length), [
      { label: 'AP (antero-posterior)', stroke: CHART_COLOURS.ap, width: LINE_WIDTH_PX, points: { show: false } },
      { label: 'ML (medio-lateral)', stroke: CHART_COLOURS.ml, width: LINE_WIDTH_PX, points: { show: false } },
    ]),
    view(),
    target,
  );
  return {
    chart,
    redraw() {
      decimateMinMax(source.tS, [source.apMm, source.mlMm], source.length, chart.bbox.width, shown);
      drawNow(chart, view());
    },
  };
}
