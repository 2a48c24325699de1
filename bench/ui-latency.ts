/**
 * Sample-to-screen figures of the live balance view (issue 7), in headless Debian Chromium with
 * the flags of playwright.config.ts: `proprio web --simulate` runs the simulated plate at 1000 Hz,
 * the page shows the live view, and the page's own FrameStats (renderer/charts/frame-stats.ts)
 * measure, once 30 s × 1000 Hz are on screen:
 * - latency: a sample entering the host (its `receivedAtMs`, when the driver handed its block on)
 *   to the end of the animation frame that drew it, both on the epoch clock of this machine;
 * - frame interval: between animation frames (60 Hz display: 16.7 ms when none is dropped);
 * - draw: script and drawing work inside each frame (the stabilogram's tail unrolled, uPlot redraws
 *   in immediate mode of the stabilogram and cell bars every frame and of the AP/ML series when a
 *   pixel column completed, so uPlot's drawing is inside the frame and inside the figure). Chromium
 *   rasterises the canvases' recorded drawing later in the frame, outside the script: the whole
 *   frame's main-thread work, raster included, comes from a Chrome trace (bench/frame-trace.ts);
 * - delivery, to split the latency: a sample entering the host to its batch reaching the page's
 *   script (host batching + WebSocket + the page's event loop); the rest is the wait for the next
 *   frame and the frame's own work.
 * Targets: latency p99 ≤ 50 ms, frame interval p95 ≤ 17.5 ms, draw p95 ≤ 8 ms.
 *
 * The measurement lasts MEASURE_MS. A p99 over 10 s (10,000 samples) is decided by a single stall
 * of the machine: one 100 ms pause of the page or the host puts some 100 samples, the whole 1 %,
 * behind it, and the same build measured 29 to 103 ms in consecutive 10 s runs here. Over 60 s the
 * p99 describes the steady state, and the frame-interval maximum still shows the worst stall.
 */
import { chromium } from '@playwright/test';
import config from '../playwright.config.ts';
import type { FrameStatsSummary } from '../renderer/charts/frame-stats.ts';
import { signInFirstAdmin, startWebHost } from '../test/e2e/web-host.ts';
import { measureSteal } from './cpu-steal.ts';
import { traceFrameWork, type FrameTrace } from './frame-trace.ts';

/** The live view's window: measurement starts once it is full. */
const FILL_MS = 31_000;
const MEASURE_MS = 60_000;
/** The Chrome trace of whole frames that follows the measurement (bench/frame-trace.ts). */
const TRACE_MS = 10_000;

export interface UiBenchResult extends FrameStatsSummary {
  /** CPU time stolen by the hypervisor during the measurement, % (bench/cpu-steal.ts). */
  readonly stealPercent: number;
  /** The page's whole main-thread work per frame, canvas raster included (traced after the measurement). */
  readonly trace: FrameTrace;
}

export async function benchUi(measureMs = MEASURE_MS): Promise<UiBenchResult> {
  const host = await startWebHost(['--simulate', '--port', '0']);
  const browser = await chromium.launch(config.use?.launchOptions ?? {});
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInFirstAdmin(page, host);
    await page.getByRole('button', { name: 'Live balance' }).click();
    await page.getByTestId('plate-status').filter({ hasText: 'Connected' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(FILL_MS);
    // Strings, not functions: this file has no DOM types, and the page's globals are its own.
    await page.evaluate('window.proprioFrameStats.reset()');
    const steal = measureSteal();
    await page.waitForTimeout(measureMs);
    const stealPercent = steal();
    const summary = await page.evaluate<FrameStatsSummary | undefined>('window.proprioFrameStats?.summary()');
    if (summary === undefined) throw new Error('the page exposes no frame statistics');
    if (summary.latencySamples < measureMs / 2) throw new Error(`only ${summary.latencySamples} samples drawn in ${measureMs} ms: the plate did not stream`);
    return { ...summary, stealPercent, trace: await traceFrameWork(browser, page, TRACE_MS) };
  } finally {
    await browser.close();
    await host.stop();
  }
}
