/**
 * Live tension against set-point on the running decompression console (issue 7): the table's
 * `table.telemetry` batches (measured and commanded set-point, which follows the program's
 * timeline) go into a ring of the last TENSION_WINDOW_MS; each animation frame (FrameLoop) unrolls
 * it into preallocated display arrays, in the clinic's force unit against seconds of device time,
 * and redraws once. The ring stays in newtons: the unit is applied only in that frame's copy. React
 * only creates and destroys this view (anew when the unit changes).
 */
import uPlot from 'uplot';
import type { ApiClient, StreamBatch } from '../../api/index.ts';
import type { UnitFormat } from '../app/units.ts';
import { CHART_COLOURS, axis, drawNow, timeSeriesOptions } from './chart-theme.ts';
import { ColumnRing } from './column-ring.ts';
import type { FrameLoop } from './frame-loop.ts';

/** DESIGN: two minutes on screen, several hold/rest cycles of a typical intermittent program (ref §4.5: 60 s / 20–30 s). */
const TENSION_WINDOW_MS = 120_000;
/** Ring sized for four times the telemetry floor (ref §7.1 TELEMETRY_HZ ≥ 50), allocated once. */
const MAX_RATE_HZ = 200;
const CAPACITY = (TENSION_WINDOW_MS / 1000) * MAX_RATE_HZ;

const T = 0;
const MEASURED = 1;
const SETPOINT = 2;

export interface LiveTensionView {
  destroy(): void;
}

export function createLiveTensionView(client: ApiClient, loop: FrameLoop, target: HTMLElement, force: UnitFormat, widthPx: number, heightPx: number): LiveTensionView {
  const ring = new ColumnRing(3, CAPACITY);
  const tS = new Float64Array(CAPACITY);
  const measured = new Float64Array(CAPACITY);
  const setpoint = new Float64Array(CAPACITY);
  const perNewton = force.fromSi(1);
  const columns: Float64Array[] = [];
  let firstTMs = Number.NaN;
  let length = 0;
  let rateHz = 50;

  const view = (): uPlot.AlignedData => [tS.subarray(0, length), measured.subarray(0, length), setpoint.subarray(0, length)];
  const chart = new uPlot(
    timeSeriesOptions({ widthPx, heightPx }, { range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] }, axis(`tension, ${force.symbol}`), [
      { label: 'measured', stroke: CHART_COLOURS.ap, width: 2, points: { show: false } },
      { label: 'set-point', stroke: CHART_COLOURS.ml, width: 1, dash: [6, 4], points: { show: false } },
    ]),
    view(),
    target,
  );

  const onBatch = (batch: StreamBatch<'table.telemetry'>): void => {
    if (batch.count === 0) return;
    const c = batch.columns;
    rateHz = batch.rateHz > 0 ? batch.rateHz : rateHz;
    if (Number.isNaN(firstTMs)) firstTMs = c.tDeviceMs[0] ?? 0;
    columns[T] = c.tDeviceMs;
    columns[MEASURED] = c.measuredN;
    columns[SETPOINT] = c.setpointN;
    ring.push(columns, batch.count);
    loop.markDirty(c.receivedAtMs);
  };

  const draw = (): void => {
    const n = ring.unroll(T, tS);
    ring.unroll(MEASURED, measured);
    ring.unroll(SETPOINT, setpoint);
    // Only the window at the current rate: a slower table leaves older rows in the ring.
    length = Math.min(n, Math.round((TENSION_WINDOW_MS / 1000) * rateHz));
    const skip = n - length;
    if (skip > 0) {
      tS.copyWithin(0, skip, n);
      measured.copyWithin(0, skip, n);
      setpoint.copyWithin(0, skip, n);
    }
    for (let i = 0; i < length; i++) {
      tS[i] = ((tS[i] as number) - firstTMs) / 1000;
      measured[i] = (measured[i] as number) * perNewton;
      setpoint[i] = (setpoint[i] as number) * perNewton;
    }
    drawNow(chart, view());
  };

  const offBatch = client.on('table.telemetry', onBatch);
  const offDraw = loop.add(draw);
  loop.start();
  return {
    destroy() {
      offBatch();
      offDraw();
      loop.stop();
      chart.destroy();
    },
  };
}
