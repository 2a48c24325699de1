import type uPlot from 'uplot';
import type { UnitFormat } from '../app/units.ts';

/**
 * Chart colours and sizes. Calm on purpose: red, yellow and cyan are the alarm colours of
 * IEC 60601-1-8 (shared/reference/decompression.md §7.2) and appear only on alarms, never on data.
 */
export const CHART_COLOURS = {
  ap: '#1f5f8b',
  ml: '#6b4c9a',
  cop: '#1f5f8b',
  cells: '#4f6d7a',
  grid: 'rgba(60, 72, 88, 0.12)',
  axis: '#3c4858',
} as const;

export const AXIS_FONT = '13px system-ui, sans-serif';

/** Axis settings shared by every chart: readable labels, quiet grid. */
export function axis(label: string): { label: string; stroke: string; font: string; labelFont: string; grid: { stroke: string; width: number }; ticks: { stroke: string; width: number } } {
  return {
    label,
    stroke: CHART_COLOURS.axis,
    font: AXIS_FONT,
    labelFont: AXIS_FONT,
    grid: { stroke: CHART_COLOURS.grid, width: 1 },
    ticks: { stroke: CHART_COLOURS.grid, width: 1 },
  };
}

/**
 * An axis whose data stay in SI (mm) while its ticks read in the clinic's unit: the per-frame
 * arrays are never rescaled, only the few tick labels are. `label` names the unit itself.
 */
export function unitAxis(label: string, unit: UnitFormat): uPlot.Axis {
  return { ...axis(label), values: (_u, splits) => splits.map((value) => unit.plain(value)) };
}

/**
 * Options of the live time-series charts (COP against time, tension against time): seconds on x,
 * a legend that names the series without following a cursor, and no cursor (touchscreen). `xScale`
 * can fix the x range (a chart that moves by whole columns).
 */
export function timeSeriesOptions(size: { readonly widthPx: number; readonly heightPx: number }, yScale: uPlot.Scale, yAxis: uPlot.Axis, series: uPlot.Series[], xScale: uPlot.Scale = {}): uPlot.Options {
  return {
    width: size.widthPx,
    height: size.heightPx,
    pxAlign: false,
    cursor: { show: false },
    legend: { show: true, live: false },
    scales: { x: { time: false, ...xScale }, y: yScale },
    axes: [axis('time, s'), yAxis],
    series: [{}, ...series],
  };
}

/**
 * Hands a chart its frame's data and draws it at once. uPlot otherwise draws in a microtask after
 * the frame callback returns, outside the work FrameLoop measures (bench/ui-latency.ts); in
 * immediate mode the per-frame figure counts the real drawing.
 */
export function drawNow(chart: uPlot, data: uPlot.AlignedData, before?: () => void): void {
  chart.batch(() => {
    before?.();
    chart.setData(data);
  });
}
