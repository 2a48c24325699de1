/**
 * Everything the plate driver does per sample, in one place that benches and tests can drive
 * without a link: count the line, look for gaps on the device clock (plate.md §5), and collect
 * columns into blocks. Allocation-free per sample; a block is handed on when full or when the
 * caller flushes at the end of a burst of input.
 */
import { PLATE_FLAG, type PlateSampleSink } from '../codecs/plate/plate-codec.ts';
import { SampleBlockBuilder, type PlateSampleBlock } from './sample-block.ts';

export type PlateGapCause = 'lines-lost' | 'device-overflow' | 'link-lost' | 'device-restarted';

export interface PlateGap {
  /** Samples missing between the two received samples; undefined when the device clock restarted. */
  readonly lostSamples: number | undefined;
  readonly fromTUs: number;
  readonly toTUs: number;
  readonly cause: PlateGapCause;
}

export interface PlateStreamStats {
  samples: number;
  lostSamples: number;
  gaps: number;
}

export interface PlateStreamOutput {
  blockReady(block: PlateSampleBlock): void;
  gapFound(gap: PlateGap): void;
  /** Every sample line counts as a valid line of the link (sequence numbers, liveness). */
  lineAccepted(seq: number): void;
}

/** Samples per block at most. */
const BLOCK_CAPACITY = 512;

export class PlateSampleStream implements PlateSampleSink {
  readonly stats: PlateStreamStats = { samples: 0, lostSamples: 0, gaps: 0 };
  private readonly builder = new SampleBlockBuilder(BLOCK_CAPACITY);
  private lastTUs: number | undefined;
  private linkLostSinceLastSample = false;

  constructor(
    private readonly output: PlateStreamOutput,
    public rateHz: number,
  ) {}

  pushSample(seq: number, tUs: number, c0: number, c1: number, c2: number, c3: number, flags: number): void {
    this.output.lineAccepted(seq);
    const last = this.lastTUs;
    // A RESYNC sample after a stop and start on the same link opens a new stream: the pause was
    // asked for, not lost (plate.md §5). After a link loss the outage is still reported.
    const isRestart = (flags & PLATE_FLAG.resync) !== 0 && !this.linkLostSinceLastSample;
    if (last !== undefined && !isRestart) {
      if (tUs <= last) this.reportGap(undefined, last, tUs, 'device-restarted');
      else {
        const lost = Math.round(((tUs - last) * this.rateHz) / 1e6) - 1;
        if (lost > 0) {
          const cause = this.linkLostSinceLastSample ? 'link-lost' : flags & PLATE_FLAG.deviceOverflow ? 'device-overflow' : 'lines-lost';
          this.reportGap(lost, last, tUs, cause);
        }
      }
    }
    this.lastTUs = tUs;
    this.linkLostSinceLastSample = false;
    this.stats.samples++;
    this.builder.add(seq, tUs, c0, c1, c2, c3, flags);
    if (this.builder.isFull) this.flush();
  }

  /** The link dropped: the next gap, if any, is the outage's. */
  markLinkLost(): void {
    this.flush();
    this.linkLostSinceLastSample = true;
  }

  /** Hands on the samples collected so far, if any. */
  flush(): void {
    if (this.builder.length > 0) this.output.blockReady(this.builder.take(this.rateHz));
  }

  private reportGap(lostSamples: number | undefined, fromTUs: number, toTUs: number, cause: PlateGapCause): void {
    // Samples before the gap go out first, so consumers see block, gap, block in order.
    this.flush();
    this.stats.gaps++;
    this.stats.lostSamples += lostSamples ?? 0;
    this.output.gapFound({ lostSamples, fromTUs, toTUs, cause });
  }
}
