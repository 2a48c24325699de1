/**
 * A minimal host for tests: sends host lines with a running seq, splits and decodes everything
 * the device sends, and keeps it for assertions. Uses the simulator's own spec codec (tests of
 * the simulator play the host; the app's codec is never involved).
 */
import type { Duplex } from 'node:stream';
import type { LineError, LineErrorClass } from '../spec-codec/line-frame.ts';
import { LineSplitter } from '../spec-codec/line-splitter.ts';
import type { DecodedDeviceLine, Reply } from '../spec-codec/link-messages.ts';
import type { Result } from '../spec-codec/result.ts';

export interface ProbeCodec<H, D> {
  encodeHost(seq: number, message: H): string;
  decodeDevice(line: string): Result<DecodedDeviceLine<D>, LineError>;
}

/** Lets queued stream events (data, close) run; no timer, no sleeping. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

export class HostProbe<H, D extends { readonly kind: string }> {
  readonly raw: string[] = [];
  readonly valid: { seq: number; message: D }[] = [];
  readonly bad: Record<LineErrorClass, number> = { overflow: 0, crc: 0, format: 0, range: 0, unknown: 0 };
  bytesReceived = 0;
  isClosed = false;
  private seq = 0;
  private readonly splitter = new LineSplitter({
    line: (text) => this.lineReceived(text),
    overflow: () => {
      this.bad.overflow++;
    },
  });

  constructor(
    readonly stream: Duplex,
    private readonly codec: ProbeCodec<H, D>,
  ) {
    stream.on('data', (chunk: Buffer) => {
      this.bytesReceived += chunk.length;
      this.splitter.push(chunk);
    });
    stream.on('close', () => {
      this.isClosed = true;
    });
    stream.on('error', () => {});
  }

  /** Sends one host line with the next seq; returns the line. */
  send(message: H): string {
    const line = this.codec.encodeHost(this.seq, message);
    this.seq = (this.seq + 1) % 2 ** 32;
    this.stream.write(`${line}\n`, 'latin1');
    return line;
  }

  /** Sends raw bytes (for bad lines). Does not advance seq. */
  sendRaw(text: string): void {
    this.stream.write(Buffer.from(text, 'latin1'));
  }

  setSeq(seq: number): void {
    this.seq = seq;
  }

  get nextSeq(): number {
    return this.seq;
  }

  replies(id: number): Reply[] {
    return this.valid
      .map((v) => v.message as unknown as Reply)
      .filter((m) => (m.kind === 'ack' || m.kind === 'nak') && m.id === id);
  }

  ofKind<K extends D['kind']>(kind: K): { seq: number; message: Extract<D, { kind: K }> }[] {
    return this.valid.filter((v) => v.message.kind === kind) as { seq: number; message: Extract<D, { kind: K }> }[];
  }

  clear(): void {
    this.raw.length = 0;
    this.valid.length = 0;
    for (const key of Object.keys(this.bad) as LineErrorClass[]) this.bad[key] = 0;
  }

  private lineReceived(text: string): void {
    this.raw.push(text);
    const decoded = this.codec.decodeDevice(text);
    if (decoded.ok) this.valid.push({ seq: decoded.value.seq, message: decoded.value.message });
    else this.bad[decoded.error.kind]++;
  }
}
