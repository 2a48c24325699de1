/**
 * End-to-end plate stream over a real socat PTY pair through node-serialport, at the highest rate
 * the link sustains: a separate writer process pours pre-made `#D` lines into one end as fast as
 * the PTY takes them; this process reads the other end either with bare parser-readline (the
 * baseline) or through Proprio's whole pipeline (LineGuard + readline + decode + sample blocks).
 * Both runs use the same PTY kind and the same bytes, side by side in one process run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ReadlineParser, type ReadlineOptions } from '@serialport/parser-readline';
import { SerialPort } from 'serialport';
import { LineFramer, PlateSampleStream, decodePlateLine, type PlateSampleBlock } from '../native-bridge/index.ts';
import { SequenceTracker } from '../native-bridge/drivers/sequence-tracker.ts';
import { openPtyPair } from '../test/support/socat-pair.ts';
import { makePlateLines } from './plate-lines.ts';

type Reader = (port: SerialPort, onLine: () => void) => void;

/**
 * socat and the writer run on CPU 0 and this reader on CPU 1, for both readers alike: on two
 * cores the three processes otherwise compete, and the ratio measured the scheduler's mood
 * (0.63-0.80 in consecutive unpinned runs) instead of whether the reader keeps up with the link.
 */
const LOAD_CPU = 0;
const READER_CPU = 1;

/**
 * Pins this process to `cpu` and returns what undoes it. The undo matters: every process spawned
 * afterwards inherits the mask, and the later benches (the UI bench's host and Chromium) once ran
 * squeezed onto this one core, their figures doubled.
 */
function pinSelf(cpu: number): () => void {
  const before = execFileSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' });
  const cpuList = /: *(\S+)\s*$/.exec(before)?.[1];
  if (cpuList === undefined) throw new Error(`taskset printed no affinity list: ${before.trim()}`);
  execFileSync('taskset', ['-cp', String(cpu), String(process.pid)], { stdio: 'ignore' });
  return () => execFileSync('taskset', ['-cp', cpuList, String(process.pid)], { stdio: 'ignore' });
}

/** The baseline: parser-readline as documented, with its defaults (LF, utf8 strings). */
const bareReadline: Reader = (port, onLine) => {
  port.pipe(new ReadlineParser()).on('data', onLine);
};

/** parser-readline emitting Buffers, as Proprio configures it, with nothing after it. */
const bareReadlineBytes: Reader = (port, onLine) => {
  port.pipe(new ReadlineParser({ encoding: undefined } as unknown as ReadlineOptions)).on('data', onLine);
};

/** The plate driver's per-line work: framing, decoding, sequence and gap checks, columnar blocks. */
const proprioPipeline: Reader = (port, onLine) => {
  const sequence = new SequenceTracker();
  const blocks: PlateSampleBlock[] = [];
  const stream = new PlateSampleStream(
    {
      blockReady: (block) => blocks.length < 1 && blocks.push(block),
      gapFound: (gap) => {
        throw new Error(`the bench stream has no gaps, yet one was found: ${JSON.stringify(gap)}`);
      },
      lineAccepted: (seq) => {
        if (sequence.observe(seq) !== 0) throw new Error(`lines lost before seq ${seq}`);
        onLine();
      },
    },
    1000,
  );
  const framer = new LineFramer((line) => decodePlateLine(line, stream));
  port.on('data', (chunk: Buffer) => framer.push(chunk));
};

async function measure(reader: Reader, file: string, lineCount: number): Promise<number> {
  const pty = await openPtyPair({ cpu: LOAD_CPU });
  try {
    const port = new SerialPort({ path: pty.appPath, baudRate: 1_500_000, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    let received = 0;
    let firstMs = 0;
    const done = new Promise<number>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`only ${received}/${lineCount} lines arrived`)), 120_000);
      reader(port, () => {
        if (received === 0) firstMs = performance.now();
        if (++received === lineCount) {
          clearTimeout(timeout);
          resolve(performance.now() - firstMs);
        }
      });
    });
    const writer = spawn('taskset', ['-c', String(LOAD_CPU), process.execPath, '-e', `require('fs').createReadStream(${JSON.stringify(file)}).pipe(require('fs').createWriteStream(${JSON.stringify(pty.devicePath)}))`], {
      stdio: 'inherit',
    });
    const elapsedMs = await done;
    writer.kill();
    await new Promise<void>((resolve) => port.close(() => resolve()));
    return (lineCount / elapsedMs) * 1000;
  } finally {
    await pty.close();
  }
}

export interface PtyBenchResult {
  readonly bareLinesPerSec: number;
  readonly bareBytesModeLinesPerSec: number;
  readonly proprioLinesPerSec: number;
  /** Proprio's pipeline against bare parser-readline with its defaults: median of the rounds' ratios. */
  readonly ratio: number;
  /** Against bare parser-readline in Buffer mode: the cost of everything after the splitter. */
  readonly ratioToBytesMode: number;
  readonly rounds: number;
  readonly pinned: boolean;
}

const ROUNDS = 7;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Each round measures the three readers back to back, in an order that rotates from round to
 * round; a round's ratios compare runs seconds apart, and the medians over the rounds resist the
 * machine's drift (the link alone moved between 0.56 and 1.02 M lines/s from run to run here).
 */
export async function benchPlatePty(lineCount = 300_000): Promise<PtyBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'proprio-bench-'));
  const file = path.join(dir, 'lines.txt');
  writeFileSync(file, makePlateLines(lineCount, 0).join(''), 'latin1');
  // os.cpus(), not availableParallelism(): the latter shrinks to 1 once this process is pinned.
  const pinned = cpus().length >= 2;
  const unpin = pinned ? pinSelf(READER_CPU) : undefined;
  try {
    const readers = [bareReadline, bareReadlineBytes, proprioPipeline];
    const rates: number[][] = [[], [], []];
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < readers.length; k++) {
        const index = (round + k) % readers.length;
        (rates[index] as number[]).push(await measure(readers[index] as Reader, file, lineCount));
      }
    }
    const [bare, bytes, proprio] = rates as [number[], number[], number[]];
    return {
      bareLinesPerSec: median(bare),
      bareBytesModeLinesPerSec: median(bytes),
      proprioLinesPerSec: median(proprio),
      ratio: median(proprio.map((rate, i) => rate / (bare[i] as number))),
      ratioToBytesMode: median(proprio.map((rate, i) => rate / (bytes[i] as number))),
      rounds: ROUNDS,
      pinned,
    };
  } finally {
    unpin?.();
    rmSync(dir, { recursive: true, force: true });
  }
}
