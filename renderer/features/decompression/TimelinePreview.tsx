/** The timeline chart of a previewed prescription, made once per plan and destroyed with it. */
import { useEffect, useRef } from 'react';
import type { SegmentView } from '../../../api/index.ts';
import type { UnitFormat } from '../../app/units.ts';
import { createTimelineChart } from '../../charts/timeline-chart.ts';

const WIDTH_PX = 720;
const HEIGHT_PX = 240;

export function TimelinePreview({ segments, force }: { readonly segments: readonly SegmentView[]; readonly force: UnitFormat }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (target.current === null) return;
    const chart = createTimelineChart(target.current, segments, force, WIDTH_PX, HEIGHT_PX);
    return () => chart.destroy();
  }, [segments, force]);
  return (
    <figure>
      <div ref={target} data-testid="timeline-chart" role="img" aria-label="Set-point timeline: tension against time" />
      <figcaption>The set-point the table will follow, ending with the final release.</figcaption>
    </figure>
  );
}
