/**
 * The prescribed set-point timeline before a session starts (issue 5: the operator sees it as a
 * chart): tension in the clinic's force unit against minutes, one point per segment end, drawn once.
 */
import uPlot from 'uplot';
import type { SegmentView } from '../../api/index.ts';
import type { UnitFormat } from '../app/units.ts';
import { CHART_COLOURS, axis } from './chart-theme.ts';

export function createTimelineChart(target: HTMLElement, segments: readonly SegmentView[], force: UnitFormat, widthPx: number, heightPx: number): uPlot {
  const first = segments[0];
  const tMin = [first === undefined ? 0 : first.startMs / 60_000, ...segments.map((s) => s.endMs / 60_000)];
  const tension = [first === undefined ? 0 : force.fromSi(first.fromN), ...segments.map((s) => force.fromSi(s.toN))];
  return new uPlot(
    {
      width: widthPx,
      height: heightPx,
      cursor: { show: false },
      legend: { show: false },
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] } },
      axes: [axis('time, min'), axis(`tension, ${force.symbol}`)],
      series: [{}, { label: 'set-point', stroke: CHART_COLOURS.ap, width: 2, points: { show: false } }],
    },
    [Float64Array.from(tMin), Float64Array.from(tension)],
    target,
  );
}
