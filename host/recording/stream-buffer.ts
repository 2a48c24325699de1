/**
 * One device stream's samples on their way to disk: copied into preallocated columns as they
 * arrive (no allocation per sample), and cut into an encoded chunk once it holds
 * CHUNK_TARGET_MS of samples, when the rate changes, when the device clock steps back (a restart:
 * chunks stay monotonic in device time, which the read path's window query relies on), or when
 * the recorder asks because the oldest sample has waited long enough.
 */
import type { PlateSampleBlock, TableTelemetry } from '../../native-bridge/index.ts';
import { encodeChunk, writeTableFrame, type EncodedChunk } from '../storage/index.ts';

/** Design choice: half a second per chunk, inside the 0.25–1 s, so a crash loses at most ~0.75 s (recorder.ts). */
export const CHUNK_TARGET_MS = 500;

export class StreamBuffer {
  private seq = new Float64Array(0);
  private tUs = new Float64Array(0);
  private channels: Int32Array[] = [];
  private count = 0;
  private rateHz = 0;
  private capacity = 0;
  private firstMonoMs = 0;
  private readonly ready: EncodedChunk[] = [];

  constructor(
    readonly streamId: number,
    private readonly channelCount: number,
  ) {}

  /** Samples held and not yet in a chunk. */
  get pendingSamples(): number {
    return this.count;
  }

  pushPlateBlock(block: PlateSampleBlock, nowMonoMs: number): void {
    this.prepare(block.rateHz);
    const { seq, tUs, cellCounts, flags } = block;
    for (let i = 0; i < block.count; i++) {
      const t = tUs[i] as number;
      if (this.count === this.capacity || (this.count > 0 && t < (this.tUs[this.count - 1] as number))) this.cut();
      if (this.count === 0) this.firstMonoMs = nowMonoMs;
      const n = this.count++;
      this.seq[n] = seq[i] as number;
      this.tUs[n] = t;
      const j = i * 4;
      const channels = this.channels;
      (channels[0] as Int32Array)[n] = cellCounts[j] as number;
      (channels[1] as Int32Array)[n] = cellCounts[j + 1] as number;
      (channels[2] as Int32Array)[n] = cellCounts[j + 2] as number;
      (channels[3] as Int32Array)[n] = cellCounts[j + 3] as number;
      (channels[4] as Int32Array)[n] = flags[i] as number;
    }
  }

  pushTableFrame(frame: TableTelemetry, rateHz: number, nowMonoMs: number): void {
    this.prepare(rateHz);
    if (this.count === this.capacity || (this.count > 0 && frame.tUs < (this.tUs[this.count - 1] as number))) this.cut();
    if (this.count === 0) this.firstMonoMs = nowMonoMs;
    const n = this.count++;
    this.seq[n] = frame.seq;
    this.tUs[n] = frame.tUs;
    writeTableFrame(frame, this.channels, n);
  }

  /** Cuts the open chunk if its first sample arrived `maxAgeMs` or more ago. */
  cutIfOlderThan(maxAgeMs: number, nowMonoMs: number): void {
    if (this.count > 0 && nowMonoMs - this.firstMonoMs >= maxAgeMs) this.cut();
  }

  /** Encodes the samples held so far into a chunk (nothing when empty). */
  cut(): void {
    if (this.count === 0) return;
    const count = this.count;
    this.ready.push({
      firstSeq: this.seq[0] as number,
      firstTUs: this.tUs[0] as number,
      lastTUs: this.tUs[count - 1] as number,
      count,
      data: encodeChunk({ count, rateHz: this.rateHz, seq: this.seq, tUs: this.tUs, channels: this.channels }),
    });
    this.count = 0;
  }

  /** Chunks cut since the last call; the caller owns them (and puts them back if it cannot write them). */
  takeReady(): EncodedChunk[] {
    return this.ready.splice(0, this.ready.length);
  }

  /** Chunks that could not be written go back to the front, in order, for the next flush. */
  putBack(chunks: readonly EncodedChunk[]): void {
    this.ready.unshift(...chunks);
  }

  /** A new rate cuts the chunk (one rate per chunk) and sizes the columns for CHUNK_TARGET_MS at it. */
  private prepare(rateHz: number): void {
    if (rateHz === this.rateHz) return;
    this.cut();
    this.rateHz = rateHz;
    this.capacity = Math.max(1, Math.ceil((rateHz * CHUNK_TARGET_MS) / 1000));
    if (this.seq.length < this.capacity) {
      this.seq = new Float64Array(this.capacity);
      this.tUs = new Float64Array(this.capacity);
      this.channels = Array.from({ length: this.channelCount }, () => new Int32Array(this.capacity));
    }
  }
}
