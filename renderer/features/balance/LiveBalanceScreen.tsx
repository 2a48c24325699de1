/**
 * The live balance view: stabilogram, AP/ML time series and per-cell force bars of whatever stands
 * on the plate. React makes the containers once; the charts run outside React (live-plate-view.ts).
 */
import { useEffect, useRef } from 'react';
import type { DeviceSnapshot } from '../../../api/index.ts';
import { useClient } from '../../app/host-hooks.ts';
import type { FrameLoop } from '../../charts/frame-loop.ts';
import { createLivePlateView } from '../../charts/live-plate-view.ts';
import { CalibrationFlag } from '../calibration/CalibrationFlag.tsx';
import { connectionText } from '../devices/device-text.ts';

export function LiveBalanceScreen({ plate, loop }: { readonly plate: DeviceSnapshot | undefined; readonly loop: FrameLoop }) {
  const client = useClient();
  const frame = useRef<HTMLDivElement>(null);
  const stabilogram = useRef<HTMLDivElement>(null);
  const series = useRef<HTMLDivElement>(null);
  const cells = useRef<HTMLDivElement>(null);
  const forceText = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const targets = { frame: frame.current, stabilogram: stabilogram.current, series: series.current, cells: cells.current, forceText: forceText.current };
    if (!targets.frame || !targets.stabilogram || !targets.series || !targets.cells || !targets.forceText) return;
    const view = createLivePlateView(client, loop, { stabilogram: targets.stabilogram, series: targets.series, cells: targets.cells, forceText: targets.forceText }, targets.frame.clientWidth);
    const observer = new ResizeObserver(() => view.resize(targets.frame?.clientWidth ?? 800));
    observer.observe(targets.frame);
    return () => {
      observer.disconnect();
      view.destroy();
    };
  }, [client, loop]);

  return (
    <div className="screen" ref={frame}>
      <h1>Live balance</h1>
      <p className="state" data-testid="plate-status">
        Force plate: {plate === undefined ? 'not connected' : connectionText(plate.connection)}
      </p>
      <CalibrationFlag role="plate" calibration={plate?.calibration} />
      <p className="readout" ref={forceText} data-testid="plate-load" aria-live="off">
        waiting for samples
      </p>
      <div className="charts-row">
        <figure>
          <div ref={stabilogram} data-testid="stabilogram" />
          <figcaption>Centre of pressure, last 10 s (older is fainter)</figcaption>
        </figure>
        <figure>
          <div ref={series} data-testid="sway-series" />
          <figcaption>Antero-posterior and medio-lateral sway, last 30 s</figcaption>
        </figure>
      </div>
      <figure>
        <div ref={cells} data-testid="cell-bars" />
        <figcaption>Force on each load cell</figcaption>
      </figure>
    </div>
  );
}
