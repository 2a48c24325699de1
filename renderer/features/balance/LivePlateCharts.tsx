/**
 * The live plate's charts — the load readout, the stabilogram (COP path with a fading tail) and the
 * AP/ML series, optionally the per-cell force bars — shared by the live balance view and the
 * protocol runner, in the clinic's units. React makes the containers once; the charts run outside
 * React (live-plate-view.ts).
 */
import { useEffect, useRef } from 'react';
import { useClient } from '../../app/host-hooks.ts';
import { useUnits } from '../../app/use-units.ts';
import type { FrameLoop } from '../../charts/frame-loop.ts';
import { createLivePlateView } from '../../charts/live-plate-view.ts';

/** More than a scrollbar's width (about 15 px in Chromium). */
const SCROLLBAR_PX = 24;

export function LivePlateCharts({ loop, showCells }: { readonly loop: FrameLoop; readonly showCells: boolean }) {
  const client = useClient();
  const units = useUnits();
  const frame = useRef<HTMLDivElement>(null);
  const stabilogram = useRef<HTMLDivElement>(null);
  const series = useRef<HTMLDivElement>(null);
  const cells = useRef<HTMLDivElement>(null);
  const forceText = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const box = frame.current;
    const targets = { stabilogram: stabilogram.current, series: series.current, forceText: forceText.current };
    if (!box || !targets.stabilogram || !targets.series || !targets.forceText) return;
    const cellsTarget = showCells && cells.current ? { cells: cells.current } : {};
    const view = createLivePlateView(client, loop, { stabilogram: targets.stabilogram, series: targets.series, forceText: targets.forceText, ...cellsTarget }, units, box.clientWidth);
    // Width only, and not for a scrollbar coming or going: resizing the charts changes the page's
    // height, which can toggle the scrollbar, which would resize the charts again, every frame.
    let widthPx = box.clientWidth;
    const observer = new ResizeObserver(() => {
      if (Math.abs(box.clientWidth - widthPx) <= SCROLLBAR_PX) return;
      widthPx = box.clientWidth;
      view.resize(widthPx);
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
      view.destroy();
    };
  }, [client, loop, showCells, units]);

  return (
    <div ref={frame}>
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
      {showCells && (
        <figure>
          <div ref={cells} data-testid="cell-bars" />
          <figcaption>Force on each load cell</figcaption>
        </figure>
      )}
    </div>
  );
}
