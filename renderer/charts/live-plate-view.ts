/**
 * The live force-plate view's data path, outside React (STYLE.md §1.5): `plate.samples` batches go
 * into a ring of the last LIVE_WINDOW_MS; each animation frame (FrameLoop) unrolls the ring into
 * preallocated display arrays and redraws the stabilogram, the AP/ML series and the cell bars.
 * Everything stays SI; the clinic's units (load in kg or lb, axes in mm or cm) apply only to the
 * text and the tick labels. React only creates and destroys this view (anew when a unit changes).
 */
import type { ApiClient, StreamBatch } from '../../api/index.ts';
import { newtonsToKilogramsForce } from '../../core/index.ts';
import type { Units } from '../app/units.ts';
import { createCellBars } from './cell-bars-chart.ts';
import { ColumnRing } from './column-ring.ts';
import type { FrameLoop } from './frame-loop.ts';
import { STABILOGRAM_TAIL_MS, createStabilogram, type StabilogramSource } from './stabilogram-chart.ts';
import { createSwaySeries, type SwaySeriesSource } from './sway-series-chart.ts';

/** What the time series shows: 30 s, the length of a Romberg or mCTSIB trial (reference balance.md §2). */
export const LIVE_WINDOW_MS = 30_000;
/** Ring sized for the plate's fastest rate (plate.md §5: 2000 Hz), allocated once. */
const MAX_RATE_HZ = 2000;
const CAPACITY = (LIVE_WINDOW_MS / 1000) * MAX_RATE_HZ;

/**
 * The load readout changes at most this often (a display design choice): a number rewritten 60
 * times a second cannot be read, and each change costs the page a style and layout pass inside
 * the frame (bench/ui-latency.ts).
 */
const READOUT_INTERVAL_MS = 250;

/** Ring columns. */
const T = 0;
const X = 1;
const Y = 2;
const FORCE = 3;

export interface LivePlateTargets {
  readonly stabilogram: HTMLElement;
  readonly series: HTMLElement;
  /** The per-cell force bars; the protocol runner leaves them out. */
  readonly cells?: HTMLElement;
  /** Text readouts, written directly (no React render per frame). */
  readonly forceText: HTMLElement;
}

export interface LivePlateView {
  /** Samples drawn so far (the E2E test watches the COP move through this and the DOM). */
  readonly latestCop: () => { readonly xMm: number; readonly yMm: number; readonly forceN: number };
  resize(widthPx: number): void;
  destroy(): void;
}

export function createLivePlateView(client: ApiClient, loop: FrameLoop, targets: LivePlateTargets, units: Units, widthPx: number): LivePlateView {
  const ring = new ColumnRing(4, CAPACITY);
  const series: SwaySeriesSource = { tS: new Float64Array(CAPACITY), apMm: new Float64Array(CAPACITY), mlMm: new Float64Array(CAPACITY), length: 0 };
  const tail: StabilogramSource = { xMm: new Float64Array(CAPACITY), yMm: new Float64Array(CAPACITY), length: 0 };
  const cellForcesN = new Float64Array(4);
  let rateHz = 1000;

  const stabilogramSize = Math.min(420, Math.floor(widthPx * 0.4));
  const stabilogram = createStabilogram(targets.stabilogram, tail, units.length, stabilogramSize);
  const sway = createSwaySeries(targets.series, series, units.length, widthPx - stabilogramSize - 24, stabilogramSize);
  const bars = targets.cells === undefined ? undefined : createCellBars(targets.cells, cellForcesN, Math.min(520, widthPx), 220);
  const columns: Float64Array[] = [];
  let readoutAtMs = Number.NEGATIVE_INFINITY;

  const onBatch = (batch: StreamBatch<'plate.samples'>): void => {
    if (batch.count === 0) return;
    rateHz = batch.rateHz > 0 ? batch.rateHz : rateHz;
    const c = batch.columns;
    columns[T] = c.tDeviceMs;
    columns[X] = c.copXMm;
    columns[Y] = c.copYMm;
    columns[FORCE] = c.forceN;
    ring.push(columns, batch.count);
    const last = batch.count - 1;
    cellForcesN[0] = c.cell0N[last] ?? Number.NaN;
    cellForcesN[1] = c.cell1N[last] ?? Number.NaN;
    cellForcesN[2] = c.cell2N[last] ?? Number.NaN;
    cellForcesN[3] = c.cell3N[last] ?? Number.NaN;
    loop.markDirty(c.receivedAtMs);
  };

  const draw = (): void => {
    // Only what the screen shows: 30 s of series at the current rate, the last 10 s as the tail.
    const windowRows = Math.min(ring.length, Math.round((LIVE_WINDOW_MS / 1000) * rateHz));
    const n = ring.unroll(T, series.tS);
    ring.unroll(X, series.mlMm);
    ring.unroll(Y, series.apMm);
    const skip = n - windowRows;
    if (skip > 0) {
      series.tS.copyWithin(0, skip, n);
      series.mlMm.copyWithin(0, skip, n);
      series.apMm.copyWithin(0, skip, n);
    }
    series.length = windowRows;
    for (let i = 0; i < windowRows; i++) series.tS[i] = (series.tS[i] as number) / 1000;
    const tailRows = Math.min(windowRows, Math.round((STABILOGRAM_TAIL_MS / 1000) * rateHz));
    tail.xMm.set(series.mlMm.subarray(windowRows - tailRows, windowRows));
    tail.yMm.set(series.apMm.subarray(windowRows - tailRows, windowRows));
    tail.length = tailRows;
    stabilogram.redraw();
    sway.redraw();
    bars?.redraw();
    const nowMs = performance.now();
    if (nowMs - readoutAtMs < READOUT_INTERVAL_MS) return;
    readoutAtMs = nowMs;
    const forceN = ring.latest(FORCE);
    const load = Number.isNaN(forceN) ? 'no valid reading' : units.formatMass(newtonsToKilogramsForce(forceN));
    // Below MIN_COP_LOAD_N the host reports no COP (core copFromForces): nobody is standing there.
    const readout = Number.isNaN(ring.latest(X)) ? `Nobody on the plate (${load})` : `${load} on the plate`;
    if (targets.forceText.textContent !== readout) targets.forceText.textContent = readout;
  };

  const offBatch = client.on('plate.samples', onBatch);
  const offDraw = loop.add(draw);
  loop.start();
  return {
    latestCop: () => ({ xMm: ring.latest(X), yMm: ring.latest(Y), forceN: ring.latest(FORCE) }),
    resize(width) {
      const size = Math.min(420, Math.floor(width * 0.4));
      stabilogram.chart.setSize({ width: size, height: size });
      sway.chart.setSize({ width: width - size - 24, height: size });
      bars?.chart.setSize({ width: Math.min(520, width), height: 220 });
    },
    destroy() {
      offBatch();
      offDraw();
      loop.stop();
      stabilogram.chart.destroy();
      sway.chart.destroy();
      bars?.chart.destroy();
    },
  };
}
