/**
 * Plate samples in columns (STYLE.md §1.5): typed arrays filled in place on the hot path and
 * handed on as one block, so nothing downstream sees a message per sample.
 */
export interface PlateSampleBlock {
  readonly count: number;
  readonly rateHz: number;
  /** Device line sequence numbers. */
  readonly seq: Float64Array;
  /** Device time of each sample, µs (link.md §8). */
  readonly tUs: Float64Array;
  /** Raw counts, four per sample, interleaved: c0, c1, c2, c3, c0, … */
  readonly cellCounts: Int32Array;
  readonly flags: Uint8Array;
}

export class SampleBlockBuilder {
  private readonly seq: Float64Array;
  private readonly tUs: Float64Array;
  private readonly cellCounts: Int32Array;
  private readonly flags: Uint8Array;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.seq = new Float64Array(capacity);
    this.tUs = new Float64Array(capacity);
    this.cellCounts = new Int32Array(capacity * 4);
    this.flags = new Uint8Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  get isFull(): boolean {
    return this.count === this.capacity;
  }

  add(seq: number, tUs: number, c0: number, c1: number, c2: number, c3: number, flags: number): void {
    const i = this.count++;
    this.seq[i] = seq;
    this.tUs[i] = tUs;
    const j = i * 4;
    this.cellCounts[j] = c0;
    this.cellCounts[j + 1] = c1;
    this.cellCounts[j + 2] = c2;
    this.cellCounts[j + 3] = c3;
    this.flags[i] = flags;
  }

  /**
   * Hands the filled columns over as arrays of their own, sized to the block, and starts again
   * in the same working arrays: a block per burst of input is small, and fresh full-capacity
   * arrays for each one were most of the driver's garbage.
   */
  take(rateHz: number): PlateSampleBlock {
    const n = this.count;
    this.count = 0;
    return {
      count: n,
      rateHz,
      seq: this.seq.slice(0, n),
      tUs: this.tUs.slice(0, n),
      cellCounts: this.cellCounts.slice(0, n * 4),
      flags: this.flags.slice(0, n),
    };
  }
}
