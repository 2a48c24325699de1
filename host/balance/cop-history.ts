/**
 * The last minute or so of COP, by plate time, in preallocated columns (STYLE.md §4: nothing
 * allocated per sample). Trials are cut out of it by time when the engine says they ended, so a
 * trial is exactly the samples between its start and end cues, whatever the block boundaries.
 */

export interface CopWindow {
  readonly copXMm: Float64Array;
  readonly copYMm: Float64Array;
}

export class CopHistory {
  private readonly tMs: Float64Array;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private next = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.tMs = new Float64Array(capacity);
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
  }

  push(tMs: number, copXMm: number, copYMm: number): void {
    this.tMs[this.next] = tMs;
    this.x[this.next] = copXMm;
    this.y[this.next] = copYMm;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  clear(): void {
    this.size = 0;
  }

  /** Samples with fromMs ≤ t < toMs and a defined COP (someone on the plate), oldest first. */
  window(fromMs: number, toMs: number): CopWindow {
    const first = (this.next - this.size + this.capacity) % this.capacity;
    const picked: number[] = [];
    for (let k = 0; k < this.size; k++) {
      const i = (first + k) % this.capacity;
      const t = this.tMs[i] as number;
      if (t >= fromMs && t < toMs && Number.isFinite(this.x[i]) && Number.isFinite(this.y[i])) picked.push(i);
    }
    return {
      copXMm: Float64Array.from(picked, (i) => this.x[i] as number),
      copYMm: Float64Array.from(picked, (i) => this.y[i] as number),
    };
  }
}
