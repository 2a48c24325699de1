/**
 * AP and ML centre of pressure against time: one uPlot line chart over the last window (30 s),
 * decimated onto the plot's pixel columns (time-columns.ts) into fixed-length typed arrays handed
 * straight to `setData` (uPlot demos/sine-stream). It redraws when a column completes, about every
 * 37 ms on an 800-pixel plot, and moves by whole columns; the stabilogram beside it shows each new
 * sample in the next frame. The arrays stay in mm; the COP axis reads in the clinic's length unit.
 */
import uPlot from 'uplot';
import type { UnitFormat } from '../app/units.ts';
import { CHART_COLOURS, drawNow, timeSeriesOptions, unitAxis } from './chart-theme.ts';
import type { ColumnSpan, TimeColumns } from './time-columns.ts';

/** One pixel: the software rasteriser strokes 1 px lines far faster than 1.5 px (bench/ui-latency.ts). */
const LINE_WIDTH_PX = 1;

export interface SwaySeriesChart {
  readonly chart: uPlot;
  /** Pixel columns of the plot, one per decimation column. */
  plotColumns(): number;
  /** Redraws when the columns changed since the last draw. */
  redraw(): void;
}

/** `columns` holds two series: AP then ML, mm. */
export function createSwaySeries(target: HTMLElement, columns: TimeColumns, length: UnitFormat, widthPx: number, heightPx: number): SwaySeriesChart {
  const shown = columns.output();
  const [apShown, mlShown] = shown.ys as [Float64Array, Float64Array];
  let span: ColumnSpan = columns.write(shown);
  let drawnVersion = columns.version;
  const view = (): uPlot.AlignedData => [shown.t.subarray(0, shown.length), apShown.subarray(0, shown.length), mlShown.subarray(0, shown.length)];
  const chart = new uPlot(
    timeSeriesOptions(
      { widthPx, heightPx },
      { auto: true },
      unitAxis(`COP, ${length.symbol}`, length),
      [
        { label: 'AP (antero-posterior)', stroke: CHART_COLOURS.ap, width: LINE_WIDTH_PX, points: { show: false } },
        { label: 'ML (medio-lateral)', stroke: CHART_COLOURS.ml, width: LINE_WIDTH_PX, points: { show: false } },
      ],
      { range: () => [span.startS, span.endS] },
    ),
    view(),
    target,
  );
  return {
    chart,
    plotColumns: () => Math.floor(chart.bbox.width),
    redraw() {
      if (columns.version === drawnVersion) return;
      drawnVersion = columns.version;
      span = columns.write(shown);
      drawNow(chart, view());
    },
  };
}
