/**
 * Bytes in, lines out: LineGuard (bounded) in front of @serialport/parser-readline (the design
 * card's splitter). Readline runs without a text encoding, so each line comes out as the bytes
 * that arrived (a view, not a copy) and the codecs check those bytes themselves; making a string
 * of every line cost more than decoding it. One framer serves one open link; after a disconnect
 * the driver discards it, dropping the unfinished last line instead of flushing it as complete.
 */
import { ReadlineParser, type ReadlineOptions } from '@serialport/parser-readline';
import { MAX_LINE_BYTES } from '../codecs/line/line-error.ts';
import { LineGuard } from './line-guard.ts';

export class LineFramer {
  private readonly guard: LineGuard;
  private readonly splitter: ReadlineParser;

  constructor(onLine: (line: Buffer) => void, onEmptyLine?: () => void, maxLineBytes = MAX_LINE_BYTES) {
    this.guard = new LineGuard(maxLineBytes, onEmptyLine);
    // An explicit `encoding: undefined` overrides readline's utf8 default: lines stay Buffers.
    this.splitter = new ReadlineParser({ delimiter: '\n', encoding: undefined } as unknown as ReadlineOptions);
    this.splitter.on('data', onLine);
  }

  push(chunk: Buffer): void {
    const pieces = this.guard.cut(chunk);
    if (pieces === undefined) this.splitter.write(chunk);
    else for (const piece of pieces) this.splitter.write(piece);
  }

  /**
   * Ends this framer without flushing: an unfinished trailing line is dropped, never decoded.
   * Returns whether such a line was pending (a disconnect cut it), so the caller can count it.
   */
  discard(): boolean {
    const hadPartialLine = this.guard.pendingBytes > 0;
    this.splitter.destroy();
    return hadPartialLine;
  }
}
