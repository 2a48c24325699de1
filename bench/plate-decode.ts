/** Plate `#D` line decode rate on one core (issue: ≥ 1,000,000 lines/s). */
import { decodePlateLine, type PlateSampleSink } from '../native-bridge/index.ts';
import { makePlateLines } from './plate-lines.ts';

export function benchPlateDecode(): { linesPerSec: number } {
  const lines = makePlateLines(20_000, 0).map((line) => Buffer.from(line.slice(0, -1), 'latin1'));
  let samples = 0;
  const sink: PlateSampleSink = { pushSample: () => void samples++ };
  const rounds = 50;
  let best = 0;
  for (let trial = 0; trial < 5; trial++) {
    const startNs = process.hrtime.bigint();
    for (let round = 0; round < rounds; round++) for (const line of lines) decodePlateLine(line, sink);
    const seconds = Number(process.hrtime.bigint() - startNs) / 1e9;
    best = Math.max(best, (lines.length * rounds) / seconds);
  }
  if (samples !== lines.length * rounds * 5) throw new Error(`decoded ${samples} samples, expected ${lines.length * rounds * 5}`);
  return { linesPerSec: best };
}
