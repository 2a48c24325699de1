/**
 * The live force-plate view's data path, outside React (STYLE.md §1.5): `plate.samples` batches go
 * into a ring of the last LIVE_WINDOW_MS and onto the AP/ML chart's pixel columns (time-columns.ts);
 * each animation frame (FrameLoop) unrolls the stabilogram's tail from the ring and redraws it, the
 * AP/ML series when a column completed, and the cell bars.
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
import { createSwaySeries } from './sway-series-chart.ts';
import { TimeColumns } from './time-columns.ts';

/** What the time series shows: 30 s, the length of a Romberg or mCTSIB trial (reference balance.md §2). */
export const LIVE_WINDOW_MS = 30_000;
/** Ring sized for the plate's fastest rate (plate.md §5: 2000 Hz), allocated once. */
const MAX_RATE_HZ = 2000;
const CAPACITY = (LIVE_WINDOW_MS / 1000) * MAX_RATE_HZ;
const TAIL_CAPACITY = (STABILOGRAM_TAIL_MS / 1000) * MAX_RATE_HZ;
/** Widest AP/ML plot, in device pixels, given a column each; a wider one shares columns between pixels. */
const MAX_COLUMNS = 4096;

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
  const swayColumns = new TimeColumns(2, MAX_COLUMNS);
  const tail: StabilogramSource = { xMm: new Float64Array(TAIL_CAPACITY), yMm: new Float64Array(TAIL_CAPACITY), length: 0 };
  const cellForcesN = new Float64Array(4);
  let rateHz = 1000;

  const stabilogramSize = Math.min(420, Math.floor(widthPx * 0.4));
  const stabilogram = createStabilogram(targets.stabilogram, tail, units.length, stabilogramSize);
  const sway = createSwaySeries(targets.series, swayColumns, units.length, widthPx - stabilogramSize - 24, stabilogramSize);
  /** Fits the columns to the plot's width; a new width decimates the ring's window again (rare: a resize). */
  const fitColumns = (): void => {
    if (!swayColumns.configure(LIVE_WINDOW_MS, sway.plotColumns())) return;
    const tMs = new Float64Array(ring.length);
    const apMm = new Float64Array(ring.length);
    const mlMm = new Float64Array(ring.length);
    const n = ring.unroll(T, tMs);
    ring.unroll(Y, apMm);
    ring.unroll(X, mlMm);
    swayColumns.add(tMs, [apMm, mlMm], n);
  };
  fitColumns();
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
    swayColumns.add(c.tDeviceMs, [c.copYMm, c.copXMm], batch.count);
    const last = batch.count - 1;
    cellForcesN[0] = c.cell0N[last] ?? Number.NaN;
    cellForcesN[1] = c.cell1N[last] ?? Number.NaN;
    cellForcesN[2] = c.cell2N[last] ?? Number.NaN;
    cellForcesN[3] = c.cell3N[last] ?? Number.NaN;
    loop.markDirty(c.receivedAtMs);
  };

  const draw = (): void => {
    // The stabilogram's tail: the last 10 s at the current rate.
    const tailRows = ring.unroll(X, tail.xMm, Math.min(TAIL_CAPACITY, Math.round((STABILOGRAM_TAIL_MS / 1000) * rateHz)));
    ring.unroll(Y, tail.yMm, tailRows);
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
      fitColumns();
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
