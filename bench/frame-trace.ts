/**
 * The page's whole main-thread work per frame, from a Chrome trace: each `ProxyMain::BeginMainFrame`
 * (the animation-frame callbacks, style, layout, paint, and the layer update in which Chromium
 * rasterises what the canvases recorded). The page's own FrameStats see only the callbacks: a
 * canvas records its drawing there and Chromium rasterises it later, in the layer update, which
 * is software on these GPU-less machines (about 3 ms of the frame here). Traced with the 'cc'
 * category alone, whose overhead is small, and after the page's own measurement, not during it.
 */
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

export interface FrameTrace {
  readonly frames: number;
  readonly frameWorkP50Ms: number;
  readonly frameWorkP95Ms: number;
  /** The layer update alone (canvas raster and hand-over to the compositor). */
  readonly layerUpdateP50Ms: number;
}

const quantile = (sorted: readonly number[], fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;

export async function traceFrameWork(browser: Browser, page: Page, durationMs: number): Promise<FrameTrace> {
  await browser.startTracing(page, { categories: ['cc'] });
  await page.waitForTimeout(durationMs);
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const durations = (name: string): number[] =>
    events
      .filter((e) => e.ph === 'X' && e.name === name && mainThreads.has(`${e.pid}:${e.tid}`))
      .map((e) => (e.dur ?? 0) / 1000)
      .sort((a, b) => a - b);
  const frames = durations('ProxyMain::BeginMainFrame');
  if (frames.length === 0) throw new Error('the trace holds no main-thread frame of the page');
  return {
    frames: frames.length,
    frameWorkP50Ms: quantile(frames, 0.5),
    frameWorkP95Ms: quantile(frames, 0.95),
    layerUpdateP50Ms: quantile(durations('LayerTreeHost::DoUpdateLayers'), 0.5),
  };
}
