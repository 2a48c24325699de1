/** The running session's tension against its set-point (charts/tension-chart.ts) in the clinic's force unit, made with the panel and destroyed with it. */
import { useEffect, useRef } from 'react';
import { useClient } from '../../app/host-hooks.ts';
import { useUnits } from '../../app/use-units.ts';
import type { FrameLoop } from '../../charts/frame-loop.ts';
import { createLiveTensionView } from '../../charts/tension-chart.ts';

const WIDTH_PX = 720;
const HEIGHT_PX = 260;

export function LiveTensionChart({ loop }: { readonly loop: FrameLoop }) {
  const client = useClient();
  const { force } = useUnits();
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (target.current === null) return;
    const view = createLiveTensionView(client, loop, target.current, force, WIDTH_PX, HEIGHT_PX);
    return () => view.destroy();
  }, [client, loop, force]);
  return (
    <figure>
      <div ref={target} data-testid="tension-chart" role="img" aria-label="Live tension against set-point" />
      <figcaption>Measured tension (solid) against the program’s set-point (dashed), the last two minutes.</figcaption>
    </figure>
  );
}
