/**
 * The prescribed set-point timeline before a session starts (issue 5: the operator sees it as a
 * chart): tension in lbf against minutes, one point per segment end, drawn once.
 */
import uPlot from 'uplot';
import type { SegmentView } from '../../api/index.ts';
import { newtonsToPoundsForce } from '../../core/index.ts';
import { CHART_COLOURS, axis } from './chart-theme.ts';

export function createTimelineChart(target: HTMLElement, segments: readonly SegmentView[], widthPx: number, heightPx: number): uPlot {
  const first = segments[0];
  const tMin = [first === undefined ? 0 : first.startMs / 60_000, ...segments.map((s) => s.endMs / 60_000)];
  const lbf = [first === undefined ? 0 : newtonsToPoundsForce(first.fromN), ...segments.map((s) => newtonsToPoundsForce(s.toN))];
  return new uPlot(
    {
      width: widthPx,
      height: heightPx,
      cursor: { show: false },
      legend: { show: false },
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] } },
      axes: [axis('time, min'), axis('tension, lbf')],
      series: [{}, { label: 'set-point', stroke: CHART_COLOURS.ap, width: 2, points: { show: false } }],
    },
    [Float64Array.from(tMin), Float64Array.from(lbf)],
    target,
  );
}
