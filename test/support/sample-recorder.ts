/** Collects a plate driver's output and checks it for continuity, for integration tests. */
import type { PlateDriver, PlateGap, PlateSampleBlock } from '../../native-bridge/index.ts';

export class SampleRecorder {
  readonly blocks: PlateSampleBlock[] = [];
  readonly gaps: PlateGap[] = [];
  samples = 0;

  constructor(driver: PlateDriver) {
    driver.events.on('samples', (block) => {
      this.blocks.push(block);
      this.samples += block.count;
    });
    driver.events.on('gap', (gap) => this.gaps.push(gap));
  }

  /** Device-time steps between consecutive samples that are not exactly one sample period. */
  timeDiscontinuities(rateHz: number): { fromTUs: number; toTUs: number }[] {
    const found: { fromTUs: number; toTUs: number }[] = [];
    let previous: number | undefined;
    for (const block of this.blocks) {
      for (const tUs of block.tUs) {
        if (previous !== undefined && Math.round(((tUs - previous) * rateHz) / 1e6) !== 1) found.push({ fromTUs: previous, toTUs: tUs });
        previous = tUs;
      }
    }
    return found;
  }
}
