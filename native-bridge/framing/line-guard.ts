/**
 * Bounds the line buffer in front of @serialport/parser-readline, which itself buffers without
 * limit (STYLE.md §1.1). A run of more than `maxLineBytes` bytes without LF is cut after
 * `maxLineBytes + 1` bytes with an injected LF and the rest is discarded up to the device's next
 * LF. The cut line is one byte too long, so the decoder classifies it as `overflow` and counts
 * it exactly once (link.md §2). Readline's buffer therefore never exceeds maxLineBytes + 1.
 */
const LF = 0x0a;
const LF_BUFFER = Buffer.from([LF]);

export class LineGuard {
  /** Bytes of the current line already passed downstream. */
  private runBytes = 0;
  private discarding = false;

  /**
   * `onEmptyLine` hears of every bare LF: parser-readline drops empty lines without a trace, yet
   * an empty line is a bad line (no `*`, link.md §2.2) and must be counted.
   */
  constructor(
    private readonly maxLineBytes: number,
    private readonly onEmptyLine: () => void = () => undefined,
  ) {}

  /** Bytes of a line started but not finished: what a disconnect would drop. */
  get pendingBytes(): number {
    return this.discarding ? 0 : this.runBytes;
  }

  /**
   * The pieces to hand to the splitter for this chunk, or `undefined` when the chunk passes
   * unchanged (the common case: no copy at all). A plain call, not a stream stage: an extra
   * Transform per chunk was measurable in the PTY bench.
   */
  cut(chunk: Buffer): Buffer[] | undefined {
    let pieces: Buffer[] | undefined;
    let keptFrom = 0;
    let at = 0;
    while (at < chunk.length) {
      const lf = chunk.indexOf(LF, at);
      const segmentEnd = lf === -1 ? chunk.length : lf;
      if (this.discarding) {
        // Drop up to and including the device's LF; our own LF already ended the line.
        pieces ??= [];
        if (lf === -1) return pieces;
        this.discarding = false;
        this.runBytes = 0;
        at = keptFrom = lf + 1;
        continue;
      }
      const room = this.maxLineBytes + 1 - this.runBytes;
      if (lf === at && this.runBytes === 0) this.onEmptyLine();
      if (segmentEnd - at <= this.maxLineBytes - this.runBytes) {
        this.runBytes = lf === -1 ? this.runBytes + (segmentEnd - at) : 0;
        at = lf === -1 ? chunk.length : lf + 1;
        continue;
      }
      pieces ??= [];
      pieces.push(chunk.subarray(keptFrom, at + room), LF_BUFFER);
      this.discarding = true;
      this.runBytes = 0;
      at = keptFrom = at + room;
    }
    if (pieces !== undefined && keptFrom < chunk.length) pieces.push(chunk.subarray(keptFrom));
    return pieces;
  }
}
