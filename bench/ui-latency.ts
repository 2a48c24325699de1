/**
 * Sample-to-screen figures of the live balance view (issue 7), in headless Debian Chromium with
 * the flags of playwright.config.ts: `proprio web --simulate` runs the simulated plate at 1000 Hz,
 * the page shows the live view, and the page's own FrameStats (renderer/charts/frame-stats.ts)
 * measure, once 30 s × 1000 Hz are on screen:
 * - latency: a sample entering the host (its `receivedAtMs`, when the driver handed its block on)
 *   to the end of the animation frame that drew it, both on the epoch clock of this machine;
 * - frame interval: between animation frames (60 Hz display: 16.7 ms when none is dropped);
 * - draw: script and drawing work inside each frame (ring unroll, decimation, three uPlot redraws
 *   in immediate mode, so uPlot's drawing is inside the frame and inside the figure);
 * - delivery, to split the latency: a sample entering the host to its batch reaching the page's
 *   script (host batching + WebSocket + the page's event loop); the rest is the wait for the next
 *   frame and the frame's own work.
 * Targets: latency p99 ≤ 50 ms, frame interval p95 ≤ 17.5 ms, draw p95 ≤ 8 ms.
 */
import { chromium } from '@playwright/test';
import config from '../playwright.config.ts';
import type { FrameStatsSummary } from '../renderer/charts/frame-stats.ts';
import { signInFirstAdmin, startWebHost } from '../test/e2e/web-host.ts';

/** The live view's window: measurement starts once it is full. */
const FILL_MS = 31_000;

export async function benchUi(measureMs = 10_000): Promise<FrameStatsSummary> {
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
    await page.waitForTimeout(measureMs);
    const summary = await page.evaluate<FrameStatsSummary | undefined>('window.proprioFrameStats?.summary()');
    if (summary === undefined) throw new Error('the page exposes no frame statistics');
    if (summary.latencySamples < measureMs / 2) throw new Error(`only ${summary.latencySamples} samples drawn in ${measureMs} ms: the plate did not stream`);
    return summary;
  } finally {
    await browser.close();
    await host.stop();
  }
}
