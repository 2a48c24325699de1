/**
 * Realistic `#D` lines (plate.md §5) for benches, each ending with LF, written by the simulator's
 * spec codec so the host decodes bytes it did not encode itself.
 */
import { encodePlateSampleLine } from '../hardware-sim/index.ts';

export function makePlateLines(count: number, firstSeq: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const seq = firstSeq + i;
    const tUs = 1_000_000 + seq * 1000;
    const wobble = Math.round(Math.sin(seq / 50) * 40_000);
    lines.push(`${encodePlateSampleLine(seq, tUs, 1_812_334 + wobble, 1_760_023 - wobble, 1_698_512 + wobble, 1_755_201 - wobble, 0)}\n`);
  }
  return lines;
}
