/**
 * The one animation-frame loop of the live views (STYLE.md §1.5): data arrives whenever the host
 * sends it, marks the loop dirty, and charts redraw at most once per animation frame, never per
 * batch and never through React state. It also feeds FrameStats: frame intervals, work per frame,
 * and the latency of every sample a frame drew.
 */
import { FrameStats } from './frame-stats.ts';

/** Batches whose latency waits for the next drawn frame; far more than arrive between two frames. */
const PENDING_CAPACITY = 1024;

export class FrameLoop {
  readonly stats = new FrameStats();
  private readonly drawers = new Set<() => void>();
  private dirty = false;
  private handle = 0;
  private lastFrameMs = Number.NaN;
  private readonly pendingReceivedAtMs = new Float64Array(PENDING_CAPACITY);
  private readonly pendingCount = new Float64Array(PENDING_CAPACITY);
  private pending = 0;

  /** Registers a chart's draw; returns the function that removes it. */
  add(draw: () => void): () => void {
    this.drawers.add(draw);
    return () => void this.drawers.delete(draw);
  }

  /**
   * New data: redraw on the next frame. `receivedAtMs` holds, per new sample, when it entered the
   * host; samples that arrived together share a time and are kept as one entry for the latency.
   */
  markDirty(receivedAtMs: Float64Array): void {
    this.dirty = true;
    const arrivedAtEpochMs = performance.timeOrigin + performance.now();
    for (let i = 0; i < receivedAtMs.length; i++) {
      const atMs = receivedAtMs[i] as number;
      this.stats.delivery.add(arrivedAtEpochMs - atMs);
      const last = this.pending - 1;
      if (last >= 0 && this.pendingReceivedAtMs[last] === atMs) {
        this.pendingCount[last] = (this.pendingCount[last] ?? 0) + 1;
      } else if (this.pending < PENDING_CAPACITY) {
        this.pendingReceivedAtMs[this.pending] = atMs;
        this.pendingCount[this.pending] = 1;
        this.pending++;
      }
    }
  }

  start(): void {
    if (this.handle === 0) this.handle = requestAnimationFrame(this.frame);
  }

  stop(): void {
    cancelAnimationFrame(this.handle);
    this.handle = 0;
    this.lastFrameMs = Number.NaN;
  }

  private readonly frame = (timestampMs: number): void => {
    this.handle = requestAnimationFrame(this.frame);
    if (Number.isFinite(this.lastFrameMs)) this.stats.frameInterval.add(timestampMs - this.lastFrameMs);
    this.lastFrameMs = timestampMs;
    if (!this.dirty) return;
    this.dirty = false;
    const startedMs = performance.now();
    for (const draw of this.drawers) draw();
    const endedMs = performance.now();
    this.stats.draw.add(endedMs - startedMs);
    const drawnAtEpochMs = performance.timeOrigin + endedMs;
    for (let i = 0; i < this.pending; i++) {
      this.stats.latency.add(drawnAtEpochMs - (this.pendingReceivedAtMs[i] ?? 0), this.pendingCount[i] ?? 0);
    }
    this.pending = 0;
  };
}
