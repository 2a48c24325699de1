/**
 * Byte stream → lines, with the bounded buffer the link requires.
 *
 * Spec: docs/protocols/link.md §2: lines end with LF; a receiver that has read 121 bytes without
 * an LF discards bytes up to and including the next LF and counts one overflow. Lines are handed
 * on as latin1 strings (one char per byte, LF removed) so that every byte, printable or not,
 * reaches the classifier. Chunks may split a line anywhere.
 */
import { MAX_LINE_BYTES } from './line-frame.ts';

export interface LineSink {
  line(text: string): void;
  overflow(): void;
}

const LF = 0x0a;

export class LineSplitter {
  private readonly buffer = Buffer.alloc(MAX_LINE_BYTES);
  private length = 0;
  private isDiscarding = false;

  constructor(private readonly sink: LineSink) {}

  push(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (this.isDiscarding) {
        if (byte === LF) this.isDiscarding = false;
      } else if (byte === LF) {
        const text = this.buffer.toString('latin1', 0, this.length);
        this.length = 0;
        this.sink.line(text);
      } else if (this.length === MAX_LINE_BYTES) {
        // This is byte 121 without an LF: the line is lost up to the next LF.
        this.length = 0;
        this.isDiscarding = true;
        this.sink.overflow();
      } else {
        this.buffer[this.length++] = byte;
      }
    }
  }

  /** Forgets a partial line, e.g. when the port is reopened. */
  reset(): void {
    this.length = 0;
    this.isDiscarding = false;
  }
}
