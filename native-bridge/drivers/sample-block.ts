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
  private seq: Float64Array;
  private tUs: Float64Array;
  private cellCounts: Int32Array;
  private flags: Uint8Array;
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

  /** Hands the filled columns over (trimmed views) and starts fresh arrays. */
  take(rateHz: number): PlateSampleBlock {
    const n = this.count;
    const block: PlateSampleBlock = {
      count: n,
      rateHz,
      seq: this.seq.subarray(0, n),
      tUs: this.tUs.subarray(0, n),
      cellCounts: this.cellCounts.subarray(0, n * 4),
      flags: this.flags.subarray(0, n),
    };
    this.seq = new Float64Array(this.capacity);
    this.tUs = new Float64Array(this.capacity);
    this.cellCounts = new Int32Array(this.capacity * 4);
    this.flags = new Uint8Array(this.capacity);
    this.count = 0;
    return block;
  }
}
