/**
 * What the live charts cost, measured in the page itself: interval between animation frames, the
 * script and drawing work inside each frame, and sample-to-screen latency (a sample entering the
 * host, `receivedAtMs`, to the end of the frame that drew it, on the same epoch clock). Fixed-size
 * histograms, so measuring allocates nothing. Read by the UI bench (bench/ui-latency.ts) through
 * `window.proprioFrameStats`.
 */

/** Histogram resolution and range: 0.05 ms bins up to 500 ms; anything slower lands in the last bin. */
const BIN_MS = 0.05;
const BINS = 10_000;

export class Histogram {
  private readonly counts = new Float64Array(BINS);
  private total = 0;

  add(valueMs: number, weight = 1): void {
    if (!Number.isFinite(valueMs)) return;
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(valueMs / BIN_MS)));
    this.counts[bin] = (this.counts[bin] ?? 0) + weight;
    this.total += weight;
  }

  get count(): number {
    return this.total;
  }

  /** The value below which `fraction` of the weight lies (upper edge of its bin); NaN when empty. */
  quantile(fraction: number): number {
    if (this.total === 0) return Number.NaN;
    const target = fraction * this.total;
    let seen = 0;
    for (let i = 0; i < BINS; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= target) return (i + 1) * BIN_MS;
    }
    return BINS * BIN_MS;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
  }
}

export interface FrameStatsSummary {
  readonly frames: number;
  readonly frameIntervalP50Ms: number;
  readonly frameIntervalP95Ms: number;
  readonly drawP50Ms: number;
  readonly drawP95Ms: number;
  readonly latencySamples: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Host to page alone: a sample entering the host to its batch reaching the page's script. */
  readonly deliveryP50Ms: number;
  readonly deliveryP99Ms: number;
  readonly frameIntervalP99Ms: number;
  readonly frameIntervalMaxMs: number;
}

export class FrameStats {
  readonly frameInterval = new Histogram();
  readonly draw = new Histogram();
  readonly latency = new Histogram();
  readonly delivery = new Histogram();

  summary(): FrameStatsSummary {
    return {
      frames: this.draw.count,
      frameIntervalP50Ms: this.frameInterval.quantile(0.5),
      frameIntervalP95Ms: this.frameInterval.quantile(0.95),
      drawP50Ms: this.draw.quantile(0.5),
      drawP95Ms: this.draw.quantile(0.95),
      latencySamples: this.latency.count,
      latencyP50Ms: this.latency.quantile(0.5),
      latencyP99Ms: this.latency.quantile(0.99),
      deliveryP50Ms: this.delivery.quantile(0.5),
      deliveryP99Ms: this.delivery.quantile(0.99),
      frameIntervalP99Ms: this.frameInterval.quantile(0.99),
      frameIntervalMaxMs: this.frameInterval.quantile(1),
    };
  }

  reset(): void {
    this.frameInterval.reset();
    this.draw.reset();
    this.latency.reset();
    this.delivery.reset();
  }
}
